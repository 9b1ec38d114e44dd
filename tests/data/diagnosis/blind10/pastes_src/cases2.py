CASES = {}

CASES["paste_celltracker_gnn_mat1_mat2"] = dict(
 url="https://github.com/talbenha/cell-tracker-gnn/issues/8", framework="pytorch",
 trimmed="the poster's sentences around the error ('Hello，when running run this error occurred.' / 'Can help me solve this problem？')",
 log="""`RuntimeError: mat1 and mat2 shapes cannot be multiplied (30812x12 and 128x64)`
""")

CASES["paste_anomaly_mil_mat1_mat2_features"] = dict(
 url="https://github.com/ekosman/AnomalyDetectionCVPR2018-Pytorch/issues/230", framework="pytorch",
 trimmed="the poster's prose around the error (pre-computed resnet features, running the anomaly detection training code)",
 log="""RuntimeError: mat1 and mat2 shapes cannot be multiplied (1920x2048 and 4096x512)
""")

CASES["paste_deeplab_xception_device_assert"] = dict(
 url="https://github.com/jfzhang95/pytorch-deeplab-xception/issues/175", framework="pytorch",
 trimmed="nothing in the description (the whole description is this line); the comments after it",
 log="""RuntimeError: CUDA error: device-side assert triggered
""")

CASES["paste_llamafactory_nccl_watchdog_after_steps"] = dict(
 url="https://github.com/hiyouga/LlamaFactory/issues/8261", framework="transformers",
 trimmed="the log before line 1743 (system info, config); the stored excerpt ends mid-line in the first watchdog message",
 log="""1743] {'loss': 3.5534, 'grad_norm': 1.4142135381698608, 'learning_rate': 2.0454545454545457e-06, 'epoch': 0.01}
[1744] 
[1745]   1%|          | 10/1752 [00:29<1:22:01,  2.83s/it]
[1746]   1%|          | 11/1752 [00:31<1:21:50,  2.82s/it]
[1747]   1%|          | 12/1752 [00:34<1:20:50,  2.79s/it]
[1748]   1%|          | 13/1752 [00:37<1:20:49,  2.79s/it]
[1749]   1%|          | 14/1752 [00:39<1:18:17,  2.70s/it]
[1750]   1%|          | 15/1752 [00:42<1:18:30,  2.71s/it]
[1751]   1%|          | 16/1752 [00:45<1:19:17,  2.74s/it]
[1752]   1%|          | 17/1752 [00:48<1:19:22,  2.74s/it]
[1753]   1%|          | 18/1752 [00:51<1:19:26,  2.75s/it]
[1754]   1%|          | 19/1752 [00:54<1:22:59,  2.87s/it]
[1755]   1%|          | 20/1752 [00:57<1:22:40,  2.86s/it]
[1756]                                                    
[1757] {'loss': 0.0, 'grad_norm': 1.4142135381698608, 'learning_rate': 4.3181818181818185e-06, 'epoch': 0.01}
[1758] 
[1759]   1%|          | 20/1752 [00:57<1:22:40,  2.86s/it]
[1760]   1%|          | 21/1752 [00:59<1:21:32,  2.83s/it]
[1761]   1%|▏         | 22/1752 [01:02<1:21:36,  2.83s/it]
[1762]   1%|▏         | 23/1752 [01:05<1:23:14,  2.89s/it]
[1763]   1%|▏         | 24/1752 [01:08<1:22:56,  2.88s/it][rank5]:[E602 11:17:52.185053341 ProcessGroupNCCL.cpp:632] [Rank 5] Watchdog caught collective operati
""")

CASES["paste_chatglm6b_ptuning_half_float"] = dict(
 url="https://github.com/zai-org/ChatGLM-6B/issues/1000", framework="transformers",
 argv=["bash", "ds_train_finetune.sh"],
 trimmed="the issue template headings; kept the poster's sentence naming the error (it quotes the error the traceback ends with) and the traceback head up to where the stored excerpt ends",
 log="""我希望使用ds_train_finetune对chatglm-6b-int4-qe模型进行微调，但报错：RuntimeError: expected scalar type Half but found Float

05/11/2023 13:43:01 - WARNING - transformers_modules.chatglm-6b-int4-qe.modeling_chatglm - `use_cache=True` is incompatible with gradient checkpointing. Setting `use_cache=False`...
╭─────────────────────────────── Traceback (most recent call last) ────────────────────────────────╮
│ /home/ecs-user/chatglm/ChatGLM-6B/ptuning/main.py:431 in <module>                                │
│                                                                                                  │
│   428                                                                                            │
│   429                                                                                            │
│   430 if __name__ == "__main__":                                                                 │
│ ❱ 431 │   main()                                                                                 │
│   432                                                                                            │
""")

