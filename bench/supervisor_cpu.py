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

PACED = '''
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
'''


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
    print(f"\n  window {wall:.1f} s; the run printed {lines:,} lines; {stored:,} records stored ({end.state.state}); "
          f"{metrics_at_end:,} were stored when the window closed")
    print("  target: supervisor under 10% of one core")


if __name__ == "__main__":
    main()
