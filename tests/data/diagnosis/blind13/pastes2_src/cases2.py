# -*- coding: utf-8 -*-
from cases1 import add, C

add(name="paste2_nemo_bionemo_ddp_allreduce_timeout_after_6h",
    url="https://github.com/NVIDIA-NeMo/Speech/issues/8441", framework="nemo",
    expected="distributed_timeout", healthy=False,
    rationale="BioNeMo (NeMo/Lightning) DDP pre-training ran 6:28:43 to step 32040 with a normal loss (loss=2.6, reduced_train_loss=2.590), then 'Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96120, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25624887 milliseconds before timing out' on rank 0; rank 7 is stuck at SeqNum=64088 while rank 0 is at 96117-96125, i.e. the ranks fell out of step and rank 0 waited ~7 h in an allreduce",
    thread_diagnosis="closed as stale; a later commenter reports the same on multi-node multi-GPU Slurm without docker; no root cause found in the stored excerpt (the same poster filed the log in Lightning-AI/pytorch-lightning#19487 and NVIDIA/digital-biology-examples#3)",
    trimmed="the poster's sentence before the block; the stored excerpt ends mid-word in the sixth watchdog line ('millisecon')",
    text="""  
Epoch 0:   6%|██                               | 32040/500150 [6:28:43<94:39:17,  1.37it/s, loss=2.6, v_num=95nc, reduced_train_loss=2.590, global_step=3.2e+4, consumed_samples=2.56e+7][E ProcessGroupNCCL.cpp:458] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96120, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25624887 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:458] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96117, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25625613 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:458] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96125, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25625593 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:458] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96125, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25625593 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:458] [Rank 7] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=64088, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25625251 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:458] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=96117, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 25625613 millisecon
""")

add(name="paste2_xtuner_mmengine_grad_norm_nan_two_logs_healthy",
    url="https://github.com/InternLM/xtuner/issues/187", framework="mmengine",
    expected="healthy", healthy=True,
    rationale="xtuner (mmengine) fine-tuning: grad_norm is finite (3.0608 -> 2.5099) and then 'grad_norm: nan' at Epoch(train) [1][240/735] and [250/735] while the loss itself stays finite and keeps falling (2.7522, 2.6150, 2.6687, 2.7682, 2.5128, 2.4566) - a mixed-precision step whose gradients overflowed and was skipped by dynamic loss scaling; two such log lines are not a collapse",
    thread_diagnosis="title 'how to fix: grad_norm: nan'; closed; the stored excerpt holds only the poster's two pastes. In the sibling thread InternLM/xtuner#507 a maintainer says grad_norm NaN for a stretch is seen on some models/data and usually becomes normal after a few hundred iterations",
    trimmed="the second comment, which repeats the same lines (cut mid-line in the stored excerpt)",
    text="""10/30 22:18:02 - mmengine - INFO - Epoch(train) [1][200/735]  lr: 1.9870e-04  eta: 2:46:39  time: 2.8906  data_time: 0.0042  memory: 10762  loss: 2.7522  grad_norm: 3.0608
10/30 22:18:30 - mmengine - INFO - Epoch(train) [1][210/735]  lr: 1.9857e-04  eta: 2:46:12  time: 2.8865  data_time: 0.0041  memory: 10762  loss: 2.6150  grad_norm: 2.7647
10/30 22:18:59 - mmengine - INFO - Epoch(train) [1][220/735]  lr: 1.9843e-04  eta: 2:45:44  time: 2.8826  data_time: 0.0040  memory: 10762  loss: 2.6687  grad_norm: 2.7647
10/30 22:19:28 - mmengine - INFO - Epoch(train) [1][230/735]  lr: 1.9828e-04  eta: 2:45:16  time: 2.8833  data_time: 0.0040  memory: 10762  loss: 2.7682  grad_norm: 2.5099
10/30 22:19:57 - mmengine - INFO - Epoch(train) [1][240/735]  lr: 1.9813e-04  eta: 2:44:49  time: 2.8874  data_time: 0.0042  memory: 10762  loss: 2.5128  grad_norm: nan
10/30 22:20:26 - mmengine - INFO - Epoch(train) [1][250/735]  lr: 1.9797e-04  eta: 2:44:21  time: 2.8906  data_time: 0.0039  memory: 10762  loss: 2.4566  grad_norm: nan
""")

