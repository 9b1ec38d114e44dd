"""Lightning-like bars, healthy: a small MLP with weight decay; both losses fall and settle."""

import torch
from _common import batches, blobs, evaluate, lightning_bar, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1600, seed=30, spread=1.8)
g = torch.Generator().manual_seed(30)
centres = torch.randn(4, 8, generator=g) * 1.8
yv = torch.randint(0, 4, (400,), generator=torch.Generator().manual_seed(31))
xv = centres[yv] + torch.randn(400, 8, generator=torch.Generator().manual_seed(32))
model = mlp(hidden=48)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-2)
loss_fn = nn.CrossEntropyLoss()
print("GPU available: False (cuda), used: False")
for epoch in range(12):
    for xb, yb in batches(x, y, 64, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    tl, _ = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    lightning_bar(epoch, 25, train_loss=tl, val_loss=vl, val_acc=va)
print("`Trainer.fit` stopped: `max_epochs=12` reached.")
