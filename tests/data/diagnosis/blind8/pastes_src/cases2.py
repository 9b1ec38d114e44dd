from cases1 import case

case(name="paste_lightning_ds3_offload_falcon40b_oom",
 url="https://github.com/Lightning-AI/pytorch-lightning/issues/18134", framework="lightning + deepspeed",
 expected="out_of_memory",
 log="""torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 512.00 MiB (GPU 0; 31.75 GiB total capacity; 30.25 GiB already allocated; 62.19 MiB free; 30.67 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
    param_coordinator.fetch_sub_module(sub_module, forward=True)
    param_buffer = torch.empty(
""",
 trimmed="the bug description around the block (Falcon-40B with DeepSpeed ZeRO Stage 3 Offload on 16 V100 32GB under Slurm) and the longer traceback the poster pasted further down",
 rationale="'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 512.00 MiB (GPU 0; 31.75 GiB total capacity; 30.25 GiB already allocated; 62.19 MiB free ...)' while ZeRO-3 gathers parameters (param_coordinator.fetch_sub_module)",
 thread_diagnosis="open bug; the poster sees a memory spike at the ZeRO-3 parameter all-gather when training starts; no fix in the stored excerpt")

case(name="paste_gpt4llm_zero3_a100_oom",
 url="https://github.com/Instruction-Tuning-with-GPT-4/GPT-4-LLM/issues/16", framework="transformers + deepspeed",
 expected="out_of_memory",
 log="""OutOfMemoryError: CUDA out of memory. Tried to allocate 172.00 MiB (GPU 0; 79.35 GiB total capacity; 73.95 GiB already allocated; 12.19 MiB free; 76.80 GiB reserved in total by PyTorch) If 
reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF

GPUs: 2*A100(80G)
DeepSpeed: ZeRO3
""",
 trimmed="nothing",
 rationale="'CUDA out of memory. Tried to allocate 172.00 MiB (GPU 0; 79.35 GiB total capacity; 73.95 GiB already allocated; 12.19 MiB free ...)' on 2 A100 80G with ZeRO3",
 thread_diagnosis="maintainer: 'please try reducing batch size or use 4 gpus'")

case(name="paste_xrgen_checkpoint_size_mismatch",
 url="https://github.com/YtongXie/X-RGen/issues/3", framework="pytorch (X-RGen)",
 expected="shape_mismatch",
 log="""size mismatch for encoder_decoder.att_embed.0.weight: copying a param with shape torch.Size([512, 2048]) from checkpoint, the shape in current model is torch.Size([512, 768]).
size mismatch for encoder_decoder.model.tgt_embed.0.lut.weight: copying a param with shape torch.Size([3054, 512]) from checkpoint, the shape in current model is torch.Size([722, 512]).
size mismatch for encoder_decoder.logit.weight: copying a param with shape torch.Size([3054, 512]) from checkpoint, the shape in current model is torch.Size([722, 512]).
size mismatch for encoder_decoder.logit.bias: copying a param with shape torch.Size([3054]) from checkpoint, the shape in current model is torch.Size([722]).
size mismatch for visual_extractor.projection_head.weight: copying a param with shape torch.Size([512, 2048]) from checkpoint, the shape in current model is torch.Size([512, 768]).
size mismatch for topic_head.weight: copying a param with shape torch.Size([2048, 768]) from checkpoint, the shape in current model is torch.Size([768, 768]).
""",
 trimmed="nothing from the paste; the maintainer's reply after it",
 rationale="'size mismatch for encoder_decoder.logit.weight: copying a param with shape torch.Size([3054, 512]) from checkpoint, the shape in current model is torch.Size([722, 512])' and five more: the checkpoint (vocabulary 3054, 2048-d visual features) does not match the configured model (vocabulary 722, 768-d)",
 thread_diagnosis="maintainer asks for the weight-loading code; the mismatch is between model_best.pth and the current architecture/vocabulary (title)")

case(name="paste_m2transformer_pretrained_size_mismatch",
 url="https://github.com/aimagelab/meshed-memory-transformer/issues/58", framework="pytorch (meshed-memory-transformer)",
 expected="shape_mismatch",
 log="""        size mismatch for pretrained.conv1.1.running_mean: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.1.running_var: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.3.weight: copying a param with shape torch.Size([32, 32, 3, 3]) from checkpoint, the shape in current model is torch.Size([64, 64, 3, 3]).
        size mismatch for pretrained.conv1.4.weight: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.4.bias: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.4.running_mean: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.4.running_var: copying a param with shape torch.Size([32]) from checkpoint, the shape in current model is torch.Size([64]).
        size mismatch for pretrained.conv1.6.weight: copying a param with shape torch.Size([64, 32, 3, 3]) from checkpoint, the shape in current model is torch.Size([128, 64, 3, 3]).
""",
 trimmed="the start of the poster's paste (not in the stored excerpt) and the excerpt's last, cut-off line",
 rationale="'size mismatch for pretrained.conv1.6.weight: copying a param with shape torch.Size([64, 32, 3, 3]) from checkpoint, the shape in current model is torch.Size([128, 64, 3, 3])' and the like: a pretrained backbone checkpoint with half the channel widths of the model built in train_dist",
 thread_diagnosis="closed; no answer in the stored excerpt (a checkpoint from a different backbone configuration)")

