# -*- coding: utf-8 -*-
C = []
def add(**k): C.append(k)

add(name="paste2_mmdet_detectors_cascade_loss_explodes",
    url="https://github.com/open-mmlab/mmdetection/issues/3446", framework="mmdetection",
    expected="exploding_gradients", healthy=False,
    rationale="DetectoRS cascade R-CNN during linear warm-up: at iter 50 (lr 1.978e-03) loss: 59307.8674 with loss_rpn_cls: 42030.6097 (a binary objectness loss whose chance level is about 0.69) and grad_norm: 3801898445783.2651; at iter 100 (lr 3.976e-03) still loss: 21082.3080, grad_norm: 40558643632.8485; finite values orders of magnitude above any sane detection loss (a few units), no NaN printed in this excerpt",
    thread_diagnosis="title 'Loss goes nan, with correct data on single GPU' (labelled reimplementation): the run later went to NaN; the stored excerpt shows no maintainer answer",
    run_settings="mmdetection config with warm-up (lr rising 1.978e-03 -> 3.976e-03); grad_norm logged, i.e. an optimizer hook with grad_clip appears to be configured",
    trimmed="text around the log; the third log line (Epoch [1][150/1749]), cut mid-line in the stored excerpt",
    text="""2020-07-31 22:39:20,625 - mmdet - INFO - Start running, host: ivan@ivan-System-Product-Name, work_dir: /home/ivan/projects/DetectoRS/work_dirs/detectors_cascade_rcnn_r50_1x_coco
2020-07-31 22:39:20,626 - mmdet - INFO - workflow: [('train', 1)], max: 3 epochs
2020-07-31 22:40:50,985 - mmdet - INFO - Epoch [1][50/1749]\tlr: 1.978e-03, eta: 2:36:29, time: 1.807, data_time: 0.047, memory: 5280, loss_rpn_cls: 42030.6097, loss_rpn_bbox: 13815.2660, s0.loss_cls: 485.9971, s0.acc: 97.9023, s0.loss_bbox: 1198.2454, s1.loss_cls: 931.4322, s1.acc: 97.5859, s1.loss_bbox: 597.2287, s2.loss_cls: 16.5083, s2.acc: 97.8919, s2.loss_bbox: 232.5819, loss: 59307.8674, grad_norm: 3801898445783.2651
2020-07-31 22:42:19,569 - mmdet - INFO - Epoch [1][100/1749]\tlr: 3.976e-03, eta: 2:33:29, time: 1.772, data_time: 0.004, memory: 5280, loss_rpn_cls: 6671.9864, loss_rpn_bbox: 8326.7947, s0.loss_cls: 43.6646, s0.acc: 99.7005, s0.loss_bbox: 4196.5025, s1.loss_cls: 2.4801, s1.acc: 99.9154, s1.loss_bbox: 1416.0345, s2.loss_cls: 8.1710, s2.acc: 99.8034, s2.loss_bbox: 416.6740, loss: 21082.3080, grad_norm: 40558643632.8485
""")

add(name="paste2_yolov7_box_loss_nan_epoch41",
    url="https://github.com/WongKinYiu/yolov7/issues/613", framework="yolo",
    expected="nan_or_inf_loss", healthy=False,
    rationale="YOLOv7 epochs 41-43 of 299: box loss 'nan' and total 'nan' in every row while obj stays finite (0.01516, 0.0151, 0.01522) and cls 0; mAP@.5 drops 0.609 -> 0.59, mAP@.5:.95 0.332 -> 0.318",
    thread_diagnosis="open; a later comment asks whether it was fixed; no answer in the stored excerpt",
    trimmed="nothing inside the pasted block; the paste starts mid-table (the first header row is not in the stored excerpt)",
    text="""     41/299     65.1G       nan   0.01516         0       nan      1869       320: 100%|████████████████████████████████████████| 729/729 [51:52<00:00,  4.27s/it]
               Class      Images      Labels           P           R      mAP@.5  mAP@.5:.95: 100%|██████████████████████████████| 41/41 [00:58<00:00,  1.43s/it]
                 all       20987      129965       0.848       0.542       0.609       0.332

     Epoch   gpu_mem       box       obj       cls     total    labels  img_size
    42/299     65.1G       nan    0.0151         0       nan      1963       320: 100%|████████████████████████████████████████| 729/729 [51:09<00:00,  4.21s/it]
               Class      Images      Labels           P           R      mAP@.5  mAP@.5:.95: 100%|██████████████████████████████| 41/41 [00:58<00:00,  1.43s/it]
                 all       20987      129965       0.845       0.524        0.59       0.318

     Epoch   gpu_mem       box       obj       cls     total    labels  img_size
    43/299     65.1G       nan   0.01522         0       nan      4239       320:  77%|██████████████████████████████▊         | 561/729 [38:59<11:27,  4.09s/it]    43/299     65.1G       nan   0.01522         0       nan      4239       320:  77%|██████████████████████████████▊         | 561/729 [39:01<11:41,  4.17s/it]
""")

