#!/bin/bash
# Regenerates every run case, one at a time (2 shared cores).
cd "$(dirname "$0")"
P=/work/fw-i13/venv/bin/python
$P run_case.py run_conv_flatten_32px -- python torch_conv_flatten_32px.py
$P run_case.py run_embedding_float_ids -- python torch_embedding_float_ids.py
$P run_case.py run_zero_grad_after_backward -- python torch_zero_grad_after_backward.py
$P run_case.py run_huge_vocab_linear -- python torch_huge_vocab_linear.py
$P run_case.py run_ddp_uneven_batches -- /work/fw-i13/venv/bin/torchrun --nproc_per_node=2 torch_ddp_uneven_batches.py
$P run_case.py run_lit_overfit_small_data -- python lit_mlp_small_data_overfit.py
$P run_case.py run_xgb_stumps_interaction -- python xgb_stumps_interaction.py
$P run_case.py run_keras_sgd_unscaled -- python keras_sgd_unscaled_regression.py
$P run_case.py run_resume_missing_ckpt -- python torch_resume_missing_ckpt.py --resume runs/exp3/checkpoint_last.pt --lr 5e-4
$P run_case.py run_dataset_corrupt_record -- python torch_dataset_corrupt_record.py
$P run_case.py run_skip_bad_batch_healthy -- python torch_skip_bad_batch_healthy.py
$P run_case.py run_xgb_early_stopping_healthy -- python xgb_early_stopping_healthy.py
$P run_case.py run_lit_cnn_time_limit --timeout 40 --reason "time limit 40 s (timeout -s TERM 40)" -- python lit_cnn_slow_epochs.py
