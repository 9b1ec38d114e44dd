# -*- coding: utf-8 -*-
# blind12/pastes2 logs, part 2.
from cases1 import add, C

add(name="paste2_ceal_keras_cifar_val_loss_stalls_train_climbs",
    url="https://github.com/dhaalves/CEAL_keras/issues/2", framework="keras",
    expected="overfitting", healthy=False,
    rationale="CEAL active learning on CIFAR-10 (10 classes; 5000 -> 6537 -> 9107 labelled samples, the same 10000 validation samples): training loss falls 2.2077 -> 0.8543 and acc rises 0.3518 -> 0.8242, while val_loss never goes below 1.7229 and swings up (1.9013 -> 1.9673 -> 2.1714 in the first round; 1.7229 -> 1.9117; 1.7284 -> 1.9160) and val_acc stays 0.39-0.55: at the end acc 0.8242 vs val_acc 0.5231, loss 0.8543 vs val_loss 1.9160",
    thread_diagnosis="open; the title says accuracy later falls to 0.100 after a few active-learning iterations, but the stored excerpt ends before that; no answer",
    run_settings="all parameters at the repository defaults (the poster)",
    trimmed="the poster's first line ('Here is my output / All parameters are set to default') and the dashed rule; the third round's 'Iteration: 1; H...' line, cut mid-line in the stored excerpt",
    text="""Train on 5000 samples, validate on 10000 samples
Epoch 1/5
 - 26s - loss: 2.2077 - acc: 0.3518 - val_loss: 2.1722 - val_acc: 0.3927
Epoch 2/5
 - 17s - loss: 1.8134 - acc: 0.4722 - val_loss: 1.9013 - val_acc: 0.4438
Epoch 3/5
 - 17s - loss: 1.6256 - acc: 0.5350 - val_loss: 1.9673 - val_acc: 0.4410
Epoch 4/5
 - 17s - loss: 1.4674 - acc: 0.6030 - val_loss: 2.1714 - val_acc: 0.4265
Epoch 5/5
 - 17s - loss: 1.3165 - acc: 0.6586 - val_loss: 1.8381 - val_acc: 0.4896
Initial Test Loss:  1.8381119068145753  Initial Test Accuracy:  0.4896
Train on 6537 samples, validate on 10000 samples
Epoch 1/5
 - 21s - loss: 1.3254 - acc: 0.6650 - val_loss: 1.9121 - val_acc: 0.5116
Epoch 2/5
 - 21s - loss: 1.1591 - acc: 0.7164 - val_loss: 1.8794 - val_acc: 0.4970
Epoch 3/5
 - 21s - loss: 1.0271 - acc: 0.7699 - val_loss: 1.7229 - val_acc: 0.5513
Epoch 4/5
 - 21s - loss: 0.9211 - acc: 0.8014 - val_loss: 1.9117 - val_acc: 0.5120
Iteration: 0; High Confidence Samples: 0; Uncertain Samples: 6000; Delta: 0.04670; Labeled Dataset Size: 6000; Accuracy: 0.51
Train on 9107 samples, validate on 10000 samples
Epoch 1/5
 - 27s - loss: 0.9665 - acc: 0.7951 - val_loss: 1.7284 - val_acc: 0.5499
Epoch 2/5
 - 27s - loss: 0.8543 - acc: 0.8242 - val_loss: 1.9160 - val_acc: 0.5231
""")

