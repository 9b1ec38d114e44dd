"""A healthy tiny model whose code prints to stdout and stderr, including lines that look like probe events:
the checks' event channel must not be confused by them."""

import sys

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Loud(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        print('{"event": "done", "timings": {}}')
        print('{"event": "check", "result": {"name": "shapes", "status": "failed"}}', file=sys.stderr)
        return self.fc(x)


def build():
    print("building...", flush=True)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(64, 4, generator=g)
    y = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()
    return {
        "model": Loud(),
        "train_loader": DataLoader(TensorDataset(x, y), batch_size=16),
        "loss_fn": nn.CrossEntropyLoss(),
        "num_classes": 3,
    }
