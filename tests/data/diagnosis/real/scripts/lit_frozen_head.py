"""Lightning: the classifier's last layer was zero-initialised and then frozen with the rest of a 'pretrained'
head (a freezing bug), so the logits are all zero and the loss sits at ln 4 = 1.386 whatever the body learns."""

import lightning as L
import torch
from _lit import MLP, EpochPrinter, blobs, loader

L.seed_everything(0)
x, y = blobs(2048, seed=0)
xv, yv = blobs(512, seed=1)
model = MLP(lr=1e-2)
head = model.net[-1]
torch.nn.init.zeros_(head.weight)
torch.nn.init.zeros_(head.bias)
for p in head.parameters():
    p.requires_grad = False
trainer = L.Trainer(
    max_epochs=8, accelerator="cpu", logger=False, enable_checkpointing=False, callbacks=[EpochPrinter()]
)
trainer.fit(model, loader(x, y, shuffle=True), loader(xv, yv))
