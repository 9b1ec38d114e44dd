# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_lightning_deepspeed_loss_scale_minimum"] = dict(
 url="https://github.com/deepspeedai/DeepSpeed/issues/5426", framework="lightning",
 trimmed="the exception line is the one the poster quoted in the sentence before the traceback (its backticks dropped), kept first as in the issue; the poster's prose dropped; the stored excerpt ends inside the traceback (at trainer.py _run_stage)",
 log="""Exception: Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.
Traceback (most recent call last):
  File "/myproject/scripts/train.py", line 141, in <module>
    main(get_args())
  File "/myproject/scripts/train.py", line 137, in main
    run(config)
  File "/myproject/scripts/train.py", line 88, in run
    trainer.fit(model=model, datamodule=data_module)
  File "/myenv/lib/python3.10/site-packages/pytorch_lightning/trainer/trainer.py", line 531, in fit
    call._call_and_handle_interrupt(
  File "/myenv/lib/python3.10/site-packages/pytorch_lightning/trainer/call.py", line 41, in _call_and_handle_interrupt
    return trainer.strategy.launcher.launch(trainer_fn, *args, trainer=trainer, **kwargs)
  File "/myenv/lib/python3.10/site-packages/pytorch_lightning/strategies/launchers/subprocess_script.py", line 91, in launch
    return function(*args, **kwargs)
  File "/myenv/lib/python3.10/site-packages/pytorch_lightning/trainer/trainer.py", line 570, in _fit_impl
    self._run(model, ckpt_path=ckpt_path)
  File "/myenv/lib/python3.10/site-packages/pytorch_lightning/trainer/trainer.py", line 975, in _run
    results = self._run_stage()
""")

CASES["paste_grapher_lightning_segfault"] = dict(
 url="https://github.com/IBM/Grapher/issues/17", framework="lightning",
 argv=["bash", "train_gen.sh"],
 trimmed="the poster's closing sentence and version list after the block",
 log="""bash train_gen.sh 

train_gen.sh: line 29: 3411753 Segmentation fault      (core dumped) python main.py --version 2 --default_root_dir output --run train --max_epochs 100 --accelerator gpu --num_nodes 1 --num_data_workers 4 --lr 1e-4 --batch_size 11 --num_sanity_val_steps 0 --fast_dev_run 0 --overfit_batches 0 --limit_train_batches 1.0 --limit_val_batches 1.0 --limit_test_batches 1.0 --accumulate_grad_batches 10 --detect_anomaly True --data_path webnlg-dataset/release_v3.0/en --log_every_n_steps 100 --val_check_interval 1000 --checkpoint_step_frequency 1000 --focal_loss_gamma 3 --dropout_rate 0.5 --num_layers 2 --edges_as_classes 0 --checkpoint_model_id -1
""")

CASES["paste_unet_segfault_epoch1_histograms"] = dict(
 url="https://github.com/milesial/Pytorch-UNet/issues/193", framework="pytorch",
 trimmed="the poster's sentence before the two lines and the description of the debugging after them",
 log="""Epoch 1/5:  11%|█         | 10/90 [00:01<00:08,  8.95img/s, loss (batch)=0.0278]
segmentation fault (core dumped)
""")

CASES["paste_dcrnn_pytorch_cuda_oom_small_gpu"] = dict(
 url="https://github.com/chnsh/DCRNN_PyTorch/issues/6", framework="pytorch",
 argv=["python", "dcrnn_train_pytorch.py", "--config_filename=data/model/dcrnn_la.yaml"],
 trimmed="the poster's sentence around the command and the error (backticks dropped); only the error line was pasted",
 log="""RuntimeError:CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 5.80 GiB total capacity; 4.36 GiB already allocated; 6.69 MiB free; 4.63 GiB reserved in total by PyTorch)
""")

CASES["paste_res2net_load_state_dict_size_mismatch"] = dict(
 url="https://github.com/Res2Net/Res2Net-PretrainedModels/issues/4", framework="pytorch",
 trimmed="the stored excerpt starts inside the error list (layer3.8) and ends mid-line at layer3.10.conv1.weight; the RuntimeError header line before the list was not in the excerpt",
 log="""\tsize mismatch for layer3.8.bn1.running_var: copying a param with shape torch.Size([256]) from checkpoint, the shape in current model is torch.Size([416]).
\tsize mismatch for layer3.8.conv3.weight: copying a param with shape torch.Size([1024, 256, 1, 1]) from checkpoint, the shape in current model is torch.Size([1024, 416, 1, 1]).
\tsize mismatch for layer3.9.conv1.weight: copying a param with shape torch.Size([256, 1024, 1, 1]) from checkpoint, the shape in current model is torch.Size([416, 1024, 1, 1]).
\tsize mismatch for layer3.9.bn1.weight: copying a param with shape torch.Size([256]) from checkpoint, the shape in current model is torch.Size([416]).
\tsize mismatch for layer3.9.bn1.bias: copying a param with shape torch.Size([256]) from checkpoint, the shape in current model is torch.Size([416]).
\tsize mismatch for layer3.9.bn1.running_mean: copying a param with shape torch.Size([256]) from checkpoint, the shape in current model is torch.Size([416]).
\tsize mismatch for layer3.9.bn1.running_var: copying a param with shape torch.Size([256]) from checkpoint, the shape in current model is torch.Size([416]).
\tsize mismatch for layer3.9.conv3.weight: copying a param with shape torch.Size([1024, 256, 1, 1]) from checkpoint, the shape in current model is torch.Size([1024, 416, 1, 1]).
\tsize mismatch for layer3.10.conv1.weight: copying a param with shape torch.Size([
""")

