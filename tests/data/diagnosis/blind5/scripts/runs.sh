#!/bin/bash
# The commands that made cases/ (run from scripts/, one at a time, in this order; python is /work/fw-i13/venv).
# run_case.py NAME [--wrap ...] [--reason ...] -- argv   writes cases/NAME/{stdout.log,stderr.log,meta.json}.
# Afterwards meta.json of run_torch_tiles_worker_cache, run_lit_tabular_spot_reclaimed, run_keras_digits_ckpt_volume
# and run_wlm_default_data_path was edited by hand only in argv/wrap/script/reason (the command as a user types it,
# the wrapper in words, the script path); the logs were not touched.
set -x
R="python3 run_case.py"
$R run_hf_bert_vocab_256 -- python hf_vocab_tokens.py --vocab-size 256
$R run_hf_bow_augmented_split -- python hf_reviews_bow.py
rm -rf /tmp/b5_hf_topic; $R run_hf_topic_early_stopping -- python hf_topic_bow.py --early-stop
rm -rf /tmp/b5_hf_topic; $R run_hf_topic_report_tensorboard -- python hf_topic_bow.py --report-to tensorboard
$R run_lit_sensor_view_batch -- python lit_sensor_windows.py
$R run_keras_digits_trainable_false -- python keras_digits_mlp.py --freeze-all
mkdir -p /tmp/b5_small && mount -t tmpfs -o size=3m tmpfs /tmp/b5_small
$R run_keras_digits_ckpt_volume -- python keras_digits_mlp.py --ckpt /tmp/b5_small/ckpt --epochs 8
umount /tmp/b5_small
$R --wrap "timeout -s TERM 15" --time-limit 15 --reason "time limit of 15 s reached: SIGTERM from timeout" run_keras_digits_walltime -- python keras_digits_mlp.py --epochs 300
$R run_lit_deep_mlp_sgd_momentum -- python lit_deep_mlp.py --lr 0.04 --log-every 2
rm -rf /tmp/b5_lit_ckpt; $R run_lit_tabular_adam_lr1 -- python lit_tabular_reg.py --lr 1.0 --epochs 3 --log-every 4
rm -rf /tmp/b5_lit_ckpt; $R run_lit_tabular_csv_gap -- python lit_tabular_reg.py --csv-gap --epochs 3
rm -rf /tmp/b5_lit_ckpt; $R --reason "the node was reclaimed by the preemptible queue: SIGTERM from the job wrapper after 14 s" run_lit_tabular_spot_reclaimed -- bash preemptible_queue.sh 14 python lit_tabular_reg.py --epochs 40 --sleep 0.01
$R --wrap "prlimit --as=4000000000" run_hf_gpt2_eval_logits -- python hf_tiny_gpt2_lm.py
$R run_torch_audio_cnn_half -- python train_audio_cnn.py --half
$R run_torch_tree_rnn_deep_parse -- python train_tree_rnn.py
pip install lightgbm   # 4.7.0, into /work/fw-i13/venv
$R run_lgbm_churn_leaves255 -- python lgbm_churn.py --num-leaves 255 --min-data-in-leaf 2 --lr 0.1
$R run_lgbm_churn_early_stop -- python lgbm_churn.py --num-leaves 7 --n-train 5000 --early-stopping 40 --rounds 1000
$R run_xgb_fraud_feature_list -- python xgb_fraud_features.py
mkdir -p /sys/fs/cgroup/memory/b5job && echo $((1500*1024*1024)) > /sys/fs/cgroup/memory/b5job/memory.limit_in_bytes
$R run_torch_tiles_worker_cache -- bash in_cgroup.sh b5job python train_tiles_loader.py
rmdir /sys/fs/cgroup/memory/b5job
$R run_ddp_bn_rank0_validation -- python ddp_bn_train.py
rm -rf /tmp/b5_lit_ckpt; $R run_lit_tabular_default -- python lit_tabular_reg.py --epochs 8
$R run_hf_topic_tracker_down -- python hf_topic_tracker.py
$R run_keras_xor_two_plateaus -- python keras_xor_small_init.py --epochs 60 --lr 0.1
$R run_lit_deep_mlp_sgd_default -- python lit_deep_mlp.py --epochs 4
rm -rf /tmp/b5_hf_topic_run2; mkdir -p /tmp/b5_hf_topic_run2
$R run_hf_topic_resume_empty_dir -- python hf_topic_bow.py --resume --output-dir /tmp/b5_hf_topic_run2
$R run_wlm_default_data_path -- python wlm/main.py --epochs 6 --save /tmp/b5_wlm.pt
