# Loss not decreasing: the optimizer is built over the parameters of a model that is re-created afterwards
# (a 'reset' helper rebuilds the model), so the trained model's weights never change.
import torch, torch.nn as nn
torch.manual_seed(0)
W = torch.randn(6, 6)
X = torch.randn(3000, 30); y = (X[:, :6] @ W).argmax(1)
Xv = torch.randn(600, 30); yv = (Xv[:, :6] @ W).argmax(1)
def build(): return nn.Sequential(nn.Linear(30, 128), nn.ReLU(), nn.Linear(128, 6))
model = build()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
model = build()   # 'reset' before training: opt still points at the old parameters
print("config: 6 classes, MLP 30-128-6, Adam lr=1e-3, batch 64, 12 epochs")
for ep in range(12):
    tot = 0; n = 0
    for i in range(0, 3000, 64):
        loss = nn.functional.cross_entropy(model(X[i:i+64]), y[i:i+64])
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item(); n += 1
    with torch.no_grad():
        vl = nn.functional.cross_entropy(model(Xv), yv).item(); va = (model(Xv).argmax(1) == yv).float().mean().item()
    print(f"epoch {ep+1:02d} train_loss {tot/n:.4f} val_loss {vl:.4f} val_acc {va:.4f}")
