L = {}
def lab(name, expected, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, run_settings=run_settings, ambiguity=ambiguity)

# ---------------------------------------------------------------- cases1.py
lab("paste_deepspeed_fp16_scale_stuck_at_one", "amp_loss_scale_collapse",
 "DeepSpeed fp16 (FusedAdam/fused_optimizer): the dynamic loss scale is already down at 8 -> 4 at iteration 3 ('Overflow detected. Skipping step. Attempted loss scale: 8.0, reducing to 4.0'), and about 80 s later it sits at its floor: 'Reducing dynamic loss scale from 1 to 1', 'Grad overflow on iteration 8', 'Attempted loss scale: 1, reducing to 1' - overflow after overflow with the scale at 1, so the steps are skipped; no loss value is printed at all.",
 "Open; the title says the model does not learn with fp16.enabled=true and the scale stays at 1. The stored excerpts hold only the report; no cause or fix is named in them.")
lab("paste_rugpts_deepspeed_scale_zero_hangs", "amp_loss_scale_collapse",
 "One DeepSpeed ZeRO-2 line that, per the poster, repeats over and over after about 16k steps: '[deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 0.0, reducing to 0.0' - the dynamic loss scale has collapsed to 0 and every step is skipped (the poster: training 'basically hangs').",
 "Maintainers (ai-forever): this sometimes happens in fp16 training; lower the learning rate 2-4x and resume from the last good checkpoint, or resume in fp32 for a few thousand steps. Another commenter suggested checking the DeepSpeed config/batch size. No confirmation from the poster in the excerpt.",
 run_settings="DeepSpeed ZeRO stage 2, fp16, fine-tuning ruGPT3-medium from scripts/deepspeed_gpt3_medium.sh; the poster already tried a lower learning rate (as in deepspeed_gpt3_xl_finetune.sh) with the same result")
lab("paste_matcha_tts_multispeaker_index_assert", "device_side_assert",
 "Indexing.cu:1290 indexSelectLargeIndex: 'Assertion `srcIndex < srcSelectDimSize` failed.' (hundreds of lines), then 'RuntimeError: CUDA error: device-side assert triggered' raised through Lightning's trainer.fit: an index_select (embedding lookup) with an index at or beyond the table size.",
 "The poster's own reading: they set n_spks=29 (the training-set speaker count) while the validation set has 45 speakers, so speaker ids exceed the speaker-embedding table; with n_spks=1 it ran. Closed; the stored excerpt holds no maintainer answer.")
lab("paste_horovod_mnist_docker_bus_error", "dataloader_worker_crash",
 "horovodrun -np 4 with the PyTorch MNIST example inside the Horovod docker image: every rank prints '*** Process received signal *** Signal: Bus error (7) Signal code: Non-existant physical address (2)' - a bus error from memory-mapped shared memory, which in a container with the default small /dev/shm is what DataLoader workers passing batches through shm hit.",
 "Fixed by horovod PR #2067 ('debug: fix pytorch_mnist example, bus error', Fixes #2053): remove kwargs['num_workers'] = 1 from the example's DataLoader, which caused the bus error (the shm limit of the container).",
 ambiguity="the log itself never names the DataLoader: it shows only that every rank process received SIGBUS (process_crash reads the same log); the linked fix shows the DataLoader worker (num_workers=1) in a small-/dev/shm container was the cause")
lab("paste_transformerxl_zh_scale_drop_nan_line_healthy", "healthy",
 "Chinese Transformer-XL fp16 fine-tune: the loss scale falls 64 -> 8 -> 4 -> 0.1 and one logged interval reads 'lm loss NAN' (iteration 700) with 'Warning: NaN or Inf found in input tensor.', but training goes on learning: lm loss 6.76 (it 400) -> 6.29 -> 5.76 -> 5.19 (it 800) -> 4.79 -> 4.45 -> 4.33 -> 3.98 (it 1200), validation LM loss 4.50 / PPL 90.3 at iteration 1000, and the scale recovers to 0.2. The skipped-step (NaN) interval is the dynamic loss scaler doing its job; no finding should be reported.",
 "Closed; the stored excerpt holds only this log from the thread (question: 'finetune overflow, any advice?'), no answer. In the sibling issue THUDM/Chinese-Transformer-XL#18 a maintainer explains that the overflow messages are normal fp16 dynamic loss scaling (the scale starts at 2^32 and halves on overflow until it settles).")

