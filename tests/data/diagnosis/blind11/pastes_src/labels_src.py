L = {}
def lab(name, expected, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, run_settings=run_settings, ambiguity=ambiguity)

lab("paste_factseg_apex_scale_to_denormal", "amp_loss_scale_collapse",
 "apex amp: 'Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 2.0237e-320' ... '1.265e-321' - the dynamic scale has been halved far below 1 (into float denormals) with an overflow on every step, so every step is skipped; 'Warning: NaN or Inf found in input tensor.' twice before it: non-finite values in the fp16 pass, not a scaler fault.",
 "The poster reports the scale shrinking to 0 and then a ZeroDivisionError (training SpaceNet7 building segmentation); the stored excerpt holds no maintainer answer naming the cause (closed).")
lab("paste_yolact_apex_scale_1e-5_total_rising", "amp_loss_scale_collapse",
 "YOLACT with apex amp at iteration 1510-1530 of epoch 1: 'reducing loss scale to 1.52587890625e-05' and then '7.62939453125e-06' (the scale halved from its start ~2^16 down to 2^-17, 2^-16 below 1), while the total loss T rises 16.955 -> 17.619 -> 18.442 and the mask loss M 7.223 -> 8.000 -> 8.920: overflow after overflow, steps skipped, the model no longer improving; the thread title is about an inf value in the moving average.",
 "Commenter's paste in an open thread about 'Moving average ignored a value of inf'; the stored excerpt holds no answer naming the cause.",
 ambiguity="the scale is far below 1 with overflow on consecutive steps (amp_loss_scale_collapse), but the loss is still finite and only rising about 10%, and the thread's inf values point at non-finite losses (nan_or_inf_loss) as the root")
lab("paste_horovod_mnist_worker_bus_error_shm", "dataloader_worker_crash",
 "Horovod PyTorch MNIST: epoch 1 trains normally to 59520/60000 (loss 0.32-0.65), then '[1,0]<stderr>:ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' and the DataLoader _try_get_data traceback: a DataLoader worker died of SIGBUS on a too-small /dev/shm (Docker).",
 "Labelled question/wontfix; the stored excerpt holds no answer, the error message itself names insufficient shared memory (shm).")
lab("paste_yolact_worker_exit_code1_prints_none", "dataloader_worker_crash",
 "python3 train.py --config=yolact_base_config --batch_size=5: right after 'Begin training!' the workers print debug values (2, None, 6, None, 7 ...), then 'RuntimeError: DataLoader worker (pid 29332) exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.' raised in 'for datum in data_loader': an exception inside the dataset code of a worker.",
 "The stored excerpt holds the report only (closed); no cause named in it. The 'None' prints suggest the dataset returned None for some annotations (custom data).",
 run_settings="--batch_size=5")
lab("paste_openpcdet_pvrcnn_worker_exit_code1", "dataloader_worker_crash",
 "OpenPCDet PV-RCNN on KITTI with --workers 2: at epoch 0/80 'RuntimeError: DataLoader worker (pid 280265) exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.' raised from the signal handler; the progress bar never advances past 0/80.",
 "Closed as stale; the same poster saw the same error in issue #13 on a headless server; the stored excerpt holds no cause.",
 run_settings="--workers 2 --batch_size 1")
lab("paste_litgpt_slurm_nccl_checktimeout_abort", "distributed_timeout",
 "litgpt pretrain on several GPUs under SLURM: the C++ stack 'Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:618' with frames 'ProcessGroupNCCL::WorkNCCL::checkTimeout', 'ProcessGroupNCCL::watchdogHandler()', 'ncclCommWatchdog()', and then the shell: 'line 184: 2324239 Aborted (core dumped) litgpt pretrain ...': the NCCL watchdog timed out a collective and aborted the process (the abort is the consequence, not a native crash).",
 "The poster's own follow-up (litgpt PR #1851) blamed too many DataLoader workers for the CPUs SLURM granted (workers x GPUs x datasets), slow initialisation and some nodes with bad NCCL/InfiniBand setups; fixed by fewer workers, matching cpus-per-task and excluding nodes.")
lab("paste_pytorchkaldi_nan_epoch23", "nan_or_inf_loss",
 "pytorch-kaldi on LibriSpeech fbank: ep=22 train loss=0.671 valid loss=0.693 err=0.212, then ep=23 train loss=nan and valid loss=nan with valid err 0.911 (was 0.212): the loss itself became NaN, at a tiny learning rate (3.125e-06) after 22 good epochs.",
 "Maintainer (mravanelli): try activating gradient clipping (uncomment lines 216-218 of core.py).",
 run_settings="lr_architecture 6.25e-06 -> 3.125e-06 (already halved by the scheduler)")
lab("paste_openspeech_ds2_loss_nan_bar", "nan_or_inf_loss",
 "openspeech DeepSpeech2 (Lightning) on LibriSpeech, epoch 0 at 1450/35504: the progress bar shows 'loss=nan', 'train_loss=nan.0' (train_wer 0.901), after which the Hydra job errors out: the loss is NaN in the first epoch.",
 "Labelled bug/WIP; the commenter asks for the workaround; the linked NVIDIA/tacotron2#109 suggests reinstalling PyTorch or reducing the batch size; the stored excerpt names no confirmed cause.",
 run_settings="trainer.batch_size=16")
