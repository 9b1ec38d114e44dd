# Pasted logs, part B (same rules as part A).
from pastes_a import add, PASTES

add("paste_llamafactory_reduce_scatter_watchdog", "https://github.com/hiyouga/LlamaFactory/issues/6269", "pytorch (LlamaFactory, deepspeed/NCCL)", r'''[rank0]:[E1206 18:44:12.715298746 ProcessGroupNCCL.cpp:607] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7753, OpType=_REDUCE_SCATTER_BASE, NumelIn=544997376, NumelOut=68124672, Timeout(ms)=600000) ran for 600061 milliseconds before timing out.
[rank0]:[E1206 18:44:12.715588844 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 0] Exception (either an error or timeout) detected by watchdog at work: 7753, last enqueued NCCL work: 7755, last completed NCCL work: 7752.
[rank4]:[E1206 18:44:12.755262105 ProcessGroupNCCL.cpp:607] [Rank 4] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7753, OpType=_REDUCE_SCATTER_BASE, NumelIn=544997376, NumelOut=68124672, Timeout(ms)=600000) ran for 600099 milliseconds before timing out.
[rank4]:[E1206 18:44:12.755468433 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 4] Exception (either an error or timeout) detected by watchdog at work: 7753, last enqueued NCCL work: 7755, last completed NCCL work: 7752.
[rank3]:[E1206 18:44:13.275158817 ProcessGroupNCCL.cpp:607] [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7753, OpType=_REDUCE_SCATTER_BASE, NumelIn=544997376, NumelOut=68124672, Timeout(ms)=600000) ran for 600089 milliseconds before timing out.
[rank3]:[E1206 18:44:13.275514180 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 3] Exception (either an error or timeout) detected by watchdog at work: 7753, last enqueued NCCL work: 7755, last completed NCCL work: 7752.
''', "the stored excerpt starts mid-paste; its last, cut-off line dropped")

add("paste_instructglm_allreduce_timeout", "https://github.com/agiresearch/InstructGLM/issues/3", "pytorch (NCCL)", r'''Watchdog caught collective operation timeout: WorkNCCL(SeqNum=49, OpType=ALLREDUCE, Timeout(ms)=18000000) ran for 18005607 milliseconds before timing out.
''', "the poster's prose, the list of NCCL environment variables tried, and the replies (the poster says the progress bar was stuck at 0% from the start)")

add("paste_alm_missing_train_list", "https://github.com/chufengt/ALM-pedestrian-attribute/issues/70", "pytorch", r'''Traceback (most recent call last):
  File "main.py", line 515, in <module>
    main()
  File "main.py", line 56, in main
    train_dataset, val_dataset, attr_num, description = Get_Dataset(args.experiment, args.approach)
  File "/gpuapp/ALM-pedestrian-attribute/utils/datasets.py", line 189, in Get_Dataset
    train_dataset = MultiLabelDataset(root='data_path',
  File "/gpuapp/ALM-pedestrian-attribute/utils/datasets.py", line 15, in __init__
    labels = open(label).readlines()
FileNotFoundError: [Errno 2] No such file or directory: 'train_list_path'

dell@dell-Powe$ python main.py --approach=inception_iccv --experiment=rap
''', "the maintainer's reply", argv=["python", "main.py", "--approach=inception_iccv", "--experiment=rap"])

add("paste_medmamba_missing_dataset_dir", "https://github.com/YubiaoYue/MedMamba/issues/4", "pytorch (torchvision)", r'''using cpu device.
Traceback (most recent call last):
  File "/tmp/pycharm_project_185/train.py", line 108, in <module>
    main()
  File "/tmp/pycharm_project_185/train.py", line 27, in main
    train_dataset = datasets.ImageFolder(root='dataset2',
  File "/root/miniconda3/envs/mamba/lib/python3.10/site-packages/torchvision/datasets/folder.py", line 310, in __init__
    super().__init__(
  File "/root/miniconda3/envs/mamba/lib/python3.10/site-packages/torchvision/datasets/folder.py", line 145, in __init__
    classes, class_to_idx = self.find_classes(self.root)
  File "/root/miniconda3/envs/mamba/lib/python3.10/site-packages/torchvision/datasets/folder.py", line 219, in find_classes
    return find_classes(directory)
  File "/root/miniconda3/envs/mamba/lib/python3.10/site-packages/torchvision/datasets/folder.py", line 41, in find_classes
    classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
FileNotFoundError: [Errno 2] No such file or directory: 'dataset2'
''', "the replies")

