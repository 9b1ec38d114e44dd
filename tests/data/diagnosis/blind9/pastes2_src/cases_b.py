from cases_a import add, CASES

add(name="paste2_keras_speech_shapes_4_vs_10",
    url="https://github.com/MiteshPuthran/Speech-Emotion-Analyzer/issues/52", framework="keras/tensorflow",
    argv=[],
    trimmed="the poster's prose ('In the model training part, line:', 'I am getting the following error:', the request for help); the backticks around the two lines",
    stdout="""cnnhistory=model.fit(x_traincnn, y_train, batch_size=16, epochs=700, validation_data=(x_testcnn, y_test))
ValueError: Shapes (None, 4) and (None, 10) are incompatible
""",
    expected="shape_mismatch",
    rationale="model.fit raises 'ValueError: Shapes (None, 4) and (None, 10) are incompatible': the one-hot targets have 4 classes while the model's last Dense layer has 10 outputs (the notebook's 10-emotion head).",
    thread_diagnosis="The poster wrote 'Sorry I found the problem and fixed it' without details; the error names the 4-vs-10 class mismatch between labels and output layer.",
    run_settings="batch_size=16, epochs=700, categorical labels.")

add(name="paste2_keras_audio_shapes_10_vs_2",
    url="https://github.com/selfteaching/How-To-Ask-Questions-The-Smart-Way/issues/47", framework="keras/tensorflow",
    argv=[],
    trimmed="the '**Error note**' heading and the 'required python code' section (the training cell's source, not output)",
    stdout=""" raise ValueError("Shapes %s and %s are incompatible" % (self, other))

ValueError: Shapes (None, 10) and (None, 2) are incompatible
""",
    expected="shape_mismatch",
    rationale="Training an audio classifier with model.fit fails at once with 'ValueError: Shapes (None, 10) and (None, 2) are incompatible': the labels are 10-class one-hot while the model ends in 2 outputs (or the reverse).",
    thread_diagnosis="No answer in the thread (posted to an unrelated repository); the error itself names the label/output width mismatch.",
    run_settings="num_epochs=200, batch size 32, ModelCheckpoint callback.")

add(name="paste2_paddle_cross_entropy_double",
    url="https://github.com/PaddlePaddle/Paddle/issues/26735", framework="paddle",
    argv=[],
    trimmed="the '报错信息：' heading and the '关键代码：' (key code) section",
    stdout="""InvalidArgumentError: Tensor holds the wrong type, it holds double, but desires to be float.
  [Hint: Expected valid == true, but received valid:0 != true:1.] at (/paddle/paddle/fluid/framework/tensor_impl.h:33)
  [operator < cross_entropy > error]
""",
    expected="dtype_or_device_mismatch",
    rationale="Paddle's cross_entropy operator fails with 'Tensor holds the wrong type, it holds double, but desires to be float.': float64 data reaches an op declared float32.",
    thread_diagnosis="A maintainer pointed out that real_tags is declared dtype float32 but the data fed is double (float64 numpy); the poster confirmed casting the numpy input to float32.",
    run_settings="fluid.layers.cross_entropy with soft_label=True on a sigmoid output.")

add(name="paste2_keras_fit_mul_float_double",
    url="https://github.com/sophchoe/Hybrid-Quantum-Classical-MNIST-Classfication-Model/issues/2", framework="keras/tensorflow",
    argv=[],
    trimmed="the poster's greeting and request above 'Epoch 1/40', the Colab link markup kept as pasted; the later quoting comment",
    stdout="""Epoch 1/40
---------------------------------------------------------------------------
InvalidArgumentError                      Traceback (most recent call last)
[<ipython-input-39-443ffd88227b>](https://localhost:8080/#) in <module>
      7 model.compile(opt, loss = 'MSE', metrics = ['accuracy'])
      8 
----> 9 history = model.fit(X_train, 
     10                     y_train,
     11                     epochs = 40,

1 frames
[/usr/local/lib/python3.8/dist-packages/tensorflow/python/framework/ops.py](https://localhost:8080/#) in raise_from_not_ok_status(e, name)
   7162 def raise_from_not_ok_status(e, name):
   7163   e.message += (" name: " + name if name is not None else "")
-> 7164   raise core._status_to_exception(e) from None  # pylint: disable=protected-access
   7165 
   7166 

InvalidArgumentError: cannot compute Mul as input #1(zero-based) was expected to be a float tensor but is a double tensor [Op:Mul]
""",
    expected="dtype_or_device_mismatch",
    rationale="The first step of model.fit fails with 'InvalidArgumentError: cannot compute Mul as input #1(zero-based) was expected to be a float tensor but is a double tensor [Op:Mul]': float64 inputs (numpy default) meet float32 weights in the hybrid quantum-classical model.",
    thread_diagnosis="No maintainer answer in the stored excerpt; a later user reports the same error. The message names the float32/float64 mismatch.",
    run_settings="loss='MSE', 40 epochs.")

