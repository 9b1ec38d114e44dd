# Two-process gloo DDP on CPU; each rank shards the data itself and rank 1 gets fewer batches.
import datetime, os, torch, torch.nn as nn, torch.distributed as dist
dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=20))
rank, world = dist.get_rank(), dist.get_world_size()
torch.manual_seed(0)
n = 1000 if rank == 0 else 800          # the last shard is short
X = torch.randn(n, 16); Y = X.sum(1, keepdim=True)
model = nn.parallel.DistributedDataParallel(nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1)))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for step, i in enumerate(range(0, n, 50)):
    loss = nn.functional.mse_loss(model(X[i:i+50]), Y[i:i+50])
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 4 == 0: print(f"[rank {rank}] step {step} loss {loss.item():.4f}", flush=True)
print(f"[rank {rank}] epoch done after {step+1} steps", flush=True)
dist.barrier()
dist.destroy_process_group()
