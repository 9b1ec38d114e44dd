P = {}
P["paste_detectron2_cuda_oom_backward"] = dict(url="https://github.com/facebookresearch/detectron2/issues/1563", argv=["python", "transfer_learning_kaist.py"], trimmed="the poster's markdown bold markers (**) kept as pasted; the traceback after 'trainer.train()' is cut off in the stored thread", text="""**ERROR [06/09 11:05:25 d2.engine.train_loop]**: Exception during training:
Traceback (most recent call last):
  File "/home/lab/nbogliol/miniconda2/envs/detectron2/lib/python3.7/site-packages/detectron2/engine/train_loop.py", line 132, in train
    self.run_step()
  File "/home/lab/nbogliol/miniconda2/envs/detectron2/lib/python3.7/site-packages/detectron2/engine/train_loop.py", line 228, in run_step
    losses.backward()
  File "/home/lab/nbogliol/miniconda2/envs/detectron2/lib/python3.7/site-packages/torch/tensor.py", line 195, in backward
    torch.autograd.backward(self, gradient, retain_graph, create_graph)
  File "/home/lab/nbogliol/miniconda2/envs/detectron2/lib/python3.7/site-packages/torch/autograd/__init__.py", line 99, in backward
    allow_unreachable=True)  # allow_unreachable flag
**RuntimeError: CUDA out of memory.** Tried to allocate 1.71 GiB (GPU 0; 31.72 GiB total capacity; 23.58 GiB already allocated; 1.58 GiB free; 29.08 GiB reserved in total by PyTorch)
[06/09 11:05:25 d2.engine.hooks]: Overall training speed: 22 iterations in 0:01:02 (2.8448 s / it)
[06/09 11:05:25 d2.engine.hooks]: Total training time: 0:01:02 (0:00:00 on hooks)
Traceback (most recent call last):
  File "transfer_learning_kaist.py", line 418, in <module>
    results = main()
  File "transfer_learning_kaist.py", line 357, in main
    trainer.train()
""")
P["paste_cylinder3d_cuda_oom_first_step"] = dict(url="https://github.com/xinge008/Cylinder3D/issues/109", argv=["sh", "train.sh"], trimmed="the question text around the log; the traceback above autograd/__init__.py is not in the paste", text=""" File "/home/anaconda3/envs/By-DJR/lib/python3.7/site-packages/torch/autograd/__init__.py", line 132, in backward
    allow_unreachable=True)  # allow_unreachable flag
RuntimeError: CUDA out of memory. Tried to allocate 844.00 MiB (GPU 0; 14.76 GiB total capacity; 9.70 GiB already allocated; 498.75 MiB free; 10.15 GiB reserved in total by PyTorch)
  0%|          | 1/9565 [00:19<50:33:46, 19.03s/it]
""")
P["paste_basicsr_nccl_watchdog_allreduce"] = dict(url="https://github.com/XPixelGroup/BasicSR/issues/737", argv=[], trimmed="the stored excerpt ends inside the rank2 line; kept up to the last complete line", text="""[rank1]:[E626 06:24:44.903881913 ProcessGroupNCCL.cpp:616] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=808, OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600020 milliseconds before timing out.
[rank1]:[E626 06:24:44.906457629 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank 1] Exception (either an error or timeout) detected by watchdog at work: 808, last enqueued NCCL work: 811, last completed NCCL work: 807.
[rank0]:[E626 06:24:44.159932949 ProcessGroupNCCL.cpp:616] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=808, OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600030 milliseconds before timing out.
[rank0]:[E626 06:24:44.160366013 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank 0] Exception (either an error or timeout) detected by watchdog at work: 808, last enqueued NCCL work: 811, last completed NCCL work: 807.
[rank2]:[E626 06:24:44.173078629 ProcessGroupNCCL.cpp:616] [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=808, OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600061 milliseconds before timing out.
""")
P["paste_llamafactory_nccl_watchdog_1580"] = dict(url="https://github.com/hiyouga/LlamaFactory/issues/7396", argv=[], trimmed="the stored excerpt ends inside the rank2 line; kept up to the last complete line", text="""[80746] [rank0]:[E321 02:07:08.408271257 ProcessGroupNCCL.cpp:607] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1580, OpType=ALLREDUCE, NumelIn=466119168, NumelOut=466119168, Timeout(ms)=600000) ran for 600060 milliseconds before timing out.
[80747] [rank4]:[E321 02:07:08.414640780 ProcessGroupNCCL.cpp:607] [Rank 4] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1580, OpType=ALLREDUCE, NumelIn=466119168, NumelOut=466119168, Timeout(ms)=600000) ran for 600067 milliseconds before timing out.
[80748] [rank0]:[E321 02:07:08.465150152 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 0] Exception (either an error or timeout) detected by watchdog at work: 1580, last enqueued NCCL work: 1582, last completed NCCL work: 1579.
[80749] [rank3]:[E321 02:07:08.465224069 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 3] Exception (either an error or timeout) detected by watchdog at work: 1580, last enqueued NCCL work: 1582, last completed NCCL work: 1579.
""")
P["paste_malgan_size_mismatch_discriminator"] = dict(url="https://github.com/ccc2876/MalGAN/issues/2", argv=["python", "code/MalGAN.py"], trimmed="the shell code-fence markers; the stored excerpt ends the error line at 'THTensorMath.c'", text="""0.9872029250457038 0.9854014598540146
Traceback (most recent call last):
  File "code/MalGAN.py", line 417, in <module>
    main()
  File "code/MalGAN.py", line 375, in main
    train(200, blackbox, generator, d_optimizer, g_optimizer, TRAIN_TPR, TEST_TPR, sigmoid, isFirst=True)
  File "code/MalGAN.py", line 247, in train
    fake_mal_data, ymal_batch)
  File "code/MalGAN.py", line 139, in train_discriminator
    prediction_real = discriminator(real_data)
  File "/lib/python3.7/site-packages/torch/nn/modules/module.py", line 541, in __call__
    result = self.forward(*input, **kwargs)
  File "code/MalGAN.py", line 60, in forward
    x = self.out(x)
  File "/lib/python3.7/site-packages/torch/nn/modules/module.py", line 541, in __call__
    result = self.forward(*input, **kwargs)
  File "/lib/python3.7/site-packages/torch/nn/modules/container.py", line 92, in forward
    input = module(input)
  File "//python3.7/site-packages/torch/nn/modules/module.py", line 541, in __call__
    result = self.forward(*input, **kwargs)
  File "/lib/python3.7/site-packages/torch/nn/modules/linear.py", line 87, in forward
    return F.linear(input, self.weight, self.bias)
  File "/lib/python3.7/site-packages/torch/nn/functional.py", line 1370, in linear
    ret = torch.addmm(bias, input, weight.t())
RuntimeError: size mismatch, m1: [64 x 512], m2: [256 x 1] at /pytorch/aten/src/TH/generic/THTensorMath.c
""")
P["paste_yolov3_cluster_nms_device_mismatch"] = dict(url="https://github.com/Zzh-tju/ultralytics-YOLOv3-Cluster-NMS/issues/6", argv=["python", "train.py"], trimmed="the question text and the ''' markers around the log", text="""Traceback (most recent call last):
  File "D:/python/ultralytics-YOLOv3-Cluster-NMS-master/train.py", line 422, in <module>
    train()  # train normally
  File "D:/python/ultralytics-YOLOv3-Cluster-NMS-master/train.py", line 265, in train
    loss, loss_items = compute_loss(pred, targets, model)
  File "D:\\python\\ultralytics-YOLOv3-Cluster-NMS-master\\utils\\utils.py", line 419, in compute_loss
    tcls, tbox, indices, anchor_vec = build_targets(model, targets)
  File "D:\\python\\ultralytics-YOLOv3-Cluster-NMS-master\\utils\\utils.py", line 517, in build_targets
    gwh = t[:, 4:6] * ng
RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!

Process finished with exit code 1
""", exit_code=1)
P["paste_dlrm_dataloader_worker_attributeerror"] = dict(url="https://github.com/mlcommons/algorithmic-efficiency/issues/41", argv=["python", "dlrm_s_pytorch.py"], trimmed="the comment text before the log; the stored excerpt ends inside the worker's original traceback (fetch.py line 44)", text="""Traceback (most recent call last):
  File "dlrm_s_pytorch.py", line 1000, in <module>
    for j, (X, lS_o, lS_i, T) in enumerate(train_ld):
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 347, in __next__
    data = self._next_data()
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 955, in _next_data
    return self._process_data(data)
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 998, in _process_data
    data.reraise()
  File "/opt/conda/lib/python3.6/site-packages/torch/_utils.py", line 395, in reraise
    raise self.exc_type(msg)
AttributeError: Caught AttributeError in DataLoader worker process 1.
Original Traceback (most recent call last):
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/_utils/worker.py", line 178, in _worker_loop
    data = fetcher.fetch(index)
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/_utils/fetch.py", line 44, in fetch
""")
P["paste_pipedream_shm_bus_error_epoch1"] = dict(url="https://github.com/msr-fiddle/pipedream/issues/28", argv=[], trimmed="the question text before the log; the stored excerpt ends at 'During handling of the above exception, another exception o'", text="""Epoch 0: 6843.771 seconds
Epoch start time: 1577064742.170, epoch end time: 1577071585.941
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
Traceback (most recent call last):
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/dataloader.py", line 480, in _try_get_batch
    data = self.data_queue.get(timeout=timeout)
  File "/opt/conda/lib/python3.6/queue.py", line 173, in get
    self.not_empty.wait(remaining)
  File "/opt/conda/lib/python3.6/threading.py", line 299, in wait
    gotit = waiter.acquire(True, timeout)
  File "/opt/conda/lib/python3.6/site-packages/torch/utils/data/_utils/signal_handling.py", line 63, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 325) is killed by signal: Bus error.
""")
P["paste_pysot_worker_exited_code1"] = dict(url="https://github.com/STVIR/pysot/issues/256", argv=["python", "../../tools/train.py"], trimmed="a screenshot link and the question after the log", text="""Traceback (most recent call last):
  File "../../tools/train.py", line 319, in <module>
    main()
  File "../../tools/train.py", line 314, in main
    train(train_loader, dist_model, optimizer, lr_scheduler, tb_writer)
  File "../../tools/train.py", line 176, in train
    for idx, data in enumerate(train_loader):
  File "/home/shichunze/anaconda3/envs/pysot/lib/python3.7/site-packages/torch/utils/data/dataloader.py", line 330, in __next__
    idx, batch = self._get_batch()
  File "/home/shichunze/anaconda3/envs/pysot/lib/python3.7/site-packages/torch/utils/data/dataloader.py", line 309, in _get_batch
    return self.data_queue.get()
  File "/home/shichunze/anaconda3/envs/pysot/lib/python3.7/queue.py", line 170, in get
    self.not_empty.wait()
  File "/home/shichunze/anaconda3/envs/pysot/lib/python3.7/threading.py", line 296, in wait
    waiter.acquire()
  File "/home/shichunze/anaconda3/envs/pysot/lib/python3.7/site-packages/torch/utils/data/dataloader.py", line 227, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 80064) exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with num_workers=0 may give better error trace.
""")
P["paste_genpose_worker_exit_after_epoch1"] = dict(url="https://github.com/Jiyao06/GenPose/issues/34", argv=["/home/wh/anaconda3/envs/genpose/bin/python", "/home/wh/Documents/code/GenPose/runners/trainer.py", "--data_path", "/home/wh/Documents/code/GenPose/data", "--log_dir", "ScoreNet", "--batch_size", "96", "--agent_type", "score", "--sampler_mode", "ode", "--sampling_steps", "500", "--eval_freq", "1", "--n_epochs", "1900", "--percentage_data_for_train", "1.0", "--percentage_data_for_test", "1.0", "--percentage_data_for_val", "1.0", "--seed", "0", "--is_train", "--num_workers", "4"], trimmed="the stored excerpt ends the last line at 'Details are lost due to'", text="""/home/wh/anaconda3/envs/genpose/bin/python /home/wh/Documents/code/GenPose/runners/trainer.py --data_path /home/wh/Documents/code/GenPose/data --log_dir ScoreNet --batch_size 96 --agent_type score --sampler_mode ode --sampling_steps 500 --eval_freq 1 --n_epochs 1900 --percentage_data_for_train 1.0 --percentage_data_for_test 1.0 --percentage_data_for_val 1.0 --seed 0 --is_train --num_workers 4
253445 images found.
1101 models loaded.
25000 images found.
187 models loaded.
2754 images found.
18 models loaded.
train_set:  3405
val_set:  131
test_set:  15
EPOCH_1[3404/3405][loss: [1.1095325946807861]]: 100%|██████████| 3405/3405 [16:55<00:00,  3.35it/s]
Process Process-5:
Traceback (most recent call last):
  File "/home/wh/anaconda3/envs/genpose/lib/python3.8/site-packages/torch/utils/data/dataloader.py", line 1134, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/home/wh/anaconda3/envs/genpose/lib/python3.8/queue.py", line 179, in get
    self.not_empty.wait(remaining)
  File "/home/wh/anaconda3/envs/genpose/lib/python3.8/threading.py", line 306, in wait
    gotit = waiter.acquire(True, timeout)
  File "/home/wh/anaconda3/envs/genpose/lib/python3.8/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 109552) exited unexpectedly with exit code 1. Details are lost due to
""")
