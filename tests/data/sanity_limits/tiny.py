"""A healthy tiny classifier: the call made after each drill to show the server carries on."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(128, 6, generator=g)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return {
        "model": nn.Linear(6, 2),
        "train_loader": DataLoader(TensorDataset(x[:96], y[:96]), batch_size=32),
        "val_loader": DataLoader(TensorDataset(x[96:], y[96:]), batch_size=32),
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda p: torch.optim.SGD(p, lr=0.5),
    }
