"""Planted bug: a reshape where a transpose was meant mixes samples across the batch. -> gradients_flow"""

import _data
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = _data.mlp()

    def forward(self, x):
        n, d = x.shape
        x = x.t().reshape(n, d)  # meant: a no-op reshape; actually interleaves features of different samples
        return self.net(x)


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    return _data.classification(Net(), train_loader, val_loader)
