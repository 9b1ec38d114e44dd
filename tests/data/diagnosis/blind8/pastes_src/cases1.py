# Pasted logs, copied verbatim from the `search` tool's issues-index excerpts (only cut, never rewritten).
CASES = []
def case(**kw):
    CASES.append(kw)

case(name="paste_eegaad_overfit_valacc_chance",
 url="https://github.com/fchest/EEG-AAD/issues/1", framework="pytorch (research repo EEG-AAD)",
 expected="overfitting",
 log="""TestSub: S[1, 2, 3, 6] Epoch  1 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.4826 | Valid Loss 1.3670 | Train Acc 74.9456| Valid Acc 52.7134
Validation acc increase (0.000000 --> 52.713415) in epoch (1).  Saving model ...
TestSub: S[1, 2, 3, 6] Epoch  2 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.3215 | Valid Loss 1.7187 | Train Acc 85.5510| Valid Acc 51.1395
TestSub: S[1, 2, 3, 6] Epoch  3 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.2501 | Valid Loss 1.9813 | Train Acc 89.3870| Valid Acc 53.0145
Validation acc increase (52.713415 --> 53.014482) in epoch (3).  Saving model ...
TestSub: S[1, 2, 3, 6] Epoch  4 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.1943 | Valid Loss 2.1985 | Train Acc 92.0331| Valid Acc 51.1014
TestSub: S[1, 2, 3, 6] Epoch  5 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.1545 | Valid Loss 2.3306 | Train Acc 93.8015| Valid Acc 51.3720
TestSub: S[1, 2, 3, 6] Epoch  6 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.1257 | Valid Loss 2.5236 | Train Acc 95.1195| Valid Acc 50.9375
TestSub: S[1, 2, 3, 6] Epoch  7 Finsh | Now_lr 0.0005/0.0005|Train Loss 0.1081 | Valid Loss 2.6030 | Train Acc 95.8446| Valid Acc 51.8102
""",
 trimmed="the poster's question before the log ('At present, only task 1 has been run ... extremely serious overfitting') and the epoch-8 line, which the stored excerpt cuts off mid-line",
 rationale="train loss 0.4826 -> 0.1081 and train acc 74.9 -> 95.8 over epochs 1-7 while valid loss rises every epoch 1.3670 -> 2.6030 and valid acc stays at 50.9-53.0 (chance for this two-way task): a widening train/validation gap from epoch 1",
 thread_diagnosis="poster: 'extremely serious overfitting' with the unmodified baseline; issue closed, no maintainer answer in the stored excerpt",
 run_settings="lr 0.0005 (Now_lr 0.0005/0.0005)")

case(name="paste_nanogpt_xl_finetune_val_rises",
 url="https://github.com/karpathy/nanoGPT/issues/97", framework="pytorch (nanoGPT)",
 expected="overfitting",
 log="""iter 791: loss 1.2052, time 745.63ms
iter 792: loss 1.1750, time 745.47ms
iter 793: loss 1.0942, time 745.50ms
iter 794: loss 1.9608, time 745.64ms
iter 795: loss 0.6159, time 745.74ms
iter 796: loss 0.9267, time 745.76ms
iter 797: loss 2.4209, time 745.26ms
iter 798: loss 1.0178, time 746.26ms
iter 799: loss 0.6466, time 745.67ms
step 800: train loss 0.9795, val loss 3.7535
saving checkpoint to out-shakespeare
...
iter 997: loss 1.1173, time 747.40ms
iter 998: loss 0.2788, time 745.33ms
iter 999: loss 0.3390, time 745.36ms
step 1000: train loss 0.6703, val loss 3.8986
""",
 trimmed="the poster's question ('It looks like the validation loss is significantly higher than the training loss...') and the generated samples after the log; the '...' line is the poster's own",
 rationale="fine-tuning GPT-2 XL on Shakespeare: 'step 800: train loss 0.9795, val loss 3.7535' then 'step 1000: train loss 0.6703, val loss 3.8986': training loss keeps falling while validation loss is ~4x higher and rising",
 thread_diagnosis="poster asks whether the train/val gap is normal when fine-tuning; no answer in the stored excerpt (a large pretrained model memorising a small fine-tuning set)",
 run_settings="fine-tuning from gpt2-xl (config finetune_shakespeare)")

