# -*- coding: utf-8 -*-
from cases1 import add, C

add(name="paste2_keras_textclf_target_shape",
    url="https://github.com/yongzhuo/Keras-TextClassification/issues/59", framework="keras",
    expected="shape_mismatch", healthy=False,
    rationale="'ValueError: Error when checking target: expected dense_1 to have shape (1,) but got array with shape (17,)' raised by keras training.py fit (standardize_input_data, exception_prefix='target') from the repo's m13_CapsuleNet/train.py: the output layer has 1 unit but the labels are 17-wide one-hot vectors",
    thread_diagnosis="maintainer: the message says the model output and the training labels disagree in shape; asked what the poster changed (non-default network or parameters); no fix in the stored excerpt",
    trimmed="the poster's Chinese question line before the traceback",
    text="""Traceback (most recent call last):
  File "D:/PycharmProjects/pythonProject/Keras-TextClassification-master/keras_textclassification/m13_CapsuleNet/train.py", line 93, in <module>
    train(rate=1)
  File "D:/PycharmProjects/pythonProject/Keras-TextClassification-master/keras_textclassification/m13_CapsuleNet/train.py", line 88, in train
    graph.fit(x_train, y_train, x_val, y_val)
  File "D:\\PycharmProjects\\pythonProject\\Keras-TextClassification-master\\keras_textclassification\\base\\graph.py", line 150, in fit
    callbacks=self.callback())
  File "D:\\Anaconda\\envs\\py36\\lib\\site-packages\\keras\\engine\\training.py", line 952, in fit
    batch_size=batch_size)
  File "D:\\Anaconda\\envs\\py36\\lib\\site-packages\\keras\\engine\\training.py", line 789, in _standardize_user_data
    exception_prefix='target')
  File "D:\\Anaconda\\envs\\py36\\lib\\site-packages\\keras\\engine\\training_utils.py", line 138, in standardize_input_data
    str(data_shape))
ValueError: Error when checking target: expected dense_1 to have shape (1,) but got array with shape (17,)
""")

add(name="paste2_spinefinder_mul_float32_int64",
    url="https://github.com/jfm15/SpineFinder/issues/1", framework="keras",
    expected="dtype_or_device_mismatch", healthy=False,
    rationale="model.fit_generator in the repo's learning_functions/perform_learning.py fails with \"Input 'y' of 'Mul' Op has type float32 that does not match type int64 of argument 'x'.\": the generator yields int64 arrays where the float32 model/loss expects float",
    thread_diagnosis="resolved by the poster: 'Resolved with fixing DataGenerator X and y types' (casting the loaded samples with astype(float))",
    argv=["python", "train_detection_model.py", "samples/detection/training", "samples/detection/testing", "saved_models/detection.h5"],
    trimmed="the poster's description of the steps and the fit_generator call (code, not log); only the error line was pasted",
    text="""Input 'y' of 'Mul' Op has type float32 that does not match type int64 of argument 'x'.
""")

add(name="paste2_style_transfer_mul_float_vs_half",
    url="https://github.com/tarun-bisht/fast-style-transfer/issues/3", framework="tensorflow",
    expected="dtype_or_device_mismatch", healthy=False,
    rationale="during 'python train.py --config=configs/train_config.json' (TF 2.4): 'InvalidArgumentError: cannot compute Mul as input #1(zero-based) was expected to be a float tensor but is a half tensor [Op:Mul]': a float16 tensor meets float32 in a multiplication (mixed precision policy on one side only)",
    thread_diagnosis="open; no maintainer answer in the stored excerpt (the poster adds an unrelated import-path fix)",
    argv=["python", "train.py", "--config=configs/train_config.json"],
    trimmed="the poster's greeting and version note; only the error line was pasted",
    text="""tensorflow.python.framework.errors_impl.InvalidArgumentError: cannot compute Mul as input #1(zero-based) was expected to be a float tensor but is a half tensor [Op:Mul]
""")

