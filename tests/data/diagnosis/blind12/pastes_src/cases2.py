# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_trlx_ppo_deepspeed_scale_128_falling"] = dict(
 url="https://github.com/CarperAI/trlx/issues/342", framework="deepspeed",
 trimmed="the issue template heading; the stored excerpt of the log ends mid progress bar after step 1045; the rich traceback that follows in the thread (trlx.train -> trainer.learn(), its final error not in the stored excerpts) is left out",
 log=r"""[losses/total_loss: 1.64 | losses/policy_loss: 0.12 | losses/value_loss: 7.62]:  16%|█████████████████                                                                                          | 1024/6400 [1:14:23<1:13:02,  1.23it/s][RANK 0] Collecting rollouts
[rollout 128 / 128]: 100%|████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████| 128/128 [01:31<00:00,  1.40it/s][losses/total_loss: 1.34 | losses/policy_loss: -0.39 | losses/value_loss: 8.65]:  16%|█████████████████▎                                                                                        | 1044/6400 [1:16:09<1:07:04,  1.33it/s][2023-02-28 20:08:24,113] [INFO] [stage_1_and_2.py:1769:step] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 128.0, reducing to 64.0
[losses/total_loss: 4.35 | losses/policy_loss: -0.03 | losses/value_loss: 21.92]:  16%|█████████████████▍                                                                                         | 1045/6400 [1:16:09<53:12,  1.68it/s][2023-02-28 20:08:24,338] [INFO] [stage_1_and_2.py:1769:step] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 64.0, reducing to 32.0
[losses/total_loss: 4.35 | losses/policy_loss: -0.03 | losses/value_loss: 21.92]:  16%|██████
""")

CASES["paste_fairseq_transformer_ppl_drop_at_epoch2"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/378", framework="fairseq",
 trimmed="the poster's question before the log; the numbers 112-115 at line starts are the poster's editor line numbers, kept; the stored excerpt ends mid-line in the first epoch-2 record",
 log=r"""{"epoch": 1, "update": 0.9892654178067776, "loss": "7.227", "nll_loss": "5.981", "ppl": "63.16", "wps": 43621, "ups     ": "1.5", "wpb": 28970, "bsz": 947, "num_updates": 4701, "lr": 0.0009224330820691299, "gnorm": "0.851", "clip": "0%     ", "oom": 0.0, "wall": 3154, "train_wall": 2983}
 112 {"epoch": 1, "update": 0.9997895179962113, "loss": "7.207", "nll_loss": "5.958", "ppl": "62.17", "wps": 43629, "ups     ": "1.5", "wpb": 28968, "bsz": 947, "num_updates": 4751, "lr": 0.0009175663546331154, "gnorm": "0.847", "clip": "0%     ", "oom": 0.0, "wall": 3187, "train_wall": 3014}
 113 {"epoch": 1, "loss": "7.207", "nll_loss": "5.958", "ppl": "62.17", "wps": 43629, "ups": "1.5", "wpb": 28968, "bsz":      947, "num_updates": 4751, "lr": 0.0009175663546331154, "gnorm": "0.847", "clip": "0%", "oom": 0.0, "wall": 3187, "     train_wall": 3014}
 114 {"epoch": 1, "valid_loss": 4.9541451967353405, "valid_nll_loss": 3.3313119157728357, "valid_ppl": "10.07", "num_upd     ates": 4751, "best": 4.9541451967353405}
 115 {"epoch": 2, "update": 1.0105241001894338, "loss": "5.260", "nll_loss": "3.732", "ppl": "13.29", "wps": 44956, "ups     ": "0.9",
""")

CASES["paste_fairseq_wmt14_enfr_reference_clip100"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/233", framework="fairseq",
 trimmed="the maintainer's sentences before the log and the earlier epochs not in the stored excerpt; cut at the last complete line (the excerpt ends mid-line in the epoch-28 record)",
 log=r"""{"epoch": 24, "valid_loss": 3.110669136914194, "valid_nll_loss": 1.3210852246007831, "valid_ppl": "2.50"}
{"epoch": 25, "loss": "3.097", "nll_loss": "1.328", "ppl": "2.51", "wps": 1667443, "ups": "2.7", "wpb": 617156, "bsz": 16626, "num_updates": 53749, "lr": 0.00019096019143386865, "gnorm": "0.194", "clip": "100%", "oom": 0.02612141621239465, "loss_scale": "4.000", "wall": 20721}
{"epoch": 25, "valid_loss": 3.1106161256777836, "valid_nll_loss": 1.319883019809227, "valid_ppl": "2.50"}
{"epoch": 26, "loss": "3.095", "nll_loss": "1.325", "ppl": "2.50", "wps": 1603069, "ups": "2.6", "wpb": 617154, "bsz": 16626, "num_updates": 55899, "lr": 0.0001872518065497763, "gnorm": "0.191", "clip": "100%", "oom": 0.026082756399935597, "loss_scale": "4.000", "wall": 21572}
{"epoch": 26, "valid_loss": 3.106729609782232, "valid_nll_loss": 1.318580078740263, "valid_ppl": "2.49"}
{"epoch": 27, "loss": "3.092", "nll_loss": "1.322", "ppl": "2.50", "wps": 1658188, "ups": "2.7", "wpb": 617153, "bsz": 16625, "num_updates": 58049, "lr": 0.0001837514032631448, "gnorm": "0.188", "clip": "100%", "oom": 0.026288135885200434, "loss_scale": "4.000", "wall": 22395}
{"epoch": 27, "valid_loss": 3.105788957031695, "valid_nll_loss": 1.3183252018612832, "valid_ppl": "2.49"}
""")

