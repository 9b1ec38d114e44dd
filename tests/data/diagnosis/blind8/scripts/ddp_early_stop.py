"""DDP (gloo, CPU) regression with a hand-rolled early stopping on each rank's own validation shard."""
import datetime, os, time
import numpy as np, torch, torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP

dist.init_process_group('gloo', timeout=datetime.timedelta(seconds=15))
rank, world = dist.get_rank(), dist.get_world_size()
torch.manual_seed(0)
rng = np.random.default_rng(rank)
X = torch.from_numpy(rng.normal(size=(4000, 16)).astype(np.float32))
y = X[:, :4].sum(1, keepdim=True) + 0.3 * torch.from_numpy(rng.normal(size=(4000, 1)).astype(np.float32))
Xv, yv = X[3000:], y[3000:]; X, y = X[:3000], y[:3000]
print(f"[rank {rank}] world {world}, {len(X)} train / {len(Xv)} val rows on this rank", flush=True)
model = DDP(nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1)))
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
best, bad, patience = float('inf'), 0, 2
for ep in range(40):
    for i in range(0, len(X), 100):
        loss = nn.functional.mse_loss(model(X[i:i + 100]), y[i:i + 100])
        opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad():
        vl = nn.functional.mse_loss(model(Xv), yv).item()
    print(f"[rank {rank}] epoch {ep} train_loss {loss.item():.4f} val_loss {vl:.4f}", flush=True)
    if vl < best - 1e-3:
        best, bad = vl, 0
    else:
        bad += 1
    if bad >= patience:
        print(f"[rank {rank}] early stopping at epoch {ep} (best val_loss {best:.4f})", flush=True)
        break
if rank == 0:
    torch.save(model.module.state_dict(), 'ddp_best.pt')
dist.barrier()
print(f"[rank {rank}] finished", flush=True)
dist.destroy_process_group()
