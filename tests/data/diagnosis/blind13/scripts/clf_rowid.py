# tabular classifier with a per-row embedding (row ids used as a categorical feature)
import argparse, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=30); p.add_argument('--lr', type=float, default=0.01)
args = p.parse_args(); torch.manual_seed(0)
X, y = make_classification(n_samples=1200, n_features=10, n_informative=3, flip_y=0.3, class_sep=0.5, random_state=0)
ids = torch.arange(len(y))
Xtr, Xte, ytr, yte, itr, ite = train_test_split(torch.tensor(X, dtype=torch.float32), torch.tensor(y), ids, test_size=0.25, random_state=0)
class Net(nn.Module):
    def __init__(s):
        super().__init__(); s.emb = nn.Embedding(1200, 64); s.fc1 = nn.Linear(10 + 64, 128); s.fc2 = nn.Linear(128, 2)
    def forward(s, x, i): return s.fc2(F.relu(s.fc1(torch.cat([x, s.emb(i)], 1))))
model = Net(); opt = torch.optim.Adam(model.parameters(), lr=args.lr)
for epoch in range(1, args.epochs + 1):
    model.train(); perm = torch.randperm(len(ytr))
    for b, k in enumerate(range(0, len(ytr), 64)):
        j = perm[k:k+64]; opt.zero_grad(); loss = F.cross_entropy(model(Xtr[j], itr[j]), ytr[j]); loss.backward(); opt.step()
        if b % 5 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, k, len(ytr), 100. * k / len(ytr), loss.item()))
    model.eval()
    with torch.no_grad():
        out = model(Xte, ite); tl = F.cross_entropy(out, yte).item(); c = (out.argmax(1) == yte).sum().item()
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(tl, c, len(yte), 100. * c / len(yte)))