case(name="paste_wlasl_i3d_bus_error_shm",
 url="https://github.com/dxli94/WLASL/issues/15", framework="pytorch (WLASL train_i3d.py)",
 expected="dataloader_worker_crash",
 log="""...
Epoch 1 train Loc Loss: 0.0019 Cls Loss: 0.0009 Tot Loss: 0.0014 Accu :0.8119
Epoch 1 train Loc Loss: 0.0014 Cls Loss: 0.0006 Tot Loss: 0.0010 Accu :0.8121
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
Traceback (most recent call last):
  File "/usr/local/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 511, in _try_get_batch
    data = self.data_queue.get(timeout=timeout)
  File "/usr/local/lib/python3.6/multiprocessing/queues.py", line 104, in get
    if not self._poll(timeout):
  File "/usr/local/lib/python3.6/multiprocessing/connection.py", line 257, in poll
    return self._poll(timeout)
  File "/usr/local/lib/python3.6/multiprocessing/connection.py", line 414, in _poll
    r = wait([self], timeout)
  File "/usr/local/lib/python3.6/multiprocessing/connection.py", line 911, in wait
    ready = selector.select(timeout)
  File "/usr/local/lib/python3.6/selectors.py", line 376, in select
    fd_event_list = self._poll.poll(timeout)
""",
 trimmed="the poster's first sentence and the rest of the traceback after the excerpt's end (the '...' line and '#######' marker are the poster's; the marker is dropped)",
 rationale="training is healthy (Tot Loss 0.0014 -> 0.0010, Accu 0.8119 -> 0.8121) when 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' appears twice and the main process's DataLoader get() fails",
 thread_diagnosis="closed; no answer in the stored excerpt (the message itself names insufficient shared memory)")

case(name="paste_easyphoto_lora_bus_error_shm",
 url="https://github.com/aigc-apps/sd-webui-EasyPhoto/issues/145", framework="diffusers/accelerate (EasyPhoto LoRA training)",
 expected="dataloader_worker_crash",
 log="""1/800 [00:17<3:57:13, 17.81s/it, lr=5e-5, step_loss=0.0114]ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
Traceback (most recent call last):
  File "/usr/local/lib/python3.10/dist-packages/torch/utils/data/dataloader.py", line 1132, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/usr/lib/python3.10/multiprocessing/queues.py", line 113, in get
    if not self._poll(timeout):
  File "/usr/lib/python3.10/multiprocessing/connection.py", line 257, in poll
    return self._poll(timeout)
  File "/usr/lib/python3.10/multiprocessing/connection.py", line 424, in _poll
    r = wait([self], timeout)
  File "/usr/lib/python3.10/multiprocessing/connection.py", line 931, in wait
    ready = selector.select(timeout)
  File "/usr/lib/python3.10/selectors.py", line 416, in select
    fd_event_list = self._selector.poll(timeout)
""",
 trimmed="the tqdm bar's leading 'Steps:   0%|▏' and its run of padding spaces at the start of the first line (the rest of that line is as pasted); the traceback after the excerpt's end",
 rationale="at step 1/800 ('step_loss=0.0114') 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' twice, then the DataLoader's _try_get_data fails (title: 'Bus error. It is possible that dataloader's workers are out of shared memory')",
 thread_diagnosis="closed; no answer in the stored excerpt")

case(name="paste_everydream2_no_module_debug",
 url="https://github.com/victorchall/EveryDream2trainer/issues/4", framework="pytorch/diffusers (EveryDream2trainer)",
 expected="missing_file_or_module",
 log="""Traceback (most recent call last):
  File "G:\\ed2\\train.py", line 53, in <module>
    import debug
ModuleNotFoundError: No module named 'debug'
""",
 trimmed="the poster's sentence before it ('Fresh install of new version 2, followed the instructions and all was well until I tried to start some training:')",
 rationale="'ModuleNotFoundError: No module named 'debug'' raised by 'import debug' at train.py line 53, before any training step",
 thread_diagnosis="open; the stored excerpt has no reply (a module of the trainer missing from the fresh install)")

