"""pytorch/examples mnist/main.py, run for real: main.py is taken from a checkout (EXAMPLES_GIT: a git dir of
pytorch/examples; the commit is in VERSIONS) and run unchanged for 3 epochs. torchvision is not installed here
and MNIST cannot be downloaded, so a stand-in torchvision module gives it 1,400 training and 397 test images of
random noise with learnable labels (the label is set by the mean of the image's top half).
Labels: main.py's two print statements' format strings (read from its source) applied to the output, and the
test accuracy as correct/total."""

import json
import os
import re
import runpy
import subprocess
import sys
import types

import torch

git = os.environ["EXAMPLES_GIT"]
src = subprocess.run(["git", "--git-dir", git, "show", "HEAD:mnist/main.py"], capture_output=True, text=True, check=True).stdout
with open("main.py", "w") as f:
    f.write(src)


class _MNIST(torch.utils.data.Dataset):
    def __init__(self, root, train=True, download=False, transform=None):
        g = torch.Generator().manual_seed(0 if train else 1)
        n = 1400 if train else 397
        self.x = torch.randn(n, 1, 28, 28, generator=g)
        self.y = ((self.x[:, 0, :14].mean((1, 2)) * 40).long() % 10).clamp(0, 9)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


tv = types.ModuleType("torchvision")
tv.datasets = types.SimpleNamespace(MNIST=_MNIST)
tv.transforms = types.SimpleNamespace(
    Compose=lambda ts: None, ToTensor=lambda: None, Normalize=lambda *a: None
)
sys.modules["torchvision"] = tv
sys.argv = ["main.py", "--epochs", "3", "--log-interval", "5", "--no-accel"]
runpy.run_path("main.py", run_name="__main__")
fmts = re.findall(r"print\('(.*?)'\.format", src)
with open("labels.json", "w") as f:
    json.dump({"source": "main.py format strings", "formats": fmts}, f, indent=1)
