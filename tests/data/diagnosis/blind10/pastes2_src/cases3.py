# -*- coding: utf-8 -*-
from cases2 import add, C

add(name="paste2_yolov5_index_out_of_bounds_assert",
    url="https://github.com/ultralytics/yolov5/issues/7535", framework="yolo",
    expected="device_side_assert", healthy=False,
    rationale="at the very first batch of epoch 0 (0/19715) the CUDA kernel IndexKernel.cu:142 fails 'Assertion `index >= -sizes[i] && index < sizes[i] && \"index out of bounds\"` failed.' on many threads: an index (label class or target index) outside the tensor it indexes",
    thread_diagnosis="labelled bug, closed as stale; no maintainer diagnosis in the stored excerpt",
    trimmed="the training header before the epoch table and the cut-off progress line after the assertions",
    text="""     Epoch   gpu_mem       box       obj       cls    labels  img_size
  0%|          | 0/19715 [00:00<?, ?it/s]                                                                                                     /pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [35,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
/pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [40,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
/pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [64,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
/pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [74,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
/pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [78,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
/pytorch/aten/src/ATen/native/cuda/IndexKernel.cu:142: operator(): block: [0,0,0], thread: [18,0,0] Assertion `index >= -sizes[i] && index < sizes[i] && "index out of bounds"` failed.
""")

add(name="paste2_calamari_checkpoint_no_space",
    url="https://github.com/OCR4all/OCR4all/issues/101", framework="keras",
    expected="disk_full", healthy=False,
    rationale="after a (calamari, TensorFlow/Keras) training run the checkpoint save h5py.File(filepath, mode='w') fails: \"OSError: Unable to create file (file write failed: ... filename = '/tmp/calamari3umodg4c/fold_2/model_last.ckpt.h5', ... errno = 28, error message = 'No space left on device'\", the same for fold_4: /tmp is full",
    thread_diagnosis="closed; the stored excerpt shows the traceback only (title 'Error after training run')",
    trimmed="the first frames of the traceback (not in the stored excerpt); the excerpt ends mid-line in the second OSError",
    text="""    f = h5py.File(filepath, mode='w')
  File "/usr/local/lib/python3.6/dist-packages/h5py/_hl/files.py", line 408, in __init__
    swmr=swmr)
  File "/usr/local/lib/python3.6/dist-packages/h5py/_hl/files.py", line 179, in make_fid
    swmr=swmr)
  File "/usr/local/lib/python3.6/dist-packages/h5py/_hl/files.py", line 179, in make_fid
    fid = h5f.create(name, h5f.ACC_TRUNC, fapl=fapl, fcpl=fcpl)
  File "h5py/_objects.pyx", line 54, in h5py._objects.with_phil.wrapper
    fid = h5f.create(name, h5f.ACC_TRUNC, fapl=fapl, fcpl=fcpl)
  File "h5py/_objects.pyx", line 54, in h5py._objects.with_phil.wrapper
  File "h5py/_objects.pyx", line 55, in h5py._objects.with_phil.wrapper
  File "h5py/_objects.pyx", line 55, in h5py._objects.with_phil.wrapper
  File "h5py/h5f.pyx", line 108, in h5py.h5f.create
  File "h5py/h5f.pyx", line 108, in h5py.h5f.create
OSError: Unable to create file (file write failed: time = Tue Dec  1 08:28:02 2020
, filename = '/tmp/calamari3umodg4c/fold_2/model_last.ckpt.h5', file descriptor = 5, errno = 28, error message = 'No space left on device', buf = 0x7182fa8, total write size = 96, bytes this sub-write = 96, bytes actually written = 18446744073709551615, offset = 0)OSError: Unable to create file (file write failed: time = Tue Dec  1 08:28:02 2020
, filename = '/tmp/calamari3umodg4c/fold_4/model_last.ckpt.h5', file descriptor = 5, errno = 28, error message
""")

