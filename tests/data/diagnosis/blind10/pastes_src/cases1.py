# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_torch_mnist_acc_collapse_chance"] = dict(
 url="https://github.com/pytorch/pytorch/issues/38192", framework="pytorch",
 trimmed="the title, the issue template (To Reproduce / Expected behavior, empty) and the environment listing after the log",
 log="""Epoch: 37
468 469 Loss: 0.078 | Acc: 97.338% (58403/60000)
78 79 Loss: 0.046 | Acc: 98.860% (9886/10000)
Best Test Score tensor(98.8800)
Epoch:  38

Epoch: 38
468 469 Loss: 0.068 | Acc: 97.795% (58677/60000)
78 79 Loss: 0.053 | Acc: 98.780% (9878/10000)
Best Test Score tensor(98.8800)
Epoch:  39

Epoch: 39
468 469 Loss: 0.418 | Acc: 85.373% (51224/60000)
78 79 Loss: 2.294 | Acc: 12.560% (1356/10000)
Best Test Score tensor(98.8800)
Epoch:  40

Epoch: 40
468 469 Loss: 2.302 | Acc: 11.133% (6680/60000)
78 79 Loss: 2.301 | Acc: 10.610% (1061/10000)
Best Test Score tensor(98.8800)
=====> Saving checkpoint...
Epoch:  41
""")

CASES["paste_lightning_trainloss_flat_4p600"] = dict(
 url="https://github.com/Lightning-AI/pytorch-lightning/issues/20344", framework="lightning",
 trimmed="the poster's description and code before the progress-bar paste; the stored excerpt ends mid-line at step 107",
 log="""Epoch 0:  14%|█▍        | 100/704 [00:44<04:29,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  14%|█▍        | 100/704 [00:45<04:32,  2.22it/s, v_num=11, train_loss=4.600]
Epoch 0:  14%|█▍        | 101/704 [00:45<04:29,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  14%|█▍        | 101/704 [00:45<04:31,  2.22it/s, v_num=11, train_loss=4.600]
Epoch 0:  14%|█▍        | 102/704 [00:45<04:28,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  14%|█▍        | 102/704 [00:45<04:30,  2.22it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 103/704 [00:45<04:28,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 103/704 [00:46<04:30,  2.22it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 104/704 [00:46<04:27,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 104/704 [00:46<04:29,  2.22it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 105/704 [00:46<04:26,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▍        | 105/704 [00:47<04:29,  2.23it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▌        | 106/704 [00:47<04:26,  2.24it/s, v_num=11, train_loss=4.600]
Epoch 0:  15%|█▌        | 106/704 [00:47<04:28,  2.23it/s, v_num=11, train_loss=4.600]
""")

CASES["paste_litgpt_codellama_loss_jump_11"] = dict(
 url="https://github.com/Lightning-AI/litgpt/issues/628", framework="lightning",
 argv=["python3", "finetune/full.py"],
 trimmed="the poster's setup prose (default config, 8 A100, codellama-7b, evol-codealpaca) and the sentences between the two log blocks except the one kept; the stored excerpt ends mid-line after iter 3709",
 log="""iter 1151 step 144: loss 1.7019, iter time: 1106.53ms (optimizer.step)
iter 1152 step 144: loss 11.4630, iter time: 1260.82ms
iter 1153 step 144: loss 11.7545, iter time: 1109.35ms
iter 1154 step 144: loss 11.5019, iter time: 901.24ms
iter 1155 step 144: loss 11.4807, iter time: 1019.36ms
iter 1156 step 144: loss 12.1935, iter time: 978.51ms
iter 1157 step 144: loss 10.0220, iter time: 1022.02ms
iter 1158 step 144: loss 10.9364, iter time: 2538.55ms
iter 1159 step 145: loss 10.5513, iter time: 1628.55ms (optimizer.step)

I tried to other precision. It can go further but I the loss still get spike.
iter 3704 step 463: loss 4.7002, iter time: 897.30ms
iter 3705 step 463: loss 5.5483, iter time: 630.41ms
iter 3706 step 463: loss 2.3724, iter time: 685.74ms
iter 3707 step 463: loss 3.4107, iter time: 1399.17ms
iter 3708 step 463: loss 2.6863, iter time: 2032.91ms
iter 3709 step 463: loss 5.5921, iter time: 763.44ms
""")