add(name="paste2_catboost_od_shrink_to_min_trees_healthy",
    url="https://github.com/catboost/catboost/issues/846", framework="catboost",
    expected="healthy", healthy=True,
    rationale="CatBoost regression with the overfitting detector (od_type Iter, od_wait 100): test RMSE falls 60.13 -> 20.66 (iteration 100) -> best 20.1699 at iteration 152 and is 20.27 at 200; the detector stops, prints bestTest = 20.16991839 / bestIteration = 152 and 'Shrink model to first 250 iterations. (min iterations for best model = 250)' as configured. Early stopping doing its job; the learn/test gap (13.19 vs 20.27) is the usual boosting gap, the test error is not rising by more than 0.5%",
    thread_diagnosis="a question about how the overfitting detector interacts with best_model_min_trees (it trains 253 trees then shrinks to 250); no training problem is reported",
    run_settings="overfitting detector on (od_type='Iter', od_wait=100, best_model_min_trees=250) with an eval_set",
    trimmed="the poster's text and code; the Markdown quote markers '> ' at the start of the log lines; the second example (best_model_min_trees=500)",
    text="""0:      learn: 67.3072378       test: 60.1268776        best: 60.1268776 (0)    total: 17.2ms   remaining: 1m 26s
100:    learn: 19.3157269       test: 20.6576048        best: 20.6576048 (100)  total: 1.35s    remaining: 1m 5s
200:    learn: 13.1851701       test: 20.2684507        best: 20.1699184 (152)  total: 2.56s    remaining: 1m 1s
bestTest = 20.16991839
bestIteration = 152
Shrink model to first 250 iterations. (min iterations for best model = 250)
""")

add(name="paste2_xgboost_long_tail_still_improving_healthy",
    url="https://github.com/dmlc/xgboost/issues/4982", framework="xgboost",
    expected="healthy", healthy=True,
    rationale="XGBoost at rounds 5728-5739 with 1000 early-stopping rounds: validation_1-rmse 128.862 -> 128.859/128.86 and validation_1-mae 70.5739 -> 70.5707, validation_0-rmse 133.798 -> 133.785: both eval sets still improve, by tiny amounts, with no divergence between them; a converging long tail, not a failure",
    thread_diagnosis="a feature request (customizable early-stopping tolerance), closed; the poster shows that with 1000 stopping rounds training goes on for thousands of rounds of tiny gains",
    run_settings="early_stopping_rounds=1000 with two eval sets",
    trimmed="the poster's text and the Markdown back-tick before the log; the round 5740 line, cut mid-line in the stored excerpt",
    text="""[5728]\tvalidation_0-mae:73.1478\tvalidation_0-rmse:133.798\tvalidation_1-mae:70.5739\tvalidation_1-rmse:128.862
[5729]\tvalidation_0-mae:73.1467\tvalidation_0-rmse:133.797\tvalidation_1-mae:70.5741\tvalidation_1-rmse:128.862
[5730]\tvalidation_0-mae:73.1463\tvalidation_0-rmse:133.796\tvalidation_1-mae:70.5739\tvalidation_1-rmse:128.862
[5731]\tvalidation_0-mae:73.1448\tvalidation_0-rmse:133.795\tvalidation_1-mae:70.5728\tvalidation_1-rmse:128.861
[5732]\tvalidation_0-mae:73.1438\tvalidation_0-rmse:133.794\tvalidation_1-mae:70.5724\tvalidation_1-rmse:128.861
[5733]\tvalidation_0-mae:73.1427\tvalidation_0-rmse:133.792\tvalidation_1-mae:70.5721\tvalidation_1-rmse:128.861
[5734]\tvalidation_0-mae:73.1422\tvalidation_0-rmse:133.792\tvalidation_1-mae:70.5719\tvalidation_1-rmse:128.861
[5735]\tvalidation_0-mae:73.1411\tvalidation_0-rmse:133.79\tvalidation_1-mae:70.572\tvalidation_1-rmse:128.861
[5736]\tvalidation_0-mae:73.1396\tvalidation_0-rmse:133.789\tvalidation_1-mae:70.5709\tvalidation_1-rmse:128.86
[5737]\tvalidation_0-mae:73.1384\tvalidation_0-rmse:133.787\tvalidation_1-mae:70.5702\tvalidation_1-rmse:128.859
[5738]\tvalidation_0-mae:73.1376\tvalidation_0-rmse:133.786\tvalidation_1-mae:70.5706\tvalidation_1-rmse:128.859
[5739]\tvalidation_0-mae:73.1365\tvalidation_0-rmse:133.785\tvalidation_1-mae:70.5707\tvalidation_1-rmse:128.86
""")

