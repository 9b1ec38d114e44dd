"""Planted bug: the inputs are float64 (numpy's default) for a float32 model. -> shapes"""

import _data


def build():
    (tx, ty), (vx, vy) = _data.digits()
    train_loader, val_loader = _data.loaders((tx.double(), ty), (vx.double(), vy))
    return _data.classification(_data.mlp(), train_loader, val_loader)
