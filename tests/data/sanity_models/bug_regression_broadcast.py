"""Planted bug: the regressor returns (N, 1) while the targets are (N,): MSELoss broadcasts to (N, N) and trains
every output towards the batch mean. -> shapes"""

import _data
import torch
from torch import nn


def build():
    train, val = _data.regression()
    train_loader, val_loader = _data.loaders(train, val)
    model = nn.Sequential(nn.Linear(8, 64), nn.Tanh(), nn.Linear(64, 1))
    return {
        "model": model,
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.MSELoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=1e-3),
        "task": "regression",
    }
