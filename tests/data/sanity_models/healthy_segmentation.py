"""Healthy: a small fully convolutional net, outputs (B, C, H, W) with per-pixel labels (B, H, W); the border
pixels are labelled 255 and ignored by the loss."""

import _data
import torch
from torch import nn


def build():
    train, val = _data.blob_images()
    train_loader, val_loader = _data.loaders(train, val)
    model = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 3, 1)
    )
    return {
        "model": model,
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": nn.CrossEntropyLoss(ignore_index=255),
        "optimizer": lambda params: torch.optim.Adam(params, lr=1e-2),
    }
