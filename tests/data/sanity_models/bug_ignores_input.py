"""Planted bug: the forward feeds zeros instead of its input (a leftover debugging line). -> gradients_flow"""

import _data
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = _data.mlp()

    def forward(self, x):
        return self.net(torch.zeros_like(x))


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    return _data.classification(Net(), train_loader, val_loader)
