# Labels, decided from the log by the header rules of tests/data/diagnosis/real/labels.yaml, before anything scored them.
L = {}
def lab(name, expected, rationale, thread, decidable, why, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, run_settings=run_settings,
                   ambiguity=ambiguity, decidable=decidable, decidable_why=why)

# ---------------------------------------------------------------- failing
lab("nonfinite_d3feat_3dmatch_desc_det_loss_nan", "nan_or_inf_loss",
 "D3Feat (TensorFlow) on 3DMatch, step 9753: desc_loss nan, det_loss nan, d_pos nan, d_neg nan and train_accuracy 0.00 - the losses themselves are NaN and accuracy has collapsed to 0.",
 "The maintainer says it looks like KPConv issue #15 and asks to check the TF and CUDA versions; the poster answers CUDA 10.0 with tensorflow-gpu 1.13.2. No fix in the stored excerpt.",
 True, "'9753 nan nan 0.00 nan nan': both losses NaN, accuracy 0.00")
lab("nonfinite_deeplabv2_res101_loss_1e36_then_nan", "nan_or_inf_loss",
 "DeepLab-v2 ResNet-101 on Cityscapes: loss 6.337 at step 0, then 15.278 (step 4), 52.724 (6), 940.443 (7), 5.39e36 (step 8) and nan at step 9 - a divergence within 9 steps that ends in a NaN loss; by the corpus rule the loss becoming NaN decides nan_or_inf_loss.",
 "The stored excerpt holds only the report (closed); no cause is named in it.",
 True, "'step 8 loss = 5393914151199927058379743980628738048.000', 'step 9 loss = nan'",
 run_settings="momentum 0.9; encoder res101 from the resnet_v1_101 checkpoint; 713x713 input; 19 classes")
lab("nonfinite_tf_deeplab_total_loss_nan_summary_hist", "nan_or_inf_loss",
 "TF DeepLab on a custom dataset: 'Total loss is :[0.140642926]' for the first steps (0.140643, 0.140676), then 'Total loss is :[nan]' five times, and training stops with 'InvalidArgumentError: Nan in summary hist'.",
 "This commenter later wrote he resolved it: 'The problem was with my training dataset.' (The opening poster's NaN came from tfrecords made with pascal_voc2012_data.py; the shell script's tfrecords worked.)",
 True, "'Total loss is :[nan]' after 0.14067, then 'InvalidArgumentError: Nan in summary hist'")
lab("nonfinite_recurrent_transformer_logsoftmax_backward_nan", "nan_or_inf_loss",
 "MART (recurrent transformer), model_type xl: in the first epoch (0/313 batches) loss.backward() raises 'RuntimeError: Function 'LogSoftmaxBackward' returned nan values in its 0th output.' (anomaly detection) - non-finite values in the log-softmax of the output layer.",
 "Closed; the stored excerpt holds no answer naming the cause.",
 True, "'RuntimeError: Function 'LogSoftmaxBackward' returned nan values in its 0th output.'")
lab("nonfinite_denseuav_anomaly_softmax_backward_amp", "nan_or_inf_loss",
 "DenseUAV training with anomaly detection on and a GradScaler (scaler.scale(loss).backward()): '[W python_anomaly_mode.cpp:104] Warning: Error detected in SoftmaxBackward0', from F.softmax(outputs2 - max_output2) inside the KL loss; the backward that follows fails. The title gives the error: SoftmaxBackward0 returned nan values.",
 "Open; no answer in the stored excerpt.",
 False, "the log shows 'Error detected in SoftmaxBackward0' and the backward traceback, but the words 'returned nan values' are only in the thread title (the stored excerpt stops before the RuntimeError line)",
 run_settings="mixed precision with a GradScaler (scaler.scale(loss).backward()); anomaly detection on")
lab("nonfinite_wespeaker_sphereface2_loss_nan_batch300", "nan_or_inf_loss",
 "wespeaker, sphereface2 projection: epoch 3 batch 200 loss 3.84-5.22 with acc 9.7-19.0 on every rank, then at batch 300 the loss column is nan on every rank (acc 10.9-18.3 still printed).",
 "Closed; the stored excerpt holds the report only (poster: the same settings sometimes train without NaN). No cause given in it.",
 True, "batch-300 rows: loss column 'nan' on every rank after 3.8-5.2 at batch 200",
 run_settings="project_type sphereface2; ResNet152")
