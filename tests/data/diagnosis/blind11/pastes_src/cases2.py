# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_fault_diag_source100_target_acc_falls"] = dict(
 url="https://github.com/Xiaohan-Chen/transfer-learning-fault-diagnosis-pytorch/issues/5", framework="pytorch",
 trimmed="the poster's question; two stored fragments of the same paste joined in their original order (epochs 39-47, then 78-86), the lines between them are not in the index; each fragment's last, cut line ('2024-04-18 09:18:25 | Epo', '2024-04-18 09:18:54 | Epo') was dropped",
 log="""2024-04-18 09:18:19 | Epoch:  39/100, loss_cls: 0.0638, loss: 0.2717, source_train_acc: 100.00%, target_train_acc:  60.38%, target_val_acc:  55.16%
2024-04-18 09:18:20 | Epoch:  40/100, loss_cls: 0.0582, loss: 0.3123, source_train_acc: 100.00%, target_train_acc:  49.06%, target_val_acc:  51.77%
2024-04-18 09:18:20 | Epoch:  41/100, loss_cls: 0.0478, loss: 0.0899, source_train_acc: 100.00%, target_train_acc:  51.89%, target_val_acc:  52.34%
2024-04-18 09:18:21 | Epoch:  42/100, loss_cls: 0.0505, loss: 0.2863, source_train_acc: 100.00%, target_train_acc:  50.94%, target_val_acc:  45.78%
2024-04-18 09:18:22 | Epoch:  43/100, loss_cls: 0.0654, loss: 0.3456, source_train_acc: 100.00%, target_train_acc:  54.72%, target_val_acc:  44.37%
2024-04-18 09:18:22 | Epoch:  44/100, loss_cls: 0.0410, loss: 0.2396, source_train_acc: 100.00%, target_train_acc:  41.51%, target_val_acc:  45.69%
2024-04-18 09:18:23 | Epoch:  45/100, loss_cls: 0.0656, loss: 0.1693, source_train_acc: 100.00%, target_train_acc:  50.00%, target_val_acc:  47.54%
2024-04-18 09:18:24 | Epoch:  46/100, loss_cls: 0.0382, loss: 0.1452, source_train_acc: 100.00%, target_train_acc:  48.11%, target_val_acc:  46.31%
2024-04-18 09:18:25 | Epoch:  47/100, loss_cls: 0.0368, loss: 0.0627, source_train_acc: 100.00%, target_train_acc:  46.23%, target_val_acc:  42.71%
2024-04-18 09:18:47 | Epoch:  78/100, loss_cls: 0.0285, loss: 0.0743, source_train_acc: 100.00%, target_train_acc:  27.36%, target_val_acc:  28.57%
2024-04-18 09:18:48 | Epoch:  79/100, loss_cls: 0.0126, loss: 0.0828, source_train_acc: 100.00%, target_train_acc:  31.13%, target_val_acc:  22.76%
2024-04-18 09:18:49 | Epoch:  80/100, loss_cls: 0.0182, loss: 0.1016, source_train_acc: 100.00%, target_train_acc:  34.91%, target_val_acc:  26.14%
2024-04-18 09:18:50 | Epoch:  81/100, loss_cls: 0.0154, loss: 0.0570, source_train_acc: 100.00%, target_train_acc:  26.42%, target_val_acc:  26.48%
2024-04-18 09:18:50 | Epoch:  82/100, loss_cls: 0.0231, loss: 0.1339, source_train_acc: 100.00%, target_train_acc:  20.75%, target_val_acc:  24.10%
2024-04-18 09:18:51 | Epoch:  83/100, loss_cls: 0.0172, loss: 0.1315, source_train_acc: 100.00%, target_train_acc:  31.13%, target_val_acc:  30.74%
2024-04-18 09:18:52 | Epoch:  84/100, loss_cls: 0.0183, loss: 0.0521, source_train_acc: 100.00%, target_train_acc:  20.75%, target_val_acc:  20.64%
2024-04-18 09:18:53 | Epoch:  85/100, loss_cls: 0.0117, loss: 0.0371, source_train_acc: 100.00%, target_train_acc:  21.70%, target_val_acc:  33.30%
2024-04-18 09:18:53 | Epoch:  86/100, loss_cls: 0.0146, loss: 0.0430, source_train_acc: 100.00%, target_train_acc:  15.09%, target_val_acc:  20.15%
""")

