# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste3_minicpmv_lora_gradnan_loss0"] = dict(
 url="https://github.com/OpenBMB/MiniCPM-V/issues/212", framework="transformers",
 trimmed="the issue template (existing-issue/FAQ checkboxes) and the poster's sentence before the log (full fine-tuning works on the same data, LoRA shows grad_norm nan and loss 0 after the first step); the opening markdown fence; the stored excerpt ends mid-line after the 12th log line",
 log="""{'loss': 1.0778, 'grad_norm': nan, 'learning_rate': 0.0, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 1.313247675185968e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 2.0814483193289963e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 2.626495350371936e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 3.0492666725598114e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 3.394695994514964e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 3.6867523248140324e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 3.9397430255579027e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 4.1628966386579925e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 4.36251434774578e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 4.5430905306402606e-07, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 4.707943669700932e-07, 'epoch':
""")

CASES["paste3_whisper_finetune_lr3e3_evalnan"] = dict(
 url="https://github.com/vasistalodagala/whisper-finetune/issues/11", framework="transformers",
 trimmed="the poster's prose before the log (fine-tune_on_custom_dataset.py with the 'standard' parameters, eval_wer stuck high, a question about 16 kHz wav input) and the dashed separator line; the stored excerpt ends mid-line after the loss 0.0 line",
 log="""{'loss': 1.2395, 'learning_rate': 0.001488, 'epoch': 0.13}
{'loss': 1.8445, 'learning_rate': 0.002988, 'epoch': 0.27}
{'loss': 1.8692, 'learning_rate': 0.002979891891891892, 'epoch': 0.4}
{'loss': 1.8025, 'learning_rate': 0.0029596621621621622, 'epoch': 0.53}
{'loss': 1.7203, 'learning_rate': 0.002939391891891892, 'epoch': 0.67}
{'loss': 1.5855, 'learning_rate': 0.0029191621621621625, 'epoch': 0.8}
{'loss': 1.5751, 'learning_rate': 0.002900716216216216, 'epoch': 0.93}
{'eval_loss': nan, 'eval_wer': 100.0, 'eval_runtime': 22.4018, 'eval_samples_per_second': 2.232, 'eval_steps_per_second': 0.312, 'epoch': 1.0}
{'loss': 2.4114, 'learning_rate': 0.002896135135135135, 'epoch': 1.07}
{'loss': 0.0, 'learning_
""")

CASES["paste3_wav2vec2_zh_trainstate_evalnan_loss0"] = dict(
 url="https://github.com/TencentGameMate/chinese_speech_pretrain/issues/22", framework="transformers",
 trimmed="the poster's sentence before it (fine-tuning per the HF wav2vec2 blog, 'Here it is train_state.json:'); the stored excerpt ends inside the log_history list after the third evaluation",
 log="""  "best_metric": null,
  "best_model_checkpoint": null,
  "epoch": 18.9873417721519,
  "global_step": 1500,
  "is_hyper_param_search": false,
  "is_local_process_zero": true,
  "is_world_process_zero": true,
  "log_history": [
    {
      "epoch": 6.33,
      "learning_rate": 3.49e-05,
      "loss": 14.8414,
      "step": 500
    },
    {
      "epoch": 6.33,
      "eval_loss": NaN,
      "eval_runtime": 36.5218,
      "eval_samples_per_second": 49.286,
      "eval_steps_per_second": 2.054,
      "eval_wer": 0.9999660072064722,
      "step": 500
    },
    {
      "epoch": 12.66,
      "learning_rate": 8.34e-05,
      "loss": 0.0,
      "step": 1000
    },
    {
      "epoch": 12.66,
      "eval_loss": NaN,
      "eval_runtime": 36.5778,
      "eval_samples_per_second": 49.21,
      "eval_steps_per_second": 2.05,
      "eval_wer": 0.9999660072064722,
      "step": 1000
    },
    {
      "epoch": 18.99,
      "learning_rate": 7.562043795620438e-05,
      "loss": 0.0,
      "step": 1500
    },
    {
      "epoch": 18.99,
      "eval_loss": NaN,
      "eval_runtime": 36.5273,
      "eval_samples_per_second": 49.278,
      "eval_steps_per_second": 2.053,
      "eval_wer": 0.9999660072064722,
""")

CASES["paste3_tensorflowtts_fastspeech2_mel_nan"] = dict(
 url="https://github.com/TensorSpeech/TensorFlowTTS/issues/258", framework="tensorflow",
 trimmed="nothing of the paste (the whole description is the log); the maintainer's reply is not part of it",
 log="""[train]:  48%|████▊     | 95400/200000 [02:45<7:39:06,  3.80it/s]2020-09-10 11:52:14,447 (base_trainer:831) INFO: (Step: 95400) train_duration_loss = 0.0353.
2020-09-10 11:52:14,448 (base_trainer:831) INFO: (Step: 95400) train_f0_loss = 0.0659.
2020-09-10 11:52:14,448 (base_trainer:831) INFO: (Step: 95400) train_energy_loss = 0.0505.
2020-09-10 11:52:14,449 (base_trainer:831) INFO: (Step: 95400) train_mel_loss_before = nan.
2020-09-10 11:52:14,449 (base_trainer:831) INFO: (Step: 95400) train_mel_loss_after = nan.
""")

