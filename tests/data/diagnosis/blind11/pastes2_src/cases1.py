# -*- coding: utf-8 -*-
# blind11/pastes2: healthy cases and loss-curve cases. Texts are the stored excerpts of the `search` tool's issues
# index, cut to the pasted log (never rewritten); `trimmed` says what was cut.
C = []
def add(**k): C.append(k)

add(name="paste2_xgboost_early_stop_best_292_healthy",
    url="https://github.com/dmlc/xgboost/issues/3366", framework="xgboost",
    expected="healthy", healthy=True,
    rationale="early stopping working: train-logloss falls 0.263565 -> 0.241036 over rounds 240-320 while valid-logloss sits flat at 0.3916-0.3926 (its minimum 0.391567 at round 292); 'Stopping. Best iteration: [292]' ends the run 28 rounds later, valid-logloss having risen only 0.391567 -> 0.392591 (+0.26%). A train/valid gap of ~0.15 logloss is ordinary for a boosted model and early stopping already cut training at the valid minimum; no NaN, no divergence",
    thread_diagnosis="the poster only asks how to predict with the [292] model instead of [320]; the answer (poster's own, from the docs) is bst.predict(..., ntree_limit=bst.best_ntree_limit); nobody calls the run faulty",
    run_settings="early stopping on valid-logloss already enabled (it stopped the run at round 320, best 292)",
    trimmed="the question text after the log; the log starts at round 240 in the paste itself",
    text="""[240]\ttrain-logloss:0.263565\tvalid-logloss:0.392514
[250]\ttrain-logloss:0.261231\tvalid-logloss:0.392377
[260]\ttrain-logloss:0.257999\tvalid-logloss:0.392149
[270]\ttrain-logloss:0.254814\tvalid-logloss:0.39179
[280]\ttrain-logloss:0.251346\tvalid-logloss:0.39179
[290]\ttrain-logloss:0.248382\tvalid-logloss:0.391635
[300]\ttrain-logloss:0.245682\tvalid-logloss:0.392021
[310]\ttrain-logloss:0.243229\tvalid-logloss:0.392104
[320]\ttrain-logloss:0.241036\tvalid-logloss:0.392591
Stopping. Best iteration:
[292]\ttrain-logloss:0.247746\tvalid-logloss:0.391567
""")

add(name="paste2_xgboost_sklearn_early_stop_best_31_healthy",
    url="https://github.com/dmlc/xgboost/issues/1288", framework="xgboost",
    expected="healthy", healthy=True,
    rationale="XGBRegressor on Boston housing with early_stopping_rounds=10: validation_0-rmse 4.701 -> 4.667 -> 4.668 -> 4.671 -> 4.680 over rounds 37-41, then 'Stopping. Best iteration: [31] validation_0-rmse:4.639857'; the last rounds are within 0.9% of the best and early stopping ended the run as configured - the mechanism working, not a failure (an RMSE of about 4.6 on this data set is an ordinary value)",
    thread_diagnosis="a usage question (should predict() use ntree_limit=best_iteration?); the poster computes RMSE 4.650 on the test split with the best iteration; no fault is found in training",
    run_settings="early_stopping_rounds=10 on eval_set already set; learning_rate=0.5, max_depth=3, n_estimators=90",
    trimmed="the poster's code and question; the paste itself begins with '...' and the first line is cut to '37]' in the paste",
    text="""...
37]    validation_0-rmse:4.701026
[38]    validation_0-rmse:4.666628
[39]    validation_0-rmse:4.667886
[40]    validation_0-rmse:4.670728
[41]    validation_0-rmse:4.680334
Stopping. Best iteration:
[31]    validation_0-rmse:4.639857
""")

