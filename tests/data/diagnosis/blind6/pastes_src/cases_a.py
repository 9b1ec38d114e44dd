# Pasted logs, copied from the `search` tool's issues index excerpts (never rewritten; cut only as `trimmed` says).
CASES = []
def add(**kw):
    CASES.append(kw)

add(name="paste_bloodcell_nan_after_1k",
    url="https://github.com/MahmudulAlam/Automatic-Identification-and-Counting-of-Blood-Cells/issues/15",
    framework="tensorflow (darkflow YOLO)", expected="nan_or_inf_loss", healthy=False,
    log="""...
step 1655 - loss        nan - moving ave loss        nan
step 1656 - loss        nan - moving ave loss        nan
Finish 92 epoch(es)
step 1657 - loss        nan - moving ave loss        nan
step 1658 - loss        nan - moving ave loss        nan
...
""",
    trimmed="the poster's prose around the code block (ran the wiki steps unchanged except gpu=0, loss became nan after ~1K steps)",
    rationale="'step 1655 - loss        nan - moving ave loss        nan' through step 1658, 'Finish 92 epoch(es)': the loss itself is NaN and stays NaN",
    thread_diagnosis="maintainer: 'Reduce the learning rate, that would solve the issue.'")

add(name="paste_tf2_yolov3_giou_nan_abrupt",
    url="https://github.com/YunYang1994/TensorFlow2.0-Examples/issues/20",
    framework="tensorflow 2 (YOLOv3)", expected="nan_or_inf_loss", healthy=False,
    log="""=> STEP 46130   lr: 0.000270   giou_loss: 0.39   conf_loss: 0.02   prob_loss: 0.00   total_loss: 0.41  
=> STEP 46131   lr: 0.000270   giou_loss: 0.37   conf_loss: 0.01   prob_loss: 0.00   total_loss: 0.38
=> STEP 46132   lr: 0.000270   giou_loss:  nan   conf_loss: 0.88   prob_loss: 0.00   total_loss:  nan  
=> STEP 46133   lr: 0.000270   giou_loss:  nan   conf_loss:  nan   prob_loss:  nan   total_loss:  nan  
=> STEP 46134   lr: 0.000270   giou_loss:  nan   conf_loss:  nan   prob_loss:  nan   total_loss:  nan  
""",
    trimmed="the TensorBoard screenshot link above and the poster's Chinese question below (is this gradient explosion? CCPD2019 plate images; loss fell from 1800 to 0.38 over hours)",
    rationale="total_loss 0.41, 0.38 at steps 46130-46131 (lr 0.000270), then giou_loss nan at step 46132 and every loss nan from 46133: an abrupt NaN from an ordinary, low loss with no growth before it",
    thread_diagnosis="maintainer: check the data, else adjust the parameters; other users: seems random, re-running sometimes passes; the checkpoint before the NaN is usable. Cause not settled")

add(name="paste_timemoe_loss0_gradnorm_nan",
    url="https://github.com/Time-MoE/Time-MoE/issues/31",
    framework="transformers Trainer (Time-MoE fine-tuning)", expected="nan_or_inf_loss", healthy=False,
    log="""{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.54}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.55}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.57}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.58}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.6}                                                                   
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.61}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.63}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.64}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.65}                                                                  
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 5e-05, 'epoch': 0.67}                                                                  
""",
    trimmed="the stored excerpt starts inside the paste (a later turn of the thread) and ends mid-line after epoch 0.67; nothing else cut",
    rationale="every logged step from epoch 0.54 to 0.67 shows 'grad_norm': nan with 'loss': 0.0 frozen at the same value (lr 5e-05): the gradients are NaN and the printed loss has stayed at a constant since, i.e. the weights/loss broke",
    thread_diagnosis="no diagnosis in the stored excerpt")

