# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_catalyst_valid_loader_cuda_oom"] = dict(
 url="https://github.com/catalyst-team/catalyst/issues/143", framework="pytorch",
 trimmed="the poster's prose and their FreeGPU callback code after the log dropped; the '....' line inside the traceback is the poster's own elision",
 log="""0/10 * Epoch (train): 100% 32/32 [00:41<00:00,  2.39s/it, _fps=11.486, loss=0.898] 
0/10 * Epoch (valid):   3% 1/32 [00:01<00:46,  1.50s/it, _fps=21.531, loss=1.656]
Traceback (most recent call last):
....
RuntimeError: CUDA error: out of memory
""")

CASES["paste_captioning_validate_oom_no_grad"] = dict(
 url="https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Image-Captioning/issues/57", framework="pytorch",
 argv=["python", "train.py"],
 trimmed="the poster's prose (training runs with batch size 96-128 on a 12 GB GTX TITAN X; the error comes when validate() is called after each epoch) dropped; only the traceback they pasted is kept",
 log="""Traceback (most recent call last):
  File "train.py", line 349, in <module>
    main()
  File "train.py", line 127, in main
    criterion=criterion)
  File "train.py", line 282, in validate
    scores_copy = scores.clone()
RuntimeError: CUDA error: out of memory
""")

CASES["paste_effdet_ship_plateau_lr_drop_healthy"] = dict(
 url="https://github.com/zylo117/Yet-Another-EfficientDet-Pytorch/issues/328", framework="pytorch",
 argv=["python", "train.py", "-c", "0", "-p", "ship", "--head_only", "True", "--lr", "2e-5", "--batch_size", "12",
       "--load_weights", "logs/ship/efficientdet-d0_247_114500.pth", "--num_epochs", "400"],
 trimmed="the poster's question around the terminal paste dropped; the '**' bold markers the poster put around the scheduler line are removed (markdown, not log text); the lines are cut at the terminal width as pasted",
 log="""Step: 121505. Epoch: 262/400. Iteration: 462/462. Cls loss: 0.28937. Reg loss: 0
Val. Epoch: 262/400. Classification loss: 0.27737. Regression loss: 0.02864. Total loss: 0.30601
Step: 121967. Epoch: 263/400. Iteration: 462/462. Cls loss: 0.26344. Reg loss: 0
Epoch    17: reducing learning rate of group 0 to 2.0000e-06.
Val. Epoch: 263/400. Classification loss: 0.27772. Regression loss: 0.02876. Total loss: 0.30648
Step: 121999. Epoch: 264/400. Iteration: 32/462. Cls loss: 0.20932. Reg loss: 0.checkpoint...
Step: 122429. Epoch: 264/400. Iteration: 462/462. Cls loss: 0.30272. Reg loss: 0
""")

CASES["paste_nnunet_cascade_negative_loss_slow_epochs_healthy"] = dict(
 url="https://github.com/MIC-DKFZ/nnUNet/issues/640", framework="pytorch",
 trimmed="two stored excerpts of the poster's one log block (turn 0), in order: epochs 212-214 and 232-234; the title (long and inconsistent epoch times) and prose dropped; each excerpt's last partial line dropped",
 log="""2021-05-19 02:56:24.658629: train loss : -0.8030
2021-05-19 02:59:56.745771: validation loss: -0.8230
2021-05-19 02:59:56.746899: Average global foreground Dice: [0.8637831817534286]
2021-05-19 02:59:56.746979: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
2021-05-19 02:59:57.166081: lr: 0.008061
2021-05-19 02:59:57.166195: This epoch took 2228.298201 s

2021-05-19 02:59:57.166222: 
epoch:  213
2021-05-19 03:33:41.613397: train loss : -0.7848
2021-05-19 03:38:05.760552: validation loss: -0.8172
2021-05-19 03:38:05.774981: Average global foreground Dice: [0.8636466085809744]
2021-05-19 03:38:05.775108: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
2021-05-19 03:38:18.039674: lr: 0.008052
2021-05-19 03:38:18.040146: This epoch took 2300.873888 s

2021-05-19 03:38:18.040181: 
epoch:  214
2021-05-19 03:53:14.815253: train loss : -0.7917
2021-05-19 03:53:34.777138: validation loss: -0.8443
2021-05-19 03:53:34.778458: Average global foreground Dice: [0.8697640453606033]
2021-05-19 03:53:34.778504: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
2021-05-19 03:53:38.566853: lr: 0.008042
2021-05-19 03:53:38.589487: This epoch took 920.549175 s
2021-05-19 13:58:41.260488: This epoch took 984.574277 s

2021-05-19 13:58:41.260515: 
epoch:  232
2021-05-19 14:11:34.923219: train loss : -0.7922
2021-05-19 14:11:57.899160: validation loss: -0.8242
2021-05-19 14:11:57.901724: Average global foreground Dice: [0.8544468751992386]
2021-05-19 14:11:57.902139: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
2021-05-19 14:11:58.866592: lr: 0.007876
2021-05-19 14:11:58.867023: This epoch took 797.606469 s

2021-05-19 14:11:58.867113: 
epoch:  233
2021-05-19 14:26:18.594383: train loss : -0.7948
2021-05-19 14:26:36.887477: validation loss: -0.8424
2021-05-19 14:26:36.889499: Average global foreground Dice: [0.8719356444945778]
2021-05-19 14:26:36.889769: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
2021-05-19 14:26:37.462341: lr: 0.007867
2021-05-19 14:26:37.462463: This epoch took 878.595276 s

2021-05-19 14:26:37.462490: 
epoch:  234
2021-05-19 14:43:23.775698: train loss : -0.8062
2021-05-19 14:43:40.389836: validation loss: -0.8366
2021-05-19 14:43:40.390529: Average global foreground Dice: [0.8591990146372822]
2021-05-19 14:43:40.390584: (interpret this as an estimate for the Dice of the different classes. This is not exact.)
""")

