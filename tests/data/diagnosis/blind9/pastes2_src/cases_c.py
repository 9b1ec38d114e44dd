from cases_a import add, CASES

add(name="paste2_keras_loss_jumps_to_10000",
    url="https://github.com/keras-team/keras/issues/6932", framework="keras",
    argv=[],
    trimmed="the stored index returns this paste as two separate excerpts of the same progress-bar log (loss about 14 at ETA 7s, and loss about 9000 at ETA 3s of a later epoch); they are placed in that order, as the title says the loss rose in the middle of training; the text between them and the poster's prose are absent",
    stdout=""" 92/574 [===>..........................] - ETA: 7s - loss: 14.1213
 96/574 [====>.........................] - ETA: 7s - loss: 14.3972
100/574 [====>.........................] - ETA: 7s - loss: 14.1310
104/574 [====>.........................] - ETA: 7s - loss: 13.7499
108/574 [====>.........................] - ETA: 7s - loss: 13.9128
112/574 [====>.........................] - ETA: 7s - loss: 13.9477
116/574 [=====>........................] - ETA: 7s - loss: 13.9351
120/574 [=====>........................] - ETA: 7s - loss: 14.1038
124/574 [=====>........................] - ETA: 7s - loss: 14.0430
128/574 [=====>........................] - ETA: 7s - loss: 13.9114
 58/574 [==>...........................] - ETA: 3s - loss: 9654.8209
 66/574 [==>...........................] - ETA: 3s - loss: 9057.5851
 74/574 [==>...........................] - ETA: 3s - loss: 8479.7212
 82/574 [===>..........................] - ETA: 3s - loss: 8914.1833
 90/574 [===>..........................] - ETA: 3s - loss: 9410.1467
 98/574 [====>.........................] - ETA: 3s - loss: 9169.5430
106/574 [====>.........................] - ETA: 3s - loss: 8775.4716
114/574 [====>.........................] - ETA: 3s - loss: 8668.7629
122/574 [=====>........................] - ETA: 3s - loss: 8857.8727
130/574 [=====>........................] - ETA: 3s - loss: 8776.2437
""",
    expected="exploding_gradients",
    rationale="The running loss sits at 13.7-14.4 in one epoch and at 8479-9655 in a later one (about 650x higher) without becoming NaN; the title says the loss 'crazy' increases in the middle of training to more than 10000. Orders-of-magnitude growth of a finite loss during training is divergence.",
    thread_diagnosis="Closed as stale; no answer in the stored excerpt. Nothing in the thread points to data changes; the growth pattern is divergence (learning rate too high / no clipping).",
    run_settings="574 samples per epoch, Keras progress bar.")

add(name="paste2_keras_lstm_overfit_after_epoch2",
    url="https://github.com/keras-team/keras/issues/3056", framework="keras",
    argv=[],
    trimmed="the poster's question above 'Loading data...' and the rest of the log after the stored excerpt's end (it stops at 'Epoch 8/15')",
    stdout="""Loading data...
47808 train sequences
11952 test sequences
Pad sequences (samples x time)
X_train shape: (47808, 100)
X_test shape: (11952, 100)
Build model...
Train...
(47808, 100)
(47808,)
Train on 47808 samples, validate on 11952 samples
Epoch 1/15
47808/47808 [==============================] - 300s - loss: 0.6807 - acc: 0.5745 - val_loss: 0.6770 - val_acc: 0.5802
Epoch 2/15
47808/47808 [==============================] - 324s - loss: 0.6693 - acc: 0.5843 - val_loss: 0.6765 - val_acc: 0.5796
Epoch 3/15
47808/47808 [==============================] - 349s - loss: 0.6678 - acc: 0.5857 - val_loss: 0.6789 - val_acc: 0.5801
Epoch 4/15
47808/47808 [==============================] - 345s - loss: 0.6485 - acc: 0.6128 - val_loss: 0.6913 - val_acc: 0.5599
Epoch 5/15
47808/47808 [==============================] - 362s - loss: 0.6175 - acc: 0.6478 - val_loss: 0.7101 - val_acc: 0.5591
Epoch 6/15
47808/47808 [==============================] - 344s - loss: 0.5860 - acc: 0.6778 - val_loss: 0.7268 - val_acc: 0.5556
Epoch 7/15
47808/47808 [==============================] - 347s - loss: 0.5521 - acc: 0.7081 - val_loss: 0.7586 - val_acc: 0.5456
Epoch 8/15
""",
    expected="overfitting",
    rationale="Training loss falls every epoch (0.6807 -> 0.5521, acc 0.5745 -> 0.7081) while val_loss reaches its minimum 0.6765 at epoch 2 and then rises every epoch to 0.7586 at epoch 7, with val_acc falling from 0.5802 to 0.5456: a widening train/validation gap after epoch 2.",
    thread_diagnosis="The poster asks whether this is overfitting (LSTM, 47808 training sequences of length 100); closed as stale with no answer in the excerpt. The curve is the textbook overfitting pattern.",
    run_settings="LSTM text classifier, 15 epochs, binary labels.")

