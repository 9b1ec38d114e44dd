"""The example's model and data, shared by train.py and the sanity checks.

`build()` follows experiment-runner's sanity-check contract: it returns the model, the loaders and the loss."""

from __future__ import annotations

import csv
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

HERE = Path(__file__).resolve().parent
NUM_CLASSES = 4


def load_split(name: str, data_dir: Path = HERE / "data") -> TensorDataset:
    with open(data_dir / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))[1:]
    x = torch.tensor([[float(v) for v in r[:-1]] for r in rows], dtype=torch.float32)
    y = torch.tensor([int(r[-1]) for r in rows], dtype=torch.long)
    return TensorDataset(x, y)


class MLP(nn.Module):
    def __init__(self, in_features: int = 16, hidden: int = 16, classes: int = NUM_CLASSES):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_features, hidden), nn.ReLU(), nn.Linear(hidden, classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def build(hidden: int = 16, batch_size: int = 32, data_dir: str | None = None) -> dict:
    data = Path(data_dir) if data_dir else HERE / "data"
    g = torch.Generator().manual_seed(0)
    train = DataLoader(load_split("train", data), batch_size=batch_size, shuffle=True, generator=g)
    val = DataLoader(load_split("val", data), batch_size=256)
    return {
        "model": MLP(hidden=hidden),
        "train_loader": train,
        "val_loader": val,
        "loss_fn": nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.SGD(params, lr=0.05, momentum=0.9),
        "task": "classification",
        "num_classes": NUM_CLASSES,
    }
