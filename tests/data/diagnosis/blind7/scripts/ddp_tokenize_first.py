# torchrun --nproc_per_node 2, gloo on CPU, process-group timeout 10 s. The usual "rank 0 prepares the data, the
# others wait at a barrier" pattern: rank 0 tokenizes and caches the corpus (slow, here ~35 s), rank 1 waits in
# dist.barrier() for it, then both train a small DDP model.
import datetime, os, time, torch, torch.distributed as dist, torch.nn as nn
dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=10))
rank, world = dist.get_rank(), dist.get_world_size()
print(f"[rank {rank}] process group up: world_size={world}, backend=gloo, timeout=10s", flush=True)
cache = "/tmp/b7_tok_cache.pt"
if rank == 0:
    if os.path.exists(cache): os.remove(cache)
    print(f"[rank 0] tokenizing corpus -> {cache}", flush=True)
    toks = []
    for shard in range(7):
        time.sleep(5); toks.append(torch.randint(0, 1000, (20000,)))
        print(f"[rank 0] tokenized shard {shard + 1}/7", flush=True)
    torch.save(torch.cat(toks), cache)
else:
    print(f"[rank {rank}] waiting for rank 0 to build the token cache", flush=True)
dist.barrier()
data = torch.load(cache)
model = nn.parallel.DistributedDataParallel(nn.Sequential(nn.Embedding(1000, 32), nn.Linear(32, 1000)))
opt = torch.optim.Adam(model.parameters(), 1e-3)
for step in range(50):
    x = data[step * 64 + rank * 32: step * 64 + rank * 32 + 32]; loss = nn.functional.cross_entropy(model(x[:-1]), x[1:])
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 10 == 0 and rank == 0: print(f"step {step} loss {loss.item():.4f}", flush=True)
dist.destroy_process_group()
