# sensor regression, plain torch loop
import torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
X = torch.rand(6000, 4) * 2 - 1
y = torch.sin(3 * X[:, 0]) + X[:, 1] * X[:, 2] + 0.7 * torch.randn(6000)
Xtr, ytr, Xte, yte = X[:5000], y[:5000], X[5000:], y[5000:]
model = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), 3e-3)
for epoch in range(1, 26):
    perm = torch.randperm(5000); tot = 0
    for b, k in enumerate(range(0, 5000, 100)):
        j = perm[k:k+100]; loss = F.mse_loss(model(Xtr[j]).squeeze(1), ytr[j]); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        if b % 25 == 0: print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, k, 5000, 100. * k / 5000, loss.item()))
    with torch.no_grad(): tl = F.mse_loss(model(Xte).squeeze(1), yte).item()
    print('\nTest set: Average loss: {:.4f}\n'.format(tl))
