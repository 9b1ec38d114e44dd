"""Plain lines. A feature cache is preallocated for the whole dataset at a size this machine cannot hold: the
CPU allocator refuses (a real DefaultCPUAllocator error)."""

import torch
from _common import blobs

x, y = blobs(256)
print("loaded 256 samples; building the feature cache for 2,199,023,255,552 features", flush=True)
cache = torch.empty(2**41, dtype=torch.uint8)
print("cache ready", cache.shape)
