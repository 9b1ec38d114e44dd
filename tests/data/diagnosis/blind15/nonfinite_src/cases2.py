# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["nonfinite_wav2letter_loss_is_nan_sigabrt"] = dict(
 url="https://github.com/flashlight/wav2letter/issues/237", framework="wav2letter",
 trimmed="the poster's sentences ('I experiencing problem with crash on training with full LibriSpeech set that have fingerprint like provided below together with error rate explosion.' and 'Error rate is getting out of sane bounds before:') between and around the two pasted blocks; the stored excerpt ends mid-line in the epoch-1 line of the second block",
 log="""terminate called after throwing an instance of 'std::runtime_error'
terminate called after throwing an instance of 'std::runtime_error'
terminate called after throwing an instance of 'std::runtime_error'
  what():  Loss is NaN value
  what():  Loss is NaN value
  what():  Loss is NaN value
terminate called after throwing an instance of 'std::runtime_error'
  what():  Loss is NaN value
*** Aborted at 1552556820 (unix time) try "date -d @1552556820" if you are using GNU date ***
*** Aborted at 1552556820 (unix time) try "date -d @1552556820" if you are using GNU date ***
PC: @     0x7f22b1648428 gsignal
*** SIGABRT (@0xa) received by PID 10 (TID 0x7f230dd6b780) from PID 10; stack trace: ***
PC: @     0x7f4655809428 gsignal
*** SIGABRT (@0x8) received by PID 8 (TID 0x7f46b1f2c780) from PID 8; stack trace: ***
*** Aborted at 1552556820 (unix time) try "date -d @1552556820" if you are using GNU date ***
PC: @     0x7f3c3713c428 gsignal

...
I0314 00:23:51.337224     8 Train.cpp:279] epoch:        1 | lr: 0.100000 | lrcriterion: 0.001000 | runtime: 00:01:48 | bch(ms): 3383.80 | smp(ms): 0.47 | fwd(ms): 836.97 | crit-fwd(ms)""")

CASES["nonfinite_dfine_seg_loss_1e37_nonfinite_skips"] = dict(
 url="https://github.com/ArgoHA/D-FINE-seg/issues/64", framework="pytorch",
 trimmed="the poster's prose; two parts of the same paste as two stored excerpts returned them: epoch 227 batches 0-9, then batches 115-122; the lines between (batches 10-114) are not in the stored text, and each part ends mid-line ('Skipping')",
 log=r"""Epoch 227/300:   0%|                                                                                                                                                                                    | 0/191 [00:00<?, ?batch/s]2026-06-06 17:51:35.886 | WARNING  | __main__:train:669 - Skipping batch at iter 43167 (epoch 227, batch 0): non-finite loss
C:\Users\wangl\.conda\envs\d-fine-seg\Lib\site-packages\numpy\_core\fromnumeric.py:3904: RuntimeWarning: Mean of empty slice.
  return _methods._mean(a, axis=axis, dtype=dtype,
C:\Users\wangl\.conda\envs\d-fine-seg\Lib\site-packages\numpy\_core\_methods.py:147: RuntimeWarning: invalid value encountered in scalar divide
  ret = ret.dtype.type(ret / rcount)
Epoch 227/300:   4%|█████▊                                                                                                                                      | 8/191 [00:03<01:05,  2.81batch/s, eta=02:47, loss=74.8, vram=41%]2026-06-06 17:51:38.459 | WARNING  | __main__:train:669 - Skipping batch at iter 43175 (epoch 227, batch 8): non-finite loss
Epoch 227/300:   5%|██████▌                                                                                                                                     | 9/191 [00:03<00:56,  3.24batch/s, eta=02:47, loss=74.8, vram=41%]2026-06-06 17:51:38.680 | WARNING  | __main__:train:669 - Skipping
Epoch 227/300:  60%|████████████████████████████████████████████████████████████████████████████████▋                                                     | 115/191 [00:35<00:22,  3.34batch/s, eta=02:46, loss=1.62e+37, vram=41%]2026-06-06 17:52:10.820 | WARNING  | __main__:train:669 - Skipping batch at iter 43282 (epoch 227, batch 115): non-finite loss
Epoch 227/300:  63%|████████████████████████████████████████████████████████████████████████████████████▏                                                 | 120/191 [00:37<00:24,  2.95batch/s, eta=02:46, loss=1.55e+37, vram=41%]2026-06-06 17:52:12.403 | WARNING  | __main__:train:669 - Skipping batch at iter 43287 (epoch 227, batch 120): non-finite loss
Epoch 227/300:  63%|████████████████████████████████████████████████████████████████████████████████████▉                                                 | 121/191 [00:37<00:20,  3.38batch/s, eta=02:46, loss=1.55e+37, vram=41%]2026-06-06 17:52:12.591 | WARNING  | __main__:train:669 - Skipping batch at iter 43288 (epoch 227, batch 121): non-finite loss
Epoch 227/300:  64%|█████████████████████████████████████████████████████████████████████████████████████▌                                                | 122/191 [00:37<00:18,  3.74batch/s, eta=02:46, loss=1.55e+37, vram=41%]2026-06-06 17:52:12.850 | WARNING  | __main__:train:669 - Skipping""")

