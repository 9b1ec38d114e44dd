#!/bin/bash
# How every case in ../cases was made (one at a time, CPU only, from /work/fw-i13/venv; run_case.py puts the venv
# first on PATH, sets OMP_NUM_THREADS=1 and writes cases/<name>/stdout.log, stderr.log, meta.json).
# Run as root from this folder: the disk-full case mounts a 2 MB tmpfs and the OOM case uses a memory cgroup (v1).
set -x
R="/work/fw-i13/venv/bin/python run_case.py"
# --- transformers (HF Trainer)
$R run_hf_gpt2_grammar_healthy --script scripts/train_lm.py -- python train_lm.py --n-train 3000 --epochs 4 --warmup-steps 60 --logging-steps 25
$R run_hf_gpt2_memorises_40_sentences --script scripts/train_lm.py -- python train_lm.py --n-train 40 --epochs 150 --n-embd 128 --n-layer 4 --dropout 0.0 --batch-size 8 --logging-steps 50
$R run_hf_gpt2_sgd_lr2_no_clip --script scripts/train_lm.py -- python train_lm.py --n-train 1000 --epochs 1 --optim sgd --lr 2 --max-grad-norm 0 --logging-steps 3
$R run_hf_report_to_tensorboard --script scripts/train_lm.py -- python train_lm.py --report-to tensorboard   # tensorboard not installed
$R run_hf_bert_tracker_unreachable_healthy --script scripts/train_clf.py -- python train_clf.py --tracker-url http://127.0.0.1:8765/log   # nothing listens there
$R run_hf_bert_labels_from_one --script scripts/train_clf.py -- python train_clf.py --label-base 1
$R run_hf_bert_time_limit --script scripts/train_clf.py --reason "time limit 25 s (timeout -s TERM 25)" --ended-by time_limit --time-limit 25 -- timeout -s TERM 25 python train_clf.py --n-train 20000 --epochs 10
# --- Lightning
$R run_lit_early_stopping_healthy --script scripts/lit_tabular.py -- python lit_tabular.py --patience 4 --max-epochs 60 --n-train 4000 --hidden 128 --lr 1e-3
mkdir -p /mnt/b6ckpt && mount -t tmpfs -o size=2m tmpfs /mnt/b6ckpt
$R run_lit_checkpoints_fill_volume --script scripts/lit_tabular.py -- python lit_tabular.py --max-epochs 30 --hidden 128 --ckpt-dir /mnt/b6ckpt/mlp_run3
umount /mnt/b6ckpt
$R run_lit_preempted_sigterm --script scripts/lit_tabular.py --argv '["python","lit_tabular.py","--max-epochs","300","--n-train","20000","--hidden","32"]' --reason "PREEMPTED: the scheduler sent SIGTERM to the job to make room for a higher-priority job (scripts/preempt.sh after 14 s)" --ended-by preempted -- ./preempt.sh 14 python lit_tabular.py --max-epochs 300 --n-train 20000 --hidden 32
/work/fw-i13/venv/bin/python make_images.py data/shapes
cp -r data/shapes data/shapes_sync && head -c 150 data/shapes/train/1/00304.png > data/shapes_sync/train/1/00304.png   # a copy cut short
$R run_lit_cnn_truncated_png_worker --script scripts/lit_images.py -- python lit_images.py --data data/shapes_sync --max-epochs 6
$R run_lit_cnn_uint8_pixels --script scripts/lit_images.py -- python lit_images.py --normalize none
$R run_lit_cnn_slow_start_healthy --script scripts/lit_images.py -- python lit_images.py --max-epochs 10
$R run_lit_relu_rnn_sgd_diverges --script scripts/lit_seq.py -- python lit_seq.py --cell rnn_relu --optimizer sgd --lr 0.3 --seq-len 100 --max-epochs 2 --print-every 1
$R run_lit_lstm_channels_10_vs_8 --script scripts/lit_seq.py -- python lit_seq.py --channels 10 --input-size 8
# --- Keras 3 (torch backend)
$R run_keras_linear_spiral --script scripts/keras_spiral.py -- python keras_spiral.py --model linear --epochs 25
$R run_keras_warmup_spike_healthy --script scripts/keras_spiral.py -- python keras_spiral.py --model mlp --epochs 20 --warmup 4 --lr 0.08
$R run_keras_freeze_backbone --script scripts/keras_spiral.py -- python keras_spiral.py --model mlp --epochs 10 --freeze
$R run_keras_handwritten_bce --script scripts/keras_spiral.py -- python keras_spiral.py --model mlp --loss handwritten --noise 0 --epochs 12 --lr 0.003 --hidden 64
# --- LightGBM, XGBoost, scikit-learn
$R run_lgb_oversample_before_split --script scripts/lgb_churn.py -- python lgb_churn.py --oversample 5 --num-leaves 63 --min-data-in-leaf 1
$R run_lgb_255_leaves_min_data_1 --script scripts/lgb_churn.py -- python lgb_churn.py --num-leaves 255 --min-data-in-leaf 1 --learning-rate 0.1
$R run_xgb_multiclass_healthy --script scripts/xgb_train.py -- python xgb_train.py --rounds 300
$R run_sk_mlp_digits_early_stop_healthy --script scripts/sk_digits.py -- python sk_digits.py
$R run_sk_mlp_digits_2_hidden_units --script scripts/sk_digits.py -- python sk_digits.py --hidden 2 --lr 0.01 --max-iter 400
# --- plain torch / torch.distributed
$R run_ddp_rank0_eval_gloo_timeout --script scripts/ddp_train.py -- torchrun --nproc_per_node 2 ddp_train.py --pg-timeout 10 --val-size 100000
mkdir -p /sys/fs/cgroup/memory/b6job && echo 1G > /sys/fs/cgroup/memory/b6job/memory.limit_in_bytes
$R run_autoencoder_batch256_cgroup_killed --script scripts/train_autoencoder.py --argv '["bash","run.sh"]' -- bash run.sh   # meta reason then set to null
rmdir /sys/fs/cgroup/memory/b6job
/work/fw-i13/venv/bin/python train_windows.py > /dev/null 2>&1   # first run exports the shards to /tmp/b6_sensor_shards (it crashes too)
$R run_strided_windows_sigsegv --script scripts/train_windows.py -- python train_windows.py
# --- pytorch/examples word_language_model (wlm/main.py, data.py, model.py copied unmodified from /work/fw-i13/src/examples)
/work/fw-i13/venv/bin/python wlm_make_corpus.py wlm/data/chat_v2 --valid copy-of-train --n-train 600
/work/fw-i13/venv/bin/python wlm_make_corpus.py wlm/data/chat_v3 --valid fresh --n-train 600
$R run_wlm_valid_copied_from_train --cwd wlm --script scripts/wlm/main.py -- python main.py --data ./data/chat_v2 --emsize 128 --nhid 256 --nlayers 1 --dropout 0 --epochs 30 --log-interval 3 --use-optimizer --lr 0.003 --save model.pt
$R run_wlm_small_corpus_no_dropout --cwd wlm --script scripts/wlm/main.py -- python main.py --data ./data/chat_v3 --emsize 128 --nhid 256 --nlayers 1 --dropout 0 --epochs 30 --log-interval 3 --use-optimizer --lr 0.003 --save model.pt
