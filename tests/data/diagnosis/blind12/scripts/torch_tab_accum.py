import torch, torch.nn as nn, argparse
p = argparse.ArgumentParser(); p.add_argument('--lr', type=float, default=0.02); p.add_argument('--accum', type=int, default=16)
p.add_argument('--micro-batch', type=int, default=8); a = p.parse_args()
torch.manual_seed(0)
X = torch.randn(20000, 32); w = torch.randn(32, 1)
y = X @ w / 32 ** 0.5 + 0.3 * torch.randn(20000, 1)
print(f'target var {y.var():.4f}; effective batch {a.accum * a.micro_batch}, lr {a.lr}')
model = nn.Sequential(nn.Linear(32, 128), nn.Tanh(), nn.Linear(128, 128), nn.Tanh(), nn.Linear(128, 1))
opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
step, i = 0, 0
while step < 120:
    for k in range(a.accum):
        xb, yb = X[i:i + a.micro_batch], y[i:i + a.micro_batch]; i = (i + a.micro_batch) % 20000
        loss = nn.functional.mse_loss(model(xb), yb)
        (loss * a.accum).backward()   # scale for accumulation
    gn = torch.nn.utils.clip_grad_norm_(model.parameters(), float('inf'))
    opt.step(); opt.zero_grad(); step += 1
    if step % 5 == 0 or step <= 3:
        with torch.no_grad(): full = nn.functional.mse_loss(model(X[:2000]), y[:2000]).item()
        print(f'step {step:4d} | micro loss {loss.item():10.4f} | train mse {full:12.4f} | grad norm {gn:10.3f}')
