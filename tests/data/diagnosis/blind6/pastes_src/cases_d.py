from cases_a import add

add(name="paste_bert_sentiment_val_loss_rises_to_epoch29",
    url="https://github.com/munikarmanish/bert-sentiment/issues/1",
    framework="pytorch + transformers (BERT SST-5 sentiment)", expected="overfitting", healthy=False,
    log="""2019-11-22 15:36:56.690 | INFO     | bert_sentiment.train:train:86  - epoch=1
2019-11-22 13:27:47.669 | INFO     | bert_sentiment.train:train:88 - train_loss=0.0481, val_loss=0.0378, test_loss=0.0370
2019-11-22 13:27:47.669 | INFO     | bert_sentiment.train:train:91 - train_acc=0.299, val_acc=0.494, test_acc=0.504

.....

2019-11-22 15:36:56.690 | INFO     | bert_sentiment.train:train:86 - epoch=29
2019-11-22 15:36:56.690 | INFO     | bert_sentiment.train:train:88 - train_loss=0.0010, val_loss=0.0916, test_loss=0.0854
2019-11-22 15:36:56.690 | INFO     | bert_sentiment.train:train:91 - train_acc=0.991, val_acc=0.500, test_acc=0.533
2019-11-22 15:36:56.690 | SUCCESS  | bert_sentiment.train:train:98 - Done!
""",
    trimmed="the poster's prose around the code block (overfitting with binary=False; cannot improve on val and test); the '.....' elision is the poster's own",
    rationale="epoch 1: train_loss 0.0481, val_loss 0.0378; epoch 29: train_loss 0.0010 (48x lower), train_acc 0.991, while val_loss rose to 0.0916 (2.4x its epoch-1 value) and val_acc stays 0.494 -> 0.500: the model memorises the training set and validation gets worse",
    thread_diagnosis="maintainer: never ran the full 30 epochs, best results came in 5-10 epochs, no early stopping is implemented (i.e. train past the best validation point)")

add(name="paste_tf2_yolov3_warmup_lr_rising_nan",
    url="https://github.com/YunYang1994/TensorFlow2.0-Examples/issues/8",
    framework="tensorflow 2 (YOLOv3)", expected="nan_or_inf_loss", healthy=False,
    log="""=> STEP  748   lr: 0.000598   giou_loss: 2.10   conf_loss: 6.18   prob_loss: 0.03   total_loss: 8.31
=> STEP  749   lr: 0.000599   giou_loss: 2.54   conf_loss: 6.51   prob_loss: 0.02   total_loss: 9.07
=> STEP  750   lr: 0.000600   giou_loss:  nan   conf_loss: 10.89   prob_loss: 0.06   total_loss:  nan
=> STEP  751   lr: 0.000601   giou_loss:  nan   conf_loss:  nan   prob_loss:  nan   total_loss:  nan
=> STEP  752   lr: 0.000602   giou_loss:  nan   conf_loss:  nan   prob_loss:  nan   total_loss:  nan
""",
    trimmed="nothing from the paste (the issue title is 'total_loss: nan?')",
    rationale="steps 748-749: total_loss 8.31, 9.07 while lr climbs 0.000598 -> 0.000599 -> 0.000600; at step 750 giou_loss becomes nan and from 751 every loss is nan: the loss breaks to NaN as the learning rate keeps rising",
    thread_diagnosis="maintainer: the NaN comes from the learning rate rising all the time, lower it; poster: with 1250 steps per epoch and 10 warm-up epochs, warmup_steps = 12500, so lr was still climbing (settled: lr too high from an over-long warm-up ramp)")