add(name="paste_mmdet_gradnorm_spike_epoch2",
    url="https://github.com/open-mmlab/mmdetection/issues/11708",
    framework="mmdetection / mmengine", expected="exploding_gradients", healthy=False,
    log="""2024/05/10 15:46:31 - mmengine - INFO - Epoch(train)  [2][ 50/788]  lr: 2.0000e-03  eta: 4:14:00  time: 0.8167  data_time: 0.0169  memory: 15943  grad_norm: 3.4572  loss: 1.5043  loss_cls: 0.8781  loss_bbox: 0.6262
2024/05/10 15:47:12 - mmengine - INFO - Epoch(train)  [2][100/788]  lr: 2.0000e-03  eta: 4:12:59  time: 0.8248  data_time: 0.0158  memory: 15871  grad_norm: 31101415.5974  loss: 63.1261  loss_cls: 61.5992  loss_bbox: 1.5268
2024/05/10 15:47:54 - mmengine - INFO - Epoch(train)  [2][150/788]  lr: 2.0000e-03  eta: 4:12:14  time: 0.8396  data_time: 0.0166  memory: 15559""",
    trimmed="the poster's question above the log (grad_norm abnormal, sometimes inf, in the first two epochs only, later training normalizes; is it normal?); the stored excerpt ends inside the third log line",
    rationale="epoch 2 iter 50: grad_norm 3.4572, loss 1.5043 (loss_cls 0.8781); iter 100: grad_norm 31101415.5974 (about 9e6x) and loss 63.1261 (loss_cls 61.5992, 70x): gradients and loss blow up by orders of magnitude without becoming NaN, at lr 2.0000e-03",
    thread_diagnosis="open; no answer in the stored excerpt (the poster says it happens only in epochs 1-2 and the metrics end roughly normal)")

add(name="paste_yolov2_keras_val_loss_rises_epoch3",
    url="https://github.com/datlife/yolov2/issues/6",
    framework="keras", expected="overfitting", healthy=False,
    log="""12299/12300 [============================>.] - ETA: 0s - loss: 1.6080Epoch 00001: val_loss improved from inf to 1.55635, saving model to ./backup/best_yolov2-01-1.56.weights
12300/12300 [==============================] - 2773s 225ms/step - loss: 1.6080 - val_loss: 1.5564
12299/12300 [============================>.] - ETA: 0s - loss: 1.5306Epoch 00002: val_loss improved from 1.55635 to 1.52850, saving model to ./backup/best_yolov2-02-1.53.weights
12300/12300 [==============================] - 2738s 223ms/step - loss: 1.5307 - val_loss: 1.5285
12299/12300 [============================>.] - ETA: 0s - loss: 1.4806Epoch 00003: val_loss did not improve
12300/12300 [==============================] - 2741s 223ms/step - loss: 1.4806 - val_loss: 1.5510
12299/12300 [============================>.] - ETA: 0s - loss: 1.4509Epoch 00004: val_loss did not improve
12300/12300 [==============================] - 2741s 223ms/step - loss: 1.4509 - val_loss: 1.5861
""",
    trimmed="the poster's description above ('my training datasets contains 12300*8 data, 3 classes, learning rate 0.0001, yolo-coco.weights init; after two epochs val_loss rises while loss still decreases, I think it is overfitting; would dropout help?')",
    rationale="training loss falls every epoch 1.6080 -> 1.5307 -> 1.4806 -> 1.4509 while val_loss reaches its best 1.5285 at epoch 2 and then rises 1.5510 -> 1.5861 ('val_loss did not improve'): the train/validation gap opens after epoch 2",
    thread_diagnosis="open; no answer in the stored excerpt (the poster calls it overfitting)",
    run_settings="checkpoints the best val_loss each epoch (ModelCheckpoint); lr 0.0001")

add(name="paste_keras_cnn_predicts_majority_class",
    url="https://github.com/keras-team/keras/issues/1869",
    framework="keras (theano)", expected="loss_not_decreasing", healthy=False,
    log="""Using Theano backend.
Couldn't import dot_parser, loading of dot files will not be possible.
X_train shape: (880, 3, 100, 100)
880 train samples
220 test samples
train:
  0    418
3    179
2    174
1    109
dtype: int64
test:
 0    98
3    55
2    43
1    24
dtype: int64
Train on 880 samples, validate on 220 samples
Epoch 1/5
880/880 [==============================] - 582s - loss: 1.3444 - acc: 0.4500 - val_loss: 1.2752 - val_acc: 0.4455
Epoch 2/5
880/880 [==============================] - 540s - loss: 1.2624 - acc: 0.4750 - val_loss: 1.2802 - val_acc: 0.4455
Epoch 3/5
880/880 [==============================] - 540s - loss: 1.2637 - acc: 0.4750 - val_loss: 1.2712 - val_acc: 0.4455
Epoch 4/5
880/880 [==============================] - 538s - loss: 1.2484 - acc: 0.4750 - val_loss: 1.2623 - val_acc: 0.4455
Epoch 5/5
880/880 [==============================] - 537s - loss: 1.2375 - acc: 0.4750 - va""",
    trimmed="the poster's description above 'terminal output' (two datasets of 1200 images, 4 and 6 classes, resized to 100x100, same val accuracy every epoch); the stored excerpt ends inside the epoch-5 line",
    rationale="4 classes with 418/880 = 0.475 of training and 98/220 = 0.4455 of test in class 0: acc is exactly 0.4750 from epoch 2 on and val_acc exactly 0.4455 every epoch, the majority-class rates; the loss stays about 1.24-1.34, the entropy of the class prior (about 1.26), ln 4 = 1.386: the model predicts the majority class and learns nothing",
    thread_diagnosis="no answer in the stored excerpt")

