from cases_a import add

add(name="paste_molopt_oom_6gb_0_free",
    url="https://github.com/MolecularAI/deep-molecular-optimization/issues/3",
    framework="pytorch", expected="out_of_memory", healthy=False,
    log="""RuntimeError: CUDA out of memory. Tried to allocate 70.00 MiB (GPU 0; 6.00 GiB total capacity; 5.16 GiB already allocated; 0 bytes free; 5.31 GiB reserved in total by PyTorch)
""",
    trimmed="the poster's prose around the quoted error (trying to train, how to reduce the batch size here?)",
    rationale="'CUDA out of memory. Tried to allocate 70.00 MiB (GPU 0; 6.00 GiB total capacity; 5.16 GiB already allocated; 0 bytes free)': the GPU is full",
    thread_diagnosis="no maintainer answer; a user suggests a stronger GPU (the poster asked how to lower the batch size)")

add(name="paste_epipolarpose_oom_batch_fix",
    url="https://github.com/mkocabas/EpipolarPose/issues/6",
    framework="pytorch", expected="out_of_memory", healthy=False,
    argv=["python", "scripts/train.py", "--cfg", "experiments/mpii/train.yaml"],
    log="""RuntimeError: CUDA out of memory. Tried to allocate 512.00 MiB (GPU 0; 7.93 GiB total capacity; 6.19 GiB already allocated; 340.00 MiB free; 551.04 MiB cached)
""",
    trimmed="the poster's prose (the command 'python scripts/train.py --cfg experiments/mpii/train.yaml', kept in argv, and the machine: HP Z440, Xeon E5-1650v3, 32G DDR4, GTX1070)",
    rationale="'Tried to allocate 512.00 MiB (GPU 0; 7.93 GiB total capacity; 6.19 GiB already allocated; 340.00 MiB free)' on a GTX1070",
    thread_diagnosis="maintainer: reduce BATCH_SIZE in the yaml until it fits; poster: 'I just reduce BATCH_SIZE =16, it is ok.' (settled)")

add(name="paste_csail_semseg_oom_4gib_alloc",
    url="https://github.com/CSAILVision/semantic-segmentation-pytorch/issues/151",
    framework="pytorch", expected="out_of_memory", healthy=False,
    log="""RuntimeError: CUDA out of memory. Tried to allocate 4.46 GiB (GPU 0; 7.93 GiB total capacity; 4.72 GiB already allocated; 2.41 GiB free; 11.21 MiB cached)
""",
    trimmed="the poster's prose ('at first, it's ok, then it happen this ... nvidia-smi did not show the used')",
    rationale="'Tried to allocate 4.46 GiB (GPU 0; 7.93 GiB total capacity; 4.72 GiB already allocated; 2.41 GiB free)': one activation larger than what is left, after training ran for a while (a large input image)",
    thread_diagnosis="maintainer: 'Try to train with smaller image sizes.'")

add(name="paste_nscl_killed_in_validation",
    url="https://github.com/vacancy/NSCL-PyTorch-Release/issues/23",
    framework="pytorch (Jacinle)", expected="out_of_memory", healthy=False,
    log="""Building the data loader. Curriculum = 3/8, length = 32218.
Epoch 15 acc/qa=1.000000 loss=0.046158 loss/qa=0.046158 time/data=0.008719 time/step=1.016501: 100%|##############################| 1006/1006 [18:08<00:00,  1.08s/it]
Epoch 15 (validation) validation/acc/qa=1.000000:   2%|#4                                                                           | 20/1094 [00:41<11:04,  1.62it/s]/home/colors/Desktop/nscl/Jacinle/bin/jac-crun: line 6:  3305 Killed                  $JACROOT/bin/jac-run "$@"
""",
    trimmed="the poster's first sentence ('I can train the model since the process kills itself after this message:') and follow-up comments",
    rationale="training is fine (epoch 15 loss=0.046158, acc/qa=1.000000), then 20/1094 into validation the shell reports 'line 6:  3305 Killed': a SIGKILL with no Python error, the host OOM killer's signature; it recurred at the same point",
    thread_diagnosis="maintainer: 'This seems to be a memory issue, or someone else killed your process. Is it possible to run on a machine with a larger memory size?'; poster: killed again at the same position")