case(name="paste_hake_ae_loss_diverges_then_nan",
 url="https://github.com/DirtyHarryLYL/HAKE-Action-Torch/issues/34", framework="pytorch (HAKE-Action-Torch)",
 expected="exploding_gradients", top3_ok=True,
 ambiguity="the loss grows from 37.2266 to -801.8414 (over 20x in magnitude) and then becomes NaN: by the labelling rule divergence before the NaN is exploding_gradients, but the final state is a NaN loss (nan_or_inf_loss)",
 log="""000 epoch, 00000 iter, average time 7.0951, loss 37.2266
000 epoch, 02000 iter, average time 0.6359, loss -403.4386
000 epoch, 04000 iter, average time 0.6286, loss -801.8414
000 epoch, 06000 iter, average time 0.6607, loss nan
2021-03-01 00:56:42,407 - __main__ - INFO - 000 epoch training, L_rec=nan, L_cls=nan, L_ae=0.0000, loss=nan
""",
 trimmed="the poster's sentences around the log ('The loss during AE pre-train become nan after the first 4000 iterations, here's the log i got:' / 'Is this ok or something went wrong?')",
 rationale="loss 37.2266 at iter 0, -403.4386 at 2000, -801.8414 at 4000 (magnitude growing more than an order of magnitude, diverging), then 'loss nan' at 6000 and 'L_rec=nan, L_cls=nan ... loss=nan'",
 thread_diagnosis="poster: 'The reason might be the gradient exploding caused by the semihard loss. After adding a gradient clipping the loss goes normal'")

case(name="paste_lion_vae_loss_5e7_then_nan",
 url="https://github.com/nv-tlabs/LION/issues/9", framework="pytorch (LION)",
 expected="exploding_gradients", top3_ok=True,
 ambiguity="the last finite loss is 51566519.44 (orders of magnitude above a sane VAE loss) and every later epoch is NaN; the stored excerpt shows no earlier finite values, so growth is implied by the magnitude only: exploding_gradients or nan_or_inf_loss",
 log="""2023-01-25 00:21:09.074 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E5 iter[ 14/ 15] | [Loss] 51566519.44 | [exp] ./exp/0125/car/3dbf3ah_hvae_lion_B40 | [step]    89 | [url] none | [time] 0.4m (~5h) |[best] 0 -100.000x1e-2 
2023-01-25 00:21:34.569 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E6 iter[ 14/ 15] | [Loss] nan | [exp] ./exp/0125/car/3dbf3ah_hvae_lion_B40 | [step]   104 | [url] none | [time] 0.4m (~5h) |[best] 0 -100.000x1e-2 
2023-01-25 00:22:00.025 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E7 iter[ 14/ 15] | [Loss] nan | [exp] ./exp/0125/car/3dbf3ah_hvae_lion_B40 | [step]   119 | [url] none | [time] 0.4m (~5h) |[best] 0 -100.000x1e-2 
2023-01-25 00:22:25.365 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E8 iter[ 14/ 15] | [Loss] nan | [exp] ./exp/0125/car/3dbf3ah_hvae_lion_B40 | [step]   134 | [url] none | [time] 0.4m (~5h) |[best] 0 -100.000x1e-2 
2023-01-25 00:22:50.734 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E9 iter[ 14/ 15] | [Loss] nan | [exp] ./exp/0125/car/3dbf3ah_hvae_lion_B40 | [step]   149 | [url] none | [time] 0.4m (~5h) |[best] 0 -100.000x1e-2 
""",
 trimmed="everything before epoch E5 (not in the stored excerpt) and the E10 line onward, which the excerpt cuts mid-line; the poster's question ('I use 4 gpu and 40 batchsize')",
 rationale="'[Loss] 51566519.44' at step 89 (E5), then '[Loss] nan' at steps 104, 119, 134, 149: a loss of 5e7 right before the NaN",
 thread_diagnosis="poster trained the VAE on ShapeNet v2 core 15k with 4 GPUs and batch 40; closed, no cause in the stored excerpt",
 run_settings="4 GPUs, batch size 40")

case(name="paste_gazenet_nan_at_step100",
 url="https://github.com/ishtos/mpII-face-gaze/issues/3", framework="pytorch (mpII-face-gaze)",
 expected="nan_or_inf_loss",
 log="""[2019/06/24 16:19:45 __main__ INFO] - Train 1
[2019/06/24 16:19:46 __main__ INFO] - Epoch 1 Step 0/1500 Loss 48.9613 (48.9613) AngleError 27.60 (27.60)
[2019/06/24 16:19:53 __main__ INFO] - Epoch 1 Step 100/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:01 __main__ INFO] - Epoch 1 Step 200/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:08 __main__ INFO] - Epoch 1 Step 300/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:16 __main__ INFO] - Epoch 1 Step 400/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:24 __main__ INFO] - Epoch 1 Step 500/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:31 __main__ INFO] - Epoch 1 Step 600/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:39 __main__ INFO] - Epoch 1 Step 700/1500 Loss nan (nan) AngleError nan (nan)
^[[A^[[B[2019/06/24 16:20:47 __main__ INFO] - Epoch 1 Step 800/1500 Loss nan (nan) AngleError nan (nan)
[2019/06/24 16:20:54 __main__ INFO] - Epoch 1 Step 900/1500 Loss nan (nan) AngleError nan (nan)
""",
 trimmed="nothing from the log; the thread's replies after it",
 rationale="'Step 0/1500 Loss 48.9613' then 'Step 100/1500 Loss nan (nan) AngleError nan (nan)' and NaN at every later step: the loss becomes NaN within the first 100 steps and stays NaN",
 thread_diagnosis="poster's follow-up: 'the default LR is too high, and the Batch_size should not be one' ... 'lr=0.001 and batch_size=32 will be great'")