add(name="paste2_keras_rmdl_rnn_val_loss_rising",
    url="https://github.com/kk7nc/RMDL/issues/14", framework="keras",
    argv=[],
    trimmed="the earlier turns of the thread and the text before 'Epoch 00028:' and after the stored excerpt's end (it stops inside the epoch-37 checkpoint line)",
    stdout="""Epoch 00028: val_acc improved from 0.68881 to 0.69674, saving model to weights\\weights_RNN_0.hdf5
Epoch 29/100
 - 572s - loss: 0.1689 - acc: 0.9452 - val_loss: 2.2266 - val_acc: 0.6800

Epoch 00029: val_acc did not improve from 0.69674
Epoch 30/100
 - 550s - loss: 0.1560 - acc: 0.9530 - val_loss: 2.1155 - val_acc: 0.6984

Epoch 00030: val_acc improved from 0.69674 to 0.69841, saving model to weights\\weights_RNN_0.hdf5
Epoch 31/100
 - 543s - loss: 0.1448 - acc: 0.9552 - val_loss: 2.3955 - val_acc: 0.6546

Epoch 00031: val_acc did not improve from 0.69841
Epoch 32/100
 - 577s - loss: 0.1385 - acc: 0.9570 - val_loss: 2.2567 - val_acc: 0.6871

Epoch 00032: val_acc did not improve from 0.69841
Epoch 33/100
 - 578s - loss: 0.1224 - acc: 0.9610 - val_loss: 2.5516 - val_acc: 0.6679

Epoch 00033: val_acc did not improve from 0.69841
Epoch 34/100
 - 615s - loss: 0.1280 - acc: 0.9619 - val_loss: 2.2845 - val_acc: 0.6963

Epoch 00034: val_acc did not improve from 0.69841
Epoch 35/100
 - 689s - loss: 0.1208 - acc: 0.9623 - val_loss: 2.4526 - val_acc: 0.6805

Epoch 00035: val_acc did not improve from 0.69841
Epoch 36/100
 - 763s - loss: 0.1143 - acc: 0.9664 - val_loss: 2.4973 - val_acc: 0.6742

Epoch 00036: val_acc did not improve from 0.69841
Epoch 37/100
 - 762s - loss: 0.1065 - acc: 0.9672 - val_loss: 2.4875 - val_acc: 0.6909

Epoch 00037: val_acc did not improve from
""",
    expected="overfitting",
    rationale="Epochs 29-37: training loss 0.1689 -> 0.1065 with acc 0.945 -> 0.967, while val_loss is 13-23x the training loss and drifts up (2.2266, 2.1155, 2.3955, ... 2.4973, 2.4875) and val_acc stays at 0.65-0.70 (best 0.69841 at epoch 30, no improvement after): the model memorises the training set.",
    thread_diagnosis="Thread 'Text classification task accuracy problem' on RMDL's RNN; the stored excerpt has the poster's log only. The log is a clear train/validation gap growing with training.",
    run_settings="RMDL RNN model, 100 epochs, ModelCheckpoint on val_acc.")

add(name="paste2_keras_lstm_tiny_data_val_flat",
    url="https://github.com/keras-team/keras/issues/2941", framework="keras",
    argv=[],
    trimmed="the poster's description and model code above 'Epoch 2816/10000', and the rest after the stored excerpt's end",
    stdout="""Epoch 2816/10000
 50/472 [==>...........................] - ETA: 0s - loss: 0.6281 - acc: 0.6800Epoch 02815: val_acc did not improve
472/472 [==============================] - 0s - loss: 0.5151 - acc: 0.7648 - val_loss: 1.2978 - val_acc: 0.4151
Epoch 2817/10000
 50/472 [==>...........................] - ETA: 0s - loss: 0.4406 - acc: 0.8600Epoch 02816: val_acc did not improve
472/472 [==============================] - 0s - loss: 0.5179 - acc: 0.7479 - val_loss: 1.2844 - val_acc: 0.4151
Epoch 2818/10000
 50/472 [==>...........................] - ETA: 0s - loss: 0.5385 - acc: 0.7400Epoch 02817: val_acc did not improve
""",
    expected="overfitting",
    rationale="After 2816 epochs on 472 training sequences the LSTM(256) reaches training loss 0.515-0.518 (acc 0.75-0.76) while val_loss is 1.28-1.30 (2.5x) and val_acc is stuck at 0.4151, below chance for a binary task, with 'val_acc did not improve' every epoch: a large model fitted to a tiny training set that does not generalise.",
    thread_diagnosis="The poster found that this happens when there are too few sequences (about 330 to 472) for the model; in the thread (keras#1597 comment by the same user) shrinking the model and adding data fixed it. Closed.",
    run_settings="LSTM(256) + Dropout(0.5) + Dense(1) sigmoid, rmsprop, batch_size=30, validation_split=0.1, nb_epoch=10000.")