CASES["paste_llamafactory_qwen14b_loss0_gradnan"] = dict(
 url="https://github.com/hiyouga/LlamaFactory/issues/7263", framework="transformers",
 trimmed="the system-info block; kept the reproduction (the logged line and the training yaml) up to where the stored excerpt ends",
 log="""'loss': 0.000, 'grad_norm': nan
### model
model_name_or_path: /home/share/Qwen2.5-14B-Instruct

### method
stage: sft
do_train: true
finetuning_type: lora
lora_rank: 8
lora_target: all
deepspeed: examples/deepspeed/ds_z3_config.json  # choices: [ds_z0_config.json, ds_z2_config.json, ds_z3_config.json]

### dataset
dataset: train-split-0310
template: qwen
cutoff_len: 8192
max_new_tokens: 8192
# max_samples: 1000
overwrite_cache: true
preprocessing_num_workers: 16

### output
output_dir:  saves/deepspeed_train/lora/sft
logging_steps: 10
save_steps: 5000
plot_loss: true
overwrite_output_dir: true

### train
per_device_train_batch_size: 1
gradient_accumulation_steps: 2
learning_rate: 1.0e-4
num_train_epochs: 8.0
lr_scheduler_type: cosine
warmup_ratio: 0.1
bf16: true
ddp_timeout: 180000000
""")

CASES["paste_llamafactory_win_bf16_gradnan"] = dict(
 url="https://github.com/hiyouga/LlamaFactory/issues/5660", framework="transformers",
 trimmed="the system-info block and the poster's Chinese sentences around the two log blocks; the training yaml after them",
 log="""{'loss': 344093.2, 'grad_norm': nan, 'learning_rate': 9.997532801828658e-05, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 9.990133642141359e-05, 'epoch': 0.0}
{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 9.977809823015401e-05, 'epoch': 0.0}
{'loss': 4.6758, 'grad_norm': nan, 'learning_rate': 0.0001, 'epoch': 0.05}
{'loss': 4.5615, 'grad_norm': nan, 'learning_rate': 0.0001, 'epoch': 0.05}
{'loss': 4.6769, 'grad_norm': nan, 'learning_rate': 0.0001, 'epoch': 0.05}
{'loss': 4.5003, 'grad_norm': nan, 'learning_rate': 0.0001, 'epoch': 0.05}
""")

CASES["paste_vits_chinese_loss_nan_inf"] = dict(
 url="https://github.com/wac81/vits_chinese/issues/2", framework="pytorch",
 trimmed="the poster's Chinese question before the log and the closing comment after it",
 log="""INFO:ljs_base:====> Epoch: 36
INFO:ljs_base:Train Epoch: 37 [22%]
INFO:ljs_base:[nan, nan, nan, 83.04302978515625, 0.9958622455596924, inf, 28400, 0.0001990770782180657]
INFO:ljs_base:Train Epoch: 37 [48%]
INFO:ljs_base:[nan, nan, nan, 84.82212829589844, 0.9872239828109741, inf, 28600, 0.0001990770782180657]
INFO:ljs_base:Train Epoch: 37 [73%]
INFO:ljs_base:[nan, nan, nan, 88.02903747558594, 1.0118815898895264, inf, 28800, 0.0001990770782180657]
INFO:ljs_base:Train Epoch: 37 [99%]
INFO:ljs_base:[nan, nan, nan, 91.33515167236328, 0.9768699407577515, inf, 29000, 0.0001990770782180657]
""")

CASES["paste_mdeq_eval_oom_25gib"] = dict(
 url="https://github.com/locuslab/mdeq/issues/9", framework="pytorch",
 argv=["python", "tools/cls_train.py", "--cfg", "experiments/cifar/cls_mdeq_TINY.yaml"],
 trimmed="the poster's prose ('I encountered ... at eval stage with 24G memory.') around the error and command; the maintainer's replies",
 log="""RuntimeError: CUDA out of memory. Tried to allocate 25.49 GiB (GPU 0; 23.70 GiB total capacity; 57.77 MiB already allocated; 22.24 GiB free; 84.00 MiB reserved in total by PyTorch)
""")

