"""The loader yields (inputs, targets, weights) triples."""

import _tiny
import torch


def build():
    x, y = _tiny.data()
    out = _tiny.good()
    out["train_loader"] = [(x[i : i + 16], y[i : i + 16], torch.ones(16)) for i in range(0, 64, 16)]
    return out
