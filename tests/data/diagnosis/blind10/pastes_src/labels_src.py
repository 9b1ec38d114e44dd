L = {}
def lab(name, expected, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, rationale=rationale, thread_diagnosis=thread, run_settings=run_settings, ambiguity=ambiguity)

lab("paste_torch_mnist_acc_collapse_chance", "loss_not_decreasing",
 "MNIST (10 classes): after epochs 37-38 at train loss 0.068-0.078 / test acc 98.8%, epoch 39 train loss 0.418 and test loss 2.294 (acc 12.56%), and epoch 40 train loss 2.302 / test loss 2.301 with acc 11.1% / 10.6%: the loss returned to ln(10)=2.303 and stays there with accuracy at chance; no NaN and no growth by orders of magnitude above the chance level.",
 "The stored excerpt holds only the report (labelled triaged, closed) and no answer; no cause was named in it.")
lab("paste_lightning_trainloss_flat_4p600", "loss_not_decreasing",
 "Lightning progress bar, epoch 0 steps 100-107 of 704: train_loss=4.600 on every step, i.e. ln(100)=4.605, the chance level of a 100-class problem; the title says the loss does not descend. Flat at the trivial level, no NaN, no growth.",
 "Labelled '3rd party, bug, optimization' and closed; the stored excerpt holds no maintainer answer naming the cause.")
lab("paste_litgpt_codellama_loss_jump_11", "loss_not_decreasing",
 "Full fine-tune of CodeLlama-7B: loss 1.7019 at iter 1151, then 11.46, 11.75, 11.50, 11.48, 12.19, 10.02, 10.94, 10.55 (iters 1152-1159): it jumped to about ln(32016 vocab)=10.4, the uniform-prediction level, and stays there; a second run in another precision oscillates 2.37-5.59 at iter 3704-3709. The rise is 6-7x, below an order of magnitude over its start, and ends at the chance level, so by the corpus rule it is loss_not_decreasing; the event itself is a divergence (instability), hence top3_ok.",
 "The stored excerpt holds the report only (closed, labelled question); no cause named in it.",
 ambiguity="a sudden divergence (exploding_gradients: the learning rate/instability blew the model up) that settled at the chance level (loss_not_decreasing by the corpus rule); growth is 6.7x, not tenfold")
lab("paste_llamafactory_qwen14b_loss0_gradnan", "nan_or_inf_loss",
 "LoRA SFT of Qwen2.5-14B under DeepSpeed ZeRO-3, bf16, lr 1e-4: the logged line is 'loss': 0.000, 'grad_norm': nan - the gradients are NaN and the loss sits at a constant 0, the corpus rule's 'stays at a constant after the gradients became NaN'.",
 "Labelled solved; the stored excerpt does not include the fix.",
 run_settings="bf16: true; DeepSpeed ZeRO-3; learning_rate 1.0e-4 with cosine schedule and warmup_ratio 0.1")
lab("paste_llamafactory_win_bf16_gradnan", "nan_or_inf_loss",
 "bf16 run: grad_norm nan from the first logged step with loss 344093.2, then loss 0.0 with grad_norm nan; the fp16 run logs loss 4.50-4.68 with grad_norm nan on every line at lr 1e-4. NaN gradients on every step with a constant or meaningless loss, on any model (poster: Qwen2.5, Llama3, Phi3.5).",
 "Closed as wontfix; the stored excerpt shows no resolution (Windows, RTX 3090, llamafactory 0.9.1.dev0).")
lab("paste_vits_chinese_loss_nan_inf", "nan_or_inf_loss",
 "VITS training epoch 37 (steps 28400-29000): the loss list [loss_disc, loss_gen, loss_fm, loss_mel, loss_dur, loss_kl] is [nan, nan, nan, 83-91, ~1.0, inf] on every log line: the losses themselves are NaN/Inf.",
 "The poster closed it: the monotonic_align package they had installed (resemble-ai/monotonic_align) gave results different from the bundled one; switching back removed the inf. A numerical bug in one op, not the learning rate.")
