"""Healthy: token ids (integer inputs) through an Embedding, mean-pooled, into a linear classifier."""

import _data
import torch
from torch import nn


class Bag(nn.Module):
    def __init__(self, vocab=40, dim=32, classes=3):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, classes)

    def forward(self, ids):
        return self.head(self.embed(ids).mean(dim=1))


def build():
    train, val = _data.tokens()
    train_loader, val_loader = _data.loaders(train, val)
    return {
        "model": Bag(),
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=1e-2),
        "num_classes": 3,
    }