add(name="paste2_tf2_rpn_mul_double_float",
    url="https://github.com/YunYang1994/TensorFlow2.0-Examples/issues/49", framework="tensorflow",
    argv=[],
    trimmed="the poster's closing sentence in Chinese ('在训练时出现了这个错误，麻烦大神看一下': this error appeared during training, please take a look)",
    stdout="""Traceback (most recent call last):
  File "/home/z840/PycharmProjects/TensorFlow2.0-Examples/4-Object_Detection/RPN/train.py", line 136, in <module>
    score_loss, boxes_loss = compute_loss(target_scores, target_bboxes, target_masks, pred_scores, pred_bboxes)
  File "/home/z840/PycharmProjects/TensorFlow2.0-Examples/4-Object_Detection/RPN/train.py", line 110, in compute_loss
    boxes_loss = 0.5 * tf.pow(boxes_loss, 2) * tf.cast(boxes_loss<1, tf.float32) + (boxes_loss - 0.5) * tf.cast(boxes_loss >=1, tf.float32)
  File "/home/z840/anaconda3/envs/tf2.0/lib/python3.6/site-packages/tensorflow/python/ops/math_ops.py", line 884, in binary_op_wrapper
    return func(x, y, name=name)
  File "/home/z840/anaconda3/envs/tf2.0/lib/python3.6/site-packages/tensorflow/python/ops/math_ops.py", line 1180, in _mul_dispatch
    return gen_math_ops.mul(x, y, name=name)
  File "/home/z840/anaconda3/envs/tf2.0/lib/python3.6/site-packages/tensorflow/python/ops/gen_math_ops.py", line 6487, in mul
    _six.raise_from(_core._status_to_exception(e.code, message), None)
  File "<string>", line 3, in raise_from
tensorflow.python.framework.errors_impl.InvalidArgumentError: cannot compute Mul as input #1(zero-based) was expected to be a double tensor but is a float tensor [Op:Mul] name: mul/
""",
    expected="dtype_or_device_mismatch",
    rationale="In the RPN smooth-L1 loss, 'tf.pow(boxes_loss, 2) * tf.cast(boxes_loss<1, tf.float32)' fails with 'cannot compute Mul as input #1(zero-based) was expected to be a double tensor but is a float tensor [Op:Mul]': boxes_loss is float64 (targets built in numpy float64) and is multiplied by a float32 cast.",
    thread_diagnosis="Closed; no answer in the stored excerpt. The traceback and message name the float64 x float32 multiply in compute_loss.",
    run_settings="TF 2.0 eager custom training loop (train.py).")

add(name="paste2_overlock_mmcv_ext_missing",
    url="https://github.com/LMMMEng/OverLoCK/issues/41", framework="pytorch/mmdetection",
    argv=[],
    trimmed="the poster's Chinese prose (install attempts: pip uninstall mmcv mmcv-full; pip install mmcv-full==1.7.2 --no-cache-dir; two links) and the pip list after the error (it shows mmcv-full 1.7.2, mmdet 2.28.2)",
    stdout="""  File "/usr/lib/python3.8/importlib/__init__.py", line 127, in import_module       
    return _bootstrap._gcd_import(name[level:], package, level)
ModuleNotFoundError: No module named 'mmcv._ext'
""",
    expected="missing_file_or_module",
    rationale="The training script dies at import with 'ModuleNotFoundError: No module named 'mmcv._ext'': the compiled CUDA/C++ ops of mmcv-full 1.7.2 are not in the installed package (a build without ops, or one built for another torch/CUDA).",
    thread_diagnosis="Closed; the poster had reinstalled mmcv-full==1.7.2 several times and still hit it. The usual cause in mmcv threads is a wheel that does not match the local torch/CUDA, so the _ext extension was never built; install the mmcv-full wheel built for the exact torch and CUDA version.",
    run_settings="mmcv-full 1.7.2, mmdet 2.28.2, Python 3.8.")

add(name="paste2_semv2_table_file_missing",
    url="https://github.com/ZZR8066/SEMv2/issues/8", framework="pytorch/mmcv",
    argv=[],
    trimmed="the first post (the original mmcv._ext question on an M1 Mac) and the commenter's sentence 'For me upgrading mmcv-full to 1.7.2 worked: pip install mmcv-full -U However now I get this error:'",
    stdout="""FileNotFoundError: [Errno 2] No such file or directory: '/work1/cv1/jszhang6/TSR/dataprocess/process_tal/output/train/table_v2.lrc'
""",
    expected="missing_file_or_module",
    rationale="After mmcv imports fine, runner/train.py stops with 'FileNotFoundError: [Errno 2] No such file or directory: '/work1/cv1/jszhang6/TSR/dataprocess/process_tal/output/train/table_v2.lrc'': the config still points at the authors' absolute data path.",
    thread_diagnosis="The commenter got past 'No module named mmcv._ext' by upgrading mmcv-full to 1.7.2, then hit this missing data file: the dataset path in the config is the authors' machine's path and must be changed to the local preprocessed data.",
    run_settings="runner/train.py with the repository's default config.")