CASES["paste3_mozilla_tts_tacotron_decoder_loss_nan"] = dict(
 url="https://github.com/mozilla/TTS/issues/668", framework="pytorch",
 trimmed="the commenter's prose before (first training on an own Hakka data set) and after the traceback (config link, Colab link, 'the training always hits the exception around 2k steps'); kept the traceback as pasted, including its interleaved lines",
 log="""Traceback (most recent call last):
  File "TTS/TTS/bin/train_tacotron.py", line 721, in <module>
    main(args)RuntimeError:  [!] NaN loss with decoder_loss.

  File "TTS/TTS/bin/train_tacotron.py", line 623, in main
    scaler_st)
  File "TTS/TTS/bin/train_tacotron.py", line 184, in train
    text_lengths)
  File "/usr/local/lib/python3.7/dist-packages/torch/nn/modules/module.py", line 1102, in _call_impl
    return forward_call(*input, **kwargs)
  File "/content/TTS/TTS/tts/layers/losses.py", line 398, in forward
    raise RuntimeError(f" [!] NaN loss with {key}.")
 ! Run is kept in /home/yuten/work/hakka-ddc-March-27-2022_09+31PM-0000000
""")

CASES["paste3_musubi_lora_avrloss_nan_every_epoch"] = dict(
 url="https://github.com/kohya-ss/musubi-tuner/issues/26", framework="pytorch",
 trimmed="the commenter's earlier turns and prose (trained LoRAs have no effect); the stored excerpt starts at epoch 2/15 and ends mid-line in epoch 5, cut at the last whole line",
 log="""epoch 2/15
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 1, epoch: 2
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 1, epoch: 2
steps:  13%|█████████▏                                                           | 440/3300 [21:33<2:20:06,  2.94s/it, avr_loss=nan]
saving checkpoint: D:/Msubi/musubi-tuner/Output/P4ulink4_test2\\P4ulink4_512_test_2-000002.safetensors

epoch 3/15
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 2, epoch: 3
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 2, epoch: 3
steps:  20%|█████████████▊                                                       | 660/3300 [32:17<2:09:08,  2.94s/it, avr_loss=nan]
saving checkpoint: D:/Msubi/musubi-tuner/Output/P4ulink4_test2\\P4ulink4_512_test_2-000003.safetensors

epoch 4/15
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 3, epoch: 4
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 3, epoch: 4
steps:  27%|██████████████████▍                                                  | 880/3300 [42:57<1:58:08,  2.93s/it, avr_loss=nan]
saving checkpoint: D:/Msubi/musubi-tuner/Output/P4ulink4_test2\\P4ulink4_512_test_2-000004.safetensors

epoch 5/15
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 4, epoch: 5
""")

CASES["paste3_llamafactory_nccl_allreduce_600s_step13"] = dict(
 url="https://github.com/hiyouga/LlamaFactory/issues/2902", framework="transformers",
 trimmed="the commenter's Chinese sentence before the log (use_fast_tokenizer is already true by default, NCCL timeout still happens); the stored excerpt ends mid-line in rank 1's second message, cut at the last whole line",
 log="""{'loss': 0.8533, 'grad_norm': 4.869833469390869, 'learning_rate': 1.4516129032258065e-05, 'epoch': 0.16}

  2%|▏         | 10/620 [00:52<50:17,  4.95s/it]
  2%|▏         | 11/620 [00:57<49:56,  4.92s/it]
  2%|▏         | 12/620 [01:02<49:53,  4.92s/it]
  2%|▏         | 13/620 [01:07<50:20,  4.98s/it][rank0]:[E1123 00:52:57.664949121 ProcessGroupNCCL.cpp:607] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1516, OpType=ALLREDUCE, NumelIn=25427968, NumelOut=25427968, Timeout(ms)=600000) ran for 600017 milliseconds before timing out.
[rank0]:[E1123 00:52:57.665427695 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 0] Exception (either an error or timeout) detected by watchdog at work: 1516, last enqueued NCCL work: 1516, last completed NCCL work: 1515.
[rank1]:[E1123 00:52:57.704703955 ProcessGroupNCCL.cpp:607] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1517, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600026 milliseconds before timing out.
""")

CASES["paste3_f5tts_nccl_watchdog_epoch2"] = dict(
 url="https://github.com/SWivid/F5-TTS/issues/346", framework="pytorch",
 trimmed="the poster's sentence before the log (training with the frame dataset in parallel); the stored excerpt ends mid-line in a later rank-1 message, cut at the last whole line",
 log="""Epoch 2/30:   0%|          | 6/8563 [00:10<4:06:13,  1.73s/step, loss=0.656, step=8569][rank1]:[E1030 03:19:32.584828663 ProcessGroupNCCL.cpp:616] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=215121, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600080 milliseconds before timing out.
[rank1]:[E1030 03:19:32.585495736 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank 1] Exception (either an error or timeout) detected by watchdog at work: 215121, last enqueued NCCL work: 215121, last completed NCCL work: 215120.
[rank0]:[E1030 03:19:32.598350807 ProcessGroupNCCL.cpp:616] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=215122, OpType=BROADCAST, NumelIn=2149508, NumelOut=2149508, Timeout(ms)=600000) ran for 600093 milliseconds before timing out.
[rank0]:[E1030 03:19:32.599256168 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank 0] Exception (either an error or timeout) detected by watchdog at work: 215122, last enqueued NCCL work: 215122, last completed NCCL work: 215121.
""")

