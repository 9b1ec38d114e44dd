from cases_a import add, CASES

H = dict(expected="healthy", healthy=True)

add(name="paste2_tf_slow_callback_warning_ok", **H,
    url="https://github.com/tensorflow/tensorflow/issues/37876", framework="keras/tensorflow",
    argv=[],
    trimmed="the commenter's sentences around the log ('I was having the same warning', and the explanation after it, cut by the stored excerpt)",
    stdout="""Loading model
Epoch 1/3
   2/1688 [..............................] - ETA: 6:36 - loss: 2.2862 - accuracy: 0.1562WARNING:tensorflow:Callbacks method `on_train_batch_end` is slow compared to the batch time (batch time: 0.0027s vs `on_train_batch_end` time: 0.4677s). Check your callbacks.
1688/1688 [==============================] - 5s 3ms/step - loss: 0.4661 - accuracy: 0.8339 - val_loss: 0.3578 - val_accuracy: 0.8735
Epoch 2/3
1688/1688 [==============================] - 4s 2ms/step - loss: 0.3157 - accuracy: 0.8861 - val_loss: 0.2872 - val_accuracy: 0.8923
Epoch 3/3
1688/1688 [==============================] - 4s 2ms/step - loss: 0.2734 - accuracy: 0.8991 - val_loss: 0.2711 - val_accuracy: 0.9012
""",
    rationale="The only oddity is a one-off TensorFlow WARNING that the on_train_batch_end callback is slow compared to the batch time (0.4677s vs 0.0027s, TensorBoard's profiler on batch 2). Training is fine: loss 2.2862 -> 0.4661 -> 0.3157 -> 0.2734, val_loss 0.3578 -> 0.2872 -> 0.2711, val_accuracy 0.8735 -> 0.9012, no gap.",
    thread_diagnosis="The commenter removed the warning by passing profile_batch=0 to the TensorBoard callback (it disables profiling); the warning is about callback speed, not about training, which proceeds normally.")

add(name="paste2_ppdet_yolov3_log_fields", **H,
    url="https://github.com/PaddlePaddle/PaddleDetection/issues/2800", framework="paddle/PaddleDetection",
    argv=[],
    trimmed="the poster's question ('first time using this, what do these parameters mean, which loss tells when to stop') and the maintainer's answer",
    stdout="""[04/28 17:21:56] ppdet.engine INFO: Epoch: [21] [120/141] learning_rate: 0.000770 loss_xy: 2.849720 loss_wh: 1.324514 loss_obj: 8.690937 loss_cls: 0.525484 loss: 14.034956 eta: 1:32:21 batch_cost: 0.1700 data_cost: 0.0012 ips: 5.8828 images/s
[04/28 17:21:59] ppdet.engine INFO: Epoch: [21] [140/141] learning_rate: 0.000775 loss_xy: 2.995280 loss_wh: 1.634839 loss_obj: 8.705307 loss_cls: 1.031295 loss: 14.335938 eta: 1:32:19 batch_cost: 0.1633 data_cost: 0.0010 ips: 6.1255 images/s
[04/28 17:22:00] ppdet.engine INFO: Epoch: [22] [  0/141] learning_rate: 0.000775 loss_xy: 3.105111 loss_wh: 1.848665 loss_obj: 9.094651 loss_cls: 1.226063 loss: 15.118809 eta: 1:32:20 batch_cost: 0.1690 data_cost: 0.0025 ips: 5.9185 images/s
""",
    rationale="Three ordinary PaddleDetection YOLOv3 training lines at epoch 21-22 (learning rate still warming up, 0.000770 -> 0.000775; total loss 14.03-15.12 with per-batch noise, all terms finite, steady batch_cost ~0.17 s). Nothing is wrong; the poster only asks what the fields mean.",
    thread_diagnosis="The maintainer explained each field (learning_rate, loss_xy, loss_wh, loss_obj, loss_cls, total loss) and said to watch whether the total loss converges smoothly, or train with --eval and stop on mAP. No problem was found.")

add(name="paste2_lgbm_no_split_warning_auc_rising", **H,
    url="https://github.com/lightgbm-org/LightGBM/issues/3697", framework="lightgbm",
    argv=[],
    trimmed="the poster's sentences ('I have the training down', 'so what's the meaning of -inf? could you pls help me ?') and the maintainer's answer",
    stdout="""[LightGBM] [Info] 0.217298 seconds elapsed, finished iteration 38
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Info] Iteration:39, valid_1 auc : 0.815321
[LightGBM] [Info] 0.219770 seconds elapsed, finished iteration 39
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Info] Iteration:40, valid_1 auc : 0.815925
[LightGBM] [Info] 0.222267 seconds elapsed, finished iteration 40
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Info] Iteration:41, valid_1 auc : 0.817106
[LightGBM] [Info] 0.224745 seconds elapsed, finished iteration 41
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Info] Iteration:42, valid_1 auc : 0.817846
[LightGBM] [Info] 0.227226 seconds elapsed, finished iteration 42
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Info] Iteration:43, valid_1 auc : 0.81749
[LightGBM] [Info] 0.229720 seconds elapsed, finished iteration 43
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
""",
    rationale="Each boosting round prints LightGBM's 'No further splits with positive gain, best gain: -inf' warning (some leaf could not be split under the current min_data/complexity settings), while valid_1 auc keeps improving: 0.815321, 0.815925, 0.817106, 0.817846, 0.81749 at iterations 39-43. The '-inf' is a gain value in a warning, not a non-finite loss.",
    thread_diagnosis="A maintainer (jameslamb) explained the warning: with this dataset and these parameters LightGBM cannot find new splits that improve the objective for some leaves; it is informational, not an error, and training proceeds.")

