"""A healthy regression on raw (unscaled) targets: house-price-like values around 2e5, an MLP trained with Adam;
its MSE starts near 4e10 and its gradient norm near 1e6, and both fall. Prints one line per 50 steps."""

import torch

torch.manual_seed(0)
n, d = 2048, 8
x = torch.randn(n, d)
w = torch.randn(d) * 3e4
y = (x @ w + 2e5 + 1e4 * torch.randn(n)).unsqueeze(1)
model = torch.nn.Sequential(torch.nn.Linear(d, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=300.0)
for step in range(0, 1001):
    idx = torch.randint(0, n, (128,))
    loss = torch.nn.functional.mse_loss(model(x[idx]), y[idx])
    opt.zero_grad()
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), float("inf"))
    opt.step()
    if step % 50 == 0:
        print(f"step {step} loss {loss.item():.6g} grad_norm {norm.item():.6g}")
