# Pasted logs, copied from the excerpt the `search` tool's issues index returned for each thread (never rewritten;
# only the surrounding prose and unrelated chatter cut, as `trimmed` says). Part A.
PASTES = []
def add(name, url, framework, text, trimmed, argv=None):
    PASTES.append(dict(name=name, url=url, framework=framework, text=text, trimmed=trimmed, argv=argv or []))

add("paste_yolov3_oom_bce_loss", "https://github.com/ultralytics/yolov3/issues/1503", "pytorch (ultralytics yolov3)", r'''File "/content/drive/My Drive/yolov3/utils/utils.py", line 403, in compute_loss
    lobj += BCEobj(pi[..., 4], tobj)  # obj loss
  File "/usr/local/lib/python3.6/dist-packages/torch/nn/modules/module.py", line 722, in _call_impl
    result = self.forward(*input, **kwargs)
  File "/usr/local/lib/python3.6/dist-packages/torch/nn/modules/loss.py", line 631, in forward
    reduction=self.reduction)
  File "/usr/local/lib/python3.6/dist-packages/torch/nn/functional.py", line 2540, in binary_cross_entropy_with_logits
    return torch.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction_enum)
RuntimeError: CUDA out of memory. Tried to allocate 2.00 MiB (GPU 0; 15.90 GiB total capacity; 14.37 GiB already allocated; 1.88 MiB free; 15.03 GiB reserved in total by PyTorch)
     0/299     15.8G      3.99     0.358         0      4.35        22       608:  63% 34/54 [00:42<00:25,  1.26s/it]
''', "the poster's sentence before the paste ('Hello I am getting error when I am trying to train, I have set batch_size =16 as well.') and the later comments")

add("paste_star_oom_40gb", "https://github.com/czh-98/STAR/issues/3", "pytorch", r'''torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 1024.00 MiB (GPU 0; 39.59 GiB total capacity; 37.29 GiB already allocated; 206.19 MiB free; 37.52 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
''', "the poster's prose around the error line (it was pasted inline in backticks) and the maintainer's reply")

add("paste_mgfn_oom_6gb", "https://github.com/carolchenyx/MGFN./issues/35", "pytorch", r'''torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.70 GiB. GPU 0 has a total capacty of 6.00 GiB of which 0 bytes is free. Of the allocated memory 2.93 GiB is allocated by PyTorch, and 2.30 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and PYTORCH_CUDA_ALLOC_CONF
''', "the poster's question after the error ('When i am training the model, I am experiencing this error. ...')")

add("paste_relernn_nan_epoch309", "https://github.com/kr-colab/ReLERNN/issues/26", "keras (tensorflow)", r''' Epoch 308/1000
 99/100 [============================>.] - ETA: 2s - loss: 0.2445Epoch 1/1000
100/100 [==============================] - 328s 3s/step - loss: 0.2445 - val_loss: 0.2342
Epoch 309/1000
 99/100 [============================>.] - ETA: 3s - loss: nanEpoch 1/1000
100/100 [==============================] - 332s 3s/step - loss: nan - val_loss: nan
Epoch 310/1000
 99/100 [============================>.] - ETA: 2s - loss: nanEpoch 1/1000
100/100 [==============================] - 325s 3s/step - loss: nan - val_loss: nan
''', "the poster's prose before and after the log and the maintainer's reply")

