# Pasted logs (verbatim excerpts of the stored issue text, as the `search` tool's issues index returned them).
CASES = []

def add(**kw):
    CASES.append(kw)

add(name="paste2_keras_fit_generator_oom_bs295",
    url="https://github.com/keras-team/keras/issues/13376", framework="keras/tensorflow",
    argv=[],
    trimmed="the allocator chunk summary above 'MaxAllocSize' and everything after the stored excerpt's end (it stops inside the last E-line); the poster's question",
    stdout="""MaxAllocSize:           4949278720

2019-09-30 08:59:59.987663: W tensorflow/core/common_runtime/bfc_allocator.cc:292] ***************_*****************************************************_______________________________
2019-09-30 08:59:59.988498: W tensorflow/core/framework/op_kernel.cc:1431] OP_REQUIRES failed at fused_batch_norm_op.cc:573 : Resource exhausted: OOM when allocating tensor with shape[295,64,256,256] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc
2019-09-30 08:59:59.988585: W tensorflow/core/common_runtime/base_collective_executor.cc:214] BaseCollectiveExecutor::StartAbort Resource exhausted: OOM when allocating tensor with shape[295,64,256,256] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc
\t [[{{node batch_normalization_v2/cond/then/_0/FusedBatchNorm}}]]
Hint: If you want to see a list of allocated tensors when OOM happens, add report_tensor_allocations_upon_oom to RunOptions for current allocation info.

\t [[GroupCrossDeviceControlEdges_0/training/Adam/Adam/Const/_343]]
Hint: If you want to see a list of allocated tensors when OOM happens, add report_tensor_allocations_upon_oom to RunOptions for current allocation info.

2019-09-30 08:59:59.988700: E tensorflow/core/common_runtime/process_function_library_runtime.cc:764] Com
""",
    expected="out_of_memory",
    rationale="TensorFlow's GPU allocator fails: 'Resource exhausted: OOM when allocating tensor with shape[295,64,256,256] and type float on ... device:GPU:0 by allocator GPU_0_bfc' in FusedBatchNorm; MaxAllocSize 4949278720 (about 4.6 GiB). A batch dimension of 295 images of 256x256 with 64 channels (about 4.9 GB for this one activation in float32) does not fit: a GPU out-of-memory in fit_generator.",
    thread_diagnosis="The stored excerpt holds only the poster's log (title 'ResourceExhaustedError problem in fit_generator', closed); no maintainer answer is in it. The log itself names the OOM and the 295-sample batch.",
    run_settings="Keras fit_generator with Adam on GPU:0; the failing tensor has batch dimension 295.")

add(name="paste2_keras_t2t_fit_oom_adam",
    url="https://github.com/tensorflow/tensor2tensor/issues/782", framework="keras/tensorflow",
    argv=[],
    trimmed="the poster's lines above the first bfc_allocator line, and the rest of the traceback after the stored excerpt's end (it stops inside keras/engine/training.py)",
    stdout="""2018-05-10 09:14:16.535586: W tensorflow/core/common_runtime/bfc_allocator.cc:277] ****************************************************************************************************
2018-05-10 09:14:16.535628: W tensorflow/core/framework/op_kernel.cc:1192] Resource exhausted: OOM when allocating tensor with shape[123008,500]
2018-05-10 09:14:16.536752: W tensorflow/core/common_runtime/bfc_allocator.cc:217] Allocator (GPU_0_bfc) ran out of memory trying to allocate 84.60MiB. The caller indicates that this is not a failure, but may mean that there could be performance gains if more memory is available.
2018-05-10 09:14:16.536782: W tensorflow/stream_executor/cuda/cuda_dnn.cc:3355]
Traceback (most recent call last):
  File "tryhard.py", line 194, in <module>
    Combination = model.fit(X_train, y_train, batch_size = 10, epochs=epoch1, verbose = 1, validation_data = (X_test, y_test))
  File "/usr/local/lib/python2.7/dist-packages/keras/models.py", line 963, in fit
    validation_steps=validation_steps)
  File "/usr/local/lib/python2.7/dist-packages/keras/engine/training.py", line 1705, in fit
    validation_steps=validation_steps)
  File "/usr/local/lib/python2.7/dist-packages/keras/engine/tr
""",
    expected="out_of_memory",
    rationale="'Resource exhausted: OOM when allocating tensor with shape[123008,500]' and 'Allocator (GPU_0_bfc) ran out of memory trying to allocate 84.60MiB', the allocator's usage bar full ('****...'), raised inside model.fit(..., batch_size = 10). A 123008x500 weight (61.5M parameters, with Adam's two slots) fills the GPU: GPU out-of-memory, not a batch-size problem.",
    thread_diagnosis="The stored excerpt holds the poster's log only (title names the Adam mul op 'training_10/Adam/mul_23' that ran out of memory); no answer is in it.",
    run_settings="Keras model.fit with batch_size=10 on GPU.")