# healthy
CASES["paste_demucs_valid_still_improving"] = dict(
 url="https://github.com/facebookresearch/demucs/issues/198", framework="pytorch",
 trimmed="the poster's question before the log; the stored excerpt ends mid-line at epoch 013",
 log="""Epoch 000: train=0.17936380 valid=0.23429446 best=0.2343 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 001: train=0.16199168 valid=0.22592303 best=0.2259 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 002: train=0.15478575 valid=0.21981589 best=0.2198 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 003: train=0.14943420 valid=0.21598954 best=0.2160 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 004: train=0.14530816 valid=0.21383869 best=0.2138 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 005: train=0.14147505 valid=0.21538643 best=0.2138 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 006: train=0.13927522 valid=0.21655120 best=0.2138 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 007: train=0.13661285 valid=0.21057392 best=0.2106 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 008: train=0.13476804 valid=0.21411839 best=0.2106 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 009: train=0.13325076 valid=0.20646511 best=0.2065 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 010: train=0.12992045 valid=0.20981736 best=0.2065 ms=0.00MB cms=0.00MB duration=0.48 hrs
Epoch 011: train=0.13014731 valid=0.21011194 best=0.2065 ms=0.00MB cms=0.00MB duration=0.49 hrs
Epoch 012: train=0.12841646 valid=0.20465061 best=0.2047 ms=0.00MB cms=0.00MB duration=0.49 hrs
""")

CASES["paste_dcrnn_train_mae_wiggle_val_improving"] = dict(
 url="https://github.com/liyaguang/DCRNN/issues/60", framework="pytorch",
 trimmed="the poster's sentence before the log ('When training the model in the 23rd epoch, train loss always starts to rise. like this:')",
 run_settings="lr 0.001 in the log (0.01 in the run name, decayed)",
 log="""2021-04-13 16:24:03,766 - INFO - Epoch [22/100] (8625) train_mae: 1.9640, val_mae: 2.7854 lr:0.001000 362.1s
2021-04-13 16:24:03,798 - INFO - Val loss decrease from 2.7869 to 2.7854, saving to data/model\\dcrnn_DR_2_h_12_64-64_lr_0.01_bs_64_0413104940/models-2.7854-8625
2021-04-13 16:30:05,780 - INFO - Epoch [23/100] (9000) train_mae: 1.9654, val_mae: 2.7894 lr:0.001000 362.0s
2021-04-13 16:36:08,940 - INFO - Epoch [24/100] (9375) train_mae: 1.9693, val_mae: 2.7856 lr:0.001000 363.2s
2021-04-13 16:42:11,874 - INFO - Epoch [25/100] (9750) train_mae: 1.9701, val_mae: 2.7837 lr:0.001000 362.9s
2021-04-13 16:42:11,908 - INFO - Val loss decrease from 2.7854 to 2.7837, saving to data/model\\dcrnn_DR_2_h_12_64-64_lr_0.01_bs_64_0413104940/models-2.7837-9750
""")

CASES["paste_simpletransformers_running_loss_noise"] = dict(
 url="https://github.com/ThilinaRajapakse/simpletransformers/issues/12", framework="transformers",
 trimmed="the poster's question before the log; the stored excerpt ends mid-line at iteration 1333",
 log="""Current iteration:  70%|███████   | 1321/1875 [09:50<04:06,  2.25it/s]Running loss: 0.496334
Current iteration:  71%|███████   | 1322/1875 [09:51<04:06,  2.24it/s]Running loss: 0.607332
Current iteration:  71%|███████   | 1323/1875 [09:51<04:06,  2.24it/s]Running loss: 0.981335
Current iteration:  71%|███████   | 1324/1875 [09:52<04:05,  2.24it/s]Running loss: 0.564045
Current iteration:  71%|███████   | 1325/1875 [09:52<04:06,  2.23it/s]Running loss: 0.813926
Current iteration:  71%|███████   | 1326/1875 [09:53<04:05,  2.24it/s]Running loss: 0.495253
Current iteration:  71%|███████   | 1327/1875 [09:53<04:04,  2.24it/s]Running loss: 0.877046
Current iteration:  71%|███████   | 1328/1875 [09:54<04:04,  2.23it/s]Running loss: 0.935980
Current iteration:  71%|███████   | 1329/1875 [09:54<04:03,  2.24it/s]Running loss: 1.029763
Current iteration:  71%|███████   | 1330/1875 [09:54<04:03,  2.24it/s]Running loss: 0.401378
Current iteration:  71%|███████   | 1331/1875 [09:55<04:02,  2.25it/s]Running loss: 0.995074
Current iteration:  71%|███████   | 1332/1875 [09:55<04:01,  2.25it/s]Running loss: 1.740216
""")

