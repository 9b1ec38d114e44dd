# Healthy: SGD with cosine annealing and warm restarts (SGDR, T_0=2 epochs, T_mult=2) on a 6-class task; the
# training loss jumps up at each restart (the learning rate is reset to its maximum) and then falls lower than
# before; validation accuracy rises overall. Exit 0.
import torch, torch.nn as nn
torch.manual_seed(0)
W = torch.randn(24, 6)
def data(n):
    x = torch.randn(n, 24); return x, (torch.tanh(x) @ W + 0.3 * torch.randn(n, 6)).argmax(1)
Xtr, ytr = data(16000); Xva, yva = data(2000)
m = nn.Sequential(nn.Linear(24, 96), nn.ReLU(), nn.Linear(96, 6))
opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9)
steps_per_epoch = 16000 // 32
sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=2 * steps_per_epoch, T_mult=2)
print("config: SGD lr=0.05 momentum=0.9, CosineAnnealingWarmRestarts T_0=2 epochs T_mult=2, batch 32, 14 epochs, n_train=16000")
step = 0
for ep in range(14):
    perm = torch.randperm(16000); run = 0.0
    for i in range(0, 16000 - 31, 32):
        idx = perm[i:i+32]; loss = nn.functional.cross_entropy(m(Xtr[idx]), ytr[idx])
        opt.zero_grad(); loss.backward(); opt.step(); sched.step(); step += 1; run += loss.item()
        if step % 100 == 0:
            print(f"epoch {ep} step {step} lr {sched.get_last_lr()[0]:.4f} loss {run/100:.4f}"); run = 0.0
    with torch.no_grad():
        vl = nn.functional.cross_entropy(m(Xva), yva).item(); va = (m(Xva).argmax(1) == yva).float().mean().item()
    print(f"epoch {ep} val_loss {vl:.4f} val_acc {va:.4f}")
print("done")
