# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_torch_backward_found_double_expected_float"] = dict(
 url="https://github.com/pytorch/pytorch/issues/2138", framework="pytorch",
 trimmed="one later comment's paste (turn 14) only; the thread's earlier turns dropped; the stored excerpt ends at 'frame #0' of the C++ frame list",
 log="""type(loss_train_step) is:  <class 'torch.Tensor'>
loss_train_step.dtype is:  torch.float64

---------------------------------------------------------------------------
RuntimeError                              Traceback (most recent call last)
<ipython-input-23-0b0a62a9f8d8> in <module>
     43 
     44         # calculate the gradients
---> 45         loss_train_step.backward()
     46 
     47         # update the parameters

~/anaconda3/lib/python3.7/site-packages/torch/tensor.py in backward(self, gradient, retain_graph, create_graph)
    183                 products. Defaults to ``False``.
    184         \"\"\"
--> 185         torch.autograd.backward(self, gradient, retain_graph, create_graph)
    186 
    187     def register_hook(self, hook):

~/anaconda3/lib/python3.7/site-packages/torch/autograd/__init__.py in backward(tensors, grad_tensors, retain_graph, create_graph, grad_variables)
    125     Variable._execution_engine.run_backward(
    126         tensors, grad_tensors, retain_graph, create_graph,
--> 127         allow_unreachable=True)  # allow_unreachable flag
    128 
    129 

RuntimeError: Found dtype Double but expected Float
Exception raised from compute_types at /opt/conda/conda-bld/pytorch_1595629403081/work/aten/src/ATen/native/TensorIterator.cpp:183 (most recent call first):
""")

CASES["paste_cellpose_slow_epochs_loss_plateau_healthy"] = dict(
 url="https://github.com/MouseLand/cellpose/issues/450", framework="pytorch",
 trimmed="the poster's questions (what 'Time' means; the run was stopped at 200 epochs by the server's time limit, how to resume) dropped; the stored excerpt ends mid-line after epoch 110",
 log="""2022-02-18 00:38:30,706 [INFO] Epoch 5, Time 4981.4s, Loss 0.5731, LR 0.1111
2022-02-18 01:46:44,126 [INFO] Epoch 10, Time 9074.8s, Loss 0.5035, LR 0.2000
2022-02-18 07:02:39,069 [INFO] Epoch 20, Time 28029.8s, Loss 0.4754, LR 0.2000
2022-02-18 09:17:43,068 [INFO] Epoch 30, Time 36133.8s, Loss 0.4614, LR 0.2000
2022-02-18 11:33:53,086 [INFO] Epoch 40, Time 44303.8s, Loss 0.4555, LR 0.2000
2022-02-18 13:50:18,865 [INFO] Epoch 50, Time 52489.6s, Loss 0.4517, LR 0.2000
2022-02-18 16:07:27,867 [INFO] Epoch 60, Time 60718.6s, Loss 0.4492, LR 0.2000
2022-02-18 18:24:40,832 [INFO] Epoch 70, Time 68951.5s, Loss 0.4469, LR 0.2000
2022-02-18 20:38:58,425 [INFO] Epoch 80, Time 77009.1s, Loss 0.4453, LR 0.2000
2022-02-18 22:53:14,748 [INFO] Epoch 90, Time 85065.4s, Loss 0.4434, LR 0.2000
2022-02-19 01:07:37,048 [INFO] Epoch 100, Time 93127.7s, Loss 0.4425, LR 0.2000
2022-02-19 03:21:51,037 [INFO] Epoch 110, Time 101181.7s, Loss 0.4417, LR 0.2000
""")

CASES["paste_manifold_matching_resize_256_linear_mismatch"] = dict(
 url="https://github.com/dzld00/pytorch-manifold-matching/issues/7", framework="pytorch",
 trimmed="the poster's question (they changed only SIZE to use larger input images) dropped; the blank lines and the two traceback lines are as pasted (the poster elided the frames above F.linear)",
 log="""  0%|          | 0/29 [00:00<?, ?it/s]torch.Size([64, 3, 256, 256])
torch.Size([64, 3, 64, 64])
  0%|          | 0/29 [00:02<?, ?it/s]

    return F.linear(input, self.weight, self.bias)
RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x8192 and 512x10)
""")

