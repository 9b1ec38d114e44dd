import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser(); p.add_argument('--dim', type=int, default=1); p.add_argument('--epochs', type=int, default=15); p.add_argument('--lr', type=float, default=0.01)
a = p.parse_args(); torch.manual_seed(0); rng = np.random.default_rng(0)
nu, ni, k = 300, 150, 8
U = rng.normal(0, 1, (nu, k)) / np.sqrt(k) * 1.5; V = rng.normal(0, 1, (ni, k))
m = 60000; u = rng.integers(0, nu, m); i = rng.integers(0, ni, m)
r = (U[u] * V[i]).sum(1) + 3.5 + rng.normal(0, 0.3, m)
print(f'ratings {m} from {nu} users x {ni} items; rating var {r.var():.4f}; noise var of the generator 0.0900')
u, i, r = torch.tensor(u), torch.tensor(i), torch.tensor(r, dtype=torch.float32)
tr, va = slice(0, 54000), slice(54000, m)
class MF(nn.Module):
    def __init__(s):
        super().__init__(); s.P = nn.Embedding(nu, a.dim); s.Q = nn.Embedding(ni, a.dim); s.bu = nn.Embedding(nu, 1); s.bi = nn.Embedding(ni, 1); s.mu = nn.Parameter(torch.tensor(3.5))
        for e in (s.P, s.Q): nn.init.normal_(e.weight, 0, 0.1)
        for e in (s.bu, s.bi): nn.init.zeros_(e.weight)
    def forward(s, u, i): return (s.P(u) * s.Q(i)).sum(1) + s.bu(u).squeeze(1) + s.bi(i).squeeze(1) + s.mu
model = MF(); opt = torch.optim.Adam(model.parameters(), lr=a.lr)
print(f'matrix factorisation, embedding dim {a.dim}')
for ep in range(1, a.epochs + 1):
    perm = torch.randperm(54000); tot = 0
    for b in range(0, 54000, 512):
        idx = perm[b:b + 512]; loss = F.mse_loss(model(u[idx], i[idx]), r[idx])
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item() * len(idx)
    with torch.no_grad(): vl = F.mse_loss(model(u[va], i[va]), r[va]).item()
    print(f'epoch {ep:2d}  train_mse {tot / 54000:.4f}  valid_mse {vl:.4f}', flush=True)
