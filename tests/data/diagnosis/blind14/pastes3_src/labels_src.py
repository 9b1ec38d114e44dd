L = {}
def lab(name, expected, decidable, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, decidable=decidable, rationale=rationale, thread_diagnosis=thread,
                   run_settings=run_settings, ambiguity=ambiguity)

# ---------------------------------------------------------------- failing
lab("paste3_minicpmv_lora_gradnan_loss0", "nan_or_inf_loss", True,
 "MiniCPM-V LoRA fine-tune (HF Trainer): 'grad_norm': nan from the first logged step (loss 1.0778), then 'loss': 0.0, 'grad_norm': nan on every one of the next 11 lines while the warmup learning rate rises 1.3e-07 -> 4.7e-07: gradients are NaN from the start and the loss sits at a constant 0 (the corpus rule's 'stays at a constant after the gradients became NaN').",
 "Closed; the stored excerpt holds only the report (full fine-tuning on the same data is fine, LoRA is not); no cause named in it.")
lab("paste3_whisper_finetune_lr3e3_evalnan", "nan_or_inf_loss", True,
 "Whisper fine-tune with learning_rate ~0.003 (0.001488 -> 0.002988 after warmup): training loss climbs 1.2395 -> 1.8692 instead of falling, the first evaluation gives 'eval_loss': nan with 'eval_wer': 100.0, then loss 2.4114 and 'loss': 0.0: the loss itself is NaN at evaluation and the training loss collapses to a constant 0 after it.",
 "Open; the stored excerpt holds only the report (poster asks why eval_wer stays high); no answer. The learning rate ~3e-3 is far above usual Whisper fine-tuning rates (1e-5 range), which the log shows but the thread does not discuss.",
 run_settings="learning_rate peaks at 0.002988 (linear decay after warmup)")
lab("paste3_wav2vec2_zh_trainstate_evalnan_loss0", "nan_or_inf_loss", True,
 "wav2vec2 CTC fine-tune, trainer_state.json log_history: loss 14.8414 at step 500, then 'eval_loss': NaN at steps 500, 1000 and 1500 with eval_wer 0.99997 every time, and training 'loss': 0.0 at steps 1000 and 1500: NaN loss with a constant-zero training loss and no learning (WER ~1.0).",
 "Open; the stored excerpt holds only the report; no answer. (A well-known cause for this HF wav2vec2 pattern, CTC inf losses without ctc_zero_infinity, is not mentioned in the excerpt.)")
lab("paste3_tensorflowtts_fastspeech2_mel_nan", "nan_or_inf_loss", True,
 "FastSpeech2 at step 95400 of 200000: train_duration_loss 0.0353, train_f0_loss 0.0659, train_energy_loss 0.0505 finite, but train_mel_loss_before = nan and train_mel_loss_after = nan: the mel losses themselves are NaN.",
 "Maintainer (dathudeptrai): stop training, load the pretrained/last checkpoint and continue without mixed_precision; poster agreed. A float16 numerical overflow, not a data or shape problem.",
 run_settings="mixed_precision on (per the maintainer's reply; not visible in the log)")
lab("paste3_mozilla_tts_tacotron_decoder_loss_nan", "nan_or_inf_loss", True,
 "Tacotron (train_tacotron.py) stops with 'RuntimeError:  [!] NaN loss with decoder_loss.' raised by TTS/tts/layers/losses.py line 398 (the loss check), 'Run is kept in ...': the decoder loss became NaN (poster: always around 2k steps).",
 "Labelled wontfix; in the stored excerpt nobody answers this comment. In the same thread the earlier advice for NaN in this repo was to disable mixed precision / lower the learning rate; not confirmed for this run.")
lab("paste3_musubi_lora_avrloss_nan_every_epoch", "nan_or_inf_loss", True,
 "musubi-tuner (HunyuanVideo) LoRA: the progress bar shows avr_loss=nan at the end of epochs 2, 3 and 4 (steps 440, 660, 880 of 3300) while checkpoints keep being saved: the loss is NaN and the saved LoRAs are useless (poster: 'Trained LoRAs not working').",
 "Open; the stored excerpt holds no answer naming the cause for this commenter.")
lab("paste3_llamafactory_nccl_allreduce_600s_step13", "distributed_timeout", True,
 "Multi-GPU LlamaFactory SFT: training runs (loss 0.8533 at step 10, ~4.95 s/it) and at step 13/620 both ranks report 'Watchdog caught collective operation timeout: WorkNCCL(... OpType=ALLREDUCE ..., Timeout(ms)=600000) ran for 600017 milliseconds before timing out'; rank 0 is at SeqNum 1516 and rank 1 at 1517 - the ranks went out of step and the collective timed out after 10 minutes.",
 "Labelled solved (for the original report: use_fast_tokenizer); this commenter says the fast tokenizer is already the default and the NCCL timeout still happens; no further fix in the stored excerpt.")