add(name="paste2_keras_lstm_val_loss_rises",
    url="https://github.com/keras-team/keras/issues/3328", framework="keras",
    expected="overfitting", healthy=False,
    rationale="single-layer LSTM (100 units, trainable pre-trained embeddings, SGD lr 0.1 momentum 0.9 nesterov) on 8529 sentences: training loss falls 0.6966 -> 0.6780 and acc rises 0.5301 -> 0.5763 while val_loss rises 0.7023 -> 0.7338 with val_acc at chance (0.5089, 0.5098): validation is best at the first epoch and worsens while training improves",
    thread_diagnosis="the poster reports the pattern continues ('the training acc and loss do decrease, but the val_loss becomes higher'); closed as stale with no answer in the stored excerpt",
    run_settings="no dropout in the model",
    trimmed="the poster's code; epoch 3 and later (the stored excerpt ends inside the epoch 3 line)",
    text="""Train on 8529 samples, validate on 1067 samples
Epoch 1/50
8529/8529 [==============================] - 37s - loss: 0.6966 - acc: 0.5301 - val_loss: 0.7023 - val_acc: 0.5089
Epoch 2/50
8529/8529 [==============================] - 32s - loss: 0.6780 - acc: 0.5763 - val_loss: 0.7338 - val_acc: 0.5098
""")

add(name="paste2_keras_cnn_plateau_075",
    url="https://github.com/keras-team/keras/issues/10063", framework="keras",
    expected="underfitting", healthy=False,
    top3_ok=True,
    ambiguity="the loss does fall (0.5580 -> 0.5100) and accuracy rises (0.7216 -> 0.7624) and then both level off with train and validation together (val_loss 0.5043, val_acc 0.7539), which is underfitting; but the poster calls it 'not changing' and the majority-class rate is not in the log, so a reader may put loss_not_decreasing first",
    rationale="binary CNN, 8 epochs: loss 0.5580 -> 0.5260 -> 0.5175 -> 0.5166 -> 0.5141 -> 0.5119 -> 0.5090 -> 0.5100 and val_loss 0.5227 -> 0.5043 move together with no train/validation gap; acc 0.72-0.76 and val_acc 0.73-0.76 level off ('Keras CNN #1C - accuracy: 0.7538994800234126'), below ln 2 = 0.693 so something is learned, but the curve flattens within 3 epochs",
    thread_diagnosis="closed; no answer in the stored excerpt",
    trimmed="the poster's model code and the issue template after the log",
    text="""Epoch 1/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5580 - acc: 0.7216 - val_loss: 0.5227 - val_acc: 0.7386
Epoch 2/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5260 - acc: 0.7466 - val_loss: 0.5321 - val_acc: 0.7298
Epoch 3/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5175 - acc: 0.7512 - val_loss: 0.5170 - val_acc: 0.7412
Epoch 4/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5166 - acc: 0.7556 - val_loss: 0.5086 - val_acc: 0.7528
Epoch 5/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5141 - acc: 0.7562 - val_loss: 0.5017 - val_acc: 0.7572
Epoch 6/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5119 - acc: 0.7602 - val_loss: 0.5061 - val_acc: 0.7515
Epoch 7/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5090 - acc: 0.7591 - val_loss: 0.4999 - val_acc: 0.7611
Epoch 8/8
1299/1298 [==============================] - 27s 21ms/step - loss: 0.5100 - acc: 0.7624 - val_loss: 0.5043 - val_acc: 0.7539

Keras CNN #1C - accuracy: 0.7538994800234126 
""")

