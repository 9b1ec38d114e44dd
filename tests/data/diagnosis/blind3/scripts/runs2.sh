#!/bin/bash
# Second batch of runs (healthy), one at a time.
cd "$(dirname "$0")"
P=/work/fw-i13/venv/bin/python
$P run_case.py run_warmup_plateau_then_drop -- python torch_warmup_plateau_then_drop.py
$P run_case.py run_amp_fp16_scaler_settles -- python torch_amp_fp16_scaler_settles.py
$P run_case.py run_lit_healthy_warnings_noisy_val -- python lit_healthy_warnings_noisy_val.py
$P run_case.py run_keras_healthy_callbacks -- python keras_healthy_lr_schedule_callbacks.py
