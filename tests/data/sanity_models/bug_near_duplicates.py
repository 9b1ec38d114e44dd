"""Planted bug: the validation set is training samples with a little noise added (augmented copies of the same
images) -> train_val_overlap."""

import _data
import torch


def build():
    (tx, ty), _ = _data.digits()
    g = torch.Generator().manual_seed(9)
    vx = tx[:300] + 0.01 * torch.randn(300, tx.shape[1], generator=g)
    train_loader, val_loader = _data.loaders((tx, ty), (vx, ty[:300]))
    return _data.classification(_data.mlp(), train_loader, val_loader)
