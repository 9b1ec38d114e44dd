# Pastes cut from the search tool's issues-index excerpts (text between the poster's prose), never rewritten.
CASES = {}

CASES["crashes_polyffusion_worker_killed_step1034"] = dict(
 url="https://github.com/aik2mlj/polyffusion/issues/2", framework="pytorch",
 trimmed="the poster's prose before the log ('The learning code polyffusion/main.py does not execute as expected ... It seems to always occur at number 1034.'); the stored excerpt ends mid-line after 'is killed by'",
 log=r"""Epoch 0:  29% 1034/3597 [51:02<2:06:30,  2.96s/it]   
Traceback (most recent call last):
  File "polyffusion/polyffusion/main.py", line 71, in <module>
    config.train()
  File "polyffusion/polyffusion/train/__init__.py", line 49, in train
    learner.train(max_epoch=self.params.max_epoch)
  File "polyffusion/polyffusion/learner.py", line 137, in train
    losses, scheduled_params = self.train_step(batch)
  File "polyffusion/polyffusion/learner.py", line 200, in train_step
    loss_dict = self.model.get_loss_dict(batch, self.step)
  File "polyffusion/polyffusion/models/model_sdf.py", line 189, in get_loss_dict
    cond = self._encode_chord(chord)
  File "polyffusion/polyffusion/models/model_sdf.py", line 95, in _encode_chord
    z = self.chord_enc(chord).mean
  File "/usr/local/lib/python3.10/dist-packages/torch/nn/modules/module.py", line 1501, in _call_impl
    return forward_call(*args, **kwargs)


  File "/usr/local/lib/python3.10/dist-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 2978) is killed by
""")

CASES["crashes_graphvqa_worker_killed_epoch199"] = dict(
 url="https://github.com/codexxxl/GraphVQA/issues/10", framework="pytorch",
 trimmed="a commenter's paste in a thread titled 'The result is 0.0?'; nothing cut before the log; the stored excerpt ends mid-line after 'The above exception was the direct cause of the following exception'",
 log=r"""Epoch: [199][3700/4715] Time 0.19 (0.24)        Data 0.00 (0.03)        Loss 1.30e-02 (1.34e-02)        Acc@Program 0.00 (0.00) Acc@ProgramGroup 0.00 (0.00)    Acc@ProgramNonEmpty 0.00 (0.00)     Acc@Short 99.50 (99.49)
Traceback (most recent call last):
  File "/home/anaconda3/envs/pytorch/lib/python3.9/site-packages/torch/utils/data/dataloader.py", line 990, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/home/anaconda3/envs/pytorch/lib/python3.9/multiprocessing/queues.py", line 113, in get
    if not self._poll(timeout):
  File "/home/anaconda3/envs/pytorch/lib/python3.9/multiprocessing/connection.py", line 262, in poll
    return self._poll(timeout)
  File "/home/anaconda3/envs/pytorch/lib/python3.9/multiprocessing/connection.py", line 429, in _poll
    r = wait([self], timeout)
  File "/home/anaconda3/envs/pytorch/lib/python3.9/multiprocessing/connection.py", line 936, in wait
    ready = selector.select(timeout)
  File "/home/anaconda3/envs/pytorch/lib/python3.9/selectors.py", line 416, in select
    fd_event_list = self._selector.poll(timeout)
  File "/home/anaconda3/envs/pytorch/lib/python3.9/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 24878) is killed by signal: Killed.

The above exception was the direct cause of the following exception
""")

