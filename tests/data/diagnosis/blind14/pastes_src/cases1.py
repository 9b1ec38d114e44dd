# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_nanogpt_owt_8gpu_iter_time_healthy"] = dict(
 url="https://github.com/karpathy/nanoGPT/issues/110", framework="nanoGPT",
 argv=["torchrun", "--standalone", "--nproc_per_node=8", "train.py"],
 trimmed="the poster's question before and after the pasted block; the '...' line is the poster's own elision",
 log="""$ torchrun --standalone --nproc_per_node=8 train.py
...
iter 1631: loss 4.0863, time 561.94ms
iter 1632: loss 3.7441, time 563.15ms
iter 1633: loss 3.9848, time 562.11ms
iter 1634: loss 3.8716, time 562.80ms
iter 1635: loss 3.9853, time 561.50ms
iter 1636: loss 3.7735, time 562.73ms
iter 1637: loss 3.8779, time 562.19ms
iter 1638: loss 3.6817, time 562.74ms
iter 1639: loss 3.9185, time 562.66ms
iter 1640: loss 3.6782, time 562.18ms
iter 1641: loss 3.9748, time 567.31ms
""")

CASES["paste_flores_fairseq_convergence_gap_healthy"] = dict(
 url="https://github.com/facebookresearch/flores/issues/7", framework="fairseq",
 trimmed="the commenter's sentence before the block; the stored excerpt ends mid-line in the epoch 084 validation line",
 log="""| epoch 081 | loss 4.713 | nll_loss 2.123 | ppl 4.36 | wps 18438 | ups 0 | wpb 102175.181 | bsz 7820.583 | num_updates 10092 | lr 0.000629566 | gnorm 0.101 | clip 0.000 | oom 0.000 | wall 4473 | train_wall 33290
| epoch 081 | valid on 'valid' subset | loss 6.846 | nll_loss 4.610 | ppl 24.41 | num_updates 10092 | best_loss 6.84088
| epoch 082 | loss 4.711 | nll_loss 2.119 | ppl 4.34 | wps 18465 | ups 0 | wpb 102175.181 | bsz 7820.583 | num_updates 10164 | lr 0.000627332 | gnorm 0.100 | clip 0.000 | oom 0.000 | wall 4875 | train_wall 33677
| epoch 082 | valid on 'valid' subset | loss 6.860 | nll_loss 4.625 | ppl 24.68 | num_updates 10164 | best_loss 6.84088
| epoch 083 | loss 4.710 | nll_loss 2.118 | ppl 4.34 | wps 18286 | ups 0 | wpb 102175.181 | bsz 7820.583 | num_updates 10236 | lr 0.000625122 | gnorm 0.102 | clip 0.000 | oom 0.000 | wall 5282 | train_wall 34068
| epoch 083 | valid on 'valid' subset | loss 6.868 | nll_loss 4.629 | ppl 24.75 | num_updates 10236 | best_loss 6.84088
| epoch 084 | loss 4.704 | nll_loss 2.111 | ppl 4.32 | wps 18453 | ups 0 | wpb 102175.181 | bsz 7820.583 | num_updates 10308 | lr 0.000622935 | gnorm 0.106 | clip 0.000 | oom 0.000 | wall 5684 | train_wall 34454
| epoch 084 | valid on 'valid' subset | loss 6.854 | nll_loss 4.619 | ppl
""")

