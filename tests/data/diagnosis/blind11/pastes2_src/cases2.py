# -*- coding: utf-8 -*-
# blind11/pastes2: error cases (crashes, exceptions, OOM, timeouts). Texts as in cases1.py.
C = []
def add(**k): C.append(k)

add(name="paste2_deeplabv3plus_keras_acc_incompatible_shapes",
    url="https://github.com/jeffery-zhougang/DeeplabV3Plus-Keras-Retraining/issues/1", framework="keras",
    expected="shape_mismatch", healthy=False,
    rationale="'InvalidArgumentError: 2 root error(s) found. (0) Invalid argument: Incompatible shapes: [25088] vs. [32,28,28] [[{{node metrics/acc/Equal}}]]' - the accuracy metric compares a flattened tensor of 25088 = 32*28*28 values with labels of shape [32,28,28]",
    thread_diagnosis="the poster: a Keras version problem, root cause not found; no maintainer answer",
    trimmed="the title-like question text; nothing inside the pasted error",
    text="""tensorflow.python.framework.errors_impl.InvalidArgumentError: 2 root error(s) found.
  (0) Invalid argument: Incompatible shapes: [25088] vs. [32,28,28]
\t [[{{node metrics/acc/Equal}}]]
\t [[loss/mul/_2527]]
  (1) Invalid argument: Incompatible shapes: [25088] vs. [32,28,28]
\t [[{{node metrics/acc/Equal}}]]
0 successful operations.
0 derived errors ignored.
""")

add(name="paste2_crfasrnn_unet_custom_loss_incompatible_shapes",
    url="https://github.com/sadeepj/crfasrnn_keras/issues/77", framework="keras",
    expected="shape_mismatch", healthy=False,
    rationale="at fit time: 'Invalid argument:  Incompatible shapes: [524288] vs. [16384] [[node loss_1/crfrnn_loss/custom_loss/mul_1 ...]]' - the custom loss multiplies a flattened prediction of 524288 values with a target of 16384 (= 128*128) values; the CRF-RNN layer's output and the labels do not have the same number of channels/elements",
    thread_diagnosis="open; no answer in the stored excerpt",
    trimmed="the poster's sentence before the error ('... But at the fit time this error occurs: ') on the first line, and the model summary after the log",
    text="""InvalidArgumentError: 2 root error(s) found.
  (0) Invalid argument:  Incompatible shapes: [524288] vs. [16384]
\t [[node loss_1/crfrnn_loss/custom_loss/mul_1 (defined at /usr/local/lib/python3.6/dist-packages/keras/backend/tensorflow_backend.py:3009) ]]
\t [[gradients_1/crfrnn_1/truediv_4_grad/RealDiv/_774]]
  (1) Invalid argument:  Incompatible shapes: [524288] vs. [16384]
\t [[node loss_1/crfrnn_loss/custom_loss/mul_1 (defined at /usr/local/lib/python3.6/dist-packages/keras/backend/tensorflow_backend.py:3009) ]]
0 successful operations.
0 derived errors ignored. [Op:__inference_keras_scratch_graph_143907]

Function call stack:
keras_scratch_graph -> keras_scratch_graph
""")

add(name="paste2_segmodels_dice_mul_float32_uint8",
    url="https://github.com/qubvel/segmentation_models/issues/509", framework="keras",
    expected="dtype_or_device_mismatch", healthy=False,
    rationale="in the Dice loss (segmentation_models f_score, 'tp = backend.sum(gt * pr, axis=axes)'): \"TypeError: Input 'y' of 'Mul' Op has type float32 that does not match type uint8 of argument 'x'\" - uint8 masks multiplied with float32 predictions",
    thread_diagnosis="two users fixed it by casting image and mask to float32 in the Dataset's __getitem__ (image.astype(np.float32))",
    trimmed="the poster's opening sentence; the traceback lines keep the paste's own indentation",
    text="""File "/usr/local/lib/python3.7/dist-packages/keras/engine/training.py", line 878, in train_function  *
        return step_function(self, iterator)
    File "/usr/local/lib/python3.7/dist-packages/segmentation_models/losses.py", line 97, in __call__  *
        pr,
    File "/usr/local/lib/python3.7/dist-packages/segmentation_models/base/functional.py", line 145, in f_score  *
        tp = backend.sum(gt * pr, axis=axes)

    TypeError: Input 'y' of 'Mul' Op has type float32 that does not match type uint8 of argument 'x'.
""")

