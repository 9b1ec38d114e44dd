"""Planted bug: softmax in the model before CrossEntropyLoss (which applies log-softmax itself). -> overfit_one_batch"""

import _data
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    model = nn.Sequential(_data.mlp(), nn.Softmax(dim=1))
    return _data.classification(model, train_loader, val_loader)
