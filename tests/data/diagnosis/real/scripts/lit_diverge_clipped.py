"""Lightning with gradient_clip_val=1.0 already set: an SGD learning rate of 30 makes the loss jump to hundreds
and the validation accuracy stay at chance, every value finite (clipping bounds each gradient, not the step the
learning rate takes)."""

import lightning as L
from _lit import MLP, EpochPrinter, blobs, loader

L.seed_everything(0)
x, y = blobs(2048, seed=0)
xv, yv = blobs(512, seed=1)
model = MLP(lr=30.0, optimizer="sgd")
trainer = L.Trainer(
    max_epochs=6,
    accelerator="cpu",
    logger=False,
    enable_checkpointing=False,
    gradient_clip_val=1.0,
    log_every_n_steps=4,
    callbacks=[EpochPrinter()],
)
trainer.fit(model, loader(x, y, shuffle=True), loader(xv, yv))
