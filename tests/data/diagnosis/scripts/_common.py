"""Shared pieces of the diagnosis fixture scripts: a seeded toy dataset, a small MLP, and printers that write
metric lines the way common tools do (tqdm bars, Keras epochs, Lightning bars). Torch and the standard library."""

from __future__ import annotations

import math
import sys
import time

import torch
from torch import nn


def blobs(n: int, d: int = 8, classes: int = 4, seed: int = 0, spread: float = 2.5, noise: float = 1.0):
    """n points around `classes` random centres in d dimensions, with integer labels."""
    g = torch.Generator().manual_seed(seed)
    centres = torch.randn(classes, d, generator=g) * spread
    y = torch.randint(0, classes, (n,), generator=g)
    x = centres[y] + noise * torch.randn(n, d, generator=g)
    return x, y


def mlp(d: int = 8, hidden: int = 32, classes: int = 4, depth: int = 1) -> nn.Module:
    layers, width = [], d
    for _ in range(depth):
        layers += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    layers.append(nn.Linear(width, classes))
    return nn.Sequential(*layers)


def batches(x, y, size: int, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(x), generator=g)
    for i in range(0, len(x), size):
        idx = order[i : i + size]
        yield x[idx], y[idx]


def evaluate(model, x, y, loss_fn):
    model.eval()
    with torch.no_grad():
        out = model(x)
        loss = loss_fn(out, y).item()
        acc = (out.argmax(1) == y).float().mean().item()
    model.train()
    return loss, acc


def fmt(v: float) -> str:
    return f"{v:.4f}" if math.isfinite(v) else str(v)


class Bar:
    """A tqdm-style bar: redrawn with '\\r', ended with '\\n' (to stderr by default, as tqdm does)."""

    def __init__(self, total: int, desc: str, stream=None):
        self.total, self.desc, self.n = total, desc, 0
        self.stream = stream or sys.stderr
        self.t0 = time.time()

    def update(self, **postfix):
        self.n += 1
        pct = int(100 * self.n / self.total)
        filled = int(10 * self.n / self.total)
        bar = "#" * filled + " " * (10 - filled)
        rate = self.n / max(1e-6, time.time() - self.t0)
        post = ", ".join(f"{k}={fmt(v) if isinstance(v, float) else v}" for k, v in postfix.items())
        self.stream.write(
            f"\r{self.desc}: {pct:3d}%|{bar}| {self.n}/{self.total} [00:00<00:00, {rate:.2f}it/s, {post}]"
        )
        self.stream.flush()

    def close(self):
        self.stream.write("\n")
        self.stream.flush()


def keras_epoch(epoch: int, epochs: int, steps: int, metrics: dict):
    print(f"Epoch {epoch}/{epochs}")
    parts = " - ".join(f"{k}: {fmt(v)}" for k, v in metrics.items())
    sys.stdout.write(f"\r{steps}/{steps} [==============================] - 0s 2ms/step - {parts}\n")
    sys.stdout.flush()


def lightning_bar(epoch: int, steps: int, **metrics):
    post = ", ".join(
        f"{k}={v:.3f}" if isinstance(v, float) and math.isfinite(v) else f"{k}={v}" for k, v in metrics.items()
    )
    for i in range(1, steps + 1):
        pct = int(100 * i / steps)
        bar = "█" * (pct // 10) + " " * (10 - pct // 10)
        sys.stdout.write(f"\rEpoch {epoch}: {pct:3d}%|{bar}| {i}/{steps} [00:00<00:00, 120.00it/s, v_num=0, {post}]")
    sys.stdout.write("\n")
    sys.stdout.flush()
