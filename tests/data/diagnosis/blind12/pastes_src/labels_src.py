L = {}
def lab(name, expected, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, run_settings=run_settings, ambiguity=ambiguity)

lab("paste_centernet_ddd_val_loss_rising", "overfitting",
 "CenterNet ddd_3dop, the poster's table of losses every 5 epochs: train loss falls 2.24 (epoch 5) -> 1.86 -> 1.69 -> 1.56 -> 1.41 (epochs 60-70) while val loss is flat 2.89/2.88/2.90 to epoch 15 and then rises 3.08 (20) -> 3.18 (40) -> 3.36 (50) -> 3.60 (65-70): the train/val gap grows from 0.65 to 2.19 and val is 25% above its minimum (2.88 at epoch 10) while train keeps falling.",
 "The maintainer answered that the loss is not well aligned with AP (see CenterNet#148) and asked the poster to plot AP to see whether it is overfitting; the stored excerpt shows no AP numbers, so the thread did not confirm or refute overfitting on the task metric.")
lab("paste_deepspeed_overflow_8192_4096_cycle", "healthy",
 "DeepSpeed fp16 dynamic loss scaling: one overflow about every 2 minutes (11:41, 11:43, 11:45, 11:48), each time first 'hysteresis is 2. Reducing hysteresis to 1' and then 'Attempted loss scale: 8192, reducing to 4096'; the next overflow again starts from 8192, so the scale grew back between them (many successful steps in between). The scale stays at 4096-8192 and never approaches 1: occasional skipped steps, the scaler working, not a collapse.",
 "Open, no reply in the stored excerpt; the poster asked only about the OVERFLOW messages.")
lab("paste_freevc_worker_segfault_training_goes_on", "healthy",
 "One 'ERROR: Unexpected segmentation fault encountered in worker.' near the end of epoch 1515 (70%), but the next lines are '====> Epoch: 1515' and 'Train Epoch: 1516 [5%]': no 'DataLoader worker ... is killed by signal' RuntimeError, the run goes on at step 845200 with its usual losses [2.06, 3.00, 14.57, 20.43, 2.24] and lr 1.65e-4 (the poster: it 'usually happens right before the Epoch is finished and then the training continues as if nothing happened').",
 "The maintainer suggested too few CPU cores and lowering num_workers; the poster (16-core 5950X) doubted it and then thought his drive had been messed up during training. No fix; training was not interrupted.")
lab("paste_sd_finetune_killed_saving_checkpoint", "out_of_memory",
 "Stable Diffusion fine-tune under Lightning: epoch 0 completes (209/209, loss=0.0685, global_step=208), 'Summoning checkpoint.' and then a bare 'Killed' with no Python traceback: the kernel's OOM killer (SIGKILL) while the checkpoint is saved, host memory not GPU memory.",
 "Maintainer: 'killed usually means you ran out of system memory, which would make sense as the full-ema checkpoint is much larger'; the poster had found that resuming from sd-v1-4.ckpt saves fine and sd-v1-4-full-ema.ckpt fails at the save.")
lab("paste_syncbn_allreduce_watchdog_timeout", "distributed_timeout",
 "'RuntimeError: NCCL communicator was aborted on rank 0. Original reason for failure was: [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=35582, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1800366 milliseconds before timing out.' raised in the SyncBatchNorm backward all_reduce (torch/nn/modules/_functions.py backward); the elastic agent then sends SIGTERM and reports local_rank 1 failed with exitcode -6. An all-reduce waited the full 30-minute timeout at collective 35582 (far into training): one rank stopped joining it.",
 "Closed; the stored excerpt holds the report only, no cause or fix.")
lab("paste_moss_accelerate_sighup_under_nohup", "preempted_or_node_failure",
 "accelerate/torchrun agent: 'Received 1 death signal, shutting down workers' and 'Sending process ... closing signal SIGHUP' to all 8 workers, then the launcher's traceback; signal 1 is SIGHUP, the hang-up a process gets when its terminal session closes (the commenter ran it with 'nohup &'). No worker printed an error and no loss went wrong: the run was stopped from outside.",
 "Open; no answer in the stored excerpt. The known cause (pytorch/pytorch#76894, torchelastic maintainer): under nohup a worker can still receive SIGHUP when the terminal closes and torchelastic forwards it to all workers; run in tmux/screen instead.")
lab("paste_msswift_torchrun_sighup_epoch40", "preempted_or_node_failure",
 "torchrun elastic agent after about 40 epochs (poster): 'Received 1 death signal, shutting down workers', 'Sending process 85005/85006 closing signal SIGHUP', then only the launcher's own traceback (run.py -> elastic_launch): the agent got SIGHUP from outside (terminal/session hang-up) and stopped both workers; no training error precedes it.",
 "Open; no answer in the stored excerpt (title: 'SIGHUP w/o Additional Info').")
