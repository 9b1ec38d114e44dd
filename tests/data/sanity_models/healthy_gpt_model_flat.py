"""Healthy: the tiny causal GPT flattened on both sides before the loss: the model returns (B*T, V) scores and the
loader gives the targets flattened to (B*T,), for inputs (B, T)."""

import _data
import _gpt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Flat(nn.Module):
    def __init__(self):
        super().__init__()
        self.gpt = _gpt.TinyGPT()

    def forward(self, idx):
        logits = self.gpt(idx)
        return logits.reshape(-1, logits.size(-1))


def flatten_targets(batch):
    x = torch.stack([b[0] for b in batch])
    y = torch.stack([b[1] for b in batch])
    return x, y.reshape(-1)


def build():
    (tx, ty), (vx, vy) = _data.counting_sequences()
    g = torch.Generator().manual_seed(0)
    train = DataLoader(TensorDataset(tx, ty), batch_size=32, shuffle=True, generator=g, collate_fn=flatten_targets)
    val = DataLoader(TensorDataset(vx, vy), batch_size=256, collate_fn=flatten_targets)
    return {
        "model": Flat(),
        "train_loader": train,
        "val_loader": val,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=3e-3),
    }
