import os, datetime, torch, torch.nn as nn, torch.nn.functional as F, torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
dist.init_process_group('gloo', timeout=datetime.timedelta(seconds=20))
rank, ws = dist.get_rank(), dist.get_world_size()
torch.manual_seed(rank)
print(f'[rank {rank}] init_process_group(gloo) world_size={ws} timeout=20s', flush=True)
class Router(nn.Module):
    """two experts; each batch goes to the expert its mean 'channel' feature picks"""
    def __init__(s):
        super().__init__(); s.trunk = nn.Linear(16, 64); s.experts = nn.ModuleList([nn.Linear(64, 3), nn.Linear(64, 3)])
    def forward(s, x):
        h = F.relu(s.trunk(x)); e = int(x[:, 0].mean() > 0.25)
        return s.experts[e](h), e
model = DDP(Router())
opt = torch.optim.SGD(model.parameters(), lr=0.05)
g = torch.Generator().manual_seed(100 + rank)
for step in range(200):
    x = torch.randn(32, 16, generator=g); y = torch.randint(0, 3, (32,), generator=g)
    out, e = model(x); loss = F.cross_entropy(out, y)
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 10 == 0: print(f'[rank {rank}] step {step} expert {e} loss {loss.item():.4f}', flush=True)
dist.destroy_process_group()