CASES["nonfinite_bigdl_loss_is_infinity_iter45459"] = dict(
 url="https://github.com/intel/ipex-llm/issues/1486", framework="bigdl",
 trimmed="a maintainer's (nwang2) paste from the poster's log, not the opening post; his sentence before it ('After going through the whole log, we see the training did converge until iteration 45459 where the loss became infinity:'); the stored excerpt ends mid-line at iteration 45460",
 log="""2017-08-20 16:11:38 INFO  DistriOptimizer$:295 - [Epoch 64 736512/1281167][Iteration 45457][Wall Clock 197331.83477254s] Train 1792 in 4.387814632seconds. Throughput is 408.40378 records/second. Loss is 1.2645824. Current learning rate is 0.04628416419774555. Current weight decay is 1.0E-4. Current momentum is 0.9.
2017-08-20 16:11:42 INFO  DistriOptimizer$:295 - [Epoch 64 738304/1281167][Iteration 45458][Wall Clock 197336.222587172s] Train 1792 in 4.494659207seconds. Throughput is 398.6954 records/second. Loss is 1.308916. Current learning rate is 0.046282765356364115. Current weight decay is 1.0E-4. Current momentum is 0.9.
2017-08-20 16:11:46 INFO  DistriOptimizer$:295 - [Epoch 64 740096/1281167][Iteration 45459][Wall Clock 197340.717246379s] Train 1792 in 4.006890034seconds. Throughput is 447.22968 records/second. Loss is Infinity. Current learning rate is 0.046281366472703075. Current weight decay is 1.0E-4. Current momentum is 0.9.
2017-08-20 16:11:51 INFO  DistriOptimizer$:295 - [Epoch 64 741888/1281167][Iteration 45460][Wall Clock 197344.724136413s] Train 1792 in 4.253184791seconds. Throughput is 421.33133 records/second. Loss is 1.2483193. Current learning rate is 0.04627996754675863. Current weight decay is 1.0E-4. Current momentum""")

CASES["nonfinite_caffe_googlenet_loss_87_3365"] = dict(
 url="https://github.com/BVLC/caffe/issues/6047", framework="caffe",
 trimmed="the poster's sentence before the log (base_lr = 0.01 in solver.prototxt; the training loss suddenly goes up to 87.3365 and never comes down); the stored excerpt ends mid-line at iteration 300",
 log="""I1112 02:23:49.529306 172471 caffe.cpp:248] Starting Optimization
I1112 02:23:49.529321 172471 solver.cpp:272] Solving GoogleNet
I1112 02:23:49.529326 172471 solver.cpp:273] Learning Rate Policy: step
I1112 02:23:49.533668 172471 solver.cpp:330] Iteration 0, Testing net (#0)
I1112 02:24:43.198619 172478 data_layer.cpp:73] Restarting data prefetching from start.
I1112 02:25:29.000083 172471 solver.cpp:397]     Test net output #0: loss1/top-1 = 0.293104
I1112 02:25:29.315837 172471 solver.cpp:218] Iteration 0 (-1.4013e-45 iter/s, 99.7842s/100 iters), loss = 11.2306
I1112 02:25:29.315917 172471 sgd_solver.cpp:105] Iteration 0, lr = 0.01
I1112 02:26:01.957139 172471 solver.cpp:218] Iteration 100 (3.06368 iter/s, 32.6405s/100 iters), loss = 87.3365
I1112 02:26:01.957279 172471 sgd_solver.cpp:105] Iteration 100, lr = 0.01
I1112 02:26:34.587430 172471 solver.cpp:218] Iteration 200 (3.06472 iter/s, 32.6294s/100 iters), loss = 87.3365
I1112 02:26:34.587604 172471 sgd_solver.cpp:105] Iteration 200, lr = 0.01
I1112 02:27:07.223541 172471 solver.cpp:218] Iteration 300 (3.06418 iter/s, 32.6352s/100 iters), loss = 87.3365
I1112 02:27:07.223726 172471 sgd_solver.cpp:105] I""")

