import argparse, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser(); p.add_argument('--amp', action='store_true'); p.add_argument('--steps', type=int, default=300)
p.add_argument('--batch-size', type=int, default=256); p.add_argument('--lr', type=float, default=1e-3)
a = p.parse_args(); torch.manual_seed(0)
rng = np.random.default_rng(0)
X = rng.normal(size=(20000, 12)).astype(np.float32)
y = (250000 + 60000 * X[:, 0] - 30000 * X[:, 1] + 15000 * X[:, 2] * X[:, 3] + rng.normal(0, 10000, 20000)).astype(np.float32)  # sale price in dollars
print(f'train rows {len(X)}, target mean {y.mean():.0f}, target std {y.std():.0f}')
X, y = torch.tensor(X), torch.tensor(y)
model = nn.Sequential(nn.Linear(12, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))
opt = torch.optim.AdamW(model.parameters(), lr=a.lr)
scaler = torch.amp.GradScaler('cpu', enabled=a.amp)
print(f'amp float16: {a.amp}, initial loss scale {scaler.get_scale() if a.amp else 1.0:.0f}')
skipped = 0; t0 = time.time()
for step in range(a.steps):
    idx = torch.randint(0, len(X), (a.batch_size,))
    opt.zero_grad(set_to_none=True)
    with torch.autocast('cpu', dtype=torch.float16, enabled=a.amp):
        pred = model(X[idx]).squeeze(1)
        loss = F.mse_loss(pred.float(), y[idx])
    before = scaler.get_scale() if a.amp else 1.0
    scaler.scale(loss).backward(); scaler.step(opt); scaler.update()
    after = scaler.get_scale() if a.amp else 1.0
    if after < before: skipped += 1
    if step % 20 == 0 or step == a.steps - 1:
        print(f'step {step:4d} | loss {loss.item():.4e} | rmse {loss.item() ** 0.5:10.1f} | loss scale {after:.3e} | skipped steps {skipped} | {time.time() - t0:.1f}s', flush=True)
