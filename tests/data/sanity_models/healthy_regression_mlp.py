"""Healthy: an MLP regressor on standardised targets, MSE, output squeezed to the targets' shape (N,)."""

import _data
import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def build():
    train, val = _data.regression()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": Regressor(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.MSELoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
        "task": "regression",
    }
