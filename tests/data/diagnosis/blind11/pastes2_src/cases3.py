# -*- coding: utf-8 -*-
# blind11/pastes2: second batch (shared-memory worker crashes, a leak, a TPU loss, an AMP-check warning). Texts as in cases1.py.
C = []
def add(**k): C.append(k)

add(name="paste2_ultralytics_val_shm_no_space_bus_error",
    url="https://github.com/ultralytics/ultralytics/issues/1238", framework="ultralytics",
    expected="dataloader_worker_crash", healthy=False,
    rationale="YOLOv8 training with workers=8: in the validation pass 'RuntimeError: unable to write to file </torch_722_783672312_1>: No space left on device (28)' from torch/multiprocessing/reductions.py (storage._share_fd_cpu_) and four times 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).', then the DataLoader's _try_get_data traceback; the full 'device' is /dev/shm (the worker-to-main shared-memory files), not the disk - the title says the disk has plenty of space",
    thread_diagnosis="labelled bug, non-reproducible, closed; the stored excerpt holds the report only (title: 'No space left on device with plenty of space left')",
    trimmed="the first fragment of the paste (the 'Ultralytics YOLOv8.0.49' banner and the trainer arguments) is not kept: the stored excerpt shows it separately from this second fragment; the excerpt ends inside the signal_handling.py frame",
    text="""  File "/opt/conda/lib/python3.9/site-packages/torch/multiprocessing/reductions.py", line 366, in reduce_storage
    fd, size = storage._share_fd_cpu_()
RuntimeError: unable to write to file </torch_722_783672312_1>: No space left on device (28)
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95):   0%|          | 0/21 [03:11<?, ?it/s]
Traceback (most recent call last):
  File "/opt/conda/lib/python3.9/site-packages/torch/utils/data/dataloader.py", line 1120, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/opt/conda/lib/python3.9/queue.py", line 180, in get
    self.not_empty.wait(remaining)
  File "/opt/conda/lib/python3.9/threading.py", line 316, in wait
    gotit = waiter.acquire(True, timeout)
  File "/opt/conda/lib/python3.9/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler""")

add(name="paste2_horovod_mnist_worker_bus_error_shm",
    url="https://github.com/horovod/horovod/issues/2255", framework="horovod",
    expected="dataloader_worker_crash", healthy=False,
    rationale="horovodrun of the pytorch_mnist.py example: epoch 1 trains normally (Loss 0.26-0.65 at 87-99% of the epoch), then on rank 0 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' and the DataLoader _try_get_data traceback - a data-loader worker killed by SIGBUS for lack of /dev/shm (typical of a Docker container's 64 MB default), not a training-math problem",
    thread_diagnosis="labelled question and wontfix; the stored excerpt holds the report only",
    trimmed="the poster's text before the log; the stored excerpt ends inside the _try_get_data frame",
    text="""[1,0]<stdout>:Train Epoch: 1 [52480/60000 (87%)]\tLoss: 0.449658
[1,0]<stdout>:Train Epoch: 1 [53120/60000 (88%)]\tLoss: 0.504039
[1,0]<stdout>:Train Epoch: 1 [53760/60000 (90%)]\tLoss: 0.627796
[1,0]<stdout>:Train Epoch: 1 [54400/60000 (91%)]\tLoss: 0.405917
[1,0]<stdout>:Train Epoch: 1 [55040/60000 (92%)]\tLoss: 0.597174
[1,0]<stdout>:Train Epoch: 1 [55680/60000 (93%)]\tLoss: 0.488670
[1,0]<stdout>:Train Epoch: 1 [56320/60000 (94%)]\tLoss: 0.264431
[1,0]<stdout>:Train Epoch: 1 [56960/60000 (95%)]\tLoss: 0.654959
[1,0]<stdout>:Train Epoch: 1 [57600/60000 (96%)]\tLoss: 0.554720
[1,0]<stdout>:Train Epoch: 1 [58240/60000 (97%)]\tLoss: 0.443470
[1,0]<stdout>:Train Epoch: 1 [58880/60000 (98%)]\tLoss: 0.458032
[1,0]<stdout>:Train Epoch: 1 [59520/60000 (99%)]\tLoss: 0.319679
[1,0]<stderr>:pytorch_mnist.py:52: UserWarning: Implicit dimension choice for log_softmax has been deprecated. Change the call to include dim=X as an argument.
[1,0]<stderr>:  return F.log_softmax(x)
[1,0]<stderr>:ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
[1,0]<stderr>:[1,0]<stderr>:Traceback (most recent call last):
[1,0]<stderr>:  File "/usr/local/lib/python3.7/dist-packages/torch/utils/data/dataloader.py", line 779, in _try_get_data
[1,0]<stderr>:    data = self._data_queue.get(timeout=timeout""")

