# -*- coding: utf-8 -*-
from cases2 import add, C

add(name="paste2_keras_alexnet_flowers_val_loss_3_to_4_overfit",
    url="https://github.com/the-deep-learners/deep-learning-illustrated/issues/15", framework="keras",
    expected="overfitting", healthy=False,
    rationale="the book's Keras AlexNet notebook on 1224 training images, epochs 76-85 of 100: training loss 0.10-0.26 with acc 0.93-0.97 while val_loss is 3.18-4.69 (12-30x the training loss) and val_acc only 0.56-0.70; epoch 80 shows val_loss 4.6910 with val_acc 0.5588; the gap between training and validation is the whole story of the excerpt",
    thread_diagnosis="open; the stored excerpt holds only the poster's log, no answer",
    trimmed="the poster's text before the log; the stored excerpt starts at epoch 76 and ends inside the epoch-85 line ('val_loss: 3.4')",
    text="""Epoch 76/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.2306 - acc: 0.9428 - val_loss: 3.3835 - val_acc: 0.6691
Epoch 77/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.2370 - acc: 0.9412 - val_loss: 3.3218 - val_acc: 0.6985
Epoch 78/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.2234 - acc: 0.9428 - val_loss: 3.1847 - val_acc: 0.6691
Epoch 79/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.2291 - acc: 0.9420 - val_loss: 4.4569 - val_acc: 0.6250
Epoch 80/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.5044 - acc: 0.9036 - val_loss: 4.6910 - val_acc: 0.5588
Epoch 81/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.2572 - acc: 0.9338 - val_loss: 3.9741 - val_acc: 0.6103
Epoch 82/100
1224/1224 [==============================] - 32s 26ms/sample - loss: 0.2419 - acc: 0.9412 - val_loss: 3.5022 - val_acc: 0.6250
Epoch 83/100
1224/1224 [==============================] - 31s 25ms/sample - loss: 0.1991 - acc: 0.9469 - val_loss: 3.2057 - val_acc: 0.6618
Epoch 84/100
1224/1224 [==============================] - 30s 24ms/sample - loss: 0.1001 - acc: 0.9706 - val_loss: 3.3824 - val_acc: 0.6912
Epoch 85/100
1224/1224 [==============================] - 29s 24ms/sample - loss: 0.1351 - acc: 0.9681 - val_loss: 3.4
""")

add(name="paste2_mmdet3_keyerror_in_dataloader_worker_first_batch",
    url="https://github.com/open-mmlab/mmdetection/issues/10427", framework="mmdetection",
    expected="dataloader_worker_crash", healthy=False,
    rationale="mmdetection 3.x (mmengine runner) fails on the very first batch: 'KeyError: Caught KeyError in DataLoader worker process 0.' re-raised in the main process from loops.py run_epoch -> dataloader __next__, with the worker's 'Original Traceback' starting in worker.py _worker_loop -> fetcher.fetch(index); no iteration is logged. The thread title names the missing key: KeyError: 'img_prefix' (a dataset/pipeline config key)",
    thread_diagnosis="open; the stored excerpt holds only the traceback (title KeyError: 'img_prefix'); no maintainer answer stored",
    trimmed="nothing before the traceback; the stored excerpt ends inside the worker's original traceback ('fetch.py\",'), before the dataset frame and the final KeyError line",
    text="""Traceback (most recent call last):
  File "D:\\deeplearning\\mmdetection_main\\tools\\train.py", line 136, in <module>
    main()
  File "D:\\deeplearning\\mmdetection_main\\tools\\train.py", line 132, in main
    runner.train()
  File "D:\\anaconda3\\lib\\site-packages\\mmengine\\runner\\runner.py", line 1721, in train
    model = self.train_loop.run()  # type: ignore
  File "D:\\anaconda3\\lib\\site-packages\\mmengine\\runner\\loops.py", line 96, in run
    self.run_epoch()
  File "D:\\anaconda3\\lib\\site-packages\\mmengine\\runner\\loops.py", line 111, in run_epoch
    for idx, data_batch in enumerate(self.dataloader):
  File "D:\\anaconda3\\lib\\site-packages\\torch\\utils\\data\\dataloader.py", line 633, in __next__
    data = self._next_data()
  File "D:\\anaconda3\\lib\\site-packages\\torch\\utils\\data\\dataloader.py", line 1345, in _next_data
    return self._process_data(data)
  File "D:\\anaconda3\\lib\\site-packages\\torch\\utils\\data\\dataloader.py", line 1371, in _process_data
    data.reraise()
  File "D:\\anaconda3\\lib\\site-packages\\torch\\_utils.py", line 644, in reraise
    raise exception
KeyError: Caught KeyError in DataLoader worker process 0.
Original Traceback (most recent call last):
  File "D:\\anaconda3\\lib\\site-packages\\torch\\utils\\data\\_utils\\worker.py", line 308, in _worker_loop
    data = fetcher.fetch(index)
  File "D:\\anaconda3\\lib\\site-packages\\torch\\utils\\data\\_utils\\fetch.py",
""")

