# Pastes cut from the search tool's issues-index excerpts (text between the poster's prose), never rewritten.
CASES = {}

CASES["crashes_rvc_gloo_reset_by_peer_after_stall"] = dict(
 url="https://github.com/RVC-Project/Retrieval-based-Voice-Conversion-WebUI/issues/1882", framework="pytorch",
 trimmed="a commenter's (Yaodada12) two code blocks, in the order posted (the error first, then the loss lines before it); cut: the issue's one-line report, the commenter's prose and the code line 'scaler.scale(loss_gen_all).backward()' they named as the failing line, and a later 'me too' comment",
 log=r"""RuntimeError: [../third_party/gloo/gloo/transport/tcp/pair.cc:589] Read error [192.168.70.92]:25266: Connection reset by peer

2024-04-10 04:59:03 | INFO | logs | Total loss at epoch 5, step at 58400, loss=31.05100440979004
2024-04-10 05:01:07 | INFO | logs | Total loss at epoch 5, step at 58600, loss=33.73411178588867
2024-04-10 05:03:10 | INFO | logs | Total loss at epoch 5, step at 58800, loss=32.79433822631836
2024-04-10 07:05:01 | INFO | logs | Total loss at epoch 5, step at 59000, loss=35.7524299621582
""")

CASES["crashes_openrlhf_gloo_closed_after_epoch"] = dict(
 url="https://github.com/hkust-nlp/simpleRL-reason/issues/17", framework="pytorch",
 trimmed="the poster's prose (6 of 8 A100s selected with CUDA_VISIBLE_DEVICES=2,...,7, the other 2 busy with other workloads; no errors until the end of epoch 1) and the <details>/<summary> markup around the second block; the stored excerpt ends mid-line inside ray/_private/client_mode_hook.py",
 log=r"""RuntimeError: [../third_party/gloo/gloo/transport/tcp/pair.cc:534] Connection closed by peer [127.0.0.1]:38032

Train epoch [1/1]: 100%|██████████| 2048/2048 [1:48:48<00:00,  3.19s/it, pg=0.0374, rm=-0.25, ret=-0.25, glen=1958.25, tlen=2062.0, kl=0, act_lr=1e-7]
Traceback (most recent call last):
  File "/tmp/ray/session_2025-01-27_12-50-47_746465_2724393/runtime_resources/working_dir_files/_ray_pkg_edf297b701eae48d/openrlhf/cli/train_ppo_ray_box.py", line 395, in <module>
    train(args)
  File "/tmp/ray/session_2025-01-27_12-50-47_746465_2724393/runtime_resources/working_dir_files/_ray_pkg_edf297b701eae48d/openrlhf/cli/train_ppo_ray_box.py", line 175, in train
    ray.get(refs)
  File "/raid/llm/miniforge3/envs/r1/lib/python3.11/site-packages/ray/_private/auto_init_hook.py", line 21, in auto_init_wrapper
    return fn(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^
  File "/raid/llm/miniforge3/envs/r1/lib/python3.11/site-packages/ray/_private/client_mode_hook.py
""")

CASES["crashes_lightning_wandb_500_errors_healthy"] = dict(
 url="https://github.com/wandb/wandb/issues/4537", framework="lightning",
 trimmed="the issue template and the poster's code (WandbLogger + Trainer.fit) before the log, the Environment section after it (wandb 0.13.3, torch 1.12.1+cu102); the paste is the poster's whole error block",
 log=r"""Epoch 0:   1%|▋                                                                                | 44/4943 [00:11<21:31,  3.79it/s, loss=7.11, v_num=z34s]
wandb: ERROR Error while calling W&B API: internal database error (<Response [500]>)
Epoch 0:   1%|▉                                                                                | 60/4943 [00:14<20:16,  4.01it/s, loss=6.37, v_num=z34s]
wandb: ERROR Error while calling W&B API: internal database error (<Response [500]>)
Epoch 0:   2%|█▎                                                                               | 83/4943 [00:19<18:58,  4.27it/s, loss=6.26, v_num=z34s]
wandb: ERROR Error while calling W&B API: internal database error (<Response [500]>)
""")
