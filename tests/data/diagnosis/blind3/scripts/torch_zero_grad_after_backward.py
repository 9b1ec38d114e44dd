# MLP classifier whose loop calls zero_grad between backward and step (a refactoring slip).
import torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(4000, 20); W = torch.randn(20, 4); Y = (X @ W).argmax(1)
Xv = torch.randn(1000, 20); Yv = (Xv @ W).argmax(1)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 4))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(1, 16):
    perm = torch.randperm(4000); tot = 0.0
    for i in range(0, 4000, 100):
        idx = perm[i:i+100]
        loss = nn.functional.cross_entropy(model(X[idx]), Y[idx])
        loss.backward()
        opt.zero_grad()
        opt.step()
        tot += loss.item() * len(idx)
    with torch.no_grad():
        vo = model(Xv); vl = nn.functional.cross_entropy(vo, Yv).item(); va = (vo.argmax(1) == Yv).float().mean().item()
    print(f"epoch {epoch:2d} train_loss {tot/4000:.4f} val_loss {vl:.4f} val_acc {va:.4f}")
