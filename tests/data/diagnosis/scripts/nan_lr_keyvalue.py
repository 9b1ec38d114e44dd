"""key=value lines (like examples/classify): a learning rate of 40 diverges within a few dozen steps; the script
stops itself on a NaN loss with SystemExit, as many training loops do."""

import argparse
import math

import torch
from _common import batches, blobs, mlp
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--lr", type=float, default=40.0)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--seed", type=int, default=2)
args = p.parse_args()
torch.manual_seed(args.seed)
x, y = blobs(640, seed=args.seed)
model = mlp(hidden=64)
opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
print(f"config: seed={args.seed} hidden=64 lr={args.lr} batch_size={args.batch_size} epochs=8", flush=True)
step = 0
for epoch in range(1, 9):
    for xb, yb in batches(x, y, args.batch_size, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        grad_norm = nn.utils.clip_grad_norm_(model.parameters(), float("inf")).item()
        opt.step()
        step += 1
        print(f"epoch={epoch} step={step} loss={loss.item():.5g} grad_norm={grad_norm:.5g}", flush=True)
        if not math.isfinite(loss.item()):
            raise SystemExit(f"loss became {loss.item()} at step {step}")
print("done", flush=True)
