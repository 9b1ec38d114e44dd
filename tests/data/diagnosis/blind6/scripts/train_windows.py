# Plain PyTorch 1-D CNN forecaster on sensor shards (one memory-mapped .npy shard per epoch). Sliding windows are cut with
# numpy's as_strided for speed (no copy); the window helper assumes 8-byte samples.
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from numpy.lib.stride_tricks import as_strided

def windows(series, win, step):
    n = (len(series) - win) // step
    return as_strided(series, shape=(n, win), strides=(step * 8, 8))  # 8 bytes per sample

import os
rng = np.random.default_rng(0)
SHARDS = "/tmp/b6_sensor_shards"
def shard(k):
    path = f"{SHARDS}/shard{k}.npy"
    if not os.path.exists(path):  # first use: export the shard
        os.makedirs(SHARDS, exist_ok=True)
        t = np.arange(3_000_000)
        s = np.sin(t / 50.0) + 0.1 * rng.normal(size=t.size)
        np.save(path, s.astype(np.float32 if k == 3 else np.float64))  # shard 3 came from the new exporter
    return np.load(path, mmap_mode="r")

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(1, 16, 5, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(16 * 64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(6):
    s = shard(epoch)
    w = windows(s, 65, 1)
    print(f"epoch {epoch}: shard {epoch} dtype {s.dtype}, {len(w)} windows", flush=True)
    idx = rng.permutation(len(w) - 1)[:20000]
    total = 0.0
    for i in range(0, len(idx), 200):
        b = torch.from_numpy(np.ascontiguousarray(w[idx[i:i + 200]], dtype=np.float32))
        x, y = b[:, None, :64], b[:, 64:]
        loss = F.mse_loss(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
        total += loss.item()
    print(f"epoch {epoch}: train_mse {total / 100:.5f}", flush=True)
print("done")