lab("paste_mdeq_eval_oom_25gib", "out_of_memory",
 "RuntimeError: CUDA out of memory. Tried to allocate 25.49 GiB (GPU 0; 23.70 GiB total capacity; 57.77 MiB already allocated; 22.24 GiB free): a single allocation larger than the whole 24 GB device, at the evaluation stage of the first epoch.",
 "Not resolved in the thread: the maintainer found it strange for the TINY CIFAR model; the poster only observed that it happens when switching from training to evaluation.")
lab("paste_dlartschool_oom_bs188", "out_of_memory",
 "OutOfMemoryError: CUDA out of memory. Tried to allocate 1.55 GiB (GPU 0; 23.99 GiB total capacity; 20.44 GiB already allocated; 0 bytes free; 22.59 GiB reserved) at the start of training.",
 "A commenter with the same error: any total batch size under 100 works (80 training + 20 validation) - the batch of 188 (+48 validation) does not fit.",
 run_settings="training batch size 188, validation batch size 48 (poster's text)")
lab("paste_rnnt_oom_mid_epoch", "out_of_memory",
 "RuntimeError: CUDA out of the memory. Tried to allocate 2.97GiB (GPU 0; 10.92GiB total capacity; 5.99GiB already allocated; 1.7GiB free; 8.63GiB reserved), during epoch 0 at 34-36% (title).",
 "No answer in the stored excerpt; the poster had already lowered batch size and feature dim without success.")
lab("paste_pycls_worker_segfault", "dataloader_worker_crash",
 "ERROR: Unexpected segmentation fault encountered in worker. -> RuntimeError: DataLoader worker (pid 624) is killed by signal: Segmentation fault, raised in train_epoch via pycls multi_proc_run.",
 "No answer in the stored excerpt (open).")
lab("paste_jetson_ssd_worker_segfault_epoch15", "dataloader_worker_crash",
 "train_ssd.py with --workers=2 trains normally (epoch 15 step 230, avg loss 3.99) and then 'ERROR: Unexpected segmentation fault encountered in worker.' with the DataLoader _try_get_data traceback.",
 "No resolution in the stored excerpt (the poster hit it twice at epoch 15).",
 run_settings="--workers=2 --batch-size=4 --epochs=30")
lab("paste_timm_worker_segfault_epoch72", "dataloader_worker_crash",
 "timm ImageNet training at epoch 72 (1400/5004, loss 2.802, LR 1e-3) then 'ERROR: Unexpected segmentation fault encountered in worker.' from the DataLoader.",
 "Labelled bug and closed; the stored excerpt does not say what fixed it.")
lab("paste_opensora_worker_segfault_bucket", "dataloader_worker_crash",
 "RuntimeError: DataLoader worker (pid 1871778) is killed by signal: Segmentation fault, raised from the training loop 'for step, batch in pbar' (Open-Sora v1.1 training with bucketing).",
 "Closed as stale; no resolution in the stored excerpt.")
lab("paste_torch_elastic_agent_sigterm", "preempted_or_node_failure",
 "Two-node torchrun elastic job: one node logs RendezvousClosedError, the other 'Received 15 death signal, shutting down workers' and 'Sending process 1365 closing signal SIGTERM': the run ended because a node's agent was terminated (the poster killed it with ctrl+c / kill -15 to test fault tolerance), not because of the training code.",
 "The poster deliberately killed one node's agent to test elasticity; the thread is about torch elastic not restarting; labelled oncall: distributed, triaged.")
lab("paste_celltracker_gnn_mat1_mat2", "shape_mismatch",
 "RuntimeError: mat1 and mat2 shapes cannot be multiplied (30812x12 and 128x64): the input features (12) do not match the first Linear layer's expected 128.",
 "Maintainer: the input does not match the model's expected dimension (some MLP); a commenter found the configs were made for Fluo-N2DH-SIM+ (628x690 images) and other image shapes give this error.")
lab("paste_anomaly_mil_mat1_mat2_features", "shape_mismatch",
 "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1920x2048 and 4096x512): 2048-dim ResNet features fed to a model whose first layer expects 4096-dim (C3D) features.",
 "The poster resolved it (without saying how); the mismatch is between the pre-computed ResNet feature size and the model's input size.")
