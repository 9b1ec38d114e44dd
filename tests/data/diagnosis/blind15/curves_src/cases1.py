# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["curves_keras_relu_output_constant_5p3727"] = dict(
 url="https://github.com/keras-team/keras/issues/12096", framework="keras",
 trimmed="the poster's prose and code (3 images, a Conv2D/MaxPooling2D/Flatten/Dense(2, activation='relu') model compiled with categorical_crossentropy); the stored excerpt ends mid-line inside epoch 3's progress bar, cut after 'Epoch 3/5'",
 log="""Epoch 1/5
3/3 [==============================] - 2s 778ms/step - loss: 5.3727 - acc: 0.6667
Epoch 2/5
3/3 [==============================] - 2s 645ms/step - loss: 5.3727 - acc: 0.6667
Epoch 3/5
""")

CASES["curves_kws_cnn_csvlog_flat_ln30"] = dict(
 url="https://github.com/JaesungBae/Speech-Command-Recognition-with-Capsule-Network/issues/2", framework="keras",
 argv=["python", "main.py", "--model=CNN", "--ex_name=ref_2015is_cnn", "--is_training=TRAIN", "--model_size_info", "21", "8", "94", "1", "1", "2", "3", "6", "4", "94", "1", "1", "1", "1", "32"],
 trimmed="the poster's prose, the command line (kept as argv, quotes as the shell removes them) and the 'cat KWS/save/CNN/ref_2015is_cnn_clean_clean/log.csv' line; the log is the printed CSV log, complete as pasted",
 log="""epoch,acc,loss,val_acc,val_loss
0,0.0352528969621,3.3952801742,0.0347160929751,3.38853546625
1,0.0358401190103,3.39308315977,0.0347160929751,3.38782089975
2,0.0346265267773,3.39311181181,0.0347160929751,3.38773612234
3,0.0336673974319,3.39305867142,0.0338334804354,3.38793892052
4,0.0346265267773,3.39307627729,0.0385407472786,3.38806093325
5,0.0359967115565,3.39306007393,0.038687849374,3.38764988573
6,0.0349788600063,3.39303597402,0.0385407472786,3.3879062811
7,0.0343720638898,3.39304099634,0.0364813180479,3.38780447545
8,0.0352137488256,3.39308122203,0.0376581347455,3.38781898111
9,0.0341958972753,3.39309233033,0.036187113857,3.38771080178
""")

CASES["curves_nolearn_valid_acc_frozen_079"] = dict(
 url="https://github.com/dnouri/nolearn/issues/132", framework="nolearn",
 trimmed="the poster's prose before and questions after the table; the table is complete as pasted (6 epochs)",
 log=""" epoch    train loss    valid loss    train/val    valid acc  dur
-------  ------------  ------------  -----------  -----------  ------
      1       0.50873       0.60935      0.83488      0.79269  11.24s
      2       0.50304       0.58649      0.85771      0.79269  11.91s
      3       0.49532       0.57172      0.86637      0.79269  11.89s
      4       0.49352       0.55105      0.89560      0.79269  11.92s
      5       0.49049       0.53669      0.91392      0.79269  11.75s
      6       0.48861       0.52467      0.93127      0.79269  11.64s
""")

CASES["curves_keras_saturated_softmax_loss_16x_err"] = dict(
 url="https://github.com/inerplat/JoYurIZ-Classifier/issues/3", framework="keras",
 trimmed="the one-line description; the stored excerpt ends mid-line in epoch 10 ('val_acc: 0'), so the log is cut after epoch 9",
 log="""Epoch 1/50
15/15 [==============================] - 29s 2s/step - loss: 8.6590 - acc: 0.4667 - val_loss: 10.0290 - val_acc: 0.3778
Epoch 2/50
15/15 [==============================] - 22s 1s/step - loss: 10.0290 - acc: 0.3778 - val_loss: 8.5963 - val_acc: 0.4667
Epoch 3/50
15/15 [==============================] - 23s 2s/step - loss: 8.9545 - acc: 0.4444 - val_loss: 8.9545 - val_acc: 0.4444
Epoch 4/50
15/15 [==============================] - 23s 2s/step - loss: 9.3127 - acc: 0.4222 - val_loss: 9.3127 - val_acc: 0.4222
Epoch 5/50
15/15 [==============================] - 26s 2s/step - loss: 9.6709 - acc: 0.4000 - val_loss: 10.3872 - val_acc: 0.3556
Epoch 6/50
15/15 [==============================] - 33s 2s/step - loss: 9.3127 - acc: 0.4222 - val_loss: 11.2452 - val_acc: 0.3023
Epoch 7/50
15/15 [==============================] - 24s 2s/step - loss: 8.9545 - acc: 0.4444 - val_loss: 9.6709 - val_acc: 0.4000
Epoch 8/50
15/15 [==============================] - 23s 2s/step - loss: 10.7454 - acc: 0.3333 - val_loss: 9.6709 - val_acc: 0.4000
Epoch 9/50
15/15 [==============================] - 23s 2s/step - loss: 9.3127 - acc: 0.4222 - val_loss: 8.5963 - val_acc: 0.4667
""")