CASES["paste_returnn_rank0_dev_eval_socket_timeout"] = dict(
 url="https://github.com/rwth-i6/returnn/issues/1621", framework="pytorch",
 trimmed="the maintainer's (albertz, the reporter) log from turn 5 only; the '...' lines are his own elisions; the stored excerpt ends inside the C++ frame list after frame #0",
 log="""...
ep 1 dev eval, step 97, min_wer -0.688, ce 0.859, fer 0.977, mem_usage:cuda:0 1.6GB
ep 1 dev eval, step 98, min_wer -0.187, ce 0.469, fer 0.964, mem_usage:cuda:0 1.6GB
ep 1 dev eval, step 99, min_wer 0.083, ce 0.286, fer 0.969, mem_usage:cuda:0 1.6GB
[I ProcessGroupWrapper.cpp:562] [Rank 0] Running collective: CollectiveFingerPrint(SequenceNumber=1, OpType=BROADCAST, TensorShape=[1], TensorDtypes=Char, TensorDeviceTypes=TensorOptions(dtype=float (default), device=cpu, layout=Strided (default), requires_grad=false (default), pinned_memory=false (default), memory_format=(nullopt)))
Unhandled exception <class 'RuntimeError'> in thread <_MainThread(MainThread, started 129187316453376)>, proc 25928.
Unhandled exception <class 'RuntimeError'> in thread <_MainThread(MainThread, started 123955313799168)>, proc 25927.


Thread <Thread(QueueFeederThread, started daemon 129181828503104)>:
Thread <Thread(QueueFeederThread, started daemon 123950088574528)>:
Unhandled exception <class 'RuntimeError'> in thread <_MainThread(MainThread, started 135265771380736)>, proc 25926.

...

RuntimeError: Socket Timeout
Exception raised from doWait at ../torch/csrc/distributed/c10d/TCPStore.cpp:445 (most recent call first):
""")

CASES["paste_effdet_ffb_val_loss_nan_train_finite"] = dict(
 url="https://github.com/zylo117/Yet-Another-EfficientDet-Pytorch/issues/726", framework="pytorch",
 argv=["python", "train.py", "-c", "0", "-p", "FFB.yml", "--head_only", "True", "--lr", "5e-3", "--batch_size", "16",
       "--load_weights", "/content/Yet-Another-EfficientDet-Pytorch/weights/efficientdet-d0.pth", "--num_epochs", "100",
       "--save_interval", "100"],
 trimmed="the poster's question and the command (kept in argv; run from a notebook with '!') dropped; the log block is complete as pasted",
 log="""Val. Epoch: 0/100. Classification loss: nan. Regression loss: nan. Total loss: nan
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
Step: 15. Epoch: 1/100. Iteration: 8/8. Cls loss: 2.89493. Reg loss: 3.56300. Total loss: 6.45794: 100% 8/8 [01:10<00:00,  8.82s/it]
Val. Epoch: 1/100. Classification loss: nan. Regression loss: nan. Total loss: nan
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
WARNING:root:NaN or Inf found in input tensor.
""")

CASES["paste_accelerate_epoch_end_broadcast_timeout"] = dict(
 url="https://github.com/huggingface/accelerate/issues/157", framework="accelerate",
 trimmed="a later comment's paste (turn 10, the original poster) only; the stored excerpt starts inside the traceback (the frames above torch/_tensor.py are not in it) and ends mid-line in rank 3's watchdog message",
 log="""  File "/opt/conda/lib/python3.7/site-packages/torch/_tensor.py", line 255, in backward
    torch.autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)
  File "/opt/conda/lib/python3.7/site-packages/torch/autograd/__init__.py", line 149, in backward
    allow_unreachable=True, accumulate_grad=True)  # allow_unreachable flag
RuntimeError: NCCL communicator was aborted on rank 3.
[E ProcessGroupNCCL.cpp:325] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data. To avoid this inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
  what():  [Rank 5] Watchdog caught collective operation timeout: WorkNCCL(OpType=BROADCAST, Timeout(ms)=1800000) ran for 1801256 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:325] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data. To avoid this inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
""")

