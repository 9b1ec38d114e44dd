"""Planted bug: a layer is defined but the forward skips it (a refactor dropped the call). -> gradients_flow"""

import _data
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.Linear(64, 128)
        self.middle = nn.Linear(128, 128)
        self.head = nn.Linear(128, 10)

    def forward(self, x):
        h = torch.relu(self.first(x))
        return self.head(h)


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    return _data.classification(Net(), train_loader, val_loader)
