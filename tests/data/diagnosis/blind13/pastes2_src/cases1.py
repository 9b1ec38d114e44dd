# -*- coding: utf-8 -*-
# blind13/pastes2 case sources, part 1. Texts are the stored excerpts of the `search` tool (corpus issues), cut to the
# pasted log, never rewritten. `trimmed` says what was cut.
C = []
def add(**k): C.append(k)

add(name="paste2_megatron_bridge_qwen3_hangs_after_training_slurm_time_limit",
    url="https://github.com/NVIDIA-NeMo/Megatron-Bridge/issues/1656", framework="nemo",
    expected="time_limit", healthy=False,
    rationale="'[after training is done] datetime: 2025-12-03 14:45:03' then 8 minutes later 'slurmstepd: error: *** STEP 4226796.2 ON eos0117 CANCELLED AT 2025-12-03T14:53:02 DUE TO TIME LIMIT ***'; the training loop had finished but the step never exited (nsys profiler shutdown lines 'No transition in ...Profiler8ShutdownE'), so Slurm's wall-time limit ended it",
    thread_diagnosis="labelled bug/area:training, open: after training completes the job hangs until the Slurm timeout (Qwen3 30B on B200 and H100, with nsys profiling); no fix in the stored excerpt",
    trimmed="the poster's prose before the block; the stored excerpt ends mid-line ('The target application terminated. One or more process')",
    text="""Generated:
        /nemo_run/nsys_profile/profile_1658148_4226796_node0_rank6.nsys-rep
[after training is done] datetime: 2025-12-03 14:45:03
slurmstepd: error: *** STEP 4226796.2 ON eos0117 CANCELLED AT 2025-12-03T14:53:02 DUE TO TIME LIMIT ***
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
No transition in N5Agent6Client3FSM8Profiler8ShutdownE (1) for N5Agent6Client3FSM9InterruptE.
The target application terminated. One or more process
""")

add(name="paste2_daformer_mmseg_loss_seg_nan_from_iter50",
    url="https://github.com/lhoyer/DAFormer/issues/22", framework="mmsegmentation",
    expected="nan_or_inf_loss", healthy=False,
    rationale="DAFormer (mmseg) UDA training: from the first logged iteration (Iter [50/40000], lr 1.958e-06 in warm-up) 'decode.loss_seg: nan', 'src.loss_imnet_feat_dist: nan' and 'mix.decode.loss_seg: nan' at every log line up to Iter [200/40000], while decode.acc_seg stays finite (32.26 -> 42.42)",
    thread_diagnosis="maintainer: has never seen NaN for decode.loss_seg; most probably something is wrong with the setup, check that the installation instructions were followed; no fix confirmed in the stored excerpt",
    trimmed="the poster's opening sentence",
    text="""2022-05-07 17:02:57,696 - mmseg - INFO - Iter [50/40000]        lr: 1.958e-06, eta: 1 day, 0:29:42, time: 2.207, data_time: 0.029, memory: 9801, decode.loss_seg: nan, decode.acc_seg: 32.2611, src.loss_imnet_feat_dist: nan, mix.decode.loss_seg: nan, mix.decode.acc_seg: 54.3771
2022-05-07 17:04:45,225 - mmseg - INFO - Iter [100/40000]       lr: 3.950e-06, eta: 1 day, 0:08:59, time: 2.151, data_time: 0.017, memory: 9801, decode.loss_seg: nan, decode.acc_seg: 41.2013, src.loss_imnet_feat_dist: nan, mix.decode.loss_seg: nan, mix.decode.acc_seg: 69.9605
2022-05-07 17:06:32,717 - mmseg - INFO - Iter [150/40000]       lr: 5.938e-06, eta: 1 day, 0:00:44, time: 2.150, data_time: 0.017, memory: 9801, decode.loss_seg: nan, decode.acc_seg: 41.6272, src.loss_imnet_feat_dist: nan, mix.decode.loss_seg: nan, mix.decode.acc_seg: 69.3706
2022-05-07 17:08:19,966 - mmseg - INFO - Iter [200/40000]       lr: 7.920e-06, eta: 23:54:54, time: 2.145, data_time: 0.017, memory: 9801, decode.loss_seg: nan, decode.acc_seg: 42.4247, src.loss_imnet_feat_dist: nan, mix.decode.loss_seg: nan, mix.decode.acc_seg: 71.1068
""")

