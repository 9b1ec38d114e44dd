"""Healthy: the tiny causal GPT with torch's CrossEntropyLoss on transposed logits (B, V, T) against targets (B, T)."""

import _data
import _gpt
import torch
from torch import nn

CE = nn.CrossEntropyLoss()


def loss_fn(logits, targets):
    return CE(logits.transpose(1, 2), targets)


def build():
    train, val = _data.counting_sequences()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": _gpt.TinyGPT(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": loss_fn,
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
    }