add(name="paste_hedwig_killed_loading_word2vec",
    url="https://github.com/castorini/hedwig/issues/70",
    framework="pytorch (hedwig reg_lstm)", expected="out_of_memory", healthy=False,
    argv=["python", "-m", "models.reg_lstm", "--dataset", "Reuters", "--mode", "static", "--batch-size", "32", "--lr", "0.01", "--epochs", "30", "--bidirectional", "--num-layers", "1", "--hidden-dim", "512", "--wdrop", "0.1", "--embed-droprate", "0.2", "--dropout", "0.5", "--beta-ema", "0.99", "--seed", "3435"],
    log="""Note: You are using GPU for training
  0%|         | 0/3000001 [00:00<?, ?it/s]Skipping token 3000000 with 1-dimensional vector ['300']; likely a header
100%██████████████████| 3000001/3000001 [03:33<00:00, 14061.26it/s]
Killed
""",
    trimmed="the poster's prose; the command is in argv",
    rationale="right after loading 3,000,001 300-dimensional word vectors the process prints 'Killed' with no traceback: the kernel OOM killer ending a process that loaded a huge embedding table into host RAM",
    thread_diagnosis="maintainer: 'I've seen this happen in cases where there isn't enough system memory. Can you please check if that's the issue by monitoring memory usage?'")

add(name="paste_dcpdn_dataloader_worker_killed",
    url="https://github.com/hezhangsprinter/DCPDN/issues/12",
    framework="pytorch (python 2.7)", expected="out_of_memory", healthy=False,
    top3_ok=True, ambiguity="out_of_memory vs dataloader_worker_crash: a DataLoader worker 'killed by signal: Killed' (SIGKILL, the OOM killer's signal, poster has 16G RAM) is out_of_memory by this set's rule, but the fix the thread found was num_workers=0, which the dataloader_worker_crash advice also gives",
    log="""Traceback (most recent call last):
  File "train.py", line 210, in <module>
    val_target_cpu, val_input_cpu = val_target_cpu.float().cuda(), val_input_cpu.float().cuda()
  File "/home/littlemonster/anaconda3/envs/pic/lib/python2.7/site-packages/torch/_utils.py", line 69, in _cuda
    return new_type(self.size()).copy_(self, async)
  File "/home/littlemonster/anaconda3/envs/pic/lib/python2.7/site-packages/torch/utils/data/dataloader.py", line 175, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 19597) is killed by signal: Killed.
""",
    trimmed="the poster's question above ('when I run train.py, I got an error. Is my memory too little? My memory is 16G and Gpu memory is 8G') and 'Look forward to your reply'",
    rationale="'RuntimeError: DataLoader worker (pid 19597) is killed by signal: Killed.' : a worker received SIGKILL (the kernel OOM killer) on a 16G-RAM machine; no exception inside the dataset",
    thread_diagnosis="a user: 'set workers 0'; another: 'It worked thanks!!' (fewer processes holding data in RAM)")

add(name="paste_mtpsl_mm_shape_1x2_6x64",
    url="https://github.com/VICO-UoE/MTPSL/issues/3",
    framework="pytorch 1.12", expected="shape_mismatch", healthy=False,
    log="""Traceback (most recent call last):
  File "/share/castor/home/leh/projects/MTPSL/cityscapes_mtl_xtc.py", line 191, in <module>
    con_loss = mapfns(train_pred_ind, train_target_ind, feat_aug[ind_].unsqueeze(0), copy.deepcopy(w), ssl_type=opt.ssl_type)
 File "/share/castor/home/leh/projects/MTPSL/model/mapfns.py", line 167, in forward
    mapout_source = self.mapfns(source_pred, input_task=source_task)
File "/share/castor/home/leh/projects/MTPSL/model/mapfns.py", line 90, in forward
    g_encoder[i][0] = self.encoder_block[i](x)
File "/share/castor/home/leh/projects/MTPSL/model/mapfns.py", line 36, in forward
    gamma = torch.mm(A_taskpair, self.gamma.t())
RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 6x64)
""",
    trimmed="the poster's greeting and environment line ('torch 1.12.0 + cu116')",
    rationale="'torch.mm(A_taskpair, self.gamma.t())' -> 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 6x64)': a 2-wide task-pair vector against a 6-row parameter (the Cityscapes script has 2 tasks, the module was sized for more)",
    thread_diagnosis="maintainer pushed an update that fixes it; poster: 'Perfect!' (settled)")