# ---------------------------------------------------------------- healthy
add(name="paste2_catboost_regression_first_model_healthy",
    url="https://github.com/catboost/catboost/issues/2241", framework="catboost",
    expected="healthy", healthy=True,
    rationale="CatBoost regression, iterations 0-25 of a short run: learn RMSE falls every iteration 73.4285952 -> 70.6027633 -> 65.5769226 -> 60.2066261 (6) -> 56.5655942 (9) -> 53.0029825 (14) -> 50.5708036 (19) -> 48.8762880 (24), ordinary boosting progress with no warning",
    thread_diagnosis="the thread is about a second model trained by continuing from this one ('Bad performance when continuing training'); this first model's output is the poster's reference for normal behaviour",
    trimmed="the poster's code and the second model's output; the excerpt ends inside iteration 25's line",
    text="""0:\tlearn: 73.4285952\ttotal: 714us\tremaining: 70.8ms
1:\tlearn: 70.6027633\ttotal: 1.59ms\tremaining: 78.2ms
2:\tlearn: 68.0268460\ttotal: 2.1ms\tremaining: 67.9ms
3:\tlearn: 65.5769226\ttotal: 2.6ms\tremaining: 62.4ms
4:\tlearn: 63.5019654\ttotal: 3.18ms\tremaining: 60.4ms
5:\tlearn: 61.9186632\ttotal: 3.6ms\tremaining: 56.4ms
6:\tlearn: 60.2066261\ttotal: 4.3ms\tremaining: 57.2ms
7:\tlearn: 58.7396522\ttotal: 4.85ms\tremaining: 55.8ms
8:\tlearn: 57.5092887\ttotal: 5.25ms\tremaining: 53.1ms
9:\tlearn: 56.5655942\ttotal: 5.7ms\tremaining: 51.3ms
10:\tlearn: 55.7081730\ttotal: 6.23ms\tremaining: 50.4ms
11:\tlearn: 54.9127644\ttotal: 6.67ms\tremaining: 48.9ms
12:\tlearn: 54.3176814\ttotal: 7.16ms\tremaining: 47.9ms
13:\tlearn: 53.6143124\ttotal: 7.84ms\tremaining: 48.2ms
14:\tlearn: 53.0029825\ttotal: 8.27ms\tremaining: 46.9ms
15:\tlearn: 52.4355525\ttotal: 8.6ms\tremaining: 45.2ms
16:\tlearn: 51.8605471\ttotal: 9.33ms\tremaining: 45.6ms
17:\tlearn: 51.4761703\ttotal: 9.77ms\tremaining: 44.5ms
18:\tlearn: 51.0536394\ttotal: 10.2ms\tremaining: 43.6ms
19:\tlearn: 50.5708036\ttotal: 10.6ms\tremaining: 42.3ms
20:\tlearn: 50.2777539\ttotal: 11.1ms\tremaining: 41.6ms
21:\tlearn: 49.8328919\ttotal: 11.5ms\tremaining: 40.8ms
22:\tlearn: 49.4650461\ttotal: 12ms\tremaining: 40.3ms
23:\tlearn: 49.1937997\ttotal: 12.5ms\tremaining: 39.5ms
24:\tlearn: 48.8762880\ttotal: 12.9ms\tremaining: 38.8ms
""")

add(name="paste2_pseco_state_dict_warning_healthy",
    url="https://github.com/ligang-cs/PseCo/issues/7", framework="mmdetection",
    expected="healthy", healthy=True,
    rationale="loading the caffe ResNet-50 backbone prints 'mmcv - WARNING - The model and loaded state dict do not match exactly' / 'unexpected key in source state_dict: conv1.bias'; the poster says training runs; a benign checkpoint-key warning and nothing else",
    thread_diagnosis="maintainer: 'Unexpected key conv1.bias won't affect performance, just ignore it.'",
    trimmed="the poster's question around the log",
    text="""warnings.warn(
2022-09-13 15:15:48,002 - mmcv - INFO - load model from: open-mmlab://detectron2/resnet50_caffe
2022-09-13 15:15:48,002 - mmcv - INFO - Use load_from_openmmlab loader
2022-09-13 15:15:48,052 - mmcv - WARNING - The model and loaded state dict do not match exactly

unexpected key in source state_dict: conv1.bias
""")

