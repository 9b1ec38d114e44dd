"""Healthy: an MLP with BatchNorm and moderate dropout (0.3); checks must respect train vs eval mode."""

import _data
import torch
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val, drop_last=True)
    model = nn.Sequential(
        nn.Linear(64, 128, bias=False),
        nn.BatchNorm1d(128),
        nn.ReLU(),
        nn.Dropout(0.3),
        nn.Linear(128, 64, bias=False),
        nn.BatchNorm1d(64),
        nn.ReLU(),
        nn.Dropout(0.3),
        nn.Linear(64, 10),
    )
    return {
        "model": model,
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-2),
        "num_classes": 10,
    }