CASES["nonfinite_fairseq_wav2vec_min_loss_scale"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/1215", framework="fairseq",
 argv=["python", "train.py", "/manifest/path", "--save-dir", "/model/path", "--num-workers", "6", "--fp16",
       "--max-update", "400000", "--save-interval", "1", "--no-epoch-checkpoints", "--arch", "wav2vec",
       "--task", "audio_pretraining", "--lr", "1e-06", "--min-lr", "1e-09", "--optimizer", "adam",
       "--max-lr", "0.005", "--lr-scheduler", "cosine"],
 trimmed="the poster's prose (1000 h speech corpus, training ran for hardly 3 epochs, single GPU, wav2vec pre-training with the README's command); the error is pasted inside the prose, its lines run together as the poster pasted them. argv is the poster's command up to '--lr-scheduler cosine'; the rest (--conv-feature-layers/--conv-aggregator-layers specs and what follows) is left out, and the stored excerpt cuts it",
 log="""File "/home/sumegha/fairseq/fairseq/optim/fp16_optimizer.py", line 189, in clip_grad_norm
    ).format(self.args. scale reached (0.0001). Your loss is probably exploding. Try lowering the learning rate, using gradient clipping or increasing the batch size.min_loss_scale))
FloatingPointError: Minimum loss.
""")

CASES["nonfinite_fairseq_joint_alignment_min_loss_scale"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/3185", framework="fairseq",
 argv=["fairseq-train", "/content/drive/MyDrive/WordAlign/EN-DE/binarized", "--arch", "transformer_wmt_en_de_big_align",
       "--share-all-embeddings", "--optimizer", "adam", "--adam-betas", "(0.9, 0.98)", "--clip-norm", "0.0",
       "--activation-fn", "relu", "--lr", "0.0002", "--lr-scheduler", "inverse_sqrt", "--warmup-updates", "4000",
       "--warmup-init-lr", "1e-07", "--dropout", "0.3", "--attention-dropout", "0.1", "--weight-decay", "0.0",
       "--max-tokens", "3500", "--label-smoothing", "0.1", "--save-dir", "./checkpoints"],
 trimmed="the poster's prose (reproducing Garg et al. 2019 joint alignment, steps 1-3 fine, step 4 fails; full cell output attached as train_error.txt, not in the stored text); the paste is the one quoted error line. argv is the poster's Colab command ('!fairseq-train ...') up to '--save-dir ./checkpoints'; the stored excerpt cuts the rest ('--log-in...'), so whether --fp16 is on the command line is not visible",
 log="""> FloatingPointError: Minimum loss scale reached (0.0001). Your loss is probably exploding. Try lowering the learning rate, using gradient clipping or increasing the batch size.
""")

# ---------------------------------------------------------------- healthy look-alikes
CASES["nonfinite_ok_deepspeed_overflow_65536_once"] = dict(
 url="https://github.com/lich99/ChatGLM-finetune-LoRA/issues/30", framework="deepspeed",
 trimmed="the poster's question before the line ('during training, frequent suspected gradient-overflow warnings - what is the cause and fix?', in Chinese); the paste is this one line",
 log="""Rank 0 Skipping step. Attempted loss scale: 65536, reducing to 32768
""")

