"""Keras-like epochs (`Epoch 3/20` then `- loss: ... - accuracy: ...`). A learning rate of 1e-7: nothing moves."""

import torch
from _common import batches, blobs, evaluate, keras_epoch, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1024, seed=3)
xv, yv = blobs(256, seed=4)
model = mlp()
opt = torch.optim.SGD(model.parameters(), lr=1e-7)
loss_fn = nn.CrossEntropyLoss()
print("Model: sequential_mlp, optimizer: SGD(learning_rate=1e-07), batch_size: 32")
for epoch in range(1, 21):
    tot = n = 0
    for xb, yb in batches(x, y, 32, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        tot += loss.item() * len(yb)
        n += len(yb)
    tl, ta = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    keras_epoch(epoch, 20, 32, {"loss": tot / n, "accuracy": ta, "val_loss": vl, "val_accuracy": va})
