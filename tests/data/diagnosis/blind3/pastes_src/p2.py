P = {}
P["paste_fairseq_zh_en_loss_scale_zero"] = dict(url="https://github.com/facebookresearch/fairseq/issues/1529", argv=["python", "train.py", "$data_bin", "-s", "zh", "-t", "en", "--lr", "0.0005", "--min-lr", "1e-09", "--weight-decay", "0", "--clip-norm", "0.0", "--dropout", "0.3", "--max-tokens", "30000", "--arch", "transformer", "--optimizer", "adam", "--adam-betas", "(0.9, 0.98)", "--lr-scheduler", "inverse_sqrt", "--warmup-init-lr", "1e-07", "--warmup-updates", "4000", "--ddp-backend=no_c10d", "--criterion", "label_smoothed_cross_entropy", "--label-smoothing", "0.1", "--save-dir", "$checkpoints", "--fp16"], trimmed="the issue text and command (kept in argv); the stored excerpt ends inside the 'saved checkpoint' line, and the FloatingPointError named in the title is not in the stored excerpt", text="""| epoch 028 | loss 3.976 | nll_loss 2.204 | ppl 4.61 | wps 279460 | ups 3 | wpb 110529.673 | bsz 3780.211 | num_updates 9165 | lr 0.000330319 | gnorm 0.635 | clip 0.000 | oom 0.000 | loss_scale 0.000 | wall 4043 | train_wall 3606
| epoch 028 | valid on 'valid' subset | loss 9.329 | nll_loss 8.088 | ppl 272.04 | num_updates 9165 | best_loss 9.11817
""")
P["paste_fairseq_fconv_wmt_loss_explodes"] = dict(url="https://github.com/facebookresearch/fairseq/issues/41", argv=[], trimmed="the question text; the stored excerpt ends inside the epoch 001 8000 line, kept up to the last complete line", text="""| [en] dictionary: 43881 types
| [fr] dictionary: 43978 types
| data-bin train 35482842 examples
| data-bin valid 26663 examples
| data-bin test 3003 examples
| using 8 GPUs (with max tokens per GPU = 4000)
| model fconv_wmt_en_fr
Warning! 1 samples are either too short or too long and will be ignored, sample ids=[28743556]
| epoch 001  1000 / 331737 loss=9.57 (10.94), wps=18515, wpb=31259, bsz=861, lr=1.25, clip=100%, gnorm=2.0540
| epoch 001  2000 / 331737 loss=8.61 (9.91), wps=18466, wpb=31229, bsz=877, lr=1.25, clip=100%, gnorm=1.7149
| epoch 001  3000 / 331737 loss=7.50 (9.23), wps=18493, wpb=31226, bsz=871, lr=1.25, clip=100%, gnorm=2.7501
| epoch 001  4000 / 331737 loss=6.87 (8.75), wps=18522, wpb=31231, bsz=873, lr=1.25, clip=100%, gnorm=100615.8788
| epoch 001  5000 / 331737 loss=10405.01 (136.96), wps=18532, wpb=31216, bsz=874, lr=1.25, clip=100%, gnorm=1500459828271.3960
| epoch 001  6000 / 331737 loss=4773454961.36 (92926125.94), wps=18564, wpb=31213, bsz=867, lr=1.25, clip=100%, gnorm=37459419138681.4219
| epoch 001  7000 / 331737 loss=7746569234820.15 (126329286789.38), wps=18577, wpb=31211, bsz=864, lr=1.25, clip=100%, gnorm=inf
""")
P["paste_tf_frcnn50_loss_explodes_step409"] = dict(url="https://github.com/tensorflow/models/issues/8423", argv=[], trimmed="the stored excerpt starts mid-log at step 408 and ends inside the step 415 line", text="""I0422 07:10:04.984018 140486560917376 learning.py:507] global step 408: loss = 0.1442 (0.302 sec/step)
INFO:tensorflow:global step 409: loss = 25237.8984 (0.273 sec/step)
I0422 07:10:05.258542 140486560917376 learning.py:507] global step 409: loss = 25237.8984 (0.273 sec/step)
INFO:tensorflow:global step 410: loss = 75835.2812 (0.319 sec/step)
I0422 07:10:05.579621 140486560917376 learning.py:507] global step 410: loss = 75835.2812 (0.319 sec/step)
INFO:tensorflow:global step 411: loss = 28575.1914 (0.250 sec/step)
I0422 07:10:05.832293 140486560917376 learning.py:507] global step 411: loss = 28575.1914 (0.250 sec/step)
INFO:tensorflow:global step 412: loss = 134869.8906 (0.293 sec/step)
I0422 07:10:06.129227 140486560917376 learning.py:507] global step 412: loss = 134869.8906 (0.293 sec/step)
INFO:tensorflow:global step 413: loss = 437442.4062 (0.296 sec/step)
I0422 07:10:06.427104 140486560917376 learning.py:507] global step 413: loss = 437442.4062 (0.296 sec/step)
INFO:tensorflow:global step 414: loss = 212268.4531 (0.255 sec/step)
I0422 07:10:06.684252 140486560917376 learning.py:507] global step 414: loss = 212268.4531 (0.255 sec/step)
INFO:tensorflow:global step 415: loss = 1216893.1250 (0.276 sec/step)
""")
P["paste_tf_frcnn101_loss_explodes_step438"] = dict(url="https://github.com/tensorflow/models/issues/3868", argv=[], trimmed="the question text before the log; the stored excerpt ends inside the step 442 line", text="""INFO:tensorflow:global step 435: loss = 0.0630 (0.408 sec/step)
INFO:tensorflow:global step 435: loss = 0.0630 (0.408 sec/step)
INFO:tensorflow:global step 436: loss = 0.1628 (0.404 sec/step)
INFO:tensorflow:global step 436: loss = 0.1628 (0.404 sec/step)
INFO:tensorflow:global step 437: loss = 0.0577 (0.397 sec/step)
INFO:tensorflow:global step 437: loss = 0.0577 (0.397 sec/step)
INFO:tensorflow:global step 438: loss = 54059178029467303936.0000 (0.403 sec/step)
INFO:tensorflow:global step 438: loss = 54059178029467303936.0000 (0.403 sec/step)
INFO:tensorflow:global step 439: loss = 432537635714800549888.0000 (0.400 sec/step)
INFO:tensorflow:global step 439: loss = 432537635714800549888.0000 (0.400 sec/step)
INFO:tensorflow:global step 440: loss = 2106942657570782838784.0000 (0.405 sec/step)
INFO:tensorflow:global step 440: loss = 2106942657570782838784.0000 (0.405 sec/step)
INFO:tensorflow:global step 441: loss = 7774169971762292326400.0000 (0.401 sec/step)
INFO:tensorflow:global step 441: loss = 7774169971762292326400.0000 (0.401 sec/step)
INFO:tensorflow:global step 442: loss = 25262924095336287830016.0000 (0.404 sec/step)
""")
P["paste_defrec_no_module_utils"] = dict(url="https://github.com/IdanAchituve/DefRec_and_PCM/issues/7", argv=["python", "PointDA/trainer.py"], trimmed="the question text around the traceback", text="""Traceback (most recent call last):
  File "PointDA/trainer.py", line 12, in <module>
    import utils.log
ModuleNotFoundError: No module named 'utils'
""")
P["paste_rfr_filenotfound_video_idx"] = dict(url="https://github.com/XinyiYing/RFR/issues/5", argv=["python", "train.py", "--model_name", "ResUNet_RFR", "--dataset_name", "IRSatVideo-LE"], trimmed="nothing but the shell prompt prefix '(RFR) nliu@TeslaV100:/mnt/data2/nliu/pycharm_project_001_RFR/codes$ ' before the command line", text="""python train.py --model_name ResUNet_RFR --dataset_name IRSatVideo-LE
I       R
Traceback (most recent call last):
  File "train.py", line 143, in <module>
    train()
  File "train.py", line 43, in train
    train_set = TrainSetLoader(dataset_dir=opt.dataset_dir, dataset_name=opt.dataset_name, seq_len=opt.seq_len, patch_size=opt.patchSize, img_norm_cfg=opt.img_norm_cfg, sample_rate=opt.sample_rate)
  File "/mnt/data2/nliu/pycharm_project_001_RFR/codes/dataset.py", line 25, in __init__
    with open(self.dataset_dir+'/video_idx/train_' + dataset_name + '.txt', 'r') as f:
FileNotFoundError: [Errno 2] No such file or directory: '/mnt/data2/nliu/pycharm_project_001_RFR/codes/data/I/video_idx/train_I.txt'
""")
P["paste_reid_filenotfound_data_dir"] = dict(url="https://github.com/layumi/Person_reID_baseline_pytorch/issues/214", argv=["python", "train.py", "--gpu_ids", "0", "--name", "ft_ResNet50", "--train_all", "--batchsize", "32", "--data_dir", "your_data_path"], trimmed="nothing", text="""python train.py --gpu_ids 0 --name ft_ResNet50 --train_all --batchsize 32  --data_dir your_data_path
[Resize(size=(256, 128), interpolation=PIL.Image.BICUBIC), Pad(padding=10, fill=0, padding_mode=constant), RandomCrop(size=(256, 128), padding=None), RandomHorizontalFlip(p=0.5), ToTensor(), Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])]
Traceback (most recent call last):
  File "train.py", line 120, in <module>
    data_transforms['train'])
  File "/home/zhuda/anaconda3/lib/python3.7/site-packages/torchvision/datasets/folder.py", line 206, in __init__
    is_valid_file=is_valid_file)
  File "/home/zhuda/anaconda3/lib/python3.7/site-packages/torchvision/datasets/folder.py", line 94, in __init__
    classes, class_to_idx = self._find_classes(self.root)
  File "/home/zhuda/anaconda3/lib/python3.7/site-packages/torchvision/datasets/folder.py", line 121, in _find_classes
    classes = [d.name for d in os.scandir(dir) if d.is_dir()]
FileNotFoundError: [Errno 2] No such file or directory: 'your_data_path/train_all'
""")
P["paste_semseg_spatial_nll_assert"] = dict(url="https://github.com/lcylmhlcy/Semantic-segmentation/issues/3", argv=["python", "train.py"], trimmed="the stored excerpt starts at the assertion line and ends inside 'frame #4'; kept up to frame #3", text="""/opt/conda/conda-bld/pytorch_1591914858187/work/aten/src/THCUNN/SpatialClassNLLCriterion.cu:106: cunn_SpatialClassNLLCriterion_updateOutput_kernel: block: [54,0,0], thread: [447,0,0] Assertion `t >= 0 && t < n_classes` failed.
Traceback (most recent call last):
  File "train.py", line 117, in <module>
    loss.backward()
  File "/home/likp/anaconda3/lib/python3.8/site-packages/torch/tensor.py", line 198, in backward
    torch.autograd.backward(self, gradient, retain_graph, create_graph)
  File "/home/likp/anaconda3/lib/python3.8/site-packages/torch/autograd/__init__.py", line 98, in backward
    Variable._execution_engine.run_backward(
RuntimeError: CUDA error: device-side assert triggered (free_blocks at /opt/conda/conda-bld/pytorch_1591914858187/work/c10/cuda/CUDACachingAllocator.cpp:707)
frame #0: c10::Error::Error(c10::SourceLocation, std::string const&) + 0x4e (0x7fd30b839b5e in /home/likp/anaconda3/lib/python3.8/site-packages/torch/lib/libc10.so)
frame #1: <unknown function> + 0x17bca (0x7fd30ba7dbca in /home/likp/anaconda3/lib/python3.8/site-packages/torch/lib/libc10_cuda.so)
frame #2: <unknown function> + 0x1ee27 (0x7fd30ba84e27 in /home/likp/anaconda3/lib/python3.8/site-packages/torch/lib/libc10_cuda.so)
frame #3: <unknown function> + 0x2058e (0x7fd30ba8658e in /home/likp/anaconda3/lib/python3.8/site-packages/torch/lib/libc10_cuda.so)
""")
P["paste_examples_imagenet_nll_assert"] = dict(url="https://github.com/pytorch/examples/issues/342", argv=["python", "train.py"], trimmed="the description of the poster's changes; the stored excerpt ends inside the traceback at 'losses.update(loss.data[0], input_var.size(0)'", text="""/build/python-pytorch/src/pytorch-0.3.1-py3-cuda/torch/lib/THCUNN/ClassNLLCriterion.cu:101: void cunn_ClassNLLCriterion_updateOutput_kernel(Dtype *, Dtype *, Dtype *, signed long *, Dtype *, int, int, int, int, signed long) [with Dtype = float, Acctype = float]: block: [0,0,0], thread: [1,0,0] Assertion `t >= 0 && t < n_classes` failed.
THCudaCheck FAIL file=/build/python-pytorch/src/pytorch-0.3.1-py3-cuda/torch/lib/THC/generic/THCStorage.c line=36 error=59 : device-side assert triggered
Traceback (most recent call last):
  File "train.py", line 457, in <module>
    main()
  File "train.py", line 207, in main
    train(train_loader, model, criterion, optimizer, epoch)
  File "train.py", line 265, in train
    losses.update(loss.data[0], input_var.size(0)
""")
P["paste_mobilenet_ssd_keras_invalid_loss"] = dict(url="https://github.com/manishsoni1908/Mobilenet-ssd-keras/issues/21", argv=[], trimmed="the question text around the log", text="""WARNING:tensorflow:`epsilon` argument is deprecated and will be removed, use `min_delta` instead.
Epoch 1/10
  3/234 [..............................] - ETA: 33:37:24 - loss: 44.4110Batch 3: Invalid loss, terminating training
  4/234 [..............................] - ETA: 25:09:00 - loss: inf 
""")
P["paste_imgseg_keras_loss_nan_epoch1"] = dict(url="https://github.com/divamgupta/image-segmentation-keras/issues/50", argv=[], trimmed="the question text", text="""Model output shape (None, 51200, 10)
Epoch 1/1
512/512 [==============================] - 127s 247ms/step - loss: nan - acc: nan - val_loss: nan - val_acc: nan
""")
P["paste_keras_adagrad_lr1_loss_constant"] = dict(url="https://github.com/keras-team/keras/issues/2392", argv=[], trimmed="the model code before the log (it compiles with Adagrad(lr=1.0), binary_crossentropy); the stored excerpt ends after 'Epoch 5/100'", text="""Epoch 1/100
89595/89595 [==============================] - 9s - loss: 5.7178 - acc: 0.6446  
Epoch 2/100
89595/89595 [==============================] - 8s - loss: 5.7257 - acc: 0.6448  
Epoch 3/100
89595/89595 [==============================] - 8s - loss: 5.7257 - acc: 0.6448  
Epoch 4/100
89595/89595 [==============================] - 8s - loss: 5.7257 - acc: 0.6448  
Epoch 5/100
""")
P["paste_nnunet_slow_epochs_healthy"] = dict(url="https://github.com/MIC-DKFZ/nnUNet/issues/440", argv=[], trimmed="the stored excerpt starts at 'trainer.run_training ()' and ends inside the epoch 3 warning line; kept up to the last complete line", text="""2020-12-21 18:50:07.570312: 
2020-12-21 18:50:07.570401: 
epoch:  0
2020-12-21 19:00:28.049095: train loss : 1.3331
2020-12-21 19:01:06.033320: validation loss: 1.1733
WARNING:matplotlib.legend:No handles with labels found to put in legend.
2020-12-21 19:01:09.376741: lr: 0.009991
2020-12-21 19:01:09.376864: This epoch took 661.806423 s
2020-12-21 19:01:09.376922: 
epoch:  1
2020-12-21 19:11:02.493852: train loss : 1.1813
2020-12-21 19:11:40.466295: validation loss: 1.1700
WARNING:matplotlib.legend:No handles with labels found to put in legend.
2020-12-21 19:11:40.828477: lr: 0.009982
2020-12-21 19:11:40.861863: saving checkpoint...
2020-12-21 19:11:43.451044: done, saving took 2.62 seconds
2020-12-21 19:11:43.455674: This epoch took 634.078703 s
2020-12-21 19:11:43.455734: 
epoch:  2
2020-12-21 19:21:36.762441: train loss : 1.1770
2020-12-21 19:22:14.752136: validation loss: 1.1654
WARNING:matplotlib.legend:No handles with labels found to put in legend.
2020-12-21 19:22:15.115182: lr: 0.009973
2020-12-21 19:22:15.150264: saving checkpoint...
2020-12-21 19:22:15.482534: done, saving took 0.37 seconds
2020-12-21 19:22:15.487103: This epoch took 632.031318 s
2020-12-21 19:22:15.487254: 
epoch:  3
2020-12-21 19:32:08.746938: train loss : 1.1718
2020-12-21 19:32:46.742430: validation loss: 1.1609
""")
