#!/bin/bash
# Runs every case of this folder, one at a time (2 shared cores), with the fw-i13 venv:
#   bash scripts/runs.sh     (writes ../cases/run_*/)
# Script names are neutral on purpose: the command (argv) is part of what diagnose_failure reads.
cd "$(dirname "$0")"
mkdir -p work
PY=/work/fw-i13/venv/bin/python
while read -r name script; do
  [ -z "$name" ] && continue
  $PY run_case.py "$name" "$script"
done <<'LIST'
run_relu_rnn_sgd_nan train_rnn_sum.py
run_log_softmax_overflow_nan train_mlp_custom_ce.py
run_load_ckpt_other_width finetune_from_pretrained.py
run_keras_missing_npz keras_train_regressor.py
run_worker_segfault train_image_loader.py
run_wrong_params_optimizer train_mlp_reset.py
run_store_never_joins ddp_train_rank0.py
run_lit_healthy_caught_oserror lit_train_records.py
run_hf_tiny_bert_healthy_warmup hf_tiny_bert_token7.py
run_xgb_healthy_noisy_eval xgb_regression_sin.py
run_linear_unscaled_sgd_explode train_sensor_regression.py
run_weight_decay_underfit train_mlp_10class.py
run_numpy_preload_oom train_preload_images.py
run_keras_onehot_vs_sparse keras_train_5class.py
run_onehot_int32_labels train_label_smoothing.py
run_sgdr_restarts_healthy train_sgdr_6class.py
run_hf_tiny_bert_overfit hf_tiny_bert_count_tokens.py
run_hf_bert_truncated_underfit hf_tiny_bert_first_tokens.py
LIST
