from cases1 import case

case(name="paste_fairseq_fconv_healthy_slow_epochs",
 url="https://github.com/facebookresearch/fairseq/issues/301", framework="fairseq",
 expected="healthy", healthy=True,
 log="""| epoch 004 | valid on 'valid' subset  1000 / 1311 loss=3.24
| epoch 004 | valid on 'valid' subset | valid loss 3.69 | valid ppl 12.94
| epoch 005  1000 / 8223 loss=2.17 (3.20), wps=959, wpb=897, bsz=32, lr=0.001, clip=100%, gnorm=2.7374
| epoch 005  2000 / 8223 loss=2.20 (3.14), wps=960, wpb=900, bsz=32, lr=0.001, clip=100%, gnorm=2.7204
| epoch 005  3000 / 8223 loss=3.52 (3.08), wps=960, wpb=899, bsz=32, lr=0.001, clip=100%, gnorm=2.6783
| epoch 005  4000 / 8223 loss=2.20 (3.06), wps=961, wpb=903, bsz=32, lr=0.001, clip=100%, gnorm=2.6938
| epoch 005  5000 / 8223 loss=3.03 (3.03), wps=960, wpb=901, bsz=32, lr=0.001, clip=100%, gnorm=2.6796
| epoch 005  6000 / 8223 loss=2.91 (2.99), wps=960, wpb=902, bsz=32, lr=0.001, clip=100%, gnorm=2.6866
| epoch 005  7000 / 8223 loss=3.03 (2.96), wps=960, wpb=902, bsz=32, lr=0.001, clip=100%, gnorm=2.6826
| epoch 005  8000 / 8223 loss=1.47 (2.93), wps=961, wpb=904, bsz=32, lr=0.001, clip=100%, gnorm=2.6741
| epoch 005 | train loss 2.92 | train ppl 7.59 | s/checkpoint    7748 | words/s    961 | words/batch    906 | bsz    32 | lr 0.001000 | clip 100% | gnorm 2.6727
| epoch 005 | valid on 'valid' subset  1000 / 1311 loss=2.72
| epoch 005 | valid on 'valid' subset | valid loss 3.13 | valid ppl 8.78
| epoch 006  1000 / 8223 loss=1.97 (2.58), wps=966, wpb=923, bsz=32, lr=0.001, clip=100%, gnorm=2.5053
""",
 trimmed="the log's earlier epochs and the question (not in the stored excerpt) and the excerpt's last, cut-off line",
 rationale="running train loss falls 3.20 -> 2.93 over epoch 5 and 2.58 early in epoch 6 (single batches noisy, 1.47-3.52), epoch-5 train ppl 7.59, valid ppl 12.94 (epoch 4) -> 8.78 (epoch 5); gnorm steady 2.5-2.7: a normal, noisy but improving curve; the thread's complaint is speed (title: 'about 1 day to 7 epochs', 961 words/s)",
 thread_diagnosis="poster asks about training speed on the GPU (about a day for 7 epochs); no training fault in the log; no answer in the stored excerpt",
 run_settings="gradient clipping active on every batch (clip=100%), lr 0.001, batch 32")

case(name="paste_mst_maintainer_reference_log_plateau",
 url="https://github.com/caiyuanhao1998/MST/issues/7", framework="pytorch (MST spectral reconstruction)",
 expected="healthy", healthy=True,
 log="""2022-07-20 11:43:44,549 - INFO: ===> Epoch 131: testing psnr = 34.21, ssim = 0.934, time: 0.02
2022-07-20 11:54:51,376 - INFO: ===> Epoch 132 Complete: Avg. Loss: 0.014821 time: 666.83
2022-07-20 11:54:51,890 - INFO: ===> Epoch 132: testing psnr = 34.28, ssim = 0.937, time: 0.02
2022-07-20 12:06:00,966 - INFO: ===> Epoch 133 Complete: Avg. Loss: 0.014929 time: 669.07
2022-07-20 12:06:01,923 - INFO: ===> Epoch 133: testing psnr = 34.33, ssim = 0.938, time: 0.02
2022-07-20 12:17:11,578 - INFO: ===> Epoch 134 Complete: Avg. Loss: 0.014724 time: 669.65
2022-07-20 12:17:12,330 - INFO: ===> Epoch 134: testing psnr = 34.24, ssim = 0.937, time: 0.02
2022-07-20 12:28:10,286 - INFO: ===> Epoch 135 Complete: Avg. Loss: 0.014832 time: 657.95
2022-07-20 12:28:10,728 - INFO: ===> Epoch 135: testing psnr = 34.31, ssim = 0.936, time: 0.02
2022-07-20 12:39:07,954 - INFO: ===> Epoch 136 Complete: Avg. Loss: 0.014876 time: 657.22
2022-07-20 12:39:08,576 - INFO: ===> Epoch 136: testing psnr = 34.21, ssim = 0.936, time: 0.02
2022-07-20 12:50:07,866 - INFO: ===> Epoch 137 Complete: Avg. Loss: 0.014780 time: 659.29
2022-07-20 12:50:08,380 - INFO: ===> Epoch 137: testing psnr = 34.29, ssim = 0.936, time: 0.03
2022-07-20 13:01:06,319 - INFO: ===> Epoch 138 Complete: Avg. Loss: 0.014816 time: 657.94
""",
 trimmed="the rest of the maintainer's log before and after this window (the excerpt's last line is cut and dropped)",
 rationale="the maintainer's own reference run late in training: Avg. Loss 0.0147-0.0149 and testing PSNR 34.21-34.33 / SSIM 0.934-0.938 from epoch 131 to 138: a converged plateau with a stable metric, not a failure",
 thread_diagnosis="maintainer posts their training log on request, as the expected behaviour of the released model's training")

