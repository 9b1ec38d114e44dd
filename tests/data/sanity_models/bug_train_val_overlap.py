"""Planted bug: the validation set was drawn from the whole data after the split, so 40% of it is training data. -> train_val_overlap"""

import _data
import torch


def build():
    (tx, ty), (vx, vy) = _data.digits()
    vx = torch.cat([vx[:216], tx[:144]])
    vy = torch.cat([vy[:216], ty[:144]])
    train_loader, val_loader = _data.loaders((tx, ty), (vx, vy))
    return _data.classification(_data.mlp(), train_loader, val_loader)
