"""timm's train.py print format, from its source: timm's own train.py could not run here (the PyPI torchvision
wheel does not load against the pinned CPU torch 2.13.0, and timm needs it), so this script trains a small conv
net for 3 epochs in plain torch on random 32x32 images and logs each update and each evaluation batch with the
two log formats of train.py (huggingface/pytorch-image-models at aa4b5850, train_one_epoch's `Train:` line and
validate's `Test:` line, as logging INFO records with timm's default handler format) and its summary.csv.
Labels: the values the loop computed (the loss, its running average, lr, accuracies), not the printed text."""

import csv
import json
import logging
import sys
import time

import torch
from torch import nn

logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
_logger = logging.getLogger("train")
torch.manual_seed(0)
x = torch.randn(192, 3, 32, 32)
y = (x[:, 0].mean((1, 2)) > 0).long()
xv, yv = torch.randn(64, 3, 32, 32), None
yv = (xv[:, 0].mean((1, 2)) > 0).long()
model = nn.Sequential(nn.Conv2d(3, 8, 3, 2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=3 * 12)
updates_per_epoch, log_interval, batch = 12, 4, 16
truth = {"train": [], "test": []}
rows = []


class Avg:
    def __init__(self):
        self.val = self.avg = self.sum = self.count = 0

    def update(self, v, n=1):
        self.val, self.sum, self.count = v, self.sum + v * n, self.count + n
        self.avg = self.sum / self.count


_logger.info(f"Model resnet-tiny created, param count:{sum(p.numel() for p in model.parameters())}")
for epoch in range(3):
    losses_m, update_time_m, data_time_m = Avg(), Avg(), Avg()
    perm = torch.randperm(192)
    for update_idx in range(updates_per_epoch):
        t0 = time.time()
        idx = perm[update_idx * batch : (update_idx + 1) * batch]
        loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses_m.update(loss.item(), batch)
        update_time_m.update(time.time() - t0 + 1e-4)
        data_time_m.update(1e-4)
        last_batch = update_idx == updates_per_epoch - 1
        if update_idx % log_interval == 0 or last_batch:
            lr = opt.param_groups[0]["lr"]
            loss_avg, loss_now = losses_m.avg, losses_m.val
            _logger.info(
                f"Train: {epoch} [{update_idx:>4d}/{updates_per_epoch} "
                f"({100.0 * (update_idx + 1) / updates_per_epoch:>3.0f}%)]  "
                f"Loss: {loss_now:#.3g} ({loss_avg:#.3g})  "
                f"Time: {update_time_m.val:.3f}s, {batch / update_time_m.val:>7.2f}/s  "
                f"({update_time_m.avg:.3f}s, {batch / update_time_m.avg:>7.2f}/s)  "
                f"LR: {lr:.3e}  "
                f"Data: {data_time_m.val:.3f} ({data_time_m.avg:.3f})"
            )
            truth["train"].append({"epoch": epoch, "update_idx": update_idx, "loss": loss_now, "lr": lr})
        sched.step()
    losses_m, top1_m, top5_m, batch_time_m = Avg(), Avg(), Avg(), Avg()
    last_idx = 64 // batch - 1
    with torch.no_grad():
        for batch_idx in range(last_idx + 1):
            t0 = time.time()
            out = model(xv[batch_idx * batch : (batch_idx + 1) * batch])
            target = yv[batch_idx * batch : (batch_idx + 1) * batch]
            loss = nn.functional.cross_entropy(out, target)
            acc1 = (out.argmax(1) == target).float().mean() * 100
            acc5 = torch.tensor(100.0)  # two classes: top-5 is every class
            losses_m.update(loss.item(), batch)
            top1_m.update(acc1.item(), batch)
            top5_m.update(acc5.item(), batch)
            batch_time_m.update(time.time() - t0 + 1e-4)
            _logger.info(
                f"Test: [{batch_idx:>4d}/{last_idx}]  "
                f"Time: {batch_time_m.val:.3f} ({batch_time_m.avg:.3f})  "
                f"Loss: {losses_m.val:>7.3f} ({losses_m.avg:>6.3f})  "
                f"Acc@1: {top1_m.val:>7.3f} ({top1_m.avg:>7.3f})  "
                f"Acc@5: {top5_m.val:>7.3f} ({top5_m.avg:>7.3f})"
            )
            truth["test"].append({"epoch": epoch, "loss": losses_m.val, "top1": top1_m.val, "top5": top5_m.val})
    rows.append({"epoch": epoch, "train_loss": truth["train"][-1]["loss"], "eval_loss": losses_m.avg,
                 "eval_top1": top1_m.avg, "eval_top5": top5_m.avg, "lr": opt.param_groups[0]["lr"]})
with open("summary.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
with open("labels.json", "w") as f:
    json.dump({"source": "the loop's own values", "updates_per_epoch": updates_per_epoch, "truth": truth}, f, indent=1)
