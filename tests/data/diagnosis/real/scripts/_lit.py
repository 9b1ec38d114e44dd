"""Shared pieces of the Lightning scripts: seeded Gaussian blobs (4 classes) and a small MLP LightningModule that
logs train_loss, val_loss and val_acc to the progress bar, as most Lightning code does."""

from __future__ import annotations

import lightning as L
import torch
from torch import nn


def blobs(n: int, d: int = 16, classes: int = 4, seed: int = 0, spread: float = 1.0, noise: float = 1.0):
    g = torch.Generator().manual_seed(seed)
    centres = torch.randn(classes, d, generator=torch.Generator().manual_seed(1234)) * spread
    y = torch.randint(0, classes, (n,), generator=g)
    x = centres[y] + noise * torch.randn(n, d, generator=g)
    return x, y


def loader(x, y, batch_size: int = 64, shuffle: bool = False, **kw):
    return torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, **kw
    )


class MLP(L.LightningModule):
    def __init__(self, d: int = 16, hidden: int = 64, classes: int = 4, lr: float = 1e-2, optimizer: str = "adam"):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, classes)
        )
        self.loss_fn = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss_fn(self(x), y)
        self.log("train_loss", loss, prog_bar=True, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        self.log("val_loss", self.loss_fn(out, y), prog_bar=True)
        self.log("val_acc", (out.argmax(1) == y).float().mean(), prog_bar=True)

    def test_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        self.log("test_loss", self.loss_fn(out, y))
        self.log("test_acc", (out.argmax(1) == y).float().mean())

    def configure_optimizers(self):
        params = [p for p in self.parameters() if p.requires_grad]
        if self.hparams.optimizer == "sgd":
            return torch.optim.SGD(params, lr=self.hparams.lr)
        return torch.optim.Adam(params, lr=self.hparams.lr)


class EpochPrinter(L.Callback):
    """One line per epoch with the logged metrics, as many projects add for readable logs."""

    def on_validation_epoch_end(self, trainer, pl_module):
        if trainer.sanity_checking:
            return
        m = {k: float(v) for k, v in trainer.callback_metrics.items()}
        print(f"Epoch {trainer.current_epoch}: " + ", ".join(f"{k}={v:.4f}" for k, v in sorted(m.items())), flush=True)
