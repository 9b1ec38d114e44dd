"""Keras-like epochs, healthy: Adam on a separable problem, validation on held-out points."""

import torch
from _common import batches, blobs, evaluate, keras_epoch, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1000, seed=22, spread=2.0)
g = torch.Generator().manual_seed(22)
centres = torch.randn(4, 8, generator=g) * 2.0
yv = torch.randint(0, 4, (300,), generator=torch.Generator().manual_seed(23))
xv = centres[yv] + torch.randn(300, 8, generator=torch.Generator().manual_seed(24))
model = mlp(hidden=32)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(1, 13):
    tot = n = 0
    for xb, yb in batches(x, y, 32, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        tot += loss.item() * len(yb)
        n += len(yb)
    _, ta = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    keras_epoch(epoch, 12, 32, {"loss": tot / n, "accuracy": ta, "val_loss": vl, "val_accuracy": va})
