"""A tiny MLP on a noisy synthetic classification task, trained with early stopping on val_loss (patience 4).
python torch_early_stop.py SEED NOISE LR > stdout.log   (torch 2.13.0 CPU)"""

import sys

import torch

seed, noise, lr = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
torch.manual_seed(seed)
n, d, c = 3000, 20, 4
x = torch.randn(n, d)
w = torch.randn(d, c)
y = (x @ w + noise * torch.randn(n, c)).argmax(1)
xtr, ytr, xva, yva = x[:2000], y[:2000], x[2000:], y[2000:]
net = torch.nn.Sequential(
    torch.nn.Linear(d, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, c)
)
opt = torch.optim.Adam(net.parameters(), lr=lr)
lossf = torch.nn.CrossEntropyLoss()
best, bad = float("inf"), 0
for epoch in range(100):
    net.train()
    perm = torch.randperm(2000)
    tot = 0.0
    for i in range(0, 2000, 64):
        idx = perm[i : i + 64]
        opt.zero_grad()
        loss = lossf(net(xtr[idx]), ytr[idx])
        loss.backward()
        opt.step()
        tot += loss.item() * len(idx)
    net.eval()
    with torch.no_grad():
        out = net(xva)
        vl = lossf(out, yva).item()
        va = (out.argmax(1) == yva).float().mean().item()
    print(f"epoch {epoch}: train_loss {tot / 2000:.4f} val_loss {vl:.4f} val_acc {va:.4f}")
    if vl < best - 1e-4:
        best, bad = vl, 0
    else:
        bad += 1
        if bad >= 4:
            print(f"early stopping: val_loss did not improve in the last 4 epochs, best {best:.4f}")
            break