CASES["paste3_reagent_dqn_td_loss_diverges"] = dict(
 url="https://github.com/facebookresearch/ReAgent/issues/189", framework="pytorch",
 trimmed="the poster's sentence before the log ('Here is the result that I get for step 4 training'); the stored excerpt ends mid-number after 2604999.000, cut at the last whole line",
 log="""INFO:ml.rl.training.loss_reporter:TD LOSS: 4.965
INFO:ml.rl.training.loss_reporter:TD LOSS: 37.244
INFO:ml.rl.training.loss_reporter:TD LOSS: 468.071
INFO:ml.rl.training.loss_reporter:TD LOSS: 2035.612
INFO:ml.rl.training.loss_reporter:TD LOSS: 21475.918
INFO:ml.rl.training.loss_reporter:TD LOSS: 86164.719
INFO:ml.rl.training.loss_reporter:TD LOSS: 363833.531
INFO:ml.rl.training.loss_reporter:TD LOSS: 946168.875
INFO:ml.rl.training.loss_reporter:TD LOSS: 2604999.000
""")

CASES["paste3_trace_llama3_lora_loss_repeats_per_epoch"] = dict(
 url="https://github.com/BeyonderXX/TRACE/issues/5", framework="pytorch",
 trimmed="the poster's sentence before the log ('We used llama3 with lora method, but there is no change in Loss.'); the stored excerpt ends mid-line at epoch 2 step 6, cut at the last whole line",
 log="""***** Running training *****

  0%|          | 0/144 [00:00<?, ?it/s]Beginning of Epoch 1/18, Total Micro Batches 8

  1%|          | 1/144 [00:01<02:35,  1.09s/it]
Epoch 1, Step 0, Loss: 0.9741:   1%|▏         | 2/144 [00:02<02:20,  1.01it/s]
Epoch 1, Step 1, Loss: 1.3742:   2%|▏         | 3/144 [00:03<03:09,  1.34s/it]
Epoch 1, Step 2, Loss: 1.2390:   3%|▎         | 4/144 [00:05<03:19,  1.43s/it]
Epoch 1, Step 3, Loss: 0.9670:   3%|▎         | 5/144 [00:07<03:42,  1.60s/it]
Epoch 1, Step 4, Loss: 1.0386:   4%|▍         | 6/144 [00:09<04:01,  1.75s/it]
Epoch 1, Step 5, Loss: 1.1681:   5%|▍         | 7/144 [00:11<04:22,  1.92s/it]
Epoch 1, Step 6, Loss: 1.2240:   6%|▌         | 8/144 [00:12<03:45,  1.66s/it]Beginning of Epoch 2/18, Total Micro Batches 8

Epoch 1, Step 7, Loss: 0.9610:   6%|▋         | 9/144 [00:13<03:00,  1.33s/it]
Epoch 2, Step 0, Loss: 0.9741:   7%|▋         | 10/144 [00:14<02:58,  1.34s/it]
Epoch 2, Step 1, Loss: 1.3742:   8%|▊         | 11/144 [00:16<03:14,  1.47s/it]
Epoch 2, Step 2, Loss: 1.2390:   8%|▊         | 12/144 [00:17<03:16,  1.49s/it]
Epoch 2, Step 3, Loss: 0.9670:   9%|▉         | 13/144 [00:19<03:25,  1.57s/it]
Epoch 2, Step 4, Loss: 1.0386:  10%|▉         | 14/144 [00:21<03:40,  1.69s/it]
Epoch 2, Step 5, Loss: 1.1681:  10%|█         | 15/144 [00:23<03:58,  1.85s/it]
""")

CASES["paste3_dreambooth_colab_oom_2gib"] = dict(
 url="https://github.com/geocine/sd-easy-mode/issues/2", framework="pytorch",
 trimmed="nothing before the log (the description starts with it); the stored excerpt ends mid-line inside the CalledProcessError command list, cut at the last whole line",
 log="""torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 14.76 GiB total capacity; 10.17 GiB already allocated; 1.78 GiB free; 11.71 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
Traceback (most recent call last):
  File "/usr/local/bin/accelerate", line 8, in <module>
    sys.exit(main())
  File "/usr/local/lib/python3.8/dist-packages/accelerate/commands/accelerate_cli.py", line 43, in main
    args.func(args)
  File "/usr/local/lib/python3.8/dist-packages/accelerate/commands/launch.py", line 837, in launch_command
    simple_launcher(args)
  File "/usr/local/lib/python3.8/dist-packages/accelerate/commands/launch.py", line 354, in simple_launcher
    raise subprocess.CalledProcessError(returncode=process.returncode, cmd=cmd)
""")