CASES["paste_labram_tuab_gradnorm_inf_running_mean"] = dict(
 url="https://github.com/935963004/LaBraM/issues/4", framework="pytorch",
 trimmed="the maintainer's reply text around the log and the earlier iterations not in the stored excerpt; cut at the last complete line (the excerpt ends mid-line at iteration 260)",
 log=r"""Epoch: [0]  [210/582]  eta: 0:01:39  lr: 0.000036  min_lr: 0.000000  loss: 0.5454 (0.6458)  class_acc: 0.7734 (0.6859)  loss_scale: 2048.0000 (21169.1374)  weight_decay: 0.0500 (0.0500)  grad_norm: 10.5632 (inf)  time: 0.1848  data: 0.0001  max mem: 8738
Epoch: [0]  [220/582]  eta: 0:01:35  lr: 0.000038  min_lr: 0.000000  loss: 0.5393 (0.6406)  class_acc: 0.7734 (0.6903)  loss_scale: 2048.0000 (20303.9276)  weight_decay: 0.0500 (0.0500)  grad_norm: 9.9680 (inf)  time: 0.1872  data: 0.0001  max mem: 8738
Epoch: [0]  [230/582]  eta: 0:01:31  lr: 0.000040  min_lr: 0.000000  loss: 0.5355 (0.6367)  class_acc: 0.7578 (0.6928)  loss_scale: 2048.0000 (19513.6277)  weight_decay: 0.0500 (0.0500)  grad_norm: 9.5637 (inf)  time: 0.1885  data: 0.0001  max mem: 8738
Epoch: [0]  [240/582]  eta: 0:01:28  lr: 0.000041  min_lr: 0.000000  loss: 0.5362 (0.6326)  class_acc: 0.7500 (0.6957)  loss_scale: 2048.0000 (18788.9129)  weight_decay: 0.0500 (0.0500)  grad_norm: 10.0704 (inf)  time: 0.1883  data: 0.0001  max mem: 8738
Epoch: [0]  [250/582]  eta: 0:01:24  lr: 0.000043  min_lr: 0.000000  loss: 0.5304 (0.6285)  class_acc: 0.7656 (0.6985)  loss_scale: 2048.0000 (18121.9442)  weight_decay: 0.0500 (0.0500)  grad_norm: 10.0704 (inf)  time: 0.1877  data: 0.0001  max mem: 8738
""")

CASES["paste_classifier_acc_zero_loss_low"] = dict(
 url="https://github.com/prakashjayy/pytorch_classifiers/issues/5", framework="pytorch",
 trimmed="the poster's sentence before the log ('Even after training for many epoch accuracy is remaining 0.'); the progress bars are kept as stored",
 log=r"""Epoch 50/199
----------
100%|███████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████| 3378/3378 [20:02<00:00,  2.81it/s]
train Loss: 0.0236 Acc: 0.0000
100%|█████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████| 230/230 [00:40<00:00,  5.74it/s]
val Loss: 0.0234 Acc: 0.0000
""")