add(name="paste_wav2letter_loss_inf_epoch84",
    url="https://github.com/flashlight/wav2letter/issues/220",
    framework="flashlight / wav2letter (C++)", expected="nan_or_inf_loss", healthy=False,
    log="""epoch:       82 | lr: 0.100000 | lrcriterion: 0.000000 | runtime: 00:04:26 | bch(ms): 37.37 | smp(ms): 0.21 | fwd(ms): 29.35 | crit-fwd(ms): 26.63 | bwd(ms): 6.37 | optim(ms): 0.81 | loss:    0.78993 | train-TER:  2.19 | data/dev-clean-TER: 18.55 | avg-isz: 1267 | avg-tsz: 213 | max-tsz: 400 | hrs:  100.47 | thrpt(sec/sec): 1356.32
epoch:       83 | lr: 0.100000 | lrcriterion: 0.000000 | runtime: 00:04:25 | bch(ms): 37.25 | smp(ms): 0.22 | fwd(ms): 29.20 | crit-fwd(ms): 26.49 | bwd(ms): 6.38 | optim(ms): 0.81 | loss:    0.87373 | train-TER:  2.31 | data/dev-clean-TER: 18.87 | avg-isz: 1267 | avg-tsz: 213 | max-tsz: 400 | hrs:  100.47 | thrpt(sec/sec): 1360.96
epoch:       84 | lr: 0.100000 | lrcriterion: 0.000000 | runtime: 00:04:02 | bch(ms): 33.93 | smp(ms): 0.21 | fwd(ms): 25.96 | crit-fwd(ms): 23.24 | bwd(ms): 6.38 | optim(ms): 0.82 | loss:        inf | train-TER: 52.35 | data/dev-clean-TER: 70.78 | avg-isz: 1267 | avg-tsz: 213 | max-tsz: 400 | hrs:  100.47 | thrpt(sec/sec): 1494.12
epoch:       85 | lr: 0.100000 | lrcriterion: 0.000000 | runtime: 00:04:07 | bch(ms): 34.69""",
    trimmed="the poster's description above the log (tutorial demo on train-clean-100, one Titan Xp, loss exploded after epoch 84); the stored excerpt ends inside the epoch-85 line",
    rationale="epochs 82-83: loss 0.78993, 0.87373, train-TER 2.19-2.31 at lr 0.100000; epoch 84: loss inf, train-TER 52.35, dev-clean-TER 70.78: the loss becomes Inf and the model is ruined",
    thread_diagnosis="closed; no diagnosis in the stored excerpt (in wav2letter issue #154 a maintainer attributes the same kind of divergence to a too-high learning rate and suggests gradient clipping)")

add(name="paste_yolact_moving_average_nan_inf",
    url="https://github.com/dbolya/yolact/issues/318",
    framework="pytorch (YOLACT)", expected="nan_or_inf_loss", healthy=False,
    log="""Warning: Moving average ignored a value of nan
Warning: Moving average ignored a value of inf
Warning: Moving average ignored a value of nan
Warning: Moving average ignored a value of inf
Warning: Moving average ignored a value of nan
""",
    trimmed="the stored excerpt starts inside the paste (title: 'Training inf and nan'); the lines before it are not in the excerpt",
    rationale="the training loop repeatedly reports loss values of nan and inf ('Moving average ignored a value of nan' / 'of inf')",
    thread_diagnosis="maintainer: the explosion happened close to the end of learning-rate warm-up; the lr is multiplied by 12 for the large batch size, so reduce the batch size or raise warmup_until well above 1000")

add(name="paste_mcan_vqa_val_in_train_split",
    url="https://github.com/MILVLG/mcan-vqa/issues/15",
    framework="pytorch (MCAN VQA)", expected="data_leakage", healthy=False,
    log="""I train the model, details as follow: model='small', train_split='train+val', 13 epoches. 
The val acc is overall=84.18, yes/no=97.67, num=71.03, other=77.39.
Is it overfitting on the val dataset? 
I tried to add dropout rate to 0.5, it works(val: overall=72.31), 
but the test score is overall=66.95 (the same implements).
""",
    trimmed="the greeting 'Hi, i have one question.' and the closing question ('What should i do for this problem? Thank you!'); the poster reports the run's numbers in prose, there is no raw log",
    rationale="trained with train_split='train+val', then evaluated on val: val overall=84.18 (yes/no 97.67) against test overall=66.95 for the same setup, a 17-point gap: the validation split is inside the training set",
    thread_diagnosis="maintainer: 'You are using train+val split for training, which means the val split is augmented in the training set ... If you want to evaluate the performance on val split, you should use train_split=train'; poster: 'it's my fault' (settled)",
    run_settings="model='small', 13 epochs; tried dropout 0.5")

