"""Planted bug: the class label is left in the inputs as one more (standardised) feature of a healthy classifier
-> label_leak."""

import _data
import torch


def build():
    x, y = _data.digits_raw()
    x = torch.cat([x, y.float().unsqueeze(1)], dim=1)
    (tx, ty), (vx, vy) = _data.split(x, y)
    tx, vx = _data.standardise(tx, vx)
    train_loader, val_loader = _data.loaders((tx, ty), (vx, vy))
    return _data.classification(_data.mlp(inputs=65), train_loader, val_loader)