add(name="paste_distance_encoding_acc_collapse_to_chance",
    url="https://github.com/snap-stanford/distance-encoding/issues/6",
    framework="pytorch (GNN, link prediction)", expected="loss_not_decreasing", healthy=False,
    log="""I1112 15:55:03.135487 140547172456256 train.py:23] epoch 173 best test acc: 0.9120, train loss: 1.3054; train acc: 0.5002 val acc: 0.5000 test acc: 0.5000
I1112 15:55:05.882569 140547172456256 train.py:23] epoch 174 best test acc: 0.9120, train loss: 1.0149; train acc: 0.5002 val acc: 0.5000 test acc: 0.5000
I1112 15:55:08.628256 140547172456256 train.py:23] epoch 175 best test acc: 0.9120, train loss: 0.7225; train acc: 0.5002 val acc: 0.5000 test acc: 0.5000
I1112 15:55:11.371702 140547172456256 train.py:23] epoch 176 best test acc: 0.9120, train loss: 0.7835; train acc: 0.5000 val acc: 0.5000 test acc: 0.5000
I1112 15:55:14.116631 140547172456256 train.py:23] epoch 177 best test acc: 0.9120, train loss: 1.1120; train acc: 0.5000 val acc: 0.5000 test acc: 0.5000
I1112 15:55:16.863706 140547172456256 train.py:23] epoch 178 best test acc: 0.9120, train loss: 1.3536; train acc: 0.5000 val acc: 0.5000 test acc: 0.5000
I1112 15:55:19.616433 140547172456256 train.py:23] epoch 179 best test acc: 0.9120, train loss: 1.3649; train acc: 0.5000 val acc: 0.5000 test acc: 0.5000
I1112 15:55:22.364442 140547172456256 train.py:23] epoch 180 best test acc: 0.9120, train loss: 1.1435; train acc: 0.5000 val acc: 0.5000 test acc: 0.5000
I1112 15:55:25.111528 140547172456256 train.py:23] epoch 181 best test acc: 0.9120, train loss: 0.8""",
    trimmed="the stored excerpt starts inside the paste (title: 'The training ACC decreases to 0.5 after 130 epochs?') and ends inside the epoch-181 line",
    rationale="after a best test acc of 0.9120 earlier, epochs 173-181 show train acc 0.5000-0.5002 and val/test acc 0.5000 (chance for a balanced binary task) while the train loss swings 0.7225-1.3649, at or above ln 2 = 0.693: training has fallen back to chance and does not recover; no orders-of-magnitude growth, no NaN",
    thread_diagnosis="closed; no answer in the stored excerpt")

