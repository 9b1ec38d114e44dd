"""Planted bug: NLLLoss applied to raw logits (the log_softmax was forgotten). -> initial_loss"""

import _data
from torch import nn


def build():
    train, val = _data.digits()
    train_loader, val_loader = _data.loaders(train, val)
    out = _data.classification(_data.mlp(), train_loader, val_loader)
    out["loss_fn"] = nn.NLLLoss()
    return out
