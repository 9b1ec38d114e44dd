CASES = [
dict(
name="paste_xgb_eval_logloss_climbs_train_to_zero",
url="https://github.com/dmlc/xgboost/issues/2777",
framework="xgboost",
expected="overfitting",
rationale="eval-logloss 0.41906 at [500] rises steadily to 0.91 by [12000+] (more than doubles) while train-logloss falls 0.160439 -> 0.002021: the model memorises the training set past the best validation point; early stopping watches train-logloss ('Will train until train-logloss hasn't improved in 1000 rounds') so it never stops",
thread_diagnosis="the thread is about early stopping stopping at a random spot; the log shows the stopping metric was the training logloss (the last eval set), not the eval set",
run_settings="early_stopping_rounds=1000 already on (but watching train-logloss)",
trimmed="the poster's text before the log and the rest of the rounds after [12500] (cut by the excerpt)",
log=r"""
Will train until train-logloss hasn't improved in 1000 rounds.
[500]	eval-logloss:0.41906	train-logloss:0.160439
[1000]	eval-logloss:0.468176	train-logloss:0.093267
[1500]	eval-logloss:0.523016	train-logloss:0.059736
[2000]	eval-logloss:0.565162	train-logloss:0.041053
[2500]	eval-logloss:0.597463	train-logloss:0.030075
[3000]	eval-logloss:0.631688	train-logloss:0.022858
[3500]	eval-logloss:0.659688	train-logloss:0.017928
[4000]	eval-logloss:0.685825	train-logloss:0.014356
[4500]	eval-logloss:0.713102	train-logloss:0.011751
[5000]	eval-logloss:0.727997	train-logloss:0.009791
[5500]	eval-logloss:0.754377	train-logloss:0.008278
[6000]	eval-logloss:0.774842	train-logloss:0.007068
[6500]	eval-logloss:0.787267	train-logloss:0.006145
[7000]	eval-logloss:0.803622	train-logloss:0.005362
[7500]	eval-logloss:0.815406	train-logloss:0.004739
[8000]	eval-logloss:0.8265	train-logloss:0.004218
[8500]	eval-logloss:0.83899	train-logloss:0.003776
[9000]	eval-logloss:0.848977	train-logloss:0.003404
[9500]	eval-logloss:0.867199	train-logloss:0.003083
[10000]	eval-logloss:0.875638	train-logloss:0.002812
[10500]	eval-logloss:0.883999	train-logloss:0.00257
[11000]	eval-logloss:0.89424	train-logloss:0.002365
[11500]	eval-logloss:0.902478	train-logloss:0.00218
[12000]	eval-logloss:0.910807	train-logloss:0.002021
""",
),
dict(
name="paste_nin_cifar10_loss_pinned_at_ln10",
url="https://github.com/jiecaoyu/pytorch-nin-cifar10/issues/1",
framework="pytorch (NIN on CIFAR-10)",
expected="loss_not_decreasing",
rationale="LR 0.1: loss 2.303388 dips to 2.233992 then from epoch 2 on is exactly 2.302585 (= ln 10, uniform over 10 classes) on every batch; 'Test set: Average loss: 2.9473, Accuracy: 1000/10000 (10.00%)' identical every epoch: chance accuracy, no growth",
thread_diagnosis="poster re-ran it the same way (stored excerpt ends there); no cause stated in the excerpt",
trimmed="the poster's question before the log and the follow-up comment after epoch 4",
argv=["python", "original.py"],
log=r"""
Train Epoch: 1 [0/50000 (0%)]	Loss: 2.303388	LR: 0.1
Train Epoch: 1 [12800/50000 (26%)]	Loss: 2.289754	LR: 0.1
Train Epoch: 1 [25600/50000 (51%)]	Loss: 2.233992	LR: 0.1
Train Epoch: 1 [38400/50000 (77%)]	Loss: 2.302584	LR: 0.1

Test set: Average loss: 2.9473, Accuracy: 1000/10000 (10.00%)

Train Epoch: 2 [0/50000 (0%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 2 [12800/50000 (26%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 2 [25600/50000 (51%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 2 [38400/50000 (77%)]	Loss: 2.302585	LR: 0.1

Test set: Average loss: 2.9473, Accuracy: 1000/10000 (10.00%)

Train Epoch: 3 [0/50000 (0%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 3 [12800/50000 (26%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 3 [25600/50000 (51%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 3 [38400/50000 (77%)]	Loss: 2.302585	LR: 0.1

Test set: Average loss: 2.9473, Accuracy: 1000/10000 (10.00%)

Train Epoch: 4 [0/50000 (0%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 4 [12800/50000 (26%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 4 [25600/50000 (51%)]	Loss: 2.302585	LR: 0.1
Train Epoch: 4 [38400/50000 (77%)]	Loss: 2.302585	LR: 0.1
""",
),
dict(
name="paste_automap_smooth_curve_epoch_81_99_healthy",
url="https://github.com/MattRosenLab/AUTOMAP/issues/4",
framework="tensorflow (AUTOMAP reconstruction)",
expected="healthy",
rationale="epochs 81-99: Loss 0.00012964 -> 0.00011140 and ValLoss 0.00010865 -> 0.00009568, both falling every epoch, validation slightly below training (no gap opening), no NaN: a run still converging",
thread_diagnosis="the poster only asks how many epochs to train; nothing wrong is reported or found",
trimmed="the poster's question and the epochs before 81 (cut by the excerpt)",
log=r"""
Epoch 81, Loss: 0.00012964176130481064, ValLoss: 0.00010864507203223184
Epoch 82, Loss: 0.00012866318866144866, ValLoss: 0.00010831371764652431
Epoch 83, Loss: 0.00012718130892608315, ValLoss: 0.00010733326780609787
Epoch 84, Loss: 0.00012586201773956418, ValLoss: 0.00010666351590771228
Epoch 85, Loss: 0.00012525951024144888, ValLoss: 0.00010600133100524545
Epoch 86, Loss: 0.0001242460130015388, ValLoss: 0.00010528654092922807
Epoch 87, Loss: 0.00012272957246750593, ValLoss: 0.00010414209100417793
Epoch 88, Loss: 0.00012215366587042809, ValLoss: 0.0001039269263856113
Epoch 89, Loss: 0.00012134561984566972, ValLoss: 0.00010236727393930778
Epoch 90, Loss: 0.00011975372763117775, ValLoss: 0.00010162792750634253
Epoch 91, Loss: 0.00011942184210056439, ValLoss: 0.0001013100118143484
Epoch 92, Loss: 0.00011762550275307149, ValLoss: 0.00010062673391075805
Epoch 93, Loss: 0.00011756252933992073, ValLoss: 9.963889169739559e-05
Epoch 94, Loss: 0.00011582951992750168, ValLoss: 9.896473784465343e-05
Epoch 95, Loss: 0.00011509107571328059, ValLoss: 9.83579593594186e-05
Epoch 96, Loss: 0.00011435808846727014, ValLoss: 9.793078788788989e-05
Epoch 97, Loss: 0.00011381338845239952, ValLoss: 9.726460120873526e-05
Epoch 98, Loss: 0.00011263025953667238, ValLoss: 9.617573232389987e-05
Epoch 99, Loss: 0.0001113981197704561, ValLoss: 9.567739471094683e-05
""",
),
dict(
name="paste_keras_cifar10_script_first_epochs_healthy",
url="https://github.com/keras-team/keras/issues/2937",
framework="keras (cifar10 example script)",
expected="healthy",
rationale="epochs 1-10 of 200: loss 1.7646 -> 0.9029, acc 0.3460 -> 0.6867, val_loss 1.3379 -> 0.7373, val_acc 0.5161 -> 0.7464: both curves improving; val better than train is the dropout/augmentation of the example, not a fault",
thread_diagnosis="the poster asks whether the example's quoted final numbers are accurate; the run itself shows normal learning (closed as stale)",
trimmed="the poster's question, the first 'Epoch 1/200' header (cut by the excerpt) and everything after epoch 10",
log=r"""
50000/50000 [==============================] - 678s - loss: 1.7646 - acc: 0.3460 - val_loss: 1.3379 - val_acc: 0.5161
Epoch 2/200
50000/50000 [==============================] - 701s - loss: 1.3731 - acc: 0.5027 - val_loss: 1.0936 - val_acc: 0.6131
Epoch 3/200
50000/50000 [==============================] - 706s - loss: 1.2137 - acc: 0.5645 - val_loss: 1.0011 - val_acc: 0.6478
Epoch 4/200
50000/50000 [==============================] - 709s - loss: 1.1154 - acc: 0.6033 - val_loss: 0.8915 - val_acc: 0.6866
Epoch 5/200
50000/50000 [==============================] - 708s - loss: 1.0465 - acc: 0.6294 - val_loss: 0.8605 - val_acc: 0.7020
Epoch 6/200
50000/50000 [==============================] - 707s - loss: 1.0045 - acc: 0.6450 - val_loss: 0.8188 - val_acc: 0.7131
Epoch 7/200
50000/50000 [==============================] - 706s - loss: 0.9582 - acc: 0.6624 - val_loss: 0.7967 - val_acc: 0.7213
Epoch 8/200
50000/50000 [==============================] - 707s - loss: 0.9401 - acc: 0.6698 - val_loss: 0.7908 - val_acc: 0.7217
Epoch 9/200
50000/50000 [==============================] - 706s - loss: 0.9125 - acc: 0.6786 - val_loss: 0.7928 - val_acc: 0.7213
Epoch 10/200
50000/50000 [==============================] - 712s - loss: 0.9029 - acc: 0.6867 - val_loss: 0.7373 - val_acc: 0.7464
""",
),
dict(
name="paste_mmdet_cascade_first_iters_healthy",
url="https://github.com/open-mmlab/mmdetection/issues/2785",
framework="mmdetection (cascade mask R-CNN)",
expected="healthy",
rationale="Epoch [1] iters 19-21 of 678 at warm-up lr 0.00020: total loss 3.0130 -> 2.8716 -> 2.6729, all terms finite, s2.loss_bbox 0.0000 early on, memory flat at 9581: an ordinary start of training",
thread_diagnosis="the poster asks how to read the training output; nothing is wrong with the run",
trimmed="the poster's question and the log lines before iteration 19 and after 21 (cut by the excerpt)",
log=r"""
2020-05-21 04:01:33,217 - mmdet - INFO - Epoch [1][19/678]	lr: 0.00020, eta: 1 day, 16:44:26, time: 1.413, data_time: 0.116, memory: 9581, loss_rpn_cls: 0.6978, loss_rpn_bbox: 0.1436, s0.loss_cls: 0.4852, s0.acc: 92.1875, s0.loss_bbox: 0.1196, s0.loss_mask: 0.7249, s1.loss_cls: 0.2759, s1.acc: 95.7031, s1.loss_bbox: 0.0049, s1.loss_mask: 0.2823, s2.loss_cls: 0.1407, s2.acc: 95.8984, s2.loss_bbox: 0.0000, s2.loss_mask: 0.1381, loss: 3.0130
2020-05-21 04:01:35,520 - mmdet - INFO - Epoch [1][20/678]	lr: 0.00020, eta: 1 day, 16:52:19, time: 2.304, data_time: 0.645, memory: 9581, loss_rpn_cls: 0.6956, loss_rpn_bbox: 0.1518, s0.loss_cls: 0.5382, s0.acc: 80.6641, s0.loss_bbox: 0.1129, s0.loss_mask: 0.5434, s1.loss_cls: 0.2861, s1.acc: 83.3984, s1.loss_bbox: 0.0039, s1.loss_mask: 0.2583, s2.loss_cls: 0.1539, s2.acc: 83.5938, s2.loss_bbox: 0.0000, s2.loss_mask: 0.1277, loss: 2.8716
2020-05-21 04:01:37,207 - mmdet - INFO - Epoch [1][21/678]	lr: 0.00020, eta: 1 day, 16:26:13, time: 1.686, data_time: 0.330, memory: 9581, loss_rpn_cls: 0.7000, loss_rpn_bbox: 0.0657, s0.loss_cls: 0.4579, s0.acc: 91.8945, s0.loss_bbox: 0.0314, s0.loss_mask: 0.5567, s1.loss_cls: 0.2710, s1.acc: 92.6758, s1.loss_bbox: 0.0118, s1.loss_mask: 0.2925, s2.loss_cls: 0.1415, s2.acc: 93.0664, s2.loss_bbox: 0.0021, s2.loss_mask: 0.1423, loss: 2.6729
""",
),
dict(
name="paste_videomae_fp16_scale_settles_healthy",
url="https://github.com/MCG-NJU/VideoMAE/issues/130",
framework="pytorch (VideoMAE fine-tuning, fp16 loss scaler)",
expected="healthy",
rationale="step 0 of warm-up (lr 0.000000, warmup 86135 steps): grad_norm inf and loss_scale 32768 -> 16384 (one skipped step), then grad_norm 6.5337 and 6.5185 finite at steps 10 and 20 with loss 5.9916 ~ ln(400) as expected at lr 0; the three 'NaN or Inf found in input tensor.' lines are the logger being handed that first inf grad_norm: dynamic loss scaling settling at a large scale",
thread_diagnosis="none in the stored excerpt (open, no answer); the poster found no NaN/Inf in the input",
run_settings="fp16 with a dynamic loss scaler and a 86135-step learning-rate warm-up already on",
trimmed="the poster's sentences before the log ('I encountered a problem of gradient explosion ...'); the last line is cut by the excerpt",
log=r"""
optimizer settings: {'lr': 5.46875e-05, 'weight_decay': 0.0, 'eps': 1e-08, 'betas': [0.9, 0.999]}
Use step level LR scheduler!
Set warmup steps = 86135
Set warmup steps = 0
Max WD = 0.0500000, Min WD = 0.0500000
criterion = SoftTargetCrossEntropy()
Auto resume checkpoint: 
Start training for 100 epochs
NaN or Inf found in input tensor.
NaN or Inf found in input tensor.
NaN or Inf found in input tensor.
Epoch: [0]  [    0/17227]  eta: 3 days, 8:24:48  lr: 0.000000  min_lr: 0.000000  loss: 5.9916 (5.9916)  loss_scale: 32768.0000 (32768.0000)  weight_decay: 0.0500 (0.0500)  grad_norm: inf (inf)  time: 16.8043  data: 14.7567  max mem: 38837
Epoch: [0]  [   10/17227]  eta: 14:30:57  lr: 0.000000  min_lr: 0.000000  loss: 5.9916 (5.9915)  loss_scale: 16384.0000 (22341.8182)  weight_decay: 0.0500 (0.0500)  grad_norm: 6.5337 (inf)  time: 3.0352  data: 2.0506  max mem: 39504
Epoch: [0]  [   20/17227]  eta: 11:46:58  lr: 0.000000  min_lr: 0.000000  loss: 5.9915 (5.9915)  loss_scale: 16384.0000 (19504.7619)  weight_decay: 0.0500 (0.0500)  grad_norm: 6.5185 (inf)  time: 1.7482  data: 0.9025  max mem: 39504
""",
),
dict(
name="paste_faceswap_loss_drops_fast_healthy",
url="https://github.com/deepfakes/faceswap/issues/188",
framework="keras/tensorflow (faceswap)",
expected="healthy",
rationale="'saved model weights' lines: loss_A 0.19750 -> 0.05163 and loss_B 0.15107 -> 0.04388 over 12 saves, falling fast then flattening, no spike or NaN: an ordinary fast start",
thread_diagnosis="maintainer: the log now prints one line per model save, not per iteration, and the loss can decrease fast when training starts - nothing wrong",
trimmed="the poster's question before the log (and the remark about -t GAN)",
log=r"""
saved model weights loss_A: 0.19750, loss_B: 0.15107
saved model weights loss_A: 0.15105, loss_B: 0.10045
saved model weights loss_A: 0.10557, loss_B: 0.07693
saved model weights loss_A: 0.08569, loss_B: 0.06992
saved model weights loss_A: 0.07518, loss_B: 0.06174
saved model weights loss_A: 0.06855, loss_B: 0.05906
saved model weights loss_A: 0.06181, loss_B: 0.05596
saved model weights loss_A: 0.06101, loss_B: 0.05102
saved model weights loss_A: 0.05953, loss_B: 0.04613
saved model weights loss_A: 0.05362, loss_B: 0.04610
saved model weights loss_A: 0.05193, loss_B: 0.04854
saved model weights loss_A: 0.05163, loss_B: 0.04388
""",
),
]
