import os, datetime, torch, torch.distributed as dist, torch.multiprocessing as mp, torch.nn as nn
def run(rank, world):
    os.environ.update(MASTER_ADDR='127.0.0.1', MASTER_PORT='29531')
    dist.init_process_group('gloo', rank=rank, world_size=world, timeout=datetime.timedelta(seconds=15))
    print(f'[rank {rank}] init_process_group(gloo) world_size={world} timeout=15s', flush=True)
    # agree on one data-shuffle seed across ranks
    seed = torch.randint(0, 2**31 - 1, (1,)) if rank == 0 else torch.zeros(1, dtype=torch.long)
    dist.broadcast(seed, src=rank)
    print(f'[rank {rank}] shuffle seed {int(seed)}', flush=True)
    torch.manual_seed(int(seed))
    model = nn.parallel.DistributedDataParallel(nn.Linear(16, 2))
    opt = torch.optim.SGD(model.parameters(), 0.1)
    for step in range(50):
        x = torch.randn(32, 16); y = (x[:, 0] > 0).long()
        loss = nn.functional.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
        if step % 10 == 0: print(f'[rank {rank}] step {step} loss {loss.item():.4f}', flush=True)
    dist.destroy_process_group()
if __name__ == '__main__':
    mp.spawn(run, args=(2,), nprocs=2)
