# Distributed timeout: world_size=2 but only rank 0 is ever started (the launcher for rank 1 was never run);
# rank 0 waits in init_process_group until its timeout.
import datetime, os, torch, torch.distributed as dist
os.environ.setdefault("MASTER_ADDR", "127.0.0.1"); os.environ.setdefault("MASTER_PORT", "29517")
print("rank 0 of world_size 2: init_process_group(backend='gloo', timeout=15s)")
dist.init_process_group("gloo", rank=0, world_size=2, timeout=datetime.timedelta(seconds=15))
print("initialised")
