"""Planted bug: BatchNorm with a batch size of 1. -> shapes"""

import _data
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val, batch_size=1)
    model = nn.Sequential(nn.Linear(64, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 10))
    return _data.classification(model, train_loader, val_loader)
