"""Supervisor CPU while a run prints 10,000 metric lines a second (100 lines every 10 ms, each with a step and 3
metrics): CPU seconds of the supervisor process (utime + stime from /proc) over a steady window, as a share of one
core. The run's own CPU is shown beside it.

    python bench/supervisor_cpu.py [--rate 10000] [--seconds 12]

Target: under 10% of one core."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import runbench_util as U  # noqa: E402

PACED = """
import os, sys, time
rate, seconds = int(sys.argv[1]), float(sys.argv[2])
per_tick, tick = rate // 100, 0.01
i = 0
start = time.perf_counter()
next_t = start
while time.perf_counter() - start < seconds:
    lines = "".join(f"step={i + k} loss={1.0 / (i + k + 1):.6f} acc=0.5 lr=0.0003\\n" for k in range(per_tick))
    os.write(1, lines.encode())
    i += per_tick
    next_t += tick
    delay = next_t - time.perf_counter()
    if delay > 0:
        time.sleep(delay)
print(f"LINES {i}", flush=True)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=12.0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-supcpu-"))
    ws = U.workspace(tmp / "ws", {"paced.py": PACED})
    print(f"supervisor_cpu: {args.rate:,} metric lines/s for {args.seconds:g} s; {U.machine()}")
    rid = U.launch(ws, "cpu", ["python", "paced.py", str(args.rate), str(args.seconds)]).runs[0].run_id
    view = U.wait_state(ws, rid, {"running"}, interval=0.01)
    sup, child = view.state.supervisor_pid, view.state.pid
    time.sleep(2.0)  # past start-up: measure the steady state
    w0, s0, c0 = time.perf_counter(), U.cpu_seconds(sup), U.cpu_seconds(child)
    time.sleep(max(1.0, args.seconds - 4.0))
    w1, s1, c1 = time.perf_counter(), U.cpu_seconds(sup), U.cpu_seconds(child)
    store = U.store(ws)
    metrics_at_end = len(store.read_metrics(rid))
    end = U.wait_state(ws, rid, {"completed", "failed", "lost", "cancelled"})
    wall = w1 - w0
    lines = int(store.log_path(rid).read_text().rsplit("LINES ", 1)[1])
    stored = len(store.read_metrics(rid))
    print(f"\n  {'':34}{'CPU s':>8}{'% of one core':>16}")
    print(f"  {'supervisor (read, log, parse, store)':34}{s1 - s0:>8.2f}{100 * (s1 - s0) / wall:>15.1f}%")
    print(f"  {'the run itself (printing)':34}{c1 - c0:>8.2f}{100 * (c1 - c0) / wall:>15.1f}%")
    print(
        f"\n  window {wall:.1f} s; the run printed {lines:,} lines; {stored:,} records stored ({end.state.state}); "
        f"{metrics_at_end:,} were stored when the window closed"
    )
    print("  target: supervisor under 10% of one core")
    breakdown(args.rate)


def breakdown(rate: int, n: int = 50_000) -> None:
    """The supervisor's per-line work, stage by stage, on the same lines in this process (same machine, same load)."""
    from experiment_runner.runs.health import HealthMonitor
    from experiment_runner.runs.logcap import CappedLogWriter
    from experiment_runner.runs.metrics_parse import MetricParser
    from experiment_runner.runs.metricsio import encode_records
    from experiment_runner.workspace.config import RunsConfig

    data = "".join(f"step={i} loss={1.0 / (i + 1):.6f} acc=0.5 lr=0.0003\n" for i in range(n)).encode()
    per_tick = max(1, rate // 100)
    size = len(data) // n * per_tick
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-breakdown-"))
    log, parser, health = CappedLogWriter(tmp, "stdout", 256 * 2**20), MetricParser(), HealthMonitor(RunsConfig())
    now = time.time()
    t = {"log write": 0.0, "parse (metrics_parse)": 0.0, "health (health)": 0.0, "encode (metricsio)": 0.0}
    for c in chunks:
        t0 = time.perf_counter()
        log.write(c)
        t1 = time.perf_counter()
        recs = parser.feed(c)
        t2 = time.perf_counter()
        health.observe_batch(recs, now)
        t3 = time.perf_counter()
        "".join(encode_records(recs, "stdout", "1.0")[0])
        t4 = time.perf_counter()
        t["log write"] += t1 - t0
        t["parse (metrics_parse)"] += t2 - t1
        t["health (health)"] += t3 - t2
        t["encode (metricsio)"] += t4 - t3
    log.close()
    print(f"\n  per-line cost by stage ({n:,} lines in this process, chunks of {per_tick} lines):")
    print(f"  {'':26}{'us/line':>10}{f'% core at {rate:,}/s':>20}")
    for name, sec in t.items():
        print(f"  {name:26}{1e6 * sec / n:>10.2f}{100 * sec / n * rate:>19.1f}%")
    total = sum(t.values())
    print(f"  {'total':26}{1e6 * total / n:>10.2f}{100 * total / n * rate:>19.1f}%")


if __name__ == "__main__":
    main()
