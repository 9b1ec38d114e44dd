# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["nonfinite_d3feat_3dmatch_desc_det_loss_nan"] = dict(
 url="https://github.com/XuyangBai/D3Feat/issues/23", framework="tensorflow",
 trimmed="the poster's greeting and question around the table and the code fence; the poster's later environment sentence (CUDA 10.0, tensorflow-gpu 1.13.2). The whole paste is these two lines.",
 log="""Steps desc_loss det_loss train_accuracy d_pos d_neg time memory
9753 nan nan 0.00 nan nan 1698.001 16280.8.
""")

CASES["nonfinite_deeplabv2_res101_loss_1e36_then_nan"] = dict(
 url="https://github.com/zhengyang-wang/Deeplab-v2--ResNet-101--Tensorflow/issues/12", framework="tensorflow",
 trimmed="the poster's prose and the main.py flag settings before the log (momentum 0.9, encoder res101, resnet_v1_101 checkpoint, cityscapes train_fine list, 713x713 input, 19 classes); the stored excerpt ends mid-line at step 10",
 log="""step 0 \t loss = 6.337, (12.625 sec/step)
step 1 \t loss = 6.133, (1.820 sec/step)
step 2 \t loss = 2.675, (1.625 sec/step)
step 3 \t loss = 6.042, (1.630 sec/step)
step 4 \t loss = 15.278, (1.545 sec/step)
step 5 \t loss = 12.153, (1.532 sec/step)
step 6 \t loss = 52.724, (1.100 sec/step)
step 7 \t loss = 940.443, (1.041 sec/step)
step 8 \t loss = 5393914151199927058379743980628738048.000, (1.052 sec/step)
step 9 \t loss = nan, (1.093 sec/step)
step 10 \t loss =""")

CASES["nonfinite_tf_deeplab_total_loss_nan_summary_hist"] = dict(
 url="https://github.com/tensorflow/models/issues/8096", framework="tensorflow",
 trimmed="a commenter's (RajatGarg45) paste, not the opening post's; his sentence before it ('I am training deeplab on custom dataset and it is causing same issue..'); the stored excerpt ends mid-line inside the InvalidArgumentError message",
 log=r"""INFO:tensorflow:Saving checkpoints for 0 into E:\mypython\Lib\site-packages\tensorflow\models\research\deeplab\datasets\train\model.ckpt.
Total loss is :[0.140642926]
Total loss is :[0.140642881]
INFO:tensorflow:global_step/sec: 1.11037
Total loss is :[0.140642926]
INFO:tensorflow:global_step/sec: 2.71813
Total loss is :[0.140643507]
INFO:tensorflow:global_step/sec: 2.70563
Total loss is :[0.140675873]
INFO:tensorflow:global_step/sec: 2.69324
Total loss is :[nan]
INFO:tensorflow:global_step/sec: 2.70379
Total loss is :[nan]
INFO:tensorflow:global_step/sec: 2.70343
Total loss is :[nan]
INFO:tensorflow:global_step/sec: 2.71518
Total loss is :[nan]
INFO:tensorflow:global_step/sec: 2.72926
Total loss is :[nan]

Traceback (most recent call last):
  File "E:\mypython\lib\site-packages\tensorflow\python\client\session.py", line 1334, in _do_call
    return fn(*args)
  File "E:\mypython\lib\site-packages\tensorflow\python\client\session.py", line 1319, in _run_fn
    options, feed_dict, fetch_list, target_list, run_metadata)
  File "E:\mypython\lib\site-packages\tensorflow\python\client\session.py", line 1407, in _call_tf_sessionrun
    run_metadata)
tensorflow.python.framework.errors_impl.InvalidArgumentError: Nan in summary hist""")

CASES["nonfinite_recurrent_transformer_logsoftmax_backward_nan"] = dict(
 url="https://github.com/jayleicn/recurrent-transformer/issues/5", framework="pytorch",
 trimmed="the poster's note on train.sh (${dset_name} should be ${model_type}) and the sentence 'when the model_type is 'xl' or 'xlrg', I got the Error:' before the paste; the closing 'Pls' after it",
 log="""File "src/train.py", line 639, in <module>
   main()
 File "src/train.py", line 635, in main
   train(model, train_loader, val_loader, device, opt)
 File "src/train.py", line 330, in train
   model, training_data, optimizer, ema, device, opt, writer, epoch_i)
 File "src/train.py", line 78, in train_epoch
   input_masks_list, token_type_ids_list, input_labels_list)
 File "src/rtransformer/model.py", line 40, in forward
   output = self.log_softmax(output[valid_indices]) 
 
  Training =>:   0%|                                                                                                                                                                       | 0/313 [00:05<?, ?it/s]
Traceback (most recent call last):
  File "src/train.py", line 639, in <module>
    main()
  File "src/train.py", line 635, in main
    train(model, train_loader, val_loader, device, opt)
  File "src/train.py", line 330, in train
    model, training_data, optimizer, ema, device, opt, writer, epoch_i)
  File "src/train.py", line 131, in train_epoch
    loss.backward()
RuntimeError: Function 'LogSoftmaxBackward' returned nan values in its 0th output. 
""")

