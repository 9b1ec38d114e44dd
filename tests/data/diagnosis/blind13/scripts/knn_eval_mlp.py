# MLP embedding trained with CE, evaluated by nearest-neighbour retrieval over the training set each epoch
import torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import make_classification
torch.manual_seed(0)
X, y = make_classification(n_samples=60000, n_features=32, n_informative=16, n_classes=8, random_state=0)
X = torch.tensor(X, dtype=torch.float32); y = torch.tensor(y)
Xtr, ytr, Xva, yva = X[:40000], y[:40000], X[40000:], y[40000:]
enc = nn.Sequential(nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 128)); head = nn.Linear(128, 8)
opt = torch.optim.Adam(list(enc.parameters()) + list(head.parameters()), 1e-3)
for epoch in range(1, 4):
    perm = torch.randperm(40000)
    for b, k in enumerate(range(0, 40000, 256)):
        j = perm[k:k+256]; loss = F.cross_entropy(head(enc(Xtr[j])), ytr[j]); opt.zero_grad(); loss.backward(); opt.step()
        if b % 40 == 0: print(f'epoch {epoch} iter {b:4d}/157 loss {loss.item():.4f}', flush=True)
    with torch.no_grad():
        etr, eva = enc(Xtr), enc(Xva)
        dist = torch.cdist(eva, etr)                  # 20000 x 40000
        nn_idx = dist.argmin(1)
        print(f'epoch {epoch} knn val acc {(ytr[nn_idx] == yva).float().mean().item():.4f}', flush=True)