add(name="paste_cbio_pbs_job_preempted_node_failure",
    url="https://github.com/cBio/cbio-cluster/issues/187",
    framework="PBS/Torque GPU cluster job", expected="preempted_or_node_failure", healthy=False,
    reason="job preempted (node failure)",
    log="""PBS Job Id: 2600365.mskcc-fe1.local
Job Name:   STDIN
Exec host:  gpu-2-17/5
job deleted
Job deleted at request of root@mskcc-fe1.local
job preempted (node failure)
""",
    trimmed="the poster's line above the block ('Alerting you here in case your automated system isn't working properly...'); the issue title is 'gpu-2-17 failure'",
    rationale="the scheduler's notice for a job on GPU node gpu-2-17: 'Job deleted at request of root@mskcc-fe1.local', 'job preempted (node failure)': nothing in the job failed, the node did",
    thread_diagnosis="closed; reported to the cluster admins as a failure of node gpu-2-17")

add(name="paste_sbert_v3_trainer_log_healthy",
    url="https://github.com/huggingface/sentence-transformers/pull/2449",
    framework="sentence-transformers v3 / transformers Trainer", expected="healthy", healthy=True,
    log="""{'loss': 1.6531, 'learning_rate': 1.3934426229508198e-05, 'epoch': 0.38}
{'loss': 1.5554, 'learning_rate': 1.377049180327869e-05, 'epoch': 0.38}
{'loss': 1.5953, 'learning_rate': 1.3606557377049181e-05, 'epoch': 0.39}
{'loss': 1.5773, 'learning_rate': 1.3442622950819673e-05, 'epoch': 0.4}
{'loss': 1.6088, 'learning_rate': 1.3278688524590165e-05, 'epoch': 0.4}
{'loss': 1.5461, 'learning_rate': 1.3114754098360655e-05, 'epoch': 0.41}
{'loss': 1.5302, 'learning_rate': 1.295081967213115e-05, 'epoch': 0.42}
{'loss': 1.5672, 'learning_rate': 1.2786885245901642e-05, 'epoch': 0.43}
{'loss': 1.6247, 'learning_rate': 1.2622950819672132e-05, 'epoch': 0.43}
{'loss': 1.5126, 'learning_rate': 1.2459016393442624e-05, 'epoch': 0.44}
{'eval_loss': 1.2490781545639038, 'eval_pearson_cosine': 0.870816510562672, 'eval_spearman_cosine': 0.8698181457609595, 'eval_pearson_manhattan': 0.8731910157842028, 'eval_spearman_manhattan': 0.8710026643709499, 'eval_pearson_euclidean': 0.871917505757735, 'eval_spearman_euclidean': 0.869882668937103, 'eval_pearson_dot': 0.8508325237400651, 'eval_spearman_dot': 0.8432895740961073, 'eval_pearson_max': 0.8731910157842028, 'eval_spearman_max': 0.8710026643709499, 'eval_runtime': 49.1914, 'eval_samples_per_second': 119.431, 'eval_steps_per_second': 0.061, 'epoch': 0.44}
{'loss': 1.5141, 'learning_""",
    trimmed="the stored excerpt starts inside the maintainer's pasted training output in the PR description and ends inside the next loss line",
    rationale="the library maintainer's demonstration run of the new trainer: loss 1.51-1.65 drifting down at a decaying lr (1.39e-05 -> 1.25e-05), eval_loss 1.249 below the training loss and eval_spearman_cosine 0.870: a normal fine-tuning run (eval below train is the usual dropout/running-average effect at this size of gap)",
    thread_diagnosis="pull request by the maintainer showing the refactored trainer's logging on a real run; nothing wrong reported")

