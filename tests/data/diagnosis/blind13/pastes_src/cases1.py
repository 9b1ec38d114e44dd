# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_deepspeed_fp16_scale_stuck_at_one"] = dict(
 url="https://github.com/deepspeedai/DeepSpeed/issues/697", framework="deepspeed",
 trimmed="two stored excerpts of the poster's one log block (turn 0), joined in order: the first shows the scale falling 8 -> 4 around iteration 3, the second (about 80 s later) the scale stuck at 1; the title, the prose and the DeepSpeed config are dropped; each excerpt's last partial line is dropped",
 log="""[2021-01-26 22:03:55,650] [INFO] [timer.py:166:stop] 0/130, SamplesPerSec=29.524899679768
[2021-01-26 22:03:59,609] [INFO] [timer.py:166:stop] 0/140, SamplesPerSec=29.58340685172515
[2021-01-26 22:04:03,811] [INFO] [timer.py:166:stop] 0/150, SamplesPerSec=29.515393227502443
[2021-01-26 22:04:09,190] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 3
[2021-01-26 22:04:09,190] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 8.0 to 4.0
[2021-01-26 22:04:09,190] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 3
[2021-01-26 22:04:09,190] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 3
[2021-01-26 22:04:09,191] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 8.0 to 4.0
[2021-01-26 22:04:09,191] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 8.0 to 4.0
[2021-01-26 22:04:09,191] [INFO] [logging.py:60:log_dist] [Rank 0] Overflow detected. Skipping step. Attempted loss scale: 8.0, reducing to 4.0
[2021-01-26 22:04:09,191] [INFO] [timer.py:166:stop] 0/160, SamplesPerSec=28.925970601141177
[2021-01-26 22:04:13,267] [INFO] [timer.py:166:stop] 0/170, SamplesPerSec=28.958373700812057
[2021-01-26 22:05:16,472] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 1 to 1
[2021-01-26 22:05:16,473] [INFO] [timer.py:166:stop] 0/320, SamplesPerSec=28.750032872073373
[2021-01-26 22:05:20,190] [INFO] [timer.py:166:stop] 0/330, SamplesPerSec=28.84761905966786
[2021-01-26 22:05:23,689] [INFO] [timer.py:166:stop] 0/340, SamplesPerSec=28.985128476811887
[2021-01-26 22:05:27,258] [INFO] [timer.py:166:stop] 0/350, SamplesPerSec=29.10193786516919
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 8
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 8
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 1 to 1
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 1 to 1
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:314:_update_scale] 
Grad overflow on iteration 8
[2021-01-26 22:05:35,108] [INFO] [logging.py:60:log_dist] [Rank 0] Overflow detected. Skipping step. Attempted loss scale: 1, reducing to 1
[2021-01-26 22:05:35,108] [INFO] [fused_optimizer.py:316:_update_scale] Reducing dynamic loss scale from 1 to 1
""")

CASES["paste_rugpts_deepspeed_scale_zero_hangs"] = dict(
 url="https://github.com/ai-forever/ru-gpts/issues/63", framework="deepspeed",
 trimmed="the poster's prose around the one log line they pasted (they say the line repeats after about 16k steps and training 'basically hangs'); only that line is in the paste",
 log="""1622513061366 localhost info [2021-06-01 05:04:21,527] [INFO] [stage2.py:1357:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 0.0, reducing to 0.0
""")

CASES["paste_matcha_tts_multispeaker_index_assert"] = dict(
 url="https://github.com/shivammehta25/Matcha-TTS/issues/71", framework="lightning",
 trimmed="the poster's prose (n_spks changed from 1 to 29; 45 speakers in the validation set) dropped; two stored excerpts of the one pasted block joined in order: the first assertion lines (the poster says hundreds follow) and the tail of the traceback; the second excerpt ends inside Lightning's trainer frames",
 log="""../aten/src/ATen/native/cuda/Indexing.cu:1290: indexSelectLargeIndex: block: [0,0,0], thread: [64,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1290: indexSelectLargeIndex: block: [0,0,0], thread: [65,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1290: indexSelectLargeIndex: block: [0,0,0], thread: [66,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
RuntimeError: CUDA error: device-side assert triggered
CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.
For debugging consider passing CUDA_LAUNCH_BLOCKING=1.
Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.


During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/global/D1/homes/gardaa/MatchaTTS_Norwegian_Custom/matcha/train.py", line 112, in main
    metric_dict, _ = train(cfg)
                     ^^^^^^^^^^
  File "/global/D1/homes/gardaa/MatchaTTS_Norwegian_Custom/matcha/utils/utils.py", line 86, in wrap
    raise ex
  File "/global/D1/homes/gardaa/MatchaTTS_Norwegian_Custom/matcha/utils/utils.py", line 76, in wrap
    metric_dict, object_dict = task_func(cfg=cfg)
                               ^^^^^^^^^^^^^^^^^^
  File "/global/D1/homes/gardaa/MatchaTTS_Norwegian_Custom/matcha/train.py", line 79, in train
    trainer.fit(model=model, datamodule=datamodule, ckpt_path=cfg.get("ckpt_path"))
""")

