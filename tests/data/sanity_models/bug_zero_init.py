"""Planted bug: every weight and bias initialised to zero (symmetry never broken). -> gradients_flow"""

import _data
import torch


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    model = _data.mlp()
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
    return _data.classification(model, train_loader, val_loader)
