"""JSON lines, healthy: a logistic regression, one JSON object per evaluation."""

import json

import torch
from _common import batches, blobs, evaluate
from torch import nn

torch.manual_seed(0)
x, y = blobs(800, classes=2, seed=25, spread=0.6)
g = torch.Generator().manual_seed(25)
centres = torch.randn(2, 8, generator=g) * 0.6
yv = torch.randint(0, 2, (200,), generator=torch.Generator().manual_seed(26))
xv = centres[yv] + torch.randn(200, 8, generator=torch.Generator().manual_seed(27))
model = nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()
print(json.dumps({"config": {"lr": 0.1, "batch_size": 40, "epochs": 10}}), flush=True)
step = 0
for epoch in range(1, 11):
    for xb, yb in batches(x, y, 40, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
    tl, ta = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    print(
        json.dumps(
            {
                "step": step,
                "epoch": epoch,
                "train_loss": round(tl, 5),
                "val_loss": round(vl, 5),
                "val_acc": round(va, 4),
            }
        ),
        flush=True,
    )