lab("paste_unsloth_gemma4_gradnorm_spike_11140", "exploding_gradients",
 "LoRA SFT of Gemma-4-31B (bf16, lr 1e-4, max_grad_norm 1.0): pre-clip grad_norm 14.98, 9.78, 7.64, then 92.10 at step 4 (12x) and 11140.00 at step 9 (about 1400x the 7.6-7.8 of the steps before) while the loss stays 1.14-1.61; by the corpus rule the gradient norm grew more than an order of magnitude above its level without NaN. Clipping at 1.0 is already on, so the updates are bounded; the loss has not diverged (yet).",
 "Labelled 'Unrelated' (not an unsloth bug); the same report in huggingface/transformers#45676 traced the spikes to Gemma 4's attention logit scaling saturating attention (logit std = scaling*sqrt(d)) together with the learning rate; axolotl PR #3987 lowered the LR / changed gradient limits for dense Gemma 4 LoRA.",
 run_settings="max_grad_norm=1.0 (clipping on); learning_rate=1e-4 cosine, warmup_steps=20; bf16; adamw_8bit; effective batch 8")
lab("paste_fault_diag_source100_target_acc_falls", "overfitting",
 "Transfer-learning fault diagnosis: source_train_acc is 100.00% on every epoch and the losses keep falling (loss 0.27 at epoch 39 -> 0.04 at epoch 86, loss_cls 0.064 -> 0.015), while target_val_acc falls 55.16% (epoch 39) -> 42.71% (epoch 47) -> 20-33% (epochs 78-86) and target_train_acc 60.38% -> 15.09%: the model fits the (source) training data ever better while held-out accuracy degrades - a widening train/validation gap.",
 "Closed; the stored excerpt holds only the poster's question (why the loss falls while accuracy keeps falling) and no answer.",
 ambiguity="the held-out set is another domain (target), so the falling accuracy is domain shift / negative transfer more than classic memorisation; the evidence in the log is the overfitting pattern (train 100%, validation falling), and if the target has few classes the 20% end could be near chance (loss_not_decreasing would then describe the validation side)")
lab("paste_minicpmv_finetune_mat1_float_half", "dtype_or_device_mismatch",
 "MiniCPM-V finetune.py with the HF Trainer: at step 0/10000 'RuntimeError: mat1 and mat2 must have the same dtype, but got Float and Half' (quoted by the poster; the traceback runs trainer.train -> training_step -> compute_loss -> self.model.base_model(...)): float32 activations meet float16 weights in a matmul.",
 "Labelled Finetune, closed; the stored excerpt holds no answer naming the fix (Colab, presumably fp16 weights on a GPU without bf16).")
lab("paste_unsloth_lora_backward_half_vs_float", "dtype_or_device_mismatch",
 "unsloth LoRA training, in backward of fast_lora.py line 116 'd_downA = h.t() @ (dY @ downB.t())': 'RuntimeError: expected mat1 and mat2 to have the same dtype, but got: c10::Half != float' - a float16 tensor multiplied with a float32 LoRA weight.",
 "Open; the commenter confirms it for any model under LoRA; the stored excerpt names no fix (the thread title has the bfloat16 variant of the same mismatch).")
lab("paste_proposalcontrast_reducer_buckets_info_healthy", "healthy",
 "The maintainer's own mmdet3d log: 'Reducer buckets have been rebuilt in this iteration.' (a DDP INFO line) and then Epoch [1][20/3953] loss 133.6462, grad_norm 1067.8555 -> Epoch [1][40/3953] loss 103.3225, grad_norm 649.0363: the loss and gradient norm fall at the start of training; the info line is harmless. Thin: two loss lines only.",
 "Maintainer: did not see it in this project, but in mmdet3d it is a normal log line and does not affect training (shows own log).")
lab("paste_rsc_dg_train100_val96_test80_healthy", "healthy",
 "RSC domain generalisation (PACS-style, test = the held-out domain): epochs 28-30 train acc 99.22-100.00% (class loss 0.010-0.059), val 96.75 / 96.75 / 96.43 (source-domain validation, stable), test 80.35 / 81.27 / 80.33 (unseen target domain), 'Best val 0.967532, corresponding test 0.812675': the validation accuracy does not fall and the train-test gap is the domain gap the method is evaluated on, not overfitting.",
 "The thread is about which of the two recorded numbers to report (best-val test vs best test); the poster's run reproduces the paper's range; nobody called it a failure.")
lab("paste_deepspeed_zero2_initial_scale_overflow_healthy", "healthy",
 "DeepSpeed ZeRO-2 fp16 at start-up: eight OVERFLOW lines in 4.6 s as the dynamic scale comes down from its initial 4294967296 (2^32) to 16777216 (2^24) - the scaler searching down from a very high initial scale, still far above 1; no loss or error shown. By the corpus definition (overflows while the scale settles at a large value) this is dynamic loss scaling working. Thin: the excerpt stops before the scale settles.",
 "The thread is about converting a model checkpoint from another trainer; the overflow lines are incidental and nobody treated them as the problem.")