case(name="paste_fairseq_lm_thresholdsrc_index_assert",
 url="https://github.com/facebookresearch/fairseq/issues/518", framework="fairseq",
 expected="device_side_assert",
 log=""" IndexType, long) [with T = float, IndexType = unsigned int, DstDim = 2, SrcDim = 2, IdxDim = -2, IndexIsMajor = true]: block: [40,0,0], thread: [126,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1544174967633/work/aten/src/THC/THCTensorIndex.cu:362: void indexSelectLargeIndex(TensorInfo<T, IndexType>, TensorInfo<T, IndexType>, TensorInfo<long, IndexType>, int, int, IndexType, IndexType, long) [with T = float, IndexType = unsigned int, DstDim = 2, SrcDim = 2, IdxDim = -2, IndexIsMajor = true]: block: [40,0,0], thread: [127,0,0] Assertion `srcIndex < srcSelectDimSize` failed. terminate called without an active exception
RuntimeError: copy_if failed to synchronize: device-side assert triggered
""",
 trimmed="the poster's text around the block (preprocessing with --thresholdsrc 2) and the training command after it",
 rationale="'indexSelectLargeIndex ... Assertion `srcIndex < srcSelectDimSize` failed.' then 'RuntimeError: copy_if failed to synchronize: device-side assert triggered': an embedding index beyond the table after the dictionary was rebuilt with --thresholdsrc 2",
 thread_diagnosis="poster: 'This seems to be the problem of vocabulary threshold setting' (a token index outside the embedding); closed",
 run_settings="fairseq transformer_lm, --thresholdsrc 2 at preprocessing")

case(name="paste_logicnlg_nll_target_assert",
 url="https://github.com/wenhuchen/LogicNLG/issues/11", framework="pytorch (LogicNLG Transformer.py)",
 expected="device_side_assert",
 log="""/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [12,0,0] Assertion `t >= 0 && t < n_classes` failed.
start training 0th epoch
Traceback (most recent call last):
  File "Transformer.py", line 71, in <module>
    avg_loss += loss.item()
RuntimeError: CUDA error: device-side assert triggered
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [12,0,0] Assertion `t >= 0 && t < n_classes` failed.
THCudaCheck FAIL file=/pytorch/aten/src/THCUNN/generic/ClassNLLCriterion.cu line=118 error=710 : device-side assert triggered
start training 0th epoch
Traceback (most recent call last):
  File "Transformer.py", line 69, in <module>
    loss = criterion(logits.view(-1, logits.shape[-1]), seqs_out.view(-1))
""",
 trimmed="the rest of the second traceback after the excerpt's end",
 rationale="'cunn_ClassNLLCriterion_updateOutput_kernel ... Assertion `t >= 0 && t < n_classes` failed.' then 'RuntimeError: CUDA error: device-side assert triggered' at the first loss of epoch 0 on the poster's own dataset: target ids outside the output vocabulary",
 thread_diagnosis="closed; no answer in the stored excerpt (poster runs on their own dataset)")

case(name="paste_opentransformer_embedding_index_assert",
 url="https://github.com/ZhengkunTian/OpenTransformer/issues/2", framework="pytorch (OpenTransformer)",
 expected="device_side_assert",
 log="""> /pytorch/aten/src/THC/THCTensorIndex.cu:361: void indexSelectLargeIndex(TensorInfo<T, IndexType>, TensorInfo<T, IndexType>, TensorInfo<long, IndexType>, int, int, IndexType, IndexType, long) [with T = float, IndexType = unsigned int, DstDim = 2, SrcDim = 2, IdxDim = -2, IndexIsMajor = true]: block: [39,0,0], thread: [126,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/pytorch/aten/src/THC/THCTensorIndex.cu:361: void indexSelectLargeIndex(TensorInfo<T, IndexType>, TensorInfo<T, IndexType>, TensorInfo<long, IndexType>, int, int, IndexType, IndexType, long) [with T = float, IndexType = unsigned int, DstDim = 2, SrcDim = 2, IdxDim = -2, IndexIsMajor = true]: block: [39,0,0], thread: [127,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
Traceback (most recent call last):
  File "run.py", line 57, in <module>
    main(cmd_args)
  File "run.py", line 39, in main
    trainer.train(train_dataset=train_dataset)
  File "/home/wugaosheng/OpenTransformer/otrans/train.py", line 91, in train
    train_loss = self.train_one_epoch(epoch, train_loader.loader)
  File "/home/wugaosheng/OpenTransformer/otrans/train.py", line 138, in train_one_epoch
    loss = self.model(**batch)
  File "/home/wugaosheng/.local/lib/python3.6/site-packages/torch/nn/modules/module.py", line 532, in __call__
    result = self.forward(*input, **kwargs)
""",
 trimmed="the rest of the traceback after the excerpt's end",
 rationale="'indexSelectLargeIndex ... Assertion `srcIndex < srcSelectDimSize` failed.' inside train_one_epoch's forward pass: a token index at or beyond the embedding table",
 thread_diagnosis="closed; no answer in the stored excerpt")