add(name="paste2_paddledet_cascade_rcnn_gpu_oom_first_iters",
    url="https://github.com/PaddlePaddle/PaddleDetection/issues/3679", framework="paddle",
    expected="out_of_memory", healthy=False,
    rationale="PaddleDetection cascade R-CNN logs iter 0 and ten seconds later roi_align and conv2d_grad raise 'paddle::memory::allocation::BadAlloc, ResourceExhaustedError: Out of memory error on GPU 0. Cannot allocate 48.473877MB memory on GPU 0, 7.900513GB memory has been allocated and available memory is only 29.437500MB.' - an 8 GB card filled by the model and batch",
    thread_diagnosis="labelled training, closed; no maintainer answer in the stored excerpt (the title repeats the OOM message)",
    trimmed="nothing before 'loading annotations'; the stored excerpt ends mid-line in the second OOM message ('7.')",
    text="""loading annotations into memory...
Done (t=0.10s)
creating index...
index created!
2021-07-13 16:34:21,130-INFO: iter: 0, lr: 0.000012, 'loss_cls_0': '1.152286', 'loss_loc_0': '0.000001', 'loss_cls_1': '0.545614', 'loss_loc_1': '0.000001', 'loss_cls_2': '0.289684', 'loss_loc_2': '0.000000', 'loss_rpn_cls': '0.694718', 'loss_rpn_bbox': '0.003722', 'loss': '2.686026', eta: 0:00:00, batch_cost: 0.00003 sec, ips: 38479.85321 images/sec
W0713 16:34:31.576385   221 operator.cc:242] roi_align raises an exception paddle::memory::allocation::BadAlloc, ResourceExhaustedError: 

Out of memory error on GPU 0. Cannot allocate 48.473877MB memory on GPU 0, 7.900513GB memory has been allocated and available memory is only 29.437500MB.
Please check whether there is any other process using GPU 0.
1. If yes, please stop them, or start PaddlePaddle on another GPU.
2. If no, please decrease the batch size of your model. 

 (at /paddle/paddle/fluid/memory/allocation/cuda_allocator.cc:79)
W0713 16:34:31.684660   219 operator.cc:242] conv2d_grad raises an exception paddle::memory::allocation::BadAlloc, ResourceExhaustedError: 

Out of memory error on GPU 0. Cannot allocate 39.062744MB memory on GPU 0, 7.
""")

add(name="paste2_paddle_deepspeech2_gru2048_gpu_oom",
    url="https://github.com/yeyupiaoling/PaddlePaddle-DeepSpeech/issues/60", framework="paddle",
    argv=["python", "train.py"],
    expected="out_of_memory", healthy=False,
    rationale="PaddlePaddle DeepSpeech2 with 3 GRU layers of size 2048 and batch_size 16 on a compute-capability-6.1 GPU: 13 s after start 'mul raises an exception paddle::memory::allocation::BadAlloc, ResourceExhaustedError: Out of memory error on GPU 0. Cannot allocate 165.586182MB memory on GPU 0, 5.866455GB memory has been allocated and available memory is only 67.937500MB.'",
    thread_diagnosis="closed; no answer in the stored excerpt",
    trimmed="the poster's 'local virtual environment' line; the stored excerpt ends inside the OOM hint ('Please check whether there is any other')",
    text="""(DeepSpeech) root@pc:/opt/PaddlePaddle-DeepSpeech# CUDA_VISIBLE_DEVICES=0,1 python train.py
-----------  Configuration Arguments -----------
augment_conf_path: ./conf/augmentation.config
batch_size: 16
dev_manifest: ./dataset/manifest.test
init_from_pretrained_model: None
learning_rate: 5e-05
max_duration: 15.0
mean_std_path: ./dataset/mean_std.npz
min_duration: 1.0
num_conv_layers: 2
num_epoch: 200
num_rnn_layers: 3
output_model_dir: ./models
rnn_layer_size: 2048
share_rnn_weights: False
shuffle_method: batch_shuffle_clipped
test_off: False
train_manifest: ./dataset/manifest.train
use_gpu: True
use_gru: True
vocab_path: ./dataset/zh_vocab.txt
------------------------------------------------
dataset/manifest.noise不存在，已经忽略噪声增强操作！
[2021-08-10 10:52:37.536839] 训练数据数量：141316

W0810 10:52:37.726949 31179 device_context.cc:404] Please NOTE: device: 0, GPU Compute Capability: 6.1, Driver API Version: 11.4, Runtime API Version: 10.2
W0810 10:52:37.729698 31179 device_context.cc:422] device: 0, cuDNN Version: 7.6.
W0810 10:52:50.697477 31331 operator.cc:242] mul raises an exception paddle::memory::allocation::BadAlloc, ResourceExhaustedError: 

Out of memory error on GPU 0. Cannot allocate 165.586182MB memory on GPU 0, 5.866455GB memory has been allocated and available memory is only 67.937500MB.

Please check whether there is any other
""")

