"""key=value lines, healthy: the example classifier's loop (SGD with momentum, clipping off), 8 epochs."""

import torch
from _common import batches, blobs, evaluate, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1200, seed=20)
xv, yv = blobs(400, seed=20)
g = torch.Generator().manual_seed(20)
centres = torch.randn(4, 8, generator=g) * 2.5
xv = centres[yv] + torch.randn(400, 8, generator=torch.Generator().manual_seed(21))
model = mlp(hidden=64)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
print("config: seed=0 hidden=64 lr=0.05 epochs=8 batch_size=32", flush=True)
step = 0
for epoch in range(1, 9):
    for xb, yb in batches(x, y, 32, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        gn = nn.utils.clip_grad_norm_(model.parameters(), float("inf")).item()
        opt.step()
        step += 1
    vl, va = evaluate(model, xv, yv, loss_fn)
    print(
        f"epoch={epoch} step={step} loss={loss.item():.5f} grad_norm={gn:.4f} val_loss={vl:.5f} val_acc={va:.4f}",
        flush=True,
    )
print(f"done: final val_acc={va:.4f}")