# ---------------------------------------------------------------- cases2.py
lab("paste_catalyst_valid_loader_cuda_oom", "out_of_memory",
 "Epoch 0 training finishes (32/32, loss=0.898), the validation loader gets 1/32 batches in (loss=1.656) and the run dies with 'RuntimeError: CUDA error: out of memory'.",
 "The stored excerpt holds the report only (poster: the model uses 80% of the GPU in training; torch.cuda.empty_cache callbacks did not help; only a smaller batch size avoids it); no maintainer answer in it.")
lab("paste_captioning_validate_oom_no_grad", "out_of_memory",
 "Traceback from train.py validate() at 'scores_copy = scores.clone()': 'RuntimeError: CUDA error: out of memory' - raised in the per-epoch validation, not in the training steps.",
 "The maintainer (sgrvinod): put the body of validate() under 'with torch.no_grad():' (as in his object-detection tutorial); the poster confirmed that solved it - validation was keeping autograd graphs.",
 run_settings="batch size 96-128 trains fine on a 12 GB GTX TITAN X; the error comes only in validate() after each epoch")
lab("paste_effdet_ship_plateau_lr_drop_healthy", "healthy",
 "Head-only fine-tuning at epochs 262-264 of 400: validation total loss 0.30601 -> 0.30648 (flat), training cls loss 0.26-0.30, and the line 'Epoch    17: reducing learning rate of group 0 to 2.0000e-06.' - ReduceLROnPlateau lowering the LR after the validation loss stopped improving (its epoch counter is the scheduler's own, restarted with the resumed run). Everything finite, nothing failing.",
 "A user answered: the total loss did not decrease for 2-3 epochs, so the ReduceLROnPlateau scheduler (the repo's default) dropped the learning rate automatically - expected behaviour.",
 run_settings="--head_only True, --lr 2e-5, resumed from a checkpoint at step 114500; ReduceLROnPlateau is the repo's scheduler")
lab("paste_nnunet_cascade_negative_loss_slow_epochs_healthy", "healthy",
 "nnU-Net 3d_cascade_fullres at epochs 212-214 and 232-234: train loss -0.78 to -0.81 and validation loss -0.82 to -0.84 (negative is normal for nnU-Net's CE + soft-Dice loss), average global foreground Dice 0.854-0.872, lr 0.008061 -> 0.007867 on the poly schedule. Only the epoch time varies (2228 s, 2301 s, 921 s, 985 s, 798 s, 879 s), which is what the thread is about; the training itself is fine.",
 "The thread is about long and inconsistent epoch times on a custom dataset, not about the loss; the stored excerpt holds no maintainer answer.")
lab("paste_returnn_rank0_dev_eval_socket_timeout", "distributed_timeout",
 "Multi-GPU RETURNN/PyTorch: rank 0 runs the dev evaluation alone ('ep 1 dev eval, step 97 ... 99') and reaches a BROADCAST collective, while the other ranks die with 'Unhandled exception <class RuntimeError>' x3 and 'RuntimeError: Socket Timeout' from c10d TCPStore doWait: the waiting ranks timed out while rank 0 was still evaluating.",
 "The maintainer (albertz, also the reporter): only rank 0 evaluates the dev set and it is slow, so the other ranks hit the c10d store timeout while waiting; a fix that regularly synchronises progress during eval was proposed in PR #1627 (open, with a bug pointed out, in the stored excerpt).")
lab("paste_effdet_ffb_val_loss_nan_train_finite", "nan_or_inf_loss",
 "Every validation pass gives 'Classification loss: nan. Regression loss: nan. Total loss: nan' (epochs 0 and 1) followed by 'WARNING:root:NaN or Inf found in input tensor.', while the training loss is finite (epoch 1: cls 2.89493, reg 3.56300, total 6.45794): the loss itself is NaN on the validation set.",
 "Closed; the stored excerpt holds the report only. In the same repo (zylo117/Yet-Another-EfficientDet-Pytorch#468) a user with NaN losses after one epoch found the cause was a validation set that was too small/empty; whether that applies here is not stated.",
 run_settings="--head_only True, --lr 5e-3, --batch_size 16, pretrained efficientdet-d0 weights")
