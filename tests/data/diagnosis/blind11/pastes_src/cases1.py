# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_factseg_apex_scale_to_denormal"] = dict(
 url="https://github.com/Junjue-Wang/FactSeg/issues/6", framework="pytorch",
 trimmed="the poster's prose before the log (SpaceNet7 building segmentation, scale shrinks until 0, then division by zero); the stored excerpt ends mid-line after the 1.265e-321 lines (the cut line 'Gradient overflow.  Skipping' was dropped); the ZeroDivisionError itself is not in the excerpt",
 log="""Warning: NaN or Inf found in input tensor.
Warning: NaN or Inf found in input tensor.
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.0237e-320
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.0237e-320
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.012e-320
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.012e-320
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 5.06e-321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 5.06e-321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.53e-321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.53e-321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.265e-321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.265e-321
""")

CASES["paste_yolact_apex_scale_1e-5_total_rising"] = dict(
 url="https://github.com/dbolya/yolact/issues/359", framework="pytorch",
 trimmed="a commenter's paste in the thread 'Warning: Moving average ignored a value of inf'; the opening backtick was dropped; the stored excerpt ends mid-line after the third overflow line (the cut fragment 'Gradient overflow.  Skipping step, loss scaler 0 reducin' was dropped)",
 log="""[  1]    1440 || B: 5.495 | C: 3.668 | M: 6.919 | S: 1.564 | T: 17.647 || ETA: 197 days, 23:50:39 || timer: 0.298
[  1]    1450 || B: 5.514 | C: 3.519 | M: 6.986 | S: 1.640 | T: 17.658 || ETA: 197 days, 3:40:56 || timer: 0.291
[  1]    1460 || B: 5.534 | C: 3.423 | M: 7.028 | S: 1.677 | T: 17.662 || ETA: 197 days, 22:16:54 || timer: 1.842
[  1]    1470 || B: 5.511 | C: 3.289 | M: 7.060 | S: 1.603 | T: 17.464 || ETA: 197 days, 13:59:05 || timer: 0.328
[  1]    1480 || B: 5.505 | C: 3.218 | M: 7.148 | S: 1.514 | T: 17.384 || ETA: 197 days, 15:42:25 || timer: 1.852
[  1]    1490 || B: 5.494 | C: 3.176 | M: 7.190 | S: 1.386 | T: 17.245 || ETA: 197 days, 1:47:05 || timer: 0.303
[  1]    1500 || B: 5.505 | C: 3.123 | M: 7.184 | S: 1.254 | T: 17.066 || ETA: 197 days, 1:48:12 || timer: 1.197
[  1]    1510 || B: 5.515 | C: 3.088 | M: 7.223 | S: 1.129 | T: 16.955 || ETA: 196 days, 13:00:18 || timer: 0.310
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 1.52587890625e-05
[  1]    1520 || B: 5.535 | C: 3.031 | M: 8.000 | S: 1.054 | T: 17.619 || ETA: 196 days, 23:30:26 || timer: 2.222
[  1]    1530 || B: 5.557 | C: 2.994 | M: 8.920 | S: 0.971 | T: 18.442 || ETA: 196 days, 14:56:04 || timer: 0.321
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 7.62939453125e-06
""")

CASES["paste_horovod_mnist_worker_bus_error_shm"] = dict(
 url="https://github.com/horovod/horovod/issues/2255", framework="pytorch",
 trimmed="the poster's prose and the earlier epoch-1 lines before 52480/60000; the stored excerpt ends inside the DataLoader traceback (the cut line '[1,0]<stderr>:    data = self._data_queue.get(timeout=timeout' was dropped)",
 log="""[1,0]<stdout>:Train Epoch: 1 [52480/60000 (87%)]	Loss: 0.449658
[1,0]<stdout>:Train Epoch: 1 [53120/60000 (88%)]	Loss: 0.504039
[1,0]<stdout>:Train Epoch: 1 [53760/60000 (90%)]	Loss: 0.627796
[1,0]<stdout>:Train Epoch: 1 [54400/60000 (91%)]	Loss: 0.405917
[1,0]<stdout>:Train Epoch: 1 [55040/60000 (92%)]	Loss: 0.597174
[1,0]<stdout>:Train Epoch: 1 [55680/60000 (93%)]	Loss: 0.488670
[1,0]<stdout>:Train Epoch: 1 [56320/60000 (94%)]	Loss: 0.264431
[1,0]<stdout>:Train Epoch: 1 [56960/60000 (95%)]	Loss: 0.654959
[1,0]<stdout>:Train Epoch: 1 [57600/60000 (96%)]	Loss: 0.554720
[1,0]<stdout>:Train Epoch: 1 [58240/60000 (97%)]	Loss: 0.443470
[1,0]<stdout>:Train Epoch: 1 [58880/60000 (98%)]	Loss: 0.458032
[1,0]<stdout>:Train Epoch: 1 [59520/60000 (99%)]	Loss: 0.319679
[1,0]<stderr>:pytorch_mnist.py:52: UserWarning: Implicit dimension choice for log_softmax has been deprecated. Change the call to include dim=X as an argument.
[1,0]<stderr>:  return F.log_softmax(x)
[1,0]<stderr>:ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
[1,0]<stderr>:[1,0]<stderr>:Traceback (most recent call last):
[1,0]<stderr>:  File "/usr/local/lib/python3.7/dist-packages/torch/utils/data/dataloader.py", line 779, in _try_get_data
""")

