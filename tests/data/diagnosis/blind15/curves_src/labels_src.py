L = {}
def lab(name, expected, rationale, thread, decidable, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, decidable=decidable,
                   run_settings=run_settings, ambiguity=ambiguity)

# ---------------------------------------------------------------- failing
lab("curves_keras_relu_output_constant_5p3727", "loss_not_decreasing",
 "3 training samples: loss 5.3727 and acc 0.6667 in epoch 1 and again exactly 5.3727 / 0.6667 in epoch 2 - an exact constant. 5.3727 = 16.118/3 = -ln(1e-7)/3, i.e. one of the three samples gets a clipped zero probability and the other two are right (acc 2/3 = the majority share, two dogs and one cat); nothing moves, no NaN, no growth.",
 "Closed (type:support); the stored excerpt holds only the report, whose own code ends in Dense(2, activation='relu') under categorical_crossentropy; no answer naming the cause is in it.",
 True)
lab("curves_kws_cnn_csvlog_flat_ln30", "loss_not_decreasing",
 "CSV log of 10 epochs: loss 3.3953 -> 3.3931 and val_loss 3.3885 -> 3.3877, flat at about ln 30 = 3.401 (a ~30-word keyword task), while acc stays 0.034-0.036 and val_acc 0.034-0.039, i.e. 1/30 = 0.033 (chance); no NaN, no growth.",
 "The poster answered it: 'it's the learning rate... After I adjust the learning rate to 0.00001, it works out well' (the learning rate was too high for the CNN baseline).",
 True)
lab("curves_nolearn_valid_acc_frozen_079", "loss_not_decreasing",
 "valid acc is exactly 0.79269 at all 6 epochs (the majority-class share: the net gives the same answer for every example); train loss 0.509 -> 0.489 sits at the entropy of a 79/21 split (0.51) and valid loss 0.609 -> 0.525 is falling toward that same level, not below it; no NaN.",
 "The maintainer: 'Looks like it's giving you the same answer for all examples. I'd guess that 80% of your examples have the same class'; suggested running longer or lowering the learning rate; closed as not a nolearn issue.",
 True)
lab("curves_keras_saturated_softmax_loss_16x_err", "loss_not_decreasing",
 "Every loss equals 16.118 x (1 - accuracy) (val_loss 8.5963 at val_acc 0.4667, 10.0290 at 0.3778, 9.6709 at 0.4000; 16.118 = -ln 1e-7, the Keras clip): the softmax outputs are saturated 0/1 and every wrong prediction gets the clipped probability; acc 0.33-0.47 and val_acc 0.30-0.47 wander without a trend over 9 epochs and the loss 8.7-10.7 never falls; all finite.",
 "Labelled invalid and closed; the stored excerpt holds only the report, no cause named.",
 True,
 ambiguity="the loss (8.7-11.2) is an order of magnitude above the chance level of a few-class task from epoch 1 on, which is what a learning rate too high / divergence leaves behind (exploding_gradients); what the log shows is a stuck, saturated network")
lab("curves_keras_constant_loss_0p0266_acc_0p9983", "loss_not_decreasing",
 "loss 0.0266 / accuracy 0.9983 and val_loss 0.0265 / val_accuracy 0.9983 identical to four digits from epoch 2 to epoch 9 and again at epochs 56-64: an exact constant; accuracy 0.9983 is a fixed share (the majority class of a heavily imbalanced binary task), so the model predicts one class and learns nothing after epoch 1 (loss 0.0291 -> 0.0266).",
 "A PR conversation in a course-material repository where the poster pasted notebook output; no discussion of the training in the stored excerpt.",
 True)
lab("curves_keras_cnn_val_loss_at_ln6", "loss_not_decreasing",
 "val_loss 1.7989, 1.8605, ..., 1.7871 over 9 epochs stays at ln 6 = 1.792 (6 classes, inferred from the value) with val_acc 0.16-0.24 (chance 1/6 = 0.167); train loss falls from 2.31 only to the chance level (1.72 at epoch 9) with acc 0.14 -> 0.26: the model has not learnt beyond the class prior; no NaN, no growth.",
 "Closed; the stored excerpt holds only the log, no answer naming the cause.",
 True)