add(name="paste2_keras_sentence_cnn_nan_epoch2",
    url="https://github.com/alexander-rakhlin/CNN-for-Sentence-Classification-in-Keras/issues/7", framework="keras",
    expected="nan_or_inf_loss", healthy=False,
    rationale="epoch 1 is ordinary (loss 0.6242, acc 0.6295, val_loss 0.5265, val_acc 0.7470); from epoch 2 on 'loss: nan' and 'val_loss: nan' with acc falling to 0.4117 then 0.0000e+00 for epochs 3-7; no growth of the loss is visible before it breaks",
    thread_diagnosis="maintainer: 'Maybe learning rate is too big'; otherwise an environment difference (TensorFlow backend vs the Theano the code was tested on)",
    trimmed="the poster's question before the log",
    text="""Epoch 1/10
9595/9595 [==============================] - 1s - loss: 0.6242 - acc: 0.6295 - val_loss: 0.5265 - val_acc: 0.7470
Epoch 2/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.4117 - val_loss: nan - val_acc: 0.0000e+00
Epoch 3/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.0000e+00 - val_loss: nan - val_acc: 0.0000e+00
Epoch 4/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.0000e+00 - val_loss: nan - val_acc: 0.0000e+00
Epoch 5/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.0000e+00 - val_loss: nan - val_acc: 0.0000e+00
Epoch 6/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.0000e+00 - val_loss: nan - val_acc: 0.0000e+00
Epoch 7/10
9595/9595 [==============================] - 1s - loss: nan - acc: 0.0000e+00 - val_loss: nan - val_acc: 0.0000e+00
""")

add(name="paste2_detectron2_fast_rcnn_nan_iter27",
    url="https://github.com/facebookresearch/detectron2/issues/425", framework="detectron2",
    expected="nan_or_inf_loss", healthy=False,
    rationale="'FloatingPointError: Loss became infinite or NaN at iteration=27!' with loss_cls tensor(nan) while loss_box_reg is an ordinary 0.2576; 8-GPU fast_rcnn_R_50_FPN_1x on COCO, an unmodified config",
    thread_diagnosis="labelled 'installation / environment' by the maintainers (so the NaN traced to the poster's environment, 8x Tesla P40, PyTorch 1.3.1); the stored excerpt shows no further answer",
    argv=["python", "tools/train_net.py", "--num-gpus", "8", "--config-file", "configs/COCO-Detection/fast_rcnn_R_50_FPN_1x.yaml"],
    trimmed="the issue template prose; the environment table after the 'cv2' row (cut in the stored excerpt)",
    text="""FloatingPointError: Loss became infinite or NaN at iteration=27!
loss_dict = {'loss_cls': tensor(nan, device='cuda:1', grad_fn=<NllLossBackward>), 'loss_box_reg': tensor(0.2576, device='cuda:1', grad_fn=<DivBackward0>)}
------------------------  --------------------------------------------------
sys.platform              linux
Python                    3.7.5 (default, Oct 25 2019, 15:51:11) [GCC 7.3.0]
Numpy                     1.17.4
Detectron2 Compiler       GCC 7.3
Detectron2 CUDA Compiler  10.1
DETECTRON2_ENV_MODULE     <not set>
PyTorch                   1.3.1
PyTorch Debug Build       False
torchvision               0.4.2
CUDA available            True
GPU 0,1,2,3,4,5,6,7       Tesla P40
CUDA_HOME                 /usr/local/cuda
NVCC                      Cuda compilation tools, release 10.1, V10.1.168
Pillow                    6.2.1
cv2                       4.1.2
------------------------  --------------------------------------------------
""")

add(name="paste2_keras_constant_loss_4438_acc_7247",
    url="https://github.com/keras-team/keras/issues/4784", framework="keras",
    expected="loss_not_decreasing", healthy=False,
    rationale="13 epochs over 10131566 samples print exactly the same 'loss: 4.4380 - acc: 0.7247' every epoch: the loss never moves (a saturated output: 4.438 is what a model that is confidently wrong on 27.5% of the samples gets with clipped probabilities) and accuracy stays at what looks like the majority rate",
    thread_diagnosis="closed as stale; no answer in the stored excerpt",
    trimmed="the poster's text and code before the log; the partial 'Epoch 14/100' progress line at the end of the stored excerpt",
    text="""Epoch 1/100
10131566/10131566 [==============================] - 338s - loss: 4.4380 - acc: 0.7247
Epoch 2/100
10131566/10131566 [==============================] - 341s - loss: 4.4380 - acc: 0.7247
Epoch 3/100
10131566/10131566 [==============================] - 340s - loss: 4.4380 - acc: 0.7247
Epoch 4/100
10131566/10131566 [==============================] - 350s - loss: 4.4380 - acc: 0.7247
Epoch 5/100
10131566/10131566 [==============================] - 343s - loss: 4.4380 - acc: 0.7247
Epoch 6/100
10131566/10131566 [==============================] - 336s - loss: 4.4380 - acc: 0.7247
Epoch 7/100
10131566/10131566 [==============================] - 346s - loss: 4.4380 - acc: 0.7247
Epoch 8/100
10131566/10131566 [==============================] - 349s - loss: 4.4380 - acc: 0.7247
Epoch 9/100
10131566/10131566 [==============================] - 345s - loss: 4.4380 - acc: 0.7247
Epoch 10/100
10131566/10131566 [==============================] - 345s - loss: 4.4380 - acc: 0.7247
Epoch 11/100
10131566/10131566 [==============================] - 349s - loss: 4.4380 - acc: 0.7247
Epoch 12/100
10131566/10131566 [==============================] - 349s - loss: 4.4380 - acc: 0.7247
Epoch 13/100
10131566/10131566 [==============================] - 344s - loss: 4.4380 - acc: 0.7247
""")