lab("paste_accelerate_epoch_end_broadcast_timeout", "distributed_timeout",
 "Multi-GPU accelerate run stuck at the end of an epoch: 'RuntimeError: NCCL communicator was aborted on rank 3.' and '[Rank 5] Watchdog caught collective operation timeout: WorkNCCL(OpType=BROADCAST, Timeout(ms)=1800000) ran for 1801256 milliseconds before timing out.' - the NCCL watchdog's 30-minute timeout on a collective the ranks did not all reach.",
 "Not settled in the stored excerpt. A commenter pointed to torch.distributed.barrier hanging when only one process runs evaluation; the poster said he does no evaluation, the error persists without any end-of-epoch code, and that it might be about dataset size (with a fixed __len__ of 10000 the epochs advance) - i.e. ranks with unequal numbers of batches.")
lab("paste_fairseq_small_corpus_loss_flat_12", "loss_not_decreasing",
 "fairseq on a tiny corpus (35 batches per epoch): the training loss (base 2) is 11.99-12.00 at epoch 6 (ppl ~4080), 11.87 at the end of epoch 9 (ppl 3740) and 11.79-11.88 at epoch 12 after the learning rate was shrunk 0.025 -> 0.0025; valid_loss 12.0871 (ppl 4350.90) at epoch 9 and it is still the 'best'. Over six epochs the loss stays flat near 12 bits, a perplexity of ~4000 that is the level of predicting (close to) the word-frequency distribution, with every value finite and no growth.",
 "Closed; the stored excerpt holds only the poster's logs (question: how to improve a low BLEU score); no maintainer answer in it.",
 run_settings="lr 0.025 (then shrunk to 0.0025 by the scheduler), gradient clipping active on 100% of updates ('clip 100%')",
 ambiguity="flat from the first logged epoch (6) at ppl ~4000; without the vocabulary size the trivial (unigram) level cannot be computed exactly, and a model that learned only a little before epoch 6 and then stalled, with train and valid loss level together, is what underfitting describes")

# ---------------------------------------------------------------- cases3.py
lab("paste_spark_resnet50_finetune_loss_blowup", "exploding_gradients",
 "SparK ImageNet fine-tuning of ResNet-50 with a BCE loss (near-zero values are normal here): train_L 0.00595 (epoch 13) -> 0.00621 -> 0.00686 -> 0.00847 (epoch 16) -> 0.406 (epoch 17) -> 2.594 (epoch 18), a ~440x rise, while train_acc falls 25.1% -> 19.3% -> 8.3% -> 0.5% -> 0.18% (chance for 1000 classes is 0.1%) and best_val_acc stays 43.54; every value finite: training diverged.",
 "The maintainer (keyu-tian) could not explain it; in the related issue #69 ('ImageNet finetuning exploding') he says the near-zero BCE loss before the explosion is expected, asks about mixed precision, and suggests trying a base_lr below 0.002 and the default batch size 2048; a user reports ConvNeXt fine-tunes fine and the problem is ResNet-50 stability.")
lab("paste_torch_celldetection_illegal_memory_access_bs2", "process_crash",
 "'RuntimeError: CUDA error: an illegal memory access was encountered', surfacing at float(getattr(self, 'loss_' + name)) in get_current_losses (the first host sync after the step): a CUDA kernel crashed on an invalid address; the poster says batch size 1 trains and any batch size above 1 fails.",
 "A maintainer (colesbury) asked for a self-contained reproduction; none was given and no cause was found in the thread.",
 ambiguity="an illegal memory access in a user model that only fails with batch size > 1 is often an out-of-range index in the user's own loss/target code (what device_side_assert covers) rather than a broken native library; the log does not say which")

# ---------------------------------------------------------------- cases4.py
lab("paste_torch_backward_found_double_expected_float", "dtype_or_device_mismatch",
 "The training loop prints 'loss_train_step.dtype is:  torch.float64' and then loss_train_step.backward() fails with 'RuntimeError: Found dtype Double but expected Float' (TensorIterator compute_types): the loss was computed in float64 (float64 targets from numpy) against a float32 model, and autograd meets the two dtypes.",
 "In this long thread (about 'expected Double tensor (got Float tensor)') the advice given repeatedly is to make inputs/targets float32 (.float(), or numpy arrays as float32) so that model outputs and targets share one dtype; the stored excerpt does not show this commenter's confirmation.")
