# CPU float16 autocast with torch.amp.GradScaler started at a huge scale (2**24): the first steps overflow and are skipped while the scale settles.
import torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(4000, 32); W = torch.randn(32, 5); Y = (X @ W).argmax(1)
model = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 5)); opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scaler = torch.amp.GradScaler("cpu", init_scale=2.0**24, growth_interval=200)
step = 0
for epoch in range(6):
    for i in range(0, 4000, 100):
        with torch.autocast("cpu", dtype=torch.float16):
            loss = nn.functional.cross_entropy(model(X[i:i+100]), Y[i:i+100])
        opt.zero_grad(); before = scaler.get_scale()
        scaler.scale(loss).backward(); scaler.step(opt); scaler.update(); step += 1
        if scaler.get_scale() < before: print(f"step {step}: gradient overflow, skipping step, loss scale {before:.0f} -> {scaler.get_scale():.0f}")
        if step % 20 == 0: print(f"epoch {epoch} step {step} loss {loss.item():.4f} scale {scaler.get_scale():.0f}")