add(name="paste2_lightgbm_r_l2_both_falling_healthy",
    url="https://github.com/lightgbm-org/LightGBM/issues/3145", framework="lightgbm",
    expected="healthy", healthy=True,
    rationale="R lgb.train with a validation set: train's l2 0.0950898 -> 0.0850142 and valid's l2 0.100327 -> 0.0935492 both fall steadily over rounds 5-30, the gap stays small (0.0085 at round 30); single-round wobbles (valid 0.0945217 -> 0.0945738 at round 24) are noise; nothing is wrong",
    thread_diagnosis="the run is a maintainer's (jameslamb) reproduction posted in a usage thread about passing data in R; no failure is claimed about this training",
    trimmed="everything before round 5 and the R code around it; the stored excerpt ends inside the round-31 line",
    text="""[5]:    train's l2:0.0950898    valid's l2:0.100327
[6]:    train's l2:0.0945136    valid's l2:0.100013
[7]:    train's l2:0.0939542    valid's l2:0.0996662
[8]:    train's l2:0.0934401    valid's l2:0.0993189
[9]:    train's l2:0.0927487    valid's l2:0.0991435
[10]:   train's l2:0.0922085    valid's l2:0.0986014
[11]:   train's l2:0.0918153    valid's l2:0.098469
[12]:   train's l2:0.0913819    valid's l2:0.0981613
[13]:   train's l2:0.0909505    valid's l2:0.0979864
[14]:   train's l2:0.0905426    valid's l2:0.0976931
[15]:   train's l2:0.0899016    valid's l2:0.0972711
[16]:   train's l2:0.0895316    valid's l2:0.0970271
[17]:   train's l2:0.089146     valid's l2:0.0967229
[18]:   train's l2:0.0886636    valid's l2:0.0960468
[19]:   train's l2:0.0883008    valid's l2:0.0955211
[20]:   train's l2:0.0878324    valid's l2:0.0952302
[21]:   train's l2:0.0874861    valid's l2:0.0947676
[22]:   train's l2:0.0872113    valid's l2:0.0945997
[23]:   train's l2:0.0869627    valid's l2:0.0945217
[24]:   train's l2:0.08655      valid's l2:0.0945738
[25]:   train's l2:0.0862541    valid's l2:0.0941872
[26]:   train's l2:0.085948     valid's l2:0.0941528
[27]:   train's l2:0.0857461    valid's l2:0.0941
[28]:   train's l2:0.0855036    valid's l2:0.0939886
[29]:   train's l2:0.0852849    valid's l2:0.0939506
[30]:   train's l2:0.0850142    valid's l2:0.0935492
[31]:   train's l2:0.084""")

add(name="paste2_sb_ppo2_ep_rewmean_nan_healthy",
    url="https://github.com/hill-a/stable-baselines/issues/178", framework="stable-baselines",
    expected="healthy", healthy=True,
    rationale="PPO2 on CartPole-v1 (the README example): the only NaNs are ep_rewmean and eplenmean, episode statistics that PPO2 reports as nan when the env is not wrapped in Monitor; every training quantity is finite and ordinary: policy_loss 0.0006248371, value_loss 63.725853 (CartPole returns are in the hundreds), approxkl 6.6e-05, clipfrac 0.0, policy_entropy 0.60 (below ln 2 = 0.69: the policy has sharpened), explained_variance 0.126, 24960 timesteps",
    thread_diagnosis="a reporting gap, not a training failure: the episode statistics need the Monitor wrapper (the same report in hill-a/stable-baselines#24 and openai/baselines#762, where a maintainer explains that ppo2 reports NaN when no episode info is present); the stored excerpt of this thread shows the report only",
    trimmed="the issue template and the code snippet; the paste itself starts with '....'",
    text="""....
--------------------------------------
| approxkl           | 6.6147855e-05 |
| clipfrac           | 0.0           |
| ep_rewmean         | nan           |
| eplenmean          | nan           |
| explained_variance | 0.126         |
| fps                | 838           |
| nupdates           | 195           |
| policy_entropy     | 0.6017113     |
| policy_loss        | 0.0006248371  |
| serial_timesteps   | 24960         |
| time_elapsed       | 23.6          |
| total_timesteps    | 24960         |
| value_loss         | 63.725853     |
--------------------------------------
""")

add(name="paste2_mlagents_mean_reward_nan_healthy",
    url="https://github.com/Unity-Technologies/ml-agents/issues/117", framework="ml-agents",
    expected="healthy", healthy=True,
    rationale="PPO in ML-Agents: Mean Reward improves -82.99 -> -48.54 -> -37.32, then numpy's 'RuntimeWarning: Mean of empty slice' and 'invalid value encountered in double_scalars' and 'Mean Reward: nan' - the mean over an empty list of finished episodes in the summary window, not a NaN loss; 'Saved Model' keeps appearing and the poster says values return to finite floats later",
    thread_diagnosis="maintainer (vincentpierre): the report asks for a mean reward when no data point (finished episode) was collected yet, a division by 0; suggests raising summary-freq; labelled bug/needs-info, no training fault found",
    trimmed="the poster's prose before and after; the markdown quote marker '> ' at the start of every pasted line was removed",
    text="""Mean Reward: -82.99281905388821
Saved Model
Mean Reward: -48.54445689334988
Saved Model
Mean Reward: -37.32348710034999
Saved Model
D:\\ProgramData\\Miniconda3\\envs\\unity\\lib\\site-packages\\numpy\\core\\fromnumeric.py:2909: RuntimeWarning: Mean of empty slice.
  out=out, **kwargs)
D:\\ProgramData\\Miniconda3\\envs\\unity\\lib\\site-packages\\numpy\\core\\_methods.py:80: RuntimeWarning: invalid value encountered in double_scalars
  ret = ret.dtype.type(ret / rcount)
Mean Reward: nan
Saved Model
Mean Reward: nan
Saved Model
Mean Reward: nan
Saved Model
""")