add(name="paste2_ultralytics_ddp_broadcast_watchdog_3h",
    url="https://github.com/ultralytics/ultralytics/issues/15683", framework="ultralytics",
    expected="distributed_timeout", healthy=False,
    rationale="YOLOv8 DDP on 10+ ranks: after model setup, '[Rank 7] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800004 milliseconds before timing out' on ranks 7, 6, 5, 1, 3, 9 - the very first collective (SeqNum=1) never completed within the 3 h timeout; training never started",
    thread_diagnosis="title 'yolo v8 training not starting with DDP', open, labelled bug/detect/devops; the stored excerpt shows the trace but no fix",
    trimmed="the markdown fence; the stored excerpt ends inside the rank-9 line",
    text="""
Overriding model.yaml nc=80 with nc=4000
Transferred 319/355 items from pretrained weights
Freezing layer 'model.22.dfl.conv.weight'
[rank7]:[E ProcessGroupNCCL.cpp:563] [Rank 7] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800004 milliseconds before
timing out.
[rank6]:[E ProcessGroupNCCL.cpp:563] [Rank 6] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800005 milliseconds before
timing out.
[rank5]:[E ProcessGroupNCCL.cpp:563] [Rank 5] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800005 milliseconds before
timing out.
[rank1]:[E ProcessGroupNCCL.cpp:563] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800005 milliseconds before
timing out.
[rank3]:[E ProcessGroupNCCL.cpp:563] [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, NumelIn=1, NumelOut=1, Timeout(ms)=10800000) ran for 10800004 milliseconds before
timing out.
[rank9]:[E ProcessGroupNCCL.cpp:563] [Rank 9]""")

add(name="paste2_tf_timit_asr_oom_tile_op",
    url="https://github.com/zzw922cn/Automatic_Speech_Recognition/issues/78", framework="tensorflow",
    expected="out_of_memory", healthy=False,
    rationale="timit_train.py: BFC allocator Limit 10625279591 bytes, InUse 7350513920, then 'OP_REQUIRES failed at tile_ops.cc:123 : Resource exhausted: OOM when allocating tensor with shape[16,1,892800,8,4,2,2] and type float on /job:localhost/replica:0/task:0/device:GPU:0' and 'ResourceExhaustedError: OOM when allocating tensor' - a ~7.3 GB tensor (batch 16) on a ~10 GB GPU",
    thread_diagnosis="open; no answer in the stored excerpt",
    trimmed="the poster's one-line question; the stored excerpt ends inside the ResourceExhaustedError line",
    text="""2018-06-08 17:26:00.908082: I tensorflow/core/common_runtime/bfc_allocator.cc:680] Stats: 
Limit:                 10625279591
InUse:                  7350513920
MaxInUse:               7464792320
NumAllocs:                      82
MaxAllocSize:           3656908800

2018-06-08 17:26:00.908099: W tensorflow/core/common_runtime/bfc_allocator.cc:279] *****___******************************************************************__________________________
2018-06-08 17:26:00.908130: W tensorflow/core/framework/op_kernel.cc:1202] OP_REQUIRES failed at tile_ops.cc:123 : Resource exhausted: OOM when allocating tensor with shape[16,1,892800,8,4,2,2] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc
Traceback (most recent call last):
  File "lib/python3.5/site-packages/tensorflow/python/client/session.py", line 1361, in _do_call
    return fn(*args)
  File "lib/python3.5/site-packages/tensorflow/python/client/session.py", line 1340, in _run_fn
    target_list, status, run_metadata)
  File "lib/python3.5/site-packages/tensorflow/python/framework/errors_impl.py", line 516, in __exit__
    c_api.TF_GetCode(self.status.status))
tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[1""")

