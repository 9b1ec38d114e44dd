"""Error families are read from the structure of the message (its exception type, what it is about and how it
says it), so each family holds on wordings from several libraries and versions, not one phrase; messages that only
look alike get no family. Then, through the tool: a paste that ends in an exception is a failed run whatever the
exit code, the shell's SIGKILL report is the OOM killer, a worker's wrapped exception and a launcher's report
point at the original error, and TensorFlow's cause after its node frames is found."""

from __future__ import annotations

import pytest
from mcp import Client

from experiment_runner.diagnosis.exceptions import family, parse, with_continuation
from experiment_runner.server import build_server
from tests.conftest import result_text

# (expected family, the exception line as the library prints it, where the wording comes from)
WORDINGS = [
    ("out_of_memory", "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total "
     "capacity of 79.15 GiB of which 1.02 GiB is free.", "torch 2.5+"),
    ("out_of_memory", "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 10.76 GiB total "
     "capacity; 9.59 GiB already allocated; 5.62 MiB free; 9.80 GiB reserved in total by PyTorch)", "torch 1.x"),
    ("out_of_memory", "RuntimeError: CUDA error: out of memory", "torch 1.0 (THC)"),
    ("out_of_memory", "RuntimeError: [enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: not enough "
     "memory: you tried to allocate 8589934592 bytes.", "torch on Windows"),
    ("out_of_memory", "RuntimeError: [enforce fail at context_gpu.cu:415] error == cudaSuccess. 2 vs 0. Error at: "
     "/pytorch/caffe2/core/context_gpu.cu:415: out of memory", "caffe2"),
    ("out_of_memory", "RuntimeError: cuDNN error: CUDNN_STATUS_NOT_ENOUGH_MEMORY", "cuDNN status"),
    ("out_of_memory", "RuntimeError: CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`",
     "cuBLAS status"),
    ("out_of_memory", "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 4.47 GiB for an array with "
     "shape (12, 50000000) and data type float64", "numpy 1.x"),
    ("out_of_memory", "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor "
     "with shape[256,1024,14,14] and type float on /job:localhost/replica:0/task:0/device:GPU:0", "TensorFlow 2"),
    ("out_of_memory", "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to "
     "allocate 17179869184 bytes.", "JAX"),
    ("out_of_memory", "RuntimeError: MPS backend out of memory (MPS allocated: 18.13 GB, other allocations: 1.02 GB, "
     "max allowed: 18.13 GB).", "torch on Apple silicon"),
    ("out_of_memory", "MemoryError", "Python"),
    ("shape_mismatch", "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x512 and 256x10)", "torch 1.8+"),
    ("shape_mismatch", "RuntimeError: size mismatch, m1: [764 x 100], m2: [764 x 200] at "
     "/tmp/pip-req-build/aten/src/TH/generic/THTensorMath.cpp:41", "torch <= 1.7 (TH)"),
    ("shape_mismatch", "RuntimeError: The expanded size of the tensor (64) must match the existing size (96) at "
     "non-singleton dimension 1.  Target sizes: [96, 64].  Tensor sizes: [96]", "torch expand"),
    ("shape_mismatch", "RuntimeError: The size of tensor a (10) must match the size of tensor b (32) at "
     "non-singleton dimension 1", "torch broadcast"),
    ("shape_mismatch", "RuntimeError: Given groups=1, weight of size [64, 3, 7, 7], expected input[1, 4, 224, 224] "
     "to have 3 channels, but got 4 channels instead", "torch conv"),
    ("shape_mismatch", "ValueError: Expected input batch_size (64) to match target batch_size (32).", "torch loss"),
    ("shape_mismatch", "RuntimeError: Expected 4-dimensional input for 4-dimensional weight [32, 1, 5, 5], but got "
     "3-dimensional input of size [1, 28, 28] instead", "torch 1.x conv"),
    ("shape_mismatch", "RuntimeError: Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of "
     "size: [1, 2, 3, 4]", "torch 2.x conv1d"),
    ("shape_mismatch", "RuntimeError: shape '[64, -1]' is invalid for input of size 100", "torch view"),
    ("shape_mismatch", "RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 64 but got "
     "size 32 for tensor number 1 in the list.", "torch cat"),
    ("shape_mismatch", "RuntimeError: stack expects each tensor to be equal size, but got [3, 224, 224] at entry 0 "
     "and [3, 256, 256] at entry 1", "default_collate"),
    ("shape_mismatch", "ValueError: Input 0 of layer \"sequential\" is incompatible with the layer: expected "
     "shape=(None, 28, 28), found shape=(None, 784)", "Keras 2.x"),
    ("shape_mismatch", "ValueError: Shapes (None, 10) and (None, 1) are incompatible", "Keras"),
    ("shape_mismatch", "ValueError: operands could not be broadcast together with shapes (3,) (4,) ", "numpy"),
    ("shape_mismatch", "ValueError: Target size (torch.Size([16])) must be the same as input size "
     "(torch.Size([16, 1]))", "torch BCE"),
    ("shape_mismatch", "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)",
     "torch dim"),
    ("shape_mismatch", "RuntimeError: view size is not compatible with input tensor's size and stride (at least one "
     "dimension spans across two contiguous subspaces). Use .reshape(...) instead.", "torch view stride"),
    ("dtype_or_device_mismatch", "RuntimeError: expected scalar type Float but found Double", "torch 1.x"),
    ("dtype_or_device_mismatch", "RuntimeError: Expected object of scalar type Long but got scalar type Float for "
     "argument #2 'target' in call to _thnn_nll_loss_forward", "torch 1.0-1.4"),
    ("dtype_or_device_mismatch", "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float",
     "torch 2.x"),
    ("dtype_or_device_mismatch", "RuntimeError: Found dtype Double but expected Float", "torch autograd"),
    ("dtype_or_device_mismatch", 'RuntimeError: "nll_loss_forward_reduce_cuda_kernel_2d_index" not implemented for '
     "'Float'", "torch kernel dispatch"),
    ("dtype_or_device_mismatch", "RuntimeError: result type Float can't be cast to the desired output type Long",
     "torch type promotion"),
    ("dtype_or_device_mismatch", "RuntimeError: Input type (torch.cuda.FloatTensor) and weight type "
     "(torch.FloatTensor) should be the same", "torch conv, device"),
    ("dtype_or_device_mismatch", "RuntimeError: Input type (c10::BFloat16) and bias type (float) should be the same",
     "torch 2.x conv, dtype"),
    ("dtype_or_device_mismatch", "RuntimeError: Expected all tensors to be on the same device, but found at least "
     "two devices, cuda:0 and cpu!", "torch 1.9+"),
    ("dtype_or_device_mismatch", "RuntimeError: Tensor for 'out' is on CPU, Tensor for argument #1 'self' is on CPU, "
     "but expected them to be on GPU (while checking arguments for addmm)", "torch 1.x"),
    ("dtype_or_device_mismatch", "RuntimeError: Expected tensor for argument #1 'indices' to have one of the following "
     "scalar types: Long, Int; but got torch.cuda.FloatTensor instead (while checking arguments for embedding)",
     "torch embedding"),
    ("device_side_assert", "RuntimeError: CUDA error: device-side assert triggered", "torch CUDA"),
    ("device_side_assert", "IndexError: Target 5 is out of bounds.", "torch nll_loss on CPU"),
    ("device_side_assert", "IndexError: index out of range in self", "torch embedding on CPU"),
    ("device_side_assert", "IndexError: index 10 is out of bounds for dimension 0 with size 10", "torch indexing"),
    ("device_side_assert", "xgboost.core.XGBoostError: [17:19:30] src/objective/multiclass_obj.cc:75: Check failed: "
     "label_error >= 0 && label_error < nclass SoftmaxMultiClassObj: label must be in [0, num_class).", "XGBoost"),
    ("device_side_assert", "tensorflow.python.framework.errors_impl.InvalidArgumentError: Received a label value of "
     "10 which is outside the valid range of [0, 10).  Label values: 3 10 8 5", "TensorFlow"),
    ("device_side_assert", "xgboost.core.XGBoostError: [14:23:38] /__w/xgboost/xgboost/src/objective/"
     "multiclass_obj.cu:64: Check failed: valid: SoftmaxMultiClassObj: label must be discrete values in the range of "
     "[0, num_class).", "XGBoost 2.x: the check's condition says nothing, the interval does"),
    ("distributed_timeout", "RuntimeError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1269, "
     "unhandled system error, NCCL version 2.14.3", "torch 1.13"),
    ("distributed_timeout", "torch.distributed.DistBackendError: NCCL error in: "
     "../torch/csrc/distributed/c10d/NCCLUtils.hpp:317, unhandled cuda error", "torch 2.x"),
    ("distributed_timeout", "torch.distributed.DistStoreError: Timed out after 901 seconds waiting for clients. 1/2 "
     "clients joined.", "torch 2.x rendezvous"),
    ("distributed_timeout", "RuntimeError: Timed out initializing process group in store based barrier on rank: 1, "
     "for key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)", "torch 1.x"),
    ("distributed_timeout", "RuntimeError: [../third_party/gloo/gloo/transport/tcp/pair.cc:598] Connection closed by "
     "peer [127.0.0.1]:11437", "gloo"),
    ("dataloader_worker_crash", "RuntimeError: DataLoader worker (pid(s) 12345) exited unexpectedly", "torch"),
    ("dataloader_worker_crash", "RuntimeError: DataLoader worker (pid 4242) is killed by signal: Killed. ", "torch"),
    ("dataloader_worker_crash", "RuntimeError: unable to write to file </torch_18692_1954506624_0>: No space left on "
     "device (28)", "torch shared memory"),
    ("missing_file_or_module", "ModuleNotFoundError: No module named 'timm'", "Python 3"),
    ("missing_file_or_module", "ImportError: cannot import name 'soft_unicode' from 'markupsafe'", "Python 3"),
    ("missing_file_or_module", "ImportError: libcudnn.so.8: cannot open shared object file: No such file or "
     "directory", "the dynamic loader"),
    ("missing_file_or_module", "FileNotFoundError: [Errno 2] No such file or directory: 'data/train.bin'", "Python 3"),
    ("missing_file_or_module", "OSError: Can't load tokenizer for 'bert-base-uncased'. Make sure that "
     "'bert-base-uncased' is the correct path to a directory containing all relevant files for a BertTokenizerFast "
     "tokenizer.", "transformers 4"),
    ("missing_file_or_module", "huggingface_hub.errors.RepositoryNotFoundError: 401 Client Error.", "huggingface_hub"),
    ("missing_file_or_module", "OSError: Incorrect path_or_model_id: '../pretrained_models/clip-vit-base-patch32-"
     "projection'. Please provide either the path to a local folder or the repo_id of a model on the Hub.",
     "transformers 4.3x cached_file"),
    ("missing_file_or_module", "OSError: Repo id must be in the form 'repo_name' or 'namespace/repo_name': "
     "'./checkpoints/tokenizer'. Use `repo_type` argument if needed.", "transformers 5 / huggingface_hub validation"),
    ("missing_file_or_module", "RuntimeError: Dataset not found or corrupted. You can use download=True to download it",
     "torchvision"),
    ("disk_full", "OSError: [Errno 28] No space left on device", "Python 3"),
    ("disk_full", "OSError: [Errno 122] Disk quota exceeded: '/home/u/ckpt/epoch_3.pt'", "Python 3"),
    ("amp_loss_scale_collapse", "FloatingPointError: Minimum loss scale reached (0.0001). Your loss is probably "
     "exploding. Try lowering the learning rate, using gradient clipping or increasing the batch size.", "fairseq"),
    ("amp_loss_scale_collapse", "Exception: Current loss scale already at minimum - cannot decrease scale anymore. "
     "Exiting run.", "DeepSpeed"),
    ("numeric_overflow", "OverflowError: math range error", "Python math.exp"),
    ("nan_or_inf_loss", "RuntimeError: Function 'LogSoftmaxBackward0' returned nan values in its 0th output.",
     "torch anomaly mode"),
    ("nan_or_inf_loss", "ValueError: Input contains NaN, infinity or a value too large for dtype('float64').",
     "scikit-learn"),
    ("nan_or_inf_loss", "tensorflow.python.framework.errors_impl.InvalidArgumentError: Nan in summary histogram for: "
     "dense/kernel_0", "TensorFlow 1"),
    ("exploding_gradients", "RuntimeError: The total norm of order 2.0 for gradients from `parameters` is non-finite, "
     "so it cannot be clipped.", "torch clip_grad_norm_(error_if_nonfinite=True)"),
]  # fmt: skip