add(name="paste2_mmdet_worker_bus_error_slurm",
    url="https://github.com/open-mmlab/mmdetection/issues/291", framework="mmdetection",
    expected="dataloader_worker_crash", healthy=False,
    rationale="'RuntimeError: DataLoader worker (pid 34569) is killed by signal: Bus error. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.' raised from the main process while reading the worker queue (data_queue.get / recv_bytes): a worker crashed with SIGBUS, the shared-memory signature",
    thread_diagnosis="maintainer (hellock): running on Slurm-managed clusters is different and needs the cluster's settings; the poster reported the data-loading process's memory growing for 600-1000 steps until the error (PyTorch 0.4.1, Slurm); no final fix in the stored excerpt",
    trimmed="the poster's Chinese description before the traceback and two stray backticks at the start of the paste",
    text="""    return self.data_queue.get()
  File "/mnt/lustre/liudonghui/anaconda3/envs/venv_mmdet/lib/python3.6/multiprocessing/queues.py", line 342, in get
    res = self._reader.recv_bytes()
  File "/mnt/lustre/liudonghui/anaconda3/envs/venv_mmdet/lib/python3.6/multiprocessing/connection.py", line 216, in recv_bytes
    buf = self._recv_bytes(maxlength)
  File "/mnt/lustre/liudonghui/anaconda3/envs/venv_mmdet/lib/python3.6/multiprocessing/connection.py", line 407, in _recv_bytes
    buf = self._recv(4)
  File "/mnt/lustre/liudonghui/anaconda3/envs/venv_mmdet/lib/python3.6/multiprocessing/connection.py", line 379, in _recv
    chunk = read(handle, remaining)
  File "/mnt/lustre/liudonghui/anaconda3/envs/venv_mmdet/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 227, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 34569) is killed by signal: Bus error. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.
""")

add(name="paste2_mmdet_htc_worker_killed",
    url="https://github.com/open-mmlab/mmdetection/issues/3495", framework="mmdetection",
    expected="out_of_memory", healthy=False,
    top3_ok=True,
    ambiguity="a DataLoader worker ended by SIGKILL ('killed by signal: Killed') with no Python error is almost always the kernel OOM killer (out_of_memory), but nothing in the log measures memory, so dataloader_worker_crash (the symptom) is the other defensible top category",
    rationale="HTC (hybrid task cascade with masks) training prints ordinary losses (loss 3.2898 -> 2.2961, memory 6405 -> 7010 MB, data_time 2.356/1.639 s) and then dies with 'RuntimeError: DataLoader worker (pid 12890) is killed by signal: Killed.' from torch's signal handler: a worker taken down by SIGKILL",
    thread_diagnosis="closed as wontfix; no answer in the stored excerpt",
    argv=["python", "tools/train.py", "configs/my_config/htc_without_semantic_r50_fpn_1x_coco_linux.py", "--work-dir", "work_dirs/htc/20200805"],
    trimmed="two fragments of one paste as the index stored them: the start of the training log (its third log line is cut mid-line and dropped) and the tail of the traceback; the middle of the traceback, the command and the environment block are not included",
    text="""2020-08-05 11:57:43,994 - mmdet - INFO - Start running, host: zqc@zqc-MS-7885-In valid-entry-length-16-Fixed-up-to-11, work_dir: /home/zqc/zjj/mmdetection/work_d irs/htc/20200804
2020-08-05 11:57:43,995 - mmdet - INFO - workflow: [('train', 1)], max: 200 epoc hs
2020-08-05 12:00:32,952 - mmdet - INFO - Epoch [1][50/175]      lr: 1.978e-03, e ta: 1 day, 8:47:27, time: 3.378, data_time: 2.356, memory: 6405, loss_rpn_cls: 0 .6710, loss_rpn_bbox: 0.2255, s0.loss_cls: 0.3607, s0.acc: 88.1484, s0.loss_bbox : 0.0790, s0.loss_mask: 0.8372, s1.loss_cls: 0.1658, s1.acc: 92.7044, s1.loss_bb ox: 0.0230, s1.loss_mask: 0.5567, s2.loss_cls: 0.0958, s2.acc: 86.9154, s2.loss_ bbox: 0.0030, s2.loss_mask: 0.2721, loss: 3.2898
2020-08-05 12:02:45,747 - mmdet - INFO - Epoch [1][100/175]     lr: 3.976e-03, e ta: 1 day, 5:14:47, time: 2.656, data_time: 1.639, memory: 7010, loss_rpn_cls: 0 .4523, loss_rpn_bbox: 0.1860, s0.loss_cls: 0.3186, s0.acc: 90.4557, s0.loss_bbox : 0.1073, s0.loss_mask: 0.5625, s1.loss_cls: 0.1379, s1.acc: 92.9622, s1.loss_bb ox: 0.0316, s1.loss_mask: 0.2836, s2.loss_cls: 0.0658, s2.acc: 93.9427, s2.loss_ bbox: 0.0048, s2.loss_mask: 0.1456, loss: 2.2961
  File "/home/zqc/anaconda3/envs/wheat/lib/python3.7/site-packages/torch/utils/d ata/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 12890) is killed by signal: Killed.
""")

