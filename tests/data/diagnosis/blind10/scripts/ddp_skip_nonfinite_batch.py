# DDP (gloo, 2 CPU ranks, torch.multiprocessing.spawn). Each rank skips a batch whose inputs contain a NaN
# ("bad sensor rows") with `continue` before backward -- so on that step the two ranks run a different number
# of gradient all-reduces. Process group timeout 20 s.
import os, datetime, torch, torch.distributed as dist, torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel as DDP
def run(rank, world):
    os.environ.update(MASTER_ADDR='127.0.0.1', MASTER_PORT='29533')
    dist.init_process_group('gloo', rank=rank, world_size=world, timeout=datetime.timedelta(seconds=20))
    torch.manual_seed(rank)
    model = DDP(torch.nn.Sequential(torch.nn.Linear(12, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1)))
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    print(f'[rank {rank}] init done, world {world}', flush=True)
    for step in range(200):
        x = torch.randn(64, 12); y = x[:, :3].sum(1, keepdim=True)
        if rank == 1 and step == 37: x[5, 2] = float('nan')   # one bad sensor row on rank 1
        if not torch.isfinite(x).all():
            print(f'[rank {rank}] step {step}: non-finite input, skipping batch', flush=True); continue
        loss = torch.nn.functional.mse_loss(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
        if step % 10 == 0: print(f'[rank {rank}] step {step} loss {loss.item():.4f}', flush=True)
    dist.barrier(); print(f'[rank {rank}] finished', flush=True); dist.destroy_process_group()
if __name__ == '__main__':
    mp.spawn(run, args=(2,), nprocs=2)
