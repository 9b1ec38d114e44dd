"""Pieces the contract-breaking entrypoints share."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def data():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(64, 5, generator=g)
    y = (x[:, 0] > 0).long()
    return x, y


def good():
    x, y = data()
    return {
        "model": nn.Linear(5, 2),
        "train_loader": DataLoader(TensorDataset(x, y), batch_size=16),
        "loss_fn": nn.CrossEntropyLoss(),
    }