add("paste_vtt_missing_module", "https://github.com/niluthpol/multimodal_vtt/issues/14", "pytorch", r'''ModuleNotFoundError: No module named 'model_resnet_mean'
  File "train_vtt.py", line 12, in <module>
''', "the poster's greeting and question ('anyidea what should i install ?') and the maintainer's reply")

add("paste_unet_nll2d_assert", "https://github.com/milesial/Pytorch-UNet/issues/375", "pytorch", r'''Epoch 1/5:   0%|                                                        | 0/123 [00:00<?, ?img/s]
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [929,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [930,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [931,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [932,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [933,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [934,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [935,0,0] Assertion `t >= 0 && t < n_classes` failed.
../aten/src/ATen/native/cuda/NLLLoss2d.cu:103: nll_loss2d_forward_kernel: block: [3,0,0], thread: [936,0,0] Assertion `t >= 0 && t < n_classes` failed.
''', "the stored excerpt starts mid-paste (the poster's first lines not in it); its last, cut-off line dropped")

add("paste_mcmot_classnll_assert", "https://github.com/CaptainEven/YOLOV4_MCMOT/issues/9", "pytorch (yolov4)", r'''Starting training for 100 epochs...

     Epoch   gpu_mem      GIoU       obj       cls      reid     total   targets  img_size
  0%|                                                                                                                                                                                                                   | 0/1 [00:00<?, ?it/s]
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [0,0,0] Assertion `t >= 0 && t < n_classes` failed.
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [1,0,0] Assertion `t >= 0 && t < n_classes` failed.
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [2,0,0] Assertion `t >= 0 && t < n_classes` failed.
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [3,0,0] Assertion `t >= 0 && t < n_classes` failed.
/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:108: cunn_ClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [4,0,0] Assertion `t >= 0 && t < n_classes` failed.
''', "the stored excerpt ends mid-line in the next assertion; that cut-off line dropped")

add("paste_llamafactory_baichuan_min_loss_scale", "https://github.com/hiyouga/LlamaFactory/issues/251", "pytorch (LlamaFactory, deepspeed fp16)", r''': Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.
    self.loss_scaler.update_scale(has_overflow)
  File "/usr/local/lib/python3.8/dist-packages/deepspeed/runtime/fp16/loss_scaler.py", line 175, in update_scale
    raise Exception(
    Exceptionself.loss_scaler.update_scale(has_overflow):
Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.  File "/usr/local/lib/python3.8/dist-packages/deepspeed/runtime/fp16/loss_scaler.py", line 175, in update_scale
    raise Exception(
Exception: Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.
  4%|▍         | 17/387 [05:25<1:57:56, 19.13s/it]
[2023-07-26 15:19:24,960] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45098
[2023-07-26 15:19:27,802] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45099
[2023-07-26 15:19:27,803] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45100
[2023-07-26 15:19:27,804] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45101
[2023-07-26 15:19:27,805] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45102
[2023-07-26 15:19:30,245] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 45104
''', "the stored excerpt starts mid-paste (interleaved output of several ranks, kept as is); its last, cut-off line dropped")

add("paste_unet_tensorboard_segfault", "https://github.com/milesial/Pytorch-UNet/issues/192", "pytorch", r'''Epoch 1/5:  11%|█         | 10/90 [00:01<00:08,  8.95img/s, loss (batch)=0.0278]
segmentation fault (core dumped)
''', "the poster's prose and the code snippet (writer.add_histogram over the named parameters) that the poster says crashed in the debugger")

add("paste_timecycle_reference_log_healthy", "https://github.com/xiaolonw/TimeCycle/issues/10", "pytorch", r'''Learning Rate	Train Loss	Theta Loss	Theta Skip Loss	
0.000200	-0.023201	0.223515	0.185768	
0.000200	-0.082967	0.149054	0.120956	
0.000200	-0.121153	0.138757	0.109839	
0.000200	-0.141511	0.132837	0.103349	
0.000200	-0.154124	0.130685	0.101065	
0.000200	-0.164161	0.126941	0.097509	
0.000200	-0.171910	0.124375	0.094423	
0.000200	-0.177002	0.123230	0.092237	
0.000200	-0.182402	0.120037	0.089529	
0.000200	-0.186588	0.118543	0.086799	
0.000200	-0.189803	0.116007	0.084808	
0.000200	-0.192916	0.114425	0.082736	
0.000200	-0.196440	0.112402	0.080228	
''', "the maintainer's reference log only (the poster's short log and all prose cut); the excerpt's last, cut-off line dropped")