add(name="paste2_lgbm_ashrae_rmse_curve", **H,
    url="https://github.com/energeeks/ashrae-energy-prediction/issues/57", framework="lightgbm",
    argv=[],
    trimmed="the text before '[450]' and after the stored excerpt's end (it stops inside the [975] line); the issue is about checking the effect of a timestamp-alignment feature",
    stdout="""[450]   train_loss's rmse: 0.72972      eval's rmse: 0.861992
[475]   train_loss's rmse: 0.72689      eval's rmse: 0.860553
[500]   train_loss's rmse: 0.724816     eval's rmse: 0.858856
[525]   train_loss's rmse: 0.722613     eval's rmse: 0.856346
[550]   train_loss's rmse: 0.72084      eval's rmse: 0.855249
[575]   train_loss's rmse: 0.718351     eval's rmse: 0.853583
[600]   train_loss's rmse: 0.716423     eval's rmse: 0.851902
[625]   train_loss's rmse: 0.714867     eval's rmse: 0.850891
[650]   train_loss's rmse: 0.713382     eval's rmse: 0.850049
[675]   train_loss's rmse: 0.711394     eval's rmse: 0.848691
[700]   train_loss's rmse: 0.710418     eval's rmse: 0.847693
[725]   train_loss's rmse: 0.708791     eval's rmse: 0.846959
[750]   train_loss's rmse: 0.707496     eval's rmse: 0.845978
[775]   train_loss's rmse: 0.706102     eval's rmse: 0.845058
[800]   train_loss's rmse: 0.704871     eval's rmse: 0.8443
[825]   train_loss's rmse: 0.703626     eval's rmse: 0.843139
[850]   train_loss's rmse: 0.702436     eval's rmse: 0.842224
[875]   train_loss's rmse: 0.701275     eval's rmse: 0.841167
[900]   train_loss's rmse: 0.70023      eval's rmse: 0.84079
[925]   train_loss's rmse: 0.699293     eval's rmse: 0.840078
[950]   train_loss's rmse: 0.698235     eval's rmse: 0.839467
""",
    rationale="A LightGBM regression curve over rounds 450-950: train rmse 0.72972 -> 0.698235 and eval rmse 0.861992 -> 0.839467, both falling monotonically with a stable gap (~0.13-0.14) and diminishing steps: a model still improving on held-out data, no sign of overfitting or divergence.",
    thread_diagnosis="Issue 'Implement timestamp alignment und check performance' (closed, enhancement): the team trained with and without the new feature to compare eval rmse; the run itself is a normal training run.")

add(name="paste2_lgbm_cv_l1_with_warning", **H,
    url="https://github.com/lightgbm-org/LightGBM/issues/1026", framework="lightgbm",
    argv=[],
    trimmed="the poster's prose and the second question (a custom rounded-MAE feval that stops at the warning); only the first pasted lgb.cv output is kept",
    stdout="""[1620]\tcv_agg's l1: 0.598669
[1640]\tcv_agg's l1: 0.598657
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[1660]\tcv_agg's l1: 0.598639
[1680]\tcv_agg's l1: 0.598635
""",
    rationale="lgb.cv with objective 'fair' and metric mae at rounds 1620-1680: cv_agg's l1 still decreases slightly (0.598669 -> 0.598635) and training goes on after the occasional 'No further splits with positive gain, best gain: -inf' warning. Late-stage convergence with a harmless warning.",
    thread_diagnosis="The poster notes that with the built-in metric the warning appears once in a while and training continues; LightGBM maintainers describe this warning elsewhere (LightGBM#640, #3440) as informational: a leaf cannot be split further, not an error.")

add(name="paste2_keras_same_data_val_loss_differs", **H,
    url="https://github.com/keras-team/keras/issues/605", framework="keras",
    argv=[],
    trimmed="the poster's question and the model code after the log",
    stdout="""Train on 100000 samples, validate on 100000 samples
Epoch 0
100000/100000 [==============================] - 144s - loss: 0.8586 - val_loss: 0.8122
Epoch 1
100000/100000 [==============================] - 149s - loss: 0.8168 - val_loss: 0.8112
Epoch 2
100000/100000 [==============================] - 149s - loss: 0.8095 - val_loss: 0.8107
Epoch 3
100000/100000 [==============================] - 149s - loss: 0.8032 - val_loss: 0.8102
Epoch 4
100000/100000 [==============================] - 151s - loss: 0.8001 - val_loss: 0.8069
Epoch 5
100000/100000 [==============================] - 150s - loss: 0.7941 - val_loss: 0.8022
Epoch 6
100000/100000 [==============================] - 144s - loss: 0.7898 - val_loss: 0.7992
Epoch 7
100000/100000 [==============================] - 145s - loss: 0.7872 - val_loss: 0.8005
""",
    rationale="Eight epochs of an LSTM model where both losses fall: loss 0.8586 -> 0.7872 and val_loss 0.8122 -> 0.7992/0.8005. The poster passed the training data as validation_data, so the two numbers differ only because the training loss is averaged over the epoch while the weights change (and with dropout active), whereas val_loss is computed at the end in inference mode. A normal, slowly improving run.",
    thread_diagnosis="The poster asks why loss and val_loss differ on the same data; this is expected Keras behaviour (epoch-averaged training loss under dropout vs end-of-epoch evaluation), not a bug. No failure in the run.",
    run_settings="Embedding + LSTM(64) with Dropout, validation_data = the training data.")
