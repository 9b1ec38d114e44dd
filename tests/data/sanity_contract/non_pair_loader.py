"""The loader yields (inputs, targets, weights) triples."""
import torch

import _tiny


def build():
    x, y = _tiny.data()
    out = _tiny.good()
    out["train_loader"] = [(x[i:i + 16], y[i:i + 16], torch.ones(16)) for i in range(0, 64, 16)]
    return out
