"""Plain lines. A hand-written cross-entropy takes log() of ReLU outputs normalised to sum to one: as soon as a
class probability is exactly 0 for its true label the loss is Inf and the next update makes everything NaN. The
script never checks and exits 0: a silent failure only the numbers show."""

import torch
from _common import batches, blobs
from torch import nn

torch.manual_seed(0)
x, y = blobs(512, seed=1)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 4), nn.ReLU())
opt = torch.optim.SGD(model.parameters(), lr=0.5)


def my_loss(out, target):
    p = out / (out.sum(1, keepdim=True) + 1e-12)
    return -torch.log(p[torch.arange(len(target)), target]).mean()


print("Training MLP with custom loss, lr=0.5, batch size 64")
step = 0
for epoch in range(1, 6):
    for xb, yb in batches(x, y, 64, seed=epoch):
        loss = my_loss(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        print(f"Epoch {epoch} | batch {step} | loss {loss.item():.4f}", flush=True)
print("Training finished.")
