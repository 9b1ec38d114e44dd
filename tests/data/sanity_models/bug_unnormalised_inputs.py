"""Planted bug: raw pixel values 0..255 go into the network unnormalised. -> initial_loss"""

import _data


def build():
    x, y = _data.digits_raw()
    (tx, ty), (vx, vy) = _data.split(x * 16, y)
    train_loader, val_loader = _data.loaders((tx, ty), (vx, vy))
    return _data.classification(_data.mlp(), train_loader, val_loader)