add(name="paste2_keras_rwf2000_video_val_acc_stuck_050",
    url="https://github.com/mchengny/RWF2000-Video-Database-for-Violence-Detection/issues/19", framework="keras",
    expected="loss_not_decreasing", healthy=False,
    rationale="binary violence/non-violence task: val_accuracy is exactly 0.5000 in 6 of 7 epochs (0.5600 once) and val_loss stays at ln 2 = 0.693 (0.6930, 0.6947, 0.7013, 0.6876, 0.6928, 0.6930, 0.6921); training loss 0.7078 -> 0.6945 and accuracy 0.4938-0.5612 never leave chance; lr 0.0100 throughout",
    thread_diagnosis="open; the poster asks why val_accuracy is always 0.5 until epoch 8/30; no answer in the stored excerpt",
    trimmed="the poster's question line; the stored excerpt starts at the first epoch's result line (no 'Epoch 1/30' header) and ends inside the epoch-8 progress bar",
    text="""200/200 [==============================] - 4883s 24s/step - loss: 0.7078 - accuracy: 0.4938 - val_loss: 0.6930 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 2/30                                      
200/200 [==============================] - 4889s 24s/step - loss: 0.6959 - accuracy: 0.4938 - val_loss: 0.6947 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 3/30
200/200 [==============================] - 4889s 24s/step - loss: 0.6947 - accuracy: 0.5194 - val_loss: 0.7013 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 4/30
200/200 [==============================] - 4882s 24s/step - loss: 0.6857 - accuracy: 0.5612 - val_loss: 0.6876 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 5/30
200/200 [==============================] - 4912s 25s/step - loss: 0.6896 - accuracy: 0.5494 - val_loss: 0.6928 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 6/30
200/200 [==============================] - 4955s 25s/step - loss: 0.6957 - accuracy: 0.5013 - val_loss: 0.6930 - val_accuracy: 0.5600 - lr: 0.0100
Epoch 7/30
200/200 [==============================] - 4975s 25s/step - loss: 0.6945 - accuracy: 0.5156 - val_loss: 0.6921 - val_accuracy: 0.5000 - lr: 0.0100
Epoch 8/30
 63/200 [========>.....................] - ETA: 16:03:00 - loss:
""")

add(name="paste2_keras_video_lstm_val_loss_frozen_26863",
    url="https://github.com/harvitronix/five-video-classification-methods/issues/130", framework="keras",
    expected="loss_not_decreasing", healthy=False,
    rationale="binary video classification with an LSTM on extracted features: val_loss is exactly 2.6863 in both epochs ('val_loss did not improve from 2.68635') with val_acc 0.8333 = 25/30, the majority share of the 30 validation samples; 2.686 = 16.118 (the clipped log-loss of a saturated wrong prediction, -ln 1e-7) x 5/30, i.e. every sample gets the majority class with probability 1; training loss 4.9882 -> 4.9594 (= 16.118 x 0.31, acc 0.6692 -> 0.6923) is the same saturated constant",
    thread_diagnosis="title: every data point classified as one specific class by both RNN and CNN; closed with no diagnosis in the stored excerpt",
    trimmed="the poster's description before the block; the stored excerpt ends inside the epoch-3 progress line",
    text="""Epoch 1/50
Creating validate generator with 30 samples.
Creating train generator with 131 samples.
2019-05-26 16:11:10.312201: I tensorflow/stream_executor/dso_loader.cc:153] successfully opened CUDA library libcublas.so.10.0 locally
26/26 [==============================] - 9s 362ms/step - loss: 4.9882 - acc: 0.6692 - val_loss: 2.6863 - val_acc: 0.8333

Epoch 00001: val_loss improved from inf to 2.68635, saving model to data/checkpoints/lstm-features.001-2.686.hdf5
Epoch 2/50
26/26 [==============================] - 7s 258ms/step - loss: 4.9594 - acc: 0.6923 - val_loss: 2.6863 - val_acc: 0.8333

Epoch 00002: val_loss did not improve from 2.68635
Epoch 3/50
2
""")