add(name="paste_cpm2_finetune_loss_stuck_ln2",
    url="https://github.com/TsinghuaAI/CPM-2-Finetune/issues/11",
    framework="pytorch / DeepSpeed (CPM-2 fine-tuning)", expected="loss_not_decreasing", healthy=False,
    log="""epoch   3/ 10 | global iteration     1360/    3402 | learning rate 3e-06 | lm loss 0.699219 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1370/    3402 | learning rate 3e-06 | lm loss 0.697672 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1380/    3402 | learning rate 3e-06 | lm loss 0.698514 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1390/    3402 | learning rate 3e-06 | lm loss 0.698999 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1400/    3402 | learning rate 3e-06 | lm loss 0.701253 | loss scale 1024.0 |
iteration 1400 |  eval_loss: 0.7021288914339883 | eval acc(mrr): 0.24293154761904762
epoch   4/ 10 | global iteration     1410/    3402 | learning rate 3e-06 | lm loss 0.702823 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1420/    3402 | learning rate 3e-06 | lm loss 1.08578 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1430/    3402 | learning rate 3e-06 | lm loss 0.697458 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1440/    3402 | learning rate 3e-06 | lm loss 0.68737 | loss scale 1024.0 |
epoch   4/ 10 | global iteration     1450/    3402 | learning rate 3e-06 | lm loss 0.694854 | loss scale 1024.0 |
iteration 1450 |  eval_loss: 0.714258862393243 | eval acc(mrr): 0.2418154761904762
epoch   4/ 10 | global iteration     1460/    3402 | learning rate 3e""",
    trimmed="the stored excerpt starts inside a later turn's paste (title: 'Finetune loss and acc is pool') and ends inside the iteration-1460 line",
    rationale="epochs 3-4 (iterations 1360-1450 of 3402): lm loss 0.687-0.703 (one 1.08578), i.e. flat at ln 2 = 0.693, eval_loss 0.7021 -> 0.7143 and eval acc(mrr) 0.2429 -> 0.2418 not improving, lr 3e-06: the loss sits at the trivial two-way level; loss scale steady at 1024.0 (no overflow problem)",
    thread_diagnosis="closed; no diagnosis in the stored excerpt")

add(name="paste_facerec_tf2_acc0_early_healthy",
    url="https://github.com/dmonterom/face_recognition_TF2/issues/2",
    framework="tensorflow 2 (ArcFace face recognition)", expected="healthy", healthy=True,
    log="""Epoch 1, Step 10, Loss: 62.92216, Reg loss: 16.30484, Accuracy: 0.00000, Reg coef: 1.00000
Epoch 1, Step 20, Loss: 69.79987, Reg loss: 16.31502, Accuracy: 0.00000, Reg coef: 1.00000
Epoch 1, Step 30, Loss: 54.62340, Reg loss: 16.32216, Accuracy: 0.00000, Reg coef: 1.00000
Epoch 1, Step 40, Loss: 62.94989, Reg loss: 16.32695, Accuracy: 0.00000, Reg coef: 1.00000
""",
    trimmed="the backticks around the paste; the title 'Accuracy is 0 when training?'",
    rationale="only steps 10-40 of epoch 1 of a face-recognition model with thousands of identities: Loss 54-70 and Accuracy 0.00000 are the expected start of a margin-softmax loss, nothing diverged or broke; a slow start",
    thread_diagnosis="maintainer: 'You need to wait for more iterations.'")

add(name="paste_radiant_train_log_healthy",
    url="https://github.com/longyunf/radiant/issues/9",
    framework="pytorch (radar-camera detection)", expected="healthy", healthy=True,
    log="""Train Epoch: 4 [49920/141886 (35%)]     Loss: 0.326567
grad_norm: 4.0071 iteration: 59448
loss_radarClass:0.134  loss_radarOffset:0.135  loss_radarDepthOffset:0.057  loss:0.327  
Train Epoch: 4 [49960/141886 (35%)]     Loss: 0.806502
grad_norm: 5.5651 iteration: 59453
loss_radarClass:0.214  loss_radarOffset:0.465  loss_radarDepthOffset:0.128  loss:0.807  
Train Epoch: 4 [50000/141886 (35%)]     Loss: 0.517228
grad_norm: 4.8307 iteration: 59458
loss_radarClass:0.126  loss_radarOffset:0.275  loss_radarDepthOffset:0.117  loss:0.517  
Train Epoch: 4 [50040/141886 (35%)]     Loss: 0.772954
grad_norm: 4.2956 iteration: 59463
loss_radarClass:0.192  loss_radarOffset:0.481  loss_radarDepthOffset:0.100  loss:0.773  
Train Epoch: 4 [50080/141886 (35%)]     Loss: 0.901844
grad_norm: 5.4652 iteration: 59468
loss_radarClass:0.153  loss_radarOffset:0.586  loss_radarDepthOffset:0.163  loss:0.902  
Train Epoch: 4 [50120/141886 (35%)]     Loss: 0.904489
grad_norm: 6.5861 iteration: 59473
loss_radarClass:0.184  loss_radarOffset:0.549  loss_radarDepthOffset:0.171  loss:0.904  
Train Epoch: 4 [50160/141886 (35%)]     Loss: 0.746246
grad_norm: 5.4594 iteration: 59478
loss_radarClass:0.185  loss_radarOffset:0.452  loss_radarDepthOffset:0.109  loss:0.746  
""",
    trimmed="the poster's question after the log (what do Loss, grad_norm, iteration and the loss_radar* terms mean?)",
    rationale="epoch 4, iterations 59448-59478: per-batch loss 0.33-0.90 with grad_norm 4.0-6.6, all finite and bounded; ordinary mini-batch noise late in training; the poster only asks what the fields mean",
    thread_diagnosis="closed; the question is about the meaning of the logged fields, no problem reported")