add("paste_transformer_xl_fp16_overflow_healthy", "https://github.com/cybertronai/transformer-xl/issues/2", "pytorch (apex-style FP16_Optimizer)", r'''FP16_Optimizer received torch.cuda.HalfTensor with torch.Size([512])
FP16_Optimizer received torch.cuda.HalfTensor with torch.Size([3, 512])
FP16_Optimizer received torch.cuda.HalfTensor with torch.Size([3])
FP16_Optimizer received torch.cuda.HalfTensor with torch.Size([50257])
OVERFLOW! Skipping step. Attempted loss scale: 2097152.0, reducing to 1048576.0
skipped iteration!
''', "the poster's two code blocks joined in order (prose between them, 'See /ncluster/...' and the repro line cut), and the maintainer's reply", argv=["python", "launch.py", "--config=one_machine_fp16_small", "--name", "ben-bpe2"])

add("paste_llamafactory_multinode_loss_falls_healthy", "https://github.com/hiyouga/LlamaFactory/issues/813", "pytorch (LlamaFactory, transformers Trainer)", r'''10.96.202.43: {'loss': 1.8673, 'learning_rate': 4.9999999999876634e-05, 'epoch': 0.0}
10.96.202.17: {'loss': 1.8673, 'learning_rate': 4.9999999999876634e-05, 'epoch': 0.0}
10.96.202.16: {'loss': 1.8673, 'learning_rate': 4.9999999999876634e-05, 'epoch': 0.0}
10.96.202.40: {'loss': 1.8673, 'learning_rate': 4.9999999999876634e-05, 'epoch': 0.0}
10.96.202.43: {'loss': 0.7744, 'learning_rate': 4.999999999950652e-05, 'epoch': 0.0}
10.96.202.17: {'loss': 0.7744, 'learning_rate': 4.999999999950652e-05, 'epoch': 0.0}
10.96.202.16: {'loss': 0.7744, 'learning_rate': 4.999999999950652e-05, 'epoch': 0.0}
10.96.202.40: {'loss': 0.7744, 'learning_rate': 4.999999999950652e-05, 'epoch': 0.0}
10.96.202.43: {'loss': 0.6309, 'learning_rate': 4.999999999888967e-05, 'epoch': 0.0}
10.96.202.16: {'loss': 0.6309, 'learning_rate': 4.999999999888967e-05, 'epoch': 0.0}
10.96.202.17: {'loss': 0.6309, 'learning_rate': 4.999999999888967e-05, 'epoch': 0.0}
10.96.202.40: {'loss': 0.6309, 'learning_rate': 4.999999999888967e-05, 'epoch': 0.0}
10.96.202.17: {'loss': 0.5621, 'learning_rate': 4.9999999998026084e-05, 'epoch': 0.0}
10.96.202.16: {'loss': 0.5621, 'learning_rate': 4.9999999998026084e-05, 'epoch': 0.0}
10.96.202.43: {'loss': 0.5621, 'learning_rate': 4.9999999998026084e-05, 'epoch': 0.0}
10.96.202.40: {'loss': 0.5621, 'learning_rate': 4.9999999998026084e-05, 'epoch': 0.0}
''', "the stored excerpt starts mid-paste (the poster's question, 'about the speed of loss convergence', before it); its last, cut-off line dropped")

add("paste_gptneo_deepspeed_scale_settles_healthy", "https://github.com/dredwardhyde/gpt-neo-fine-tuning-example/issues/7", "pytorch (transformers + deepspeed ZeRO-3 fp16)", r'''  0%|                                      | 9/63645 [00:19<37:53:00,  2.14s/it][2021-06-08 12:02:45,001] [INFO] [stage3.py:2323:_overflow_clean_up] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 16777216.0, reducing to 8388608.0
[2021-06-08 12:02:45,002] [INFO] [timer.py:157:stop] 0/10, SamplesPerSec=1.8825260836384787
  0%|                                     | 10/63645 [00:21<37:46:42,  2.14s/it][2021-06-08 12:02:47,123] [INFO] [stage3.py:2323:_overflow_clean_up] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 8388608.0, reducing to 4194304.0
  0%|                                     | 11/63645 [00:24<37:41:45,  2.13s/it][2021-06-08 12:02:49,251] [INFO] [stage3.py:2323:_overflow_clean_up] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 4194304.0, reducing to 2097152.0
  0%|                                     | 12/63645 [00:26<37:40:18,  2.13s/it][2021-06-08 12:02:51,371] [INFO] [stage3.py:2323:_overflow_clean_up] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 2097152.0, reducing to 1048576.0
  0%|                                     | 13/63645 [00:28<37:36:38,  2.13s/it][2021-06-08 12:02:53,504] [INFO] [stage3.py:2323:_overflow_clean_up] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 1048576.0, reducing to 524288.0
''', "the stored excerpt starts mid-paste at step 9 and ends there (the rest of the thread not in the excerpt)")