LOOKALIKES = [
    "ValueError: Unknown config key: seed",
    "KeyError: 'input_ids'",
    "ValueError: invalid literal for int() with base 10: 'abc'",
    "AttributeError: 'NoneType' object has no attribute 'size'",
    "RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors after they "
    "have already been freed).",
    "RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: "
    "[torch.cuda.FloatTensor [64, 128]], which is output 0 of ReluBackward0, is at version 2; expected version 1 "
    "instead.",
    "AssertionError",
    "OSError: [Errno 24] Too many open files: '/proc/self/fd'",
    "OSError: image file is truncated (3 bytes not processed)",
    "ZeroDivisionError: division by zero",
]


@pytest.mark.parametrize(("expected", "line", "source"), WORDINGS, ids=[f"{w[0]}-{i}" for i, w in enumerate(WORDINGS)])
def test_each_error_family_holds_on_real_wordings_from_several_libraries_and_versions(expected, line, source):
    info = parse(line)
    assert info is not None, f"{source}: not read as an exception line"
    found = family(info)
    assert found is not None and found.category == expected, f"{source}: {found}"


@pytest.mark.parametrize("line", LOOKALIKES)
def test_messages_that_only_look_alike_get_no_family(line):
    assert family(parse(line)) is None


def test_host_memory_named_without_a_shortage_is_no_out_of_memory():
    info = parse(
        "TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host "
        "memory first."
    )
    assert family(info) is None or family(info).category != "out_of_memory"


