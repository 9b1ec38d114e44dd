"""JSON lines. The model was built on the 'meta' device (a lazy-init helper) and never materialised, while the
data is on the CPU: a real device mismatch, the same family as cuda:0 vs cpu."""

import json

import torch
from torch import nn

with torch.device("meta"):
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
print(json.dumps({"event": "start", "device": "cpu", "lr": 0.001, "batch_size": 16}), flush=True)
x = torch.randn(16, 8)
out = model(x)
print(json.dumps({"step": 1, "loss": float(out.sum())}))