CASES["paste_dlartschool_oom_bs188"] = dict(
 url="https://github.com/152334H/DL-Art-School/issues/56", framework="pytorch",
 trimmed="the poster's sentence before the error and the settings list after it (training batch size 188, validation batch size 48)",
 run_settings="training batch size 188, validation batch size 48 (from the poster's text, not the log)",
 log="""OutOfMemoryError: CUDA out of memory. Tried to allocate 1.55 GiB (GPU 0; 23.99 GiB total capacity; 20.44 GiB already
allocated; 0 bytes free; 22.59 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting
max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
Drücken Sie eine beliebige Taste . . .
""")

CASES["paste_rnnt_oom_mid_epoch"] = dict(
 url="https://github.com/ZhengkunTian/rnn-transducer/issues/17", framework="pytorch",
 argv=["python", "train.py"],
 trimmed="the poster's prose around the error message (the error is quoted inside the poster's sentence, kept as typed)",
 log="""RuntimeError: CUDA out of the memory. Tried to allocate 2.97GiB(GPU 0; 10.92GiB total capacity; 5.99GiB already allocated; 1.7GiB free; 8.63GiB resrved in total by Pytorch)
""")

CASES["paste_pycls_worker_segfault"] = dict(
 url="https://github.com/facebookresearch/pycls/issues/146", framework="pytorch",
 trimmed="the poster's one-line question; the stored excerpt ends inside the second traceback (trainer.py line 88)",
 log="""ERROR: Unexpected segmentation fault encountered in worker.

Traceback (most recent call last):
  File "/usr/local/lib/python3.6/dist-packages/torch/utils/data/dataloader.py", line 986, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/usr/lib/python3.6/queue.py", line 173, in get
    self.not_empty.wait(remaining)
  File "/usr/lib/python3.6/threading.py", line 299, in wait
    gotit = waiter.acquire(True, timeout)
  File "/usr/local/lib/python3.6/dist-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 624) is killed by signal: Segmentation fault. 

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/workspace/pycls/train1.0.1/train_net.py", line 24, in <module>
    main()
  File "/workspace/pycls/train1.0.1/train_net.py", line 20, in main
    dist.multi_proc_run(num_proc=cfg.NUM_GPUS, fun=trainer.train_model)
  File "/workspace/pycls/train1.0.1/pycls/core/distributed.py", line 146, in multi_proc_run
    fun(*fun_args, **fun_kwargs)
  File "/workspace/pycls/train1.0.1/pycls/core/trainer.py", line 185, in train_model
    train_epoch(*params, cur_epoch)
""")

CASES["paste_jetson_ssd_worker_segfault_epoch15"] = dict(
 url="https://github.com/dusty-nv/jetson-inference/issues/956", framework="pytorch",
 argv=["python3", "train_ssd.py", "--data=data/people", "--model-dir=models/people", "--batch-size=4", "--workers=2", "--epochs=30"],
 trimmed="the poster's description before the command; the stored excerpt ends inside the traceback (multiprocessing/connection.py)",
 log="""2021-03-12 12:44:30 - Epoch: 15, Step: 220/1351, Avg Loss: 3.6073, Avg Regression Loss 1.6280, Avg Classification Loss: 1.9793
2021-03-12 12:44:38 - Epoch: 15, Step: 230/1351, Avg Loss: 3.9874, Avg Regression Loss 1.7574, Avg Classification Loss: 2.2300
ERROR: Unexpected segmentation fault encountered in worker.
Traceback (most recent call last):
  File "/usr/local/lib/python3.6/dist-packages/torch/utils/data/dataloader.py", line 779, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/usr/lib/python3.6/multiprocessing/queues.py", line 104, in get
    if not self._poll(timeout):
  File "/usr/lib/python3.6/multiprocessing/connection.py", line 257, in poll
    return self._poll(timeout)
""")