add(name="paste2_lightgbm_no_further_splits_healthy",
    url="https://github.com/lightgbm-org/LightGBM/issues/1224", framework="lightgbm",
    expected="healthy", healthy=True,
    rationale="only '[LightGBM] [Warning] No further splits with positive gain, best gain: -inf' repeated; the poster says 'the output is normal of the train and predict': an informational warning that a tree stopped splitting early",
    thread_diagnosis="maintainer (guolinke) points to #640, where he explains it is 'not a bug, it is a feature': the message warns that parameters (e.g. min_data_in_leaf) or the data make further splits impossible, and can be silenced with verbose",
    trimmed="the issue template and the poster's prose; the markdown backtick around '[LightGBM]' on the first line and after the last line",
    text="""[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
""")

add(name="paste2_ultralytics_yolov3_first_epochs_healthy",
    url="https://github.com/ultralytics/yolov3/issues/1211", framework="yolo",
    expected="healthy", healthy=True,
    rationale="epochs 0-7 of 299 with multi-scale training (img size changes 384-640 each epoch): mAP 0.623 at epoch 0 then 0.575-0.647, precision rising 0.409 -> 0.537, total train loss 6.25-7.26 and val losses flat (loss0 3.06 -> 2.7); a fine-tuning start during warm-up with ordinary fluctuation, no divergence or NaN",
    thread_diagnosis="maintainer (glenn-jocher): 'Everything seems fine.'",
    trimmed="the poster's questions before the table",
    text="""epoch|mem|mloss0|mloss1|mloss2|mloss3|targets|imgsize|p|r|map|mf1|loss0|loss1|loss2
-|-|-|-|-|-|-|-|-|-|-|-|-|-|-
0/299|7.17G| 3.28| 2.15|0.816| 6.25|    5|  576|0.409|0.723|0.623|0.517| 3.06|  1.4|0.773|
1/299|7.35G| 3.46| 1.92|0.969| 6.35|    5|  512| 0.49|0.709|0.647|0.572| 2.74| 1.23|  0.8|
2/299|7.19G| 3.84| 1.85| 1.33| 7.02|    5|  384|0.536|0.665|0.629|0.585|  2.7| 1.16|0.883|
3/299|7.17G| 3.85| 1.81| 1.58| 7.24|    5|  640|0.547|0.632|0.607|0.576|  2.7| 1.18|0.935|
4/299|8.67G| 3.74| 1.86| 1.61| 7.22|    5|  640|0.542|0.619|0.595|0.568|  2.7| 1.18|0.945|
5/299| 8.7G|  3.7| 1.89| 1.62| 7.21|    5|  384|0.541|0.611|0.588|0.564| 2.69| 1.19|0.956|
6/299| 8.7G| 3.68|  1.9| 1.65| 7.22|    5|  384|0.539|0.603|0.582|0.559| 2.69|  1.2|0.969|
7/299| 8.7G| 3.67| 1.92| 1.68| 7.26|    5|  384|0.537|0.595|0.575|0.555|  2.7|  1.2|0.984|
""")

