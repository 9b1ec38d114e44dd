# Pastes cut from the search tool's issues-index excerpts (text between the poster's prose), never rewritten.
CASES = {}

CASES["crashes_stoke_ddp_sigkill_exitcode9"] = dict(
 url="https://github.com/fidelity/stoke/issues/31", framework="pytorch",
 trimmed="the issue template heading '## Describe the bug' before the log and '## To Reproduce / Just a no...' after it (the stored excerpt ends there); the markdown backticks and the '> ' quote marker the poster put around lines are kept as returned; the title says the DDP run was terminated in the middle of training",
 log=r"""`  traceback : Signal 9 (SIGKILL) received by PID 10398`

> WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 10401 closing signal SIGTERM
ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: -9) local_rank: 0 (pid: 10398) of binary: /anaconda/envs/py37_default/bin/python
Traceback (most recent call last):
  File "/anaconda/envs/py37_default/lib/python3.7/runpy.py", line 193, in _run_module_as_main
    "__main__", mod_spec)
  File "/anaconda/envs/py37_default/lib/python3.7/runpy.py", line 85, in _run_code
    exec(code, run_globals)
  File "/home/..../torch/distributed/launch.py", line 193, in <module>
    main()
  File "/home/.../torch/distributed/launch.py", line 189, in main
    launch(args)
  File "/home/.../torch/distributed/launch.py", line 174, in launch
    run(args)
  File "/home/.../torch/distributed/run.py", line 713, in run
    )(*cmd_args)
  File "/home/.../torch/distributed/launcher/api.py", line 131, in __call__
    return launch_agent(self._config, self._entrypoint, list(args))
  File "/home/jupyte.../torch/distributed/launcher/api.py", line 261, in launch_agent
    failures=result.failures,

`torch.distributed.elastic.multiprocessing.errors.ChildFailedError: 
`
""")

CASES["crashes_tokenlearner_input_cuda_weight_cpu"] = dict(
 url="https://github.com/rish-16/tokenlearner-pytorch/issues/4", framework="pytorch",
 trimmed="nothing: the issue body is this one line",
 log=r"""RuntimeError: Input type (torch.cuda.FloatTensor) and weight type (torch.FloatTensor) should be the same
""")

CASES["crashes_vits_finetune_errno28_at_spawn"] = dict(
 url="https://github.com/Plachtaa/VITS-fast-fine-tuning/issues/397", framework="pytorch",
 argv=["python", "finetune_speaker_v2.py", "-m", "./OUTPUT_MODEL", "--max_epochs", "1000", "--drop_speaker_embed", "True"],
 trimmed="the poster's sentence before the log ('OSError: [Errno 28] No space left on device is always raised when running the training code, but there is actually enough space'); the shell prompt line is kept as pasted; the stored excerpt ends mid-line inside multiprocessing/context.py ('/root/miniconda3/envs/vits/lib/python3')",
 log=r"""(vits) root@3a5036f18e77:~/VITS-fast-fine-tuning# export CUDA_VISIBLE_DEVICES=0 && python finetune_speaker_v2.py -m ./OUTPUT_MODEL --max_epochs "1000" --drop_speaker_embed True
/root/miniconda3/envs/vits/lib/python3.8/site-packages/joblib/_multiprocessing_helpers.py:46: UserWarning: [Errno 28] No space left on device.  joblib will operate in serial mode
  warnings.warn('%s.  joblib will operate in serial mode' % (e,))
Traceback (most recent call last):
  File "finetune_speaker_v2.py", line 372, in <module>
    main()
  File "finetune_speaker_v2.py", line 55, in main
    mp.spawn(run, nprocs=n_gpus, args=(n_gpus, hps,))
  File "/root/miniconda3/envs/vits/lib/python3.8/site-packages/torch/multiprocessing/spawn.py", line 239, in spawn
    return start_processes(fn, args, nprocs, join, daemon, start_method='spawn')
  File "/root/miniconda3/envs/vits/lib/python3.8/site-packages/torch/multiprocessing/spawn.py", line 182, in start_processes
    error_queue = mp.SimpleQueue()
  File "/root/miniconda3/envs/vits/lib/python3.8/multiprocessing/context.py", line 113, in SimpleQueue
    return SimpleQueue(ctx=self.get_context())
  File "/root/miniconda3/envs/vits/lib/python3.8/multiprocessing/queues.py", line 336, in __init__
    self._rlock = ctx.Lock()
  File "/root/miniconda3/envs/vits/lib/python3
""")

