CASES = [
dict(
name="paste_lvc_detectron2_box_reg_nan_iter_1029",
url="https://github.com/prannaykaul/lvc/issues/20",
framework="detectron2 (LVC few-shot detection, cascade)",
expected="nan_or_inf_loss",
rationale="train_loop._detect_anomaly raises 'FloatingPointError: Loss became infinite or NaN at iteration=1029!' with loss_box_reg_stage0, stage1 and stage2 all tensor(nan): the loss itself became NaN a thousand iterations in, on the poster's own dataset",
thread_diagnosis="none in the stored excerpt (open)",
trimmed="the poster's closing sentences after loss_dict",
log=r"""
File "xx/lvc/detectron2/engine/train_loop.py", line 254, in _detect_anomaly
    raise FloatingPointError(
FloatingPointError: Loss became infinite or NaN at iteration=1029!
loss_dict = {'loss_box_reg_stage0': tensor(nan, device='cuda:0', grad_fn=<MeanBackward0>), 'loss_box_reg_stage1': tensor(nan, device='cuda:0', grad_fn=<MeanBackward0>), 'loss_box_reg_stage2': tensor(nan, device='cuda:0', grad_fn=<MeanBackward0>), 'data_time': 0.007915766909718513}
""",
),
dict(
name="paste_yolov5_gtx1650_all_losses_nan_epoch0",
url="https://github.com/ultralytics/yolov5/issues/3840",
framework="pytorch (YOLOv5, GTX 1650, torch 1.9.0)",
expected="nan_or_inf_loss",
rationale="results.txt row for epoch 0/299: box, obj, cls and total loss all 'nan', P/R/mAP 0 and val losses nan: the loss is NaN from the first epoch on default settings (coco128, batch size 1)",
thread_diagnosis="poster: solved after upgrading Python 3.7 -> 3.8 for torch 1.9.0; other GTX 16xx users report the same NaN (a known GTX 16xx half-precision problem in YOLOv5)",
trimmed="the poster's description around the row (GPU, CUDA and torch versions, the Caffe2 thread-pool warning) and the later comments",
log=r"""
     0/299    0.489G       nan       nan       nan       nan        10       640         0         0         0         0       nan       nan       nan
""",
),
]
