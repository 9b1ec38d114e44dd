"""nanoGPT's own train.py, run for real: its train.py, model.py and configurator.py are taken from a checkout
(NANOGPT_GIT: a git dir of karpathy/nanoGPT; the commit is in VERSIONS), trained on CPU from scratch with a tiny
config file (as config/train_shakespeare_char.py is used) on random tokens. Nothing is downloaded.
Labels: the per-iteration lines by train.py's own format string (read from its source), and the evaluation
values from the wandb.log calls train.py makes (a stand-in wandb module records them, full precision)."""

import json
import os
import pickle
import re
import runpy
import subprocess
import sys

import numpy as np

git = os.environ["NANOGPT_GIT"]
for name in ("train.py", "model.py", "configurator.py"):
    with open(name, "w") as f:
        f.write(subprocess.run(["git", "--git-dir", git, "show", f"HEAD:{name}"], capture_output=True, text=True, check=True).stdout)
os.makedirs("data/toy", exist_ok=True)
os.makedirs("config", exist_ok=True)
rng = np.random.default_rng(0)
# a learnable stream: each token mostly follows from the previous one
tokens = [0]
for _ in range(20000):
    tokens.append((tokens[-1] * 5 + 1) % 32 if rng.random() < 0.8 else int(rng.integers(32)))
data = np.array(tokens, dtype=np.uint16)
data[:18000].tofile("data/toy/train.bin")
data[18000:].tofile("data/toy/val.bin")
with open("data/toy/meta.pkl", "wb") as f:
    pickle.dump({"vocab_size": 32}, f)
with open("config/train_toy.py", "w") as f:
    f.write("""# train a miniature character-level model on a toy stream
out_dir = 'out-toy'
eval_interval = 50 # evaluate every 50 iterations
eval_iters = 10
log_interval = 10 # don't print too too often
always_save_checkpoint = False
wandb_log = True
wandb_project = 'toy'
wandb_run_name = 'mini-gpt'
dataset = 'toy'
gradient_accumulation_steps = 1
batch_size = 8
block_size = 32
n_layer = 2
n_head = 2
n_embd = 32
dropout = 0.0
learning_rate = 1e-3 # with baby networks can afford to go a bit higher
max_iters = 200
lr_decay_iters = 200 # make equal to max_iters usually
min_lr = 1e-4 # learning_rate / 10 usually
beta2 = 0.99
warmup_iters = 10
""")
logged = []


class _Wandb:  # stands in for wandb: records what train.py logs
    @staticmethod
    def init(**kw):
        pass

    @staticmethod
    def log(d):
        logged.append({k: float(v) for k, v in d.items()})


sys.modules["wandb"] = _Wandb
sys.argv = ["train.py", "config/train_toy.py", "--device=cpu", "--compile=False", "--dtype=float32"]
sys.path.insert(0, os.getcwd())
runpy.run_path("train.py", run_name="__main__")
sys.stdout.flush()
src = open("train.py").read()
fmt = re.search(r'print\(f"(iter \{iter_num\}: loss .*?)"\)', src).group(1)
with open("labels.json", "w") as f:
    json.dump({"source": "wandb.log calls + train.py's per-iteration format string", "wandb": logged, "iter_format": fmt}, f, indent=1)
