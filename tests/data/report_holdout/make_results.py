"""Real training runs for the held-out report texts: a 2-layer MLP (torch) on a fixed noisy two-spirals problem,
arms 'plain' (AdamW, weight decay 0), 'wd' (weight decay 0.05) and 'wd_drop' (weight decay 0.05 + dropout 0.2),
seeds 0-5, 300 full-batch steps; test accuracy on 2,000 held-out points. Seed 4 of wd_drop is stopped on purpose
after 40 steps (a 'cancelled' run). Writes results/spirals.csv. torch 2.13.0 (CPU), run once:

    .venv/bin/python tests/data/report_holdout/make_results.py
"""

import csv
import math
from pathlib import Path

import torch


def spirals(n, gen):
    t = torch.rand(n, generator=gen) * 3 * math.pi
    label = torch.randint(0, 2, (n,), generator=gen)
    r = t / (3 * math.pi)
    x = torch.stack([r * torch.cos(t + math.pi * label), r * torch.sin(t + math.pi * label)], 1)
    return x + 0.08 * torch.randn(n, 2, generator=gen), label


def run(arm, seed):
    data = torch.Generator().manual_seed(1234)
    xtr, ytr = spirals(600, data)
    xte, yte = spirals(2000, data)
    torch.manual_seed(seed)
    drop = 0.2 if arm == "wd_drop" else 0.0
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 64),
        torch.nn.ReLU(),
        torch.nn.Dropout(drop),
        torch.nn.Linear(64, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 2),
    )
    opt = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.0 if arm == "plain" else 0.05)
    steps = 40 if (arm == "wd_drop" and seed == 4) else 300
    for _ in range(steps):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xtr), ytr)
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        acc = (model(xte).argmax(1) == yte).float().mean().item()
        test_loss = torch.nn.functional.cross_entropy(model(xte), yte).item()
    return steps, acc, test_loss


def main():
    out = Path(__file__).resolve().parent / "results" / "spirals.csv"
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["method", "seed", "status", "test_acc", "test_loss"])
        for arm in ("plain", "wd", "wd_drop"):
            for seed in range(6):
                steps, acc, loss = run(arm, seed)
                if steps < 300:
                    w.writerow([arm, seed, "cancelled", "", ""])
                else:
                    w.writerow([arm, seed, "completed", round(acc, 4), round(loss, 4)])


if __name__ == "__main__":
    main()