add(name="paste2_keras_mnist_cnn_val_better_epoch1_healthy",
    url="https://github.com/keras-team/keras/issues/2344", framework="keras",
    expected="healthy", healthy=True,
    rationale="the official mnist_cnn example, epoch 1: loss 0.2541 / acc 0.9224 vs val_loss 0.0549 / val_acc 0.9837 - validation far better than training after one epoch, because the training figures are averaged over an epoch in which the model starts from scratch (and dropout is on during training only), while validation is measured once at the end; an unmodified example that reaches ~99% test accuracy, not leakage",
    thread_diagnosis="the poster suspects the validation evaluation but cites the Keras FAQ 'why is the training loss much higher than the testing loss' (training loss averaged over the epoch, regularization active only in training), which explains it; the stored excerpt holds no maintainer answer and no bug was found",
    trimmed="the poster's other three examples (cifar10_cnn, imdb_cnn, imdb_lstm_cnn, each a separate run) and their markdown headings, and the prose; only the mnist_cnn run is kept",
    text="""Epoch 1/12
60000/60000 [==============================] - 5s - loss: 0.2541 - acc: 0.9224 - val_loss: 0.0549 - val_acc: 0.9837
""")

add(name="paste2_ssd_keras_val_plateau_const_lr_healthy",
    url="https://github.com/pierluigiferrari/ssd_keras/issues/344", framework="keras",
    expected="healthy", healthy=True,
    rationale="SSD300 (ssd_keras) epochs 25-31 of 120 at a constant learning rate 0.001 (the step schedule drops it later): loss 3.6317 -> 3.5842 still falling slowly, val_loss 3.35-3.43 below the training loss and within 4-6% of its best 3.22992; 'val_loss did not improve' for a few epochs is an ordinary plateau for this detector's multibox loss, with no gap, no growth and no NaN",
    thread_diagnosis="the thread asks about training speed (~1870 s per 1000-step epoch); the curve itself is not questioned; labelled stale, no answer in the stored excerpt",
    trimmed="the turn's text before 'Epoch 00025' and the epochs before it; the stored excerpt ends at 'Epoch 00031:'",
    text="""Epoch 00025: val_loss did not improve from 3.22992
Epoch 26/120

Epoch 00026: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1873s 2s/step - loss: 3.6317 - val_loss: 3.3623

Epoch 00026: val_loss did not improve from 3.22992
Epoch 27/120

Epoch 00027: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1880s 2s/step - loss: 3.6136 - val_loss: 3.3704

Epoch 00027: val_loss did not improve from 3.22992
Epoch 28/120

Epoch 00028: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1854s 2s/step - loss: 3.6122 - val_loss: 3.3643

Epoch 00028: val_loss did not improve from 3.22992
Epoch 29/120

Epoch 00029: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1876s 2s/step - loss: 3.5985 - val_loss: 3.3522

Epoch 00029: val_loss did not improve from 3.22992
Epoch 30/120

Epoch 00030: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1900s 2s/step - loss: 3.6084 - val_loss: 3.3526

Epoch 00030: val_loss did not improve from 3.22992
Epoch 31/120

Epoch 00031: LearningRateScheduler setting learning rate to 0.001.
1000/1000 [==============================] - 1884s 2s/step - loss: 3.5842 - val_loss: 3.4307

Epoch 00031:""")

add(name="paste2_keras_conv_mse_constant_1p0097",
    url="https://github.com/keras-team/keras/issues/6132", framework="keras",
    expected="loss_not_decreasing", healthy=False,
    rationale="fit_generator with loss='mse', Adam: loss 1.0097 and val_loss 1.0082 identical to four decimals in epochs 1, 2 and 3 - an exact constant, the network output does not move; no NaN, no growth",
    thread_diagnosis="poster solved it: Keras 2 removed Conv2D's subsample argument and the ReLU placement was wrong; moving the ReLU after MaxPooling2D (instead of activation='relu' in Conv2D) made the loss move",
    trimmed="the poster's compile/fit code after the log; the markdown backticks around the log",
    text="""Epoch 1/5
52/51 [==============================] - 1423s - loss: 1.0097 - val_loss: 1.0082
Epoch 2/5
52/51 [==============================] - 1417s - loss: 1.0097 - val_loss: 1.0082
Epoch 3/5
52/51 [==============================] - 1417s - loss: 1.0097 - val_loss: 1.0082
""")

