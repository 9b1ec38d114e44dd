"""Train the example MLP. Prints one metric line per epoch (`key=value` style) and, when experiment-runner is
importable, also logs the metrics as JSON lines to $EXPERIMENT_RUNNER_METRICS. After the last epoch it evaluates the
held-out test split once (test_loss, test_acc): choose configurations on val_*, report test_*.

    python train.py --config config.yaml --seed 0 --hidden 64 --lr 0.05
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time

import numpy as np
import torch
import yaml
from model import MLP, build, load_split
from torch import nn
from torch.utils.data import DataLoader

try:  # optional: structured metrics for experiment-runner
    from experiment_runner import log as er_log
except ImportError:  # pragma: no cover - the script works without it
    er_log = None


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def evaluate(model: nn.Module, loader, loss_fn) -> tuple[float, float]:
    model.eval()
    total, correct, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for x, y in loader:
            out = model(x)
            loss_sum += loss_fn(out, y).item() * len(y)
            correct += (out.argmax(1) == y).sum().item()
            total += len(y)
    model.train()
    return loss_sum / total, correct / total


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--hidden", type=int, default=None)
    p.add_argument("--lr", type=float, default=None)
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument(
        "--min-epoch-s",
        type=float,
        default=0.0,
        help="pad each epoch to at least this many seconds: stands in for a bigger model's epoch in demos and tests "
        "of monitoring and pruning (this MLP trains an epoch in milliseconds)",
    )
    args = p.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    seed = args.seed if args.seed is not None else int(os.environ.get("EXPERIMENT_RUNNER_SEED", cfg["seed"]))
    hidden = args.hidden or cfg["model"]["hidden"]
    lr = args.lr or cfg["training"]["learning_rate"]
    epochs = args.epochs or cfg["training"]["epochs"]
    seed_everything(seed)

    parts = build(hidden=hidden, batch_size=cfg["training"]["batch_size"])
    model: nn.Module = MLP(hidden=hidden)
    loss_fn = parts["loss_fn"]
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=cfg["training"]["momentum"])
    print(f"config: seed={seed} hidden={hidden} lr={lr} epochs={epochs} num_classes={parts['num_classes']}", flush=True)

    step = 0
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        for x, y in parts["train_loader"]:
            loss = loss_fn(model(x), y)
            opt.zero_grad()
            loss.backward()
            grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), float("inf")).item()
            opt.step()
            step += 1
            if not math.isfinite(loss.item()):
                print(f"epoch={epoch} step={step} loss={loss.item()} grad_norm={grad_norm}", flush=True)
                raise SystemExit(f"loss became {loss.item()} at step {step}")
        val_loss, val_acc = evaluate(model, parts["val_loader"], loss_fn)
        line = dict(
            epoch=epoch,
            step=step,
            loss=round(loss.item(), 5),
            grad_norm=round(grad_norm, 4),
            val_loss=round(val_loss, 5),
            val_acc=round(val_acc, 4),
            epoch_s=round(time.time() - t0, 3),
        )
        print(" ".join(f"{k}={v}" for k, v in line.items()), flush=True)
        if er_log is not None:
            er_log(step=step, loss=line["loss"], val_loss=val_loss, val_acc=val_acc, grad_norm=grad_norm)
        time.sleep(max(0.0, args.min_epoch_s - (time.time() - t0)))
    test_loss, test_acc = evaluate(model, DataLoader(load_split("test"), batch_size=256), loss_fn)
    print(f"step={step} test_loss={test_loss:.5f} test_acc={test_acc:.4f}", flush=True)
    print(f"done: final val_acc={val_acc:.4f}", flush=True)


if __name__ == "__main__":
    main()