lab("paste_deeplab_xception_device_assert", "device_side_assert",
 "RuntimeError: CUDA error: device-side assert triggered, during segmentation training.",
 "A commenter: it is about the number of classes (label values outside [0, num_classes)); the original poster did not report back.")
lab("paste_llamafactory_nccl_watchdog_after_steps", "distributed_timeout",
 "Multi-GPU SFT trains (steps 10-24 of 1752 at ~2.8 s/it, loss 3.55 then 0.0) and then '[rank5] ... ProcessGroupNCCL.cpp:632] [Rank 5] Watchdog caught collective operati(on timeout)' - a collective that never completed, the NCCL watchdog timeout of the title.",
 "Closed as wontfix; the stored excerpt holds no cause.")
lab("paste_chatglm6b_ptuning_half_float", "dtype_or_device_mismatch",
 "Fine-tuning chatglm-6b-int4-qe with ds_train_finetune.sh fails with RuntimeError: expected scalar type Half but found Float (poster's sentence) from ptuning/main.py: a float16/float32 tensor mix inside the model.",
 "Closed; the stored excerpt does not include the fix (quantized int4 model with DeepSpeed full fine-tuning).")
lab("paste_demucs_valid_still_improving", "healthy",
 "Epochs 000-012: train 0.1794 -> 0.1284 steadily, valid 0.2343 -> 0.2047 with small ups and downs (0.2138 -> 0.2154 -> 0.2166 -> 0.2106), and best still improving at epochs 7, 9 and 12. The poster thought it had stopped improving; the numbers show a normal, still-improving run with a normal train/valid gap.",
 "Labelled question and closed; the stored excerpt holds the poster's log only. The label rests on the log: best valid is still falling.")
lab("paste_dcrnn_train_mae_wiggle_val_improving", "healthy",
 "Epochs 22-25: train_mae 1.9640, 1.9654, 1.9693, 1.9701 (a 0.3% wiggle the poster called 'starts to rise') while val_mae goes 2.7854 -> 2.7837 and the checkpoint is saved twice on 'Val loss decrease'. Normal late-training noise; validation still improves.",
 "Closed without a fix in the stored excerpt; the label rests on the log (validation keeps improving).",
 run_settings="lr 0.001 at this point")
lab("paste_simpletransformers_running_loss_noise", "healthy",
 "Fine-tuning at 70-71% of the epoch (iterations 1321-1332 of 1875): the per-batch running loss moves between 0.40 and 1.74 with no trend up and no NaN - ordinary per-batch noise of a small-batch fine-tune; speed steady at 2.24 it/s.",
 "The poster asked why the loss fluctuates; closed. Per-batch loss noise is expected; nothing in the log indicates a failure.")
lab("paste_icefall_ddp_reducer_buckets_info", "healthy",
 "Multi-node DDP start of a conformer CTC/attention run: batch 0 total avg loss 2.34-2.49 on three ranks, 'Reducer buckets have been rebuilt in this iteration.' (an INFO message printed once by DDP), batch 10 avg loss 2.39. A normal start.",
 "A PR adding multi-node training; the log is its demonstration that training runs.")
lab("paste_intel_ext_kldiv_userwarning", "healthy",
 "Distillation training at 3000/6000 and 3500/6000 steps, loss 0.2311 -> 0.2301, checkpoints saved at 4.07-4.09 it/s; the repeated UserWarning about KLDiv reduction='mean' vs 'batchmean' is a deprecation notice, not an error.",
 "A version-update PR whose log shows training running; the warning is PyTorch's standard kl_div notice.")
lab("paste_fairseq_transformer_epochs_8_10", "healthy",
 "fairseq transformer, epochs 8-10: train loss 6.326 -> 6.233 -> 6.144, valid_loss 6.438 -> 6.372 with 'best' updated each epoch, gnorm ~1.2-1.28, clip 0%, oom 0. Training and validation both still improving.",
 "The thread is about generated sentences being unrelated to the input (a data/task question), not about the training; the training log itself is normal.")
