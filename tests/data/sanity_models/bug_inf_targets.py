"""Planted bug: regression targets hold Inf (a log of zero in target preprocessing). -> data_finite"""

import math

import _data
import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 64), nn.Tanh(), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def build():
    (tx, ty), val = _data.regression()
    ty = ty.clone()
    ty[::97] = -math.inf
    train_loader, val_loader = _data.loaders((tx, ty), val)
    return {
        "model": Regressor(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.MSELoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=1e-3),
    }