add(name="paste_modal_llm_finetune_deprecation_pr_healthy",
    url="https://github.com/modal-labs/llm-finetuning/pull/82",
    framework="axolotl / transformers Trainer on Modal (LLM LoRA fine-tuning)", expected="healthy", healthy=True,
    log="""{'loss': 0.0923, 'grad_norm': 2.383980345174379, 'learning_rate': 9.659320146057262e-05, 'epoch': 0.38}
{'loss': 0.0981, 'grad_norm': 2.0199484401564374, 'learning_rate': 9.60561826557425e-05, 'epoch': 0.4}
{'loss': 0.0879, 'grad_norm': 1.8279883501331209, 'learning_rate': 9.548159976772592e-05, 'epoch': 0.42}
{'loss': 0.0962, 'grad_norm': 2.103906981071679, 'learning_rate': 9.486992143456792e-05, 'epoch': 0.43}
{'loss': 0.0832, 'grad_norm': 2.2033871606840623, 'learning_rate': 9.422164654989072e-05, 'epoch': 0.45}
{'loss': 0.0875, 'grad_norm': 2.0279166877466186, 'learning_rate': 9.353730385598887e-05, 'epoch': 0.47}
{'loss': 0.0781, 'grad_norm': 2.3443314141978884, 'learning_rate': 9.281745151257946e-05, 'epoch': 0.48}
{'loss': 0.0787, 'grad_norm': 10.746351508635772, 'learning_rate': 9.206267664155907e-05, 'epoch': 0.5}
{'loss': 0.1008, 'grad_norm': 7.212365770700587, 'learning_rate': 9.12735948481387e-05, 'epoch': 0.52}
{'loss': 0.087, 'grad_norm': 14.958441912749135, 'learning_rate': 9.045084971874738e-05, 'epoch': 0.53}
{'loss': 0.0938, 'grad_norm': 6.688664607990031, 'learning_rate': 8.959511229611376e-05, 'epoch': 0.55}
{'loss': 0.1106, 'grad_norm': 3.9138025429871117, 'learning_rate': 8.870708053195413e-05, 'epoch': 0.57}
{'loss': 0.0756, 'grad_norm': 3.056258619540342, 'learning_rate': 8.778747871771292e-05, 'epoch': 0.58}
{'loss': 0.09""",
    trimmed="the stored excerpt starts inside the PR author's pasted run output (PR title: 'fix: deprecation warnings') and ends inside a loss line",
    rationale="epoch 0.38-0.58 of a LoRA fine-tune: loss 0.076-0.111, flat-to-falling, lr decaying 9.66e-05 -> 8.78e-05; grad_norm mostly 1.8-3.9 with a few spikes (10.75, 14.96) that do not move the loss: a normal run shown in a PR that only removes deprecation warnings",
    thread_diagnosis="merged PR fixing deprecation warnings; the run output is shown as working")

add(name="paste_rmdl_acc_0_1_constant_loss",
    url="https://github.com/kk7nc/RMDL/issues/12",
    framework="keras (RMDL random multimodel deep learning)", expected="loss_not_decreasing", healthy=False,
    log="""......
Epoch 00277: val_acc did not improve from 0.10000
Epoch 278/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00278: val_acc did not improve from 0.10000
Epoch 279/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00279: val_acc did not improve from 0.10000
Epoch 280/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00280: val_acc did not improve from 0.10000
Epoch 281/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00281: val_acc did not improve from 0.10000
Epoch 282/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00282: val_acc did not improve from 0.10000
Epoch 283/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00283: val_acc did not improve from 0.10000
Epoch 284/300
 - 80s - loss: 14.5063 - acc: 0.1000 - val_loss: 14.5063 - val_acc: 0.1000

Epoch 00284: val_acc did not improve from 0.10000
Epoch 285/300
 - 81s - los""",
    trimmed="the poster's question and the quoted hyperparameter block above the '......' (batch_size = 100, sparse_categorical = 0, n_epochs = [200, 200, 300], Random_Deep = [2, 2, 3]); the stored excerpt ends inside the epoch-285 line",
    rationale="epochs 278-284 of 300: loss 14.5063 and val_loss 14.5063 to four decimals, acc 0.1000 and val_acc 0.1000 ('did not improve from 0.10000'), i.e. chance for 10 classes: an exact constant loss (the clipped cross-entropy of a collapsed model that outputs one class); nothing is learned",
    thread_diagnosis="closed; no diagnosis in the stored excerpt",
    run_settings="batch_size 100; ModelCheckpoint on val_acc")
