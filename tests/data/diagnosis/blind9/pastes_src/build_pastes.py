"""Writes cases/<name>/{stdout.log,stderr.log,meta.json} for the blind9 pastes set.
Each log is the text as pasted in the issue thread (as the search tool's issues index returned it), cut only
at the ends; meta.json 'trimmed' says what was cut. Labels live in labels.yaml, written by hand."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}

def case(name, url, log, trimmed, framework="pytorch", exit_code=None, signal=None, argv=None):
    CASES[name] = dict(url=url, log=log, trimmed=trimmed, framework=framework,
                       exit_code=exit_code, signal=signal, argv=argv or [])

case("paste_mistral_finetune_oom_a10g", "https://github.com/mistralai/mistral-finetune/issues/69",
"""> torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 896.00 MiB. GPU 0 has a total capacity of 21.99 GiB of which 759.38 MiB is free. Including non-PyTorch memory, this process has 0 bytes memory in use. Of the allocated memory 20.52 GiB is allocated by PyTorch, and 102.08 MiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)
""", "the poster's prose before and after the quoted error (A10G 24GB, Mistral 7B, what they tried)")

case("paste_starcoder_finetune_oom_3090", "https://github.com/bigcode-project/starcoder/issues/15",
"""> torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 144.00 MiB (GPU 0; 23.69 GiB total capacity; 21.01 GiB already allocated; 77.06 MiB free; 22.23 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
> ╭─────────────────────────────── Traceback (most recent call last) ────────────────────────────────╮
> │ /home/gpu/code/starcoder/finetune/finetune.py:314 in <module>                                    │
> │                                                                                                  │
> │   311 │                                                                                          │
> │   312 │   logging.set_verbosity_error()                                                          │
> │   313 │                                                                                          │
> │ ❱ 314 │   main(args)                                                                             │
> │   315                                                                                            │
> │                                                                                                  │
> │ /home/gpu/code/starcoder/finetune/finetune.py:303 in main
""", "the thread text before the quoted error and the rest of the rich traceback after finetune.py:303 (not in the stored excerpt)")

case("paste_bert_ner_oom_4gb", "https://github.com/Kyubyong/bert_ner/issues/10",
"""RuntimeError: CUDA out of memory. Tried to allocate 85.00 MiB (GPU 0; 4.00 GiB total capacity; 3.04 GiB already allocated; 9.21 MiB free; 15.31 MiB cached)
""", "the poster's sentences around the error ('I'm getting the following error when i try to run the finetuning example', 'Reducing the batch_size didn't help.')")

case("paste_chatglm2_ptuning_sigkill_loading_shards", "https://github.com/zai-org/ChatGLM2-6B/issues/525",
"""Loading checkpoint shards:  57% 4/7 [00:37<00:28,  9.42s/it]ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: -9) local_rank: 0 (pid: 8180) of binary: /usr/bin/python3
Traceback (most recent call last):
  File "/usr/local/bin/torchrun", line 8, in <module>
    sys.exit(main())
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/elastic/multiprocessing/errors/__init__.py", line 346, in wrapper
    return f(*args, **kwargs)
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/run.py", line 794, in main
    run(args)
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/run.py", line 785, in run
    elastic_launch(
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/launcher/api.py", line 134, in __call__
    return launch_agent(self._config, self._entrypoint, list(args))
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/launcher/api.py", line 250, in launch_agent
    raise ChildFailedError(
torch.distributed.elastic.multiprocessing.errors.ChildFailedError: 
=====================================================
main.py FAILED
""", "the issue template and the poster's sentence before the log ('it suddenly worked yesterday, not this morning; the data is tiny, 10 rows'); the rest of the ChildFailedError summary after 'main.py FAILED' is not in the stored excerpt")

case("paste_residual_attention_shm_bus_error", "https://github.com/tengshaofeng/ResidualAttentionNetwork-pytorch/issues/2",
"""ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
Traceback (most recent call last):
  File "train_pre.py", line 52, in <module>
    for i, (images, labels) in enumerate(train_loader):
  File "/usr/local/lib/python3.5/dist-packages/torch/utils/data/dataloader.py", line 275, in __next__
    idx, batch = self._get_batch()
  File "/usr/local/lib/python3.5/dist-packages/torch/utils/data/dataloader.py", line 254, in _get_batch
    return self.data_queue.get()
  File "/usr/lib/python3.5/multiprocessing/queues.py", line 343, in get
    res = self._reader.recv_bytes()
  File "/usr/lib/python3.5/multiprocessing/connection.py", line 216, in recv_bytes
    buf = self._recv_bytes(maxlength)
  File "/usr/lib/python3.5/multiprocessing/connection.py", line 407, in _recv_bytes
    buf = self._recv(4)
""", "the poster's opening line ('I ran your code and meet the error as below') and the rest of the traceback after connection.py:407 (not in the stored excerpt)")

case("paste_pmdm_mat1_mat2_shapes", "https://github.com/Layne-Huang/PMDM/issues/39",
"""RuntimeError: mat1 and mat2 shapes cannot be multiplied (389x10 and 8x128)
""", "the poster's sentence around the error (ran 'python -u train.py --config configs/crossdock_epoch.yml' as instructed); only the error line was pasted",
argv=["python", "-u", "train.py", "--config", "configs/crossdock_epoch.yml"])

case("paste_hrem_train_mat1_mat2_shapes", "https://github.com/CrossmodalGroup/HREM/issues/3",
"""RuntimeError: mat1 and mat2 shapes cannot be multiplied (4480x4 and 2048x1024)
""", "nothing: the issue body is this one line (title 'encountered while running train.py')")

case("paste_vgg16_cifar10_stuck_2303", "https://github.com/rasbt/deeplearning-models/issues/31",
"""# Epoch: 001/010 | Train: 10.000% | Loss: 2.520%
# Time elapsed: 2.24 min
# Epoch: 010/010 | Train: 10.000% | Loss: 2.303%
# Time elapsed: 22.42 min
# Total Training Time: 22.42 min
# Test accuracy: 10.00%
""", "the poster's sentences before and after the block ('The results are as follows.', what they tried)")

case("paste_cs224n_class_weight_float_double", "https://github.com/sebsk/CS224N-Project/pull/2",
"""RuntimeError: expected scalar type Float but found Double
""", "the poster's comment after it ('Issue while running the code ... while initializing the train_label_weight and Using that weight in CrossEntropyLoss function')")

case("paste_translation_transformer_index_out_of_range", "https://github.com/ajhalthor/Transformer-Neural-Network/issues/13",
"""Epoch 0
---------------------------------------------------------------------------
IndexError                                Traceback (most recent call last)
[<ipython-input-33-ce4df85cbc13>](https://localhost:8080/#) in <cell line: 6>()
     12         encoder_self_attention_mask, decoder_self_attention_mask, decoder_cross_attention_mask = create_masks(eng_batch, kn_batch)
     13         optim.zero_grad()
---> 14         kn_predictions = transformer(eng_batch,
     15                                      kn_batch,
     16                                      encoder_self_attention_mask.to(device),

12 frames
[/usr/local/lib/python3.10/dist-packages/torch/nn/functional.py](https://localhost:8080/#) in embedding(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse)
   2549         # remove once script supports set_grad_enabled
   2550         _no_grad_embedding_renorm_(weight, input, max_norm, norm_type)
-> 2551     return torch.embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)
   2552 
   2553 

IndexError: index out of range in self
""", "the poster's request for help before the log and the replies after it")

case("paste_harnn_train_embedding_index", "https://github.com/minqukanq/hierarchical-multi-label-text-classification/issues/1",
"""IndexError: index out of range in self
Traceback (most recent call last):
  File "train.py", line 236, in <module>
    main()
  File "train.py", line 233, in main
    train(args)
  File "train.py", line 87, in train
    _, outputs = net(x_train)
  File "/opt/conda/envs/torch-env/lib/python3.8/site-packages/torch/nn/modules/module.py", line 1102, in _call_impl
    return forward_call(*input, **kwargs)
  File "/home/laihuapeng01/hierarchical-multi-label-text-classification/models/harnn.py", line 70, in forward
    embedded_sentence = self.embedding(input_x)
  File "/opt/conda/envs/torch-env/lib/python3.8/site-packages/torch/nn/modules/module.py", line 1102, in _call_impl
    return forward_call(*input, **kwargs)
  File "/opt/conda/envs/torch-env/lib/python3.8/site-packages/torch/nn/modules/sparse.py", line 158, in forward
    return F.embedding(
  File "/opt/conda/envs/torch-env/lib/python3.8/site-packages/torch/nn/functional.py", line 2044, in embedding
    return torch.embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)
""", "the poster's sentence before the log ('When I tried to run the code in Linux command, it occured:') and the question after it; the code fence that opened the traceback line was dropped")

case("paste_traphic_train_device_mismatch", "https://github.com/BenMSK/trajectory_prediction_TraPHic/issues/1",
"""Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!
""", "the poster's question after the error ('How can i solve this problem'); only the error line was pasted")

case("paste_han_text_classification_index_out_of_range", "https://github.com/Renovamen/Text-Classification/issues/1",
"""    result = self.forward(*input, **kwargs)
  File "/home/ahsadmin/anaconda3/envs/san/lib/python3.8/site-packages/torch/nn/modules/sparse.py", line 124, in forward
    return F.embedding(
  File "/home/ahsadmin/anaconda3/envs/san/lib/python3.8/site-packages/torch/nn/functional.py", line 1852, in embedding
    return torch.embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)
IndexError: index out of range in self
""", "the head of the traceback (not in the stored excerpt; the title says it came from 'python train.py --config ./configs/han.yaml') and the poster's pdb dump of the batch after the error",
argv=["python", "train.py", "--config", "./configs/han.yaml"])

case("paste_gcd_nccl_broadcast_timeout", "https://github.com/aioz-ai/GCD/issues/6",
"""> [E ProcessGroupNCCL.cpp:737] [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=56693, OpType=BROADCAST, Timeout(ms)=1800000) ran for 1804371 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:737] [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=56693, OpType=BROADCAST, Timeout(ms)=1800000) ran for 1804371 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:737] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=56693, OpType=BROADCAST, Timeout(ms)=1800000) ran for 1804376 milliseconds before timing out.
Traceback (most recent call last):
  File "/home/lc/anaconda3/envs/gcd/lib/python3.8/runpy.py", line 194, in _run_module_as_main
    return _run_code(code, main_globals, None,
  File "/home/lc/anaconda3/envs/gcd/lib/python3.8/runpy.py", line 87, in _run_code
    exec(code, run_globals)
  File "/home/lc/Desktop/wza/yrh/GCD/train/train.py", line 91, in <module>
    main()
  File "/home/lc/Desktop/wza/yrh/GCD/train/train.py", line 85, in main
    trainer.train_loop(max_epochs)
  File "/home/lc/Desktop/wza/yrh/GCD/train/trainer.py", line 289, in train_loop
    training_step_outputs = self.training_step(batch, batch_idx)
""", "the rest of the traceback after trainer.py:289 (not in the stored excerpt)")

case("paste_mlperf_ssd_nccl_allreduce_timeout", "https://github.com/mlcommons/training/issues/546",
"""  File "/opt/conda/lib/python3.7/site-packages/torch/nn/parallel/distributed.py", line 1335, in _distributed_broadcast_coalesced
    self.process_group, tensors, buffer_size, authoritative_rank
RuntimeError: NCCL communicator was aborted on rank 7.  Original reason for failure was: [Rank 7] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1809147 milliseconds before timing out.
Traceback (most recent call last):
  File "train.py", line 266, in <module>
    main(args)
  File "train.py", line 235, in main
    train_one_epoch(model, optimizer, scaler, data_loader, device, epoch, args)
  File "/workspace/single_stage_detector/ssd/engine.py", line 35, in train_one_epoch
    loss_dict = model(images, targets)
  File "/opt/conda/lib/python3.7/site-packages/torch/nn/modules/module.py", line 1102, in _call_impl
Traceback (most recent call last):
  File "train.py", line 266, in <module>
    return forward_call(*input, **kwargs)
  File "/opt/conda/lib/python3.7/site-packages/torch/nn/parallel/distributed.py", line 878, in forward
    main(args)
  File "train.py", line 235, in main
        train_one_epoch(model, optimizer, scaler, data_loader, device, epoch, args)self._sync_params()

  File "/opt/conda/lib/python3.7/site-packages/torch/nn/parallel/distributed.py", line 1382, in _sync_params
""", "the start of the interleaved multi-rank output before distributed.py:1335 and its end after distributed.py:1382 (not in the stored excerpt)")

case("paste_adl_ddp_allreduce_timeout", "https://github.com/xxxupeng/ADL/issues/10",
"""work = group.allreduce([tensor], opts)
RuntimeError: NCCL communicator was aborted on rank 2.  Original reason for failure was: [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=109468, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1800898 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:456] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.
[E ProcessGroupNCCL.cpp:461] To avoid data inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
  what():  [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=109468, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1801012 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:456] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.
[E ProcessGroupNCCL.cpp:461] To avoid data inconsistency, we are taking the entire process down.
terminate called after throwing an instance of 'std::runtime_error'
  what():  [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=109469, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1801026 milliseconds before timing
""", "the issue title/question ('did the author meet multi-GPU distributed training hanging?'); the pasted output is cut where the stored excerpt ends")

case("paste_laddernet_train_loss_1e18", "https://github.com/juntang-zhuang/LadderNet/issues/1",
"""Epoch 0: 
Train loss 0.347656
Valid loss: 5.1115

Epoch 1: 
Train loss 0.219913
Valid loss: 3.2819

Epoch 2: 
Train loss 0.175050
Valid loss: 3.2127

Epoch 3: 
Train loss 0.160487
Valid loss: 3.0469

Epoch 4: 
Train loss 1629511453423918336.000000
Valid loss: 18624358.1250

""", "the poster's prose before and after the block (cloned repo, changed nothing; PyTorch 0.4.0/0.4.1; 'The loss keeps increasing as the training continues.')")

case("paste_yanmtt_bart_pretrain_fp16_nan", "https://github.com/prajdabre/yanmtt/issues/7",
"""...
76930 2.6496577
76940 2.59109
76950 2.596339
76960 2.735384
76970 2.6265104
76980 nan
76990 nan
Saving the model
Loading from checkpoint
Loading from checkpoint
77000 nan
77010 nan
...
""", "the poster's prose and the training command (kept in argv) after the block; the '...' lines are the poster's own",
argv=["python3", "pretrain_nmt.py", "-n", "1", "-nr", "0", "-g", "2", "--model_path", "models/bart_base",
      "--tokenizer_name_or_path", "tokenizers/mbart-bpe50k", "--langs", "xx", "--mono_src", "data/train.xx",
      "--batch_size", "4096", "--multistep_optimizer_steps", "4", "--num_batches", "500000",
      "--warmup_steps", "16000", "--encoder_layers", "6", "--decoder_layers", "6", "--max_length", "128",
      "--encoder_attention_heads", "12", "--decoder_attention_heads", "12", "--decoder_ffn_dim", "3072",
      "--encoder_ffn_dim", "3072", "--d_model", "768", "--fp16"])

case("paste_mobilevitv3_cvnets_train_no_module", "https://github.com/micronDLA/MobileViTv3/issues/10",
"""File "C:\\Users\\72344.conda\\envs\\MobileViTv2\\Scripts\\cvnets-train.exe_main_.py", line 4, in
ModuleNotFoundError: No module named 'main_train'
""", "the poster's follow-up after the error (tried 'pip install main_train': 'No matching distribution found') and question")

case("paste_seqlabel_cnn_train_f1_1_test_f1_022", "https://github.com/pytorch/pytorch/issues/7675",
"""train---epoch : 51 ,  global step : 24356
loss :  0.016644377261400223
accuracy : 0.999849
precision : 0.998770
recall : 0.998679
f1 : 0.998725
------------------------------------
train---epoch : 51 ,  global step : 24357
loss :  0.043941885232925415
accuracy : 0.999844
precision : 0.998727
recall : 0.998636
f1 : 0.998682
------------------------------------
train---epoch : 51 ,  global step : 24358
loss :  0.0024001500569283962
accuracy : 0.999844
precision : 0.998729
recall : 0.998638
f1 : 0.998684
epoch   loss    precision       recall  f1
4       11.766307       0.198263        0.254603        0.222928
2       10.437247       0.241509        0.203966        0.221156
3       10.858424       0.199627        0.246282        0.220514
1       9.906065        0.
""", "the issue template text and the poster's sentences between the two blocks ('can see that model is run well on the train data when epoch is about 50 ... eval information (sorted by f1 value)'); the eval table is cut where the stored excerpt ends")

# ---- healthy ----
case("paste_demucs_train_summary_epoch35", "https://github.com/facebookresearch/demucs/issues/315",
"""[04-04 22:52:33][demucs.solver][INFO] - Training...
[04-04 22:54:07][demucs.solver][INFO] - Train | Epoch 35 | 83/332 | 0.89 it/sec | Loss 0.1098 | Reco 0.1098 | Grad 0.0700
[04-04 22:55:40][demucs.solver][INFO] - Train | Epoch 35 | 166/332 | 0.89 it/sec | Loss 0.1094 | Reco 0.1094 | Grad 0.0725
[04-04 22:57:13][demucs.solver][INFO] - Train | Epoch 35 | 249/332 | 0.89 it/sec | Loss 0.1121 | Reco 0.1121 | Grad 0.0744
[04-04 22:58:45][demucs.solver][INFO] - Train Summary | Epoch 35 | Loss=0.1127 | Reco=0.1127 | Grad=0.0732
[04-04 22:58:45][demucs.solver][INFO] - ----------------------------------------------------------------------
[04-04 22:58:45][demucs.solver][INFO] - Cross validation...
[04-04 22:58:46][demucs.solver][INFO] - Valid Summary | Epoch 35 | Loss=0.1552 | Reco=0.1552 | Nsdr=6.484 | Best=0.1501 | Bname=main
[04-04 22:58:54][demucs.solver][INFO] - ----------------------------------------------------------------------
[04-04 22:58:54][demucs.solver][INFO] - Training...
""", "the poster's question before the log; the log after the epoch-36 'Training...' line is not in the stored excerpt (the poster says epoch 37's loss and grad jumped and went back down afterwards)")

case("paste_lightning_progress_bar_reprints", "https://github.com/Lightning-AI/pytorch-lightning/issues/3866",
"""Epoch 0:  97% 1651/1702 [13:00<00:24,  2.11it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1652/1702 [13:01<00:23,  2.11it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1653/1702 [13:01<00:23,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1654/1702 [13:01<00:22,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1655/1702 [13:01<00:22,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1656/1702 [13:01<00:21,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1657/1702 [13:01<00:21,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1658/1702 [13:02<00:20,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  97% 1659/1702 [13:02<00:20,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  98% 1660/1702 [13:02<00:19,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  98% 1661/1702 [13:02<00:19,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  98% 1662/1702 [13:02<00:18,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  98% 1663/1702 [13:02<00:18,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
Epoch 0:  98% 1664/1702 [13:03<00:17,  2.12it/s, loss=0.158, v_num=0, train_loss=0.149]
""", "the issue template before the block; the last, partial progress-bar line where the stored excerpt ends")

case("paste_pairnorm_reference_log_epochs_983_1000", "https://github.com/LingxiaoShawn/PairNorm/issues/1",
"""Epoch 983: train loss 0.093 train acc: 0.986, val loss: 1.048 val acc 0.724.
Epoch 984: train loss 0.078 train acc: 0.993, val loss: 1.043 val acc 0.724.
Epoch 985: train loss 0.113 train acc: 0.971, val loss: 1.039 val acc 0.726.
Epoch 986: train loss 0.118 train acc: 0.979, val loss: 1.037 val acc 0.728.
Epoch 987: train loss 0.174 train acc: 0.964, val loss: 1.036 val acc 0.734.
Epoch 988: train loss 0.211 train acc: 0.936, val loss: 1.036 val acc 0.736.
Epoch 989: train loss 0.159 train acc: 0.957, val loss: 1.037 val acc 0.728.
Epoch 990: train loss 0.126 train acc: 0.971, val loss: 1.041 val acc 0.724.
Epoch 991: train loss 0.075 train acc: 0.993, val loss: 1.045 val acc 0.720.
Epoch 992: train loss 0.096 train acc: 0.979, val loss: 1.052 val acc 0.714.
Epoch 993: train loss 0.135 train acc: 0.964, val loss: 1.060 val acc 0.712.
Epoch 994: train loss 0.135 train acc: 0.971, val loss: 1.066 val acc 0.714.
Epoch 995: train loss 0.158 train acc: 0.957, val loss: 1.066 val acc 0.716.
Epoch 996: train loss 0.113 train acc: 0.964, val loss: 1.062 val acc 0.716.
Epoch 997: train loss 0.165 train acc: 0.950, val loss: 1.058 val acc 0.716.
Epoch 998: train loss 0.108 train acc: 0.957, val loss: 1.051 val acc 0.716.
Epoch 999: train loss 0.118 train acc: 0.979, val loss: 1.041 val acc 0.718.
""", "the maintainer's earlier epochs and commentary (not in the stored excerpt) and the partial epoch-1000 line where the excerpt ends")

case("paste_trl_sft_llama2_loss_first_epoch", "https://github.com/huggingface/trl/issues/733",
"""{'loss': 1.0037, 'learning_rate': 1e-05, 'epoch': 0.01}                                                                   
{'loss': 0.7644, 'learning_rate': 1e-05, 'epoch': 0.03}                                                                   
{'loss': 0.7018, 'learning_rate': 1e-05, 'epoch': 0.04}                                                                   
{'loss': 0.6524, 'learning_rate': 1e-05, 'epoch': 0.06}                                                                   
{'loss': 0.613, 'learning_rate': 1e-05, 'epoch': 0.07}                                                                    
{'loss': 0.588, 'learning_rate': 1e-05, 'epoch': 0.08}                                                                    
{'loss': 0.5651, 'learning_rate': 1e-05, 'epoch': 0.1}                                                                    
{'loss': 0.5447, 'learning_rate': 1e-05, 'epoch': 0.11}                                                                   
{'loss': 0.5373, 'learning_rate': 1e-05, 'epoch': 0.12}                                                                   
{'loss': 0.5254, 'learning_rate': 1e-05, 'epoch': 0.14}                                                                   
{'loss': 0.5311, 'learning_rate': 1e-05, 'epoch': 0.15}
""", "the rest of the comment after epoch 0.15 (not in the stored excerpt)")

case("paste_vsepp_final_epoch_train_test_gap", "https://github.com/fartashf/vsepp/issues/45",
"""2021-12-22 08:38:09,866 Epoch: [29][3223/3234]  Eit 97010  lr 2e-05  Le 17.5955 (16.2388)       Time 0.054 (0.000)      Data 0.037 (0.000)
2021-12-22 08:38:10,415 Epoch: [29][3233/3234]  Eit 97020  lr 2e-05  Le 9.2004 (16.2394)        Time 0.054 (0.000)      Data 0.038 (0.000)
2021-12-22 08:38:10,455 Test: [0/40]    Le 65.0238 (65.0238)    Time 0.040 (0.000)
2021-12-22 08:38:10,861 Test: [10/40]   Le 64.3841 (64.6037)    Time 0.040 (0.000)
2021-12-22 08:38:11,264 Test: [20/40]   Le 64.7672 (64.5425)    Time 0.041 (0.000)
2021-12-22 08:38:11,670 Test: [30/40]   Le 64.4232 (64.6411)    Time 0.041 (0.000)
2021-12-22 08:38:12,840 Image to text: 42.1, 75.0, 85.0, 2.0, 8.8
2021-12-22 08:38:13,407 Text to image: 33.6, 67.4, 80.3, 3.0, 18.0
""", "the poster's question before the block ('in the final epoch, the training loss is much less than the test loss, is this a overfitting problem ...')")

case("paste_llama2_accessory_finetune_closs_epoch0_1", "https://github.com/Alpha-VLLM/LLaMA2-Accessory/issues/48",
"""[03:23:49.951215] Epoch: [0]  [1480/1504]  lr: 0.000026  closs: 1.0800 (1.1317)  grad_norm: 0.4995 (1.1826)  time: 4.5833  data: 0.0002  max mem: 51710
[03:24:35.668475] Epoch: [0]  [1490/1504]  lr: 0.000026  closs: 1.0779 (1.1312)  grad_norm: 0.4995 (1.1826)  time: 4.5827  data: 0.0002  max mem: 51710
[03:25:21.899546] Epoch: [0]  [1500/1504]  lr: 0.000026  closs: 1.0741 (1.1309)  grad_norm: 0.4995 (1.1826)  time: 4.5973  data: 0.0003  max mem: 51710
[03:25:36.277038] Epoch: [0] Total time: 1:52:18
[03:25:36.360888] Averaged stats: lr: 0.000026  closs: 1.0759 (1.1304)  grad_norm: 0.4759 (1.1655)
[03:29:07.917266] optimizer saved
[03:29:07.921978] other rank-common saved
[03:29:07.929714] rank-specific saved
[03:29:07.942103] log_dir: ./output_dir
[03:29:13.729627] Epoch: [1]  [0/1504]  lr: 0.000025  closs: 1.0072 (1.0072)  time: 5.7865  data: 1.2589  max mem: 51710
[03:29:59.478134] Epoch: [1]  [10/1504]  lr: 0.000025  closs: 1.0340 (1.0370)  time: 4.6849  data: 0.1147  max mem: 51710
[03:30:45.570149] Epoch: [1]  [20/1504]  lr: 0.000025  closs: 1.0340 (1.0384)  time: 4.5919  data: 0.0002  max mem: 51710
[03:31:31.198840] Epoch: [1]  [30/1504]  lr: 0.000025  closs: 1.0396 (1.0409)  time: 4.5859  data: 0.0002  max mem: 51710
""", "earlier lines of the comment and the partial epoch-1 [40/1504] line where the stored excerpt ends")


def main():
    root = os.path.join(HERE, "cases")
    for name, c in CASES.items():
        d = os.path.join(root, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "stdout.log"), "w") as f:
            f.write(c["log"])
        open(os.path.join(d, "stderr.log"), "w").close()
        meta = {"exit_code": c["exit_code"], "signal": c["signal"], "reason": None, "argv": c["argv"],
                "ended_by": None, "time_limit_s": None, "source": "paste", "url": c["url"],
                "framework": c["framework"], "trimmed": c["trimmed"]}
        with open(os.path.join(d, "meta.json"), "w") as f:
            json.dump(meta, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(len(CASES), "cases")

if __name__ == "__main__":
    main()