case(name="paste_mrc_ner_lightning_worker_warnings",
 url="https://github.com/ShannonAI/mrc-for-flat-nested-ner/issues/56", framework="lightning (mrc-for-flat-nested-ner)",
 expected="healthy", healthy=True,
 log="""/home/mist/.local/lib/python3.6/site-packages/pytorch_lightning/utilities/distributed.py:37: UserWarning: The dataloader, val dataloader 0, does not have many workers which may be a bottleneck. Consider increasing the value of the `num_workers` argument` (try 96 which is the number of cpus on this machine) in the `DataLoader` init to improve performance.
  warnings.warn(*args, **kwargs)
bert/vocab.txt
/home/mist/.local/lib/python3.6/site-packages/pytorch_lightning/utilities/distributed.py:37: UserWarning: The dataloader, train dataloader, does not have many workers which may be a bottleneck. Consider increasing the value of the `num_workers` argument` (try 96 which is the number of cpus on this machine) in the `DataLoader` init to improve performance.
  warnings.warn(*args, **kwargs)
bert/vocab.txt
Epoch 0:   0%|            | 1/2239 [00:00<17:25,  2.14it/s, loss=0.795, v_num=1]/usr/local/lib/python3.6/dist-packages/torch/optim/lr_scheduler.py:123: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule.
""",
 trimmed="trailing padding spaces after the first 'bert/vocab.txt'; the rest of the last warning after '...learning rate schedule.' (the excerpt cuts it at ' S'); the poster's 'the log looks like this:'",
 rationale="only warnings: Lightning's 'does not have many workers which may be a bottleneck' (a performance hint) and 'Detected call of `lr_scheduler.step()` before `optimizer.step()`' (the first scheduler value is skipped); training runs ('Epoch 0: ... 1/2239 ... loss=0.795'); no error",
 thread_diagnosis="poster asks about the UserWarning 'always presented before epoch 0'; closed; the warnings are performance/ordering notices, training proceeds")

case(name="paste_nnue_lightning_num_workers_warning",
 url="https://github.com/official-stockfish/nnue-pytorch/issues/289", framework="lightning (nnue-pytorch)",
 expected="healthy", healthy=True,
 argv=["python3", "train.py", "./training_data/nodes5000pv2_UHO.binpack", "./training_data/nodes5000pv2_UHO.binpack", "--gpus", "0,", "--threads", "4", "--num-workers", "4", "--batch-size", "16384", "--enable_progress_bar", "--features=HalfKAv2_hm^", "--lambda=1.0", "--max_epochs=400", "--default_root_dir", "./training_data/runs/run_0"],
 log="""Sanity Checking: 0it [00:00, ?it/s]/store/dev/chess/nnue-pytorch/nnue-pytorch/trainer/lib/python3.10/site-packages/pytorch_lightning/trainer/connectors/data_connector.py:224: PossibleUserWarning: The dataloader, val_dataloader 0, does not have many workers which may be a bottleneck. Consider increasing the value of the `num_workers` argument` (try 16 which is the number of cpus on this machine) in the `DataLoader` init to improve performance.
""",
 trimmed="the poster's text ('I'm able to train networks now, but everytime I train something, I get:' and the questions after); the training command is kept in argv",
 rationale="the only output is Lightning's 'PossibleUserWarning: The dataloader, val_dataloader 0, does not have many workers which may be a bottleneck' at sanity checking; the poster says training works ('I'm able to train networks now')",
 thread_diagnosis="maintainer (Sopel97): 'These warnings are because we circumvent the default data loader pa[rameters]' -- expected and harmless")

