"""key=value lines. A run that needs about a minute; regen.py gives it a 4-second time limit and ends it with
SIGTERM, as the runner (and a scheduler) does: what the log shows is healthy training cut short."""

import time

import torch
from _common import batches, blobs, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(2000)
model = mlp()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
step = 0
print("lr=0.05 batch_size=100 epochs=200", flush=True)
for epoch in range(1, 201):
    for xb, yb in batches(x, y, 100, seed=epoch):
        loss = nn.functional.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
    print(f"epoch={epoch} step={step} loss={loss.item():.4f}", flush=True)
    time.sleep(0.3)
