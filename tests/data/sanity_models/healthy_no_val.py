"""Healthy: no val_loader and no optimizer given (the checks hold out training batches and use their default)."""

import _data
from torch import nn


def build():
    train, _ = _data.digits()
    train_loader, _ = _data.loaders(train)
    return {
        "model": nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)),
        "train_loader": train_loader,
        "loss_fn": nn.CrossEntropyLoss(),
    }
