from cases1 import case

case(name="paste_liquidnet_input_cuda_weight_cpu",
 url="https://github.com/kyegomez/LiqudNet/issues/7", framework="pytorch (LiquidNet train.py)",
 expected="dtype_or_device_mismatch",
 argv=["/bin/python3", "/home/v/LiqudNet/train.py"],
 log="""v@v-System-Product-Name:~/LiqudNet$ /bin/python3 /home/v/LiqudNet/train.py
torch.Size([4, 10])
Files already downloaded and verified
Files already downloaded and verified
Traceback (most recent call last):
  File "/home/v/LiqudNet/train.py", line 50, in <module>
    outputs = model(images)
  File "/home/v/.local/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1501, in _call_impl
    return forward_call(*args, **kwargs)
  File "/home/v/LiqudNet/liquidnet/vision_liquidnet.py", line 30, in forward
    x = self.pool(torch.relu(self.conv1(x)))
  File "/home/v/.local/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1501, in _call_impl
    return forward_call(*args, **kwargs)
  File "/home/v/.local/lib/python3.10/site-packages/torch/nn/modules/conv.py", line 463, in forward
    return self._conv_forward(input, self.weight, self.bias)
  File "/home/v/.local/lib/python3.10/site-packages/torch/nn/modules/conv.py", line 459, in _conv_forward
    return F.conv2d(input, weight, bias, self.stride,
RuntimeError: Input type (torch.cuda.FloatTensor) and weight type (torch.FloatTensor) should be the same
""",
 trimmed="nothing",
 rationale="'RuntimeError: Input type (torch.cuda.FloatTensor) and weight type (torch.FloatTensor) should be the same' at the first forward pass (train.py line 50, conv1): the batch was moved to the GPU, the model's weights were not",
 thread_diagnosis="closed by the stale bot; no reply in the stored excerpt (the error names the mismatch: images on cuda, model on cpu)")

case(name="paste_attn_transformer_ppl_rises_after_commit",
 url="https://github.com/jadore801120/attention-is-all-you-need-pytorch/issues/60", framework="pytorch (attention-is-all-you-need-pytorch)",
 expected="loss_not_decreasing", top3_ok=True,
 ambiguity="training perplexity climbs 69.9 -> 135.7 -> 193.4 (loss ln 4.25 -> 5.26, above where it started) and validation perplexity 86 -> 865 -> 950: a loss that rises instead of falling (loss_not_decreasing with loss_rose) but validation perplexity grows 10x, which reads as divergence (exploding_gradients); the thread traces it to a code regression, not to the learning rate",
 log="""[ Epoch 0 ]
  - (Training)   ppl:  69.89619, accuracy: 48.127 %, elapse: 9.800 min
  - (Validation) ppl:  86.35283, accuracy: 20.530 %, elapse: 3.096 min
    - [Info] The checkpoint file has been updated.
[ Epoch 1 ]
  - (Training)   ppl:  135.71178, accuracy: 32.377 %, elapse: 10.807 min
  - (Validation) ppl:  865.33501, accuracy: 5.777 %, elapse: 3.052 min
[ Epoch 2 ]
  - (Training)   ppl:  193.38618, accuracy: 27.988 %, elapse: 11.013 min
  - (Validation) ppl:  949.73713, accuracy: 4.359 %, elapse: 3.093 min
""",
 trimmed="the poster's sentences before the record ('I just follow the tutorial ... Here is the record:')",
 rationale="training ppl 69.90 -> 135.71 -> 193.39 and accuracy 48.1% -> 32.4% -> 28.0%; validation ppl 86.35 -> 865.34 -> 949.74 and accuracy 20.5% -> 5.8% -> 4.4%: after epoch 0 the model gets worse every epoch instead of learning",
 thread_diagnosis="other users confirm it 'after the recent commits a few days ago'; the maintainer: 'the bug may exist in encoder part' (a code regression in the repo)")

case(name="paste_lightning_slurm_time_limit_sigterm",
 url="https://github.com/Lightning-AI/pytorch-lightning/issues/20542", framework="lightning (SLURM)",
 expected="time_limit",
 log="""Epoch 10:  93%|█████████▎| 18625/20000 [5:43:21<25:20,  0.90it/s, v_num=0txx, train_loss=3.400, denoise_60%_expr=1.290, denoise_60%_emb_independence=0.0694, denoise_60%_cls=0.377, denoise_60%_ecs=0.865, gen_expr=1
Epoch 10:  93%|█████████▎| 18626/20000 [5:43:21<25:19,  0.90it/s, v_num=0txx, train_loss=3.400, denoise_60%_expr=1.290, denoise_60%_emb_independence=0.0694, denoise_60%_cls=0.377, denoise_60%_ecs=0.865, gen_expr=1.490, gen_emb_independence

slurmstepd: error: *** STEP 55595933.0 ON maestro-3017 CANCELLED AT 2025-01-10T15:27:25 DUE TO TIME LIMIT ***
srun: Job step aborted: Waiting up to 32 seconds for job step to finish.
[rank: 0] Received SIGTERM: 15
Bypassing SIGTERM: 15

Epoch 10:  93%|█████████▎| 18626/20000 [5:43:21<25:19,  0.90it/s, v_num=0txx, train_loss=3.970, denoise_60%_expr=1.570, denoise_60%_emb_independence=0.068, denoise_60%_cls=0.386, denoise_60%_ecs=0.867, gen_expr=1...
Epoch 10:  93%|█████████▎| 18627/20000 [5:43:23<25:18,  0.90it/s, v_num=0txx, train_loss=3.970, denoise_60%_expr=1.570, denoise_60%_emb_independence=0.068, denoise_60%_cls=0.386, denoise_60%_ecs=0.867, gen_expr=1...
""",
 trimmed="the bug-report text before the block and the progress lines after the excerpt's end (the last line is cut mid-line in the excerpt and dropped)",
 rationale="'slurmstepd: error: *** STEP 55595933.0 ON maestro-3017 CANCELLED AT 2025-01-10T15:27:25 DUE TO TIME LIMIT ***' then '[rank: 0] Received SIGTERM: 15' at epoch 10, 18626/20000 after 5:43:21 of training with a healthy train_loss 3.4-3.97: the job hit its wall-clock limit",
 thread_diagnosis="poster: 'when the time is out I receive' this; the report is about Lightning's auto-requeue not happening after the time-limit SIGTERM; the run itself ended because of the Slurm time limit")

case(name="paste_translations_gcp_spot_termination",
 url="https://github.com/mozilla/translations/issues/964", framework="marian training task on GCP spot workers (Taskcluster)",
 expected="preempted_or_node_failure",
 log="""Dec 17 16:03:58Z translations-1-b-linux-v100-gpu-4-1tb-vvppjagzspgzcf58mfvmzw-1 start-worker 2024/12/17 16:03:58 GCP Metadata Service says termination is imminent
Dec 17 16:04:09Z translations-1-b-linux-v100-gpu-4-1tb-vvppjagzspgzcf58mfvmzw-1 systemd-logind Power key pressed.
""",
 trimmed="the maintainer's explanation around the two worker-log lines (the task log itself was lost with the VM)",
 rationale="'GCP Metadata Service says termination is imminent' followed 11 s later by 'systemd-logind Power key pressed.': the GPU worker (a spot VM) was taken back by the cloud mid-training",
 thread_diagnosis="maintainer: 'So, this was most definitely a spot termination', with no time to upload artifacts before the hard power-off")