add(name="paste2_uoais_nan_at_iter0",
    url="https://github.com/gist-ailab/uoais/issues/16", framework="pytorch/detectron2",
    argv=[],
    trimmed="the poster's sentence 'The loss_occ_cls of the first iteration is 0' above the log, and the rest of the loss_dict after the stored excerpt's end (it stops at 'loss_cls': 157.09)",
    stdout="""[11/15 02:06:37 adet.trainer]: Starting training from iteration 0
Traceback (most recent call last):
  File "train_net.py", line 303, in <module>
    args=(args,),
  File "/root/anaconda3/envs/uoais/lib/python3.7/site-packages/detectron2/engine/launch.py", line 82, in launch
    main_func(*args)
  File "train_net.py", line 286, in main
    return trainer.train()
  File "train_net.py", line 83, in train
    self.train_loop(self.start_iter, self.max_iter)
  File "train_net.py", line 73, in train_loop
    self.run_step()
  File "/root/anaconda3/envs/uoais/lib/python3.7/site-packages/detectron2/engine/defaults.py", line 494, in run_step
    self._trainer.run_step()
  File "/root/anaconda3/envs/uoais/lib/python3.7/site-packages/detectron2/engine/train_loop.py", line 287, in run_step
    self._write_metrics(loss_dict, data_time)
  File "/root/anaconda3/envs/uoais/lib/python3.7/site-packages/detectron2/engine/train_loop.py", line 302, in _write_metrics
    SimpleTrainer.write_metrics(loss_dict, data_time, prefix)
  File "/root/anaconda3/envs/uoais/lib/python3.7/site-packages/detectron2/engine/train_loop.py", line 339, in write_metrics
    f"Loss became infinite or NaN at iteration={storage.iter}!\\n"
FloatingPointError: Loss became infinite or NaN at iteration=0!
loss_dict = {'loss_cls': 157.09
""",
    expected="nan_or_inf_loss",
    rationale="detectron2's anomaly check raises 'FloatingPointError: Loss became infinite or NaN at iteration=0!' on the very first step, with loss_cls already 157.09: a non-finite term at iteration 0, before any update (the poster notes loss_occ_cls of the first iteration is 0, i.e. a degenerate target for the occlusion head), not a divergence over steps.",
    thread_diagnosis="Open; no answer in the stored excerpt. The poster points at loss_occ_cls being 0 at the first iteration (empty occlusion targets in their data).",
    run_settings="UOAIS (AdelaiDet/detectron2) train_net.py from scratch on the poster's data.")

add(name="paste2_d2_retinanet_default_lr_nan",
    url="https://github.com/facebookresearch/detectron2/issues/3367", framework="pytorch/detectron2",
    argv=["./train_net.py", "--config-file", "../configs/COCO-Detection/retinanet_R_50_FPN_1x.yaml", "--num-gpus", "1", "SOLVER.IMS_PER_BATCH", "2", "OUTPUT_DIR", "BaseOutputDefaultLR"],
    trimmed="the poster's prose and questions, and the first command (SOLVER.BASE_LR 0.0025), which trained to the end; the backticks",
    stdout="""./train_net.py --config-file ../configs/COCO-Detection/retinanet_R_50_FPN_1x.yaml --num-gpus 1 SOLVER.IMS_PER_BATCH 2 OUTPUT_DIR BaseOutputDefaultLR
FloatingPointError: Loss became infinite or NaN at iteration=3666!
loss_dict = {'loss_cls': nan, 'loss_box_reg': inf}
""",
    expected="nan_or_inf_loss",
    rationale="RetinaNet on one GPU with SOLVER.IMS_PER_BATCH 2 but the config's default BASE_LR (set for 16 images per batch) breaks with 'FloatingPointError: Loss became infinite or NaN at iteration=3666!' and loss_dict {'loss_cls': nan, 'loss_box_reg': inf}; the poster's run with SOLVER.BASE_LR 0.0025 (linearly scaled) finished. The learning rate is too high for the batch: the loss became NaN/Inf.",
    thread_diagnosis="The poster's own comparison settles it: BASE_LR 0.0025 trains to the end, the default LR with batch 2 diverges to NaN/Inf at iteration 3666 (learning rate not scaled down with the batch size). No maintainer reply in the excerpt.",
    run_settings="1 GPU, SOLVER.IMS_PER_BATCH 2, default BASE_LR of retinanet_R_50_FPN_1x (0.01), warm-up on.")
