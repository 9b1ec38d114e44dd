"""Planted bug: every parameter frozen (the backbone freeze also caught the new head). -> gradients_flow"""

import _data


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    model = _data.mlp()
    for p in model.parameters():
        p.requires_grad = False
    return _data.classification(model, train_loader, val_loader)