lab("nonfinite_streampetr_enc_losses_nan_iter7050", "nan_or_inf_loss",
 "StreamPETR on nuScenes, iteration 7050: all decoder losses finite (frame_0_loss_cls 1.2109 ... dn losses 0.93-1.78) but frame_0_enc_loss_cls, enc_loss_bbox, enc_loss_iou, centers2d and centerness losses are nan, so 'loss: nan, grad_norm: nan'.",
 "The maintainer says something is wrong because the poster's total iteration count is 79110 where his own log has 158220, and asks for the training config; no resolution in the stored excerpt.",
 True, "'frame_0_enc_loss_cls: nan ... loss: nan, grad_norm: nan'")
lab("nonfinite_rctrans_loss_nan_other_losses_zero", "nan_or_inf_loss",
 "RCTrans, iteration 10100: every decoder and denoising loss is exactly 0.0000 while the encoder losses are nan and 'loss: nan, grad_norm: nan' - the NaN has reached the weights (the corpus rule's constant loss after NaN gradients, plus a NaN total).",
 "The maintainer says the eta (7 days) looks too long (he trains in under 20 hours on 8 A100) and guesses the NaN is related to that setup; the stored excerpt stops there.",
 True, "'loss: nan, grad_norm: nan' with all other losses 0.0000")
lab("nonfinite_wav2letter_loss_is_nan_sigabrt", "nan_or_inf_loss",
 "wav2letter on full LibriSpeech, several workers: 'terminate called after throwing an instance of std::runtime_error / what(): Loss is NaN value', then SIGABRT in each process; the epoch-1 line shows lr 0.1. The process dies because the loss became NaN.",
 "Closed; the stored excerpt holds the report only (poster: error rate got out of bounds before the crash). No answer in it.",
 True, "'what():  Loss is NaN value' on several ranks, then SIGABRT")
lab("nonfinite_dfine_seg_loss_1e37_nonfinite_skips", "nan_or_inf_loss",
 "D-FINE-seg, epoch 227 of 300: from batch 0 on 'Skipping batch ... : non-finite loss' on batch after batch, numpy 'Mean of empty slice' (no finite losses left to average), the running loss 74.8 at batch 8 and 1.62e+37 / 1.55e+37 at batches 115-122. The loss has become non-finite late in training and keeps being skipped.",
 "Closed; the stored excerpt holds the report only (title: the loss exploded after 226 epochs).",
 True, "'Skipping batch at iter 43167 (epoch 227, batch 0): non-finite loss' repeating; 'loss=1.62e+37'")
lab("nonfinite_bigdl_loss_is_infinity_iter45459", "nan_or_inf_loss",
 "BigDL ResNet-style ImageNet run, epoch 64: 'Loss is 1.2645824', 'Loss is 1.308916', then 'Loss is Infinity' at iteration 45459 (lr 0.0463, momentum 0.9); the next logged step shows 1.2483193. The thread (a maintainer who read the whole log) places the end of convergence at that Infinity.",
 "A maintainer went through the poster's whole log and wrote that training converged until iteration 45459, where the loss became infinity (title: 'Sometimes training doesn't converge'); the stored excerpt stops there.",
 False, "the log shows 'Loss is Infinity.' at iteration 45459, but the next logged step is finite again (1.2483193); that the run failed from there on rests on the maintainer's reading of the whole log")
lab("nonfinite_caffe_googlenet_loss_87_3365", "loss_not_decreasing",
 "Caffe GoogleNet, lr 0.01: loss 11.2306 at iteration 0, then exactly 87.3365 at iterations 100, 200 and 300. 87.3365 = -ln(FLT_MIN): Caffe's SoftmaxWithLoss clamps the probability of the true class at FLT_MIN, so the loss is pinned at that value when the probability underflowed to 0 - a dead, saturated network. The rise is 7.8x (not tenfold) and the value then stays at an exact constant, which the corpus rule calls loss_not_decreasing (as for real/keras_lr_1e4); the event was a divergence, hence top3_ok.",
 "The stored excerpt holds only the report; no answer in it.",
 True, "'loss = 87.3365' at iterations 100, 200, 300 after 11.2306 at iteration 0, lr = 0.01",
 ambiguity="the constant 87.3365 is Caffe's clipped log(0): a divergence at lr 0.01 (exploding_gradients) that left the loss at an effectively infinite, clamped value; by the corpus rule a loss pinned at an exact constant after a less-than-tenfold rise is loss_not_decreasing")