CASES["paste_timm_worker_segfault_epoch72"] = dict(
 url="https://github.com/huggingface/pytorch-image-models/issues/1269", framework="timm",
 trimmed="the bug-report template before the log (trailing padding spaces of each line removed by the index); the stored excerpt ends inside the traceback",
 log="""Train: 72 [1400/5004 ( 28%)]  Loss: 2.802 (2.69)  Time: 0.114s, 2249.52/s  (0.685s,  373.73/s)  LR: 1.000e-03  Data: 0.016 (0.588)
ERROR: Unexpected segmentation fault encountered in worker.
Traceback (most recent call last):
  File "/home/hossein/anaconda3/lib/python3.9/site-packages/torch/utils/data/dataloader.py", line 1011, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/home/hossein/anaconda3/lib/python3.9/multiprocessing/queues.py", line 113, in get
    if not self._poll(timeout):
""")

CASES["paste_opensora_worker_segfault_bucket"] = dict(
 url="https://github.com/hpcaitech/Open-Sora/issues/370", framework="pytorch",
 trimmed="the poster's sentence before the traceback; the stored excerpt ends inside the second traceback (dataloader.py __next__)",
 log="""Traceback  (most recent call last):
  File "/root/miniconda3/envs/opensora/lib/python3.10/site-packages/torch/utils/data/dataloader.py", line 1133, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/root/miniconda3/envs/opensora/lib/python3.10/queue.py", line 180, in get
    self.not_empty.wait(remaining)
  File "/root/miniconda3/envs/opensora/lib/python3.10/threading.py", line 324, in wait
    gotit = waiter.acquire(True, timeout)
  File "/root/miniconda3/envs/opensora/lib/python3.10/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 1871778) is killed by signal: Segmentation fault. 

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/Open-Sora/scripts/train.py", line 330, in <module>
    main()
  File "/Open-Sora/scripts/train.py", line 239, in main
    for step, batch in pbar:
  File "/root/miniconda3/envs/opensora/lib/python3.10/site-packages/tqdm/std.py", line 1169, in __iter__
    for obj in iterable:
  File "/root/miniconda3/envs/opensora/lib/python3.10/site-packages/torch/utils/data/dataloader.py", line 631, in __next__
""")

CASES["paste_torch_elastic_agent_sigterm"] = dict(
 url="https://github.com/pytorch/pytorch/issues/150916", framework="pytorch",
 trimmed="the poster's test description and the first node's traceback head; kept the tail of the first node's error and the other node's log up to where the stored excerpt ends (torch/distributed/launcher/api.py)",
 log="""  File "/home/ubuntu/prototype-venv/lib/python3.12/site-packages/torch/distributed/elastic/rendezvous/dynamic_rendezvous.py", line 676, in run
    raise RendezvousClosedError
torch.distributed.elastic.rendezvous.api.RendezvousClosedError

On the other node:

W0409 07:28:49.530000 1359 torch/distributed/elastic/agent/server/api.py:719] Received 15 death signal, shutting down workers
W0409 07:28:49.531000 1359 torch/distributed/elastic/multiprocessing/api.py:897] Sending process 1365 closing signal SIGTERM
Traceback (most recent call last):
  File "/home/ubuntu/prototype-venv/bin/torchrun", line 8, in <module>
    sys.exit(main())
             ^^^^^^
  File "/home/ubuntu/prototype-venv/lib/python3.12/site-packages/torch/distributed/elastic/multiprocessing/errors/__init__.py", line 355, in wrapper
    return f(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^
  File "/home/ubuntu/prototype-venv/lib/python3.12/site-packages/torch/distributed/run.py", line 918, in main
    run(args)
  File "/home/ubuntu/prototype-venv/lib/python3.12/site-packages/torch/distributed/run.py", line 909, in run
    elastic_launch(
  File "/home/ubuntu/prototype-venv/lib/python3.12/site-packages/torch/distributed/launcher/api.py", line 138, in __call__
    return launch_agent(self._config, self._entrypoint, list(args))
""")