CASES["paste_yolact_worker_exit_code1_prints_none"] = dict(
 url="https://github.com/dbolya/yolact/issues/147", framework="pytorch",
 argv=["python3", "train.py", "--config=yolact_base_config", "--batch_size=5"],
 trimmed="the poster's greeting; the stored excerpt ends inside the second traceback after 'File \"/usr/local/lib/pyth' (that cut line was dropped)",
 log="""loading annotations into memory...
Done (t=9.26s)
creating index...
index created!
loading annotations into memory...
Done (t=0.32s)
creating index...
index created!
Initializing weights...
Begin training!

2
None
6
None
7
2
None
None
Traceback (most recent call last):
  File "/usr/local/lib/python3.5/dist-packages/torch/utils/data/dataloader.py", line 511, in _try_get_batch
    data = self.data_queue.get(timeout=timeout)
  File "/usr/lib/python3.5/queue.py", line 173, in get
    self.not_empty.wait(remaining)
  File "/usr/lib/python3.5/threading.py", line 297, in wait
    gotit = waiter.acquire(True, timeout)
  File "/usr/local/lib/python3.5/dist-packages/torch/utils/data/_utils/signal_handling.py", line 63, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 29332) exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "train.py", line 382, in <module>
    train()
  File "train.py", line 213, in train
    for datum in data_loader:
""")

CASES["paste_openpcdet_pvrcnn_worker_exit_code1"] = dict(
 url="https://github.com/open-mmlab/OpenPCDet/issues/969", framework="pytorch",
 argv=["python", "train.py", "--cfg_file", "cfgs/kitti_models/pv_rcnn.yaml", "--batch_size", "1", "--epochs", "80", "--workers", "2", "--save_to_file"],
 trimmed="the poster's prose and command line (kept as argv); the stored excerpt ends after the progress-bar fragment 'epochs:   0%|' (kept as is)",
 log="""2022-05-13 17:33:45,349   INFO  **********************Start training kitti_models/pv_rcnn(default)**********************
epochs:   0%|                                                                                                                                                   | 0/80 [00:00<?, ?it/s]None
None
Exception ignored in: <function _releaseLock at 0x7fc5f6b61a60>
Traceback (most recent call last):
  File "/usr/lib/python3.8/logging/__init__.py", line 227, in _releaseLock
    def _releaseLock():
  File "/nfs/home/sc98255/.local/share/virtualenvs/OpenPCDet-9UU-mtWz/lib/python3.8/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 280265) exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.
None
None
epochs:   0%|
""")

