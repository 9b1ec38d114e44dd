# -*- coding: utf-8 -*-
# blind12/pastes2 logs, part 1: copied from the `search` tool's issues index (stored excerpts), cut, never rewritten.
C = []
def add(**k): C.append(k)

add(name="paste2_iterdet_mmdet_loss_bbox_nan_first_iters",
    url="https://github.com/SamsungLabs/iterdet/issues/3", framework="mmdetection",
    expected="nan_or_inf_loss", healthy=False,
    rationale="mmdet Faster R-CNN (iterdet crowd_human_full_faster_rcnn_r50_fpn_2x), lr 0.01 from the first iteration: Epoch [1][50/1084] and [1][100/1084] print 'loss_bbox: nan, loss: nan' while loss_rpn_cls (0.5577, 0.3339), loss_cls (0.1869, 0.1757) and acc (92.86, 93.48) stay finite; at [1][150/1084] loss_bbox 0.4434, loss 1.1586 (the poster calls it intermittent NaN). The loss itself is NaN in two of three logged windows",
    thread_diagnosis="the poster asks whether the learning rate is too big; the stored excerpt holds no answer (closed)",
    run_settings="lr 0.01 constant from iteration 50 (no visible warm-up in the logged lr)",
    trimmed="the poster's question lines; the fourth log line (Epoch [1][200/1084]), cut mid-line in the stored excerpt",
    text="""2020-05-18 09:24:01,065 - mmdet - INFO - Start running, host: root@1be15257c199, work_dir: /content/iterdet/work_dirs/iterdet/crowd_human_full_faster_rcnn_r50_fpn_2x
2020-05-18 09:24:01,065 - mmdet - INFO - workflow: [('train', 1)], max: 50 epochs
2020-05-18 09:24:48,902 - mmdet - INFO - Epoch [1][50/1084]\tlr: 0.01000, eta: 14:19:58, time: 0.953, data_time: 0.011, memory: 4370, loss_rpn_cls: 0.5577, loss_rpn_bbox: 0.2245, loss_cls: 0.1869, acc: 92.8633, loss_bbox: nan, loss: nan
2020-05-18 09:25:37,095 - mmdet - INFO - Epoch [1][100/1084]\tlr: 0.01000, eta: 14:24:34, time: 0.965, data_time: 0.010, memory: 4940, loss_rpn_cls: 0.3339, loss_rpn_bbox: 0.2323, loss_cls: 0.1757, acc: 93.4844, loss_bbox: nan, loss: nan
2020-05-18 09:26:23,531 - mmdet - INFO - Epoch [1][150/1084]\tlr: 0.01000, eta: 14:14:45, time: 0.929, data_time: 0.009, memory: 4940, loss_rpn_cls: 0.2372, loss_rpn_bbox: 0.2577, loss_cls: 0.2204, acc: 91.3359, loss_bbox: 0.4434, loss: 1.1586
""")

add(name="paste2_imtfa_detectron2_loss_mask_nan_iter2",
    url="https://github.com/danganea/iMTFA/issues/4", framework="detectron2",
    expected="nan_or_inf_loss", healthy=False,
    rationale="detectron2 (iMTFA fork) raises 'FloatingPointError: Loss became infinite or NaN at iteration=2!' with loss_dict loss_mask: tensor(nan) while loss_cls 6.5565, loss_box_reg 0.0876, loss_rpn_cls 0.7022, loss_rpn_loc 0.0971 are finite; 'Total training time: 0:00:01'",
    thread_diagnosis="open; the poster reports NaN losses after the 1st or 2nd iteration; no answer in the stored excerpt",
    argv=["python3", "tools/run_train.py", "--config-file", "configs/coco-experiments/mask_rcnn_R_50_FPN_fc_fullclsag_base.yaml"],
    trimmed="the poster's sentence and command line (kept in argv); the Markdown code-fence marker before 'ERROR'; the rest of the second traceback (the stored excerpt ends mid-path after 'args=(args,),')",
    text="""ERROR [07/25 13:14:56 d2.engine.train_loop]: Exception during training:
Traceback (most recent call last):
  File "/home/puneet/segmentation/iMTFA/detectron2/engine/train_loop.py", line 132, in train
    self.run_step()
  File "/home/puneet/segmentation/iMTFA/detectron2/engine/train_loop.py", line 217, in run_step
    self._detect_anomaly(losses, loss_dict)
  File "/home/puneet/segmentation/iMTFA/detectron2/engine/train_loop.py", line 240, in _detect_anomaly
    self.iter, loss_dict
FloatingPointError: Loss became infinite or NaN at iteration=2!
loss_dict = {'loss_cls': tensor(6.5565, device='cuda:0', grad_fn=<NllLossBackward>), 'loss_box_reg': tensor(0.0876, device='cuda:0', grad_fn=<DivBackward0>), 'loss_mask': tensor(nan, device='cuda:0', grad_fn=<BinaryCrossEntropyWithLogitsBackward>), 'loss_rpn_cls': tensor(0.7022, device='cuda:0', grad_fn=<MulBackward0>), 'loss_rpn_loc': tensor(0.0971, device='cuda:0', grad_fn=<MulBackward0>)}
[07/25 13:14:56 d2.engine.hooks]: Total training time: 0:00:01 (0:00:00 on hooks)
Traceback (most recent call last):
  File "tools/run_train.py", line 151, in <module>
    args=(args,),
""")

