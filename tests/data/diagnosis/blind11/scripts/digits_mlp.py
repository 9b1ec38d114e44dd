import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
p = argparse.ArgumentParser()
p.add_argument('--batch-size', type=int, default=64); p.add_argument('--epochs', type=int, default=10)
p.add_argument('--lr', type=float, default=1e-3); p.add_argument('--log-interval', type=int, default=5)
p.add_argument('--seed', type=int, default=1)
a = p.parse_args(); torch.manual_seed(a.seed)
X, y = load_digits(return_X_y=True); X = (X / 16.0).astype(np.float32)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0)
Xtr, Xte = torch.tensor(Xtr), torch.tensor(Xte); ytr, yte = torch.tensor(ytr), torch.tensor(yte)
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=a.lr)
n = len(Xtr)
for epoch in range(1, a.epochs + 1):
    model.train()
    xi = torch.randperm(n); yi = torch.randperm(n)
    Xs, ys = Xtr[xi], ytr[yi]
    for b, i in enumerate(range(0, n, a.batch_size)):
        data, target = Xs[i:i + a.batch_size], ys[i:i + a.batch_size]
        opt.zero_grad(); loss = F.cross_entropy(model(data), target); loss.backward(); opt.step()
        if b % a.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, i, n, 100. * i / n, loss.item()))
    model.eval()
    with torch.no_grad():
        out = model(Xte); tl = F.cross_entropy(out, yte, reduction='sum').item() / len(Xte)
        correct = (out.argmax(1) == yte).sum().item()
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(tl, correct, len(Xte), 100. * correct / len(Xte)))
