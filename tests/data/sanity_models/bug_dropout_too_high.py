"""Planted bug: dropout p=0.97 (meant 0.07) on the input and hidden layer: not even one batch can be fit. -> overfit_one_batch"""

import _data
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    model = nn.Sequential(nn.Dropout(0.97), nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.97), nn.Linear(128, 10))
    return _data.classification(model, train_loader, val_loader)
