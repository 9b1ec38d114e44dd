"""Planted bug: regression targets in raw units (mean 500, std 40), never normalised. -> initial_loss"""

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
    (tx, ty), (vx, vy) = _data.regression()
    train_loader, val_loader = _data.loaders((tx, 500 + 40 * ty), (vx, 500 + 40 * vy))
    return {
        "model": Regressor(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.MSELoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=1e-3),
        "task": "regression",
    }
