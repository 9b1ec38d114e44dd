import torch, torch.nn as nn
from sklearn.datasets import make_regression
torch.manual_seed(0)
X, y = make_regression(n_samples=4000, n_features=16, n_informative=10, noise=5.0, random_state=0)
X = torch.tensor(X, dtype=torch.float32); y = torch.tensor(y, dtype=torch.float32)
y = (y - y.mean()) / y.std()
Xtr, ytr, Xva, yva = X[:3200], y[:3200], X[3200:], y[3200:]
print(f'target standardised: var {ytr.var():.4f}')
model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
crit = nn.MSELoss()
for epoch in range(1, 13):
    model.train(); perm = torch.randperm(3200)
    for bi, i in enumerate(range(0, 3200, 64)):
        idx = perm[i:i+64]
        out = model(Xtr[idx])
        loss = crit(out, ytr[idx])
        opt.zero_grad(); loss.backward(); opt.step()
        if bi % 25 == 0:
            print(f'Train Epoch: {epoch} [{i}/3200 ({100*i/3200:.0f}%)]\tLoss: {loss.item():.6f}')
    model.eval()
    with torch.no_grad():
        vl = crit(model(Xva), yva).item()
    print(f'\nValidation set: Average loss: {vl:.4f}\n')
