"""Plain PyTorch: classify surface defects from 64 sensor features stored in a float32 shard (synthetic)."""
import argparse, os, subprocess, sys, threading, time
import numpy as np, torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

p = argparse.ArgumentParser()
p.add_argument('--shard', default='/tmp/b8_defects_shard0.f32')
p.add_argument('--rows', type=int, default=60000)
p.add_argument('--epochs', type=int, default=3)
p.add_argument('--batch-size', type=int, default=128)
p.add_argument('--workers', type=int, default=0)
p.add_argument('--regen-shard-after', type=float, default=0, help='seconds; a data-prep job rewrites the shard (0 = never)')
p.add_argument('--resume', default=None)
p.add_argument('--hidden', type=int, default=128)
p.add_argument('--label-dtype', default='int64')
p.add_argument('--drop-bad-rows', type=int, default=0)
p.add_argument('--dead-sensor', type=int, default=0, help='this export has one dead-sensor reading')
p.add_argument('--quantize', type=int, default=0, help='snap readings with the C helper libfastquant.so')
a = p.parse_args()
torch.manual_seed(0)
rng = np.random.default_rng(0)
F = 64
X = rng.normal(size=(a.rows, F)).astype(np.float32)
w = rng.normal(size=(F, 5)).astype(np.float32)
y = (X @ w + rng.normal(0, 2, (a.rows, 5))).argmax(1)
if a.dead_sensor:
    X[41234, 17] = -9.9e9   # a dead sensor reports its missing-value sentinel
X.tofile(a.shard)
np.save(a.shard + '.labels.npy', y)
print(f"shard {a.shard}: {a.rows} x {F} float32 ({os.path.getsize(a.shard) / 2**20:.1f} MiB), 5 classes")
mm = np.memmap(a.shard, dtype=np.float32, mode='r', shape=(a.rows, F))
labels = np.load(a.shard + '.labels.npy').astype(a.label_dtype)
keep = np.arange(a.rows)
if a.drop_bad_rows:
    keep = keep[np.abs(mm).max(1) < 3.5]   # drop rows with a saturated sensor
    print(f"dropped {a.rows - len(keep)} rows with a saturated sensor, {len(keep)} left")

class Shard(Dataset):
    def __init__(self, ids): self.rows = {int(r): int(r) for r in ids}   # row id -> row of the shard
    def __len__(self): return len(self.rows)
    def __getitem__(self, i):
        r = self.rows[i]
        return torch.from_numpy(np.array(mm[r])), torch.tensor(labels[r])

dl = DataLoader(Shard(keep), batch_size=a.batch_size, shuffle=True, num_workers=a.workers)
model = nn.Sequential(nn.Linear(F, a.hidden), nn.ReLU(), nn.Linear(a.hidden, 5))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
if a.resume:
    state = torch.load(a.resume)
    model.load_state_dict(state['model']); opt.load_state_dict(state['opt'])
    print(f"resumed from {a.resume} (epoch {state['epoch']})")
if a.regen_shard_after:
    def regen():
        time.sleep(a.regen_shard_after)
        # the nightly feature job rewrites the shard in place: truncate, then stream the new rows in
        with open(a.shard, 'r+b') as f: f.truncate(4096)
    threading.Thread(target=regen, daemon=True).start()
lossf = nn.CrossEntropyLoss()
if a.quantize:
    import ctypes
    lib = ctypes.CDLL(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'libfastquant.so'))
    print('quantizing inputs with libfastquant.so')
for ep in range(a.epochs):
    tot, n, corr = 0.0, 0, 0
    for i, (xb, yb) in enumerate(dl):
        if a.quantize:
            xb = xb.contiguous(); lib.quantize(ctypes.c_void_p(xb.data_ptr()), ctypes.c_long(xb.numel()))
        out = model(xb); loss = lossf(out, yb)
        opt.zero_grad(); loss.backward(); opt.step()
        tot += loss.item() * len(yb); n += len(yb); corr += (out.argmax(1) == yb).sum().item()
        if i % 100 == 0:
            print(f"epoch {ep} step {i}/{len(dl)} loss {loss.item():.4f}", flush=True)
    print(f"epoch {ep}: train_loss {tot / n:.4f} train_acc {corr / n:.4f}", flush=True)
    torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'epoch': ep}, f'defects_h{a.hidden}.pt')
print('done')