add(name="paste2_keras_maskrcnn_rpn_class_loss_huge_then_nan",
    url="https://github.com/matterport/Mask_RCNN/issues/1997", framework="keras",
    expected="nan_or_inf_loss", healthy=False,
    rationale="matterport Mask R-CNN (Keras): epoch 1 ends 'loss: nan' with rpn_class_loss: 2674718.4462 and rpn_bbox_loss: nan, val_loss: nan; epochs 2-3 loss: nan, rpn_bbox_loss: nan, rpn_class_loss and mrcnn_class_loss frozen at 0.6931 (= ln 2) and mrcnn_bbox_loss / mrcnn_mask_loss 0.0000e+00: the loss is NaN from the first epoch on",
    thread_diagnosis="open, title 'loss:nan'; the stored excerpt holds only the pasted log, no answer",
    trimmed="the beginning of the paste (the stored excerpt starts at the end of epoch 1) and the epoch 4 line, cut mid-line",
    text="""100/100 [==============================] - 337s 3s/step - loss: nan - rpn_class_loss: 2674718.4462 - rpn_bbox_loss: nan - mrcnn_class_loss: 0.6862 - mrcnn_bbox_loss: 0.0000e+00 - mrcnn_mask_loss: 0.0000e+00 - val_loss: nan - val_rpn_class_loss: 0.6931 - val_rpn_bbox_loss: nan - val_mrcnn_class_loss: 0.6931 - val_mrcnn_bbox_loss: 0.0000e+00 - val_mrcnn_mask_loss: 0.0000e+00
Epoch 2/100
100/100 [==============================] - 126s 1s/step - loss: nan - rpn_class_loss: 0.6931 - rpn_bbox_loss: nan - mrcnn_class_loss: 0.6931 - mrcnn_bbox_loss: 0.0000e+00 - mrcnn_mask_loss: 0.0000e+00 - val_loss: nan - val_rpn_class_loss: 0.6931 - val_rpn_bbox_loss: nan - val_mrcnn_class_loss: 0.6931 - val_mrcnn_bbox_loss: 0.0000e+00 - val_mrcnn_mask_loss: 0.0000e+00
Epoch 3/100
100/100 [==============================] - 127s 1s/step - loss: nan - rpn_class_loss: 0.6931 - rpn_bbox_loss: nan - mrcnn_class_loss: 0.6931 - mrcnn_bbox_loss: 0.0000e+00 - mrcnn_mask_loss: 0.0000e+00 - val_loss: nan - val_rpn_class_loss: 0.6931 - val_rpn_bbox_loss: nan - val_mrcnn_class_loss: 0.6931 - val_mrcnn_bbox_loss: 0.0000e+00 - val_mrcnn_mask_loss: 0.0000e+00
Epoch 4/100
""")

add(name="paste2_keras_maskrcnn_nucleus_nan_step2",
    url="https://github.com/matterport/Mask_RCNN/issues/1288", framework="keras",
    expected="nan_or_inf_loss", healthy=False,
    rationale="matterport Mask R-CNN nucleus sample (Keras progress bar, one carriage-return line): step 1/632 loss: 5.1723, step 2/632 'loss: nan' and step 3/632 'loss: nan' while the printed parts rpn_class_loss (2.41 -> 1.55 -> 1.27) and rpn_bbox_loss (1.61 -> 1.40 -> 1.15) stay finite: the total loss is NaN from step 2",
    thread_diagnosis="open; the poster also says the detections are wrong; no answer in the stored excerpt",
    trimmed="the poster's sentences and the result image; the progress line is as stored (one line, the later fields cut off by the terminal)",
    text="""Epoch 1/20 1/632 [..............................] - ETA: 4:08:27 - loss: 5.1723 - rpn_class_loss: 2.4111 - rpn_bbox_loss: 1.6096 - mrcnn_class 2/632 [..............................] - ETA: 2:07:20 - loss: nan - rpn_class_loss: 1.5521 - rpn_bbox_loss: 1.3979 - mrcnn_class_lo 3/632 [..............................] - ETA: 1:27:17 - loss: nan - rpn_class_loss: 1.2658 - rpn_bbox_loss: 1.1470 - mrcnn_class_lo
""")