CASES["nonfinite_ok_petr_clip_grad_nonfinite_warning"] = dict(
 url="https://github.com/megvii-research/PETR/issues/175", framework="mmdetection",
 trimmed="the poster's greeting and setup sentence (PETR-vov-p4-1600x640, one RTX 6000 Ada 48 GB, 7.5 GB peak); the stored excerpt ends mid-line in the iteration-9150 line",
 log="""2026-04-01 16:18:01,524 - mmdet - INFO - Epoch [1][9100/28130]\tlr: 2.000e-04, eta: 4 days, 13:15:14, time: 0.586, data_time: 0.011, memory: 7496, loss_cls: 1.5314, loss_bbox: 1.4246, d0.loss_cls: 1.5302, d0.loss_bbox: 1.4339, d1.loss_cls: 1.5307, d1.loss_bbox: 1.4190, d2.loss_cls: 1.5305, d2.loss_bbox: 1.4277, d3.loss_cls: 1.5316, d3.loss_bbox: 1.4359, d4.loss_cls: 1.5296, d4.loss_bbox: 1.4229, loss: 17.7481, grad_norm: 74.8552
/home/shrey/Documents/naveeen_amrita/my_env/lib/python3.8/site-packages/mmcv/runner/hooks/optimizer.py:31: FutureWarning: Non-finite norm encountered in torch.nn.utils.clip_grad_norm_; continuing anyway. Note that the default behavior will change in a future release to error out if a non-finite total norm is encountered. At that point, setting error_if_nonfinite=false will be required to retain the old behavior.
  return clip_grad.clip_grad_norm_(params, **self.grad_clip)
2026-04-01 16:18:30,110 - mmdet - INFO - Epoch [1][9150/28130]\tlr: 2.000e-04, eta: 4 days, 13:13:36, time: 0.572, data_time: 0.011, memory: 7496, loss_cls: 1.4051, loss_bbox: 1.5441, d0.loss_cls: 1.4125, d0.loss_bbox: 1.5319, d1.loss""")

CASES["nonfinite_ok_ppo_single_nan_step_recovers"] = dict(
 url="https://github.com/hiyouga/ChatGLM-Efficient-Tuning/issues/49", framework="transformers",
 trimmed="the poster's sentences before the log ('I am using your example to train ppo, while the logging show some loss = nan, I am curious about that if it is rational?' / 'some plots:'); the progress-bar padding is as stored; the stored excerpt ends after step 3's bar",
 log="""{'loss': 0.3290, 'reward': -2.0304, 'learning_rate': 5e-05}
  0%|                                                                                                                                                                                                                                                                     | 1/13000 [00:10<36:34:36, 10.13s/it]{'loss': nan, 'reward': 5.7646, 'learning_rate': 5e-05}
  0%|                                                                                                                                                                                                                                                                     | 2/13000 [00:28<54:33:11, 15.11s/it{'loss': 0.2527, 'reward': 1.2237, 'learning_rate': 5e-05}
  0%|                                                                                                                                                                                                                                                                     | 3/13000 [00:39<47:01:51, 13.03s/it]{'loss': 0.1512, 'reward': 10.7681, 'learning_rate': 5e-05}
  0%|""")