# ---------------------------------------------------------------- healthy logs that look like a crash
CASES["crashes_startup_loader_del_assertion_healthy"] = dict(
 url="https://github.com/cpphoo/STARTUP/issues/3", framework="pytorch",
 trimmed="the poster's question after the log ('An AssertionError occured. I want to know if this error has no effect on the following training process.'); the '......' line is the poster's own elision of the traceback; the progress bar is cut by the poster at '21.14s/it'",
 log=r"""Exception ignored in: <function _MultiProcessingDataLoaderIter.__del__ at 0x7f6d5cf914c0>
......
assert self._parent_pid == os.getpid(), 'can only test a child process'
AssertionError: can only test a child process

100%|█████████████████████████████████████████████████████████████████████████████████████████████████████▉| 999/1000 [6:35:47<00:21, 21.14s/it
""")

CASES["crashes_vits_colab_worker_warning_reducer_healthy"] = dict(
 url="https://github.com/SayaSS/vits-finetuning/issues/21", framework="pytorch",
 trimmed="a later turn of the thread (turn 4, the poster's Colab output); nothing before the log in the excerpt; the stored excerpt ends mid-line at '  warn' after the lr_scheduler warning",
 log=r"""/usr/local/lib/python3.8/site-packages/torch/utils/data/dataloader.py:554: UserWarning: This DataLoader will create 8 worker processes in total. Our suggested max number of worker in current system is 2, which is smaller than what this DataLoader is going to create. Please be aware that excessive worker creation might get DataLoader running slow or even freeze, lower the worker number to avoid potential slowness/freeze if necessary.
  warnings.warn(_create_warning_msg(
INFO:checkpoints:Saving model and optimizer state at iteration 1 to ../drive/MyDrive/vits-finetune/checkpoints/G_0.pth
INFO:checkpoints:Saving model and optimizer state at iteration 1 to ../drive/MyDrive/vits-finetune/checkpoints/D_0.pth
 17% 1/6 [01:01<05:09, 61.98s/it]INFO:torch.nn.parallel.distributed:Reducer buckets have been rebuilt in this iteration.
100% 6/6 [01:15<00:00, 12.62s/it]
INFO:checkpoints:====> Epoch: 1
/usr/local/lib/python3.8/site-packages/torch/optim/lr_scheduler.py:138: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate
  warn
""")

CASES["crashes_paddledet_train_end_eval_healthy"] = dict(
 url="https://github.com/PaddlePaddle/PaddleDetection/issues/1395", framework="paddle",
 trimmed="the poster's first lines (paddlepaddle-gpu==1.8.2.post107, paddledetection release 0.3, trained with tools/train.py, 'after it ends the following happens'); the '> ' quote markers are kept as returned; the stored excerpt ends mid-line in the COCO recall table ('area=   all | maxD'), before the core dump the title reports",
 log=r"""> 2020-09-11 18:05:07,660-INFO: Save model to output/huaxue_1/model_final.
> 2020-09-11 18:05:12,998-INFO: Test iter 0
> 2020-09-11 18:05:21,855-INFO: Test finish iter 74
> 2020-09-11 18:05:21,855-INFO: Total number of images: 443, inference time: 49.067110368556435 fps.
> loading annotations into memory...
> Done (t=0.03s)
> creating index...
> index created!
> 2020-09-11 18:05:22,009-INFO: Start evaluate...
> Loading and preparing results...
> DONE (t=0.02s)
> creating index...
> index created!
> Running per image evaluation...
> Evaluate annotation type *bbox*
> DONE (t=1.78s).
> Accumulating evaluation results...
> DONE (t=0.26s).
>  Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.712
>  Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.934
>  Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 0.827
>  Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = -1.000
>  Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.230
>  Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = 0.714
>  Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.660
>  Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxD
""")
