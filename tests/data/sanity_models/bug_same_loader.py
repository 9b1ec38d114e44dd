"""Planted bug: val_loader is the training loader (a copy-paste slip). -> train_val_overlap"""

import _data


def build():
    train, _ = _data.digits()
    train_loader, _ = _data.loaders(train)
    return _data.classification(_data.mlp(), train_loader, train_loader)
