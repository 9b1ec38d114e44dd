L = {}
def lab(name, expected, decidable, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, decidable_from_log=decidable, rationale=rationale, thread_diagnosis=thread,
                   run_settings=run_settings, ambiguity=ambiguity)

lab("paste_nanogpt_owt_8gpu_iter_time_healthy", "healthy", True,
 "nanoGPT GPT-2 124M on OpenWebText, 8 GPUs: iters 1631-1641 print loss 3.68-4.09 (noisy around 3.9, finite, far below the ln(50257)=10.8 start) at a steady 561-567 ms/iter; nothing fails, the question is only about speed.",
 "karpathy: 'This looks pretty good to me'; the time per iteration is explained by gradient_accumulation_steps defaulting to 5.")
lab("paste_flores_fairseq_convergence_gap_healthy", "healthy", True,
 "fairseq transformer baseline near convergence (epochs 81-84): train loss 4.713 -> 4.704 and valid loss 6.846, 6.860, 6.868, 6.854 with best_loss 6.84088 - a plateau whose valid wobble (0.02) is noise, not a rising trend; the train/valid gap (nll 2.12 vs 4.61) is the usual low-resource MT gap with label smoothing and dropout, gnorm 0.10 steady, no overflow.",
 "A commenter posts this as the reference of what the training log 'looks like around convergence' for reproducing the FLoRes fully supervised baseline; nobody in the thread calls it a problem.")
lab("paste_msg3d_kinetics_reference_log_healthy", "healthy", True,
 "MS-G3D on Kinetics-Skeleton 400: at LR 0.1 (epochs 18-21) Mean training loss 1.65-1.66 (BS 32: 3.30-3.32) and test loss 3.62-3.80 with Top1 23.7-24.5%; after the LR drop to 0.01 (epochs 46-49) training loss 1.30 -> 1.24 and test loss 3.17 -> 3.09 with Top1 33.4-34.4%. The flat phase at LR 0.1 and the test/train gap are the normal course on this hard 400-class task (the step-LR drop lifts Top1 by 10 points); no NaN, no divergence.",
 "This is the maintainer's (kenziyuliu) own training log, posted as the reference for reproducing the Kinetics result; in issue #31 he points to it again as 'the training log'. Healthy by the maintainer.")
lab("paste_neuralrecon_lr_scheduler_order_warning_healthy", "healthy", True,
 "The whole paste is one PyTorch UserWarning: 'Detected call of `lr_scheduler.step()` before `optimizer.step()`' from lr_scheduler.py:123 while training runs; no error, no loss anomaly - the warning only means the first LR value of the schedule is skipped.",
 "The stored excerpt holds only the question (closed); no answer in it. Other repositories' maintainers answer the same warning as harmless.")
lab("paste_stgcn_mean_loss_nan_top1_25", "nan_or_inf_loss", True,
 "ST-GCN: Iter 0 loss 1.4058 (about ln 4 = 1.386), then 'mean_loss: nan' for training epochs 0-3 and for both evaluations, where Top1 is 25.00% and Top5 100.00% - chance for 4 classes; the loss is NaN from the first epoch's mean on.",
 "The poster only adds 'why and how'; the stored excerpt holds no answer (open).")
lab("paste_megatron_ds_grad_norm_nan_every_iter", "nan_or_inf_loss", True,
 "Megatron-DeepSpeed pretraining, iterations 5426-5428: 'grad norm: nan' on every logged iteration with 'loss scale: 1.0' (no dynamic fp16 scaling to absorb it), 'number of skipped iterations: 0' and 'number of nan iterations: 0', and no lm loss printed at all - the gradients are NaN while the counters miss it.",
 "The stored excerpt holds only the question (open, 'what does grad norm: nan mean'); no answer. (A later Megatron-DeepSpeed PR, #434 in the deepspeedai fork, describes this exact signature - no lm loss printed and 'number of nan iterations' still 0 - as a NaN that the counters fail to report; it is not linked from the excerpt.)",
 run_settings="loss scale 1.0 (no fp16 dynamic loss scaling); global batch size 8; learning rate 2.999E-04")
lab("paste_lightning_deepspeed_loss_scale_minimum", "amp_loss_scale_collapse", True,
 "Lightning + DeepSpeed: 'Exception: Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.' raised out of trainer.fit - the dynamic fp16 loss scale fell to its floor after repeated overflows and DeepSpeed ended the run.",
 "The stored excerpt holds the report only (closed); no cause or fix in it.")