lab("nonfinite_fairseq_wav2vec_min_loss_scale", "amp_loss_scale_collapse",
 "fairseq wav2vec pre-training with --fp16 on one GPU: fp16_optimizer.py clip_grad_norm raises 'FloatingPointError: Minimum loss ... scale reached (0.0001). Your loss is probably exploding.' (the paste runs the message together) - the dynamic loss scale fell to fairseq's floor 1e-4 after overflow upon overflow.",
 "Labelled question, stale; no answer in the stored excerpt.",
 True, "'scale reached (0.0001). Your loss is probably exploding' / 'FloatingPointError: Minimum loss' from fp16_optimizer.py",
 run_settings="--fp16; --max-lr 0.005 with cosine schedule; adam")
lab("nonfinite_fairseq_joint_alignment_min_loss_scale", "amp_loss_scale_collapse",
 "fairseq-train, transformer_wmt_en_de_big_align (joint alignment), lr 0.0002, --clip-norm 0.0, --max-tokens 3500: 'FloatingPointError: Minimum loss scale reached (0.0001). Your loss is probably exploding.' - the fp16 dynamic loss scale reached its floor. Only the one error line is in the stored text.",
 "Labelled question, stale; no answer in the stored excerpt.",
 True, "'FloatingPointError: Minimum loss scale reached (0.0001)'",
 run_settings="--clip-norm 0.0 (no clipping); lr 0.0002, inverse_sqrt, 4000 warmup updates")

# ---------------------------------------------------------------- healthy look-alikes
lab("nonfinite_ok_deepspeed_overflow_65536_once", "healthy",
 "One DeepSpeed line: 'Rank 0 Skipping step. Attempted loss scale: 65536, reducing to 32768' - the first step down from the initial 2**16 scale, to a large value (32768). By the corpus definition of amp_loss_scale_collapse this is dynamic loss scaling working, not a failure; nothing else in the paste is abnormal.",
 "A later commenter asks whether it was solved; no answer in the stored excerpt.",
 True, "'Attempted loss scale: 65536, reducing to 32768': one reduction to a large scale")
lab("nonfinite_ok_petr_clip_grad_nonfinite_warning", "healthy",
 "PETR epoch 1 iteration 9100: loss 17.7481, grad_norm 74.8552; then 'FutureWarning: Non-finite norm encountered in torch.nn.utils.clip_grad_norm_; continuing anyway'; iteration 9150 goes on with finite losses (loss_cls 1.4051, loss_bbox 1.5441, d0 1.41/1.53), about the same as at 9100. One non-finite gradient norm that the run survives, the loss unchanged.",
 "Open; no answer in the stored excerpt. (In sister threads the PETR/StreamPETR maintainers say a nan/inf grad_norm in the logs is common with their fp16 setup and does not affect performance - megvii-research/PETR#105, exiawsh/StreamPETR#8; not this thread.)",
 True, "the non-finite-norm FutureWarning is followed by iteration 9150 with finite losses at the same level")
lab("nonfinite_ok_ppo_single_nan_step_recovers", "healthy",
 "PPO (ChatGLM-Efficient-Tuning): step 1 loss 0.3290, step 2 'loss': nan, steps 3-4 loss 0.2527 and 0.1512 with rewards 1.22 and 10.77. One NaN in the logged PPO statistic, after which the loss is finite again - no NaN reached the weights (otherwise every later loss would be NaN).",
 "Labelled solved; the stored excerpt does not include the answer.",
 True, "'loss': nan at step 2 only; steps 3 and 4 finite (0.2527, 0.1512)")
lab("nonfinite_ok_dfine_total_loss_31_many_terms", "healthy",
 "D-FINE epoch 34/80 summary: total loss 31.4573 (epoch average 31.6999) is the sum of ~40 terms (main, 5 aux, pre, enc, dn heads), each at an ordinary level (loss_vfl 0.65, loss_bbox 0.17, loss_giou 0.54, loss_fgl 0.96, loss_ddf_aux_4 0.0001); the current value is below the epoch average, lr 1.3e-5 late in the schedule. A large-looking, flat total that is a many-term sum, not a gradient explosion.",
 "Open; no answer in the stored excerpt (the poster suspects gradient explosion because the total has stayed near 31 since about epoch 20).",
 True, "every component loss is small and finite; 31.46 < the running 31.70")
lab("nonfinite_ok_mae_pretrain_loss_scale_2e6", "healthy",
 "MAE pre-training, epochs 24-25: loss 0.6856-0.6877 (average 0.6849-0.6851), loss_scale steady at 2097152 (2**21, grown, not falling), grad_norm 0.0918-0.0942 (average 0.0969-0.0971), all finite. The title speaks of an inf grad norm (shown only in a screenshot); the pasted text shows a stable fp16 run.",
 "Closed; no answer in the stored excerpt.",
 True, "loss_scale 2097152 throughout, grad_norm 0.09, loss 0.685 - nothing non-finite in the pasted text")