lab("paste_trlx_ppo_deepspeed_scale_128_falling", "amp_loss_scale_collapse",
 "trlx PPO under DeepSpeed ZeRO (stage_1_and_2.py) in fp16: at step 1044 of 6400 the dynamic loss scale is already down to 128 and falls on consecutive steps, 'Attempted loss scale: 128.0, reducing to 64.0' then '64.0, reducing to 32.0' (both steps skipped), while value_loss jumps 8.65 -> 21.92 and total_loss 1.34 -> 4.35; the thread (title '[deepspeed] OVERFLOW!', labelled bug) goes on with a traceback out of trainer.learn(). Overflow after overflow at a small scale with the losses blowing up: the scale heading to its floor.",
 "Closed, labelled bug; the stored excerpts show neither the final exception message nor a fix.",
 run_settings="DeepSpeed fp16 dynamic loss scaling (ZeRO stage 1/2)")
lab("paste_fairseq_transformer_ppl_drop_at_epoch2", "healthy",
 "fairseq transformer, epoch 1 ends at loss 7.207 (nll_loss 5.958, ppl 62.17, gnorm 0.847, clip 0%) with valid_loss 4.954 / valid_ppl 10.07, and the first epoch-2 record shows loss 5.260 (nll 3.732, ppl 13.29). The 'sharp decrease' the poster asks about is the epoch-1 running average (which still contains the high losses of the first updates) being reset at the epoch boundary; the new level matches the validation ppl of 10.07. Training is fine.",
 "Open; no answer in the stored excerpt.")
lab("paste_fairseq_wmt14_enfr_reference_clip100", "healthy",
 "A maintainer's reference log for reproducing WMT'14 En-Fr with the transformer: epochs 25-27 train loss 3.097 -> 3.095 -> 3.092 (nll 1.328 -> 1.322, ppl 2.50), valid_loss 3.1107 -> 3.1067 -> 3.1058 (valid_ppl 2.50 -> 2.49): a converged run near its end. It looks alarming but is normal: 'clip: 100%' (every update's gradient norm is above the configured clip-norm), 'oom: 0.026' (fairseq skips the rare OOM batch and goes on), 'loss_scale: 4.000' (a settled fp16 dynamic scale, unchanged over 3 epochs), gnorm 0.19.",
 "Posted by the fairseq maintainer (myleott) in a reproduction thread as the expected training log.",
 run_settings="gradient clipping on (clip 100%: every update clipped at --clip-norm); fp16 with dynamic loss scaling")
lab("paste_labram_tuab_gradnorm_inf_running_mean", "healthy",
 "The maintainer's own TUAB fine-tuning log, epoch 0 iterations 210-250: loss 0.5454 -> 0.5304 (running mean 0.6458 -> 0.6285), class_acc running mean 0.6859 -> 0.6985, lr warming up 0.000036 -> 0.000043, loss_scale 2048 on every line, per-step grad_norm 9.6-10.6. The '(inf)' in grad_norm and the falling loss_scale mean (21169 -> 18122) are running averages over the epoch that include a few early fp16 overflow (skipped) steps; every current value is finite and the model is learning.",
 "Posted by the repository owner in reply to a replication question ('unexpected accuracies and loss values') as a reference run.",
 run_settings="fp16 dynamic loss scaling (loss_scale column); layer-wise lr warmup")
lab("paste_classifier_acc_zero_loss_low", "healthy",
 "Epoch 50/199: train Loss 0.0236 and val Loss 0.0234, low and equal on both splits (the model fits and generalises), yet 'Acc: 0.0000' on both: the accuracy is a reporting bug, not a training failure (a model with loss 0.02 cannot be at 0% accuracy).",
 "Commenters found it: running_corrects is an integer tensor (torch.sum(preds == labels.data)) and the division by the dataset size truncates to 0; float(torch.sum(...)) fixes it (initialising running_corrects to 0.0 alone did not).")
lab("paste_dexined_bce_input_assert_huge_loss", "device_side_assert",
 "DexiNed training on Windows, epoch 8: ATen/native/cuda/Loss.cu:102 'Assertion `input_val >= zero && input_val <= one` failed.' repeated per thread - the binary cross-entropy kernel got an input outside [0, 1] and raised a device-side assert; before it the per-sample loss is 278105-352734 and a 'libpng error: bad adaptive filter value' shows a corrupt PNG among the inputs.",
 "Open; no answer in the stored excerpt.",
 ambiguity="the BCE range assert also fires when the prediction is NaN (NaN fails the comparison), so the root cause may be a NaN output (nan_or_inf_loss) that first shows up as this assert; the logged losses before it are finite")