CASES["paste_dexined_bce_input_assert_huge_loss"] = dict(
 url="https://github.com/xavysp/DexiNed/issues/60", framework="pytorch",
 trimmed="the earlier part of the log not in the stored excerpt (it begins at epoch 8, sample 7025); the excerpt ends mid-line in the sixth assertion message, cut there at the last complete line",
 log=r"""Sun Jan 31 00:02:48 2021 Epoch: 8 Sample 7025/7200 Loss: 352734.875
Sun Jan 31 00:02:49 2021 Epoch: 8 Sample 7030/7200 Loss: 278105.09375
Sun Jan 31 00:02:51 2021 Epoch: 8 Sample 7035/7200 Loss: 302418.0
libpng error: bad adaptive filter value
Sun Jan 31 00:02:53 2021 Epoch: 8 Sample 7040/7200 Loss: 293290.03125
Sun Jan 31 00:02:55 2021 Epoch: 8 Sample 7045/7200 Loss: 288517.75
Sun Jan 31 00:02:56 2021 Epoch: 8 Sample 7050/7200 Loss: 316305.53125
C:/cb/pytorch_1000000000000/work/aten/src/ATen/native/cuda/Loss.cu:102: block: [237,0,0], thread: [32,0,0] Assertion `input_val >= zero && input_val <= one` failed.
C:/cb/pytorch_1000000000000/work/aten/src/ATen/native/cuda/Loss.cu:102: block: [237,0,0], thread: [33,0,0] Assertion `input_val >= zero && input_val <= one` failed.
C:/cb/pytorch_1000000000000/work/aten/src/ATen/native/cuda/Loss.cu:102: block: [237,0,0], thread: [34,0,0] Assertion `input_val >= zero && input_val <= one` failed.
C:/cb/pytorch_1000000000000/work/aten/src/ATen/native/cuda/Loss.cu:102: block: [237,0,0], thread: [35,0,0] Assertion `input_val >= zero && input_val <= one` failed.
C:/cb/pytorch_1000000000000/work/aten/src/ATen/native/cuda/Loss.cu:102: block: [237,0,0], thread: [36,0,0] Assertion `input_val >= zero && input_val <= one` failed.
""")

CASES["paste_dataset_distillation_nll_target_assert"] = dict(
 url="https://github.com/ssnl/dataset-distillation/issues/58", framework="pytorch",
 trimmed="the poster's command and config before the log; the stored excerpt ends mid-line in the fourth assertion message, cut at the last complete line",
 log=r"""2022-12-28 16:13:01 [INFO ]  Results saved to ./results/distill_basic/data_custom/arch(LeNet,xavier,1.0)_distillLR0.001_E(400,40,0.5)_lr0.01_B1x10x3_train(unknown_init)/checkpoints/epoch0000/results.pth
2022-12-28 16:13:01 [INFO ]
2022-12-28 16:13:01 [INFO ]  Begin of epoch 0 :
Begin of epoch 0 (1 unknown_init nets):   0%|                                                                                                                                                                          | 0/2 [00:00<?, ?it/s]/opt/conda/conda-bld/pytorch_1616554827596/work/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [0,0,0] Assertion `t >= 0 && t < n_classes` failed.
/opt/conda/conda-bld/pytorch_1616554827596/work/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [1,0,0] Assertion `t >= 0 && t < n_classes` failed.
/opt/conda/conda-bld/pytorch_1616554827596/work/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [3,0,0] Assertion `t >= 0 && t < n_classes` failed.
""")

CASES["paste_teach_motion_train_loss_frozen_constant"] = dict(
 url="https://github.com/atnikos/teach/issues/27", framework="lightning",
 trimmed="the poster's sentences; the '> ' at line starts is the poster's quoting, kept; the first block ends mid-line at epoch 70 in the stored excerpt (kept as stored); epochs 71-111 are not in the stored excerpts; the epoch-112 line comes from the poster's later comment",
 log=r"""> [13/12/22 11:13:56][teach.callback.progress][INFO] -   Epoch 57: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:14:49][teach.callback.progress][INFO] -   Epoch 58: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:15:42][teach.callback.progress][INFO] -   Epoch 59: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:16:35][teach.callback.progress][INFO] -   Epoch 60: Train_rf 4.856e-01   Memory 9.9%
> [13/12/22 11:17:28][teach.callback.progress][INFO] -   Epoch 61: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:18:21][teach.callback.progress][INFO] -   Epoch 62: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:19:14][teach.callback.progress][INFO] -   Epoch 63: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:20:07][teach.callback.progress][INFO] -   Epoch 64: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:21:00][teach.callback.progress][INFO] -   Epoch 65: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:21:53][teach.callback.progress][INFO] -   Epoch 66: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:22:46][teach.callback.progress][INFO] -   Epoch 67: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:23:39][teach.callback.progress][INFO] -   Epoch 68: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:24:32][teach.callback.progress][INFO] -   Epoch 69: Train_rf 4.856e-01   Memory 10.0%
> [13/12/22 11:25:24][teach.callback.progress][INFO] -   Epoch 70: Train_rf 4.856e-01   Memo
> [13/12/22 12:02:48][teach.callback.progress][INFO] -  Epoch 112: Train_rf 4.856e-01   Val_rf 4.784e-01   Memory 11.2%\
""")