CASES["paste_minicpmv_finetune_mat1_float_half"] = dict(
 url="https://github.com/OpenBMB/MiniCPM-V/issues/234", framework="transformers",
 trimmed="the issue template (checkboxes) dropped; the first line is the poster's own sentence quoting the error (the RuntimeError line of the traceback is not in the stored excerpt); the excerpt ends mid-line in the traceback ('line 1518, in _wrap'), kept as is",
 log="""I got RuntimeError: mat1 and mat2 must have the same dtype, but got Float and Half

max_steps is given, it will override any value given in num_train_epochs
  0% 0/10000 [00:00<?, ?it/s]Traceback (most recent call last):
  File "/content/MiniCPM-V/finetune/finetune.py", line 333, in <module>
    train()
  File "/content/MiniCPM-V/finetune/finetune.py", line 323, in train
    trainer.train()
  File "/usr/local/lib/python3.10/dist-packages/transformers/trainer.py", line 1859, in train
    return inner_training_loop(
  File "/usr/local/lib/python3.10/dist-packages/transformers/trainer.py", line 2203, in _inner_training_loop
    tr_loss_step = self.training_step(model, inputs)
  File "/content/MiniCPM-V/finetune/trainer.py", line 203, in training_step
    loss = self.compute_loss(model, inputs)
  File "/content/MiniCPM-V/finetune/trainer.py", line 28, in compute_loss
    outputs = self.model.base_model(data = inputs, use_cache=False)
  File "/usr/local/lib/python3.10/dist-packages/torch/nn/modules/module.py", line 1518, in _wrap
""")

CASES["paste_unsloth_lora_backward_half_vs_float"] = dict(
 url="https://github.com/unslothai/unsloth/issues/212", framework="transformers",
 trimmed="a commenter's first code block only (its first line starts mid-path as pasted); the commenter's prose and the '> '-quoted 'full error' block after it were dropped",
 log="""/env/lib/python3.12/site-packages/unsloth/kernels/fast_lora.py", line 116, in backward
    d_downA = h.t() @ (dY @ downB.t())
RuntimeError: expected mat1 and mat2 to have the same dtype, but got: c10::Half != float
""")

CASES["paste_proposalcontrast_reducer_buckets_info_healthy"] = dict(
 url="https://github.com/yinjunbo/ProposalContrast/issues/3", framework="pytorch",
 trimmed="the maintainer's own log pasted in the reply (the question and the maintainer's sentence dropped); the opening backtick dropped; the last, cut line '2022-09-24 15:06:00,045 - mmdet - INFO - Epoch [1][60/3953]`' was dropped",
 log="""2022-09-24 15:05:12,648 - mmcv - INFO - Reducer buckets have been rebuilt in this iteration.
2022-09-24 15:05:28,102 - mmdet - INFO - Epoch [1][20/3953]     lr: 1.000e-05, eta: 2 days, 2:41:27, time: 1.283, data_time: 0.420, memory: 15217, task0.loss_heatmap: 31.7599, task0.loss_bbox: 101.8863, loss: 133.6462, grad_norm: 1067.8555
2022-09-24 15:05:44,301 - mmdet - INFO - Epoch [1][40/3953]     lr: 1.002e-05, eta: 1 day, 17:20:47, time: 0.810, data_time: 0.005, memory: 15217, task0.loss_heatmap: 21.7878, task0.loss_bbox: 81.5346, loss: 103.3225, grad_norm: 649.0363
""")

CASES["paste_rsc_dg_train100_val96_test80_healthy"] = dict(
 url="https://github.com/DeLightCMU/RSC/issues/2", framework="pytorch",
 trimmed="a participant's paste in turn 3 (prose before it dropped); the stored excerpt begins at epoch 28 of 30",
 log="""30/42 of epoch 28/30 class : 0.014 - acc class : 100.00 [bs:128]
Accuracies on val: class : 96.75
Accuracies on test: class : 80.35
New epoch - lr: 0.0008
0/42 of epoch 29/30 class : 0.010 - acc class : 100.00 [bs:128]
30/42 of epoch 29/30 class : 0.047 - acc class : 99.22 [bs:128]
Accuracies on val: class : 96.75
Accuracies on test: class : 81.27
New epoch - lr: 0.0008
0/42 of epoch 30/30 class : 0.059 - acc class : 100.00 [bs:128]
30/42 of epoch 30/30 class : 0.047 - acc class : 100.00 [bs:128]
Accuracies on val: class : 96.43
Accuracies on test: class : 80.33
Best val 0.967532, corresponding test 0.812675 - best test: 0.812675, best epoch: 28
It took 557.549
""")

CASES["paste_deepspeed_zero2_initial_scale_overflow_healthy"] = dict(
 url="https://github.com/deepspeedai/DeepSpeed/issues/386", framework="deepspeed",
 trimmed="the poster's prose and code around the paste (the thread is about converting a model from another trainer); the stored excerpt ends mid-line after the 33554432 -> 16777216 line (the cut fragment '[2020-09-09 01:52:34,411] ... OVERFLOW! Rank 0 Skipping step' was dropped)",
 log="""[2020-09-09 01:52:29,086] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 4294967296, reducing to 2147483648.0
[2020-09-09 01:52:29,672] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 2147483648.0, reducing to 1073741824.0
[2020-09-09 01:52:30,401] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 1073741824.0, reducing to 536870912.0
[2020-09-09 01:52:31,156] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 536870912.0, reducing to 268435456.0
[2020-09-09 01:52:31,784] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 268435456.0, reducing to 134217728.0
[2020-09-09 01:52:32,335] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 134217728.0, reducing to 67108864.0
[2020-09-09 01:52:33,136] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 67108864.0, reducing to 33554432.0
[2020-09-09 01:52:33,739] [INFO] [stage2.py:1132:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 33554432.0, reducing to 16777216.0
""")
