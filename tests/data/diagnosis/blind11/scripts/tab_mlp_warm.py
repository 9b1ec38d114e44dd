import argparse, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import make_classification
p = argparse.ArgumentParser()
p.add_argument('--lr', type=float, default=5e-3); p.add_argument('--warmup-steps', type=int, default=10)
p.add_argument('--optim', default='adam'); p.add_argument('--epochs', type=int, default=15); p.add_argument('--batch-size', type=int, default=64)
a = p.parse_args(); torch.manual_seed(0)
X, y = make_classification(4000, 20, n_informative=10, n_classes=4, n_clusters_per_class=1, random_state=3)
X = torch.tensor(X, dtype=torch.float32); y = torch.tensor(y)
Xtr, ytr, Xva, yva = X[:3200], y[:3200], X[3200:], y[3200:]
model = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 4))
opt = torch.optim.Adam(model.parameters(), lr=a.lr) if a.optim == 'adam' else torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
warm = lambda step: (step + 1) / a.warmup_steps
sched = torch.optim.lr_scheduler.LambdaLR(opt, warm)
step = 0
for epoch in range(1, a.epochs + 1):
    model.train(); perm = torch.randperm(3200); tot = 0
    for i in range(0, 3200, a.batch_size):
        idx = perm[i:i + a.batch_size]
        opt.zero_grad(); loss = F.cross_entropy(model(Xtr[idx]), ytr[idx]); loss.backward(); opt.step(); sched.step()
        tot += loss.item() * len(idx); step += 1
        if step % 25 == 0:
            print(f'| epoch {epoch:3d} | step {step:5d} | lr {sched.get_last_lr()[0]:.5f} | loss {loss.item():8.4f}')
    model.eval()
    with torch.no_grad():
        o = model(Xva); vl = F.cross_entropy(o, yva).item(); acc = (o.argmax(1) == yva).float().mean().item()
    print('-' * 70); print(f'| end of epoch {epoch:3d} | train loss {tot/3200:8.4f} | valid loss {vl:8.4f} | valid acc {acc:.4f}'); print('-' * 70)
