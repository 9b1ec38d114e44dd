"""Plain PyTorch mixed precision on CPU (torch.autocast float16 + torch.amp.GradScaler starting at 2**24, as
DeepSpeed-style configs do), logging the loss scale the way fairseq/Megatron logs do. --input-scale is the range
of the raw features (un-normalised sensor values): at 1 the run is healthy and the scale settles after a few
early overflows; at 6e4 the float16 activations overflow, the loss is NaN and the scale falls towards zero."""

import argparse

import torch
from torch import nn

ap = argparse.ArgumentParser()
ap.add_argument("--input-scale", type=float, default=1.0)
ap.add_argument("--lr", type=float, default=0.05)
ap.add_argument("--steps", type=int, default=400)
args = ap.parse_args()

torch.manual_seed(0)
centres = torch.randn(4, 32) * 0.6
y = torch.randint(0, 4, (4096,))
x = ((centres[y] + torch.randn(4096, 32)) / 4).clamp(-1, 1) * args.input_scale
model = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 4))
with torch.no_grad():
    model[0].weight.mul_(1.0 / args.input_scale)
opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
scaler = torch.amp.GradScaler("cpu", init_scale=2.0**24, growth_interval=100)
skipped = 0
for step in range(1, args.steps + 1):
    idx = torch.randint(0, 4096, (128,))
    with torch.autocast("cpu", dtype=torch.float16):
        loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
    before = scaler.get_scale()
    scaler.scale(loss).backward()
    scaler.step(opt)
    scaler.update()
    opt.zero_grad(set_to_none=True)
    if scaler.get_scale() < before:
        skipped += 1
        print(
            f"step {step:4d} | gradient overflow, skipping step; loss scale reduced to {scaler.get_scale():g}",
            flush=True,
        )
    if step % 20 == 0:
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.float16):
            acc = (model(x[:1024]).argmax(1) == y[:1024]).float().mean().item()
        print(
            f"step {step:4d} | loss {loss.item():.4f} | acc {acc:.3f} | loss_scale {scaler.get_scale():g} "
            f"| skipped {skipped}",
            flush=True,
        )