add(name="paste_avod_noisy_early_loss_healthy",
    url="https://github.com/kujason/avod/issues/28",
    framework="tensorflow (AVOD 3D detection)", expected="healthy", healthy=True,
    log="""Step 500, Total Loss 2.645, Time Elapsed 6.096 s
Step 550, Total Loss 3.583, Time Elapsed 5.431 s
Step 560, Total Loss 11.722, Time Elapsed 5.333 s
Step 570, Total Loss 3.723, Time Elapsed 5.495 s
Step 580, Total Loss 1.895, Time Elapsed 5.473 s
Step 590, Total Loss 15.548, Time Elapsed 5.860 s
Step 600, Total Loss 2.417, Time Elapsed 5.647 s
""",
    trimmed="the poster's question around the log (default config, training for CAR, 'training loss seems not right. It fluctuates')",
    rationale="steps 500-600 early in training: Total Loss mostly 1.9-3.7 with single-step spikes to 11.722 and 15.548 that fall straight back (2.417 at step 600): per-batch noise, no trend up, no NaN",
    thread_diagnosis="poster, next day: 'After 1 night trainning about 110000 iter., the loss greately decreased to about 0.x, without large fluctuation' (early noise from the view-drop path_drop_probabilities [0.9, 0.9])")

add(name="paste_bvae_tts_loss_scale_32768_healthy",
    url="https://github.com/LEEYOONHYUNG/BVAE-TTS/issues/3",
    framework="pytorch + apex amp (BVAE-TTS)", expected="healthy", healthy=True,
    log="""Gradient overflow. Skipping step, loss scaler 0 reducing loss scale to 32768.0
""",
    trimmed="the only log line is the one the poster gave in the issue title ('... Excuse me, what is the reason for this problem?'); no other output is in the thread excerpt",
    rationale="a single apex dynamic-loss-scaling message lowering the scale to 32768.0, a large value: the scaler working as designed, not a collapse",
    thread_diagnosis="author: it is apex adjusting the loss scale; CookiePPP: 'a loss scale of 32768 does not indicate any sort of failure or issue'")

add(name="paste_rtm3d_reference_log_healthy",
    url="https://github.com/Banconxuan/RTM3D/issues/8",
    framework="pytorch (RTM3D monocular 3D detection)", expected="healthy", healthy=True,
    log="""2020-12-14-13-04: epoch: 1 |loss 0.044084 | hm_loss 2.984045 | hp_loss 7.373300 | hm_hp_loss 3.112973 | hp_offset_loss 0.275482 | wh_loss 13.003339 | off_loss 0.280270 | dim_loss 0.720487 | rot_loss 1.926005 | prob_loss 5.468876 | coor_loss 26.215098 | box_score 0.044084 | time 3.716667 | 
2020-12-14-13-08: epoch: 2 |loss 0.128893 | hm_loss 1.912404 | hp_loss 6.088788 | hm_hp_loss 2.217700 | hp_offset_loss 0.251246 | wh_loss 5.940583 | off_loss 0.252135 | dim_loss 0.302496 | rot_loss 1.867203 | prob_loss 6.009809 | coor_loss 5.777905 | box_score 0.128893 | time 3.516667 | 
2020-12-14-13-11: epoch: 3 |loss 0.138301 | hm_loss 1.500287 | hp_loss 6.017632 | hm_hp_loss 1.912993 | hp_offset_loss 0.250973 | wh_loss 5.316960 | off_loss 0.248090 | dim_loss 0.234139 | rot_loss 1.861147 | prob_loss 6.104925 | coor_loss 5.714835 | box_score 0.138301 | time 3.516667 | 
2020-12-14-13-15: epoch: 4 |loss 0.121327 | hm_loss 1.276340 | hp_loss 5.860701 | hm_hp_loss 1.811430 | hp_offset_loss 0.248182 | wh_loss 4.611679 | off_loss 0.243031 | dim_loss 0.206281 | rot_loss 1.854213 | prob_loss 5.511015 | coor_loss 6.001116 | box_score 0.121327 | time 3.516667 | 
2020-12-14-13-18: epoch: 5 |loss 0.106950 | hm_loss 1.142965 | hp_loss 5.510242 | hm_hp_loss 1.759445 |""",
    trimmed="the maintainer's sentence before the log ('Here is the log of the first table in the README. You can check to see if it's matched with your loss.'); the stored excerpt ends inside the epoch-5 line",
    rationale="the repository author's own reference run for the README results: hm_loss 2.98 -> 1.14, hp_loss 7.37 -> 5.51, wh_loss 13.0 -> 4.6, coor_loss 26.2 -> 5.7 over epochs 1-5; the field named 'loss' equals box_score (0.044-0.138), a score rather than a training loss",
    thread_diagnosis="maintainer posts it as the reference log of a good run (the thread title 'Loss increases with training' refers to the box_score-valued 'loss' field)")