add(name="paste_lonet_linear_shape_356352",
    url="https://github.com/PawitKoch/LO-Net-pytorch/issues/1",
    framework="pytorch (notebook)", expected="shape_mismatch", healthy=False,
    log="""[/usr/local/lib/python3.10/dist-packages/torch/nn/modules/linear.py](https://localhost:8080/#) in forward(self, input)
    112 
    113     def forward(self, input: Tensor) -> Tensor:
--> 114         return F.linear(input, self.weight, self.bias)
    115 
    116     def extra_repr(self) -> str:

RuntimeError: mat1 and mat2 shapes cannot be multiplied (4x356352 and 344064x512)
""",
    trimmed="the poster's one-line description ('below issue show once start training') and the follow-up 'full error' comment (the same error with the notebook frames above it)",
    rationale="F.linear -> 'mat1 and mat2 shapes cannot be multiplied (4x356352 and 344064x512)': the flattened conv output (356352 features per sample) does not match the Linear layer's in_features 344064 (input image size differs from what the model was built for)",
    thread_diagnosis="open; no answer in the stored excerpt")

add(name="paste_bezierlanenet_found_float_expected_double",
    url="https://github.com/mo-vic/BezierLaneNet/issues/3",
    framework="pytorch (Kaggle)", expected="dtype_or_device_mismatch", healthy=False,
    log="""Traceback (most recent call last):
  File "../input/lane-detection-curve/BezierLaneNet/train.py", line 126, in <module>
    main()
  File "../input/lane-detection-curve/BezierLaneNet/train.py", line 108, in main
    train(model, train_loader, optimizer, criterion, args.beta, tr_writer, e, args.degree, use_gpu)
  File "/kaggle/input/lane-detection-curve/BezierLaneNet/utils/utils.py", line 153, in train
    loss.backward()
  File "/opt/conda/lib/python3.7/site-packages/torch/_tensor.py", line 255, in backward
    torch.autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)
  File "/opt/conda/lib/python3.7/site-packages/torch/autograd/__init__.py", line 149, in backward
    allow_unreachable=True, accumulate_grad=True)  # allow_unreachable flag
RuntimeError: Found dtype Float but expected Double
""",
    trimmed="the poster's prose (ran fine locally, failed after uploading to Kaggle)",
    rationale="loss.backward() -> 'RuntimeError: Found dtype Float but expected Double': float32 network output against a float64 target in the loss",
    thread_diagnosis="maintainer: likely a different PyTorch version; unify the dtype of the network output and the target label before loss.backward")

add(name="paste_d2l_linreg_double_vs_float",
    url="https://github.com/ShusenTang/Dive-into-DL-PyTorch/issues/31",
    framework="pytorch 1.2 (notebook)", expected="dtype_or_device_mismatch", healthy=False,
    log="""RuntimeError                              Traceback (most recent call last)
<ipython-input-36-7b29f0453e1a> in <module>
      8     # 和y分别是小批量样本的特征和标签
      9     for X, y in data_iter(batch_size, features, labels):
---> 10         l = loss(net(X, w, b), y).sum()  # l是有关小批量X和y的损失
     11         l.backward()  # 小批量的损失对模型参数求梯度
     12         sgd([w, b], lr, batch_size)  # 使用小批量随机梯度下降迭代模型参数

<ipython-input-33-7aefd52381cf> in linreg(X, w, b)
      1 def linreg(X, w, b):  # 本函数已保存在d2lzh_pytorch包中方便以后使用
----> 2     return torch.mm(X, w) + b

RuntimeError: Expected object of scalar type Double but got scalar type Float for argument #2 'mat2'
""",
    trimmed="the bug-report headings and the poster's note and version block after the traceback (pytorch 1.2.0, torchvision 0.4.0)",
    rationale="torch.mm(X, w) -> 'Expected object of scalar type Double but got scalar type Float for argument #2 'mat2'': features built from numpy are float64, the weights float32",
    thread_diagnosis="a user: convert features and labels to float32 (torch.from_numpy(...).to(torch.float32)) and it runs (settled)")

