# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_gemma_sft_loss_spike_then_nan"] = dict(
 url="https://github.com/google/gemma_pytorch/issues/24", framework="transformers",
 trimmed="the poster's one-line question and the link to his training script before the log; the comments after it",
 log=r"""{'loss': 5.6332, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.3049, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 153318.95, 'grad_norm': nan, 'learning_rate': 0.0002, 'epoch': 0.09}
{'loss': 5.7517, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.6231, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.0968, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.8938, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 6.1305, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.9105, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.4063, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.2371, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.4602, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.5166, 'lr': 0.0002, 'epoch': 0.09}
{'loss': 5.0093, 'lr': 0.0002, 'epoch': 0.09}
{'loss': nan, 'lr': 0.0002, 'epoch': 0.09}
""")

CASES["paste_bert_pretrain_loss_scale_1e-44"] = dict(
 url="https://github.com/NVIDIA/DeepLearningExamples/issues/543", framework="pytorch",
 trimmed="the earlier part of the comment (not in the stored excerpt); the '...' line is the poster's own elision, kept; the stored excerpt ends mid-line after the 1.12e-44 record (the trailing 'DL' is left out)",
 log=r"""DLL 2020-06-04 01:04:20.355678 - PARAMETER loss_scale : 2.9103830456733704e-11 
DLL 2020-06-04 01:04:46.877511 - PARAMETER loss_scale : 1.4551915228366852e-11 
DLL 2020-06-04 01:05:13.367301 - PARAMETER loss_scale : 7.275957614183426e-12 
DLL 2020-06-04 01:05:39.811061 - PARAMETER loss_scale : 3.637978807091713e-12 
DLL 2020-06-04 01:06:06.321747 - PARAMETER loss_scale : 1.8189894035458565e-12 
DLL 2020-06-04 01:06:32.701254 - PARAMETER loss_scale : 9.094947017729282e-13 
DLL 2020-06-04 01:06:59.118005 - PARAMETER loss_scale : 4.547473508864641e-13 
DLL 2020-06-04 01:07:25.551221 - PARAMETER loss_scale : 2.2737367544323206e-13 
DLL 2020-06-04 01:07:52.015120 - PARAMETER loss_scale : 1.1368683772161603e-13 
DLL 2020-06-04 01:08:18.556966 - PARAMETER loss_scale : 5.684341886080802e-14 
DLL 2020-06-04 01:08:45.038577 - PARAMETER loss_scale : 2.842170943040401e-14 
DLL 2020-06-04 01:09:11.565880 - PARAMETER loss_scale : 1.4210854715202004e-14 
DLL 2020-06-04 01:09:11.569757 - Training Epoch: 0 Training Iteration: 2933  average_loss : nan  step_loss : 1.0703125  learning_rate : 0.003161792362931437
...
DLL 2020-06-04 01:52:46.876485 - PARAMETER loss_scale : 4.484155085839415e-44 
DLL 2020-06-04 01:53:13.320243 - PARAMETER loss_scale : 2.2420775429197073e-44 
DLL 2020-06-04 01:53:39.827341 - PARAMETER loss_scale : 1.1210387714598537e-44 
""")

CASES["paste_arcface_fp16_grad_scale_0_loss_nan"] = dict(
 url="https://github.com/deepinsight/insightface/issues/2262", framework="pytorch",
 trimmed="nothing before (the issue body is the log); the poster's comment after it ('Loss always nan no matter what lr or config is used') left out; the line break inside the first record is the poster's",
 log=r"""Training: 2023-03-14 09:08:43,293-Speed 2178.40 samples/sec   Loss nan   LearningRate 0.001000   
Epoch: 0   Global Step: 20   Fp16 Grad Scale:  0   Required: 194 hours
Training: 2023-03-14 09:08:47,984-Speed 2183.37 samples/sec   Loss nan   LearningRate 0.001000   Epoch: 0   Global Step: 30   Fp16 Grad Scale:  0   Required: 144 hours
Training: 2023-03-14 09:08:52,689-Speed 2177.01 samples/sec   Loss nan   LearningRate 0.001000   Epoch: 0   Global Step: 40   Fp16 Grad Scale:  0   Required: 120 hours
""")

CASES["paste_ngp_lightning_bus_error_worker_wsl"] = dict(
 url="https://github.com/kwea123/ngp_pl/issues/33", framework="lightning",
 trimmed="the poster's environment lines (WSL2, GTX 1660 Ti 6G, 40G RAM) and sentences before the log; the '> ' at line starts is the poster's quoting, kept; the stored excerpt ends mid-line in the third bus-error message (kept as stored)",
 log=r"""> (ngp_pl) gzx@HelloWorld:~/code/ngp_pl$  /usr/bin/env /home/gzx/anaconda3/envs/ngp_pl/bin/python /home/gzx/.vscode-server/extensions/ms-python.python-2022.10.1/pythonFiles/lib/python/debugpy/adapter/../../debugpy/launcher 37035 -- /home/gzx/code/ngp_pl/train.py --root_dir ../../datasets/nerf/Synthetic_NeRF/Lego/ --exp_name Lego --num_epochs 1 
> GridEncoding: Nmin=16 b=1.31951 F=2 T=2^19 L=16
> Using 16bit native Automatic Mixed Precision (AMP)
> GPU available: True, used: True
> TPU available: False, using: 0 TPU cores
> IPU available: False, using: 0 IPUs
> HPU available: False, using: 0 HPUs
> Loading 100 train images ...
> 100it [00:01, 50.29it/s]
> Loading 200 test images ...
> 200it [00:03, 51.64it/s]
> LOCAL_RANK: 0 - CUDA_VISIBLE_DEVICES: [0]
> Epoch 0:  83%|████████████████ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).y=30.00, train/psnr=29.70]
> ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).
> ERROR: Unexpected bus error encounte
""")

CASES["paste_hrnet_pose_illegal_instruction_loading"] = dict(
 url="https://github.com/leoxiaobin/deep-high-resolution-net.pytorch/issues/150", framework="pytorch",
 argv=["python", "tools/train.py", "--cfg", "experiments/mpii/hrnet/w32_256x256_adam_lr1e-3.yaml"],
 trimmed="the poster's sentences before and after the three log lines",
 log=r"""=> init weights from normal distribution
=> loading pretrained model models/pytorch/imagenet/hrnet_w32-36af842e.pth
Illegal instruction (core dumped)
""")

CASES["paste_cnn_finetune_vgg_illegal_instruction"] = dict(
 url="https://github.com/creafz/pytorch-cnn-finetune/issues/12", framework="pytorch",
 trimmed="the poster's sentence before the log ('Any model that needs to be downloaded (vgg, alexnet) cause this exception'); the garbled character in the first progress bar is as stored",
 log=r"""~/pytorch-cnn-finetune/examples$ python cifar10.py --model-name vgg19
Downloading: "https://download.pytorch.org/models/vgg19-dcbb9e9d.pth" to /home/ubuntu/.torch/models/vgg19-dcbb9e9d.pth
100%|‚574673361/574673361 [00:20<00:00, 28293664.65it/s]
Illegal instruction (core dumped)

~/pytorch-cnn-finetune/examples$ python cifar10.py --model-name vgg16
Downloading: "https://download.pytorch.org/models/vgg16-397923af.pth" to /home/ubuntu/.torch/models/vgg16-397923af.pth
100%|553433881/553433881 [00:05<00:00, 98388620.83it/s]
Illegal instruction (core dumped)
""")