lab("paste3_f5tts_nccl_watchdog_epoch2", "distributed_timeout", True,
 "F5-TTS multi-GPU training, epoch 2 step 6 (loss 0.656): rank 1 times out on an ALLREDUCE and rank 0 on a BROADCAST (SeqNum 215121 vs 215122), both 'ran for 600080/600093 milliseconds before timing out' (Timeout(ms)=600000): a collective timeout with ranks desynchronised.",
 "Open; the stored excerpt holds only the report (poster suspects the frame-based/bucketed dataset in parallel); no answer.")
lab("paste3_reagent_dqn_td_loss_diverges", "exploding_gradients", True,
 "ReAgent DQN workflow: TD LOSS grows 4.965 -> 37.2 -> 468 -> 2036 -> 21476 -> 86165 -> 363834 -> 946169 -> 2604999 over nine reports, about five orders of magnitude above its start, never NaN: divergence.",
 "The poster suspects the target update rate (0.2 by default) is too large - a smaller value made training stable; the maintainer asked how to reproduce; no confirmed fix in the stored excerpt.")
lab("paste3_trace_llama3_lora_loss_repeats_per_epoch", "loss_not_decreasing", True,
 "Llama-3 LoRA, 8 micro-batches per epoch: epoch 2 repeats epoch 1's losses exactly, step by step (0.9741, 1.3742, 1.2390, 0.9670, 1.0386, 1.1681 at steps 0-5 in both epochs): the model's outputs on the same batches did not change at all, i.e. no parameter update takes effect (the loss stays at an exact constant per batch). No NaN, no growth.",
 "Closed; the stored excerpt holds only the report ('no change in Loss'); no cause named (typical causes: LoRA parameters not given to the optimizer, learning rate 0, frozen adapter).",
 ambiguity=None)
lab("paste3_dreambooth_colab_oom_2gib", "out_of_memory", True,
 "DreamBooth training (train_dreambooth.py under accelerate on Colab): 'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 14.76 GiB total capacity; 10.17 GiB already allocated; 1.78 GiB free; 11.71 GiB reserved in total by PyTorch)', after which accelerate's launcher raises CalledProcessError.",
 "Closed; the stored excerpt holds only the report (same error with new accounts and other images); no answer.")

# ---------------------------------------------------------------- healthy
lab("paste3_cmgan_noisy_gan_losses_reference", "healthy", True,
 "Reference log posted by the maintainer: generator loss 0.048-0.115 and disc_loss 0.0015-0.043 across epochs 0-2, jumping up and down between reports (0.0698 -> 0.1015 -> 0.0957 -> 0.1152, then 0.0778 -> 0.0614 -> 0.0675 -> 0.0480) with a slight downward drift; GAN losses are not meant to fall smoothly; all finite, no error.",
 "Maintainer (SherifAbdulatif), answering whether the generator loss should fall quickly: 'No it is not a smooth decrease here is a part of the logs' - this is the expected behaviour.")
lab("paste3_rvc_fork_gan_losses_training_completes", "healthy", True,
 "RVC (VITS-style) training: epochs 3 and 4 finish in ~19 s each, epoch 5 at 55% logs loss_disc=3.761, loss_gen=3.288, loss_fm=8.147, loss_mel=21.058, loss_kl=1.650 - magnitudes usual for these GAN losses; no error.",
 "The poster's next comment: 'Training has fully completed and the model is working!' (the error in the thread title was from an earlier attempt).")
lab("paste3_musubi_hunyuan_lora_loss_fine_colors_question", "healthy", True,
 "musubi-tuner LoRA, epochs 5-8 of 60: avr_loss 0.0659 -> 0.0589 -> 0.057 -> 0.0619, steady 3.72 s/it, checkpoints saved; a finite, flat-to-slightly-falling diffusion loss, which is normal for LoRA training; no error.",
 "Closed; the question is about washed-out colours at inference, not about training; the stored excerpt names no training fault.")
lab("paste3_nemo_conformer_ctc_hindi_summary", "healthy", True,
 "NeMo Conformer-CTC on Common Voice 13 Hindi, epoch 30 summary: training_batch_wer 0.181, val_wer 0.121, test_wer 0.178; val_loss 6.63 below train_loss 8.53 (training loss is measured with augmentation/dropout); test metrics close to training ones, so no overfitting gap; no error.",
 "Closed (stale); the poster asked why the WER is so low and said they had been worried about overfitting; no maintainer diagnosis in the stored excerpt, the poster thanked and left it.")
lab("paste3_rvc_losses_line_asked_if_normal", "healthy", True,
 "RVC training at epoch 478, step 110200, lr 9.42e-05: loss_disc=3.598, loss_gen=3.174, loss_fm=8.765, loss_mel=19.367, loss_kl=1.520 - finite values in the usual range for this model; no error line.",
 "Answer in the thread (Tps-F): 'Yeah, that's okay.'")
lab("paste3_peft_whisper_lora_end_of_training_losses", "healthy", True,
 "Whisper large-v2 LoRA near the end of the first epoch (0.91-0.94): training loss 0.115-0.187, noisy but low and finite, learning rate decaying linearly 1.0e-06 -> 6.4e-07; nothing in the log shows a training failure.",
 "Closed; the poster's problem is that the fine-tuned model transcribes exactly like the base model at inference (typical cause: the adapter not loaded/merged at inference); the training log itself is fine.")
