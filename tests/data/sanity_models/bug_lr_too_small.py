"""Planted bug: a learning rate of 1e-9 (a typo for 1e-3). -> overfit_one_batch"""

import _data
import torch


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    out = _data.classification(_data.mlp(), train_loader, val_loader)
    out["optimizer"] = lambda params: torch.optim.SGD(params, lr=1e-9, momentum=0.9)
    return out
