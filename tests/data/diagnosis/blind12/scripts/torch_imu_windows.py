import numpy as np, torch, torch.nn as nn, argparse
from numpy.lib.stride_tricks import as_strided
p = argparse.ArgumentParser(); p.add_argument('--window', type=int, default=100); p.add_argument('--hop', type=int, default=50); a = p.parse_args()
rng = np.random.default_rng(0)
T = 400000
sig = rng.normal(size=(T, 3)).astype('float32'); act = (np.sin(np.arange(T) / 900.0) > 0).astype('int64')
sig[:, 0] += act * 0.8
n = (T - a.window) // a.hop
print(f'recording {sig.shape}, window {a.window}, hop {a.hop} -> {n} windows', flush=True)
s0, s1 = sig.strides
win = as_strided(sig, shape=(n, a.window, 3), strides=(s0 * a.hop * a.window, s0, s1))   # zero-copy windows
labels = act[np.arange(n) * a.hop + a.window // 2]
model = nn.Sequential(nn.Flatten(), nn.Linear(a.window * 3, 64), nn.ReLU(), nn.Linear(64, 2)); opt = torch.optim.Adam(model.parameters(), 1e-3)
for epoch in range(3):
    perm = np.random.default_rng(epoch).permutation(n)
    for b in range(0, n, 256):
        idx = np.sort(perm[b:b + 256])
        x = torch.from_numpy(np.ascontiguousarray(win[idx])); y = torch.from_numpy(labels[idx])
        loss = nn.functional.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
        if (b // 256) % 10 == 0: print(f'epoch {epoch} batch {b // 256}/{n // 256} loss {loss.item():.4f}', flush=True)
