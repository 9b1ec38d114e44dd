# Healthy pastes that look like a curve failure; cut verbatim from the search tool's issues-index excerpts.
CASES = {}

CASES["curves_dali_apex_val_above_train_healthy"] = dict(
 url="https://github.com/yaysummeriscoming/DALI_pytorch_demo/issues/3", framework="pytorch",
 trimmed="the poster's prose before the log; the stored excerpt ends mid-line in epoch 3 ('val=[top1: 26.83'), so the log is cut after epoch 2",
 log="""defaults for this optimization level are:
enabled                : True
opt_level              : O1
cast_model_type        : None
patch_torch_functions  : True
keep_batchnorm_fp32    : None
master_weights         : None
loss_scale             : dynamic
Processing user overrides (additional kwargs that are not None)...
After processing overrides, optimization options are:
enabled                : True
opt_level              : O1
cast_model_type        : None
patch_torch_functions  : True
keep_batchnorm_fp32    : None
master_weights         : None
loss_scale             : dynamic
Epoch=1/5, lr: 0.02000, train=[top1: 3.2319, top5: 12.1266, loss: 4.4690, time: 194.651, speed: 595.4], val=[top1: 8.0400, top5: 24.3900, loss: 4.1161, time: 11.691, speed: 829.7]
Epoch=2/5, lr: 0.04000, train=[top1: 10.2839, top5: 29.5866, loss: 3.9342, time: 194.551, speed: 595.7], val=[top1: 16.2100, top5: 40.1800, loss: 3.5553, time: 10.180, speed: 952.8]
""")

CASES["curves_udacity_mnist_mlp_val_flat_0p072_healthy"] = dict(
 url="https://github.com/udacity/deep-learning-v2-pytorch/issues/341", framework="pytorch",
 trimmed="the poster's prose and the two plot images before the log; the stored excerpt ends mid-line in epoch 11, so the log is cut after epoch 10",
 log="""Epoch: 1 \tTraining Loss: 0.173275 \tValidation Loss: 0.072151
Epoch: 2 \tTraining Loss: 0.180673 \tValidation Loss: 0.073222
Epoch: 3 \tTraining Loss: 0.170470 \tValidation Loss: 0.071506
Epoch: 4 \tTraining Loss: 0.169157 \tValidation Loss: 0.071434
Epoch: 5 \tTraining Loss: 0.164801 \tValidation Loss: 0.073985
Epoch: 6 \tTraining Loss: 0.164058 \tValidation Loss: 0.072523
Epoch: 7 \tTraining Loss: 0.155625 \tValidation Loss: 0.073031
Epoch: 8 \tTraining Loss: 0.142002 \tValidation Loss: 0.074034
Epoch: 9 \tTraining Loss: 0.150512 \tValidation Loss: 0.073295
Epoch: 10 \tTraining Loss: 0.153645 \tValidation Loss: 0.071989
""")

CASES["curves_gpt_ts_val_below_train_healthy"] = dict(
 url="https://github.com/liaoyuhua/GPT-TS/issues/4", framework="pytorch",
 trimmed="the comment's other text (turn 3); the stored excerpt ends mid-line after epoch 8 ('E'), so the log is cut after epoch 8",
 log="""Validation loss decreased (inf --> 38.347205).  Saving model ...
Epoch: 1/200 | Train loss: 101.8427138910061 | Val loss: 38.347204889569966 | Time:  27.517s
Validation loss decreased (38.347205 --> 31.148434).  Saving model ...
Epoch: 2/200 | Train loss: 58.978524463932686 | Val loss: 31.14843382154192 | Time:  26.332s
Validation loss decreased (31.148434 --> 29.043603).  Saving model ...
Epoch: 3/200 | Train loss: 53.994778423774534 | Val loss: 29.043603352137975 | Time:  26.734s
Validation loss decreased (29.043603 --> 27.954531).  Saving model ...
Epoch: 4/200 | Train loss: 52.0293024574838 | Val loss: 27.954531124659947 | Time:  26.998s
Validation loss decreased (27.954531 --> 27.080815).  Saving model ...
Epoch: 5/200 | Train loss: 50.45279674995236 | Val loss: 27.08081477028983 | Time:  27.625s
Validation loss decreased (27.080815 --> 26.375907).  Saving model ...
Epoch: 6/200 | Train loss: 49.11525670493521 | Val loss: 26.37590721675328 | Time:  30.116s
Validation loss decreased (26.375907 --> 25.511164).  Saving model ...
Epoch: 7/200 | Train loss: 47.8441332375131 | Val loss: 25.511164120265416 | Time:  31.882s
Validation loss decreased (25.511164 --> 24.795455).  Saving model ...
Epoch: 8/200 | Train loss: 46.665565490722656 | Val loss: 24.795454570225306 | Time:  31.958s
Validation loss decreased (24.795455 --> 24.035553).  Saving model ...
""")