CASES["nonfinite_denseuav_anomaly_softmax_backward_amp"] = dict(
 url="https://github.com/Dmmm1997/DenseUAV/issues/7", framework="pytorch",
 trimmed="nothing before the paste (the description is the paste); the stored excerpt ends mid-line inside the backward traceback, before the final RuntimeError line (the thread title quotes it: \"RuntimeError: Function 'SoftmaxBackward0' returned nan values in its 0th output\")",
 log="""[W python_anomaly_mode.cpp:104] Warning: Error detected in SoftmaxBackward0. Traceback of forward call that caused the error:
  File "train.py", line 370, in <module>
    train_model(model, opt, optimizer_ft, exp_lr_scheduler,
  File "train.py", line 131, in train_model
    loss, cls_loss, f_triplet_loss, kl_loss = nnloss(
  File "/home/FQ/anaconda3/envs/duav/lib/python3.8/site-packages/torch/nn/modules/module.py", line 1102, in _call_impl
    return forward_call(*input, **kwargs)
  File "/home/FQ/pythonPojector/Denseuav/DenseUAV-main/losses/loss.py", line 65, in forward
    res_kl_loss = self.calc_kl_loss(cls1, cls2, self.kl_loss)
  File "/home/FQ/pythonPojector/Denseuav/DenseUAV-main/losses/loss.py", line 128, in calc_kl_loss
    softmax_output2 = F.softmax(outputs2 - max_output2, dim=1)
  File "/home/FQ/anaconda3/envs/duav/lib/python3.8/site-packages/torch/nn/functional.py", line 1680, in softmax
    ret = input.softmax(dim)
 (function _print_stack)
Traceback (most recent call last):
  File "train.py", line 370, in <module>
    train_model(model, opt, optimizer_ft, exp_lr_scheduler,
  File "train.py", line 165, in train_model
    scaler.scale(loss).backward()
  File "/home/FQ/anaconda3/envs/duav/lib/python3.8/site-packages/torch/_tensor.py", line 307, in backward
    torch.autograd.backward(self, gra""")

CASES["nonfinite_wespeaker_sphereface2_loss_nan_batch300"] = dict(
 url="https://github.com/wenet-e2e/wespeaker/issues/178", framework="pytorch",
 trimmed="the poster's description (sphereface2 projection, ResNet152 in v2/conf/resnet.yaml, voxceleb; same settings sometimes finish without nan); the stored excerpt ends mid-line at the 8th batch-300 row",
 log="""[train log]
[ INFO : 2023-07-06 07:55:30,898 ] - |         3|       200|   0.52112|         0|    5.2225|    9.7266|
[ INFO : 2023-07-06 07:55:30,898 ] - |         3|       200|   0.52112|         0|    3.8506|    18.965|
[ INFO : 2023-07-06 07:55:30,898 ] - |         3|       200|   0.52112|         0|    3.9819|    17.094|
[ INFO : 2023-07-06 07:55:30,898 ] - |         3|       200|   0.52112|         0|    3.8734|    18.602|
[ INFO : 2023-07-06 07:55:30,898 ] - |         3|       200|   0.52112|         0|    4.0083|     16.66|
[ INFO : 2023-07-06 07:55:30,899 ] - |         3|       200|   0.52112|         0|    3.8383|     18.98|
[ INFO : 2023-07-06 07:55:30,903 ] - |         3|       200|   0.52112|         0|    3.9939|    17.066|
[ INFO : 2023-07-06 07:56:53,859 ] - |         3|       300|   0.54052|         0|       nan|    17.698|
[ INFO : 2023-07-06 07:56:53,860 ] - |         3|       300|   0.54052|         0|       nan|      16.5|
[ INFO : 2023-07-06 07:56:53,860 ] - |         3|       300|   0.54052|         0|       nan|    10.859|
[ INFO : 2023-07-06 07:56:53,860 ] - |         3|       300|   0.54052|         0|       nan|    18.258|
[ INFO : 2023-07-06 07:56:53,860 ] - |         3|       300|   0.54052|         0|       nan|    16.273|
[ INFO : 2023-07-06 07:56:53,861 ] - |         3|       300|   0.54052|""")