lab("paste_dataset_distillation_nll_target_assert", "device_side_assert",
 "Dataset distillation on a custom dataset (data_custom, LeNet): at the very first step of epoch 0, ClassNLLCriterion.cu:108 'Assertion `t >= 0 && t < n_classes` failed.' on several threads: a target label outside [0, n_classes) for the network's output size.",
 "Closed; the stored excerpt holds the report only, no answer.")
lab("paste_teach_motion_train_loss_frozen_constant", "loss_not_decreasing",
 "Train_rf is exactly 4.856e-01 at every epoch from 57 to 70 and again at epoch 112 (Val_rf 4.784e-01): the loss has not moved in the 4th significant digit for 55 epochs, an exact constant - the model stopped changing.",
 "The maintainer: the loss not decreasing is weird, his own logs decrease normally, and asked for the full logs; the poster said the loss at the end of the progress bar is nan (not in this log), that something is wrong with his code, and that he used a larger batch size (16). No fix in the stored excerpt.",
 ambiguity="the poster says the progress bar shows loss nan: a loss frozen at a constant after NaN gradients is nan_or_inf_loss by the corpus rule, but the logged values are all finite and constant")
lab("paste_gemma_sft_loss_spike_then_nan", "nan_or_inf_loss",
 "Gemma SFT at lr 2e-4: loss 5.6332, 5.3049, then 'loss': 153318.95 with 'grad_norm': nan, and from there the logged loss is nan on 6 of the next 17 records (interleaved with finite 5.01-6.13): the loss itself becomes NaN repeatedly after a NaN gradient norm.",
 "The poster found it after three days: while training all weights must be kept/updated in fp32/tf32 (fine-tuning in pure fp16 weights gave the NaNs); the stored excerpt cuts off the rest of his explanation.")
lab("paste_bert_pretrain_loss_scale_1e-44", "amp_loss_scale_collapse",
 "NVIDIA BERT pretraining (PyTorch, fp16 with dynamic loss scaling): the loss scale halves at every logged step, 2.9e-11 -> 1.4e-14 within five minutes, and is still halving 45 minutes later at 4.5e-44 -> 1.1e-44 - far below 1, every step overflowing and skipped; at iteration 2933 the running average_loss is nan while step_loss is 1.0703.",
 "Closed, labelled bug; the stored excerpt (a later turn of the thread) shows no fix.",
 run_settings="fp16 with dynamic loss scaling; learning_rate 0.00316 at iteration 2933",
 ambiguity="average_loss is already nan at iteration 2933, which alone reads as nan_or_inf_loss; the scale falling by halves to 1e-44 is the collapse that the corpus defines as amp_loss_scale_collapse")
lab("paste_arcface_fp16_grad_scale_0_loss_nan", "nan_or_inf_loss",
 "ArcFace training in fp16: 'Loss nan' at global steps 20, 30 and 40 (every logged step from the first) with 'Fp16 Grad Scale: 0' - the loss is NaN from the start and the dynamic scale has already fallen to (printed as) 0; the poster: loss always nan whatever lr or config.",
 "Closed; no answer in the stored excerpt.",
 run_settings="fp16 with a dynamic gradient scaler",
 ambiguity="the grad scale printed as 0 is the scaler collapsed to its floor (amp_loss_scale_collapse); the loss itself is NaN on every logged step, which is nan_or_inf_loss - from three lines one cannot tell which came first")
lab("paste_ngp_lightning_bus_error_worker_wsl", "dataloader_worker_crash",
 "instant-ngp (Lightning, 16-bit AMP) under WSL2: epoch 0 runs to 83% (train/psnr=29.70) and then 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' three times: DataLoader workers die of SIGBUS because /dev/shm is too small (WSL2's default shared memory).",
 "Closed; the stored excerpt does not include the answer (the poster says it started after updating the repository's GUI code).")
lab("paste_hrnet_pose_illegal_instruction_loading", "process_crash",
 "python tools/train.py --cfg .../w32_256x256_adam_lr1e-3.yaml: '=> init weights from normal distribution', '=> loading pretrained model ...hrnet_w32-36af842e.pth' and then 'Illegal instruction (core dumped)' - SIGILL in native code, no Python traceback: a binary built for CPU instructions this machine lacks or a library mismatch.",
 "The maintainer asked whether PyTorch runs at all and which version; the poster: in a new environment with Python 3.6 + PyTorch 1.1.0 it works, so reinstalling matching library versions fixed it.")
lab("paste_cnn_finetune_vgg_illegal_instruction", "process_crash",
 "python cifar10.py --model-name vgg19 (and vgg16): the pretrained weights download completes (574673361 bytes) and the process dies with 'Illegal instruction (core dumped)', twice; resnet works (poster): SIGILL in native code while initialising/loading these models, no Python error.",
 "The maintainer could not reproduce it with PyTorch 1.0 / Ubuntu 18.04 / CUDA 10 and asked for OS, library, CUDA and cuDNN versions; no resolution in the stored excerpt.")
