"""Planted bug: language-model targets are the inputs themselves, not the next tokens -> label_leak."""

import _data
import _gpt
import healthy_gpt_flat
import torch


def build():
    (tx, _), (vx, _) = _data.counting_sequences()
    train_loader, val_loader = _data.loaders((tx, tx.clone()), (vx, vx.clone()))
    return {
        "model": _gpt.TinyGPT(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": healthy_gpt_flat.loss_fn,
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
    }
