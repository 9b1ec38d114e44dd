# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_centernet_ddd_val_loss_rising"] = dict(
 url="https://github.com/xingyizhou/CenterNet/issues/160", framework="pytorch",
 trimmed="the poster's question before the table and the sentences after it; the table is the poster's own summary of the training log (train/val loss every 5 epochs), kept as pasted",
 log=r"""| epoch | train loss | val loss |
| :------| ------: | :------: |
| 5 | 2.24 | 2.89 |
| 10 | 1.86 | 2.88 |
| 15 | 1.77 | 2.90 |
| 20 | 1.69 | 3.08 |
| 25 | 1.63 | 3.08 |
| 30 | 1.60 | 3.06 |
| 35 | 1.58 | 3.07 |
| 40 | 1.56 | 3.18 |
| 45 | 1.55 | 3.26 |
| 50 | 1.45 | 3.36 |
| 55 | 1.42 | 3.50 |
| 60 | 1.41 | 3.57 |
| 65 | 1.41 | 3.60 |
| 70 | 1.41 | 3.60 |
""")

CASES["paste_deepspeed_overflow_8192_4096_cycle"] = dict(
 url="https://github.com/bobo0810/LearnDeepSpeed/issues/1", framework="deepspeed",
 trimmed="nothing before (the issue body is the log); the stored excerpt ends mid-line in the seventh message (kept as stored); the wide gaps inside 'loss scal ... e:' are the poster's terminal wrapping, kept",
 log=r"""[2024-11-04 11:41:27,602] [INFO] [loss_scaler.py:190:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, but hysteresis is 2. Reducing hysteresis to 1
[2024-11-04 11:41:27,623] [INFO] [loss_scaler.py:183:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, reducing to 4096
[2024-11-04 11:43:36,061] [INFO] [loss_scaler.py:190:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, but hysteresis is 2. Reducing hysteresis to 1
[2024-11-04 11:43:39,575] [INFO] [loss_scaler.py:183:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, reducing to 4096
[2024-11-04 11:45:48,644] [INFO] [loss_scaler.py:190:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, but hysteresis is 2. Reducing hysteresis to 1
[2024-11-04 11:45:51,164] [INFO] [loss_scaler.py:183:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scal                                 e: 8192, reducing to 4096
[2024-11-04 11:48:02,638] [INFO] [loss_scaler.py:190:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 8192, but hysteresis is 2. Reducing
""")

CASES["paste_freevc_worker_segfault_training_goes_on"] = dict(
 url="https://github.com/OlaWod/FreeVC/issues/58", framework="pytorch",
 trimmed="the poster's sentences before and after the code block (the segfault 'usually happens right before the Epoch is finished and then the training continues as if nothing happened')",
 log=r"""INFO:freevc:Train Epoch: 1515 [70%]
INFO:freevc:[2.0600645542144775, 3.001354932785034, 14.571150779724121, 20.43256950378418, 2.2390851974487305, 845200, 0.00016534851772726235]
ERROR: Unexpected segmentation fault encountered in worker.
INFO:freevc:====> Epoch: 1515
INFO:freevc:Train Epoch: 1516 [5%]
""")

CASES["paste_sd_finetune_killed_saving_checkpoint"] = dict(
 url="https://github.com/LambdaLabsML/examples/issues/41", framework="lightning",
 trimmed="the poster's greeting and question around the log; the comments after it",
 log=r"""Epoch 0: 100%|█| 209/209 [06:12<00:00,  1.78s/it, loss=0.0685, v_num=0, train/loss_simple_step=0.0223, train/loss_vlb_step=8.78e-5, train/loss_step=0.0223, global_step=208.0,
Summoning checkpoint.
Killed
""")