add(name="paste2_yolov5_cuda_oom_rtx3070",
    url="https://github.com/ultralytics/yolov5/issues/2510", framework="pytorch/yolov5",
    argv=["python3", "train.py", "--img", "512", "--batch-size", "16", "--epochs", "50", "--data", "coco_custom.yaml", "--cfg", "yolov5l_china.yaml", "--weights", "model_23012021.pt", "--name", "yolov5l_results", "--cache", "--nosave", "--hyp", "hyp.finetune.yaml", "--device", "0"],
    trimmed="the poster's prose around the two pasted lines ('I am training yolov5l on GeForce RTX 3070. My command line:', 'When i check, VRAM is full ...'); the command is kept as pasted",
    stdout="""python3 train.py --img 512 --batch-size 16 --epochs 50 --data coco_custom.yaml --cfg yolov5l_china.yaml --weights model_23012021.pt --name yolov5l_results --cache --nosave --hyp hyp.finetune.yaml --device 0

_But i met : RuntimeError: CUDA out of memory. Tried to allocate 16.00 MiB (GPU 0; 7.79 GiB total capacity; 6.12 GiB already allocated; 12.31 MiB free; 6.17 GiB reserved in total by PyTorch)_
""",
    expected="out_of_memory",
    rationale="'RuntimeError: CUDA out of memory. Tried to allocate 16.00 MiB (GPU 0; 7.79 GiB total capacity; 6.12 GiB already allocated; 12.31 MiB free)' while training yolov5l at --img 512 --batch-size 16 on an 8 GB RTX 3070.",
    thread_diagnosis="A commenter advised a smaller model (yolov5m instead of yolov5l) or a smaller image size; the poster thanked them. Batch 4 ran (slowly); the model/batch does not fit 7.79 GiB.",
    run_settings="--batch-size 16 --img 512 --cache, single GPU (--device 0), fine-tuning hyperparameters.")

add(name="paste2_yolov3_worker_killed_custom",
    url="https://github.com/ultralytics/yolov3/issues/165", framework="pytorch/yolov3",
    argv=[],
    trimmed="the poster's sentence above the log ('iam using the latest version but it still showing this error') and the maintainer's reply, which the stored excerpt cuts off",
    stdout="""Epoch Batch xy wh conf cls total nTargets time
Traceback (most recent call last):
File "train.py", line 221, in
num_workers=opt.num_workers
File "train.py", line 131, in train
pred = model(imgs.to(device))
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/nn/modules/module.py", line 489, in call
result = self.forward(*input, **kwargs)
File "/home/ridha/yolov3/models.py", line 186, in forward
x = module(x)
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/nn/modules/module.py", line 489, in call
result = self.forward(*input, **kwargs)
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/nn/modules/container.py", line 92, in forward
input = module(input)
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/nn/modules/module.py", line 489, in call
result = self.forward(*input, **kwargs)
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/nn/modules/conv.py", line 320, in forward
self.padding, self.dilation, self.groups)
File "/home/ridha/anaconda3/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 274, in handler
_error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 2064) is killed by signal: Killed.
""",
    expected="dataloader_worker_crash",
    top3_ok=True,
    ambiguity="'DataLoader worker (pid 2064) is killed by signal: Killed.' before the first batch is logged: a SIGKILL on a worker is most often the host OOM killer (out_of_memory), but the log shows no memory figure, so the DataLoader worker crash is what the evidence names; out_of_memory is the likely root cause.",
    rationale="The run dies before the first training line with 'RuntimeError: DataLoader worker (pid 2064) is killed by signal: Killed.' raised through the DataLoader's signal handler (_error_if_any_worker_fails) during the forward pass: a worker process was killed from outside.",
    thread_diagnosis="The maintainer's reply is cut off in the stored excerpt. In the same repository (ultralytics/yolov3#1151) the maintainer diagnosed the same 'killed by signal' error as running out of system RAM (not GPU RAM); the usual workaround is fewer workers or more RAM/swap.",
    run_settings="Custom dataset, num_workers=opt.num_workers (several workers).")