add(name="paste2_tf_cifar10_oom_after_941k_steps",
    url="https://github.com/tensorflow/models/issues/1993", framework="tensorflow",
    expected="out_of_memory", healthy=False,
    rationale="tutorials/image/cifar10/train.py after about a day: 'step 941580, loss = 0.14' then 'Resource exhausted: OOM when allocating tensor with shape[2304,384]' and 'ResourceExhaustedError: OOM when allocating tensor with shape[2304,384]' in ExponentialMovingAverage on /job:localhost/replica:0/task:0/cpu:0 - a 3.5 MB tensor could not be allocated in host memory after 941k healthy steps (memory exhausted by growth over time, not by one large batch)",
    thread_diagnosis="closed; the stored excerpt holds the report only, no cause named",
    trimmed="the poster's prose ('I let it run about a day on my pc : (windows10 , tensorflow-gpu 1.2 ,) after', 'I got this error :'), the markdown backticks around the step line; the stored excerpt ends inside the Node line",
    text="""2017-07-20 13:58:20.441224: step 941580, loss = 0.14 (3076.2 examples/sec; 0.042 sec/batch)
2017-07-20 13:58:20.791379: W c:\\tf_jenkins\\home\\workspace\\release-win\\m\\windows-gpu\\py\\35\\tensorflow\\core\\framework\\op_kernel.cc:1158] Resource exhausted: OOM when allocating tensor with shape[2304,384]
Traceback (most recent call last):
  File "D:\\Anaconda3\\lib\\site-packages\\tensorflow\\python\\client\\session.py", line 1139, in _do_call
    return fn(*args)
  File "D:\\Anaconda3\\lib\\site-packages\\tensorflow\\python\\client\\session.py", line 1121, in _run_fn
    status, run_metadata)
  File "D:\\Anaconda3\\lib\\contextlib.py", line 66, in __exit__
    next(self.gen)
  File "D:\\Anaconda3\\lib\\site-packages\\tensorflow\\python\\framework\\errors_impl.py", line 466, in raise_exception_on_not_ok_status
    pywrap_tensorflow.TF_GetCode(status))
tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[2304,384]
\t [[Node: ExponentialMovingAverage/AssignMovingAvg_4/sub_1 = Sub[T=DT_FLOAT, _class=["loc:@local3/weights"], _device="/job:localhost/replica:0/task:0/cpu:0""")

add(name="paste2_lightgbm_cli_segfault_first_tree",
    url="https://github.com/lightgbm-org/LightGBM/issues/582", framework="lightgbm",
    expected="process_crash", healthy=False,
    rationale="the bundled examples/binary_classification run with the CLI: data loads, 'Started training...', 'Trained a tree with leaves=63 and max_depth=11', then 'Segmentation fault (core dumped)' - a native crash of the library on its own example data, no Python error, no memory message",
    thread_diagnosis="a bug on the then-current master: the maintainer (guolinke) pushed a fix and the poster confirmed 'the fix works'",
    argv=["~/LightGBM/lightgbm", "config=train.conf"],
    trimmed="the issue template before the poster's comment",
    text="""deep@ubuntu:~/LightGBM/examples/binary_classification$ ~/LightGBM/lightgbm config=train.conf
[LightGBM] [Info] Finished loading parameters
[LightGBM] [Info] Loading weights...
[LightGBM] [Info] Loading weights...
[LightGBM] [Info] Finished loading data in 0.102863 seconds
[LightGBM] [Info] Number of positive: 3716, number of negative: 3284
[LightGBM] [Info] Total Bins 6143
[LightGBM] [Info] Number of data: 7000, number of used features: 28
[LightGBM] [Info] Finished initializing training
[LightGBM] [Info] Started training...
[LightGBM] [Info] Trained a tree with leaves=63 and max_depth=11
Segmentation fault (core dumped)
""")

