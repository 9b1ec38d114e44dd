"""Healthy: binary classification with one logit per sample and BCEWithLogitsLoss (float 0/1 targets)."""

import _data
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def build():
    train, val = _data.binary()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": Net(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.BCEWithLogitsLoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
        "task": "classification",
    }
