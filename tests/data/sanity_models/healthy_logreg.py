"""Healthy: logistic regression (one linear layer) on the digits-like data, plain SGD."""

import _data
import torch
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": nn.Linear(64, 10),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.SGD(params, lr=0.1),
        "task": "classification",
    }