add(name="paste2_keras_xception_multigpu_oom",
    url="https://github.com/keras-team/keras/issues/9643", framework="keras",
    expected="out_of_memory", healthy=False,
    rationale="'ResourceExhaustedError: OOM when allocating tensor with shape[128,128,109,109] and type float on /job:localhost/replica:0/task:0/device:GPU:1 by allocator GPU_1_bfc' in replica_1/xception/block2_sepconv1_bn/FusedBatchNorm: a batch of 128 per replica for Xception does not fit on the GPU",
    thread_diagnosis="title 'ResourceExhaustedError: OOM when allocating tensor from Keras Example Script' (the multi-GPU Xception example); closed, no answer in the stored excerpt",
    trimmed="the first frames of the notebook traceback (not in the stored excerpt) and the final cut-off 'Hint:' line",
    text="""C:\\ProgramData\\Anaconda3\\envs\\tensorflow\\lib\\site-packages\\tensorflow\\python\\client\\session.py in _do_run(self, handle, target_list, fetch_list, feed_dict, options, run_metadata)
   1353     if handle is None:
   1354       return self._do_call(_run_fn, self._session, feeds, fetches, targets,
-> 1355                            options, run_metadata)
   1356     else:
   1357       return self._do_call(_prun_fn, self._session, handle, feeds, fetches)

C:\\ProgramData\\Anaconda3\\envs\\tensorflow\\lib\\site-packages\\tensorflow\\python\\client\\session.py in _do_call(self, fn, *args)
   1372         except KeyError:
   1373           pass
-> 1374       raise type(e)(node_def, op, message)
   1375 
   1376   def _extend_graph(self):

ResourceExhaustedError: OOM when allocating tensor with shape[128,128,109,109] and type float on /job:localhost/replica:0/task:0/device:GPU:1 by allocator GPU_1_bfc
\t [[Node: replica_1/xception/block2_sepconv1_bn/FusedBatchNorm = FusedBatchNorm[T=DT_FLOAT, data_format="NHWC", epsilon=0.001, is_training=true, _device="/job:localhost/replica:0/task:0/device:GPU:1"](replica_1/xception/block2_sepconv1/separable_conv2d, block2_sepconv1_bn/gamma/read/_533, block2_sepconv1_bn/beta/read/_535, replica_1/xception/block13_sepconv1_bn/Const, replica_1/xception/block13_sepconv1_bn/Const)]]
""")

add(name="paste2_tf_slim_inception_oom_midtraining",
    url="https://github.com/tensorflow/tensorflow/issues/4735", framework="tensorflow",
    expected="out_of_memory", healthy=False,
    rationale="'ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[256,112,112,64]' in InceptionV1 Conv2d_1a_7x7 BatchNorm on gpu:0, raised out of slim learning.train in train_image_classifier.py: batch 256 activations do not fit",
    thread_diagnosis="title 'Resource exhausted error in the middle of training'; labelled stat:awaiting response; no answer in the stored excerpt",
    trimmed="the poster's prose; the last traceback frame, cut mid-line in the stored excerpt",
    text="""ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[256,112,112,64]
     [[Node: InceptionV1/InceptionV1/Conv2d_1a_7x7/BatchNorm/moments/sufficient_statistics/SquaredDifference = SquaredDifference[T=DT_FLOAT, _device="/job:localhost/replica:0/task:0/gpu:0"](InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D, InceptionV1/InceptionV1/Conv2d_1a_7x7/BatchNorm/Add)]]
     [[Node: InceptionV1/InceptionV1/MaxPool_5a_2x2/MaxPool/_1231 = _Recv[client_terminated=false, recv_device="/job:localhost/replica:0/task:0/cpu:0", send_device="/job:localhost/replica:0/task:0/gpu:0", send_device_incarnation=1, tensor_name="edge_3156_InceptionV1/InceptionV1/MaxPool_5a_2x2/MaxPool", tensor_type=DT_FLOAT, _device="/job:localhost/replica:0/task:0/cpu:0"]()]]

Traceback (most recent call last):
  File "train_image_classifier.py", line 585, in <module>
    tf.app.run()
  File "/usr/local/lib/python2.7/dist-packages/tensorflow/python/platform/app.py", line 30, in run
    sys.exit(main(sys.argv[:1] + flags_passthrough))
  File "train_image_classifier.py", line 581, in main
    sync_optimizer=optimizer if FLAGS.sync_replicas else None)
  File "/usr/local/lib/python2.7/dist-packages/tensorflow/contrib/slim/python/slim/learning.py", line 781, in train
    raise
""")