CASES["crashes_caffe_segnet_illegal_access_iter150k"] = dict(
 url="https://github.com/alexgkendall/caffe-segnet/issues/147", framework="caffe",
 trimmed="the poster's prose before the log (trains fine until about 150K iterations; reducing the batch size did not help; memory use checked); the stored excerpt ends mid-line at 'caffe::Net'",
 log=r"""I0524 19:24:23.882612 13813 solver.cpp:486] Iteration 150000, lr = 0.01
F0524 19:24:39.746389 13813 math_functions.cu:81] Check failed: error == cudaSuccess (77 vs. 0)  an illegal memory access was encountered
*** Check failure stack trace: ***
    @     0x7efd2b3690cd  google::LogMessage::Fail()
    @     0x7efd2b36af33  google::LogMessage::SendToLog()
    @     0x7efd2b368c28  google::LogMessage::Flush()
    @     0x7efd2b36b999  google::LogMessageFatal::~LogMessageFatal()
    @     0x7efd2b81f8ba  caffe::caffe_gpu_memcpy()
    @     0x7efd2b7a1ac0  caffe::SyncedMemory::gpu_data()
    @     0x7efd2b675562  caffe::Blob<>::gpu_data()
    @     0x7efd2b6ad189  caffe::BaseConvolutionLayer<>::forward_gpu_bias()
    @     0x7efd2b7e18d8  caffe::ConvolutionLayer<>::Forward_gpu()
    @     0x7efd2b785b9a  caffe::Net<>::ForwardFromTo()
    @     0x7efd2b785cc7  caffe::Net
""")

CASES["crashes_msswift_qwen7b_sighup_step2905"] = dict(
 url="https://github.com/modelscope/ms-swift/issues/64", framework="transformers",
 trimmed="the poster's question before the log (training qwen_7b/lora_ddp/sft.sh, error after a while, past one epoch); the stored excerpt ends mid-line at 'Sending process 29190'",
 log=r"""12%|█▏        | 2899/25120 [2:12:20<16:58:37,  2.75s/it]
 12%|█▏        | 2900/25120 [2:12:23<16:39:43,  2.70s/it]
                                                         
{'loss': 2.011, 'learning_rate': 9.81e-05, 'epoch': 1.85, 'global_step': 2900}

 12%|█▏        | 2900/25120 [2:12:23<16:39:43,  2.70s/it]
 12%|█▏        | 2900/25120 [2:12:23<16:39:43,  2.70s/it]
 12%|█▏        | 2901/25120 [2:12:26<16:59:40,  2.75s/it]
 12%|█▏        | 2902/25120 [2:12:28<16:18:49,  2.64s/it]
 12%|█▏        | 2903/25120 [2:12:31<16:37:35,  2.69s/it]
 12%|█▏        | 2904/25120 [2:12:34<16:56:03,  2.74s/it]
 12%|█▏        | 2905/25120 [2:12:37<17:37:09,  2.86s/it]WARNING:torch.distributed.elastic.agent.server.api:Received 1 death signal, shutting down workers
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 2919043 closing signal SIGHUP
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 2919044 closing signal SIGHUP
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 2919045 closing signal SIGHUP
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 2919046 closing signal SIGHUP
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 29190
""")

CASES["crashes_llamafactory_qwen3vl_sighup_epoch23"] = dict(
 url="https://github.com/hiyouga/LlamaFactory/issues/9695", framework="transformers",
 argv=["nohup", "llamafactory-cli", "train", "examples/train_lora/qwen3_vl_think_lora_sft.yaml"],
 trimmed="the issue template (Reminder, System Info '8卡 A100 微调qwen3vl-think-32b', the Reproduction block holding the command, which is argv here without its env prefix FORCE_TORCHRUN=1 CUDA_VISIBLE_DEVICES=0,...,7 and its '> train_qwen3vl_think_1229.log 2>&1 &' redirection); the stored excerpt ends mid-line after the second agent line's prefix 'W1229 16:43:25.654000 190834'",
 log=r"""{'loss': 0.0588, 'grad_norm': 0.6597367525100708, 'learning_rate': 4.399193785696366e-06, 'epoch': 23.39}

 58%|█████▊    | 1661/2840 [6:59:01<4:53:05, 14.92s/it]
 59%|█████▊    | 1662/2840 [6:59:16<4:51:54, 14.87s/it]
                                                       
{'loss': 0.0554, 'grad_norm': 0.6498427391052246, 'learning_rate': 4.393093243607054e-06, 'epoch': 23.41}

 59%|█████▊    | 1662/2840 [6:59:16<4:51:54, 14.87s/it]
 59%|█████▊    | 1663/2840 [6:59:31<4:51:53, 14.88s/it]
                                                       
{'loss': 0.0605, 'grad_norm': 0.6059134602546692, 'learning_rate': 4.386993618371275e-06, 'epoch': 23.42}

 59%|█████▊    | 1663/2840 [6:59:31<4:51:53, 14.88s/it]W1229 16:43:25.650000 190834 /appdata//envs/llamafactory/lib/python3.12/site-packages/torch/distributed/elastic/agent/server/api.py:723] Received 1 death signal, shutting down workers
W1229 16:43:25.654000 190834
""")

