"""JSON lines. A deep plain linear stack (no normalisation, large initialisation) with plain SGD: the gradient
norm grows geometrically; the script has a guard that aborts when it passes 1e6, before the loss turns NaN."""

import json
import sys

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(256, 16)
y = x @ torch.randn(16, 1)
layers = []
for _ in range(8):
    lin = nn.Linear(16, 16)
    nn.init.normal_(lin.weight, std=0.45)
    layers.append(lin)
model = nn.Sequential(*layers, nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.02)
print(json.dumps({"event": "config", "lr": 0.02, "batch_size": 256, "depth": 9}), flush=True)
for step in range(1, 201):
    loss = nn.functional.mse_loss(model(x), y)
    opt.zero_grad()
    loss.backward()
    gn = nn.utils.clip_grad_norm_(model.parameters(), float("inf")).item()
    opt.step()
    print(json.dumps({"step": step, "loss": round(loss.item(), 6), "grad_norm": round(gn, 4)}), flush=True)
    if gn > 1e6:
        print(f"aborting: gradient norm {gn:.3g} exceeds the limit of 1e6 at step {step}", file=sys.stderr, flush=True)
        sys.exit(2)
