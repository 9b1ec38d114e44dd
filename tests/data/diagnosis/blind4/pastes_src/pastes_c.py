# Pasted logs, part C (same rules as part A).
from pastes_a import add, PASTES
import pastes_b  # noqa: F401

add("paste_caffe_mobilenetv3_loss_ln1000", "https://github.com/jixing0415/caffe-mobilenet-v3/issues/1", "caffe", r'''I0515 11:05:31.873651 37636 solver.cpp:239] Iteration 0 (-nan iter/s, 26.7698s/20 iters), loss = 6.91161
I0515 11:05:31.873690 37636 solver.cpp:258]     Train net output #0: loss = 6.91161 (* 1 = 6.91161 loss)
I0515 11:05:31.873761 37636 sgd_solver.cpp:112] Iteration 0, lr = 0.01
I0515 11:05:51.320263 37636 solver.cpp:239] Iteration 20 (1.02848 iter/s, 19.4461s/20 iters), loss = 6.90501
I0515 11:05:51.320302 37636 solver.cpp:258]     Train net output #0: loss = 6.90776 (* 1 = 6.90776 loss)
I0515 11:05:51.320356 37636 sgd_solver.cpp:112] Iteration 20, lr = 0.01
I0515 11:06:10.302816 37636 solver.cpp:239] Iteration 40 (1.05363 iter/s, 18.9821s/20 iters), loss = 6.90635
I0515 11:06:10.303040 37636 solver.cpp:258]     Train net output #0: loss = 6.90776 (* 1 = 6.90776 loss)
I0515 11:06:10.303057 37636 sgd_solver.cpp:112] Iteration 40, lr = 0.01
I0515 11:06:29.307520 37636 solver.cpp:239] Iteration 60 (1.05241 iter/s, 19.004s/20 iters), loss = 6.90681
I0515 11:06:29.307559 37636 solver.cpp:258]     Train net output #0: loss = 6.90776 (* 1 = 6.90776 loss)
I0515 11:06:29.307596 37636 sgd_solver.cpp:112] Iteration 60, lr = 0.01
I0515 11:06:48.303532 37636 solver.cpp:239] Iteration 80 (1.05288 iter/s, 18.9955s/20 iters), loss = 6.90704
I0515 11:06:48.303723 37636 solver.cpp:258]     Train net output #0: loss = 6.90776 (* 1 = 6.90776 loss)
''', "the stored excerpt is a later turn of the thread (by the repository owner) and starts at the log; its last, cut-off line dropped")

add("paste_everyvoice_slurm_preemption", "https://github.com/EveryVoiceTTS/EveryVoice/issues/183", "pytorch lightning (EveryVoice)", r'''> cd logs_and_checkpoints/FeaturePredictionExperiment/base/checkpoints
> (EveryVoice) [U20-GPSC5]:$ ll
> -rw-r----- 1 tes001 nrc_ict 209M Nov 28 21:33 'epoch=2808-step=30899.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 02:24 'epoch=4130-step=45441.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 03:17 'epoch=4342-step=47773.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 05:14 'epoch=4849-step=53350.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 07:49 'epoch=5460-step=60071.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 10:47  last.ckpt
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 10:59 'epoch=27-step=308.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 11:00 'epoch=36-step=407.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 11:01 'epoch=38-step=429.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 11:01 'epoch=40-step=451.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 11:02 'epoch=47-step=528.ckpt'
> -rw-r----- 1 tes001 nrc_ict 209M Nov 29 11:02  last-v1.ckpt

> slurmstepd: error: *** STEP 4714782.0 ON ib12gpu-001 CANCELLED AT 2023-11-29T15:47:21 ***
''', "the poster's prose (title: 'If your jobs gets \"PREEMPTION\", it will restart from scratch VS continuing from the last checkpoint'); the excerpt's last, cut-off line '[rank: 3] Recei...' dropped; quote markers '>' kept as pasted")

add("paste_zsd_mmdet_loss_blows_up", "https://github.com/sandipan211/ZSD-SC-Resolver/issues/24", "pytorch (mmdetection)", r'''2024-07-11 17:07:28,476 - INFO - workflow: [('train', 1)], max: 4 epochs
2024-07-11 17:08:35,687 - INFO - Epoch [1][50/2766]	lr: 0.01000, eta: 4:06:41, time: 1.344, data_time: 0.074, memory: 3611, loss_rpn_cls: 0.2045, loss_rpn_bbox: 0.0280, loss_cls: 0.5364, acc: 94.1191, loss_bbox: 0.0785, loss: 0.8474
2024-07-11 17:09:35,933 - INFO - Epoch [1][100/2766]	lr: 0.01000, eta: 3:52:52, time: 1.205, data_time: 0.002, memory: 3611, loss_rpn_cls: 0.2257, loss_rpn_bbox: 0.1235, loss_cls: 1.8755, acc: 90.9961, loss_bbox: 0.2189, loss: 2.4435
2024-07-11 17:10:35,892 - INFO - Epoch [1][150/2766]	lr: 0.01000, eta: 3:47:14, time: 1.199, data_time: 0.002, memory: 3611, loss_rpn_cls: 298.0166, loss_rpn_bbox: 359.4627, loss_cls: 36350.0296, acc: 91.0960, loss_bbox: 26111.0423, loss: 63118.5509
2024-07-11 17:11:34,803 - INFO - Epoch [1][200/2766]	lr: 0.01000, eta: 3:42:59, time: 1.178, data_time: 0.002, memory: 3611, loss_rpn_cls: 317872648288.5507, loss_rpn_bbox: 719705513238.4994, loss_cls: 5641620281320.8613, acc: 72.2567, loss_bbox: 4112043418927.8037, loss: 10791241863295.7031
''', "the excerpt's last line (Epoch [1][250/2766], loss_rpn_cls 1.34e+24 ...) is cut off mid-line and dropped")

add("paste_keras_sequential_diverges_epoch10", "https://github.com/keras-team/keras/issues/21", "keras", r'''Epoch 0
61878/61878 [==============================] - 5s - loss: 1.1788     
Epoch 1
61878/61878 [==============================] - 5s - loss: 1.0403     
Epoch 2
61878/61878 [==============================] - 5s - loss: 0.9919     
Epoch 3
61878/61878 [==============================] - 5s - loss: 0.9397     
Epoch 4
61878/61878 [==============================] - 5s - loss: 0.8915     
Epoch 5
61878/61878 [==============================] - 4s - loss: 0.8484     
Epoch 6
61878/61878 [==============================] - 5s - loss: 0.8145     
Epoch 7
61878/61878 [==============================] - 5s - loss: 0.7909     
Epoch 8
61878/61878 [==============================] - 4s - loss: 0.7627     
Epoch 9
61878/61878 [==============================] - 5s - loss: 0.7407     
Epoch 10
61878/61878 [==============================] - 6s - loss: 13.3614     
Epoch 11
61878/61878 [==============================] - 5s - loss: 26.6396     
Epoch 12
61878/61878 [==============================] - 5s - loss: 26.6453     
Epoch 13
61878/61878 [==============================] - 5s - loss: 26.6462     
Epoch 14
61878/61878 [==============================] - 5s - loss: 26.6461     
''', "the poster's sentence before the log; the excerpt's last, cut-off line (Epoch 15 ... loss: 26.6) dropped")
