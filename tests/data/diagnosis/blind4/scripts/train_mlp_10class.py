# Underfitting: a 10-class task with a linear rule (argmax of x @ W, no label noise); the student MLP (20-128-10, enough capacity)
# is trained with AdamW and weight_decay=10.0 (meant to be 1e-2: a slip in the config), which keeps the weights,
# and so the logits, small: train and validation loss level off together far above what the model can reach.
import sys, torch, torch.nn as nn
torch.manual_seed(0)
wd = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
W = torch.randn(20, 10)
def data(n):
    x = torch.randn(n, 20); return x, (x @ W).argmax(1)
Xtr, ytr = data(6000); Xva, yva = data(2000)
m = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.AdamW(m.parameters(), lr=3e-3, weight_decay=wd)
print(f"config: classes=10 n_train=6000 n_val=2000 model=MLP 20-128-10 optimizer=AdamW lr=3e-3 weight_decay={wd} batch_size=100 epochs=30")
def report(ep):
    m.eval()
    with torch.no_grad():
        tl = nn.functional.cross_entropy(m(Xtr), ytr).item(); ta = (m(Xtr).argmax(1) == ytr).float().mean().item()
        vl = nn.functional.cross_entropy(m(Xva), yva).item(); va = (m(Xva).argmax(1) == yva).float().mean().item()
    print(f"epoch {ep:02d} train_loss {tl:.4f} train_acc {ta:.4f} val_loss {vl:.4f} val_acc {va:.4f}")
report(0)
for ep in range(30):
    m.train(); perm = torch.randperm(6000)
    for i in range(0, 6000, 100):
        idx = perm[i:i+100]; loss = nn.functional.cross_entropy(m(Xtr[idx]), ytr[idx]); opt.zero_grad(); loss.backward(); opt.step()
    report(ep + 1)