CASES["nonfinite_streampetr_enc_losses_nan_iter7050"] = dict(
 url="https://github.com/exiawsh/StreamPETR/issues/17", framework="mmdetection",
 trimmed="nothing but the title (config stream_petr_r50_flash_704_bs2_seq_90e.py, batch size 16, nan after about 6000 iterations); the paste is this one log line",
 log="""2023-05-22 21:39:18,645 - mmdet - INFO - Iter [7050/79110]      lr: 7.844e-04, eta: 2 days, 10:28:21, time: 1.844, data_time: 0.164, memory: 21441, frame_0_loss_cls: 1.2109, frame_0_loss_bbox: 2.0770, frame_0_d0.loss_cls: 1.2623, frame_0_d0.loss_bbox: 2.0982, frame_0_d1.loss_cls: 1.2512, frame_0_d1.loss_bbox: 2.0969, frame_0_d2.loss_cls: 1.2396, frame_0_d2.loss_bbox: 2.0894, frame_0_d3.loss_cls: 1.2348, frame_0_d3.loss_bbox: 2.0902, frame_0_d4.loss_cls: 1.2180, frame_0_d4.loss_bbox: 2.0775, frame_0_dn_loss_cls: 0.9295, frame_0_dn_loss_bbox: 1.7723, frame_0_d0.dn_loss_cls: 0.9603, frame_0_d0.dn_loss_bbox: 1.7837, frame_0_d1.dn_loss_cls: 0.9425, frame_0_d1.dn_loss_bbox: 1.7803, frame_0_d2.dn_loss_cls: 0.9305, frame_0_d2.dn_loss_bbox: 1.7719, frame_0_d3.dn_loss_cls: 0.9298, frame_0_d3.dn_loss_bbox: 1.7708, frame_0_d4.dn_loss_cls: 0.9286, frame_0_d4.dn_loss_bbox: 1.7733, frame_0_enc_loss_cls: nan, frame_0_enc_loss_bbox: nan, frame_0_enc_loss_iou: nan, frame_0_centers2d_losses: nan, frame_0_centerness_losses: nan, loss: nan, grad_norm: nan
""")

CASES["nonfinite_rctrans_loss_nan_other_losses_zero"] = dict(
 url="https://github.com/liyih/RCTrans/issues/6", framework="mmdetection",
 trimmed="the poster's sentence before the line ('After a few iterations of training, this issue came up...'); the paste is this one log line",
 log="""2025-04-18 21:58:31,047 - mmdet - INFO - Iter [10100/316440]\tlr: 3.990e-04, eta: 7 days, 4:23:57, time: 2.125, data_time: 0.014, memory: 15378, frame_0_loss_cls: 0.0000, frame_0_loss_bbox: 0.0000, frame_0_d0.loss_cls: 0.0000, frame_0_d0.loss_bbox: 0.0000, frame_0_d1.loss_cls: 0.0000, frame_0_d1.loss_bbox: 0.0000, frame_0_d2.loss_cls: 0.0000, frame_0_d2.loss_bbox: 0.0000, frame_0_d3.loss_cls: 0.0000, frame_0_d3.loss_bbox: 0.0000, frame_0_d4.loss_cls: 0.0000, frame_0_d4.loss_bbox: 0.0000, frame_0_dn_loss_cls: 0.0000, frame_0_dn_loss_bbox: 0.0000, frame_0_d0.dn_loss_cls: 0.0000, frame_0_d0.dn_loss_bbox: 0.0000, frame_0_d1.dn_loss_cls: 0.0000, frame_0_d1.dn_loss_bbox: 0.0000, frame_0_d2.dn_loss_cls: 0.0000, frame_0_d2.dn_loss_bbox: 0.0000, frame_0_d3.dn_loss_cls: 0.0000, frame_0_d3.dn_loss_bbox: 0.0000, frame_0_d4.dn_loss_cls: 0.0000, frame_0_d4.dn_loss_bbox: 0.0000, frame_0_enc_loss_cls: nan, frame_0_enc_loss_bbox: nan, frame_0_enc_loss_iou: nan, frame_0_centers2d_losses: nan, frame_0_centerness_losses: nan, loss: nan, grad_norm: nan
""")