add(name="paste2_keras_kdd99_noisy_train_loss_early_stop_healthy",
    url="https://github.com/jeffheaton/t81_558_deep_learning/issues/86", framework="keras",
    expected="healthy", healthy=True,
    rationale="intrusion-detection MLP (course notebook t81_558_class_14_04_ids_kdd99): val_loss falls every epoch 0.0460 -> 0.0332 -> 0.0302 -> 0.0269 while the training loss is noisy (0.2022, 0.0500, 0.0509, 0.0283, 0.0436: two increases); XLA info/warning lines at start; the thread's title says the run ended with 'Epoch 00019: early stopping', i.e. the EarlyStopping callback doing its job",
    thread_diagnosis="the poster asks what 'early stopping' means (is it the number of epochs with no improvement?); closed; no problem with the run",
    trimmed="the poster's question; the stored excerpt ends inside the epoch-5 line ('val_loss' cut to 'v'); the later epochs and the 'Epoch 00019: early stopping' line (in the title) are not in the stored excerpt",
    text="""Epoch 1/1000
2020-12-15 20:08:56.660904: I tensorflow/core/platform/profile_utils/cpu_utils.cc:94] CPU Frequency: 3392525000 Hz
2020-12-15 20:08:56.661195: I tensorflow/compiler/xla/service/service.cc:168] XLA service 0x77f4c30 executing computations on platform Host. Devices:
2020-12-15 20:08:56.661213: I tensorflow/compiler/xla/service/service.cc:175]   StreamExecutor device (0): <undefined>, <undefined>
2020-12-15 20:08:56.696438: W tensorflow/compiler/jit/mark_for_compilation_pass.cc:1412] (One-time warning): Not using XLA:CPU for cluster because envvar TF_XLA_FLAGS=--tf_xla_cpu_global_jit was not set.  If you want XLA:CPU, either set that envvar, or use experimental_jit_scope to enable XLA:CPU.  To confirm that XLA is active, pass --vmodule=xla_compilation_cache=1 (as a proper command-line flag, not via TF_XLA_FLAGS) or set the envvar XLA_FLAGS=--xla_hlo_profile.
370515/370515 - 13s - loss: 0.2022 - val_loss: 0.0460
Epoch 2/1000
370515/370515 - 12s - loss: 0.0500 - val_loss: 0.0332
Epoch 3/1000
370515/370515 - 12s - loss: 0.0509 - val_loss: 0.0302
Epoch 4/1000
370515/370515 - 13s - loss: 0.0283 - val_loss: 0.0269
Epoch 5/1000
370515/370515 - 13s - loss: 0.0436 - v
""")

