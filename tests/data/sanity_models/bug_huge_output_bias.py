"""Planted bug: the output layer's bias starts at +12 for class 0 (a bad custom init). -> initial_loss"""

import _data
import torch


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    model = _data.mlp()
    with torch.no_grad():
        model[-1].bias.zero_()
        model[-1].bias[0] = 12.0
    return _data.classification(model, train_loader, val_loader)
