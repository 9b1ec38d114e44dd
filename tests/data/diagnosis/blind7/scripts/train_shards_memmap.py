# Plain torch training from a memory-mapped feature shard (np.memmap, num_workers=0). A "sync" job started alongside
# (here: a child process, as a cron rsync would) rewrites the shard in place mid-run, truncating it first.
import os, subprocess, sys, time, numpy as np, torch, torch.nn as nn
path = "/tmp/b7_shard_000.f32"; n, d = 200000, 32
np.random.default_rng(0).normal(size=(n, d)).astype(np.float32).tofile(path)
X = np.memmap(path, dtype=np.float32, mode="r", shape=(n, d))
print(f"mapped {path}: {n} x {d} float32 ({os.path.getsize(path) / 2**20:.1f} MiB)", flush=True)
subprocess.Popen([sys.executable, "-c", f"import time,os; time.sleep(4); f=open({path!r},'r+b'); f.truncate(0); f.close(); time.sleep(30)"])
w = torch.randn(d); net = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 1)); opt = torch.optim.Adam(net.parameters(), 1e-3)
for epoch in range(50):
    tot = 0.0
    for i in range(0, n, 512):
        x = torch.from_numpy(np.array(X[i:i + 512])); y = (x @ w).unsqueeze(1)
        loss = nn.functional.mse_loss(net(x), y); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        if (i // 512) % 100 == 0: print(f"epoch {epoch} batch {i // 512}/{n // 512} loss {loss.item():.4f}", flush=True)
        time.sleep(0.01)
    print(f"epoch {epoch} mean loss {tot / (n / 512):.4f}", flush=True)