CASES["curves_tf_cpn_noisy_step_loss_epoch351_healthy"] = dict(
 url="https://github.com/chenyilun95/tf-cpn/issues/40", framework="tensorflow",
 trimmed="the question and the second commenter's sentence before the log (their batch_size 24); the stored excerpt ends mid-line at the 9th line, so the log is cut after the 7 complete lines",
 log="""06-25 09:26:36 Epoch 351 itr 21061536/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 21.4816 refine_loss: 34.5009 loss: 55.9825
06-25 09:26:37 Epoch 351 itr 21061632/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 18.6679 refine_loss: 28.4806 loss: 47.1486
06-25 09:26:38 Epoch 351 itr 21061728/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 18.8858 refine_loss: 28.5278 loss: 47.4136
06-25 09:26:39 Epoch 351 itr 21061824/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 24.7110 refine_loss: 38.7275 loss: 63.4385
06-25 09:26:40 Epoch 351 itr 21061920/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 19.4357 refine_loss: 33.6059 loss: 53.0416
06-25 09:26:42 Epoch 351 itr 21062016/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 21.2636 refine_loss: 36.7295 loss: 57.9931
06-25 09:26:43 Epoch 351 itr 21062112/60000: lr: 1.5625e-05 speed: 1.21(0.94s r0.25)s/itr 0.21h/epoch global_loss: 18.0329 refine_loss: 32.2765 loss: 50.3094
""")

CASES["curves_wav2vec2_ctc_loss_100s_first_epochs_healthy"] = dict(
 url="https://github.com/huggingface/transformers/issues/21103", framework="transformers",
 trimmed="the comment's prose before the log; the stored excerpt ends mid-line at the epoch-5 training line ('epoch': 5), so the log is cut after the epoch-4 evaluation; the later epochs the thread is about (after epoch 12.36) are NOT in the stored text; the tab-and-dot separator lines are the poster's",
 log="""{'loss': 142.6154, 'learning_rate': 0.00028539729505169863, 'epoch': 0.0}
{'loss': 116.9755, 'learning_rate': 0.0002705168020679468, 'epoch': 1.0}
{'eval_loss': 80.37191009521484, 'eval_wer': 0.07217616514530197, 'eval_runtime': 325.7806, 'eval_samples_per_second': 236.19, 'eval_steps_per_second': 7.382, 'epoch': 1.0}
\t\t\t\t\t\t.
{'loss': 105.4153, 'learning_rate': 0.0002554974150664697, 'epoch': 2.0}
{'eval_loss': 73.21361541748047, 'eval_wer': 0.06538271103380858, 'eval_runtime': 316.0957, 'eval_samples_per_second': 243.426, 'eval_steps_per_second': 7.608, 'epoch': 2.0}
\t\t\t\t\t\t.
{'loss': 96.2782, 'learning_rate': 0.0002404780280649926, 'epoch': 3.0}
{'eval_loss': 66.80726623535156, 'eval_wer': 0.06313430751456828, 'eval_runtime': 316.3667, 'eval_samples_per_second': 243.218, 'eval_steps_per_second': 7.602, 'epoch': 3.0}
\t\t\t\t\t\t.
{'loss': 89.7653, 'learning_rate': 0.00022545891802067946, 'epoch': 4.0}
{'eval_loss': 61.151939392089844, 'eval_wer': 0.06073101679637412, 'eval_runtime': 315.8389, 'eval_samples_per_second': 243.624, 'eval_steps_per_second': 7.615, 'epoch': 4.0}
""")