add("paste_openpi_loss_explosion", "https://github.com/Physical-Intelligence/openpi/issues/814", "jax (openpi)", r'''Step 5900: grad_norm=681325.8125, loss=344671968.0000, param_norm=1802.5465
Step 6000: grad_norm=846482.3750, loss=436317056.0000, param_norm=1802.5505
Step 6100: grad_norm=549847.8750, loss=247026608.0000, param_norm=1802.5544
Step 6200: grad_norm=775058.3750, loss=536607616.0000, param_norm=1802.5588
Step 6300: grad_norm=897108.3125, loss=267218320.0000, param_norm=1802.5636
Step 6400: grad_norm=968878.0625, loss=658586624.0000, param_norm=1802.5681
Step 6500: grad_norm=725348.6875, loss=429716640.0000, param_norm=1802.5725
Step 6600: grad_norm=1168754.7500, loss=392010944.0000, param_norm=1802.5768
Step 6700: grad_norm=971743.1875, loss=482869024.0000, param_norm=1802.5815
Step 6800: grad_norm=880253.2500, loss=197257216.0000, param_norm=1802.5867
Step 6900: grad_norm=900671.1250, loss=401711744.0000, param_norm=1802.5916
Step 7000: grad_norm=978040.0625, loss=458975520.0000, param_norm=1802.5967
Step 7100: grad_norm=1013011.1250, loss=587125760.0000, param_norm=1802.6018
Step 7200: grad_norm=1019747.5625, loss=603648512.0000, param_norm=1802.6072
Step 7300: grad_norm=1052039.1250, loss=294684352.0000, param_norm=1802.6134
Step 7400: grad_norm=1104884.8750, loss=401008768.0000, param_norm=1802.6189
Step 7500: grad_norm=1133271.8750, loss=300948032.0000, param_norm=1802.6245
''', "the stored excerpt starts mid-paste at step 5900 (earlier steps not in the excerpt); the last, cut-off line 'Step 7600: ...' dropped")

add("paste_wsdan_constant_loss", "https://github.com/GuYuc/WS-DAN.PyTorch/issues/25", "pytorch", r'''Epoch 85/300: 100%|██████████| 8144/8144 [1:24:14<00:00,  1.61 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.7789, Val Acc (0.52, 2.70)]
Epoch 86/300: 100%|██████████| 8144/8144 [1:24:12<00:00,  1.61 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.8678, Val Acc (0.52, 2.70)]
Epoch 87/300: 100%|██████████| 8144/8144 [1:24:20<00:00,  1.61 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.6306, Val Acc (0.52, 2.72)]
Epoch 88/300: 100%|██████████| 8144/8144 [1:24:12<00:00,  1.61 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.8817, Val Acc (0.52, 2.71)]
Epoch 89/300: 100%|██████████| 8144/8144 [1:23:19<00:00,  1.63 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.9679, Val Acc (0.52, 2.71)]
Epoch 90/300: 100%|██████████| 8144/8144 [1:22:45<00:00,  1.64 batches/s, Loss 6.2739, Raw Acc (0.39, 2.49), Crop Acc (0.39, 2.49), Drop Acc (0.39, 2.49), Val Loss 44.4493, Val Acc (0.52, 2.71)]
''', "the poster's question ('the val acc doesn't change for several epoch ...'); the excerpt's last, cut-off line (Epoch 91) dropped")

add("paste_stegolab_val_loss_rises", "https://github.com/daniellerch/stegolab/issues/1", "keras", r'''Epoch 1/10
 - 383s - loss: 0.5388 - acc: 0.7156 - val_loss: 0.7477 - val_acc: 0.5938
Epoch 2/10
 - 377s - loss: 0.4599 - acc: 0.7707 - val_loss: 0.7986 - val_acc: 0.6250
Epoch 3/10
 - 378s - loss: 0.3090 - acc: 0.8372 - val_loss: 1.1656 - val_acc: 0.5312
Epoch 4/10
 - 377s - loss: 0.2499 - acc: 0.8438 - val_loss: 1.3593 - val_acc: 0.5625
Epoch 5/10
 - 378s - loss: 0.2135 - acc: 0.8454 - val_loss: 1.4827 - val_acc: 0.5625
''', "the poster's prose before and after the log and the maintainer's reply")

add("paste_dve_ckpt_size_mismatch", "https://github.com/mamonraab/Data-efficient-video-transformer/issues/1", "pytorch", r'''size mismatch for 4.weight: copying a param with shape torch.Size([1024, 10240]) from checkpoint, the shape in current model is torch.Size([1024, 20480]).
''', "the poster's prose around the error line and the maintainer's replies")

