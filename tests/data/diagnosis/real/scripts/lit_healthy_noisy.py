"""Lightning: a healthy run with a noisy curve (batch size 8, overlapping classes): the step loss jumps around,
the validation loss wobbles, and both improve."""

import lightning as L
from _lit import MLP, EpochPrinter, blobs, loader

L.seed_everything(0)
x, y = blobs(8192, seed=0, noise=1.6)
xv, yv = blobs(1024, seed=1, noise=1.6)
trainer = L.Trainer(
    max_epochs=4,
    accelerator="cpu",
    logger=False,
    enable_checkpointing=False,
    log_every_n_steps=50,
    callbacks=[EpochPrinter()],
)
trainer.fit(MLP(lr=3e-3), loader(x, y, batch_size=8, shuffle=True), loader(xv, yv))