CASES["paste_chinese_vicuna_torchrun_sighup_midrun"] = dict(
 url="https://github.com/Facico/Chinese-Vicuna/issues/98", framework="transformers",
 trimmed="the poster's one-line question dropped; the stored excerpt ends inside torchrun's traceback (the frames below errors/__init__.py and the final exception line are not in it)",
 log="""{'eval_loss': 1.1911191940307617, 'eval_runtime': 0.465, 'eval_samples_per_second': 2.151, 'eval_steps_per_second': 2.151, 'epoch': 0.25}
{'loss': 0.9037, 'learning_rate': 0.0002913975813489589, 'epoch': 0.25}
{'loss': 0.9015, 'learning_rate': 0.0002912105722478494, 'epoch': 0.26}
{'loss': 0.8889, 'learning_rate': 0.0002910235631467398, 'epoch': 0.26}
{'loss': 0.8926, 'learning_rate': 0.0002908365540456302, 'epoch': 0.27}
{'loss': 0.8884, 'learning_rate': 0.0002906495449445206, 'epoch': 0.27}
{'loss': 0.897, 'learning_rate': 0.000290462535843411, 'epoch': 0.28}
{'loss': 0.8888, 'learning_rate': 0.0002902755267423014, 'epoch': 0.28}
{'loss': 0.8789, 'learning_rate': 0.0002900885176411918, 'epoch': 0.29}
  4%|▎         | 1169/32184 [2:56:05<77:38:43,  9.01s/it]WARNING:torch.distributed.elastic.agent.server.api:Received 1 death signal, shutting down workers
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 109511 closing signal SIGHUP
WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 109512 closing signal SIGHUP
Traceback (most recent call last):
  File "/root/anaconda3/envs/chinesevicuna/bin/torchrun", line 8, in <module>
    sys.exit(main())
""")

CASES["paste_vldet_ddp_unused_params_warning_healthy"] = dict(
 url="https://github.com/clin1223/VLDet/issues/9", framework="pytorch",
 trimmed="the stored excerpt of the poster's paste: the lines before 'Serialized dataset' are not in it, and it ends inside the third repetition of the warning (dropped); nothing else in the excerpt",
 log="""[03/07 20:19:00 d2.data.common]: Serialized dataset takes 424.32 MiB
[03/07 20:19:02 detectron2]: Starting training from iteration 0
[W reducer.cpp:1303] Warning: find_unused_parameters=True was specified in DDP constructor, but did not find any unused parameters in the forward pass. This flag results in an extra traversal of the autograd graph every iteration,  which can adversely affect performance. If your model indeed never has any unused parameters in the forward pass, consider turning this flag off. Note that this warning may be a false positive if your model has flow control causing later iterations to have unused parameters. (function operator())
[W reducer.cpp:1303] Warning: find_unused_parameters=True was specified in DDP constructor, but did not find any unused parameters in the forward pass. This flag results in an extra traversal of the autograd graph every iteration,  which can adversely affect performance. If your model indeed never has any unused parameters in the forward pass, consider turning this flag off. Note that this warning may be a false positive if your model has flow control causing later iterations to have unused parameters. (function operator())
""")

CASES["paste_pytorch_pose_lsp_train_val_gap"] = dict(
 url="https://github.com/bearpaw/pytorch-pose/issues/56", framework="pytorch",
 trimmed="the poster's one-line intro dropped; the tab-separated log.txt table is as pasted; the stored excerpt ends mid-line in epoch 22 (dropped), so the table stops after epoch 21",
 log="""Epoch\tLR\tTrain Loss\tVal Loss\tTrain Acc\tVal Acc\t
1.000000\t0.000250\t0.007550\t0.006845\t0.050514\t0.103110\t
2.000000\t0.000250\t0.005672\t0.028946\t0.189198\t0.218423\t
3.000000\t0.000250\t0.005463\t0.006511\t0.327330\t0.236230\t
4.000000\t0.000250\t0.005265\t0.010601\t0.425851\t0.225216\t
5.000000\t0.000250\t0.005135\t0.016247\t0.476834\t0.197104\t
6.000000\t0.000250\t0.004991\t0.010484\t0.526583\t0.235236\t
7.000000\t0.000250\t0.004877\t0.006420\t0.563533\t0.240461\t
8.000000\t0.000250\t0.004769\t0.008257\t0.597851\t0.228115\t
9.000000\t0.000250\t0.004665\t0.014668\t0.626140\t0.203795\t
10.000000\t0.000250\t0.004563\t0.013019\t0.652237\t0.212683\t
11.000000\t0.000250\t0.004466\t0.010125\t0.678059\t0.210265\t
12.000000\t0.000250\t0.004363\t0.011066\t0.698233\t0.238305\t
13.000000\t0.000250\t0.004259\t0.007450\t0.719176\t0.212096\t
14.000000\t0.000250\t0.004150\t0.007616\t0.740357\t0.254597\t
15.000000\t0.000250\t0.004041\t0.007984\t0.757074\t0.197692\t
16.000000\t0.000250\t0.003930\t0.007641\t0.771822\t0.249571\t
17.000000\t0.000250\t0.003827\t0.007281\t0.784899\t0.212632\t
18.000000\t0.000250\t0.003716\t0.007883\t0.796875\t0.213584\t
19.000000\t0.000250\t0.003610\t0.007357\t0.808176\t0.229985\t
20.000000\t0.000250\t0.003501\t0.006785\t0.819266\t0.226866\t
21.000000\t0.000250\t0.003399\t0.007181\t0.827932\t0.201103\t
""")
