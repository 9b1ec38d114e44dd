"""tqdm bars. Targets are sliced with the wrong batch size on the last batch: a real batch-size mismatch in
the loss after a few good steps."""

import torch
from _common import Bar, blobs, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(200)
model = mlp()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
bar = Bar(7, "train")
for i in range(7):
    xb = x[i * 32 : (i + 1) * 32]
    yb = y[i * 32 : i * 32 + 32] if i < 6 else y[i * 32 : i * 32 + 4]  # the bug: the last batch's targets are cut short
    loss = nn.functional.cross_entropy(model(xb), yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
    bar.update(loss=loss.item())
bar.close()