CASES["paste_fairseq_small_corpus_loss_flat_12"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/430", framework="fairseq",
 trimmed="three stored excerpts of one later comment's progress-bar paste (turn 3, the original poster), in order: part of epoch 6 (first physical line only), the end of epoch 9 with its summary and valid lines, then epoch 12 after the learning rate was shrunk to 0.0025; the bar redraws are on few physical lines as pasted; each excerpt is cut at its first and last complete bar redraw",
 log="""| epoch 006:  57%|▌| 20/35 [00:22<00:15,  1.03s/it, loss=11.994, ppl=4079.48, wps=2208, ups=0.3, wpb=2525, bsz=181, num_updates=195, lr=0.025, gnorm=0.650, clip| epoch 006:  60%|▌| 21/35 [00:24<00:15,  1.09s/it, loss=12.004, ppl=4107.61, wps=2215, ups=0.3, wpb=2541, bsz=179, num_updates=196, lr=0.025, gnorm=0.633, clip| epoch 006:  63%|▋| 22/35 [00:25<00:13,  1.05s/it, loss=12.004, ppl=4107.76, wps=2163, ups=0.3, wpb=2467, bsz=174, num_updates=197, lr=0.025, gnorm=0.627, clip| epoch 006:  66%|▋| 23/35 [00:26<00:13,  1.13s/it, loss=11.988, ppl=4062.78, wps=2200, ups=0.3, wpb=2524, bsz=178, num_updates=198, lr=0.025, gnorm=0.612, clip| epoch 006:  69%|▋| 24/35 [00:27<00:12,  1.12s/it, loss=11.979, ppl=4037.35, wps=2186, ups=0.4, wpb=2503, bsz=176, num_updates=199, lr=0.025, gnorm=0.608, clip| epoch 006:  71%|▋| 25/35 [00:28<00:11,  1.11s/it, loss=11.980, ppl=4040.57, wps=2166, ups=0.4, wpb=2476, bsz=174, num_updates=200, lr=0.025, gnorm=0.618, clip
| epoch 009:  94%|▉| 33/35 [00:37<00:02,  1.12s/it, loss=11.876, ppl=3757.44, wps=2178, ups=0.4, wpb=2495, bsz=167, num_updates=313, lr=0.025, gnorm=0.648, clip| epoch 009:  97%|▉| 34/35 [00:38<00:01,  1.16s/it, loss=11.857, ppl=3710.63, wps=2206, ups=0.4, wpb=2533, bsz=170, num_updates=314, lr=0.025, gnorm=0.635, clip| epoch 009: 100%|█| 35/35 [00:40<00:00,  1.22s/it, loss=11.869, ppl=3740.42, wps=2218, ups=0.4, wpb=2560, bsz=174, num_updates=315, lr=0.025, gnorm=0.637, clip                                                                                                                                                                | epoch 009 | loss 11.869 | ppl 3740.42 | wps 2218 | ups 0.4 | wpb 2560 | bsz 174 | num_updates 315 | lr 0.025 | gnorm 0.637 | clip 100% | oom 0 | wall 686 | train_wall 354
| epoch 009 | valid on 'valid' subset | valid_loss 12.0871 | valid_ppl 4350.90 | num_updates 315 | best 12.0871
| epoch 012:  40%|▍| 14/35 [00:15<00:24,  1.15s/it, loss=11.792, ppl=3547.08, wps=2041, ups=0.2, wpb=2255, bsz=149, num_updates=399, lr=0.0025, gnorm=0.417, cli| epoch 012:  43%|▍| 15/35 [00:16<00:23,  1.16s/it, loss=11.816, ppl=3606.60, wps=2077, ups=0.3, wpb=2307, bsz=150, num_updates=400, lr=0.0025, gnorm=0.408, cli| epoch 012:  46%|▍| 16/35 [00:17<00:21,  1.15s/it, loss=11.864, ppl=3726.34, wps=2093, ups=0.3, wpb=2326, bsz=156, num_updates=401, lr=0.0025, gnorm=0.405, cli| epoch 012:  49%|▍| 17/35 [00:19<00:20,  1.16s/it, loss=11.818, ppl=3609.77, wps=2126, ups=0.3, wpb=2371, bsz=157, num_updates=402, lr=0.0025, gnorm=0.400, cli| epoch 012:  51%|▌| 18/35 [00:20<00:19,  1.16s/it, loss=11.807, ppl=3583.09, wps=2159, ups=0.3, wpb=2412, bsz=160, num_updates=403, lr=0.0025, gnorm=0.399, cli| epoch 012:  54%|▌| 19/35 [00:21<00:19,  1.22s/it, loss=11.830, ppl=3640.50, wps=2185, ups=0.3, wpb=2467, bsz=167, num_
updates=404, lr=0.0025, gnorm=0.409, cli| epoch 012:  57%|▌| 20/35 [00:22<00:18,  1.22s/it, loss=11.870, ppl=3743.01, wps=2168, ups=0.3, wpb=2457, bsz=162, num_updates=405, lr=0.0025, gnorm=0.408, cli| epoch 012:  60%|▌| 21/35 [00:24<00:17,  1.24s/it, loss=11.880, ppl=3769.83, wps=2190, ups=0.3, wpb=2497, bsz=168, num_updates=406, lr=0.0025, gnorm=0.418, cli
""")