CASES["paste_msg3d_kinetics_reference_log_healthy"] = dict(
 url="https://github.com/kenziyuliu/MS-G3D/issues/26", framework="pytorch",
 trimmed="two stored excerpts of the maintainer's one pasted training log, joined in order: epochs 18-21 (LR 0.1) and the end of epoch 46 to epoch 49 (LR 0.01); the epochs between were not in the stored excerpts; the second excerpt ends after the epoch 49 Top1 line",
 log="""[ Sun Oct 20 09:00:31 2019 ] Eval epoch: 18
[ Sun Oct 20 09:01:31 2019 ] \tMean test loss of 155 batches: 3.7106573550931867.
[ Sun Oct 20 09:01:31 2019 ] \tTop1: 23.71%
[ Sun Oct 20 09:01:31 2019 ] \tTop5: 45.47%
[ Sun Oct 20 09:01:31 2019 ] Training epoch: 19, LR: 0.1000
[ Sun Oct 20 10:11:46 2019 ] \tMean training loss: 1.6621 (BS 32: 3.3243).
[ Sun Oct 20 10:11:46 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Sun Oct 20 10:11:47 2019 ] Eval epoch: 19
[ Sun Oct 20 10:12:46 2019 ] \tMean test loss of 155 batches: 3.702066341523201.
[ Sun Oct 20 10:12:47 2019 ] \tTop1: 24.47%
[ Sun Oct 20 10:12:47 2019 ] \tTop5: 46.10%
[ Sun Oct 20 10:12:47 2019 ] Training epoch: 20, LR: 0.1000
[ Sun Oct 20 11:22:55 2019 ] \tMean training loss: 1.6578 (BS 32: 3.3157).
[ Sun Oct 20 11:22:55 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Sun Oct 20 11:22:55 2019 ] Eval epoch: 20
[ Sun Oct 20 11:23:55 2019 ] \tMean test loss of 155 batches: 3.797196169822447.
[ Sun Oct 20 11:23:55 2019 ] \tTop1: 23.75%
[ Sun Oct 20 11:23:56 2019 ] \tTop5: 45.55%
[ Sun Oct 20 11:23:56 2019 ] Training epoch: 21, LR: 0.1000
[ Sun Oct 20 12:34:04 2019 ] \tMean training loss: 1.6521 (BS 32: 3.3041).
[ Sun Oct 20 12:34:04 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Sun Oct 20 12:34:04 2019 ] Eval epoch: 21
[ Sun Oct 20 12:35:04 2019 ] \tMean test loss of 155 batches: 3.621506498705956.
[ Mon Oct 21 18:13:02 2019 ] \tMean test loss of 155 batches: 3.167748094374134.
[ Mon Oct 21 18:13:02 2019 ] \tTop1: 33.41%
[ Mon Oct 21 18:13:02 2019 ] \tTop5: 56.42%
[ Mon Oct 21 18:13:02 2019 ] Training epoch: 47, LR: 0.0100
[ Mon Oct 21 19:23:10 2019 ] \tMean training loss: 1.2969 (BS 32: 2.5938).
[ Mon Oct 21 19:23:10 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Mon Oct 21 19:23:10 2019 ] Eval epoch: 47
[ Mon Oct 21 19:24:10 2019 ] \tMean test loss of 155 batches: 3.1002827413620486.
[ Mon Oct 21 19:24:10 2019 ] \tTop1: 34.37%
[ Mon Oct 21 19:24:11 2019 ] \tTop5: 57.31%
[ Mon Oct 21 19:24:11 2019 ] Training epoch: 48, LR: 0.0100
[ Mon Oct 21 20:34:14 2019 ] \tMean training loss: 1.2618 (BS 32: 2.5235).
[ Mon Oct 21 20:34:14 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Mon Oct 21 20:34:14 2019 ] Eval epoch: 48
[ Mon Oct 21 20:35:14 2019 ] \tMean test loss of 155 batches: 3.1134530298171503.
[ Mon Oct 21 20:35:14 2019 ] \tTop1: 34.36%
[ Mon Oct 21 20:35:15 2019 ] \tTop5: 57.29%
[ Mon Oct 21 20:35:15 2019 ] Training epoch: 49, LR: 0.0100
[ Mon Oct 21 21:45:13 2019 ] \tMean training loss: 1.2359 (BS 32: 2.4718).
[ Mon Oct 21 21:45:13 2019 ] \tTime consumption: [Data]00%, [Network]99%
[ Mon Oct 21 21:45:13 2019 ] Eval epoch: 49
[ Mon Oct 21 21:46:13 2019 ] \tMean test loss of 155 batches: 3.094837564037692.
[ Mon Oct 21 21:46:13 2019 ] \tTop1: 34.22%
""")

