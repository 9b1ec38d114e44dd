"""Keras-like lines. Labels run 1..5 but the model has 5 outputs (0..4): the first batch holding label 5 fails
in the loss (the real CPU error; on a GPU the same bug is a device-side assert)."""

import torch
from _common import blobs, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(320, classes=5)
y = y + 1  # labels read from a 1-based CSV column
model = mlp(classes=5)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
print("num_classes=5 batch_size=32")
print("Epoch 1/10", flush=True)
for i in range(10):
    xb, yb = x[i * 32 : (i + 1) * 32], y[i * 32 : (i + 1) * 32]
    loss = nn.functional.cross_entropy(model(xb), yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