add(name="paste2_mmpretrain_2node_nccl_timeout",
    url="https://github.com/open-mmlab/mmpretrain/issues/1837", framework="mmengine",
    expected="distributed_timeout", healthy=False,
    rationale="2-node run (NNODES=2, 8 GPUs each, NCCL_SOCKET_IFNAME=eno1): NCCL initialises ('Connected all trees', P2P not enabled between dev 0 and dev 1), then ranks 3, 1 and 4 report 'Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1801530 milliseconds before timing out.' and the processes are taken down",
    thread_diagnosis="closed; the stored excerpt shows no answer (the poster notes the GPUs of the other node initialise successfully)",
    argv=["./tools/dist_train.sh", "configs/mae/benchmarks/vit-large-p16_8xb128-ds-coslr-50e_in1k.py", "8"],
    trimmed="the poster's dist_train.sh listing and prose; two fragments of the paste as stored (NCCL INFO lines, then the watchdog errors; a cut-off NCCL INFO line dropped); the middle of the log is not in the stored excerpt",
    text="""ubuntu-server:133849:134369 [0] NCCL INFO Could not enable P2P between dev 0(=67000) and dev 1(=68000)
ubuntu-server:133849:134369 [0] NCCL INFO Could not enable P2P between dev 0(=67000) and dev 1(=68000)
ubuntu-server:133849:134369 [0] NCCL INFO Connected all trees
ubuntu-server:133849:134369 [0] NCCL INFO threadThresholds 8/8/64 | 128/8/64 | 8/8/512
ubuntu-server:133849:134369 [0] NCCL INFO 2 coll channels, 2 p2p channels, 1 p2p channels per peer
  what():  [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1801530 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:341] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data. To avoid this inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
  what():  [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1800441 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:341] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data. To avoid this inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
  what():  [Rank 4] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1800365 milliseconds before timing out.
""")

add(name="paste2_detectron2_cannot_import_C",
    url="https://github.com/facebookresearch/detectron2/issues/538", framework="detectron2",
    expected="missing_file_or_module", healthy=False,
    rationale="'ImportError: cannot import name '_C' from 'detectron2'' at 'from detectron2 import _C' in layers/deform_conv.py, reached from 'from detectron2.structures import BoxMode' in the poster's script: the compiled extension is not there (source tree used without building/installing)",
    thread_diagnosis="maintainer (ppwwyyxx): install detectron2 following INSTALL.md or the colab; the compiled _C extension was missing",
    argv=["python", "test.py"],
    trimmed="the poster's one-line intro ('When I run the balloon demo...') and 'Please help.'",
    text="""Traceback (most recent call last):
  File "test.py", line 11, in <module>
    from detectron2.structures import BoxMode
  File "/home/nls1/tmp/detectron2/detectron2/structures/__init__.py", line 2, in <module>
    from .boxes import Boxes, BoxMode, pairwise_iou
  File "/home/nls1/tmp/detectron2/detectron2/structures/boxes.py", line 8, in <module>
    from detectron2.layers import cat
  File "/home/nls1/tmp/detectron2/detectron2/layers/__init__.py", line 3, in <module>
    from .deform_conv import DeformConv, ModulatedDeformConv
  File "/home/nls1/tmp/detectron2/detectron2/layers/deform_conv.py", line 10, in <module>
    from detectron2 import _C
ImportError: cannot import name '_C' from 'detectron2' 
""")

add(name="paste2_devit_train_net_cannot_import_C",
    url="https://github.com/RuoyuChen10/CCL-FSOD/issues/7", framework="detectron2",
    expected="missing_file_or_module", healthy=False,
    rationale="tools/train_net.py of a detectron2-based few-shot detector fails at import: 'from detectron2 import _C' -> \"ImportError: cannot import name '_C' from 'detectron2' (/root/DeViT/tools/../detectron2/__init__.py)\": the bundled detectron2 copy was never compiled",
    thread_diagnosis="the maintainer replied (quoting the traceback); the stored excerpt cuts off before the advice",
    argv=["python", "tools/train_net.py"],
    trimmed="nothing: the description is the traceback",
    text="""Traceback (most recent call last):
  File "tools/train_net.py", line 29, in <module>
    from detectron2.data import MetadataCatalog
  File "/root/DeViT/tools/../detectron2/data/__init__.py", line 4, in <module>
    from .build import (
  File "/root/DeViT/tools/../detectron2/data/build.py", line 12, in <module>
    from detectron2.structures import BoxMode
  File "/root/DeViT/tools/../detectron2/structures/__init__.py", line 7, in <module>
    from .masks import BitMasks, PolygonMasks, polygons_to_bitmask, ROIMasks
  File "/root/DeViT/tools/../detectron2/structures/masks.py", line 10, in <module>
    from detectron2.layers.roi_align import ROIAlign
  File "/root/DeViT/tools/../detectron2/layers/__init__.py", line 3, in <module>
    from .deform_conv import DeformConv, ModulatedDeformConv
  File "/root/DeViT/tools/../detectron2/layers/deform_conv.py", line 11, in <module>
    from detectron2 import _C
ImportError: cannot import name '_C' from 'detectron2' (/root/DeViT/tools/../detectron2/__init__.py)
""")