CASES["curves_keras_constant_loss_0p0266_acc_0p9983"] = dict(
 url="https://github.com/piaic-official/AI-Q2-learning-resources/pull/16", framework="keras",
 trimmed="two stored excerpts of the same notebook output pasted in the PR conversation, joined: epochs 1-9 (the first excerpt ends at a bare 'Epoch' and is cut before it) and, after a gap (epochs 10-55 are not in the stored text), the progress line of epoch 56 (its 'Epoch 56/100' header is not in the excerpt) to epoch 64 (the second excerpt ends mid-line at 'Epoch 65/1', cut before it)",
 log="""Epoch 1/100
4451/4451 [==============================] - 4s 805us/step - loss: 0.0291 - accuracy: 0.9980 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 2/100
4451/4451 [==============================] - 3s 764us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 3/100
4451/4451 [==============================] - 3s 753us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 4/100
4451/4451 [==============================] - 3s 757us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 5/100
4451/4451 [==============================] - 3s 764us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 6/100
4451/4451 [==============================] - 3s 752us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 7/100
4451/4451 [==============================] - 3s 750us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 8/100
4451/4451 [==============================] - 3s 768us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 9/100
4451/4451 [==============================] - 3s 757us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
4451/4451 [==============================] - 3s 764us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 57/100
4451/4451 [==============================] - 3s 773us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 58/100
4451/4451 [==============================] - 3s 781us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 59/100
4451/4451 [==============================] - 4s 808us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 60/100
4451/4451 [==============================] - 4s 790us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 61/100
4451/4451 [==============================] - 3s 742us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 62/100
4451/4451 [==============================] - 3s 771us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 63/100
4451/4451 [==============================] - 3s 757us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
Epoch 64/100
4451/4451 [==============================] - 3s 761us/step - loss: 0.0266 - accuracy: 0.9983 - val_loss: 0.0265 - val_accuracy: 0.9983
""")

CASES["curves_keras_cnn_val_loss_at_ln6"] = dict(
 url="https://github.com/keras-team/keras/issues/12707", framework="keras",
 trimmed="the poster's prose/code before the log; the stored excerpt ends mid-line in epoch 10 ('acc: 0.2972'), so the log is cut after epoch 9; the 4-space markdown indent of the pasted lines is kept",
 log="""    Epoch 1/80
    249/249 [==============================] - 24s 96ms/step - loss: 2.3118 - acc: 0.1406 - val_loss: 1.7989 - val_acc: 0.1587
    Epoch 2/80
    249/249 [==============================] - 19s 76ms/step - loss: 2.0468 - acc: 0.1647 - val_loss: 1.8605 - val_acc: 0.2222
    Epoch 3/80
    249/249 [==============================] - 19s 76ms/step - loss: 1.9562 - acc: 0.1767 - val_loss: 1.8203 - val_acc: 0.2063
    Epoch 4/80
    249/249 [==============================] - 19s 75ms/step - loss: 1.9361 - acc: 0.2169 - val_loss: 1.8033 - val_acc: 0.1905
    Epoch 5/80
    249/249 [==============================] - 19s 74ms/step - loss: 1.8834 - acc: 0.1847 - val_loss: 1.8198 - val_acc: 0.2222
    Epoch 6/80
    249/249 [==============================] - 19s 75ms/step - loss: 1.8278 - acc: 0.2410 - val_loss: 1.7961 - val_acc: 0.1905
    Epoch 7/80
    249/249 [==============================] - 19s 75ms/step - loss: 1.8022 - acc: 0.2450 - val_loss: 1.8092 - val_acc: 0.2063
    Epoch 8/80
    249/249 [==============================] - 19s 75ms/step - loss: 1.7959 - acc: 0.2369 - val_loss: 1.8005 - val_acc: 0.2222
    Epoch 9/80
    249/249 [==============================] - 19s 75ms/step - loss: 1.7234 - acc: 0.2610 - val_loss: 1.7871 - val_acc: 0.2381
""")

