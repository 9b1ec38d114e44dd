"""tqdm bars on stderr. The labels were shuffled independently of the inputs: after learning the class balance
in the first steps, the loss has nothing left to learn and stays on a plateau."""

import torch
from _common import Bar, batches, blobs, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1200, seed=7)
g = torch.Generator().manual_seed(99)
y = y[torch.randperm(len(y), generator=g)]  # the bug
model = mlp(hidden=16)
nn.init.constant_(model[-1].bias, 0.0)
with torch.no_grad():
    model[-1].bias[0] = 3.0  # start far from the class balance, so the first steps do move the loss
opt = torch.optim.SGD(model.parameters(), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
print("lr=0.05 batch_size=50 epochs=12", flush=True)
for epoch in range(12):
    bar = Bar(24, f"epoch {epoch}")
    for xb, yb in batches(x, y, 50, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        bar.update(loss=loss.item())
    bar.close()
