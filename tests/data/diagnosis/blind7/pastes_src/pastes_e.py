CASES = [
dict(
name="paste_embedseg_loss_tensor_96_vs_0",
url="https://github.com/juglab/EmbedSeg/issues/31",
framework="pytorch (EmbedSeg 2d training notebook)",
expected="shape_mismatch",
rationale="begin_training -> SpatialEmbLoss.forward: 'spatial_emb = torch.tanh(prediction[b, 0:2]) + xym_s' raises 'RuntimeError: The size of tensor a (96) must match the size of tensor b (0) at non-singleton dimension 2': the prediction and the coordinate map have different spatial sizes",
thread_diagnosis="none in the stored excerpt (open, labelled bug)",
trimmed="the poster's sentence before the traceback and the question after it",
log=r"""
RuntimeError                              Traceback (most recent call last)
/Users/.../EmbedSeg/examples/2d/dsb-2018/02-train.ipynb Cell 36 line 1
----> 1 begin_training(train_dataset_dict, val_dataset_dict, model_dict, loss_dict, configs, color_map=new_cmap)

File .../EmbedSeg/criterions/my_loss.py:41, in SpatialEmbLoss.forward(self, prediction, instances, labels, center_images, w_inst, w_var, w_seed, iou, iou_meter)
     37 loss = 0
     39 for b in range(0, batch_size):
---> 41     spatial_emb = torch.tanh(prediction[b, 0:2]) + xym_s  # 2 x h x w #TODO
     42     sigma = prediction[b, 2:2 + self.n_sigma]  # n_sigma x h x w
     43     seed_map = torch.sigmoid(prediction[b, 2 + self.n_sigma:2 + self.n_sigma + 1])  # 1 x h x w

RuntimeError: The size of tensor a (96) must match the size of tensor b (0) at non-singleton dimension 2
""",
),
dict(
name="paste_apex_stale_sync_scale_stuck_below_1e-2",
url="https://github.com/NVIDIA/apex/issues/1135",
framework="pytorch + apex amp (custom stale-synchronous training)",
expected="amp_loss_scale_collapse",
rationale="'Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to ...' on line after line with the scale between 0.0078125 and 0.00048828125 (far below 1): nearly every step overflows and is skipped, the scale never recovers",
thread_diagnosis="the poster's stale-synchronization scheme with apex.amp; no fix in the stored excerpt",
trimmed="the poster's question and code before the log and the rest of the overflow lines (cut by the excerpt); fence",
log=r"""
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.00390625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0078125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.00390625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.001953125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.001953125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.001953125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.00390625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.001953125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.00048828125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.00048828125
Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0009765625
""",
),
dict(
name="paste_keras_binary_acc_pinned_0_5_loss_7_97",
url="https://github.com/keras-team/keras/issues/13006",
framework="keras (tensorflow backend)",
expected="loss_not_decreasing",
rationale="from epoch 2 on every epoch is identical: 'loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000' (epoch 1: 7.9406 / 0.5006): the loss is frozen at an exact constant far above ln 2 and accuracy is exactly chance for two classes (the outputs saturated); no growth over the run",
thread_diagnosis="poster: about half of the runs end like this (title: accuracy always converges to 0.5); no cause stated in the stored excerpt",
trimmed="the poster's text before the output; the first line's leading '1' is cut by the excerpt ('00/100'); the last epoch line is cut",
log=r"""
00/100 [==============================] - 11s 115ms/step - loss: 7.9406 - acc: 0.5006 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 2/10
100/100 [==============================] - 11s 111ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 3/10
100/100 [==============================] - 11s 110ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 4/10
100/100 [==============================] - 11s 111ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 5/10
100/100 [==============================] - 11s 110ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 6/10
100/100 [==============================] - 11s 109ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 7/10
100/100 [==============================] - 11s 110ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 8/10
100/100 [==============================] - 11s 109ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
Epoch 9/10
100/100 [==============================] - 11s 106ms/step - loss: 7.9712 - acc: 0.5000 - val_loss: 7.9712 - val_acc: 0.5000
""",
),
]
