"""Metric ingestion end to end: a run prints metric lines as fast as it can; timed from the launch_training call
until every value is stored in metrics.jsonl and returned by the store (RunStore.read_metrics). Side by side:
MLflow 3.x log_metric and log_batch on its default sqlite store (in bench/.venv-mlflow, not a dependency).

    python bench/run_ingest.py [--lines 200000] [--mlflow-metric 1000] [--mlflow-batch 100000]

Each line holds a step and 3 metrics (loss, acc, lr): 3 values. Target: >= 50,000 metrics/s end to end."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import runbench_util as U  # noqa: E402

PRINTER = """
import os, sys
n = int(sys.argv[1])
chunk = []
for i in range(n):
    chunk.append(f"step={i} loss={1.0 / (i + 1):.6f} acc={i / n:.6f} lr=0.0003\\n")
    if len(chunk) == 1000:
        os.write(1, "".join(chunk).encode())
        chunk = []
os.write(1, "".join(chunk).encode())
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--mlflow-metric", type=int, default=1000)
    ap.add_argument("--mlflow-batch", type=int, default=100_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-ingest-"))
    ws = U.workspace(tmp / "ws", {"printer.py": PRINTER})
    want = args.lines * 3
    print(f"run_ingest: {args.lines:,} lines x 3 metrics = {want:,} values; {U.machine()}")
    t0 = time.perf_counter()
    rid = U.launch(ws, "ingest", ["python", "printer.py", str(args.lines)]).runs[0].run_id
    t_launched = time.perf_counter()
    store = U.store(ws)
    run_dir = store.get(rid).dir
    first = None
    from experiment_runner.runs.summary import summarize

    # Poll with the incremental summary (reads only new lines), so the poller does not compete with the run for CPU;
    # once every value is in, read them all back through the store, as a caller would.
    while True:
        s = summarize(run_dir)
        n = sum(ser.count for ser in s.series().values())
        if n and first is None:
            first = time.perf_counter()
        if n >= want:
            recs = store.read_metrics(rid)
            n = sum(len(r) - 3 for r in recs)  # keys besides step, time, source
            if n >= want:
                break
        view = store.get(rid)
        if view.terminal and view.state.state != "completed":
            raise SystemExit(f"run {rid} {view.state.state}: {view.state.reason}")
        if time.perf_counter() - t0 > 900:
            raise SystemExit(f"only {n} of {want} values stored after 900 s")
        time.sleep(0.05)
    done = time.perf_counter()
    view = U.wait_state(ws, rid, {"completed", "failed", "lost", "cancelled"})
    total = done - t0
    steady = done - (first or t_launched)
    print(
        f"  launch call {t_launched - t0:.2f} s; first value stored {((first or done) - t0):.2f} s after it began; "
        f"all {want:,} stored and read back {total:.2f} s after ({view.state.state})"
    )

    ml_one = U.mlflow("log_metric", str(tmp / "ml1"), str(args.mlflow_metric))
    ml_batch = U.mlflow("log_batch", str(tmp / "ml2"), str(args.mlflow_batch), "1000")
    print(f"\n  {'':44}{'metrics/s':>12}")
    print(f"  {'experiment-runner, end to end (incl. start)':44}{want / total:>12,.0f}")
    print(f"  {'experiment-runner, first to last value':44}{want / steady:>12,.0f}")
    if ml_one:
        print(f"  {'MLflow log_metric (sqlite)':44}{ml_one['per_s']:>12,.0f}   ({ml_one['metrics']:,} calls)")
    if ml_batch:
        print(
            f"  {'MLflow log_batch, 1000 per call (sqlite)':44}{ml_batch['per_s']:>12,.0f}   "
            f"({ml_batch['metrics']:,} metrics)"
        )
    print("\n  target: >= 50,000 metrics/s end to end")


if __name__ == "__main__":
    main()
