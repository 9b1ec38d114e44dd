"""Plain PyTorch training loop whose batches come from a native reader (here: a bad pointer read through
ctypes, as a buggy C extension does): after a few healthy steps the process dies of SIGSEGV, no Python error."""

import ctypes

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
x, y = torch.randn(512, 16), torch.randint(0, 4, (512,))
for step in range(1, 200):
    if step == 37:
        ctypes.string_at(0x10)  # the extension dereferences a freed buffer
    idx = torch.randint(0, 512, (64,))
    loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(f"step {step} loss {loss.item():.4f}", flush=True)
