CASES = [
dict(
name="paste_gradnorm_tf_loss_nan_at_epoch_3451",
url="https://github.com/vpetren/gradnorm_tf/issues/17",
framework="tensorflow (GradNorm multi-task)",
expected="nan_or_inf_loss",
rationale="loss ordinary and steady (0.2040-0.2120) for epochs 3442-3450, then 'epoch: 3451 loss: nan' and nan on every later epoch: the loss itself becomes NaN with no growth before it",
thread_diagnosis="none in the stored thread (open, no answer)",
trimmed="the poster's one-line question before the log ('As the iteration reaches 3400 epochs later, the loss becomes nan') and the backtick fences",
log=r"""
epoch: 3442 loss: 0.2105546216666698
epoch: 3443 loss: 0.20610400721430777
epoch: 3444 loss: 0.20402803376317022
epoch: 3445 loss: 0.20978694990277294
epoch: 3446 loss: 0.21151612177491189
epoch: 3447 loss: 0.21203952148556715
epoch: 3448 loss: 0.21049741968512542
epoch: 3449 loss: 0.2075416080653667
epoch: 3450 loss: 0.21063452526926987
epoch: 3451 loss: nan
epoch: 3452 loss: nan
epoch: 3453 loss: nan
epoch: 3454 loss: nan
epoch: 3455 loss: nan
epoch: 3456 loss: nan
epoch: 3457 loss: nan
epoch: 3458 loss: nan
......
""",
),
dict(
name="paste_efficientdet_val_loss_nan_from_scratch",
url="https://github.com/zylo117/Yet-Another-EfficientDet-Pytorch/issues/357",
framework="pytorch (EfficientDet)",
expected="nan_or_inf_loss",
rationale="training from scratch: 'Val. Epoch: 0/500. Classification loss: nan. Regression loss: nan. Total loss: nan' - every loss term is NaN at the first validation",
thread_diagnosis="maintainer: 'it's usally overfitting and exploding gradients'; poster: after changing the optimizer from SGD to AdamW the NaN went away (later the loss jumped to 94578458.0, i.e. divergence)",
trimmed="the poster's sentence around the line ('when training from scratch, I get always this error for validation batches'); the later discussion",
log=r"""
Val. Epoch: 0/500. Classification loss: nan. Regression loss: nan. Total loss: nan
""",
),
dict(
name="paste_maddog_cuda_oom_2_87gib",
url="https://github.com/rshaojimmy/MADDoG/issues/11",
framework="pytorch (MADDoG face anti-spoofing)",
expected="out_of_memory",
rationale="'RuntimeError: CUDA out of memory. Tried to allocate 2.87 GiB (GPU 0; 14.76 GiB total capacity; 8.77 GiB already allocated; 19.75 MiB free; 13.71 GiB reserved in total by PyTorch)' while running training",
thread_diagnosis="maintainer: 'Please use GPU machine with larger running memory.'",
trimmed="the poster's question 'Anyone with this error while running training?'; the line is the issue title",
log=r"""
RuntimeError: CUDA out of memory. Tried to allocate 2.87 GiB (GPU 0; 14.76 GiB total capacity; 8.77 GiB already allocated; 19.75 MiB free; 13.71 GiB reserved in total by PyTorch)
""",
),
dict(
name="paste_e2emlt_cuda_oom_1gb_gpu",
url="https://github.com/MichalBusta/E2E-MLT/issues/37",
framework="pytorch (E2E-MLT text detection)",
expected="out_of_memory",
rationale="'RuntimeError: CUDA out of memory. Tried to allocate 128.00 MiB (GPU 0; 983.69 MiB total capacity; 209.53 MiB already allocated; 69.56 MiB free; 6.47 MiB cached)' when training: a 1 GB GPU",
thread_diagnosis="contributor: 'It seems your device is not strong enough to train this model. 1G of GPU is really small. I'm using 16Gb GPU and this model uses its all.'",
trimmed="the poster's greeting and question around the bolded line; markdown bold markers (**) removed",
log=r"""
RuntimeError: CUDA out of memory. Tried to allocate 128.00 MiB (GPU 0; 983.69 MiB total capacity; 209.53 MiB already allocated; 69.56 MiB free; 6.47 MiB cached)
""",
),
dict(
name="paste_loc2vec_cuda_oom_400mib_per_batch",
url="https://github.com/surya501/loc2vec/issues/3",
framework="pytorch (loc2vec)",
expected="out_of_memory",
rationale="'RuntimeError: CUDA out of memory. Tried to allocate 400.00 MiB (GPU 0; 15.90 GiB total capacity; 14.86 GiB already allocated; 335.88 MiB free; 69.75 MiB cached)' training own tiles without apex",
thread_diagnosis="none in the stored excerpt beyond the poster's guess that the whole training data is loaded onto the GPU (issue closed)",
trimmed="the poster's text after the error ('I'm trying train my own tile(without apex). ...')",
log=r"""
RuntimeError: CUDA out of memory. Tried to allocate 400.00 MiB (GPU 0; 15.90 GiB total capacity; 14.86 GiB already allocated; 335.88 MiB free; 69.75 MiB cached)
""",
),
dict(
name="paste_val_loader_listed_worker_killed",
url="https://github.com/pytorch/pytorch/issues/8976",
framework="pytorch",
expected="out_of_memory",
top3_ok=True,
ambiguity="the message is a DataLoader worker death ('DataLoader worker (pid 1817) is killed by signal: Killed'), which is what dataloader_worker_crash names; SIGKILL of a worker is the kernel OOM killer, and the script materialises the whole validation set in host memory",
rationale="'RuntimeError: DataLoader worker (pid 1817) is killed by signal: Killed.' raised while running 'val_loader=[x for x in val_loader]' (train_meta.py line 131): every validation batch is kept in RAM, the worker is SIGKILLed",
thread_diagnosis="none for this comment in the stored excerpt",
trimmed="the commenter's question ('Have you encountered the following problems? How to solve them?') and the traceback after the dataloader's _next_data frame (cut by the excerpt)",
log=r"""
Traceback (most recent call last):
  File "/public/home/wl_ligexian/anaconda3/envs/py38/lib/python3.8/site-packages/torch/utils/data/dataloader.py", line 1133, in _try_get_data
    data = self._data_queue.get(timeout=timeout)
  File "/public/home/wl_ligexian/anaconda3/envs/py38/lib/python3.8/queue.py", line 179, in get
    self.not_empty.wait(remaining)
  File "/public/home/wl_ligexian/anaconda3/envs/py38/lib/python3.8/threading.py", line 306, in wait
    gotit = waiter.acquire(True, timeout)
  File "/public/home/wl_ligexian/anaconda3/envs/py38/lib/python3.8/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 1817) is killed by signal: Killed. 

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "train_meta.py", line 131, in <module>
    val_loader=[x for x in val_loader]
  File "train_meta.py", line 131, in <listcomp>
    val_loader=[x for x in val_loader]
  File "/public/home/wl_ligexian/anaconda3/envs/py38/lib/python3.8/site-packages/torch/utils/data/dataloader.py", line 634, in __next__
    data = self._next_data()
""",
),
dict(
name="paste_sdpsnet_cpu_worker_killed_after_long_run",
url="https://github.com/guanyingc/SDPS-Net/issues/16",
framework="pytorch (SDPS-Net, CPU only)",
expected="dataloader_worker_crash",
top3_ok=True,
ambiguity="a worker SIGKILLed ('killed by signal: Killed') after a long CPU-only run is usually the host OOM killer (out_of_memory); the log itself shows only the worker's death, and the thread discusses memory and swap without settling it",
rationale="'RuntimeError: DataLoader worker (pid 13904) is killed by signal: Killed.' from signal_handling.py during training of LCNet (the poster runs without CUDA on 4 CPU cores, after a long time training); no Python error from the worker",
thread_diagnosis="poster points to a forum discussion on memory usage and number of workers; tried to enlarge swap; not settled in the stored excerpt",
trimmed="the poster's description before and after the traceback (swap output, commands tried)",
log=r"""
File "/home/upt/anaconda3/envs/PST_Environment_1/lib/python3.7/site-packages/torch/utils/data/_utils/signal_handling.py", line 66, in handler
    _error_if_any_worker_fails()
RuntimeError: DataLoader worker (pid 13904) is killed by signal: Killed. 
""",
),
dict(
name="paste_hunyuan3d_shape_linear_5480x1536",
url="https://github.com/Tencent-Hunyuan/Hunyuan3D-2.1/issues/156",
framework="pytorch (Hunyuan3D-2.1 hy3dshape training)",
expected="shape_mismatch",
rationale="training hy3dshape: F.linear in torch/nn/modules/linear.py raises 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (5480x1536 and 1024x2048)': a 1536-wide input reaches a layer built for 1024",
thread_diagnosis="none in the stored excerpt (issue closed)",
trimmed="the beginning of the traceback (cut by the stored excerpt) and the code fences",
log=r"""
  File "/data/weijiang/miniforge3/envs/hy3d-2_1/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1747, in _call_impl
    return forward_call(*args, **kwargs)
  File "/data/weijiang/miniforge3/envs/hy3d-2_1/lib/python3.10/site-packages/torch/nn/modules/linear.py", line 125, in forward
    return F.linear(input, self.weight, self.bias)
RuntimeError: mat1 and mat2 shapes cannot be multiplied (5480x1536 and 1024x2048)
""",
),
dict(
name="paste_yolo2_region_loss_float_vs_double",
url="https://github.com/marvis/pytorch-yolo2/issues/176",
framework="pytorch (pytorch-yolo2)",
expected="dtype_or_device_mismatch",
rationale="training on own data: in region_loss -> build_targets -> bbox_iou, 'RuntimeError: Expected object of scalar type Float but got scalar type Double for argument #2 'other''",
thread_diagnosis="commenter: modify that line (cast with int) since it is taking it as a float; no confirmation",
trimmed="the poster's sentence before the traceback and the question after it; backtick fences",
log=r"""
Traceback (most recent call last):
  File "train.py", line 265, in <module>
    train(epoch)
  File "train.py", line 170, in train
    loss = region_loss(output, target)
  File "/media/disk/wudi/.local/lib/python3.6/site-packages/torch/nn/modules/module.py", line 547, in __call__
    result = self.forward(*input, **kwargs)
  File "/media/disk/wudi/pytorch-yolo2-master/region_loss.py", line 158, in forward
    nH, nW, self.noobject_scale, self.object_scale, self.thresh, self.seen)
  File "/media/disk/wudi/pytorch-yolo2-master/region_loss.py", line 99, in build_targets
    iou = bbox_iou(gt_box, pred_box, x1y1x2y2=False) # best_iou
  File "/media/disk/wudi/pytorch-yolo2-master/utils.py", line 35, in bbox_iou
    mx = min(box1[0]-box1[2]/2.0, box2[0]-box2[2]/2.0)
RuntimeError: Expected object of scalar type Float but got scalar type Double for argument #2 'other'
""",
),
dict(
name="paste_scarches_scpoli_float_vs_double",
url="https://github.com/theislab/scarches/issues/195",
framework="pytorch (scArches scPoli)",
expected="dtype_or_device_mismatch",
rationale="scpoli_model.train(n_epochs=200, ...) fails in nn.Linear.forward with 'RuntimeError: expected scalar type Float but found Double': float64 input to float32 weights",
thread_diagnosis="maintainer: cast the input matrix to float32 (adata.X = adata.X.astype('float32'))",
trimmed="the poster's greeting; the maintainer's answer after the traceback",
argv=[],
log=r"""
scpoli_model.train(n_epochs=200,
    pretraining_epochs=40,
    early_stopping_kwargs=early_stopping_kwargs,
    eta=5,
)
---------------------------------------------------------------------------
RuntimeError                              Traceback (most recent call last)
/tmp/ipykernel_118840/3049929526.py in <module>
----> 1 scpoli_model.train(n_epochs=200,
      2     pretraining_epochs=40,
      3     early_stopping_kwargs=early_stopping_kwargs,
      4     eta=5,
      5 )

~/anaconda3/lib/python3.9/site-packages/torch/nn/modules/linear.py in forward(self, input)
    112 
    113     def forward(self, input: Tensor) -> Tensor:
--> 114         return F.linear(input, self.weight, self.bias)
    115 
    116     def extra_repr(self) -> str:

RuntimeError: expected scalar type Float but found Double
""",
),
]