lab("paste_grapher_lightning_segfault", "process_crash", True,
 "'train_gen.sh: line 29: 3411753 Segmentation fault      (core dumped) python main.py ... --max_epochs 100 --accelerator gpu ...' - the Lightning training process dies of SIGSEGV with no Python traceback; versions given by the poster: pytorch_lightning 1.8.5, torch 1.13.",
 "No fix in the thread: a second user reports the same segfault in Colab with torch 1.13 / pytorch-lightning 1.8.1 pinned; no maintainer answer in the stored excerpt.")
lab("paste_unet_segfault_epoch1_histograms", "process_crash", True,
 "Epoch 1/5 at 10/90 images with loss (batch)=0.0278 (training healthy), then 'segmentation fault (core dumped)' - a native crash, no Python error.",
 "Maintainer (milesial): it might be a bad tensorboard installation or a disk write issue; comment out the add_histogram lines if tensorboard is not needed. The poster had traced the crash to the repeated writer.add_histogram calls.")
lab("paste_dcrnn_pytorch_cuda_oom_small_gpu", "out_of_memory", True,
 "'RuntimeError:CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 5.80 GiB total capacity; 4.36 GiB already allocated; 6.69 MiB free; 4.63 GiB reserved in total by PyTorch)' on the default METR-LA config: a 6 GB GPU is full.",
 "Maintainer (chnsh): reduce the batch size and try again.")
lab("paste_res2net_load_state_dict_size_mismatch", "shape_mismatch", True,
 "load_state_dict errors 'size mismatch for layer3.9.conv1.weight: copying a param with shape torch.Size([256, 1024, 1, 1]) from checkpoint, the shape in current model is torch.Size([416, 1024, 1, 1])' and the same 256 vs 416 for every bn1/conv3 of layer3 - a checkpoint of another Res2Net width/scale configuration than the model built.",
 "The stored excerpt is the poster's pasted error list only; no answer in it (closed).")
lab("paste_myria3d_ddp_prepare_data_step_cancelled", "distributed_timeout", False,
 "DDP under Slurm: the test-set preparation is at 31/67 after 29:02 (58.67 s/it) when 'slurmstepd: error: *** STEP 6053.0 ON DEL2212S020 CANCELLED AT 2024-04-23T12:18:08 ***' and 'srun: error: DEL2212S020: task 0: Terminated' end the job. The log shows only a cancelled step; the elapsed 29 minutes matches the default 30-minute collective timeout of the ranks waiting on rank 0, which is what the thread found.",
 "Thread title 'Timeout error when preparing data in DDP'; the maintainer (CharlesGaydon) found it was caused by NCCL_BLOCKING_WAIT=1 and NCCL_ASYNC_ERROR_HANDLING=1 set in the Slurm script: with them the other ranks' wait on rank 0's long data preparation timed out and took the job down; removing the flags removed the issue.",
 run_settings="NCCL_BLOCKING_WAIT=1 and NCCL_ASYNC_ERROR_HANDLING=1 exported in the Slurm script")
lab("paste_ezflow_store_barrier_timeout", "distributed_timeout", True,
 "'RuntimeError: Timed out initializing process group in store based barrier on rank: 0, for key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)' - only 1 of 2 ranks reached the init barrier in 30 minutes.",
 "A bug in the repository's DDP launch code; marked 'Fixed in #206'.")
lab("paste_resnet_pytorch_cifar100_loss_only", "overfitting", False,
 "The pasted log shows only the training loss falling 9.66 -> 3.58 over epochs 1-6 (no accuracy, no test values); the label rests on the commenter's statement that with the original settings on CIFAR-100 training accuracy approaches 100% while test accuracy hovers around 40%.",
 "The commenter's own diagnosis (overfitting 'by a very large margin' with the repository's original batch size, architecture, loss, optimizer and schedule); no maintainer answer in the stored excerpt.")
lab("paste_recurrent_drafter_torchrun_rank7_sigkill", "out_of_memory", True,
 "torchrun ChildFailedError: rank 7 (local_rank 7) 'exitcode  : -9 (pid: 3309)', 'traceback : Signal 9 (SIGKILL) receive[d]' with 'error_file: <N/A>' - a worker killed by SIGKILL with no Python error, the host OOM killer's signature on an 8-process node.",
 "The stored excerpt holds the report only (open); no cause named in it.",
 ambiguity="a SIGKILL with no Python error is almost always the host OOM killer, but the log does not say so; an external kill (process_crash / scheduler) reads the same")