add("paste_cfnet_state_dict_size_mismatch", "https://github.com/ytZhang99/CF-Net/issues/2", "pytorch", r'''-------------------------------------------- Wrong message ------------------------------------------------
RuntimeError: Error(s) in loading state_dict for CFNet:
        size mismatch for srb_1.upBlocks.0.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
        size mismatch for srb_1.upBlocks.1.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
        size mismatch for srb_1.upBlocks.2.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
        size mismatch for srb_1.upBlocks.3.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
        size mismatch for srb_1.upBlocks.4.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
        size mismatch for srb_1.upBlocks.5.0.weight: copying a param with shape torch.Size([64, 64, 8, 8]) from checkpoint, the shape in current model is torch.Size([64, 64, 6, 6]).
''', "the stored excerpt starts mid-post; its last, cut-off line (srb_1.downBlocks...) dropped")

add("paste_conceptexpress_index_select_device", "https://github.com/haoosz/ConceptExpress/issues/5", "pytorch (diffusers)", r'''RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument index in method wrapper__index_select)
''', "the poster's prose around the error line (markdown emphasis ** and _ removed around the line only) and the reply")

add("paste_fastnn_mm_device", "https://github.com/wmyw96/FAST-NN/issues/1", "pytorch", r'''RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cpu and cuda:0! (when checking argument for argument mat2 in method wrapper_mm)
''', "the poster's prose around the error line (the command was 'python fredmd_cross.py --idx 87')", argv=["python", "fredmd_cross.py", "--idx", "87"])

add("paste_mmf_bus_error_shm", "https://github.com/facebookresearch/mmf/issues/441", "pytorch (mmf)", r'''2020-08-03T10:20:25 | mmf.utils.general: Total Parameters: 54731884. Trained Parameters: 54731884                                                                                      [1/100]
2020-08-03T10:20:25 | mmf.trainers.core.training_loop: Starting training...
ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
''', "the poster's second post ('more info about the error') only: the first post's prose with the one-line 'RuntimeError: DataLoader worker (pid 263230) is killed by signal: Bus error ...', the sysctl output, the command and the maintainer's question cut; the excerpt ends at the ERROR line", argv=["mmf_run", "config=projects/butd/configs/coco/defaults.yaml", "model=butd", "dataset=coco", "run_type=train"])

add("paste_stcn_bus_error_shm", "https://github.com/hkchengrex/STCN/issues/132", "pytorch", r'''RuntimeError: DataLoader worker (pid 46794) is killed by signal: Bus error. It is possible that dataloader's workers are out of shared memory. Please try to raise your shared memory limit.
''', "the question 'Hi, how to solve this problem?' and the maintainer's link")

add("paste_nnunet_workers_shm_no_space", "https://github.com/MIC-DKFZ/nnUNet/issues/2162", "pytorch (nnU-Net)", r'''  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/site-packages/torch/storage.py", line 374, in _share_fd_cpu_
    return super()._share_fd_cpu_(*args, **kwargs)
RuntimeError: unable to write to file </torch_8289_606636967_0>: No space left on device (28)
Traceback (most recent call last):
  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/multiprocessing/queues.py", line 244, in _feed
    obj = _ForkingPickler.dumps(obj)
  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/multiprocessing/reduction.py", line 51, in dumps
    cls(buf, protocol).dump(obj)
  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/site-packages/torch/multiprocessing/reductions.py", line 568, in reduce_storage
    fd, size = storage._share_fd_cpu_()
  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/site-packages/torch/storage.py", line 304, in wrapper
    return fn(self, *args, **kwargs)
  File "/opt/miniconda3/envs/nnUnet_scratch/lib/python3.10/site-packages/torch/storage.py", line 374, in _share_fd_cpu_
    return super()._share_fd_cpu_(*args, **kwargs)
RuntimeError: unable to write to file </torch_8226_3581395585_0>: No space left on device (28)
''', "the stored excerpt starts mid-paste (a later turn of the thread); its last, cut-off traceback line dropped. Title of the thread: 'RuntimeError: One or more background workers are no longer alive. Exiting. Please check the print statements above for the actual error message'")