case(name="paste_tdgcn_midtraining_noisy_top1",
 url="https://github.com/liujf69/TD-GCN-Gesture/issues/3", framework="pytorch (TD-GCN, CTR-GCN-style trainer)",
 expected="healthy", healthy=True,
 log="""[ Tue Nov 14 03:51:38 2023 ] \tTop1: 81.06%
[ Tue Nov 14 03:51:38 2023 ] \tTop5: 97.00%
[ Tue Nov 14 03:51:38 2023 ] Training epoch: 26
[ Tue Nov 14 04:05:14 2023 ] \tMean training loss: 0.5268.  Mean training acc: 83.28%.
[ Tue Nov 14 04:05:14 2023 ] \tTime consumption: [Data]01%, [Network]99%
[ Tue Nov 14 04:05:14 2023 ] \tCurrent lr: 0.100.
[ Tue Nov 14 04:05:14 2023 ] Eval epoch: 26
[ Tue Nov 14 04:08:54 2023 ] \tMean test loss of 258 batches: 0.7928458247766939.
[ Tue Nov 14 04:08:54 2023 ] \tTop1: 76.51%
[ Tue Nov 14 04:08:54 2023 ] \tTop5: 96.06%
[ Tue Nov 14 04:08:54 2023 ] Training epoch: 27
[ Tue Nov 14 04:23:11 2023 ] \tMean training loss: 0.5263.  Mean training acc: 83.38%.
[ Tue Nov 14 04:23:11 2023 ] \tTime consumption: [Data]01%, [Network]99%
[ Tue Nov 14 04:23:11 2023 ] \tCurrent lr: 0.100.
[ Tue Nov 14 04:23:11 2023 ] Eval epoch: 27
[ Tue Nov 14 04:26:51 2023 ] \tMean test loss of 258 batches: 0.7662577916138856.
[ Tue Nov 14 04:26:51 2023 ] \tTop1: 78.24%
[ Tue Nov 14 04:26:51 2023 ] \tTop5: 95.89%
[ Tue Nov 14 04:26:51 2023 ] Training epoch: 28
[ Tue Nov 14 04:40:09 2023 ] \tMean training loss: 0.5204.  Mean training acc: 83.46%.
[ Tue Nov 14 04:40:09 2023 ] \tTime consumption: [Data]01%, [Network]99%
[ Tue Nov 14 04:40:09 2023 ] \tCurrent lr: 0.100.
[ Tue Nov 14 04:40:09 2023 ] Eval epoch: 28
""",
 trimmed="the earlier epochs and the final results (not in the stored excerpt) and the excerpt's last, cut-off line",
 rationale="epochs 26-28 at the initial lr 0.100 (before the step decay): training loss 0.5268 -> 0.5204, training acc 83.28% -> 83.46%, test loss 0.79 / 0.77 and Top1 81.06% -> 76.51% -> 78.24%: test accuracy fluctuates a few points while lr is still high, train/test gap small; nothing failing in this window",
 thread_diagnosis="poster asks why the final accuracy is lower than the paper's; the log window itself is an ordinary mid-training segment before the lr decay",
 run_settings="lr 0.1 (SGD, step schedule not yet applied)")

