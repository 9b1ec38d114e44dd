# Plain PyTorch loop over satellite "tiles" (synthetic) with a DataLoader of 3 workers. Each worker lazily builds
# a per-worker cache of decoded tiles (a dict, filled on first access and never evicted): with 3 workers the
# caches together grow past what the job's memory cgroup (1.5 GB) allows during epoch 0.
import argparse, time, numpy as np, torch, torch.nn as nn
ap = argparse.ArgumentParser(); ap.add_argument("--workers", type=int, default=3); ap.add_argument("--epochs", type=int, default=2)
args = ap.parse_args(); torch.manual_seed(0)
class Tiles(torch.utils.data.Dataset):
    def __init__(s, n): s.n = n; s.cache = {}; s.labels = np.random.default_rng(0).integers(0, 5, n)
    def __len__(s): return s.n
    def __getitem__(s, i):
        if i not in s.cache:  # "decode" a 4-band 256x256 tile at float32 and keep the full-res copy
            s.cache[i] = np.random.default_rng(i).normal(s.labels[i], 1.0, (4, 256, 256)).astype(np.float32)
        t = torch.from_numpy(s.cache[i][:, ::8, ::8].copy())
        return t, int(s.labels[i])
dl = torch.utils.data.DataLoader(Tiles(2400), batch_size=16, shuffle=True, num_workers=args.workers)
model = nn.Sequential(nn.Conv2d(4, 16, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 5))
opt = torch.optim.Adam(model.parameters(), 1e-3)
print(f"dataset 2400 tiles, batch 16, num_workers={args.workers}")
for ep in range(args.epochs):
    tot, t0 = 0.0, time.time()
    for i, (x, y) in enumerate(dl):
        loss = nn.functional.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        if (i + 1) % 10 == 0: print(f"epoch {ep} batch {i + 1}/{len(dl)} loss {tot / (i + 1):.4f} ({time.time() - t0:.1f}s)", flush=True)
    print(f"epoch {ep} done, mean loss {tot / (i + 1):.4f}")