add(name="paste2_detectron2_maskrcnn_iter9600_steady_healthy",
    url="https://github.com/facebookresearch/detectron2/issues/3363", framework="detectron2",
    expected="healthy", healthy=True,
    rationale="detectron2 Mask R-CNN at iterations 9539-9639 (eta 0:18): total_loss 0.3826-0.4386 with every part small and finite (loss_cls 0.062-0.073, loss_box_reg 0.039-0.056, loss_mask 0.134-0.142, loss_rpn_cls 0.056-0.074, loss_rpn_loc 0.064-0.102), lr 0.0003, max_mem 1962M steady: a converged, ordinary training log; the poor AP the title reports is not visible in the training log",
    thread_diagnosis="labelled needs-more-info, closed; the poster's complaint is the evaluation metrics (poor AP), not the training; no cause in the stored excerpt",
    trimmed="the poster's text, the Markdown fence ('```python'), and the sixth log line (iter 9639), cut mid-line in the stored excerpt",
    text="""[08/14 10:51:58 d2.utils.events]:  eta: 0:18:57  iter: 9539  total_loss: 0.3901  loss_cls: 0.06635  loss_box_reg: 0.0471  loss_mask: 0.1398  loss_rpn_cls: 0.05655  loss_rpn_loc: 0.06351  time: 0.4575  data_time: 0.0323  lr: 0.0003  max_mem: 1962M
[08/14 10:52:08 d2.utils.events]:  eta: 0:18:47  iter: 9559  total_loss: 0.426  loss_cls: 0.07289  loss_box_reg: 0.05381  loss_mask: 0.1345  loss_rpn_cls: 0.06578  loss_rpn_loc: 0.08027  time: 0.4575  data_time: 0.0162  lr: 0.0003  max_mem: 1962M
[08/14 10:52:17 d2.utils.events]:  eta: 0:18:37  iter: 9579  total_loss: 0.4126  loss_cls: 0.06326  loss_box_reg: 0.03957  loss_mask: 0.1376  loss_rpn_cls: 0.06303  loss_rpn_loc: 0.07746  time: 0.4575  data_time: 0.0236  lr: 0.0003  max_mem: 1962M
[08/14 10:52:27 d2.utils.events]:  eta: 0:18:27  iter: 9599  total_loss: 0.4386  loss_cls: 0.06873  loss_box_reg: 0.05638  loss_mask: 0.1424  loss_rpn_cls: 0.07404  loss_rpn_loc: 0.1023  time: 0.4575  data_time: 0.0371  lr: 0.0003  max_mem: 1962M
[08/14 10:52:36 d2.utils.events]:  eta: 0:18:19  iter: 9619  total_loss: 0.4015  loss_cls: 0.06182  loss_box_reg: 0.03907  loss_mask: 0.1385  loss_rpn_cls: 0.06113  loss_rpn_loc: 0.06965  time: 0.4576  data_time: 0.0286  lr: 0.0003  max_mem: 1962M
""")

add(name="paste2_keras_bert_position_514_vs_512",
    url="https://github.com/finlay-liu/kaggle_public/issues/1", framework="keras",
    expected="shape_mismatch", healthy=False,
    rationale="keras-bert fine-tuning fails in the position-embedding add: 'InvalidArgumentError: Incompatible shapes: [8,514,768] vs. [8,512,768]' at node model_2/Embedding-Position/add: the inputs are padded to 514 tokens while BERT's position table has 512",
    thread_diagnosis="the repository author: set maxlen to 510 and it works; a commenter confirms the padding to the longest sample had produced 514",
    trimmed="nothing: the paste is the error only (the issue title is a question in Chinese, 'is this error because the model has a problem?')",
    text="""InvalidArgumentError: Incompatible shapes: [8,514,768] vs. [8,512,768]
\t [[{{node model_2/Embedding-Position/add}} = Add[T=DT_FLOAT, _class=["loc:@training/Adam/gradients/model_2/Embedding-Position/add_grad/Reshape"], _device="/job:localhost/replica:0/task:0/device:GPU:0"](model_2/Embedding-Token-Segment/add, model_2/Embedding-Position/Tile)]]
\t [[{{node metrics/acc_top2/Mean_1/_3259}} = _Recv[client_terminated=false, recv_device="/job:localhost/replica:0/task:0/device:CPU:0", send_device="/job:localhost/replica:0/task:0/device:GPU:0", send_device_incarnation=1, tensor_name="edge_21926_metrics/acc_top2/Mean_1", tensor_type=DT_FLOAT, _device="/job:localhost/replica:0/task:0/device:CPU:0"]()]]
""")

