"""Planted bug: class labels run 1..10 (a 1-based label file) for a 10-unit output. -> shapes"""

import _data


def build():
    (tx, ty), (vx, vy) = _data.digits()
    train_loader, val_loader = _data.loaders((tx, ty + 1), (vx, vy + 1))
    return _data.classification(_data.mlp(), train_loader, val_loader)
