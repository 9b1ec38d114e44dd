"""Lightning-like bars on stdout. Every weight is frozen by mistake (requires_grad_(False) after loading a
'pretrained' backbone, including the head): the optimizer has nothing to move and the loss stays flat."""

import torch
from _common import batches, blobs, evaluate, lightning_bar, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(800, seed=5)
xv, yv = blobs(200, seed=6)
model = mlp(hidden=64)
for p in model.parameters():
    p.requires_grad_(False)
model[-1].bias.requires_grad_(True)  # only the last bias trains: a constant shift, nothing to learn
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
print("GPU available: False (cuda), used: False")
print("  | Name  | Type       | Params\n0 | model | Sequential | 4.9 K")
for epoch in range(15):
    losses = []
    for xb, yb in batches(x, y, 40, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    vl, _ = evaluate(model, xv, yv, loss_fn)
    lightning_bar(epoch, 20, train_loss=sum(losses) / len(losses), val_loss=vl)
print("`Trainer.fit` stopped: `max_epochs=15` reached.")