add(name="paste2_espnet_lm_free_invalid_pointer_after_last_epoch",
    url="https://github.com/espnet/espnet/issues/2674", framework="espnet",
    expected="process_crash", healthy=False,
    rationale="ESPnet2 LM training (commonvoice recipe) runs its last epoch normally ('20/20epoch started', loss=1.19-1.25 per 375-batch window) and the log ends 'The training was finished at 20 epochs' followed by the glibc abort 'free(): invalid pointer' (SIGABRT in native code, no Python traceback): the process crashes at shutdown, not from a training problem",
    thread_diagnosis="labelled Question, closed; the stored excerpt holds the report (espnet 0.9.5, torch 1.7.0, RTX 3090) and no cause",
    trimmed="the poster's environment listing and an earlier log fragment (15epoch lines); the stored excerpt gives the log in two fragments: the 20/20-epoch lines (the excerpt stops after the 2250-batch line) and the two last lines the poster quoted from the log file, joined here in that order",
    text="""[PC] 2020-11-11 17:02:45,039 (trainer:184) INFO: 20/20epoch started. Estimated time to finish: 1 minute and 48.03 seconds
[PC] 2020-11-11 17:02:50,386 (trainer:486) INFO: 20epoch:train:1-375batch: iter_time=0.001, forward_time=0.005, loss=1.212, backward_time=0.005, optim_step_time=1.999e-04, lr_0=0.100, train_time=0.014
[PC] 2020-11-11 17:02:55,575 (trainer:486) INFO: 20epoch:train:376-750batch: iter_time=0.001, forward_time=0.005, loss=1.211, backward_time=0.005, optim_step_time=1.975e-04, lr_0=0.100, train_time=0.014
[PC] 2020-11-11 17:03:00,664 (trainer:486) INFO: 20epoch:train:751-1125batch: iter_time=0.001, forward_time=0.005, loss=1.207, backward_time=0.005, optim_step_time=1.990e-04, lr_0=0.100, train_time=0.013
[PC] 2020-11-11 17:03:05,744 (trainer:486) INFO: 20epoch:train:1126-1500batch: iter_time=0.001, forward_time=0.005, loss=1.196, backward_time=0.005, optim_step_time=2.068e-04, lr_0=0.100, train_time=0.013
[PC] 2020-11-11 17:03:10,985 (trainer:486) INFO: 20epoch:train:1501-1875batch: iter_time=0.001, forward_time=0.005, loss=1.245, backward_time=0.005, optim_step_time=2.037e-04, lr_0=0.100, train_time=0.014
[PC] 2020-11-11 17:03:16,200 (trainer:486) INFO: 20epoch:train:1876-2250batch: iter_time=0.001, forward_time=0.005, loss=1.234, backward_time=0.005, optim_step_time=1.948e-04, lr_0=0.100, train_time=0.014
The training was finished at 20 epochs 
free(): invalid pointer
""")

add(name="paste2_mxnet_ssd_horovod_corrupted_size_abort",
    url="https://github.com/apache/mxnet/issues/19024", framework="mxnet",
    expected="process_crash", healthy=False,
    rationale="GluonCV SSD training on MXNet under horovodrun (8 ranks, --epochs 1): rank 1 prints the glibc heap-corruption abort 'corrupted size vs. prev_size' then '*** Process received signal ***', 'Signal: Aborted (6)', 'Signal code:  (-6)': a native crash (SIGABRT), no Python exception, no memory or shape message",
    thread_diagnosis="labelled Bug, needs triage, open; the reporter (an MXNet engineer) gives the same failure without horovod as 'free(): invalid pointer' at the end of training; no cause in the stored excerpt",
    argv=["horovodrun", "-np", "8", "python", "gluon-cv/scripts/detection/ssd/train_ssd.py", "-j", "32", "--network", "resnet50_v1", "--data-shape", "512", "--dataset", "coco", "--lr", "0.001", "--lr-decay-epoch", "160,200", "--lr-decay", "0.1", "--epochs", "1", "--horovod", "--batch-size", "64", "--log-interval", "100", "--val-interval", "20", "--save-interval", "20"],
    trimmed="the description and the first (non-horovod) command and its one-line failure 'free(): invalid pointer'; the training log itself was linked as a gist, not pasted; the fifth stderr line, cut mid-line in the stored excerpt",
    text="""[1,1]<stderr>:corrupted size vs. prev_size
[1,1]<stderr>:[ip-100-64-13-241:09515] *** Process received signal ***
[1,1]<stderr>:[ip-100-64-13-241:09515] Signal: Aborted (6)
[1,1]<stderr>:[ip-100-64-13-241:09515] Signal code:  (-6)
""")