add(name="paste2_keras_save_weights_no_space_resource_exhausted",
    url="https://github.com/AaronJny/lotto/issues/2", framework="keras",
    expected="disk_full", healthy=False,
    rationale="after training, model.save_weights at epoch 35 fails: 'OP_REQUIRES failed at save_restore_v2_ops.cc:134 : Resource exhausted: checkpoints/model_checkpoint_35_temp_.../part-00000-of-00001.data-00000-of-00001.tempstate...; No space left on device' - TensorFlow reports the full disk as 'Resource exhausted', which is not GPU memory",
    thread_diagnosis="open; the poster only asks for an update (训练后,没法保存进度 - cannot save progress after training); no answer in the stored excerpt",
    trimmed="the poster's request line; the stored excerpt ends inside the last traceback frame path",
    text=""" W tensorflow/core/framework/op_kernel.cc:1753] OP_REQUIRES failed at save_restore_v2_ops.cc:134 : Resource exhausted: checkpoints/model_checkpoint_35_temp_1b4ee8a5d4f64fbdaeb08d6891472655/part-00000-of-00001.data-00000-of-00001.tempstate4953384194912554988; No space left on device
Traceback (most recent call last):
  File "/Users/xiangyutao/opt/anaconda3/lib/python3.7/site-packages/tensorflow/python/ops/gen_io_ops.py", line 1702, in save_v2
    tld.op_callbacks, prefix, tensor_names, shape_and_slices, tensors)
tensorflow.python.eager.core._FallbackException: This function does not handle the case of the path where all inputs are not already EagerTensors.

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "train_and_show.py", line 64, in <module>
    model.save_weights('{}/model_checkpoint_{}'.format(settings.CHECKPOINTS_PATH, epoch))
  File "/Users/xiangyutao/opt/anaconda3/lib/python3.7/site-packages/tensorflow/python/keras/engine/network.py", line 1167, in save_weights
    self._trackable_saver.save(filepath, session=session)
  File "/Users/xiangyutao/opt/anaconda3/lib/python3.7/site-packages/tensorflow/python/training/tracking/util.py", line 1187, in save
    file_prefix=file_prefix_tensor, object_graph_tensor=object_graph_tensor)
  File "/Users/xiangyutao/opt/anaconda3/lib/python3.7/site-packages/tensorflow/py
""")

add(name="paste2_tf_deepspeech_german_ckpt_no_space_oom_hint",
    url="https://github.com/AASHISHAG/deepspeech-german/issues/5", framework="tensorflow",
    expected="disk_full", healthy=False,
    rationale="Mozilla DeepSpeech (TF 1.x) checkpoint save fails: 'E ../checkpoint/model.ckpt-10051.data-00000-of-00001.tempstate13871076945433806239; No space left on device' in save/SaveV2 at DeepSpeech.py:484; the appended 'Hint: If you want to see a list of allocated tensors when OOM happens' is TensorFlow's generic ResourceExhausted hint, not a memory problem",
    thread_diagnosis="a commenter in a thread about training the German model asks whether others saw this; no answer about it in the stored excerpt",
    trimmed="the commenter's question line and the sentence 'It happens here:' between the two pasted blocks; the stored excerpt ends after the first frame of the second block",
    text="""E ../checkpoint/model.ckpt-10051.data-00000-of-00001.tempstate13871076945433806239; No space left on device                                                                                                        
E        [[node save/SaveV2 (defined at ./DeepSpeech.py:484)  = SaveV2[dtypes=[DT_FLOAT, DT_FLOAT, DT_FLOAT, DT_FLOAT, DT_FLOAT, ..., DT_FLOAT, DT_FLOAT, DT_FLOAT, DT_FLOAT, DT_FLOAT], _device="/job:localhost/re
plica:0/task:0/device:CPU:0"](_arg_save/Const_0_0, save/SaveV2/tensor_names, save/SaveV2/shape_and_slices, b1, b1/Adam, b1/Adam_1, b2, b2/Adam, b2/Adam_1, b3, b3/Adam, b3/Adam_1, b5, b5/Adam, b5/Adam_1, b6, b6/A
dam, b6/Adam_1, beta1_power, beta2_power, global_step, h1, h1/Adam, h1/Adam_1, h2, h2/Adam, h2/Adam_1, h3, h3/Adam, h3/Adam_1, h5, h5/Adam, h5/Adam_1, h6, h6/Adam, h6/Adam_1, lstm_fused_cell/bias, lstm_fused_cel
l/bias/Adam, lstm_fused_cell/bias/Adam_1, lstm_fused_cell/kernel, lstm_fused_cell/kernel/Adam, lstm_fused_cell/kernel/Adam_1)]]                                                                                    
E Hint: If you want to see a list of allocated tensors when OOM happens, add report_tensor_allocations_upon_oom to RunOptions for current allocation info.     

E   File "./DeepSpeech.py", line 484, in train
""")