add(name="paste2_mmdet_ssd512_target_assert",
    url="https://github.com/open-mmlab/mmdetection/issues/2461", framework="pytorch/mmdetection",
    argv=[],
    trimmed="the lines before 'loading annotations into memory...' and everything after the stored excerpt's end (it stops inside the third assertion line); the title is 'RuntimeError: copy_if failed to synchronize: cudaErrorAssert: device-side assert triggered'",
    stdout="""loading annotations into memory...
Done (t=0.00s)
creating index...
index created!
2020-04-15 13:57:38,385 - mmdet - INFO - Start running, host: root@a6cb7eba6047, work_dir: /content/mmdetection/work_dirs/ssd512_coco/10_epochs
2020-04-15 13:57:38,385 - mmdet - INFO - workflow: [('train', 1)], max: 10 epochs
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:57: void ClassNLLCriterion_updateOutput_no_reduce_kernel(int, THCDeviceTensor<Dtype, 2, int, DefaultPtrTraits>, THCDeviceTensor<long, 1, int, DefaultPtrTraits>, THCDeviceTensor<Dtype, 1, int, DefaultPtrTraits>, Dtype *, int, int) [with Dtype = float]: block: [7,0,0], thread: [129,0,0] Assertion `cur_target >= 0 && cur_target < n_classes` failed.
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:57: void ClassNLLCriterion_updateOutput_no_reduce_kernel(int, THCDeviceTensor<Dtype, 2, int, DefaultPtrTraits>, THCDeviceTensor<long, 1, int, DefaultPtrTraits>, THCDeviceTensor<Dtype, 1, int, DefaultPtrTraits>, Dtype *, int, int) [with Dtype = float]: block: [6,0,0], thread: [896,0,0] Assertion `cur_target >= 0 && cur_target < n_classes` failed.
""",
    expected="device_side_assert",
    rationale="On the first iteration of SSD512 training the CUDA NLL kernel fails 'Assertion `cur_target >= 0 && cur_target < n_classes` failed.' in several blocks: a class target outside [0, num_classes) in the classification loss (the thread's title is the resulting 'copy_if failed to synchronize: cudaErrorAssert: device-side assert triggered').",
    thread_diagnosis="The stored excerpt holds the log only. The assertion itself says a target class index is out of range for the SSD head's num_classes (custom dataset on Colab).",
    run_settings="SSD512 on a custom COCO-format dataset, 10 epochs.")

add(name="paste2_mmseg_single_class_index_oob",
    url="https://github.com/open-mmlab/mmsegmentation/issues/2208", framework="pytorch/mmsegmentation",
    argv=[],
    trimmed="the quote marker and the commenter's sentences around the log; the stored excerpt stops inside the following assertion line",
    stdout="""Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed. /opt/conda/conda-bld/pytorch_1646755903507/work/aten/src/ATen/native/cuda/IndexKernel.cu:91: operator(): block: [2057,0,0], thread: [85,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed. /opt/conda/conda-bld/pytorch_1646755903507/work/aten/src/ATen/native/cuda/IndexKernel.cu:91: operator(): block: [2057,0,0], thread: [86,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed. /opt/conda/conda-bld/pytorch_1646755903507/work/aten/src/ATen/native/cuda/IndexKernel.cu:91: operator(): block: [2057,0,0], thread: [87,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed. /opt/conda/conda-bld/pytorch_1646755903507/work/aten/src/ATen/native/cuda/IndexKernel.cu:91: operator(): block: [2057,0,0], thread: [88,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
""",
    expected="device_side_assert",
    rationale="The CUDA index kernel fails 'Assertion `index >= -sizes[i] && index < sizes[i] && \"index out of bounds\"` failed.' in many threads of block 2057: label values index past the class dimension. The thread is about cross-entropy for a single-class custom segmentation (num_classes=1 while the masks hold 0/1 or 255).",
    thread_diagnosis="Thread 'How to use Cross entropy loss for single class custom segmentation?' (awaiting response): the user reproduced it in the repository's Dockerfile, so versions are not the cause; the assertion is the label range against the one-class head. No final fix is in the stored excerpt.",
    run_settings="mmsegmentation, CrossEntropyLoss, single foreground class.")
