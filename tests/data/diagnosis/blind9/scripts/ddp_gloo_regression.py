# DDP (gloo, CPU) regression; rank and world size come from the environment (torchrun or a job script).
import os, datetime, time, torch, torch.nn as nn, torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
print(f"[rank {rank}] init_process_group(gloo) world_size={world} master={os.environ.get('MASTER_ADDR')}:{os.environ.get('MASTER_PORT')}", flush=True)
dist.init_process_group("gloo", rank=rank, world_size=world, timeout=datetime.timedelta(seconds=int(os.environ.get("PG_TIMEOUT", "1800"))))
torch.manual_seed(rank)
model = DDP(nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))); opt = torch.optim.SGD(model.parameters(), lr=0.01)
w = torch.randn(16, 1, generator=torch.Generator().manual_seed(0))
for step in range(int(os.environ.get("STEPS", "3000"))):
    x = torch.randn(64, 16); y = x @ w + 0.1 * torch.randn(64, 1)
    loss = nn.functional.mse_loss(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
    if step % 100 == 0 and rank == 0: print(f"[rank 0] step {step} loss {loss.item():.4f}", flush=True)
    time.sleep(0.01)
dist.destroy_process_group()