lab("curves_wav2letter_libri100h_wer94_flat", "loss_not_decreasing",
 "epochs 170-172 of a 100-hour LibriSpeech run (hrs: 100.57): train loss 161.6 -> 161.9 (flat or slightly up) and dev-clean-loss 166.8 -> 166.7, train-WER 93.7-94.3 and dev-clean-WER 94.5-96.8, TER 83-85: after 600k updates the model still gets almost every word wrong on train and dev alike and the loss has stopped moving at lr 0.01.",
 "A long thread about reproducing the Libri training recipe; the stored excerpt is one comment's log and does not show what the thread concluded.",
 False,
 ambiguity="the loss must have fallen from its start (not visible), train and dev level off together far above what the task allows (underfitting); WER 94% on the training set is also near the trivial level (loss_not_decreasing)")
lab("curves_captcha_train_acc_1_val_0p2", "overfitting",
 "at steps 10/20/30 the training accuracy is 0.9675 / 1.0 / 0.9375 while the validation accuracy is 0.17 / 0.23 / 0.1925: a train/validation gap of ~0.75-0.8 in accuracy (the printed validation loss is a copy of the training loss, a print bug, so accuracy decides).",
 "The maintainer: the model's generalisation is weak - it has learnt the training-set features, the validation set has features it never saw; add (negative) samples. The poster had cut the training set to 600 images and continued from the previous model files.",
 True)
lab("curves_caffe_resnet50_train_top1_1_test_0p047", "overfitting",
 "ResNet-50 on ImageNet at iteration 92000: training batch acc/top-1 = 1, acc/top-5 = 1, loss 0.025, while the test net gives acc/top-1 = 0.047, acc/top-5 = 0.158, loss 5.72: training memorised, test near chance; all finite.",
 "The poster suspected missing augmentation (no random crop/flip on the training lmdb); the maintainer: 'You're getting 100% train accuracy on imagenet? It sounds like a training data issue perhaps'. No confirmed fix in the stored excerpt.",
 True)

# ---------------------------------------------------------------- healthy
lab("curves_dali_apex_val_above_train_healthy", "healthy",
 "apex O1 with dynamic loss scale (info lines only); lr warm-up 0.02 -> 0.04; epoch 1 train top1 3.23 / loss 4.469 vs val top1 8.04 / loss 4.116, epoch 2 train 10.28 / 3.934 vs val 16.21 / 3.555: validation ahead of training because the training numbers are averaged over an epoch of augmented batches while the model improves fast, not leakage; everything improves (val loss 4.12 -> 3.56, ln 120 = 4.79 at start).",
 "Closed; the stored excerpt holds only the question; no answer in it.",
 True)
lab("curves_udacity_mnist_mlp_val_flat_0p072_healthy", "healthy",
 "MNIST MLP (dropout): validation loss 0.0715-0.0740 for 10 epochs, training loss 0.142-0.181 above it; the validation loss is flat because it is already at the task's floor (about 98% accuracy; chance would be ln 10 = 2.30), and training loss above validation loss is the dropout; nothing diverges, no gap growing.",
 "Closed; the stored excerpt holds only the question (when to stop), no answer.",
 True)
lab("curves_gpt_ts_val_below_train_healthy", "healthy",
 "epochs 1-8 of 200: train loss 101.8 -> 46.7 and val loss 38.3 -> 24.8, the val loss improving every epoch and the checkpoint saved each time; val below train throughout (training loss averaged over the epoch / regularisation), the gap shrinking: a normal start.",
 "The thread is about not matching the README's final numbers; the stored excerpt shows no resolution and nothing wrong with the curve.",
 True)
lab("curves_tf_cpn_noisy_step_loss_epoch351_healthy", "healthy",
 "late in training (epoch 351, lr 1.5625e-05) the per-iteration loss jumps 47.1 - 63.4 (global_loss 18.0-24.7, refine_loss 28.3-38.7) from one iteration to the next: mini-batch noise of a small batch, no trend up, no NaN.",
 "The excerpt's log is a second user's run posted for comparison with the poster's (loss 60-100); nobody in the stored excerpt finds a fault.",
 True)
lab("curves_wav2vec2_ctc_loss_100s_first_epochs_healthy", "healthy",
 "epochs 0-4 of a wav2vec2 CTC fine-tune: training loss 142.6 -> 89.8, eval_loss 80.4 -> 61.2 and eval_wer 0.0722 -> 0.0607 improve every epoch while the learning rate decays; the losses are large because the CTC loss is summed, not a divergence.",
 "The thread is about eval_loss/eval_wer rising after epoch 12.36 - lines that are not in the stored excerpt; what the stored log shows is healthy. The stored excerpt holds no answer.",
 True)
