"""Time the full set of sanity checks (all eight, lr_range_test included) on a small MLP on a digits dataset, through
run_sanity_checks on a real MCP server (child process, real torch), against the issue's 20 s target on CPU.

    python bench/sanity_bench.py [--repeats 3] [--device cpu] [--sklearn-python PYTHON]

Data: sklearn's digits (1797 x 64, 10 classes) when --sklearn-python names an interpreter that has scikit-learn
(a throwaway venv is fine: it only exports the data to CSV); otherwise a generated digits-shaped set of the same
size (tests/data/sanity_models/_data.py). Model: 64-128-10 MLP, standardised inputs, Adam(1e-3), batch 32, 80/20
split. Baseline printed beside each run: a bare child that only imports torch (the fixed cost of any probe).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 20.0

MODEL = """
import csv
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

HERE = Path(__file__).resolve().parent


def build():
    rows = list(csv.reader(open(HERE / "digits.csv")))
    x = torch.tensor([[float(v) for v in r[:-1]] for r in rows])
    y = torch.tensor([int(r[-1]) for r in rows])
    g = torch.Generator().manual_seed(0)
    order = torch.randperm(len(x), generator=g)
    x, y = x[order], y[order]
    k = int(0.8 * len(x))
    mean, std = x[:k].mean(0), x[:k].std(0).clamp_min(1e-6)
    x = (x - mean) / std
    train = DataLoader(TensorDataset(x[:k], y[:k]), batch_size=32, shuffle=True, generator=g)
    val = DataLoader(TensorDataset(x[k:], y[k:]), batch_size=256)
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    return {"model": model, "train_loader": train, "val_loader": val, "loss_fn": nn.CrossEntropyLoss(),
            "optimizer": lambda p: torch.optim.Adam(p, lr=1e-3), "task": "classification", "num_classes": 10}
"""

EXPORT = """
import csv, sys
from sklearn.datasets import load_digits
d = load_digits()
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    for row, label in zip(d.data, d.target):
        w.writerow([int(v) for v in row] + [int(label)])
"""


def write_data(ws: Path, sklearn_python: str | None) -> str:
    if sklearn_python:
        subprocess.run([sklearn_python, "-c", EXPORT, str(ws / "digits.csv")], check=True)
        return "sklearn load_digits (1797 x 64, 10 classes)"
    sys.path.insert(0, str(REPO / "tests" / "data" / "sanity_models"))
    import _data

    x, y = _data.digits_raw()
    with open(ws / "digits.csv", "w") as f:
        for row, label in zip(x.tolist(), y.tolist()):
            f.write(",".join(str(int(v)) for v in row) + f",{label}\n")
    return "generated digits-shaped data (1797 x 64, 10 classes)"


def bare_torch_s() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    return time.perf_counter() - t


async def one_run(ws: Path, device: str) -> dict:
    from mcp import Client

    from experiment_runner.server import build_server

    async with Client(build_server(ws), mode="legacy") as c:
        t = time.perf_counter()
        r = await c.call_tool(
            "run_sanity_checks", {"entrypoint": "model.py:build", "lr_range_test": True, "device": device}
        )
        wall = time.perf_counter() - t
    if r.is_error:
        raise SystemExit("run_sanity_checks failed: " + "\n".join(getattr(x, "text", "") for x in r.content))
    out = r.structured_content
    out["client_wall"] = wall
    return out


def main() -> int:
    import anyio

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda"])
    p.add_argument("--sklearn-python", default=None, help="an interpreter with scikit-learn, to use the real digits")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="sanity-bench-") as tmp:
        ws = Path(tmp)
        source = write_data(ws, args.sklearn_python)
        (ws / "model.py").write_text(MODEL)
        print(f"data: {source}; model: 64-128-10 MLP, Adam 1e-3, batch 32; all 8 checks; device {args.device}")
        try:
            load = [round(v, 2) for v in __import__("os").getloadavg()]
        except OSError:
            load = "n/a"
        print(f"machine load average (1, 5, 15 min): {load}\n")
        checks = [
            "data_finite",
            "shapes",
            "initial_loss",
            "gradients_flow",
            "overfit_one_batch",
            "beats_baseline",
            "train_val_overlap",
            "lr_range_test",
        ]
        head = (
            f"{'run':>3} {'total s':>8} {'bare torch s':>12} {'startup s':>9} {'build s':>7} {'warmup s':>8} "
            + " ".join(f"{c[:10]:>10}" for c in checks)
            + "  verdict"
        )
        print(head)
        totals, bares = [], []
        for i in range(args.repeats):
            bare = bare_torch_s()
            out = anyio.run(one_run, ws, args.device)
            t = out["timings"]
            totals.append(out["client_wall"])
            bares.append(bare)
            startup = t.get("import_torch", 0) + t.get("startup", 0)
            print(
                f"{i + 1:>3} {out['client_wall']:>8.2f} {bare:>12.2f} {startup:>9.2f} "
                f"{t.get('build', 0) + t.get('read_batches', 0):>7.2f} {t.get('optimizer_warmup', 0):>8.2f} "
                + " ".join(f"{t.get(c, float('nan')):>10.3f}" for c in checks)
                + f"  {out['verdict']} on {out['device_used']}"
            )
        med = statistics.median(totals)
        print(
            f"\nmedian total {med:.2f} s  vs  target {TARGET_S:.0f} s  ->  {'within' if med < TARGET_S else 'OVER'} "
            "target"
            f"  (bare torch import child: median {statistics.median(bares):.2f} s)"
        )
        summary = json.dumps(
            {"median_total_s": round(med, 2), "target_s": TARGET_S, "runs": [round(v, 2) for v in totals]}
        )
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
