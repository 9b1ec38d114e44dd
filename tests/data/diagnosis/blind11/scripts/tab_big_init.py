import argparse, os, torch, torch.nn as nn, torch.nn.functional as F
from accelerate import init_empty_weights
from sklearn.datasets import make_classification
p = argparse.ArgumentParser(); p.add_argument('--hidden', type=int, default=2048); p.add_argument('--init-from', default='')
p.add_argument('--epochs', type=int, default=3)
a = p.parse_args(); torch.manual_seed(0)
X, y = make_classification(5000, 40, n_informative=12, n_classes=3, random_state=0)
X = torch.tensor(X, dtype=torch.float32); y = torch.tensor(y)
def build():
    return nn.Sequential(nn.Linear(40, a.hidden), nn.GELU(), nn.Linear(a.hidden, a.hidden), nn.GELU(), nn.Linear(a.hidden, 3))
with init_empty_weights():          # skip the random init: the weights come from the checkpoint below
    model = build()
if a.init_from and os.path.exists(a.init_from):
    model.load_state_dict(torch.load(a.init_from), assign=True); print(f'loaded {a.init_from}')
else:
    print(f'no checkpoint given ({a.init_from!r}); training from scratch')
print(f'model: {sum(p.numel() for p in model.parameters())/1e6:.2f}M params')
opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
for ep in range(a.epochs):
    perm = torch.randperm(4000)
    for i in range(0, 4000, 128):
        idx = perm[i:i + 128]
        opt.zero_grad(); loss = F.cross_entropy(model(X[idx]), y[idx]); loss.backward(); opt.step()
        if i % 1280 == 0: print(f'epoch {ep} step {i // 128} loss {loss.item():.4f}')
