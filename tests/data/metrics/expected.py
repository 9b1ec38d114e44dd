"""Turns each fixture's labels.json (written by its gen.py from the framework's own record, or by hand before the
parser was tuned) into expected.json: the metric series a perfect reading of the run should give, under one
naming convention, and the names that must never appear. Run once per new fixture:

    python tests/data/metrics/expected.py [NAME ...]

Conventions (fixed before tuning): names as the framework records them, lowercased, '-' and "'s " as '_';
an evaluation that the framework records without a split (mmengine's `accuracy` in Epoch(val)) gets `val_`;
steps are the framework's global step (HF, Lightning, mmengine iter, fairseq num_updates, nanoGPT iter, XGBoost
and LightGBM round as printed); where a log counts only inside an epoch, the global count in its own unit
((epoch - first epoch) * epoch size + position: samples for mnist, batches for Keras and timm), and an
epoch-level value (Keras epoch line, mnist test set, timm Test) at the end of its epoch."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def hf(labels: dict) -> dict:
    series: dict = {}
    for rec in labels["log_history"]:
        step = rec["step"]
        for k, v in rec.items():
            if k != "step" and isinstance(v, (int, float)):
                series.setdefault(k, []).append([step, float(v)])
    return {"series": series, "also_ok": ["epoch"], "never": []}


def lightning(folder: Path) -> dict:
    (csv_path,) = sorted(folder.glob("files/**/metrics.csv"))
    series: dict = {}
    with open(csv_path) as f:
        for row in csv.DictReader(f):
            step = int(row["step"])
            for k, v in row.items():
                if k not in ("step", "epoch") and v != "":
                    series.setdefault(k, []).append([step, float(v)])
    return {"series": series, "also_ok": ["epoch", "v_num"], "never": ["lr", "hidden", "max_epochs"]}


def keras(labels: dict) -> dict:
    n = labels["steps_per_epoch"]
    series = {k: [[(i + 1) * n, float(v)] for i, v in enumerate(vals)] for k, vals in labels["history"].items()}
    return {"series": series, "also_ok": ["epoch"], "never": ["total_params", "trainable_params", "params"]}


def evals(labels: dict, first: int, period_key: str) -> dict:
    period = labels[period_key]
    series: dict = {}
    for dataset, metrics in labels["evals_result"].items():
        for metric, values in metrics.items():
            name = f"{dataset}_{metric}".replace("-", "_")
            last = len(values) - 1
            for i, v in enumerate(values):
                shown = i + first
                if shown % period == 0 or (first == 0 and i == last) or (first == 1 and shown == len(values)):
                    series.setdefault(name, []).append([shown, float(v)])
    return {"series": series, "also_ok": [], "never": ["num_class", "max_depth", "eta", "num_leaves"]}


def mnist(folder: Path) -> dict:
    text = (folder / "stdout.txt").read_text()
    series: dict = {}
    epoch = first = None
    size = None
    for m in re.finditer(
        r"Train Epoch: (\d+) \[(\d+)/(\d+) \(\d+%\)\]\tLoss: ([\d.]+)"
        r"|Test set: Average loss: ([\d.]+), Accuracy: (\d+)/(\d+)",
        text,
    ):
        if m.group(1):
            epoch, n, size = int(m.group(1)), int(m.group(2)), int(m.group(3))
            first = epoch if first is None else first
            series.setdefault("loss", []).append([(epoch - first) * size + n, float(m.group(4))])
        else:
            step = (epoch - first + 1) * size
            series.setdefault("test_average_loss", []).append([step, float(m.group(5))])
            series.setdefault("test_accuracy", []).append([step, int(m.group(6)) / int(m.group(7))])
    return {"series": series, "also_ok": ["epoch"], "never": ["batch_size", "log_interval", "seed"]}


def nanogpt(folder: Path, labels: dict) -> dict:
    series: dict = {}
    for rec in labels["wandb"]:
        step = int(rec["iter"])
        series.setdefault("train_loss", []).append([step, rec["train/loss"]])
        series.setdefault("val_loss", []).append([step, rec["val/loss"]])
    for m in re.finditer(
        r"iter (\d+): loss ([\d.]+), time ([\d.]+)ms, mfu (-?[\d.]+)%", (folder / "stdout.txt").read_text()
    ):
        step = int(m.group(1))
        series.setdefault("loss", []).append([step, float(m.group(2))])
        if float(m.group(4)) >= 0:  # -100.00% is the placeholder printed before anything was measured
            series.setdefault("mfu", []).append([step, float(m.group(4))])
    config = "eval_interval eval_iters log_interval batch_size block_size n_layer n_head n_embd dropout learning_rate"
    config += " max_iters lr_decay_iters min_lr beta2 warmup_iters gradient_accumulation_steps vocab_size"
    config += " tensors parameters number_of_parameters"
    return {"series": series, "also_ok": ["time"], "never": config.split()}


def mmengine(labels: dict) -> dict:
    series: dict = {}
    iters_per_epoch = 0
    for rec in labels["scalars"]:
        if "iter" in rec:
            iters_per_epoch = max(iters_per_epoch, rec["iter"] // max(rec["epoch"], 1))
    last_iter = 0
    for rec in labels["scalars"]:
        if "iter" in rec:
            last_iter = rec["step"]
            for k, v in rec.items():
                if k not in ("epoch", "iter", "step"):
                    series.setdefault(k, []).append([rec["step"], float(v)])
        else:  # a validation record: mmengine steps it by epoch; here at the end of that epoch
            for k, v in rec.items():
                if k != "step":
                    series.setdefault(f"val_{k}", []).append([last_iter, float(v)])
    config = "max_epochs val_interval batch_size interval momentum seed by_epoch"
    return {"series": series, "also_ok": ["epoch", "memory", "eta"], "never": config.split()}


def timm(labels: dict) -> dict:
    n = labels["updates_per_epoch"]
    series: dict = {}
    for rec in labels["truth"]["train"]:
        step = rec["epoch"] * n + rec["update_idx"]
        series.setdefault("loss", []).append([step, rec["loss"]])
        series.setdefault("lr", []).append([step, rec["lr"]])
    for rec in labels["truth"]["test"]:
        step = (rec["epoch"] + 1) * n
        for key, name in (("loss", "test_loss"), ("top1", "test_acc@1"), ("top5", "test_acc@5")):
            series.setdefault(name, []).append([step, rec[key]])
    return {"series": series, "also_ok": ["time", "data", "epoch"], "never": ["param_count"]}


def word_language_model(folder: Path) -> dict:
    text = (folder / "stdout.txt").read_text()
    series: dict = {}
    epoch = first = size = None
    batch_re = (
        r"\| epoch +(\d+) \| +(\d+)/ *(\d+) batches \| lr ([\d.]+) \| ms/batch +[\d.]+ \| loss +([\d.]+)"
        r" \| ppl +([\d.]+)"
    )
    end_re = r"\| end of epoch +(\d+) \| time: +[\d.]+s \| valid loss +([\d.]+) \| valid ppl +([\d.]+)"
    test_re = r"\| End of training \| test loss +([\d.]+) \| test ppl +([\d.]+)"
    for m in re.finditer(f"{batch_re}|{end_re}|{test_re}", text):
        if m.group(1):
            epoch, n, size = int(m.group(1)), int(m.group(2)), int(m.group(3))
            first = epoch if first is None else first
            step = (epoch - first) * size + n
            for name, g in (("lr", 4), ("loss", 5), ("ppl", 6)):
                series.setdefault(name, []).append([step, float(m.group(g))])
        elif m.group(7):
            step = (int(m.group(7)) - first + 1) * size
            series.setdefault("valid_loss", []).append([step, float(m.group(8))])
            series.setdefault("valid_ppl", []).append([step, float(m.group(9))])
        else:
            step = (epoch - first + 1) * size
            series.setdefault("test_loss", []).append([step, float(m.group(10))])
            series.setdefault("test_ppl", []).append([step, float(m.group(11))])
    return {"series": series, "also_ok": ["epoch", "ms/batch", "batch"], "never": ["emsize", "nhid", "bptt"]}


def tensorboard(labels: dict) -> dict:
    series = {k.lower(): v for k, v in labels["series"].items()}
    return {"series": series, "also_ok": ["epoch", "hp_metric", "v_num"], "never": []}


def make(name: str) -> None:
    folder = HERE / name
    labels = json.loads((folder / "labels.json").read_text())
    if name == "lightning_tensorboard":
        out = tensorboard(labels)
    elif name == "word_language_model":
        out = word_language_model(folder)
    elif "series" in labels:
        out = {k: labels[k] for k in ("series", "also_ok", "never")}
    elif name.startswith("hf_trainer"):
        out = hf(labels)
    elif name.startswith("lightning"):
        out = lightning(folder)
    elif name.startswith("keras"):
        out = keras(labels)
    elif name in ("xgboost", "xgboost_sklearn"):
        out = evals(labels, 0, "verbose_eval")
    elif name == "lightgbm":
        out = evals(labels, 1, "period")
    elif name == "mnist":
        out = mnist(folder)
    elif name == "nanogpt":
        out = nanogpt(folder, labels)
    elif name == "mmengine":
        out = mmengine(labels)
    elif name == "timm":
        out = timm(labels)
    else:
        raise SystemExit(f"no labeller for {name}")
    # `time` is a reserved key of metrics.jsonl (the arrival time): a metric called `time` cannot be stored, so it is
    # acceptable, not expected (detectron2's and mmengine's per-iteration time)
    if "time" in out["series"]:
        del out["series"]["time"]
        out["also_ok"] = sorted(set(out["also_ok"]) | {"time"})
    out["source"] = labels.get("source", "")
    (folder / "expected.json").write_text(json.dumps(out, indent=1) + "\n")
    print(f"{name}: {', '.join(f'{k}({len(v)})' for k, v in out['series'].items())}")


if __name__ == "__main__":
    import yaml

    split = yaml.safe_load((HERE / "SPLIT.yaml").read_text())
    for name in sys.argv[1:] or split["tuned"] + split["kept_aside"] + split["kept_aside_late"]:
        if (HERE / name / "labels.json").exists():
            make(name)
        else:
            print(f"{name}: no labels.json yet")
