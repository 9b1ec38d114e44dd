"""Plain lines, two processes (gloo on CPU). Rank 1 skips an all-reduce after a data-dependent early exit, so
rank 0 waits for it until the process group's 3-second timeout: a real collective timeout."""

import os
import sys
import time
from datetime import timedelta

import torch
import torch.distributed as dist
import torch.multiprocessing as mp


def worker(rank: int, port: int) -> None:
    os.environ["MASTER_ADDR"], os.environ["MASTER_PORT"] = "127.0.0.1", str(port)
    dist.init_process_group("gloo", rank=rank, world_size=2, timeout=timedelta(seconds=3))
    model = torch.nn.Linear(4, 1)
    for step in range(1, 4):
        loss = model(torch.randn(8, 4)).pow(2).mean()
        loss.backward()
        if rank == 1 and step == 3:
            print(f"[rank1] step {step}: no batches left, leaving the loop", flush=True)
            time.sleep(8)
            return
        for p in model.parameters():
            dist.all_reduce(p.grad)
        print(f"[rank{rank}] step {step} loss {loss.item():.4f}", flush=True)


if __name__ == "__main__":
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    mp.spawn(worker, args=(port,), nprocs=2)
    sys.exit(0)
