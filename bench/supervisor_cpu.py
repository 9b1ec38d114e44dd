"""Supervisor CPU while a run prints 10,000 metric lines a second (100 lines every 10 ms, each with a step and 3
metrics): CPU seconds of the supervisor process (utime + stime from /proc) over a steady window, as a share of one
core. The run's own CPU is shown beside it.

    python bench/supervisor_cpu.py [--rate 10000] [--seconds 12] [--repeats 1] [--baseline-src DIR]

With --baseline-src (a `src` folder of another checkout, e.g. `git archive main src | tar -x -C /tmp/base` then
/tmp/base/src), each repeat also runs the same measurement with that code (server, launcher and supervisor
alike), interleaved, and both are shown side by side.

Target: under 10% of one core."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
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


def measure(rate: int, seconds: float) -> dict:
    """One launch of the paced printer; the supervisor's and the run's CPU over the steady window."""
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-supcpu-"))
    ws = U.workspace(tmp / "ws", {"paced.py": PACED})
    rid = U.launch(ws, "cpu", ["python", "paced.py", str(rate), str(seconds)]).runs[0].run_id
    view = U.wait_state(ws, rid, {"running"}, interval=0.01)
    sup, child = view.state.supervisor_pid, view.state.pid
    time.sleep(2.0)  # past start-up: measure the steady state
    w0, s0, c0 = time.perf_counter(), U.cpu_seconds(sup), U.cpu_seconds(child)
    time.sleep(max(1.0, seconds - 4.0))
    w1, s1, c1 = time.perf_counter(), U.cpu_seconds(sup), U.cpu_seconds(child)
    store = U.store(ws)
    metrics_at_end = len(store.read_metrics(rid))
    end = U.wait_state(ws, rid, {"completed", "failed", "lost", "cancelled"})
    wall = w1 - w0
    return {
        "supervisor_s": s1 - s0,
        "child_s": c1 - c0,
        "wall": wall,
        "lines": int(store.log_path(rid).read_text().rsplit("LINES ", 1)[1]),
        "stored": len(store.read_metrics(rid)),
        "state": end.state.state,
        "at_end": metrics_at_end,
    }


def _measure_in(src: str | None, rate: int, seconds: float) -> dict:
    env = {**os.environ, "PYTHONPATH": src} if src else None
    out = subprocess.run(
        [sys.executable, __file__, "--measure", "--rate", str(rate), "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=12.0)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--baseline-src", default=None, help="a src folder of another checkout to compare with")
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.rate, args.seconds)))
        return
    print(f"supervisor_cpu: {args.rate:,} metric lines/s for {args.seconds:g} s; {U.machine()}")
    sides = [("this tree", None)] + (
        [(f"code from {args.baseline_src}", args.baseline_src)] if args.baseline_src else []
    )
    runs: dict[str, list[dict]] = {name: [] for name, _ in sides}
    for _ in range(args.repeats):
        for name, src in sides:
            runs[name].append(_measure_in(src, args.rate, args.seconds))
    print(f"\n  {'':44}{'supervisor % of one core':>26}{'the run itself':>16}")
    for name, rs in runs.items():
        sup = [100 * r["supervisor_s"] / r["wall"] for r in rs]
        kid = [100 * r["child_s"] / r["wall"] for r in rs]
        rng = f"{min(sup):.1f}-{max(sup):.1f}%" if len(sup) > 1 else f"{sup[0]:.1f}%"
        print(f"  {name[:44]:44}{rng:>26}{statistics.median(kid):>15.1f}%")
        for r in rs:
            print(
                f"    window {r['wall']:.1f} s; printed {r['lines']:,} lines; {r['stored']:,} records stored "
                f"({r['state']}); {r['at_end']:,} stored when the window closed"
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
    from experiment_runner.workspace import Workspace

    Workspace(tmp)  # the log writer opens its files inside a workspace this process knows
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
