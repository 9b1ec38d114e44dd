# DDP on CPU (gloo), 2 ranks started with torch.multiprocessing.spawn, a CNN with BatchNorm on synthetic images.
# After each epoch only rank 0 runs validation, through the DDP-wrapped model (whose forward broadcasts the
# BatchNorm buffers from rank 0, a collective), while rank 1 goes straight on to the next epoch.
# Process-group timeout 20 s.
import os, datetime, torch, torch.nn as nn, torch.distributed as dist, torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel as DDP
def run(rank, world):
    os.environ["MASTER_ADDR"] = "127.0.0.1"; os.environ["MASTER_PORT"] = "29561"
    dist.init_process_group("gloo", rank=rank, world_size=world, timeout=datetime.timedelta(seconds=20))
    torch.manual_seed(rank)
    net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 4))
    model = DDP(net); opt = torch.optim.SGD(model.parameters(), 0.05)
    y = torch.randint(0, 4, (512,)); x = torch.randn(512, 3, 16, 16) + y[:, None, None, None] * 0.5
    xv = torch.randn(256, 3, 16, 16); yv = torch.randint(0, 4, (256,))
    for ep in range(3):
        model.train(); tot = 0
        for i in range(0, 512, 32):
            loss = nn.functional.cross_entropy(model(x[i:i + 32]), y[i:i + 32]); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        print(f"[rank{rank}] epoch {ep} train_loss {tot / 16:.4f}", flush=True)
        if rank == 0:
            model.eval(); correct = 0
            with torch.no_grad():
                for i in range(0, 256, 64): correct += (model(xv[i:i + 64]).argmax(1) == yv[i:i + 64]).sum().item()
            print(f"[rank0] epoch {ep} val_acc {correct / 256:.4f}", flush=True)
    dist.destroy_process_group()
if __name__ == "__main__":
    mp.spawn(run, args=(2,), nprocs=2)
