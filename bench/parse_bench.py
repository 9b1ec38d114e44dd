"""Metric parsing speed: lines/s and metrics/s per style and for a mixed log, and CPU time per 10,000 lines.

    python bench/parse_bench.py [--lines 20000] [--repeat 3]
    python bench/parse_bench.py --mixed-gib 1 --baseline-src /path/to/baseline/src [--repeat 3]

The second form measures parse throughput on a mixed log of the given size (the `mixed (60% noise)` style, 16 MiB
of lines repeated) for this tree and for a baseline tree, each in its own process, alternating, best of --repeat
(issue 12: within 1.2x of the baseline).

Each log is fed to a MetricParser in 64 KiB chunks (what the supervisor reads from a pipe); CPU time is
process time, best of --repeat. Side by side: the budget from issue 4 (at 10,000 metric lines/s the whole
supervisor must stay under 10% of one core, i.e. under 100 ms of CPU per 10,000 lines) and a naive baseline
that decodes every line and runs one `key=value` regex on it (fewer styles, no noise rules, no records).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from experiment_runner.runs.metrics_parse import MetricParser  # noqa: E402

CHUNK = 65536


def styles(n: int, rng: random.Random) -> dict[str, list[str]]:
    def loss(i):
        return 2.3 * 0.999**i + 0.01 * rng.random()

    tqdm = []
    for epoch in range(n // 100 + 1):
        updates = "".join(
            f"\rEpoch {epoch}: {i:3d}%|{'#' * (i // 10):10s}| {i}/100 [00:{i // 10:02d}<00:{(100 - i) // 10:02d}, "
            f"18.2it/s, loss={loss(i):.3f}, acc=0.{i % 90 + 10}]"
            for i in range(1, 101)
        )
        tqdm.append(updates)  # one line: 100 \r updates, one record
    return {
        "key=value": [f"step={i} loss={loss(i):.4f} lr=3e-4 acc={rng.random():.4f}" for i in range(n)],
        "key: value": [f"step: {i}, loss: {loss(i):.4f}, acc: {rng.random():.4f}" for i in range(n)],
        "word number": [f"step {i} loss {loss(i):.4f} ppl {rng.random() * 50:.2f}" for i in range(n)],
        "json": [f'{{"step": {i}, "loss": {loss(i):.4f}, "acc": {rng.random():.4f}, "lr": 0.0003}}' for i in range(n)],
        "hf dict": [
            f"{{'loss': {loss(i):.4f}, 'grad_norm': {rng.random():.3f}, "
            f"'learning_rate': 4.9e-05, 'epoch': {i / n:.2f}}}"
            for i in range(n)
        ],
        "nanogpt": [
            f"iter {i}: loss {loss(i):.4f}, time {40 + rng.random():.2f}ms, mfu {12 + rng.random():.2f}%"
            for i in range(n)
        ],
        "keras": [
            f"50/50 [==============================] - 1s 12ms/step - loss: {loss(i):.4f} - accuracy: 0.9100 - "
            "val_loss: 0.3000 - val_accuracy: 0.8900"
            for i in range(n)
        ],
        "lightning": [
            f"Epoch {i}: 100%|##########| 50/50 [00:01<00:00, 35.20it/s, v_num=0, train_loss={loss(i):.3f}, "
            "val_loss=0.30, val_acc=0.91]"
            for i in range(n)
        ],
        "tqdm (100 \\r updates/line)": tqdm[: max(1, n // 100)],
        "noise": noise(n, rng),
    }


NOISE = [
    "2024-05-01 12:30:45,123 - INFO - Loading shard {i} of the dataset from /data/shards/part-{i:05d}.arrow",
    "/usr/lib/python3.11/site-packages/torch/utils/data/dataloader.py:557: UserWarning: This DataLoader will create "
    "8 worker processes in total.",
    '  File "/home/user/project/train.py", line {i}, in <module>',
    "Downloading https://huggingface.co/bert-base-uncased/resolve/main/model-{i:05d}.safetensors to /root/.cache",
    "[W socket.cpp:663] [c10d] The client socket has failed to connect to [localhost]:29500 (errno: 99).",
    "Python 3.11.4 torch 2.1.0+cu121 on x86_64, device cuda:0, built 2024-05-01",
    "Some weights of the model checkpoint at bert-base-uncased were not used when initializing BertModel",
    "this is a plain sentence of text without any numbers at all in it, just words, to see the base cost.",
]


def noise(n: int, rng: random.Random) -> list[str]:
    return [rng.choice(NOISE).format(i=i) for i in range(n)]


def mixed(logs: dict[str, list[str]], n: int, rng: random.Random) -> list[str]:
    """60% noise, 40% metric lines of every style, in random order (a long, chatty real log)."""
    metric_styles = [k for k in logs if k != "noise"]
    out = []
    for i in range(n):
        if rng.random() < 0.6:
            out.append(logs["noise"][i % len(logs["noise"])])
        else:
            style = rng.choice(metric_styles)
            out.append(logs[style][i % len(logs[style])])
    return out


def measure(data: bytes, repeat: int) -> tuple[float, int]:
    chunks = [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]
    best, metrics = float("inf"), 0
    for _ in range(repeat):
        parser = MetricParser()
        start = time.process_time()
        count = 0
        for chunk in chunks:
            for record in parser.feed(chunk):
                count += len(record) - 1
        for record in parser.flush():
            count += len(record) - 1
        best = min(best, time.process_time() - start)
        metrics = count
    return best, metrics


_NAIVE = re.compile(r"([A-Za-z_]\w*)=([-+]?[\d.]+(?:e[-+]?\d+)?)")


def measure_naive(data: bytes, repeat: int) -> float:
    chunks = [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        pending = b""
        for chunk in chunks:
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                found = _NAIVE.findall(line.decode("utf-8", "replace"))
                if found:
                    {k: float(v) for k, v in found}
        best = min(best, time.process_time() - start)
    return best


_WORKER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from experiment_runner.runs.metrics_parse import MetricParser
parser = MetricParser()
count = 0
start = time.process_time()
with open(sys.argv[2], "rb") as f:
    while True:
        chunk = f.read(65536)
        if not chunk:
            break
        for record in parser.feed(chunk):
            count += len(record) - 1
for record in parser.flush():
    count += len(record) - 1
print(time.process_time() - start, count)
"""