add(name="paste2_speechbrain_voxlingua107_lid_recipe_healthy",
    url="https://github.com/speechbrain/speechbrain/pull/950", framework="speechbrain",
    expected="healthy", healthy=True,
    rationale="the recipe author's own training log for the VoxLingua107 language-ID recipe: train loss 7.73 -> 2.30 and valid loss 3.31 -> 7.99e-01 over 13 epochs with valid ErrorRate 2.28e-01 -> 1.01e-01 and a linear lr decay 1.00e-04 -> 7.23e-05; small bumps (valid loss 1.05 -> 1.07 at epoch 8, ErrorRate 1.14e-01 -> 1.30e-01) recover; validation loss below training loss is expected with augmentation",
    thread_diagnosis="PR author: trained for 40 epochs instead of 30 and posted this log as the reference run of the recipe",
    trimmed="the author's sentences before the log; the stored excerpt ends inside the epoch-14 line",
    text="""epoch: 1, lr: 1.00e-04 - train loss: 7.73 - valid loss: 3.31, valid ErrorRate: 2.28e-01
epoch: 2, lr: 9.77e-05 - train loss: 5.59 - valid loss: 2.68, valid ErrorRate: 2.02e-01
epoch: 3, lr: 9.54e-05 - train loss: 4.56 - valid loss: 2.13, valid ErrorRate: 1.87e-01
epoch: 4, lr: 9.31e-05 - train loss: 3.87 - valid loss: 1.66, valid ErrorRate: 1.62e-01
epoch: 5, lr: 9.08e-05 - train loss: 3.40 - valid loss: 1.41, valid ErrorRate: 1.50e-01
epoch: 6, lr: 8.85e-05 - train loss: 3.10 - valid loss: 1.18, valid ErrorRate: 1.32e-01
epoch: 7, lr: 8.62e-05 - train loss: 2.91 - valid loss: 1.05, valid ErrorRate: 1.14e-01
epoch: 8, lr: 8.38e-05 - train loss: 2.76 - valid loss: 1.07, valid ErrorRate: 1.30e-01
epoch: 9, lr: 8.15e-05 - train loss: 2.64 - valid loss: 1.03, valid ErrorRate: 1.22e-01
epoch: 10, lr: 7.92e-05 - train loss: 2.53 - valid loss: 9.10e-01, valid ErrorRate: 1.12e-01
epoch: 11, lr: 7.69e-05 - train loss: 2.45 - valid loss: 8.43e-01, valid ErrorRate: 1.02e-01
epoch: 12, lr: 7.46e-05 - train loss: 2.37 - valid loss: 8.29e-01, valid ErrorRate: 9.87e-02
epoch: 13, lr: 7.23e-05 - train loss: 2.30 - valid loss: 7.99e-01, valid ErrorRate: 1.01e-01
epoch: 14, lr: 7.00e-05 - train loss:
""")

add(name="paste2_speechbrain_speaker_id_valid_bumps_healthy",
    url="https://github.com/speechbrain/speechbrain/issues/2584", framework="speechbrain",
    expected="healthy", healthy=True,
    rationale="speaker-ID on custom data, first 14 epochs: train loss 8.84e-01 -> 6.28e-02 and valid error 5.25e-02 -> 2.18e-02 (best so far at epoch 14); valid loss falls 1.76e-01 -> 5.45e-02 (epoch 11) with bumps (6.92e-02 -> 8.20e-02 at epoch 6, 5.45e-02 -> 6.25e-02 at epoch 12) that are recovered; nothing in this excerpt shows a sustained rise",
    thread_diagnosis="the poster's title says the valid loss increases while the train loss decreases (labelled bug, open); the epochs where that would show are not in the stored excerpt, and no maintainer answer is stored",
    trimmed="the issue template text; the stored excerpt ends after 'Epoch:' of epoch 15",
    text="""Epoch: 1, lr: 1.00e-03 - train loss: 8.84e-01 - valid loss: 1.76e-01, valid error: 5.25e-02
Epoch: 2, lr: 9.95e-04 - train loss: 2.20e-01 - valid loss: 1.21e-01, valid error: 3.72e-02
Epoch: 3, lr: 9.91e-04 - train loss: 1.65e-01 - valid loss: 8.99e-02, valid error: 3.00e-02
Epoch: 4, lr: 9.86e-04 - train loss: 1.30e-01 - valid loss: 8.33e-02, valid error: 3.00e-02
Epoch: 5, lr: 9.82e-04 - train loss: 1.21e-01 - valid loss: 6.92e-02, valid error: 2.53e-02
Epoch: 6, lr: 9.77e-04 - train loss: 1.06e-01 - valid loss: 8.20e-02, valid error: 2.95e-02
Epoch: 7, lr: 9.73e-04 - train loss: 9.26e-02 - valid loss: 6.69e-02, valid error: 2.50e-02
Epoch: 8, lr: 9.68e-04 - train loss: 8.52e-02 - valid loss: 6.61e-02, valid error: 2.38e-02
Epoch: 9, lr: 9.64e-04 - train loss: 7.97e-02 - valid loss: 6.60e-02, valid error: 2.44e-02
Epoch: 10, lr: 9.59e-04 - train loss: 7.65e-02 - valid loss: 6.02e-02, valid error: 2.29e-02
Epoch: 11, lr: 9.55e-04 - train loss: 7.63e-02 - valid loss: 5.45e-02, valid error: 2.24e-02
Epoch: 12, lr: 9.50e-04 - train loss: 7.14e-02 - valid loss: 6.25e-02, valid error: 2.47e-02
Epoch: 13, lr: 9.46e-04 - train loss: 6.31e-02 - valid loss: 5.86e-02, valid error: 2.42e-02
Epoch: 14, lr: 9.41e-04 - train loss: 6.28e-02 - valid loss: 5.85e-02, valid error: 2.18e-02
Epoch:
""")