CASES["crashes_fairseq_oom_epoch2_recover_fails"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/2867", framework="fairseq",
 trimmed="the poster's prose before the log (fine-tuning works through epoch 1, OOM in epoch 2 around 4517/21194; changing total_num_updates/update_freq did not help); the '...' line is the poster's own elision; the stored excerpt ends mid-line at 'wh' inside torch/multiprocessing/spawn.py",
 log=r"""2020-11-06 22:55:35 | WARNING | fairseq.trainer | OOM: Ran out of memory with exception: CUDA out of memory. Tried to allocate 28.00 MiB (GPU 1; 10.92 GiB total capacity; 10.13 GiB already allocated; 13.38 MiB free; 10.33 GiB reserved in total by PyTorch)
...
2020-11-06 22:55:35 | WARNING | fairseq.trainer | attempting to recover from OOM in forward/backward pass
Traceback (most recent call last):
  File "/data/rwd/anaconda3/envs/fairseq/bin/fairseq-train", line 33, in <module>
    sys.exit(load_entry_point('fairseq', 'console_scripts', 'fairseq-train')())
  File "/data/rwd/fairseq/fairseq_cli/train.py", line 352, in cli_main
    distributed_utils.call_main(args, main)
  File "/data/rwd/fairseq/fairseq/distributed_utils.py", line 254, in call_main
    nprocs=args.distributed_num_procs,
  File "/data/rwd/anaconda3/envs/fairseq/lib/python3.6/site-packages/torch/multiprocessing/spawn.py", line 171, in spawn
    wh
""")

CASES["crashes_fairseq_multigpu_oom_skip_batch_dies"] = dict(
 url="https://github.com/facebookresearch/fairseq/issues/869", framework="fairseq",
 trimmed="the poster's prose before the log (multi-GPU training, one node hit OOM and the whole program crashed; self._oom_batch is None so the OOM handler is never entered); the stored excerpt ends mid-line at 'line 169, in al' in fairseq/distributed_utils.py",
 log=r"""| WARNING: ran out of memory with exception: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 7.93 GiB total capacity; 7.20 GiB already allocated; 17.56 MiB free; 46.25 MiB cached);
 Skipping batch
Traceback (most recent call last):
  File "./fairseq/train.py", line 306, in <module>
    cli_main()
  File "./fairseq/train.py", line 298, in cli_main
    nprocs=args.distributed_world_size,
  File "/miniconda3/envs/py36/lib/python3.6/site-packages/torch/multiprocessing/spawn.py", line 167, in spawn
    while not spawn_context.join():
  File "/miniconda3/envs/py36/lib/python3.6/site-packages/torch/multiprocessing/spawn.py", line 114, in join
    raise Exception(msg)
Exception:

-- Process 3 terminated with the following error:
Traceback (most recent call last):
  File "/misc/projdata11-1/info_fil/zhfu/workbench/explore/github/fairseq/fairseq/fairseq/distributed_utils.py", line 169, in al
""")
