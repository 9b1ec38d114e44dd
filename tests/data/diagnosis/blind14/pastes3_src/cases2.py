# Healthy pastes, cut verbatim from the search tool's issues-index excerpts.
CASES = {}

CASES["paste3_cmgan_noisy_gan_losses_reference"] = dict(
 url="https://github.com/ruizhecao96/CMGAN/issues/32", framework="pytorch",
 trimmed="the maintainer's sentence before the log ('No it is not a smooth decrease here is a part of the logs:'); the stored excerpt ends mid-line in epoch 2, cut at the last whole line",
 log="""INFO:root:Epoch 0, Step 2000, loss: 0.0698222815990448, disc_loss: 0.003855810035020113
INFO:root:Epoch 0, Step 4000, loss: 0.10153232514858246, disc_loss: 0.0027087130583822727
INFO:root:Epoch 0, Step 6000, loss: 0.09570753574371338, disc_loss: 0.013898389413952827
INFO:root:Epoch 0, Step 8000, loss: 0.1152464747428894, disc_loss: 0.003877736860886216
INFO:root:Epoch time: 5668.203575849533
INFO:root:Epoch 1, Step 2000, loss: 0.07784414291381836, disc_loss: 0.020618950948119164
INFO:root:Epoch 1, Step 4000, loss: 0.061434850096702576, disc_loss: 0.043131016194820404
INFO:root:Epoch 1, Step 6000, loss: 0.06747680902481079, disc_loss: 0.001505840104073286
INFO:root:Epoch 1, Step 8000, loss: 0.04802854731678963, disc_loss: 0.014482944272458553
INFO:root:Epoch time: 5658.317040681839
INFO:root:Epoch 2, Step 2000, loss: 0.08109544962644577, disc_loss: 0.0069780051708221436
INFO:root:Epoch 2, Step 4000, loss: 0.07633058726787567, disc_loss: 0.006170968525111675
""")

CASES["paste3_rvc_fork_gan_losses_training_completes"] = dict(
 url="https://github.com/Mangio621/Mangio-RVC-Fork/issues/12", framework="pytorch",
 trimmed="the earlier turns (the error the thread title refers to) and the start of this turn's paste before epoch 3, as the stored excerpt gives it; the poster's next comment ('Training has fully completed and the model is working!') is not part of the log",
 log="""INFO:Conker:====> Epoch: 3 [2023-06-15 17:38:08] | (0:00:18.946464)
INFO:Conker:====> Epoch: 4 [2023-06-15 17:38:27] | (0:00:18.796072)
INFO:Conker:Train Epoch: 5 [55%]
INFO:Conker:[200, 9.995000937421877e-05]
INFO:Conker:loss_disc=3.761, loss_gen=3.288, loss_fm=8.147,loss_mel=21.058, loss_kl=1.650
""")

CASES["paste3_musubi_hunyuan_lora_loss_fine_colors_question"] = dict(
 url="https://github.com/kohya-ss/musubi-tuner/issues/14", framework="pytorch",
 trimmed="the poster's prose (the trained LoRA gives washed-out colours at inference) and the markdown fence; the stored excerpt starts at epoch 5 and ends mid-line in epoch 9, cut at the last whole line",
 log="""INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 4, epoch: 5
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 4, epoch: 5
steps:   8%|████▍                                                | 410/4920 [25:26<4:39:52,  3.72s/it, avr_loss=0.0659]
epoch 6/60
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 5, epoch: 6
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 5, epoch: 6
steps:  10%|█████▎                                               | 492/4920 [30:30<4:34:31,  3.72s/it, avr_loss=0.0589]
saving checkpoint: outputs\\sheld0nlora-000006.safetensors

epoch 7/60
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 6, epoch: 7
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 6, epoch: 7
steps:  12%|██████▎                                               | 574/4920 [35:35<4:29:26,  3.72s/it, avr_loss=0.057]
epoch 8/60
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 7, epoch: 8
INFO:dataset.image_video_dataset:epoch is incremented. current_epoch: 7, epoch: 8
steps:  13%|███████                                              | 656/4920 [40:38<4:24:09,  3.72s/it, avr_loss=0.0619]
saving checkpoint: outputs\\sheld0nlora-000008.safetensors

epoch 9/60
""")