CASES["paste_litgpt_slurm_nccl_checktimeout_abort"] = dict(
 url="https://github.com/Lightning-AI/litgpt/issues/1832", framework="lightning",
 trimmed="the poster's prose and the lines above 'Exception raised from checkTimeout' (the watchdog message itself is not in the stored excerpt); the excerpt ends mid-line inside the Aborted line's command ('--tokenizer_'), kept as is",
 log="""Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:618 (most recent call first):
frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7fe0c139c446 in /home/mengyan3/.local/lib/python3.9/site-packages/torch/lib/libc10.so)
frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x282 (0x7fe0c26af772 in /home/mengyan3/.local/lib/python3.9/site-packages/torch/lib/libtorch_cuda.so)
frame #2: c10d::ProcessGroupNCCL::watchdogHandler() + 0x233 (0x7fe0c26b6bb3 in /home/mengyan3/.local/lib/python3.9/site-packages/torch/lib/libtorch_cuda.so)
frame #3: c10d::ProcessGroupNCCL::ncclCommWatchdog() + 0x14d (0x7fe0c26b861d in /home/mengyan3/.local/lib/python3.9/site-packages/torch/lib/libtorch_cuda.so)
frame #4: <unknown function> + 0x145c0 (0x7fe10b0455c0 in /home/mengyan3/.local/lib/python3.9/site-packages/torch/lib/libtorch.so)
frame #5: <unknown function> + 0x89c02 (0x7fe11a689c02 in /lib64/libc.so.6)
frame #6: <unknown function> + 0x10ec40 (0x7fe11a70ec40 in /lib64/libc.so.6)

/data/tir/projects/tir3/users/mengyan3/all_in_one_pretraining/./pretrain_then_finetune.sh: line 184: 2324239 Aborted                 (core dumped) litgpt pretrain $model_name --resume "${checkpoint_dir}/step${step}/lit_model.pth" --tokenizer_
""")

CASES["paste_pytorchkaldi_nan_epoch23"] = dict(
 url="https://github.com/mravanelli/pytorch-kaldi/issues/112", framework="pytorch",
 trimmed="the poster's sentence after the two log lines (fbank LibriSpeech, trained well up to epoch 22)",
 log="""ep=22 tr=['train_clean_100'] loss=0.671 err=0.214 valid=dev_clean loss=0.693 err=0.212 lr_architecture1=6.25e-06 lr_architecture2=6.25e-06 time(s)=17255
ep=23 tr=['train_clean_100'] loss=nan err=0.218 valid=dev_clean loss=nan err=0.911 lr_architecture1=3.125e-06 lr_architecture2=3.125e-06 time(s)=17416
""")

CASES["paste_openspeech_ds2_loss_nan_bar"] = dict(
 url="https://github.com/openspeech-team/openspeech/issues/23", framework="lightning",
 trimmed="a commenter's paste (the question before it dropped); the progress-bar line is cut by the poster's terminal where Hydra's error begins, kept as is; the stored excerpt ends inside the traceback after hydra's utils.py line 211 'return func()'",
 log="""Epoch 0:   4%| | 1450/35504 [09:05<3:33:34,  2.66it/s, loss=nan, v_num=abtb, train_loss=nan.0, train_wer=0.901, train_Error executing job with overrides: ['dataset.dataset_path=/home/jun1.oh/', 'dataset.dataset_download=False', 'dataset.
manifest_file_path=/home/jun1.oh/LibriSpeech_daniel/libri_subword_manifest.txt', 'tokenizer.vocab_path=/home/jun1.oh/LibriSpeech_daniel/', 'trainer.batch_size=16']
Traceback (most recent call last):
  File "./openspeech_cli/hydra_train.py", line 60, in <module>
    hydra_main()
  File "/opt/conda/lib/python3.8/site-packages/hydra/main.py", line 48, in decorated_main
    _run_hydra(
  File "/opt/conda/lib/python3.8/site-packages/hydra/_internal/utils.py", line 377, in _run_hydra
    run_and_report(
  File "/opt/conda/lib/python3.8/site-packages/hydra/_internal/utils.py", line 214, in run_and_report
    raise ex
  File "/opt/conda/lib/python3.8/site-packages/hydra/_internal/utils.py", line 211, in run_and_report
    return func()
""")

CASES["paste_unsloth_gemma4_gradnorm_spike_11140"] = dict(
 url="https://github.com/unslothai/unsloth/issues/5207", framework="transformers",
 trimmed="the poster's setup list (kept in run_settings) and prose; the '<-- spike' annotations are the poster's own, kept as pasted; the stored excerpt ends mid-word in the second annotation ('~1500× nei'), kept as is",
 log="""{'loss': 1.46,  'grad_norm':    14.98}
{'loss': 1.28,  'grad_norm':     9.78}
{'loss': 1.60,  'grad_norm':     7.64}
{'loss': 1.14,  'grad_norm':    92.10}    <-- spike #1 (step 4)
{'loss': 1.54,  'grad_norm':    29.00}
{'loss': 1.61,  'grad_norm':     5.21}
{'loss': 1.36,  'grad_norm':     7.83}
{'loss': 1.36,  'grad_norm':     7.79}
{'loss': 1.51,  'grad_norm': 11140.00}    <-- spike #2 (step 9): ~1500× nei
""")
