"""SIMULATED: the kernel's OOM killer. A real one cannot be provoked safely on a shared machine; what it leaves
is exactly this: ordinary progress lines, no Python error at all, and death by SIGKILL (exit 137 in a shell)."""

import os
import signal

import torch
from _common import blobs

x, y = blobs(512)
held = []
for step in range(1, 6):
    held.append(torch.zeros(1 << 20))  # pretend each step keeps more memory alive (a small, harmless amount)
    print(f"step {step} loss {1.3 - 0.05 * step:.4f} cached_batches={len(held)}", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