CASES["paste3_nemo_conformer_ctc_hindi_summary"] = dict(
 url="https://github.com/NVIDIA-NeMo/Speech/issues/8872", framework="nemo",
 trimmed="the commenter's later comments (Common Voice 13 Hindi; worried the WER is suspiciously low / about overfitting); the opening brace line is kept, the stored excerpt ends at the closing of the _wandb block",
 log="""{
  "train_loss": 8.534393310546875,
  "learning_rate": 0.00012372159108053893,
  "global_step": 5610,
  "train_backward_timing in s": 0.15601778030395508,
  "train_step_timing in s": 0.34882450103759766,
  "training_batch_wer": 0.18061673641204834,
  "epoch": 30,
  "trainer/global_step": 5610,
  "_timestamp": 1712744688.4421802,
  "_runtime": 11167.270045042038,
  "_step": 293353,
  "validation_step_timing in s": 0.02845907211303711,
  "val_loss": 6.631827354431152,
  "val_wer": 0.12062931060791016,
  "test_step_timing in s": 0.043920040130615234,
  "test_loss": 10.514272689819336,
  "test_wer": 0.17779342830181122,
  "_wandb": {
    "runtime": 11166
  }
""")

CASES["paste3_rvc_losses_line_asked_if_normal"] = dict(
 url="https://github.com/RVC-Project/Retrieval-based-Voice-Conversion/issues/11", framework="pytorch",
 trimmed="the poster's sentence before the log ('Always got this message:'), the quote markers, and the question after it ('Is this normal?')",
 log="""INFO:xx:Train Epoch: 478 [92%]
INFO:xx:[110200, 9.421142503636453e-05]
INFO:xx:loss_disc=3.598, loss_gen=3.174, loss_fm=8.765,loss_mel=19.367, loss_kl=1.520
""")

CASES["paste3_peft_whisper_lora_end_of_training_losses"] = dict(
 url="https://github.com/huggingface/peft/issues/342", framework="transformers",
 trimmed="the poster's prose before the log (whisper large-v2, 10000 steps on 10k hours, the fine-tuned model transcribes a test file exactly like the base model) and the markdown fence; the stored excerpt ends mid-line, cut at the last whole line",
 log="""{'loss': 0.1152, 'learning_rate': 1.008421052631579e-06, 'epoch': 0.91}
{'loss': 0.1394, 'learning_rate': 9.821052631578948e-07, 'epoch': 0.91}
{'loss': 0.1846, 'learning_rate': 9.557894736842106e-07, 'epoch': 0.91}
{'loss': 0.184, 'learning_rate': 9.294736842105263e-07, 'epoch': 0.91}
{'loss': 0.1573, 'learning_rate': 9.031578947368421e-07, 'epoch': 0.92}
{'loss': 0.1545, 'learning_rate': 8.768421052631581e-07, 'epoch': 0.92}
{'loss': 0.1776, 'learning_rate': 8.505263157894737e-07, 'epoch': 0.92}
{'loss': 0.1664, 'learning_rate': 8.242105263157896e-07, 'epoch': 0.92}
{'loss': 0.1816, 'learning_rate': 7.978947368421053e-07, 'epoch': 0.93}
{'loss': 0.1863, 'learning_rate': 7.715789473684211e-07, 'epoch': 0.93}
{'loss': 0.1851, 'learning_rate': 7.45263157894737e-07, 'epoch': 0.93}
{'loss': 0.1654, 'learning_rate': 7.189473684210527e-07, 'epoch': 0.93}
{'loss': 0.187, 'learning_rate': 6.926315789473685e-07, 'epoch': 0.94}
{'loss': 0.1765, 'learning_rate': 6.663157894736842e-07, 'epoch': 0.94}
{'loss': 0.1579, 'learning_rate': 6.4e-07, 'epoch': 0.94}
""")