add(name="paste_mmdet_cascade_loss_noise_healthy",
    url="https://github.com/open-mmlab/mmdetection/issues/3924",
    framework="mmdetection (Cascade R-CNN)", expected="healthy", healthy=True,
    log="""2020-10-13 22:30:37,829 - mmdet - INFO - Epoch [5][300/4015]\tlr: 2.000e-02, eta: 3:39:39, time: 0.547, data_time: 0.007, memory: 3862, loss_rpn_cls: 0.0298, loss_rpn_bbox: 0.0185, s0.loss_cls: 0.1501, s0.acc: 93.9551, s0.loss_bbox: 0.1235, s1.loss_cls: 0.0772, s1.acc: 93.6514, s1.loss_bbox: 0.1546, s2.loss_cls: 0.0398, s2.acc: 92.9763, s2.loss_bbox: 0.0879, loss: 0.6814
2020-10-13 22:31:05,782 - mmdet - INFO - Epoch [5][350/4015]\tlr: 2.000e-02, eta: 3:39:12, time: 0.559, data_time: 0.007, memory: 3862, loss_rpn_cls: 0.0216, loss_rpn_bbox: 0.0190, s0.loss_cls: 0.1593, s0.acc: 93.5527, s0.loss_bbox: 0.1284, s1.loss_cls: 0.0823, s1.acc: 93.5009, s1.loss_bbox: 0.1692, s2.loss_cls: 0.0454, s2.acc: 92.3320, s2.loss_bbox: 0.1016, loss: 0.7268
2020-10-13 22:31:32,655 - mmdet - INFO - Epoch [5][400/4015]\tlr: 2.000e-02, eta: 3:38:43, time: 0.537, data_time: 0.007, memory: 3862, loss_rpn_cls: 0.0247, loss_rpn_bbox: 0.0143, s0.loss_cls: 0.1270, s0.acc: 94.7988, s0.loss_bbox: 0.1075, s1.loss_cls: 0.0664, s1.acc: 94.4895, s1.loss_bbox: 0.1437, s2.loss_cls: 0.0353, s2.acc: 94.0199, s2.loss_bbox: 0.0863, loss: 0.6053
2020-10-13 22:32:00,381 - mmdet - INFO - Epoch [5][450/4015]\tlr: 2.000e-02, eta: 3:38:15, time: 0.555, data_time: 0.007, memory: 3862, loss_rpn_cls: 0.0284, loss_rpn_bbox: 0.0203, s0.loss_cls: 0.1622, s0.acc: 93.4199, s0.loss_bbox: 0.1277, s1.loss_cls: 0.0797,""",
    trimmed="the stored excerpt starts inside the paste (title: 'the loss cannot be stabilized') and ends inside the iteration-450 line",
    rationale="epoch 5, iterations 300-450: total loss 0.6814, 0.7268, 0.6053, stage accuracies 92.3-94.8%, lr 2.000e-02 steady: the ordinary noise of a 50-iteration window on a converging detector; nothing grows, nothing is NaN",
    thread_diagnosis="closed; no answer in the stored excerpt (the poster's worry is only that the loss fluctuates)")
