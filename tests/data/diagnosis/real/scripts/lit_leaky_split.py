"""Lightning, a leaky split: the labels carry no signal (random), yet the 'validation' set is a slice of the
training set, so validation accuracy climbs with the memorisation; the held-out test at the end is at chance."""

import lightning as L
import torch
from _lit import MLP, EpochPrinter, loader

L.seed_everything(0)
g = torch.Generator().manual_seed(0)
x = torch.randn(1200, 16, generator=g)
y = torch.randint(0, 4, (1200,), generator=g)
train_x, train_y = x[:1000], y[:1000]
val_x, val_y = x[800:1000], y[800:1000]  # the bug: should be x[1000:1100]
test_x, test_y = x[1000:], y[1000:]
model = MLP(hidden=256, lr=3e-3)
trainer = L.Trainer(
    max_epochs=40,
    accelerator="cpu",
    logger=False,
    enable_checkpointing=False,
    log_every_n_steps=16,
    callbacks=[EpochPrinter()],
)
trainer.fit(model, loader(train_x, train_y, shuffle=True), loader(val_x, val_y))
trainer.test(model, loader(test_x, test_y))