def compare_big(gib: float, baseline: str, repeat: int) -> None:
    import subprocess
    import tempfile

    rng = random.Random(0)
    logs = styles(20000, rng)
    lines = mixed(logs, 200000, rng)
    block = ("\n".join(lines) + "\n").encode()
    block = block * max(1, (16 << 20) // len(block))
    target = int(gib * (1 << 30))
    with tempfile.NamedTemporaryFile(prefix="er-parse-", suffix=".log", delete=False) as f:
        path = f.name
        written = 0
        while written < target:
            f.write(block)
            written += len(block)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    trees = {"baseline": baseline, "this tree": here}
    best: dict[str, float] = {}
    metrics: dict[str, int] = {}
    print(f"mixed log {written / (1 << 30):.2f} GiB; best of {repeat}; load average {os.getloadavg()[0]:.1f}")
    try:
        for r in range(repeat):
            for name in list(trees) if r % 2 == 0 else list(trees)[::-1]:
                out = subprocess.run(
                    [sys.executable, "-c", _WORKER, trees[name], path], capture_output=True, text=True, check=True
                ).stdout.split()
                seconds, count = float(out[0]), int(out[1])
                speed = written / seconds / 1e6
                print(f"  run {r + 1} {name:10s} {seconds:7.1f} s CPU  {speed:6.1f} MB/s  {count:,} metrics")
                best[name] = min(best.get(name, float("inf")), seconds)
                metrics[name] = count
    finally:
        os.unlink(path)
    ratio = best["this tree"] / best["baseline"]
    print(
        f"best: baseline {best['baseline']:.1f} s, this tree {best['this tree']:.1f} s: {ratio:.2f}x (target <= 1.2x)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mixed-gib", type=float, default=None)
    ap.add_argument("--baseline-src", default=None)
    args = ap.parse_args()
    if args.mixed_gib:
        if not args.baseline_src:
            ap.error("--mixed-gib needs --baseline-src (the src folder of the tree to compare with)")
        compare_big(args.mixed_gib, args.baseline_src, args.repeat)
        return
    rng = random.Random(0)
    logs = styles(args.lines, rng)
    logs["mixed (60% noise)"] = mixed(logs, args.lines, rng)
    print(
        f"{args.lines} lines per log, 64 KiB chunks, best of {args.repeat}; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs"
    )
    header = (
        f"{'style':28s} {'lines/s':>10s} {'metrics/s':>11s} {'CPU ms/10k lines':>17s} "
        f"{'% core @10k lines/s':>20s} {'naive kv ms/10k':>16s}"
    )
    print(header)
    print("-" * len(header))
    for name, lines in logs.items():
        data = ("\n".join(lines) + "\n").encode()
        seconds, metrics = measure(data, args.repeat)
        naive = measure_naive(data, args.repeat)
        n = len(lines)
        per10k = seconds / n * 10_000 * 1000
        print(
            f"{name:28s} {n / seconds:10.0f} {metrics / seconds:11.0f} {per10k:17.1f} {per10k / 10:19.1f}% "
            f"{naive / n * 10_000 * 1000:16.1f}"
        )
    print(
        "budget (issue 4): < 100 ms CPU per 10,000 metric lines for the whole supervisor (< 10% of a core at 10k "
        "lines/s)"
    )


if __name__ == "__main__":
    main()
