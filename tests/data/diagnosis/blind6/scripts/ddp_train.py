# torch.distributed DDP on CPU (gloo), launched with torchrun --nproc_per_node 2. Every --eval-every steps rank 0
# alone evaluates on the full validation set (the other ranks go straight on with training), with a process-group
# timeout of --pg-timeout seconds.
import argparse, datetime, os, time
import torch, torch.distributed as dist, torch.nn as nn, torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel as DDP

p = argparse.ArgumentParser()
p.add_argument("--steps", type=int, default=60)
p.add_argument("--eval-every", type=int, default=25)
p.add_argument("--val-size", type=int, default=20000)
p.add_argument("--pg-timeout", type=float, default=30)
a = p.parse_args()
dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=a.pg_timeout))
rank, world = dist.get_rank(), dist.get_world_size()
torch.manual_seed(0)
torch.set_num_threads(1)
model = DDP(nn.Sequential(nn.Linear(64, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
w = torch.randn(64, 10, generator=torch.Generator().manual_seed(1))
def batch(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 64, generator=g)
    return x, (x @ w).argmax(1)
print(f"[rank {rank}/{world}] process group gloo ready, timeout {a.pg_timeout:.0f}s", flush=True)
for step in range(1, a.steps + 1):
    x, y = batch(64, 1000 * step + rank)
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 5 == 0:
        print(f"[rank {rank}] step {step} loss {loss.item():.4f}", flush=True)
    if step % a.eval_every == 0 and rank == 0:
        t0 = time.time()
        with torch.no_grad():
            correct = 0
            for i in range(200):
                xv, yv = batch(a.val_size // 10, 7 + i)
                correct += (model.module(xv).argmax(1) == yv).sum().item()
        print(f"[rank 0] step {step} val_acc {correct / (a.val_size * 20):.4f} ({time.time() - t0:.1f}s)", flush=True)
dist.destroy_process_group()
print(f"[rank {rank}] done", flush=True)