CASES["paste_syncbn_allreduce_watchdog_timeout"] = dict(
 url="https://github.com/NVIDIA/nccl/issues/1438", framework="pytorch",
 trimmed="the start of the first traceback is not in the stored excerpt (it begins inside it); cut at the last complete line of the launcher's traceback (the excerpt ends mid-line after it)",
 log=r"""  File "/idas/users/yaofengqin/.conda/envs/allspark/lib/python3.7/site-packages/torch/autograd/function.py", line 253, in apply
    return user_fn(self, *args)
  File "/idas/users/yaofengqin/.conda/envs/allspark/lib/python3.7/site-packages/torch/nn/modules/_functions.py", line 131, in backward
    combined, torch.distributed.ReduceOp.SUM, process_group, async_op=False)
  File "/idas/users/yaofengqin/.conda/envs/allspark/lib/python3.7/site-packages/torch/distributed/distributed_c10d.py", line 1322, in all_reduce
    work = group.allreduce([tensor], opts)
RuntimeError: NCCL communicator was aborted on rank 0.  Original reason for failure was: [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=35582, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1800366 milliseconds before timing out.
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 886321 closing signal SIGTERM
ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: -6) local_rank: 1 (pid: 886322) of binary: /idas/users/yaofengqin/.conda/envs/allspark/bin/python
Traceback (most recent call last):
  File "/idas/users/yaofengqin/.conda/envs/allspark/lib/python3.7/runpy.py", line 193, in _run_module_as_main
    "__main__", mod_spec)
  File "/idas/users/yaofengqin/.conda/envs/allspark/lib/python3.7/runpy.py", line 85, in _run_code
    exec(code, run_globals)
""")

CASES["paste_moss_accelerate_sighup_under_nohup"] = dict(
 url="https://github.com/OpenMOSS/MOSS/issues/237", framework="accelerate",
 trimmed="the commenter's label 'nohup & :' before the log; the stored excerpt ends inside the rich traceback box (line 9 of the accelerate entry point); the later frames (launch_agent, agent.run()) shown in another stored excerpt are left out",
 log=r"""[16:21:34] WARNING  Received 1 death signal, shutting down workers    api.py:729
           WARNING  Sending process 2928786 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928787 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928788 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928789 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928790 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928791 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928792 closing signal SIGHUP     api.py:698
           WARNING  Sending process 2928793 closing signal SIGHUP     api.py:698
╭───────────────────── Traceback (most recent call last) ──────────────────────╮
│ /home/hhh/.conda/envs/python38/bin/accelerate:8 in <module>         │
│                                                                              │
│   5 from accelerate.commands.accelerate_cli import main                      │
│   6 if __name__ == '__main__':                                               │
│   7 │   sys.argv[0] = re.sub(r'(-script\.pyw|\.exe)?$', '', sys.argv[0])     │
│ ❱ 8 │   sys.exit(main())                                                     │
│   9
""")

CASES["paste_msswift_torchrun_sighup_epoch40"] = dict(
 url="https://github.com/modelscope/ms-swift/issues/5884", framework="transformers",
 trimmed="the one-line description before the log ('Encountered the following error at ~ 40 epochs'); the stored excerpt ends inside the launcher traceback (elastic_launch frame)",
 log=r"""W0920 09:10:41.194000 84933 site-packages/torch/distributed/elastic/agent/server/api.py:719] Received 1 death signal, shutting down workers
W0920 09:10:41.195000 84933 site-packages/torch/distributed/elastic/multiprocessing/api.py:900] Sending process 85005 closing signal SIGHUP
W0920 09:10:41.195000 84933 site-packages/torch/distributed/elastic/multiprocessing/api.py:900] Sending process 85006 closing signal SIGHUP
Traceback (most recent call last):
  File "<frozen runpy>", line 198, in _run_module_as_main
  File "<frozen runpy>", line 88, in _run_code
  File "/datadrive/chuxuan/miniconda3/envs/msswift/lib/python3.11/site-packages/torch/distributed/run.py", line 896, in <module>
    main()
  File "/datadrive/chuxuan/miniconda3/envs/msswift/lib/python3.11/site-packages/torch/distributed/elastic/multiprocessing/errors/__init__.py", line 355, in wrapper
    return f(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^
  File "/datadrive/chuxuan/miniconda3/envs/msswift/lib/python3.11/site-packages/torch/distributed/run.py", line 892, in main
    run(args)
  File "/datadrive/chuxuan/miniconda3/envs/msswift/lib/python3.11/site-packages/torch/distributed/run.py", line 883, in run
    elastic_launch(
""")