case(name="paste_nanogpt_gpt2_fp16_nan_iter3010",
 url="https://github.com/karpathy/nanoGPT/issues/215", framework="pytorch (nanoGPT)",
 expected="nan_or_inf_loss",
 argv=["torchrun", "--standalone", "--nproc_per_node=1", "train.py", "config/train_gpt2.py", "--dtype=float16"],
 log="""> 2023-03-22 09:30:39 iter 2920: loss 3.9883, time 1099.34ms, mfu 15.34%
> 
> 2023-03-22 09:30:50 iter 2930: loss 3.9408, time 1097.30ms, mfu 15.34%
> 
> 2023-03-22 09:31:01 iter 2940: loss 3.9994, time 1097.68ms, mfu 15.34%
> 
> 2023-03-22 09:31:12 iter 2950: loss 4.0977, time 1096.94ms, mfu 15.34%
> 
> 2023-03-22 09:31:23 iter 2960: loss 4.1535, time 1097.23ms, mfu 15.34%
> 
> 2023-03-22 09:31:34 iter 2970: loss 3.9453, time 1097.65ms, mfu 15.34%
> 
> 2023-03-22 09:31:45 iter 2980: loss 3.8993, time 1099.18ms, mfu 15.34%
> 
> 2023-03-22 09:31:56 iter 2990: loss 3.8853, time 1096.65ms, mfu 15.34%
> 
> 2023-03-22 09:32:32 step 3000: train loss 4.0390, val loss 4.0427
> 
> saving checkpoint to out
> 
> 2023-03-22 09:32:41 iter 3000: loss 4.2490, time 35392.33ms, mfu 13.85%
> 
> 2023-03-22 09:32:52 iter 3010: loss nan, time 1019.95ms, mfu 14.12%
> 
> 2023-03-22 09:33:02 iter 3020: loss nan, time 1015.95ms, mfu 14.36%
> 
> 2023-03-22 09:33:12 iter 3030: loss nan, time 1017.59ms, mfu 14.58%
> 
> 2023-03-22 09:33:22 iter 3040: loss nan, time 1016.57ms, mfu 14.78%
> 
> 2023-03-22 09:33:33 iter 3050: loss nan, time 1016.74ms, mfu 14.95%
> 
> 2023-03-22 09:33:43 iter 3060: loss nan, time 1018.23ms, mfu 15.11%
""",
 trimmed="the title line and 'using V100 32G' plus the command (the command is kept in argv); the excerpt's last, cut-off line",
 rationale="loss ordinary and flat at 3.88-4.25 through iter 3000 ('step 3000: train loss 4.0390, val loss 4.0427'), then 'iter 3010: loss nan' and NaN at every later iteration: an abrupt NaN with no growth before it, in a run forced to --dtype=float16 on a V100",
 thread_diagnosis="closed; the stored excerpt shows only the report (float16 on a V100, which has no bf16); no answer in the excerpt",
 run_settings="--dtype=float16 (GradScaler in nanoGPT), single V100")

case(name="paste_pink_loss0_gradnorm_nan",
 url="https://github.com/SY-Xuan/Pink/issues/6", framework="transformers Trainer (Pink)",
 expected="nan_or_inf_loss",
 log="""{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00012142857142857143, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00012857142857142855, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.0001357142857142857, 'epoch': 0.0}                     
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00014285714285714284, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00015, 'epoch': 0.0}                                   
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00015714285714285713, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00016428571428571428, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00017142857142857143, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00017857142857142857, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00018571428571428572, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00019285714285714286, 'epoch': 0.0}                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.0002, 'epoch': 0.0}                                    
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 0.00020714285714285716, 'epoch': 0.0}                    
""",
 trimmed="the poster's stage1.sh command and text before the log (not in the stored excerpt); the excerpt's last, cut-off line",
 rationale="every logged step is \"'loss': 0.0, 'grad_norm': nan\" while the warm-up learning rate climbs 1.21e-4 -> 2.07e-4: the gradients are NaN and the reported loss is frozen at a constant 0.0",
 thread_diagnosis="closed; no cause in the stored excerpt")
