# 4-class MLP with a long linear warm-up (lr from 1e-6 to 0.05 over 12 epochs): the loss sits at ln 4 until the lr is large enough, then drops.
import math, torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(6000, 24); W = torch.randn(24, 4); Y = (X @ W + 0.3 * torch.randn(6000, 4)).argmax(1)
Xv = torch.randn(1500, 24); Yv = (Xv @ W + 0.3 * torch.randn(1500, 4)).argmax(1)
model = nn.Sequential(nn.Linear(24, 128), nn.Tanh(), nn.Linear(128, 128), nn.Tanh(), nn.Linear(128, 4))
for m in model:
    if isinstance(m, nn.Linear): nn.init.normal_(m.weight, std=0.01); nn.init.zeros_(m.bias)
opt = torch.optim.SGD(model.parameters(), lr=1e-6, momentum=0.9)
steps_per_epoch = 60; warm = 12 * steps_per_epoch; peak = 0.05
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * peak / 1e-6)
print(f"chance loss ln4 = {math.log(4):.4f}")
for epoch in range(1, 31):
    perm = torch.randperm(6000); tot = 0
    for i in range(0, 6000, 100):
        idx = perm[i:i+100]; loss = nn.functional.cross_entropy(model(X[idx]), Y[idx])
        opt.zero_grad(); loss.backward(); opt.step(); sched.step(); tot += loss.item() * 100
    with torch.no_grad():
        o = model(Xv); vl = nn.functional.cross_entropy(o, Yv).item(); va = (o.argmax(1) == Yv).float().mean().item()
    print(f"epoch {epoch:2d} lr {opt.param_groups[0]['lr']:.2e} train_loss {tot/6000:.4f} val_loss {vl:.4f} val_acc {va:.4f}")
print("done")
