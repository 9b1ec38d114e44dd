"""Planted bug: the GPT's attention has no causal mask, so each position sees the token it must predict
-> label_leak."""

import _data
import _gpt
import healthy_gpt_flat
import torch


def build():
    train, val = _data.counting_sequences()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": _gpt.TinyGPT(causal=False),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": healthy_gpt_flat.loss_fn,
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
    }