lab("paste_cellpose_slow_epochs_loss_plateau_healthy", "healthy",
 "Cellpose training, logged every 5-10 epochs: loss 0.5731 (epoch 5, LR warm-up 0.1111) -> 0.5035 -> 0.4754 -> 0.4614 -> 0.4555 -> 0.4517 -> 0.4492 -> 0.4469 -> 0.4453 -> 0.4434 -> 0.4425 -> 0.4417 (epoch 110) at LR 0.2: a smooth, still-decreasing loss that is flattening, as a long schedule does; about 2.3 h per 10 epochs. Nothing in the log is a failure.",
 "The thread asks what 'Time' means (cumulative seconds) and how to resume: the poster's job was stopped at 200 epochs by the server's time limit, which is outside this excerpt; no problem with the training itself is raised or found.")
lab("paste_manifold_matching_resize_256_linear_mismatch", "shape_mismatch",
 "At the first batch of epoch 0 (0/29): the printed batches are torch.Size([64, 3, 256, 256]) and torch.Size([64, 3, 64, 64]), and F.linear fails with 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x8192 and 512x10)': the flattened features (8192 per sample) of the larger images do not match the Linear layer built for 512 inputs (64x64 images).",
 "Open; no answer in the stored excerpt. The poster had changed only the SIZE setting to train on 256x256 images while the network's Linear layer still expects the 64x64 feature size.")
lab("paste_chinese_vicuna_torchrun_sighup_midrun", "preempted_or_node_failure",
 "LoRA fine-tune under torchrun (2 workers) running normally - train loss 0.9037 -> 0.8789, eval_loss 1.1911 at epoch 0.25, step 1169/32184 after 2:56 h - when the torchrun agent logs 'Received 1 death signal, shutting down workers' and sends SIGHUP to both workers: the job was ended from outside (signal 1 = hang-up, the launching terminal/session went away), not by anything in the training.",
 "Closed; the stored excerpt holds only the report. The same poster had reported the same error a week earlier (Facico/Chinese-Vicuna#73). In another thread with this message (zai-org/ChatGLM2-6B#238) the advice is to detach the run from the terminal (nohup ... & and disown) so that closing the session does not send SIGHUP.",
 run_settings="launched with torchrun (finetune.sh), 2 processes; logging/eval every few hundredths of an epoch")
lab("paste_vldet_ddp_unused_params_warning_healthy", "healthy",
 "Detectron2-based VLDet multi-GPU training: 'Starting training from iteration 0' followed by one '[W reducer.cpp:1303] Warning: find_unused_parameters=True was specified in DDP constructor, but did not find any unused parameters in the forward pass ...' per rank - a performance hint from DDP (an extra autograd traversal each iteration), not an error; nothing fails in the paste.",
 "Closed; the stored excerpt holds only the report (title 'There is a warning.'). In other threads with the same warning maintainers say it can be ignored or the flag turned off for speed (e.g. cszn/KAIR#103, facebookresearch/swav#63, WenmuZhou/PytorchOCR#275).")
lab("paste_pytorch_pose_lsp_train_val_gap", "overfitting",
 "Stacked-hourglass pose training on LSP, 21 epochs at a constant LR 2.5e-4: train loss falls steadily 0.00755 -> 0.00340 and train accuracy climbs 0.05 -> 0.83, while validation accuracy is 0.22 at epoch 2 and never improves (0.197-0.255 through epoch 21) and the validation loss, after its first value 0.00685, only fluctuates higher (0.0064-0.0289, 0.0072 at epoch 21): a train/validation gap that widens every epoch.",
 "Closed; the stored excerpt holds the report only. In the same repo (bearpaw/pytorch-pose#58) the maintainer attributes the reported 'validation accuracy far worse than training accuracy' to newer PyTorch versions (a user fixed it by changing the BatchNorm momentum) and recommends PyTorch 0.2.0 - i.e. possibly a train/eval BatchNorm discrepancy rather than memorisation; not confirmed for this run.")
