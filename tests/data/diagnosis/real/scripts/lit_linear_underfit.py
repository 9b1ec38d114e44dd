"""Lightning: a linear classifier (no hidden layer) on data whose classes depend on products of features: the
training and validation losses drop a little and level off together well above zero, accuracy far from what a
small MLP reaches on the same data (about 0.9 after 10 epochs)."""

import lightning as L
import torch
from _lit import MLP, EpochPrinter, loader
from torch import nn


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 8, generator=g)
    y = (x[:, 0] * x[:, 1] > 0).long() * 2 + (x[:, 2] * x[:, 3] > 0).long()  # 4 classes from two XORs
    x[:, 4] += 0.6 * y  # a weak linear cue
    return x, y


class Linear(MLP):
    def __init__(self):
        super().__init__(d=8, classes=4, lr=1e-2)
        self.net = nn.Linear(8, 4)


L.seed_everything(0)
x, y = data(4000, 0)
xv, yv = data(1000, 1)
trainer = L.Trainer(
    max_epochs=10,
    accelerator="cpu",
    logger=False,
    enable_checkpointing=False,
    log_every_n_steps=20,
    callbacks=[EpochPrinter()],
)
trainer.fit(Linear(), loader(x, y, shuffle=True), loader(xv, yv))
