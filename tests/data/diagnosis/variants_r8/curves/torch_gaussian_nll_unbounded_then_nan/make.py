"""A heteroscedastic regression (Gaussian NLL with a learned log-variance, no floor on the variance) on targets
a linear model fits exactly: the variance shrinks without bound, the NLL goes negative and grows in size, then
exp(log_var) underflows and the loss is NaN. Run: python make.py > stdout.log"""

import torch

torch.manual_seed(0)
x = torch.randn(256, 4)
y = x @ torch.tensor([1.0, -2.0, 0.5, 3.0]) + 1.0
net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(1, 4001):
    out = net(x)
    mu, log_var = out[:, 0], out[:, 1]
    loss = 0.5 * (log_var + (y - mu) ** 2 / torch.exp(log_var)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0 or not torch.isfinite(loss):
        print(f"step {step} loss {loss.item():.4f}", flush=True)
    if not torch.isfinite(loss):
        break