add(name="paste2_ultralytics_yolov3_epoch55_healthy",
    url="https://github.com/ultralytics/yolov3/issues/1252", framework="yolo",
    expected="healthy", healthy=True,
    rationale="from-scratch training, epochs 48-55 of 299: total train loss 6.9 -> 6.82, val GIoU 2.62 -> 2.58, val obj 1.31 -> 1.29, val cls 1.33 -> 1.28 all edging down and mAP rising every epoch 0.46 -> 0.473 (F1 0.457 -> 0.463): slow, steady progress a quarter of the way through the schedule",
    thread_diagnosis="the poster asks whether this is normal and whether more epochs help; closed as stale, no answer in the stored excerpt (the numbers themselves show steady improvement)",
    trimmed="the poster's questions before the table and the images after it",
    text="""|epoch|mem|lossbox|lossobj|losscls|losstotal|targets|img_size|P|R|mAP|F1|GIoU|obj|cls|
|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|
|48/299|8.8G|3.18|1.96|1.76| 6.9|   5| 640|0.433|0.505|0.46|0.457|2.62|1.31|1.33|
|49/299|8.8G|3.17|1.99|1.75|6.91|   5| 320|0.431|0.507|0.462|0.457|2.61| 1.3|1.32|
|50/299|8.8G|3.17|1.95|1.74|6.86|   5| 512|0.43|0.51|0.464|0.458|2.61| 1.3|1.31|
|51/299|8.8G|3.17|1.97|1.75|6.89|   5| 576|0.43|0.513|0.466|0.459| 2.6| 1.3|1.31|
|52/299|8.8G|3.16|1.96|1.74|6.86|   5| 448|0.429|0.515|0.467|0.459| 2.6| 1.3| 1.3|
|53/299|8.8G|3.16|1.98|1.74|6.88|   5| 448|0.427|0.518|0.469|0.46|2.59| 1.3|1.29|
|54/299|8.8G|3.16|1.96|1.72|6.84|   5| 384|0.426|0.52|0.471|0.461|2.59| 1.3|1.29|
|55/299|8.8G|3.15|1.95|1.72|6.82|   5| 448|0.428|0.522|0.473|0.463|2.58|1.29|1.28|
""")

add(name="paste2_keras_lstm_val_is_train_set",
    url="https://github.com/keras-team/keras/issues/10998", framework="keras",
    expected="data_leakage", healthy=False,
    rationale="'Train on 1 samples, validate on 1 samples' and the validation loss is always below the training loss (0.3944/0.3891, 0.3891/0.3839, 0.3839/0.3786); more tellingly each epoch's val_loss equals the next epoch's training loss exactly (0.3891 = 0.3891, 0.3839 = 0.3839): the validation data is the training data (the poster passed validation_data=(train_X, scaled_train_y))",
    thread_diagnosis="the poster used the same set for training and validation on purpose; answer (tRosenflanz): the training loss is averaged during the epoch while validation is computed after the updates, so with identical data the validation loss comes out lower; no bug in Keras",
    run_settings="validation set deliberately identical to the training set (1 sample), LSTM(60), SGD lr 0.01 decay 1e-2 momentum 0.9, loss mae",
    trimmed="the poster's question and model code before the fit call",
    text="""Train on 1 samples, validate on 1 samples
Epoch 1/3
 - 14s - loss: 0.3944 - val_loss: 0.3891
Epoch 2/3
 - 0s - loss: 0.3891 - val_loss: 0.3839
Epoch 3/3
 - 0s - loss: 0.3839 - val_loss: 0.3786
""")

add(name="paste2_mmdet_caffe_c4_state_dict_warning_healthy",
    url="https://github.com/open-mmlab/mmdetection/issues/3255", framework="mmdetection",
    expected="healthy", healthy=True,
    rationale="the only message is 'WARNING - The model and loaded state dict do not match exactly' with unexpected keys (conv1.weight, conv1.bias, bn1.*, layer1.0.downsample.* ...) when faster_rcnn_r50_caffe_c4 loads its ImageNet backbone: a benign checkpoint-key warning, the run trains",
    thread_diagnosis="maintainer (xvjiarui): 'The warning is due to res_layer in share_heads. It is fine.'",
    argv=["./tools/dist_train.sh", "configs/faster_rcnn/my_faster-rcnn-caffe.py", "4"],
    trimmed="the list numbering '1、' before the warning and the poster's second question (memory use, with its config lines)",
    text="""WARNING - The model and loaded state dict do not match exactly

      unexpected key in source state_dict: conv1.weight, conv1.bias, bn1.bias, bn1.weight, bn1.running_mean, bn1.running_var,    layer1.0.downsample.0.weight, layer1.0.downsample.1.bias, layer1.0.downsample.1.weight, layer1.0.downsample.1.running_mean, layer1.0.downsample.1.running_var。。。
""")
