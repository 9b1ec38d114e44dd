import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import make_classification
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=12); p.add_argument('--noise-std', type=float, default=0.8)
p.add_argument('--mask-prob', type=float, default=0.3); p.add_argument('--batch-size', type=int, default=128)
a = p.parse_args(); torch.manual_seed(0)
X, y = make_classification(12000, 24, n_informative=10, n_redundant=6, n_classes=5, n_clusters_per_class=2, class_sep=1.5, flip_y=0.02, random_state=11)
X = ((X - X.mean(0)) / X.std(0)).astype(np.float32)
Xtr, ytr, Xva, yva = map(torch.tensor, (X[:10000], y[:10000], X[10000:], y[10000:]))
model = nn.Sequential(nn.Linear(24, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 5))
opt = torch.optim.AdamW(model.parameters(), 2e-3, weight_decay=1e-2)
print(f'augmentation: gaussian jitter std {a.noise_std}, random feature masking p={a.mask_prob} (train only)')
for epoch in range(1, a.epochs + 1):
    model.train(); perm = torch.randperm(10000); tl = tc = 0
    for b, i in enumerate(range(0, 10000, a.batch_size)):
        idx = perm[i:i + a.batch_size]; xb = Xtr[idx]
        xb = (xb + a.noise_std * torch.randn_like(xb)) * (torch.rand_like(xb) > a.mask_prob)
        out = model(xb); loss = F.cross_entropy(out, ytr[idx])
        opt.zero_grad(); loss.backward(); opt.step()
        tl += loss.item() * len(idx); tc += (out.argmax(1) == ytr[idx]).sum().item()
        if b % 20 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, i, 10000, 100. * i / 10000, loss.item()))
    model.eval()
    with torch.no_grad(): o = model(Xva); vl = F.cross_entropy(o, yva).item(); va = (o.argmax(1) == yva).float().mean().item()
    print(f'Epoch {epoch}: train loss {tl / 10000:.4f} acc {tc / 10000:.4f} | val loss {vl:.4f} acc {va:.4f}')