add(name="paste2_go_move_cnn_loss_at_ln361",
    url="https://github.com/maxpumperla/deep_learning_and_the_game_of_go/issues/66", framework="keras",
    expected="loss_not_decreasing", healthy=False,
    rationale="move prediction on a 19x19 Go board (361 classes, chance loss ln 361 = 5.889, chance accuracy 1/361 = 0.0028): steps 1-17 of 88 show loss 5.8839, 5.8860, 5.8882 ... 5.8876 and acc 0.0000-0.0023 - flat at the uniform-prediction level with accuracy at chance; no NaN, no growth",
    thread_diagnosis="closed; the stored excerpt holds the poster's progress bars but no answer. A sibling thread on the same example (issue #41) found 88 steps per epoch where the book has 12288, i.e. far too little data/steps for the model to leave the chance level",
    trimmed="the poster's text and a second progress-bar fragment of another epoch; the stored excerpt ends inside the step-17 line",
    text=""" 1/88 [..............................] - ETA: 50s - loss: 5.8839 - acc: 0.0000e+00
 2/88 [..............................] - ETA: 46s - loss: 5.8860 - acc: 0.0000e+00
 3/88 [>.............................] - ETA: 42s - loss: 5.8882 - acc: 0.0000e+00
 4/88 [>.............................] - ETA: 40s - loss: 5.8875 - acc: 0.0000e+00
 5/88 [>.............................] - ETA: 39s - loss: 5.8880 - acc: 0.0000e+00
 6/88 [=>............................] - ETA: 38s - loss: 5.8877 - acc: 0.0013    
 7/88 [=>............................] - ETA: 37s - loss: 5.8877 - acc: 0.0011
 8/88 [=>............................] - ETA: 36s - loss: 5.8880 - acc: 0.0020
 9/88 [==>...........................] - ETA: 35s - loss: 5.8877 - acc: 0.0017
10/88 [==>...........................] - ETA: 34s - loss: 5.8875 - acc: 0.0023
11/88 [==>...........................] - ETA: 34s - loss: 5.8876 - acc: 0.0021
12/88 [===>..........................] - ETA: 33s - loss: 5.8877 - acc: 0.0020
13/88 [===>..........................] - ETA: 33s - loss: 5.8877 - acc: 0.0018
14/88 [===>..........................] - ETA: 33s - loss: 5.8877 - acc: 0.0022
15/88 [====>.........................] - ETA: 33s - loss: 5.8876 - acc: 0.0021
16/88 [====>.........................] - ETA: 33s - loss: 5.8878 - acc: 0.0020
17/88 [====>.........................] - ETA: 32s - loss: 5.8876 -""")

add(name="paste2_keras_small_cnn_overfit_646_samples",
    url="https://github.com/anujshah1003/own_data_cnn_implementation_keras/issues/7", framework="keras",
    expected="overfitting", healthy=False,
    rationale="646 training / 162 validation images: training loss falls every epoch 1.6475 -> 0.5153 (acc 0.2771 -> 0.8204) while val_loss reaches its minimum 1.0602 at epoch 6 and then rises 1.0646, 1.0732, 1.2143 (epoch 9) with val_acc stuck at 0.51-0.59; the poster reports 93% training vs under 60% test accuracy at the end - a growing train/validation gap on a small data set",
    thread_diagnosis="title 'Likely overfit: high train accuracy low test accuracy'; open, the stored excerpt holds no answer",
    trimmed="the poster's first sentence; the stored excerpt ends inside the epoch-10 line",
    text="""Train on 646 samples, validate on 162 samples
Epoch 1/20
646/646 [==============================] - 3s 5ms/step - loss: 1.6475 - acc: 0.2771 - val_loss: 1.3762 - val_acc: 0.4012
Epoch 2/20
646/646 [==============================] - 1s 2ms/step - loss: 1.3441 - acc: 0.3746 - val_loss: 1.3336 - val_acc: 0.3951
Epoch 3/20
646/646 [==============================] - 1s 2ms/step - loss: 1.2240 - acc: 0.4628 - val_loss: 1.2016 - val_acc: 0.4506
Epoch 4/20
646/646 [==============================] - 1s 2ms/step - loss: 1.0834 - acc: 0.5325 - val_loss: 1.1964 - val_acc: 0.4012
Epoch 5/20
646/646 [==============================] - 1s 2ms/step - loss: 1.0213 - acc: 0.5666 - val_loss: 1.1028 - val_acc: 0.4321
Epoch 6/20
646/646 [==============================] - 1s 2ms/step - loss: 0.8154 - acc: 0.6625 - val_loss: 1.0602 - val_acc: 0.5864
Epoch 7/20
646/646 [==============================] - 1s 2ms/step - loss: 0.7496 - acc: 0.7198 - val_loss: 1.0646 - val_acc: 0.5370
Epoch 8/20
646/646 [==============================] - 1s 2ms/step - loss: 0.6410 - acc: 0.7554 - val_loss: 1.0732 - val_acc: 0.5123
Epoch 9/20
646/646 [==============================] - 1s 2ms/step - loss: 0.5153 - acc: 0.8204 - val_loss: 1.2143 - val_acc: 0.5617
Epoch 10/20
646/646 [=""")

