import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser(); p.add_argument('--lr', type=float, default=0.01); p.add_argument('--epochs', type=int, default=8)
p.add_argument('--batch-size', type=int, default=64); p.add_argument('--accum', type=int, default=4)
a = p.parse_args(); torch.manual_seed(0); rng = np.random.default_rng(0)
X = rng.normal(size=(8000, 10)).astype(np.float32)
y = (X[:, 0] * 1.2 - X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + np.tanh(X[:, 4]) + rng.normal(0, 0.2, 8000)).astype(np.float32)
y = (y - y.mean()) / y.std()
Xtr, ytr, Xva, yva = map(torch.tensor, (X[:6400], y[:6400], X[6400:], y[6400:]))
model = nn.Sequential(nn.Linear(10, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
opt = torch.optim.SGD(model.parameters(), lr=a.lr)
print(f'train {len(Xtr)} valid {len(Xva)}, target standardised (var 1.0), SGD lr {a.lr}, grad accumulation {a.accum}')
step = 0
for epoch in range(1, a.epochs + 1):
    perm = torch.randperm(len(Xtr)); run = 0.0
    for b, i in enumerate(range(0, len(Xtr), a.batch_size)):
        idx = perm[i:i + a.batch_size]
        loss = F.mse_loss(model(Xtr[idx]).squeeze(1), ytr[idx]) / a.accum
        loss.backward()
        if (b + 1) % a.accum == 0:
            gn = torch.nn.utils.clip_grad_norm_(model.parameters(), float('inf'))
            opt.step(); step += 1
            if step % 5 == 0:
                print(f'Train Epoch: {epoch} [{i}/{len(Xtr)}]  step {step}  loss {loss.item() * a.accum:.6g}  grad_norm {gn.item():.6g}', flush=True)
    with torch.no_grad(): vl = F.mse_loss(model(Xva).squeeze(1), yva).item()
    print(f'==> epoch {epoch}: valid mse {vl:.6g}', flush=True)