add(name="paste2_sb3_sac_normal_loc_nan_at_180k_steps",
    url="https://github.com/DLR-RM/stable-baselines3/issues/1401", framework="stable-baselines3",
    expected="nan_or_inf_loss", healthy=False,
    rationale="SAC policy: 'ValueError: Expected parameter loc (Tensor of shape (1, 50)) of distribution Normal(...) to satisfy the constraint Real(), but found invalid values: tensor([[nan, nan, ... nan]], device='cuda:3')' - all 50 action means are NaN, i.e. the actor's weights or inputs became non-finite during training (the poster says it happens always at about 180000 time steps)",
    thread_diagnosis="maintainer asks for more information and the bug-report or custom-env template; no answer in the stored excerpt (in the related rl-baselines3-zoo#156 the maintainer says this usually happens when the learning rate is too high and generates NaN)",
    trimmed="the poster's question lines around the error",
    text="""ValueError: Expected parameter loc (Tensor of shape (1, 50)) of distribution Normal(loc: torch.Size([1, 50]), scale: torch.Size([1, 50])) to satisfy the constraint Real(), but found invalid values:
tensor([[nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
         nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
         nan, nan]], device='cuda:3')
""")

add(name="paste2_mxnet_mnist_lenet_two_gpus_acc_at_chance",
    url="https://github.com/apache/mxnet/issues/4395", framework="mxnet",
    argv=["train_mnist.py", "--gpus=1,2", "--network=lenet"],
    expected="loss_not_decreasing", healthy=False,
    rationale="MNIST (10 classes) with LeNet on two GPUs, epochs 17-19: Train-accuracy 0.092-0.1075 in every batch window and Validation-accuracy 0.100916 in epochs 17 and 18 - exactly chance (1/10); the network learned nothing while the same example trains fine elsewhere; no loss is printed, the accuracy sits at chance throughout",
    thread_diagnosis="title 'ERROR when I train train_mnist.py using 2 gpus'; closed; no diagnosis in the stored excerpt (similar threads apache/mxnet#4900, #2327 report chance accuracy only with multiple GPUs)",
    trimmed="the poster's sentences; the stored excerpt starts at epoch 17 and ends inside the epoch-19 Batch [200] line",
    text="""INFO:root:Epoch[17] Resetting Data Iterator
INFO:root:Epoch[17] Time cost=2.539
INFO:root:Epoch[17] Validation-accuracy=0.100916
INFO:root:Epoch[18] Batch [100]\tSpeed: 26351.43 samples/sec\tTrain-accuracy=0.103125
INFO:root:Epoch[18] Batch [200]\tSpeed: 26317.41 samples/sec\tTrain-accuracy=0.105625
INFO:root:Epoch[18] Batch [300]\tSpeed: 28237.49 samples/sec\tTrain-accuracy=0.099844
INFO:root:Epoch[18] Batch [400]\tSpeed: 23718.03 samples/sec\tTrain-accuracy=0.098750
INFO:root:Epoch[18] Batch [500]\tSpeed: 21545.26 samples/sec\tTrain-accuracy=0.107500
INFO:root:Epoch[18] Batch [600]\tSpeed: 20842.35 samples/sec\tTrain-accuracy=0.092031
INFO:root:Epoch[18] Batch [700]\tSpeed: 21083.69 samples/sec\tTrain-accuracy=0.094219
INFO:root:Epoch[18] Batch [800]\tSpeed: 22361.98 samples/sec\tTrain-accuracy=0.101250
INFO:root:Epoch[18] Batch [900]\tSpeed: 24833.34 samples/sec\tTrain-accuracy=0.097812
INFO:root:Epoch[18] Resetting Data Iterator
INFO:root:Epoch[18] Time cost=2.527
INFO:root:Epoch[18] Validation-accuracy=0.100916
INFO:root:Epoch[19] Batch [100]\tSpeed: 26001.66 samples/sec\tTrain-accuracy=0.103125
INFO:root:Epoch[19] Batch [200]\tSpeed: 22279.39 samples/sec\tTrain-accuracy=
""")