CASES["curves_wav2letter_libri100h_wer94_flat"] = dict(
 url="https://github.com/flashlight/wav2letter/issues/728", framework="wav2letter",
 trimmed="everything of the long thread except this comment's log block (turn 18); the stored excerpt ends mid-line in epoch 173, so the log is cut after epoch 172",
 log="""epoch:      170 | nupdates:       602995 | lr: 0.010000 | lrcriterion: 0.010000 | runtime: 00:19:52 | bch(ms): 334.31 | smp(ms): 0.87 | fwd(ms): 110.10 | crit-fwd(ms): 4.25 | bwd(ms): 182.50 | optim(ms): 38.50 | loss:  161.60627 | train-TER: 84.67 | train-WER: 93.66 | dev-clean-loss:  166.82503 | dev-clean-TER: 83.14 | dev-clean-WER: 94.49 | avg-isz: 1268 | avg-tsz: 043 | max-tsz: 093 | hrs:  100.57 | thrpt(sec/sec): 303.54
epoch:      171 | nupdates:       606563 | lr: 0.010000 | lrcriterion: 0.010000 | runtime: 00:19:54 | bch(ms): 334.67 | smp(ms): 0.79 | fwd(ms): 110.15 | crit-fwd(ms): 4.26 | bwd(ms): 182.64 | optim(ms): 38.55 | loss:  161.79084 | train-TER: 83.98 | train-WER: 93.67 | dev-clean-loss:  166.56082 | dev-clean-TER: 83.14 | dev-clean-WER: 94.49 | avg-isz: 1268 | avg-tsz: 043 | max-tsz: 093 | hrs:  100.57 | thrpt(sec/sec): 303.21
epoch:      172 | nupdates:       610131 | lr: 0.010000 | lrcriterion: 0.010000 | runtime: 00:19:53 | bch(ms): 334.60 | smp(ms): 0.82 | fwd(ms): 110.20 | crit-fwd(ms): 4.25 | bwd(ms): 182.65 | optim(ms): 38.51 | loss:  161.94637 | train-TER: 84.44 | train-WER: 94.30 | dev-clean-loss:  166.67404 | dev-clean-TER: 82.39 | dev-clean-WER: 96.81 | avg-isz: 1268 | avg-tsz: 043 | max-tsz: 093 | hrs:  100.57 | thrpt(sec/sec): 303.28
""")

CASES["curves_captcha_train_acc_1_val_0p2"] = dict(
 url="https://github.com/nickliqian/cnn_captcha/issues/12", framework="tensorflow",
 trimmed="the poster's question line before and the numbered steps after the log; the log is complete as pasted",
 log="""第10次训练 >>> [训练集] 准确率为 0.9674999713897705 >>> loss 0.01326522696763277
            >>> [验证集] 准确率为 0.17000000178813934 >>> loss 0.01326522696763277
第20次训练 >>> [训练集] 准确率为 1.0 >>> loss 0.005544836632907391
            >>> [验证集] 准确率为 0.23000000417232513 >>> loss 0.005544836632907391
第30次训练 >>> [训练集] 准确率为 0.9375 >>> loss 0.0032186058815568686
            >>> [验证集] 准确率为 0.19249999523162842 >>> loss 0.0032186058815568686
""")

CASES["curves_caffe_resnet50_train_top1_1_test_0p047"] = dict(
 url="https://github.com/antingshen/resnet-protofiles/issues/14", framework="caffe",
 trimmed="the poster's prose before and after the log block; the log block is complete as pasted",
 log="""I1008 23:39:35.303689  5233 solver.cpp:331] Iteration 92000, Testing net (#0)
I1008 23:39:54.131199  5233 solver.cpp:398]     Test net output #0: acc/top-1 = 0.047
I1008 23:39:54.131352  5233 solver.cpp:398]     Test net output #1: acc/top-5 = 0.158
I1008 23:39:54.131367  5233 solver.cpp:398]     Test net output #2: loss = 5.72002 (* 1 = 5.72002 loss)
I1008 23:39:54.279186  5233 solver.cpp:219] Iteration 92000 (1.63045 iter/s, 24.533s/40 iters), loss = 0.0226289
I1008 23:39:54.279218  5233 solver.cpp:238]     Train net output #0: acc/top-1 = 1
I1008 23:39:54.279225  5233 solver.cpp:238]     Train net output #1: acc/top-5 = 1
I1008 23:39:54.279233  5233 solver.cpp:238]     Train net output #2: loss = 0.0249973 (* 1 = 0.0249973 loss)
""")
