"""pytorch/examples word_language_model/main.py, run for real: main.py, data.py and model.py are taken from a
checkout (EXAMPLES_GIT; the commit is in VERSIONS) and run unchanged on a small random corpus made here (the
Wikitext-2 download is not possible), a 1-layer LSTM for 2 epochs on CPU.
Labels: main.py's three print format strings (read from its source) applied to the output; the step of a
batch line is (epoch - 1) * batches per epoch + batch, and the validation line sits at the end of its epoch."""

import json
import os
import re
import runpy
import subprocess
import sys

import numpy as np

git = os.environ["EXAMPLES_GIT"]
for name in ("main.py", "data.py", "model.py"):
    with open(name, "w") as f:
        f.write(subprocess.run(["git", "--git-dir", git, "show", f"HEAD:word_language_model/{name}"], capture_output=True, text=True, check=True).stdout)
rng = np.random.default_rng(0)
words = [f"w{i}" for i in range(60)]
os.makedirs("data", exist_ok=True)
for split, n in (("train", 400), ("valid", 60), ("test", 60)):
    with open(f"data/{split}.txt", "w") as f:
        for _ in range(n):
            start = int(rng.integers(60))
            f.write(" ".join(words[(start + k) % 60] for k in range(int(rng.integers(5, 12)))) + "\n")
sys.path.insert(0, os.getcwd())
sys.argv = ["main.py", "--data", "data", "--epochs", "2", "--emsize", "32", "--nhid", "32", "--nlayers", "1",
            "--bptt", "12", "--batch_size", "10", "--log-interval", "10", "--lr", "5", "--save", "model.pt"]
runpy.run_path("main.py", run_name="__main__")
src = open("main.py").read()
with open("labels.json", "w") as f:
    json.dump({"source": "main.py format strings", "formats": re.findall(r"print\('(\| .*?)'", src)}, f, indent=1)