add(name="paste2_keras_retinanet_tcmalloc_invalid_free",
    url="https://github.com/fizyr/keras-retinanet/issues/1531", framework="keras",
    expected="process_crash", healthy=False,
    rationale="keras-retinanet, epoch 1 at step 5173/10000 (loss 2.6161, regression_loss 2.1697, classification_loss 0.4464, all finite and ordinary): three 'src/tcmalloc.cc:283] Attempt to free invalid pointer 0x...' lines from the native allocator; the poster says training always stops there. A native heap error, not a training-dynamics or memory-size problem",
    thread_diagnosis="labelled stale, closed; the poster found no solution online; no answer in the stored excerpt",
    trimmed="nothing inside the pasted block (the Markdown fences only)",
    text="""Epoch 1/50
2021-04-15 20:46:19.245064: I tensorflow/stream_executor/platform/default/dso_loader.cc:44] Successfully opened dynamic library libcudnn.so.7
2021-04-15 20:46:21.647833: I tensorflow/stream_executor/platform/default/dso_loader.cc:44] Successfully opened dynamic library libcublas.so.10.0
5173/10000 [==============>...............] - ETA: 18:14 - loss: 2.6161 - regression_loss: 2.1697 - classification_loss: 0.4464src/tcmalloc.cc:283] Attempt to free invalid pointer 0xc22f88e4c3381656 
src/tcmalloc.cc:283] Attempt to free invalid pointer 0x4205c8e8c1bdb5e1 
src/tcmalloc.cc:283] Attempt to free invalid pointer 0x564900b52ffb57bd 
5174/10000 [==============>...............] - ETA: 18:13 - loss: 2.6161 - regression_loss: 2.1696 - classification_loss: 0.4464
""")

add(name="paste2_lightgbm_cli_double_free_init_train",
    url="https://github.com/lightgbm-org/LightGBM/issues/436", framework="lightgbm",
    expected="process_crash", healthy=False,
    rationale="LightGBM CLI loads 200436 rows x 25871 used features (Total Bins 51742) and then aborts in GBDT::ResetTrainingData / Application::InitTrain with \"*** Error in `./lightgbm': double free or corruption (out): 0x000000029e0428e0 ***\" and a glibc backtrace and memory map: a native crash before the first iteration, no out-of-memory message",
    thread_diagnosis="labelled awaiting-response, closed; the stored excerpt (a later turn of the poster) holds no maintainer diagnosis",
    trimmed="the Markdown quote markers '> ' at the start of every line; the rest of the memory map (the stored excerpt ends mid-line)",
    text="""[LightGBM] [Info] Finished loading parameters
[LightGBM] [Info] Finished loading data in 67.064315 seconds
[LightGBM] [Info] Number of positive: 100694, number of negative: 99742
[LightGBM] [Info] Total Bins 51742
[LightGBM] [Info] Number of data: 200436, number of used features: 25871
*** Error in `./lightgbm': double free or corruption (out): 0x000000029e0428e0 ***
======= Backtrace: =========
/lib64/libc.so.6(+0x7d053)[0x7f212b930053]
./lightgbm(_ZN8LightGBM4GBDT17ResetTrainingDataEPKNS_14BoostingConfigEPKNS_7DatasetEPKNS_17ObjectiveFunctionERKSt6vectorIPKNS_6MetricESaISD_EE+0x1248)[0x45bb58]
./lightgbm(_ZN8LightGBM11Application9InitTrainEv+0x22c)[0x44260c]
./lightgbm(main+0x2a)[0x43e79a]
/lib64/libc.so.6(__libc_start_main+0xf5)[0x7f212b8d4b15]
./lightgbm[0x43f06d]
======= Memory map: ========
00400000-00552000 r-xp 00000000 08:11 12585186                           /disk1/lib/LightGBM/lightgbm
00752000-00757000 r--p 00152000 08:11 12585186                           /disk1/lib/LightGBM/lightgbm
00757000-00758000 rw-p 00157000 08:11 12585186                           /disk1/lib/LightGBM/lightgbm
00b9c000-32d0a0000 rw-p 00000000 00:00 0                                 [heap]
7f1ce4000000-7f1ce7fd4000 rw-p 00000000 00:00 0 
7f1ce7fd4000-7f1ce8000000 ---p 00000000 00:00 0 
""")
