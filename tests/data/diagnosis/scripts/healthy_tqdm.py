"""tqdm bars on stderr and a summary line per epoch, healthy regression: MSE falls steadily."""

import torch
from _common import Bar
from torch import nn

torch.manual_seed(0)
w = torch.randn(6, 1)
x = torch.randn(960, 6)
y = x @ w + 0.1 * torch.randn(960, 1)
xv = torch.randn(240, 6)
yv = xv @ w + 0.1 * torch.randn(240, 1)
model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.02)
for epoch in range(10):
    bar = Bar(30, f"Epoch {epoch}")
    for i in range(30):
        xb, yb = x[i * 32 : (i + 1) * 32], y[i * 32 : (i + 1) * 32]
        loss = nn.functional.mse_loss(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        bar.update(loss=loss.item())
    bar.close()
    with torch.no_grad():
        vl = nn.functional.mse_loss(model(xv), yv).item()
    print(f"epoch {epoch}: val_loss {vl:.4f}", flush=True)