case(name="paste_megatron_reduce_scatter_watchdog_timeout",
 url="https://github.com/NVIDIA/Megatron-LM/issues/935", framework="megatron-lm",
 expected="distributed_timeout",
 log="""frame #0: c10::Error::Error(c10::SourceLocation, std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >) + 0x99 (0x7fe76ab98969 in /usr/local/lib/python3.10/dist-packages/torch/lib/libc10.so)
frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x1e1 (0x7fe705ea04e1 in /usr/local/lib/python3.10/dist-packages/torch/lib/libtorch_cuda.so)
frame #2: c10d::ProcessGroupNCCL::watchdogHandler() + 0x222 (0x7fe705ea81a2 in /usr/local/lib/python3.10/dist-packages/torch/lib/libtorch_cuda.so)
frame #3: c10d::ProcessGroupNCCL::ncclCommWatchdog() + 0x10f (0x7fe705ea9a0f in /usr/local/lib/python3.10/dist-packages/torch/lib/libtorch_cuda.so)
frame #4: <unknown function> + 0xdc253 (0x7fe76a6b0253 in /usr/lib/x86_64-linux-gnu/libstdc++.so.6)
frame #5: <unknown function> + 0x94ac3 (0x7fe7765d9ac3 in /usr/lib/x86_64-linux-gnu/libc.so.6)
frame #6: clone + 0x44 (0x7fe77666aa04 in /usr/lib/x86_64-linux-gnu/libc.so.6)

terminate called after throwing an instance of 'c10::DistBackendError'
  what():  [PG 1 Rank 1] Process group watchdog thread terminated with exception: [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=199, OpType=_REDUCE_SCATTER_BASE, NumelIn=7098994688, NumelOut=443687168, Timeout(ms)=600000) ra
""",
 trimmed="the stored excerpt ends mid-word ('ra', from 'ran for ... milliseconds'); everything after it",
 rationale="'Watchdog caught collective operation timeout: WorkNCCL(SeqNum=199, OpType=_REDUCE_SCATTER_BASE, ... Timeout(ms)=600000)' and 'terminate called after throwing an instance of 'c10::DistBackendError'': a collective that did not finish within the 10-minute NCCL timeout",
 thread_diagnosis="closed as stale; no cause in the stored excerpt")

case(name="paste_milabench_dinov2_reduce_timeout",
 url="https://github.com/mila-iqia/milabench/pull/269", framework="pytorch (dinov2 in milabench, multi-node)",
 expected="distributed_timeout",
 log="""dinov2-giant-nodes.cn-d004 [stderr] [rank14]:[E909 09:55:29.307629539 ProcessGroupNCCL.cpp:607] [Rank 14] Watchdog caught collective operation timeout: 
WorkNCCL(SeqNum=2070, OpType=REDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600034 milliseconds before timing out.
dinov2-giant-nodes.cn-d004 [stderr] [rank12]:[E909 09:55:29.308889145 ProcessGroupNCCL.cpp:607] [Rank 12] Watchdog caught collective operation timeout: 
WorkNCCL(SeqNum=2070, OpType=REDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600036 milliseconds before timing out.
dinov2-giant-nodes.cn-d004 [stderr] [rank11]:[E909 09:55:29.308891008 ProcessGroupNCCL.cpp:607] [Rank 11] Watchdog caught collective operation timeout: 
WorkNCCL(SeqNum=2070, OpType=REDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600036 milliseconds before timing out.
dinov2-giant-nodes.cn-d004 [stderr] [rank15]:[E909 09:55:29.313235707 ProcessGroupNCCL.cpp:607] [Rank 15] Watchdog caught collective operation timeout: 
WorkNCCL(SeqNum=2070, OpType=REDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600040 milliseconds before timing out.
dinov2-giant-nodes.cn-d004 [stderr] [rank12]:[E909 09:55:29.313379098 ProcessGroupNCCL.cpp:1664] [PG 0 (default_pg) Rank 12] Exception (either an error or timeout) detected
by watchdog at work: 2070, last enqueued NCCL work: 2070, last completed NCCL work: 2069.
""",
 trimmed="the rest of the comment after the excerpt's end",
 rationale="ranks 11, 12, 14, 15 on node cn-d004: 'Watchdog caught collective operation timeout: WorkNCCL(SeqNum=2070, OpType=REDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600034 milliseconds before timing out'",
 thread_diagnosis="a maintainer's comment in a benchmark PR pasting the multi-node dinov2-giant failure; no cause stated in the stored excerpt")
