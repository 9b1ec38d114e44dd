"""timm's own train.py (pytorch-image-models), run for real: train.py is taken from a checkout (TIMM_GIT: a git
dir of huggingface/pytorch-image-models; the commit is in VERSIONS) with the installed timm package, training a
randomly initialised resnet10t for 2 epochs on CPU on a tiny ImageFolder of random 32x32 images made here.
Labels: each printed line by train.py's own format strings (Train and Test lines, read from its source), with
the global step epoch * updates_per_epoch + update_idx for training lines and the step at the end of the epoch
for evaluation lines; summary.csv (timm's own per-epoch record) is kept beside them."""

import json
import os
import runpy
import subprocess
import sys

import numpy as np
from PIL import Image

git = os.environ["TIMM_GIT"]
with open("train.py", "w") as f:
    f.write(subprocess.run(["git", "--git-dir", git, "show", "HEAD:train.py"], capture_output=True, text=True, check=True).stdout)
rng = np.random.default_rng(0)
for split, n in (("train", 48), ("validation", 16)):
    for cls in ("a", "b"):
        os.makedirs(f"data/{split}/{cls}", exist_ok=True)
        for i in range(n):
            base = 60 if cls == "a" else 190
            img = np.clip(rng.normal(base, 40, size=(32, 32, 3)), 0, 255).astype("uint8")
            Image.fromarray(img).save(f"data/{split}/{cls}/{i}.png")
sys.argv = [
    "train.py", "--data-dir", "data", "--train-split", "train", "--val-split", "validation", "--model", "resnet10t",
    "--num-classes", "2", "--img-size", "32", "--epochs", "2", "-b", "16", "--log-interval", "2", "--workers", "0",
    "--no-prefetcher", "--device", "cpu", "--output", "out", "--experiment", "toy", "--lr", "0.01",
    "--warmup-epochs", "0", "--seed", "0",
]
try:
    runpy.run_path("train.py", run_name="__main__")
finally:
    with open("labels.json", "w") as f:
        json.dump({"source": "train.py format strings; summary.csv", "updates_per_epoch": 6}, f, indent=1)