add(name="paste_yolov3_archive_device_mismatch",
    url="https://github.com/ultralytics/yolov3/issues/1586",
    framework="pytorch (ultralytics yolov3 archive branch)", expected="dtype_or_device_mismatch", healthy=False,
    log="""RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!
""",
    trimmed="the issue template headings and the poster's line 'i train on archive how to slove it?'",
    rationale="'Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!' during training",
    thread_diagnosis="maintainer: train with the master branch (the archive branch is unmaintained)")

add(name="paste_pytorch_yolov3_worker_aborted_tcmalloc",
    url="https://github.com/eriklindernoren/PyTorch-YOLOv3/issues/650",
    framework="pytorch (PyTorch-YOLOv3, Colab)", expected="dataloader_worker_crash", healthy=False,
    log="""Training Epoch 13: 100% 101/101 [01:54<00:00,  1.14s/it]

---- Evaluating Model ----
Detecting objects: 100% 13/13 [00:04<00:00,  2.66it/s]
Computing AP: 100% 1/1 [00:00<00:00, 1576.81it/s]
+-------+------------+---------+
| Index | Class name | AP      |
+-------+------------+---------+
| 0     | Box        | 0.92352 |
+-------+------------+---------+
---- mAP 0.9235236715367303
Training Epoch 14:   0% 0/101 [00:00<?, ?it/s]src/tcmalloc.cc:283] Attempt to free invalid pointer 0x1 
Traceback (most recent call last):
  File "/usr/local/lib/python3.7/dist-packages/torch/utils/data/dataloader.py", line 986, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/usr/lib/python3.7/queue.py", line 179, in get
    self.not_empty.wait(remaining)
  File "/usr/lib/python3.7/threading.py", line 300, in wait
    gotit = waiter.acquire(True, timeout)
  File "/usr/local/lib/python3.7/dist-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 2256) is killed by signal: Aborted. 

The above exception was the direct cause of the followin""",
    trimmed="the poster's first lines ('My most recent training has died twice at about the same place (epoch 14). Any ideas as to what might be the cause?') and the separator line; the stored excerpt ends inside 'The above exception was the direct cause of the following'",
    rationale="training and evaluation healthy through epoch 13 (mAP 0.9235), then at the start of epoch 14 'src/tcmalloc.cc:283] Attempt to free invalid pointer 0x1' and 'RuntimeError: DataLoader worker (pid 2256) is killed by signal: Aborted.': a loader worker aborted in native code (SIGABRT, not the OOM killer)",
    thread_diagnosis="closed; no diagnosis in the stored excerpt")

add(name="paste_db_dataloader_worker_segfault",
    url="https://github.com/MhLiao/DB/issues/94",
    framework="pytorch (DBNet text detection)", expected="dataloader_worker_crash", healthy=False,
    log="""RuntimeError: DataLoader worker (pid 25902) is killed by signal: Segmentation fault
""",
    trimmed="the poster's Chinese question ('why does training get killed inexplicably during training? memory is enough')",
    rationale="'DataLoader worker (pid 25902) is killed by signal: Segmentation fault': a worker crashed in native code (SIGSEGV), the poster says memory is sufficient",
    thread_diagnosis="a user: num_workers may be too large; poster: killed even with 1; maintainer has not seen it; unresolved")