add(name="paste2_lightgbm_cuda_custom_objective_segfault_before_first_iter",
    url="https://github.com/lightgbm-org/LightGBM/issues/6300", framework="lightgbm",
    expected="process_crash", healthy=False,
    rationale="lightgbm 4.3.0 CUDA build with a custom objective on 35,322,835 rows: the dataset is built (Total Bins 2438, 48 features), the objective is set up, and the process dies with 'Segmentation fault (core dumped)' before any iteration; no Python exception, no out-of-memory message (the poster's GPU has 12 GB for 6 GB of data); the warnings before it (sparse features not supported with CUDA, categorical bins above max_bin) are informational",
    thread_diagnosis="open; the stored excerpt holds no maintainer answer",
    trimmed="the poster's sentences and the parameter block after the log; each line is kept as stored, with the poster's inline-code backticks",
    text="""`[LightGBM] [Warning] Categorical features with more bins than the configured maximum bin number found.`
`[LightGBM] [Warning] For categorical features, max_bin and max_bin_by_feature may be ignored with a large number of categories.`
`[LightGBM] [Warning] Using sparse features with CUDA is currently not supported.`
`[LightGBM] [Warning] Using customized objective with cuda. This requires copying gradients from CPU to GPU, which can be slow.`
`[LightGBM] [Info] Using self-defined objective function`
`[LightGBM] [Info] Total Bins 2438`
`[LightGBM] [Info] Number of data points in the train set: 35322835, number of used features: 48`
`[LightGBM] [Warning] Using customized objective with cuda. This requires copying gradients from CPU to GPU, which can be slow.`
`[LightGBM] [Info] Using self-defined objective function`
`Segmentation fault (core dumped)`
""")

add(name="paste2_xgboost_yarn_workers_killed_physical_memory",
    url="https://github.com/dmlc/xgboost/issues/1681", framework="xgboost",
    argv=["../dmlc-core/tracker/dmlc-submit", "--cluster", "yarn", "--num-workers", "100", "--num-servers", "10",
          "--worker-memory", "20g", "--server-memory", "20g", "--queue", "${my_queue}", "--ship-libcxx",
          "/opt/gcc-4.8.2/lib64/", "../xgboost", "train.conf"],
    expected="out_of_memory", healthy=False,
    rationale="distributed XGBoost on YARN over ~800 GB of libsvm training data: 'Diagnostics., num_tasks100, finished=20, failed=80' and '[DMLC] Task 26 killed because of exceeding allocated physical memory' - 80 of 100 workers were killed by YARN for exceeding their 20g container memory (host RAM, not GPU)",
    thread_diagnosis="the poster asks how to tune memory parameters; no answer in the stored excerpt",
    trimmed="the poster's prose, the submit command (kept as argv) and train.conf listing",
    text="""INFO dmlc.ApplicationMaster: Diagnostics., num_tasks100, finished=20, failed=80
[DMLC] Task 26 killed because of exceeding allocated physical memory
""")

add(name="paste2_xgboost_33g_regression_std_bad_alloc",
    url="https://github.com/dmlc/xgboost/issues/108", framework="xgboost",
    expected="out_of_memory", healthy=False,
    rationale="XGBoost on a 33 GB training file (31M instances, 124 features) aborts with 'terminate called after throwing an instance of 'std::bad_alloc'  what():  std::bad_alloc' - the C++ allocator could not get host memory for the data/histograms",
    thread_diagnosis="maintainer points to the distributed (YARN) version for data that does not fit one machine's memory",
    trimmed="the poster's description of the data before the two error lines",
    text="""terminate called after throwing an instance of 'std::bad_alloc'
  what():  std::bad_alloc
""")