add(name="paste2_lightgbm_r_test_auc_1_first_tree",
    url="https://github.com/lightgbm-org/LightGBM/issues/127", framework="lightgbm",
    expected="data_leakage", healthy=False,
    rationale="binary task on 6,245,039 rows, balanced (3120832 positive / 3124207 negative, pavg=0.499730), 73 features: the held-out 'test's auc:1' after the very first tree and again at round 2 - a perfect held-out ranking from one tree on a balanced real (Kaggle) data set is not reachable by learning, let alone by overfitting (which makes held-out scores worse); a feature that encodes the label or test rows that are also training rows",
    thread_diagnosis="a commenter in a tuning thread asks why test AUC is always 1; another user answers 'something is wrong with your code, probably overfitting'; no confirmed cause in the stored excerpt",
    trimmed="the comment's first sentence ('I keep getting test auc of 1 on a kaggle dataset, am I doing something wrong?') and the markdown fence",
    text="""[LightGBM] [Warning] Starting from the 2.1.2 version, default value for the "boost_from_average" parameter in "binary" objective is true.
This may cause significantly different results comparing to the previous versions of LightGBM.
Try to set boost_from_average=false, if your old models produce bad results
[LightGBM] [Info] Number of positive: 3120832, number of negative: 3124207
[LightGBM] [Info] Total Bins 7050
[LightGBM] [Info] Number of data: 6245039, number of used features: 73
[LightGBM] [Info] [binary:BoostFromScore]: pavg=0.499730 -> initscore=-0.001081
[LightGBM] [Info] Start training from score -0.001081
[1]:\ttest's auc:1 
[2]:\ttest's auc:1 
""")

add(name="paste2_colab_tpu_socket_closed_preemption",
    url="https://github.com/googlecolab/colabtools/issues/583", framework="tensorflow",
    expected="preempted_or_node_failure", healthy=False,
    top3_ok=True,
    ambiguity="the TPU went away about 2 hours after the browser tab was closed: Colab reclaiming an idle runtime reads as preemption (the resource was taken away) but is also a platform usage/idle time limit (time_limit)",
    rationale="TPUEstimator training on a Colab TPU (expected 70 h): 'INFO:tensorflow:An error was raised. This may be due to a preemption in a connected worker or parameter server. The current session will be closed and a new session will be created. ... Error: Socket closed' and 'Error recorded from infeed: Socket closed'; the poster says it happens about 2 hours after closing the page, every time - the TPU worker disappeared under the job, no error in the model",
    thread_diagnosis="closed; the stored excerpt holds the report only (no maintainer answer)",
    trimmed="the poster's prose before and after the two log lines",
    text="""INFO:tensorflow:An error was raised. This may be due to a preemption in a connected worker or parameter server. The current session will be closed and a new session will be created. This error may also occur due to a gRPC failure caused by high memory or network bandwidth usage in the parameter servers. If this error occurs repeatedly, try increasing the number of parameter servers assigned to the job. Error: Socket closed
INFO:tensorflow:Error recorded from infeed: Socket closed
""")

add(name="paste2_ultralytics_amp_check_failed_fp32_healthy",
    url="https://github.com/ultralytics/ultralytics/issues/1348", framework="ultralytics",
    expected="healthy", healthy=True,
    rationale="'AMP: checks failed . Anomalies were detected with AMP on your system that may lead to NaN losses or zero-mAP results, so AMP will be disabled during training.' - the pre-training check decided to train in FP32; data scanning (20912 train / 6051 val images, 0 corrupt), workers and logging set up, 'Starting training for 500 epochs...'; no NaN, no loss-scale message, no error: the warning is the framework's safeguard, not a failure of this run",
    thread_diagnosis="labelled bug and fixed; the stored excerpt does not say what was fixed (the poster ran a torch 2.0 nightly, torch-2.0.0.dev20230301) and shows no failure of the training itself",
    trimmed="the issue template around the log and the environment section",
    text="""Transferred 319/355 items from pretrained weights
AMP: running Automatic Mixed Precision (AMP) checks with YOLOv8n...
AMP: checks failed . Anomalies were detected with AMP on your system that may lead to NaN losses or zero-mAP results, so AMP will be disabled during training.
optimizer: SGD(lr=0.01) with parameter groups 57 weight(decay=0.0), 64 weight(decay=0.0005), 63 bias
train: Scanning C:\\Users\\devel\\Desktop\\dataset\\train\\labels... 20912 images, 7 backgrounds, 0 corrupt: 100%|██████████|
train: New cache created: C:\\Users\\devel\\Desktop\\dataset\\train\\labels.cache
val: Scanning C:\\Users\\devel\\Desktop\\dataset\\valid\\labels... 6051 images, 1 backgrounds, 0 corrupt: 100%|██████████| 6051/6051 [00:40<00:00, 150.81it/s]
val: New cache created: C:\\Users\\devel\\Desktop\\dataset\\valid\\labels.cache
Plotting labels to runs\\detect\\train\\labels.jpg...
Image sizes 640 train, 640 val
Using 2 dataloader workers
Logging results to runs\\detect\\train
Starting training for 500 epochs...
""")