def test_lines_that_are_not_exceptions_are_not_parsed_as_one():
    for line in ("Epoch 3: loss=0.4", "ERROR: Unexpected bus error encountered in worker.", "UserWarning: x", "Done."):
        assert parse(line) is None


def test_a_wrapped_message_is_read_with_the_lines_that_continue_it():
    info = parse("xgboost.core.XGBoostError: [17:19:30] src/objective/multiclass_obj.cc:75:")
    full = with_continuation(info, ["Check failed: label_error >= 0 && label_error < nclass", "", "next"])
    assert "label_error >= 0" in full.message and family(full).category == "device_side_assert"


# --- through the tool ---------------------------------------------------------------------------------------------

pytestmark = pytest.mark.anyio


async def _diagnose(workspace, mode, **args):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


async def test_a_pasted_traceback_ending_in_an_unknown_exception_is_a_failure_without_an_exit_code(workspace, mode):
    out = await _diagnose(
        workspace,
        mode,
        log_text='step 1 loss 2.3\nTraceback (most recent call last):\n  File "train.py", line 9, in <module>\n'
        "    main()\nValueError: Unknown config key: seed\n",
    )
    assert out["healthy"] is False and "ends with an exception" in out["outcome"]
    assert out["findings"][0]["category"] == "unrecognized_error"