CASES["paste_horovod_mnist_docker_bus_error"] = dict(
 url="https://github.com/horovod/horovod/issues/2053", framework="pytorch",
 argv=["horovodrun", "-np", "4", "-H", "localhost:4", "python", "train.py"],
 trimmed="the issue template (environment: docker image 0.19.3-tf2.1.0-torch-mxnet1.6.0-py3.6-gpu) dropped; the stored excerpt ends mid-line after rank 2's lines",
 log="""[1,3]<stderr>:[b44a5a6092b3:00121] *** Process received signal ***
[1,3]<stderr>:[b44a5a6092b3:00121] Signal: Bus error (7)
[1,3]<stderr>:[b44a5a6092b3:00121] Signal code: Non-existant physical address (2)
[1,3]<stderr>:[b44a5a6092b3:00121] Failing at address: 0x7fe0f613e000
[1,0]<stderr>:[b44a5a6092b3:00118] *** Process received signal ***
[1,0]<stderr>:[b44a5a6092b3:00118] Signal: Bus error (7)
[1,0]<stderr>:[b44a5a6092b3:00118] Signal code: Non-existant physical address (2)
[1,0]<stderr>:[b44a5a6092b3:00118] Failing at address: 0x7fbb0a06b000
[1,1]<stderr>:[b44a5a6092b3:00119] *** Process received signal ***
[1,1]<stderr>:[b44a5a6092b3:00119] Signal: Bus error (7)
[1,1]<stderr>:[b44a5a6092b3:00119] Signal code: Non-existant physical address (2)
[1,1]<stderr>:[b44a5a6092b3:00119] Failing at address: 0x7fcdf5ce3000
[1,2]<stderr>:[b44a5a6092b3:00120] *** Process received signal ***
[1,2]<stderr>:[b44a5a6092b3:00120] Signal: Bus error (7)
[1,2]<stderr>:[b44a5a6092b3:00120] Signal code: Non-existant physical address (2)
[1,2]<stderr>:[b44a5a6092b3:00120] Failing at address: 0x7fadbf6a0000
""")

CASES["paste_transformerxl_zh_scale_drop_nan_line_healthy"] = dict(
 url="https://github.com/THUDM/Chinese-Transformer-XL/issues/7", framework="pytorch",
 trimmed="a later comment's log block (turn 2) only; the poster's question and the earlier turns dropped; the stored excerpt ends after iteration 1200",
 log=""" iteration      400/    3000 | elapsed time per iteration (ms): 12879.0 | learning rate 6.300E-06 | lm loss 6.758929E+00 | loss scale 64.0 |
 iteration      500/    3000 | elapsed time per iteration (ms): 11092.2 | learning rate 7.917E-06 | lm loss 6.286667E+00 | loss scale 8.0 |
 iteration      600/    3000 | elapsed time per iteration (ms): 11052.7 | learning rate 9.517E-06 | lm loss 5.763325E+00 | loss scale 4.0 |
 iteration      700/    3000 | elapsed time per iteration (ms): 12932.3 | learning rate 9.773E-06 | lm loss NAN | loss scale 4.0 |
Warning: NaN or Inf found in input tensor.
 iteration      800/    3000 | elapsed time per iteration (ms): 11020.1 | learning rate 9.457E-06 | lm loss 5.193296E+00 | loss scale 0.1 |
 iteration      900/    3000 | elapsed time per iteration (ms): 11070.0 | learning rate 9.133E-06 | lm loss 4.792100E+00 | loss scale 0.1 |
 iteration     1000/    3000 | elapsed time per iteration (ms): 12955.2 | learning rate 8.807E-06 | lm loss 4.454510E+00 | loss scale 0.1 |
 validation loss at iteration 1000 | LM loss: 4.503653E+00 | LM PPL: 9.034661E+01
 iteration     1100/    3000 | elapsed time per iteration (ms): 11197.8 | learning rate 8.493E-06 | lm loss 4.326191E+00 | loss scale 0.1 |
 iteration     1200/    3000 | elapsed time per iteration (ms): 11088.1 | learning rate 8.167E-06 | lm loss 3.978439E+00 | loss scale 0.2 |
""")