CASES["nonfinite_ok_dfine_total_loss_31_many_terms"] = dict(
 url="https://github.com/Peterande/D-FINE/issues/334", framework="pytorch",
 trimmed="the poster's prose before the log (title 'suspected gradient explosion'; single GPU, batch size 16, loss has stayed this large since about epoch 20, in Chinese); the stored excerpt ends inside the Averaged stats line after loss_bbox_dn_0",
 log="""Epoch: [34/80] Total time: 1:01:24 (0.4984 s / it)
Averaged stats: lr: 0.000013  loss: 31.4573 (31.6999)  loss_vfl: 0.6523 (0.6711)  loss_bbox: 0.1718 (0.1814)  loss_giou: 0.5420 (0.5580)  loss_fgl: 0.9576 (0.9586)  loss_vfl_aux_0: 0.6924 (0.7414)  loss_bbox_aux_0: 0.1809 (0.1943)  loss_giou_aux_0: 0.5732 (0.5833)  loss_fgl_aux_0: 0.9859 (0.9925)  loss_ddf_aux_0: 0.0465 (0.0524)  loss_vfl_aux_1: 0.6758 (0.7233)  loss_bbox_aux_1: 0.1727 (0.1843)  loss_giou_aux_1: 0.5473 (0.5635)  loss_fgl_aux_1: 0.9565 (0.9616)  loss_ddf_aux_1: 0.0063 (0.0074)  loss_vfl_aux_2: 0.6636 (0.7034)  loss_bbox_aux_2: 0.1720 (0.1819)  loss_giou_aux_2: 0.5437 (0.5587)  loss_fgl_aux_2: 0.9569 (0.9588)  loss_ddf_aux_2: 0.0011 (0.0012)  loss_vfl_aux_3: 0.6641 (0.6820)  loss_bbox_aux_3: 0.1719 (0.1815)  loss_giou_aux_3: 0.5429 (0.5580)  loss_fgl_aux_3: 0.9577 (0.9587)  loss_ddf_aux_3: 0.0002 (0.0002)  loss_vfl_aux_4: 0.6494 (0.6732)  loss_bbox_aux_4: 0.1718 (0.1814)  loss_giou_aux_4: 0.5420 (0.5580)  loss_fgl_aux_4: 0.9576 (0.9586)  loss_ddf_aux_4: 0.0001 (0.0001)  loss_vfl_pre: 0.6992 (0.7439)  loss_bbox_pre: 0.1814 (0.1945)  loss_giou_pre: 0.5710 (0.5819)  loss_vfl_enc_0: 0.7163 (0.7446)  loss_bbox_enc_0: 0.2078 (0.2262)  loss_giou_enc_0: 0.6412 (0.6537)  loss_vfl_dn_0: 0.4922 (0.4909)  loss_bbox_dn_0: 0.2619 (0.2536)""")

CASES["nonfinite_ok_mae_pretrain_loss_scale_2e6"] = dict(
 url="https://github.com/pengzhiliang/MAE-pytorch/issues/49", framework="pytorch",
 trimmed="the poster's screenshot link and 'On two gpus.' before the paste and the inline-code backticks; the stored excerpt ends mid-line at epoch 25 step 10",
 log="""Epoch: [24]  [1230/1251]  eta: 0:00:06  lr: 0.000375  min_lr: 0.000375  loss: 0.6870 (0.6848)  loss_scale: 2097152.0000 (2046895.3111)  weight_decay: 0.0500 (0.0500)  grad_norm: 0.0929 (0.0969)  time: 0.3023  data: 0.0010  max mem: 8361
Epoch: [24]  [1240/1251]  eta: 0:00:03  lr: 0.000375  min_lr: 0.000375  loss: 0.6877 (0.6848)  loss_scale: 2097152.0000 (2047300.2804)  weight_decay: 0.0500 (0.0500)  grad_norm: 0.0942 (0.0971)  time: 0.2731  data: 0.0018  max mem: 8361
Epoch: [24]  [1250/1251]  eta: 0:00:00  lr: 0.000375  min_lr: 0.000375  loss: 0.6856 (0.6849)  loss_scale: 2097152.0000 (2047698.7754)  weight_decay: 0.0500 (0.0500)  grad_norm: 0.0942 (0.0971)  time: 0.2560  data: 0.0012  max mem: 8361
Epoch: [24] Total time: 0:06:23 (0.3067 s / it)
Averaged stats: lr: 0.000375  min_lr: 0.000375  loss: 0.6856 (0.6851)  loss_scale: 2097152.0000 (2047698.7754)  weight_decay: 0.0500 (0.0500)  grad_norm: 0.0942 (0.0971)
Epoch: [25]  [   0/1251]  eta: 1:25:25  lr: 0.000375  min_lr: 0.000375  loss: 0.6770 (0.6770)  loss_scale: 2097152.0000 (2097152.0000)  weight_decay: 0.0500 (0.0500)  grad_norm: 0.0918 (0.0918)  time: 4.0974  data: 3.7792  max mem: 8361
Epoch: [25]  [  10/1251]  eta: 0:13:50  lr: 0.000375  min_lr: 0.000375  loss: 0.6854 (0.""")