async def test_a_traceback_at_the_end_fails_the_run_even_with_exit_code_zero(workspace, mode):
    out = await _diagnose(
        workspace,
        mode,
        log_text='epoch 1 loss 0.5\nTraceback (most recent call last):\n  File "t.py", line 3, in <module>\n'
        "RuntimeError: CUDA error: out of memory\n",
        exit_code=0,
    )
    assert out["healthy"] is False and out["findings"][0]["category"] == "out_of_memory"
    assert "exit code says success" in out["outcome"]


@pytest.mark.parametrize(
    "last_line",
    [
        "Killed",
        "/var/spool/slurmd/job4242/slurm_script: line 27:   318 Killed                  python train.py",
        "srun: error: node17: task 0: Killed",
        "zsh: killed     python train.py",
        "已杀死",
    ],
)
async def test_the_shells_report_of_a_sigkill_reads_as_the_oom_killer(workspace, mode, last_line):
    out = await _diagnose(workspace, mode, log_text=f"iter 143: loss 0.58\niter 144: loss 0.57\n{last_line}\n")
    top = out["findings"][0]
    assert out["healthy"] is False and top["category"] == "out_of_memory"
    assert any("OOM killer" in c for c in top["likely_causes"])


async def test_a_killed_word_inside_a_training_line_is_not_a_kill(workspace, mode):
    out = await _diagnose(workspace, mode, log_text="step 1 loss 2.0 workers killed=0\nstep 2 loss 1.5\nDone.\n")
    assert out["healthy"] is True