CASES["paste_icefall_ddp_reducer_buckets_info"] = dict(
 url="https://github.com/k2-fsa/icefall/pull/63", framework="pytorch",
 trimmed="the PR description before the log; the stored excerpt ends mid-line at batch 10 of rank 4",
 log="""2021-09-30 01:06:45,761 INFO [train.py:542] (5/6) Epoch 0, batch 0, batch avg ctc loss 5.2337, batch avg att loss 1.3110, batch avg loss 2.4878, total
 avg ctc loss: 5.2337, total avg att loss: 1.3110, total avg loss: 2.4878, batch size: 14
2021-09-30 01:06:45,766 INFO [train.py:542] (3/6) Epoch 0, batch 0, batch avg ctc loss 5.1945, batch avg att loss 1.2462, batch avg loss 2.4307, total
 avg ctc loss: 5.1945, total avg att loss: 1.2462, total avg loss: 2.4307, batch size: 14
2021-09-30 01:06:45,768 INFO [train.py:542] (4/6) Epoch 0, batch 0, batch avg ctc loss 5.1791, batch avg att loss 1.1169, batch avg loss 2.3356, total
 avg ctc loss: 5.1791, total avg att loss: 1.1169, total avg loss: 2.3356, batch size: 14
2021-09-30 01:06:45,775 INFO [distributed.py:607] (3/6) Reducer buckets have been rebuilt in this iteration.
2021-09-30 01:06:45,788 INFO [distributed.py:607] (4/6) Reducer buckets have been rebuilt in this iteration.
2021-09-30 01:06:45,800 INFO [distributed.py:607] (5/6) Reducer buckets have been rebuilt in this iteration.
2021-09-30 01:15:43,324 INFO [train.py:542] (5/6) Epoch 0, batch 10, batch avg ctc loss 5.1695, batch avg att loss 1.2584, batch avg loss 2.4317, tota
l avg ctc loss: 5.2067, total avg att loss: 1.1878, total avg loss: 2.3935, batch size: 18
""")

CASES["paste_intel_ext_kldiv_userwarning"] = dict(
 url="https://github.com/intel/intel-extension-for-transformers/pull/152", framework="transformers",
 trimmed="the PR text before the log; the stored excerpt ends inside the third warning",
 log="""/DataDisk_4/samanway/cat/lib/python3.9/site-packages/torch/nn/functional.py:2916: UserWarning: reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.
warnings.warn(
{'loss': 0.2311, 'learning_rate': 2.5e-05, 'epoch': 1.5}
50%|██████████████████████████████████████████████ | 3000/6000 [12:05<12:16, 4.07it/s]2023-08-11 13:04:19 [INFO] Saving model checkpoint to ./output/checkpoint-3000
/DataDisk_4/samanway/cat/lib/python3.9/site-packages/torch/nn/functional.py:2916: UserWarning: reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.
warnings.warn(
{'loss': 0.2301, 'learning_rate': 2.0833333333333336e-05, 'epoch': 1.75}
58%|█████████████████████████████████████████████████████▋ | 3500/6000 [14:05<10:11, 4.09it/s]2023-08-11 13:06:19 [INFO] Saving model checkpoint to ./output/checkpoint-3500
""")

CASES["paste_fairseq_transformer_epochs_8_10"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/514", framework="fairseq",
 trimmed="the poster's text about generation quality before the log; the stored excerpt ends mid-line inside epoch 010",
 log="""| epoch 008 | loss 6.326 | nll_loss 5.193 | ppl 36.58 | wps 12876 | ups 4.9 | wpb 2578 | bsz 108 | num_updates 21896 | lr 0.000213706 | gnorm 1.201 | clip 0% | oom 0 | wall 4634 | train_wall 4309
| epoch 008 | valid on 'valid' subset | valid_loss 6.43844 | valid_nll_loss 5.23288 | valid_ppl 37.61 | num_updates 21896 | best 6.43844
| epoch 009:   1000 / 2737 loss=6.220, nll_loss=5.070, ppl=33.60, wps=12800, ups=4.7, wpb=2568, bsz=108, num_updates=22897, lr=0.000208983, gnorm=1.242, clip=0%, oom=0, wall=4847, train_wall=4501
| epoch 009:   2000 / 2737 loss=6.234, nll_loss=5.086, ppl=33.96, wps=12811, ups=4.8, wpb=2571, bsz=108, num_updates=23897, lr=0.000204564, gnorm=1.242, clip=0%, oom=0, wall=5048, train_wall=4693
| epoch 009 | loss 6.233 | nll_loss 5.085 | ppl 33.94 | wps 12857 | ups 4.9 | wpb 2578 | bsz 108 | num_updates 24633 | lr 0.000201484 | gnorm 1.241 | clip 0% | oom 0 | wall 5195 | train_wall 4834
| epoch 009 | valid on 'valid' subset | valid_loss 6.37204 | valid_nll_loss 5.14732 | valid_ppl 35.44 | num_updates 24633 | best 6.37204
| epoch 010:   1000 / 2737 loss=6.144, nll_loss=4.982, ppl=31.61, wps=12673, ups=4.7, wpb=2534, bsz=106, num_updates=25634, lr=0.000197511, gnorm=1.279, clip=0%, oom=0, wall=5408, train_wall=5026
""")