CASES["paste_neuralrecon_lr_scheduler_order_warning_healthy"] = dict(
 url="https://github.com/zju3dv/NeuralRecon/issues/51", framework="pytorch",
 trimmed="the poster's sentence before the warning and the question after it",
 log="""/usr/wiss/zuox/storage/slurm/zuox/miniconda3/envs/neucon/lib/python3.7/site-packages/torch/optim/lr_scheduler.py:123: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate
  "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate", UserWarning)
""")

CASES["paste_stgcn_mean_loss_nan_top1_25"] = dict(
 url="https://github.com/open-mmlab/mmskeleton/issues/468", framework="pytorch",
 trimmed="nothing before the log (the issue body is the log); the poster's follow-up comment 'why and how' dropped",
 log="""[02.06.24|21:04:38] Training epoch: 0
[02.06.24|21:13:26] \tIter 0 Done. | loss: 1.4058 | lr: 0.010000
[02.06.24|21:13:31] \tmean_loss: nan
[02.06.24|21:13:31] Time consumption:
[02.06.24|21:13:31] Done.
[02.06.24|21:13:31] Training epoch: 1
[02.06.24|21:13:40] \tmean_loss: nan
[02.06.24|21:13:40] Time consumption:
[02.06.24|21:13:40] Done.
[02.06.24|21:13:40] The model has been saved as D:/dataset/2024.2.6_result2/epoch2_model.pt.
[02.06.24|21:13:40] Eval epoch: 1
[02.06.24|21:13:47] \tmean_loss: nan
[02.06.24|21:13:47] \tTop1: 25.00%
[02.06.24|21:13:47] \tTop5: 100.00%
[02.06.24|21:13:47] Done.
[02.06.24|21:13:47] Training epoch: 2
[02.06.24|21:13:56] \tmean_loss: nan
[02.06.24|21:13:56] Time consumption:
[02.06.24|21:13:56] Done.
[02.06.24|21:13:56] Training epoch: 3
[02.06.24|21:14:05] \tmean_loss: nan
[02.06.24|21:14:05] Time consumption:
[02.06.24|21:14:05] Done.
[02.06.24|21:14:05] The model has been saved as D:/dataset/2024.2.6_result2/epoch4_model.pt.
[02.06.24|21:14:05] Eval epoch: 3
[02.06.24|21:14:11] \tmean_loss: nan
[02.06.24|21:14:11] \tTop1: 25.00%
[02.06.24|21:14:11] \tTop5: 100.00%
[02.06.24|21:14:11] Done.
[02.06.24|21:14:11] Training epoch: 4
""")

CASES["paste_megatron_ds_grad_norm_nan_every_iter"] = dict(
 url="https://github.com/bigscience-workshop/Megatron-DeepSpeed/issues/396", framework="megatron-deepspeed",
 trimmed="the stored excerpt starts mid-line ('d norm: nan ...') and ends mid-line at iteration 5429; the title's question dropped",
 log="""d norm: nan | actual seqlen:  2048 | number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 1.886 | TFLOPs: 78.46 |
 iteration     5426/  250000 | consumed samples:        43408 | consumed tokens:     88899584 | elapsed time per iteration (ms): 4247.9 | learning rate: 2.999E-04 | global batch size:     8 | loss scale: 1.0 | grad norm: nan | actual seqlen:  2048 | number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 1.883 | TFLOPs: 78.36 |
 iteration     5427/  250000 | consumed samples:        43416 | consumed tokens:     88915968 | elapsed time per iteration (ms): 4225.8 | learning rate: 2.999E-04 | global batch size:     8 | loss scale: 1.0 | grad norm: nan | actual seqlen:  2048 | number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 1.893 | TFLOPs: 78.77 |
 iteration     5428/  250000 | consumed samples:        43424 | consumed tokens:     88932352 | elapsed time per iteration (ms): 4229.2 | learning rate: 2.999E-04 | global batch size:     8 | loss scale: 1.0 | grad norm: nan | actual seqlen:  2048 | number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 1.892 | TFLOPs: 78.71 |
 iteration     5429/  250000 | consumed samples:
""")
