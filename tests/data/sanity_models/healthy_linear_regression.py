"""Healthy: linear regression on noisy linear data. One batch cannot be fitted exactly (noise, fewer features than
samples): overfit_one_batch must judge it against what a linear model can reach, not against zero."""

import _data
import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc(x).squeeze(-1)


def build():
    train, val = _data.regression(linear=True)
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": Linear(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.MSELoss(),
        "optimizer": lambda params: torch.optim.SGD(params, lr=0.05),
    }