async def test_a_worker_exception_is_diagnosed_by_the_original_error_it_wraps(workspace, mode):
    log = (
        'Traceback (most recent call last):\n  File "train.py", line 30, in <module>\n    for x, y in loader:\n'
        "RuntimeError: Caught RuntimeError in DataLoader worker process 0.\nOriginal Traceback (most recent call "
        'last):\n  File "/venv/torch/utils/data/_utils/worker.py", line 308, in _worker_loop\n'
        "RuntimeError: stack expects each tensor to be equal size, but got [3, 224, 224] at entry 0 and "
        "[3, 256, 256] at entry 1\n"
    )
    out = await _diagnose(workspace, mode, log_text=log, exit_code=1)
    assert out["findings"][0]["category"] == "shape_mismatch"
    assert "dataloader_worker_crash" in [f["category"] for f in out["findings"]]


async def test_a_launchers_child_failed_report_points_at_the_childs_own_error(workspace, mode):
    log = (
        '[rank0]: Traceback (most recent call last):\n[rank0]:   File "train.py", line 12, in <module>\n'
        "[rank0]: RuntimeError: CUDA error: out of memory\n"
        "E0101 12:00:00.000 1 torch/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: 1) "
        "local_rank: 0\n"
        'Traceback (most recent call last):\n  File "/venv/bin/torchrun", line 8, in <module>\n    sys.exit(main())\n'
        "torch.distributed.elastic.multiprocessing.errors.ChildFailedError: \n"
        "============================================================\ntrain.py FAILED\n"
    )
    out = await _diagnose(workspace, mode, log_text=log)
    assert out["findings"][0]["category"] == "out_of_memory"


async def test_tensorflows_cause_after_the_node_frames_is_read(workspace, mode):
    log = (
        'Traceback (most recent call last):\n  File "train.py", line 40, in <module>\n    model.fit(x, y)\n'
        "tensorflow.python.framework.errors_impl.InvalidArgumentError: Graph execution error:\n\n"
        "Detected at node 'sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits' defined at (most "
        'recent call last):\n    File "train.py", line 40, in <module>\n      model.fit(x, y)\n'
        "Node: 'sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits'\n"
        "Received a label value of 10 which is outside the valid range of [0, 10).  Label values: 3 10 8 5\n"
        "\t [[{{node sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits}}]] "
        "[Op:__inference_train_function_1234]\n"
    )
    out = await _diagnose(workspace, mode, log_text=log)
    assert out["findings"][0]["category"] == "device_side_assert"


async def test_an_exit_code_the_log_states_is_read_from_it(workspace, mode):
    out = await _diagnose(
        workspace,
        mode,
        log_text="epoch 11 loss 438.8\n14957 segmentation fault (core dumped)  python train.py\n\n"
        "Process finished with exit code 139 (interrupted by signal 11: SIGSEGV)\n",
    )
    assert "exit code 139" in out["outcome"] and "SIGSEGV" in out["outcome"]
    assert out["findings"][0]["category"] == "process_crash"


async def test_an_exception_python_ignored_at_shutdown_is_no_failure(workspace, mode):
    log = (
        "epoch 10 loss 0.10\nTraining done.\n"
        "Exception ignored in: <function _MultiProcessingDataLoaderIter.__del__ at 0x7f2c>\n"
        'Traceback (most recent call last):\n  File "/venv/torch/utils/data/dataloader.py", line 1479, in __del__\n'
        "    self._shutdown_workers()\nAttributeError: 'NoneType' object has no attribute 'python_exit_status'\n"
    )
    out = await _diagnose(workspace, mode, log_text=log)
    assert out["healthy"] is True, out["findings"]


async def test_a_kill_that_follows_the_schedulers_time_limit_is_not_read_as_the_oom_killer(workspace, mode):
    log = (
        "epoch 3 step 900 loss 0.41\n"
        "slurmstepd: error: *** STEP 4242.0 ON node17 CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***\n"
        "srun: Job step aborted: Waiting up to 32 seconds for job step to finish.\n"
        "srun: error: node17: task 0: Killed\n"
    )
    out = await _diagnose(workspace, mode, log_text=log)
    assert [f["category"] for f in out["findings"]] == ["time_limit"]
