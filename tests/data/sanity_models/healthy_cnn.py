"""Healthy: a small CNN (conv, BatchNorm, ReLU, pooling) on the digits-like data as 1x8x8 images."""

import _data
import torch
from torch import nn


def build():
    (tx, ty), (vx, vy) = _data.digits()
    train_loader, val_loader = _data.loaders((tx.view(-1, 1, 8, 8), ty), (vx.view(-1, 1, 8, 8), vy))
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1, bias=False),
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.Conv2d(16, 32, 3, padding=1, bias=False),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(2),
        nn.Flatten(),
        nn.Linear(128, 10),
    )
    return {
        "model": model,
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
        "num_classes": 10,
    }
