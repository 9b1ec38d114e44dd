"""Planted bug: the output layer has 9 units for 10 classes. -> shapes"""

import _data


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    return _data.classification(_data.mlp(outputs=9), train_loader, val_loader, num_classes=10)