add(name="paste2_openpcdet_segfault_after_epoch_eval",
    url="https://github.com/TRV-Lab/MAFF-Net/issues/8", framework="openpcdet",
    expected="process_crash", healthy=False,
    rationale="OpenPCDet (pcdet 0.5.2) evaluation of the epoch-1 checkpoint: the 510-batch eval loop finishes, recall figures and 'Average predicted number of objects(2040 samples): 0.781' are printed, then 'Segmentation fault (core dumped)' and the shell prompt - a native crash with no Python traceback and no memory message",
    thread_diagnosis="open; a later commenter asks whether it was solved; no cause found in the stored excerpt",
    trimmed="nothing inside the pasted log; the later comments of the thread",
    text="""2025-10-16 21:04:49,412   INFO  ==> Loading parameters from checkpoint /root/autodl-tmp/MAFF-Net-master/output/cfgs/MAFF-Net/MAFF-Net_TJ4D/single_gpu_epoch1/ckpt/checkpoint_epoch_1.pth to GPU
2025-10-16 21:04:49,504   INFO  ==> Checkpoint trained from version: pcdet+0.5.2+0000000
2025-10-16 21:04:49,531   INFO  ==> Done (loaded 352/352)
2025-10-16 21:04:49,555   INFO  *************** EPOCH 1 EVALUATION *****************
eval: 100%|██████████████████████████████████| 510/510 [03:22<00:00,  2.52it/s, infer_time=561.90(391.84), recall_0.3=(2008, 1965) / 8917]
2025-10-16 21:08:11,588   INFO  *************** Performance of EPOCH 1 *****************
2025-10-16 21:08:11,588   INFO  Generate label finished(sec_per_example: 0.0004 second).
2025-10-16 21:08:11,588   INFO  recall_roi_0.3: 0.225188
2025-10-16 21:08:11,588   INFO  recall_rcnn_0.3: 0.220366
2025-10-16 21:08:11,588   INFO  recall_roi_0.5: 0.124818
2025-10-16 21:08:11,588   INFO  recall_rcnn_0.5: 0.106875
2025-10-16 21:08:11,588   INFO  recall_roi_0.7: 0.010430
2025-10-16 21:08:11,588   INFO  recall_rcnn_0.7: 0.008972
2025-10-16 21:08:11,590   INFO  Average predicted number of objects(2040 samples): 0.781
Segmentation fault (core dumped)
(MAFFNet) root@autodl-container-8e0746a055-cdc3ca8e:~/autodl-tmp/MAFF-Net-master#
""")

add(name="paste2_yolov5_dataset_not_found_val",
    url="https://github.com/ultralytics/yolov5/issues/4561", framework="ultralytics",
    expected="missing_file_or_module", healthy=False,
    rationale="\"WARNING: Dataset not found, nonexistent paths: ['/home/ryan/Documents/internship/yolov5-master/images/val']\" then check_dataset raises 'Exception: Dataset not found.' before training starts; the data.yaml's relative 'path: ../dataset' was not where the paths were resolved",
    thread_diagnosis="labelled question/stale; the stored excerpt holds the poster's data.yaml and layout but no answer",
    trimmed="the issue's prose and the data.yaml after the error",
    text="""WARNING: Dataset not found, nonexistent paths: ['/home/ryan/Documents/internship/yolov5-master/images/val']
Traceback (most recent call last):
  File "train.py", line 658, in <module>
    main(opt)
  File "train.py", line 559, in main
    train(opt.hyp, opt, device)
  File "train.py", line 129, in train
    check_dataset(data_dict)  # check
  File "/home/ryan/Documents/internship/yolov5-master/utils/general.py", line 243, in check_dataset
    raise Exception('Dataset not found.')
Exception: Dataset not found.
""")