add(name="paste2_synapseml_lightgbm_container_exit_137",
    url="https://github.com/microsoft/SynapseML/issues/1124", framework="lightgbm",
    expected="out_of_memory", healthy=False,
    top3_ok=True,
    ambiguity="exit code 137 is SIGKILL with no Python or JVM memory error printed; the message also says 'Container from a bad node' and 'killed on request', which reads as a node failure (preempted_or_node_failure); the thread title calls it an OOM problem",
    rationale="LightGBM on Spark (SynapseML) at the reduce step: 'ExecutorLostFailure (executor 2 exited caused by one of the running tasks) ... Exit status: 137. Diagnostics: ... Container killed on request. Exit code is 137' and the barrier stage fails; the job trains on about 208,840,700 rows x 110 features (~150GB) per the poster; a container killed with 137 while training is the memory killer's signature",
    thread_diagnosis="title 'Lightgbm - mysterious OOM problems'; the stored excerpt holds the report only, no maintainer answer",
    trimmed="the poster's text, dataset sizes and the training code",
    text="""org.apache.spark.SparkException: Job aborted due to stage failure: Could not recover from a failed barrier ResultStage. Most recent failure reason: Stage failed because barrier task ResultTask(7, 0) finished unsuccessfully.
ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: Container from a bad node: container_1626376382032_0004_01_000002 on host: spark-ml-pipeline2-w-1.c.xxx.internal. Exit status: 137. Diagnostics: [2021-07-15 19:41:35.679]Container killed on request. Exit code is 137
[2021-07-15 19:41:35.680]Container exited with a non-zero exit code 137.
""")

add(name="paste2_lightgbm_r_train_auc_1_test_auc_045",
    url="https://github.com/lightgbm-org/LightGBM/issues/6023", framework="lightgbm",
    expected="overfitting", healthy=False,
    rationale="LightGBM R package, rounds 85-89: \"train's auc:1  test's auc:0.45\" every round, each round preceded by 'No further splits with positive gain, best gain: -inf' and 'Stopped training because there are no more leaves that meet the split requirements': the model fits the training set perfectly (AUC 1) while the test AUC is at or below chance (0.45 < 0.5) - memorisation with no generalisation; the warnings only say the trees cannot grow further on a perfectly fitted training set",
    thread_diagnosis="labelled awaiting response / question / r-package, closed; the stored excerpt holds only the pasted log, no maintainer answer",
    trimmed="the poster's text and code; the Markdown fence ('```text'); the last warning line, cut mid-line in the stored excerpt",
    text="""[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] Stopped training because there are no more leaves that meet the split requirements
[1] "[85]:  train's auc:1  test's auc:0.45"
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] Stopped training because there are no more leaves that meet the split requirements
[1] "[86]:  train's auc:1  test's auc:0.45"
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] Stopped training because there are no more leaves that meet the split requirements
[1] "[87]:  train's auc:1  test's auc:0.45"
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] Stopped training because there are no more leaves that meet the split requirements
[1] "[88]:  train's auc:1  test's auc:0.45"
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
[LightGBM] [Warning] Stopped training because there are no more leaves that meet the split requirements
[1] "[89]:  train's auc:1  test's auc:0.45"
[LightGBM] [Warning] No further splits with positive gain, best gain: -inf
""")