add(name="paste2_xgboost_train_auc_above_one_healthy",
    url="https://github.com/dmlc/xgboost/issues/7492", framework="xgboost",
    expected="healthy", healthy=True,
    rationale="training-set AUC printed above 1.0 from round 56 (validation_0-auc 1.00003 -> 1.00038) - a metric computation artefact, not a training failure; the held-out validation_1-auc keeps improving slowly 0.97537 (round 48) -> 0.97765 (round 68) and is 0.97750 at round 70, with the usual small wiggles; no divergence, no NaN",
    thread_diagnosis="title: python package eval AUC above 1.0; closed; the stored excerpt holds no maintainer answer (a bug report about the AUC metric, not about the model)",
    trimmed="nothing inside the block; the stored excerpt ends with a stray 'v' after the block (start of the poster's next sentence), dropped",
    text="""> [48]\tvalidation_0-auc:0.99959\tvalidation_1-auc:0.97537
[49]\tvalidation_0-auc:0.99961\tvalidation_1-auc:0.97529
[50]\tvalidation_0-auc:0.99970\tvalidation_1-auc:0.97569
[51]\tvalidation_0-auc:0.99982\tvalidation_1-auc:0.97636
[52]\tvalidation_0-auc:0.99984\tvalidation_1-auc:0.97646
[53]\tvalidation_0-auc:0.99991\tvalidation_1-auc:0.97675
[54]\tvalidation_0-auc:0.99994\tvalidation_1-auc:0.97686
[55]\tvalidation_0-auc:0.99995\tvalidation_1-auc:0.97701
[56]\tvalidation_0-auc:1.00003\tvalidation_1-auc:0.97713
[57]\tvalidation_0-auc:1.00008\tvalidation_1-auc:0.97738
[58]\tvalidation_0-auc:1.00013\tvalidation_1-auc:0.97739
[59]\tvalidation_0-auc:1.00018\tvalidation_1-auc:0.97746
[60]\tvalidation_0-auc:1.00022\tvalidation_1-auc:0.97749
[61]\tvalidation_0-auc:1.00023\tvalidation_1-auc:0.97757
[62]\tvalidation_0-auc:1.00024\tvalidation_1-auc:0.97749
[63]\tvalidation_0-auc:1.00027\tvalidation_1-auc:0.97750
[64]\tvalidation_0-auc:1.00029\tvalidation_1-auc:0.97753
[65]\tvalidation_0-auc:1.00031\tvalidation_1-auc:0.97755
[66]\tvalidation_0-auc:1.00032\tvalidation_1-auc:0.97750
[67]\tvalidation_0-auc:1.00033\tvalidation_1-auc:0.97738
[68]\tvalidation_0-auc:1.00035\tvalidation_1-auc:0.97765
[69]\tvalidation_0-auc:1.00036\tvalidation_1-auc:0.97757
[70]\tvalidation_0-auc:1.00038\tvalidation_1-auc:0.97750
""")