CASES["paste_myria3d_ddp_prepare_data_step_cancelled"] = dict(
 url="https://github.com/IGNF/myria3d/issues/123", framework="lightning",
 trimmed="the maintainer's comment text before the block; only the end of the run was pasted",
 log="""Preparing test set...:  45%|████▍     | 30/67 [27:15<23:13, 37.65s/it]
Preparing test set...:  46%|████▋     | 31/67 [29:02<35:12, 58.67s/it]slurmstepd: error: *** STEP 6053.0 ON DEL2212S020 CANCELLED AT 2024-04-23T12:18:08 ***
srun: debug:  task 2 done
srun: launch/slurm: _task_finish: Received task exit notification for 1 task of StepId=6053.0 (status=0x000f).
srun: error: DEL2212S020: task 0: Terminated
srun: debug:  task 0 done
srun: Force Terminated StepId=6053.0
srun: debug:  IO thread exiting
""")

CASES["paste_ezflow_store_barrier_timeout"] = dict(
 url="https://github.com/neu-vi/ezflow/issues/194", framework="pytorch",
 trimmed="the error line was the whole issue body (backticks dropped)",
 log="""RuntimeError: Timed out initializing process group in store based barrier on rank: 0, for key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)
""")

CASES["paste_resnet_pytorch_cifar100_loss_only"] = dict(
 url="https://github.com/JayPatwardhan/ResNet-PyTorch/issues/2", framework="pytorch",
 trimmed="the commenter's prose before the block (which states train accuracy near 100% and test accuracy about 40%); the stored excerpt ends mid-line after epoch 6, minibatch 200",
 log="""Loss [1, 100](epoch, minibatch):  9.65963740825653
Loss [1, 200](epoch, minibatch):  5.152797379493713
Loss [1, 300](epoch, minibatch):  4.661489753723145
Loss [2, 100](epoch, minibatch):  4.46427243232727
Loss [2, 200](epoch, minibatch):  4.324779586791992
Loss [2, 300](epoch, minibatch):  4.255856695175171
Loss [3, 100](epoch, minibatch):  4.171083827018737
Loss [3, 200](epoch, minibatch):  4.088866672515869
Loss [3, 300](epoch, minibatch):  4.03771208524704
Loss [4, 100](epoch, minibatch):  3.97960834980011
Loss [4, 200](epoch, minibatch):  3.8966946840286254
Loss [4, 300](epoch, minibatch):  3.843762333393097
Loss [5, 100](epoch, minibatch):  3.8005256271362304
Loss [5, 200](epoch, minibatch):  3.733882863521576
Loss [5, 300](epoch, minibatch):  3.6684217929840086
Loss [6, 100](epoch, minibatch):  3.638233540058136
Loss [6, 200](epoch, minibatch):  3.5818062448501586
Loss
""")

CASES["paste_recurrent_drafter_torchrun_rank7_sigkill"] = dict(
 url="https://github.com/apple/ml-recurrent-drafter/issues/5", framework="pytorch",
 trimmed="nothing before the block (the issue body is the traceback); the stored excerpt ends mid-line in the 'traceback : Signal 9 (SIGKILL) receive' line",
 log="""Traceback (most recent call last):
  File "/usr/local/bin/torchrun", line 8, in <module>
    sys.exit(main())
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/elastic/multiprocessing/errors/__init__.py", line 348, in wrapper
    return f(*args, **kwargs)
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/run.py", line 901, in main
    run(args)
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/run.py", line 892, in run
    elastic_launch(
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/launcher/api.py", line 133, in __call__
    return launch_agent(self._config, self._entrypoint, list(args))
  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/launcher/api.py", line 264, in launch_agent
    raise ChildFailedError(
torch.distributed.elastic.multiprocessing.errors.ChildFailedError: 
=====================================================
recurrent_drafting/cmd/train.py FAILED
-----------------------------------------------------
Failures:
  <NO_OTHER_FAILURES>
-----------------------------------------------------
Root Cause (first observed failure):
[0]:
  time      : 2024-09-09_09:36:56
  host      : f5735d9ffd4f
  rank      : 7 (local_rank: 7)
  exitcode  : -9 (pid: 3309)
  error_file: <N/A>
  traceback : Signal 9 (SIGKILL) receive
""")
