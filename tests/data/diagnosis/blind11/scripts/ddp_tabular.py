import os, datetime, time, torch, torch.nn as nn, torch.nn.functional as F, torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
dist.init_process_group('gloo', timeout=datetime.timedelta(seconds=20))
rank, ws = dist.get_rank(), dist.get_world_size()
print(f'[rank {rank}] init_process_group(gloo) world_size={ws} timeout=20s', flush=True)
def global_mean(t):
    t = t.detach().clone(); dist.all_reduce(t); return (t / ws).item()
torch.manual_seed(0)
model = DDP(nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3)))
opt = torch.optim.Adam(model.parameters(), 1e-3)
g = torch.Generator().manual_seed(rank); W = torch.randn(20, 3, generator=torch.Generator().manual_seed(9))
t0 = time.time()
for step in range(400):
    x = torch.randn(64, 20, generator=g); y = (x @ W).argmax(1)
    loss = F.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
    if rank == 0 and step % 50 == 0:
        print(f'[rank 0] step {step} loss(all ranks) {global_mean(loss):.4f} {time.time() - t0:.1f}s', flush=True)
    elif step % 50 == 0:
        print(f'[rank {rank}] step {step} loss {loss.item():.4f}', flush=True)
dist.destroy_process_group()