case(name="paste_fairseq_transformer_warmup_early_epoch",
 url="https://github.com/facebookresearch/fairseq/issues/940", framework="fairseq",
 expected="healthy", healthy=True,
 log="""| epoch 001:    450 / 1891 loss=11.521, nll_loss=10.881, ppl=1886.05, wps=52922, ups=0.5, wpb=104928, bsz=5325, num_updates=445, lr=8.90889e-05, gnorm=1.543, clip=0%, oom=0, loss_scale=2.000, wall=882, train_wall=756
| epoch 001:    500 / 1891 loss=11.346, nll_loss=10.678, ppl=1637.83, wps=53351, ups=0.5, wpb=104872, bsz=5322, num_updates=495, lr=9.90876e-05, gnorm=1.507, clip=0%, oom=0, loss_scale=2.000, wall=973, train_wall=840
| epoch 001:    550 / 1891 loss=11.186, nll_loss=10.492, ppl=1440.01, wps=53627, ups=0.5, wpb=104800, bsz=5311, num_updates=545, lr=0.000109086, gnorm=1.469, clip=0%, oom=0, loss_scale=2.000, wall=1065, train_wall=925
| epoch 001:    600 / 1891 loss=11.039, nll_loss=10.320, ppl=1278.29, wps=53936, ups=0.5, wpb=104812, bsz=5310, num_updates=595, lr=0.000119085, gnorm=1.445, clip=0%, oom=0, loss_scale=2.000, wall=1156, train_wall=1010
| epoch 001 | valid on 'valid' subset | valid_loss 8.11425 | valid_nll_loss 6.8834 | valid_ppl 118.06 | num_updates 600
| epoch 001:    650 / 1891 loss=10.902, nll_loss=10.160, ppl=1144.39, wps=53573, ups=0.5, wpb=104904, bsz=5328, num_updates=645, lr=0.000129084, gnorm=1.419, clip=0%, oom=0, loss_scale=2.000, wall=1263, train_wall=1094
""",
 trimmed="the rest of the poster's log (earlier and later lines not in the stored excerpt) and the excerpt's last, cut-off line",
 rationale="first 650 updates of a large-batch fp16 transformer during lr warm-up (lr 8.9e-05 -> 1.29e-04): loss 11.521 -> 10.902 falling every 50 updates, gnorm 1.54 -> 1.42, no clipping, no overflow messages (loss_scale steady at 2.000), first validation valid_loss 8.114: a slow but ordinary start",
 thread_diagnosis="poster asks 'Is my training routine normal?'; closed; no fault named in the stored excerpt (early warm-up of a large-batch run looks like this)",
 run_settings="fp16 (loss_scale 2.000), warm-up schedule, ~105k tokens per batch")

case(name="paste_fairseq_bt_overflow_warnings_still_learning",
 url="https://github.com/facebookresearch/fairseq/issues/506", framework="fairseq",
 expected="healthy", healthy=True,
 log="""| epoch 022 | loss 3.882 | nll_loss 2.204 | ppl 4.61 | wps 402818 | ups 0.6 | wpb 606079 | bsz 20493 | num_updates 5586 | lr 0.000846213 | gnorm 0.309 | clip 0% | oom 0 | loss_scale 1.000 | wall 8409 | train_wall 8021
| epoch 022 | valid on 'valid' subset | valid_loss 4.28149 | valid_nll_loss 2.54953 | valid_ppl 5.85 | num_updates 5586 | best 4.28149
| WARNING: overflow detected, setting loss scale to: 1.0
| epoch 023 | loss 3.863 | nll_loss 2.183 | ppl 4.54 | wps 400871 | ups 0.6 | wpb 606113 | bsz 20494 | num_updates 5840 | lr 0.000827606 | gnorm 0.312 | clip 0% | oom 0 | loss_scale 1.000 | wall 8803 | train_wall 8399
| epoch 023 | valid on 'valid' subset | valid_loss 4.25514 | valid_nll_loss 2.5294 | valid_ppl 5.77 | num_updates 5840 | best 4.25514
| WARNING: overflow detected, setting loss scale to: 1.0
| epoch 024 | loss 3.845 | nll_loss 2.163 | ppl 4.48 | wps 367033 | ups 0.6 | wpb 606115 | bsz 20480 | num_updates 6094 | lr 0.000810175 | gnorm 0.310 | clip 0% | oom 0 | loss_scale 1.000 | wall 9231 | train_wall 8812
| epoch 024 | valid on 'valid' subset | valid_loss 4.237 | valid_nll_loss 2.50681 | valid_ppl 5.68 | num_updates 6094 | best 4.237
| WARNING: overflow detected, setting loss scale to: 1.0
| WARNING: overflow detected, setting loss scale to: 0.5
""",
 trimmed="the earlier epochs and the poster's text (not in the stored excerpt) and the excerpt's last, cut-off epoch-025 line",
 rationale="one overflow warning per epoch with the scale at 1.0 (once 0.5) while ~250 updates per epoch still go through (num_updates 5586 -> 5840 -> 6094), train loss 3.882 -> 3.863 -> 3.845 and valid_loss 4.281 -> 4.255 -> 4.237 (new best every epoch): occasional skipped steps, learning continues; not a collapsed scale (fairseq's floor is 1e-4 and nearly every step still succeeds)",
 thread_diagnosis="a reproduction of the back-translation EN-DE setup; the poster compares BLEU with the paper; no training fault raised in the stored excerpt",
 run_settings="fp16 with dynamic loss scaling, ~606k tokens per update")
