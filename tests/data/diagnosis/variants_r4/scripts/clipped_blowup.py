"""A linear regression on unscaled features (std 100; the target's variance is about 1e5) trained with Adam and a
linear warm-up over the whole run to a peak rate LR, gradient clipping at 1.0, logging the norm clip_grad_norm_
returns (before clipping). Adam's step is about the rate whatever the clip, so too high a peak makes the weights
swing ever wider as the rate climbs: the loss sits orders of magnitude above the target's scale and the gradient
norm keeps growing, yet nothing becomes NaN. A low peak is the healthy twin: the loss falls to the noise level.
START: the first step printed (a log that begins mid-run, as a resumed job's or a pasted excerpt does: no calm
start to compare with). NOISE: the target noise's std (1000: a noisy target whose loss levels off near 1e6).
Usage: clipped_blowup.py LR STEPS EVERY FORMAT SEED [START [NOISE]]   (FORMAT: plain | dict)"""

import sys

import torch

lr, steps, every, fmt, seed = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
start = int(sys.argv[6]) if len(sys.argv) > 6 else 0
noise = float(sys.argv[7]) if len(sys.argv) > 7 else 0.1
torch.manual_seed(seed)
x = torch.randn(4096, 10) * 100
w_true = torch.randn(10, 1)
y = x @ w_true + noise * torch.randn(4096, 1)
model = torch.nn.Linear(10, 1)
opt = torch.optim.Adam(model.parameters(), lr=lr)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda t: min(1.0, (t + 1) / steps))
print(f"config: optimizer=Adam peak_lr={lr} warmup={steps} clip_grad_norm=1.0 batch_size=64 steps={steps} features=10 (unscaled, std 100)", flush=True)
for step in range(1, steps + 1):
    idx = torch.randint(0, 4096, (64,))
    loss = torch.nn.functional.mse_loss(model(x[idx]), y[idx])
    opt.zero_grad()
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    if step % every == 0 and step >= start:
        if fmt == "dict":
            print({"loss": round(loss.item(), 4), "grad_norm": round(norm.item(), 4), "learning_rate": sched.get_last_lr()[0], "step": step})
        else:
            print(f"Step {step}: grad_norm={norm.item():.4f}, loss={loss.item():.4f}", flush=True)
