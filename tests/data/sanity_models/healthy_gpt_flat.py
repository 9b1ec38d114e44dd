"""Healthy: a tiny causal GPT, outputs (B, T, V) with next-token targets (B, T); the loss flattens both sides, as
nanoGPT's does, and ignores padding marked -1 (the last two targets of every fourth sequence)."""

import _data
import _gpt
import torch
import torch.nn.functional as F


def loss_fn(logits, targets):
    return F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1), ignore_index=-1)


def build():
    (tx, ty), (vx, vy) = _data.counting_sequences()
    ty = ty.clone()
    ty[::4, -2:] = -1
    train_loader, val_loader = _data.loaders((tx, ty), (vx, vy))
    return {
        "model": _gpt.TinyGPT(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": loss_fn,
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
        "num_classes": 16,
    }