add(name="paste2_rkeras_mse_raw_prices_nan",
    url="https://github.com/rstudio-conf-2020/dl-keras-tf/issues/9", framework="keras",
    expected="nan_or_inf_loss", healthy=False,
    rationale="R keras, optimizer_sgd(lr = 0.1), loss 'mean_squared_error' on raw sale prices (up to ~755000), batch_size 16: 'loss: nan - mae: nan - val_loss: nan - val_mae: nan' from the first epoch and in every epoch after",
    thread_diagnosis="the workshop's own issue: the squared error on unscaled prices (~755000) explodes with SGD lr 0.1, so the loss becomes NaN; 'msle' was the recommended loss",
    run_settings="optimizer_sgd(lr = 0.1); loss mean_squared_error; batch_size 16; validation_split 0.2",
    trimmed="the issue's prose and the R code before the log and the explanation after it",
    text="""Train on 1640 samples, validate on 411 samples
Epoch 1/10
1640/1640 [==============================] - 1s 397us/sample - loss: nan - mae: nan - val_loss: nan - val_mae: nan
Epoch 2/10
1640/1640 [==============================] - 1s 447us/sample - loss: nan - mae: nan - val_loss: nan - val_mae: nan
Epoch 3/10
1640/1640 [==============================] - 0s 268us/sample - loss: nan - mae: nan - val_loss: nan - val_mae: nan
Epoch 4/10
1640/1640 [==============================] - 1s 382us/sample - loss: nan - mae: nan - val_loss: nan - val_mae: nan
""")

add(name="paste2_tf_charcnn_adam_loss_to_thousands",
    url="https://github.com/lc222/char-cnn-text-classification-tensorflow/issues/3", framework="tensorflow",
    expected="exploding_gradients", healthy=False,
    rationale="char-CNN text classifier (TensorFlow, Adam): loss 0.23-0.48 with acc 0.85-0.94 at steps 3866-3870, then 3.60959, 8.54077, 5.25972, 322.297, 21.8541, 131.247, 4977.22, 155.665, 1825.98 at steps 3871-3879 - four orders of magnitude above where it was and far above the chance loss of the task, every value finite; accuracy falls to 0.23-0.29",
    thread_diagnosis="the poster cites a Stack Overflow answer blaming Adam's small epsilon (updates blow up when the second-moment estimate is tiny) and suggests a larger epsilon; closed, no maintainer answer in the stored excerpt",
    run_settings="Adam optimizer (default epsilon)",
    trimmed="the poster's question before the stats; the stored excerpt ends inside the step-3879 line",
    text="""...
2018-03-21T13:56:22.703288: step 3866, loss 0.43315, acc 0.90625
2018-03-21T13:56:34.078052: step 3867, loss 0.479325, acc 0.851562
2018-03-21T13:56:49.068364: step 3868, loss 0.256937, acc 0.9375
2018-03-21T13:57:06.444321: step 3869, loss 0.273636, acc 0.90625
2018-03-21T13:57:15.877391: step 3870, loss 0.232426, acc 0.929688
2018-03-21T13:57:23.503175: step 3871, loss 3.60959, acc 0.5625
2018-03-21T13:57:31.559549: step 3872, loss 8.54077, acc 0.46875
2018-03-21T13:57:41.647740: step 3873, loss 5.25972, acc 0.429688
2018-03-21T13:57:51.344488: step 3874, loss 322.297, acc 0.234375
2018-03-21T13:58:01.384422: step 3875, loss 21.8541, acc 0.453125
2018-03-21T13:58:10.741925: step 3876, loss 131.247, acc 0.242188
2018-03-21T13:58:19.820908: step 3877, loss 4977.22, acc 0.289062
2018-03-21T13:58:29.067122: step 3878, loss 155.665, acc 0.289062
2018-03-21T13:58:36.979536: step 3879, loss 1825.98, acc""")
