"""Lightning-like bars. Few samples with label noise and a large model: validation loss rises from an early
epoch on while training loss falls."""

import torch
from _common import blobs, evaluate, lightning_bar, mlp
from torch import nn

torch.manual_seed(1)
x, y = blobs(64, seed=11, spread=1.0, noise=1.2)
noisy = torch.rand(64, generator=torch.Generator().manual_seed(3)) < 0.25
y = torch.where(noisy, (y + 1) % 4, y)
g = torch.Generator().manual_seed(11)
centres = torch.randn(4, 8, generator=g) * 1.0
yv = torch.randint(0, 4, (300,), generator=torch.Generator().manual_seed(12))
xv = centres[yv] + 1.2 * torch.randn(300, 8, generator=torch.Generator().manual_seed(13))
model = mlp(hidden=512, depth=2)
opt = torch.optim.Adam(model.parameters(), lr=2e-3)
loss_fn = nn.CrossEntropyLoss()
print("Trainer(max_epochs=30), model: 2x512 MLP, lr=0.002")
for epoch in range(30):
    for _ in range(4):
        loss = loss_fn(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    tl, _ = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    lightning_bar(epoch, 4, train_loss=tl, val_loss=vl, val_acc=va)
