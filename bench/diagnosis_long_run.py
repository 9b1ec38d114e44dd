"""diagnose_failure on the log of a run that logs every iteration (nanoGPT-style `iter N: loss X` lines, an
evaluation every 2,000 iterations), at several lengths: wall time and peak memory, each length in a fresh process,
for this tree and, side by side, for another checkout's `src` (--baseline-src).

    python bench/diagnosis_long_run.py [--points 2000 20000 200000] [--baseline-src /path/to/other/src]

A process that fails (a MemoryError from an n^2 statistic, a timeout) is reported with its last error line."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, math, random, resource, sys, tempfile, time
from experiment_runner.tools.base import ToolContext
from experiment_runner.tools.diagnose_failure import SPEC
from experiment_runner.workspace import Workspace
n = int(sys.argv[1])
random.seed(0)
lines = []
for i in range(n):
    loss = 3.0 * math.exp(-i / (n / 4)) + random.gauss(0, 0.05)
    lines.append(f"iter {i}: loss {loss:.4f}, time 12.3ms, mfu 31.2%")
    if i % 2000 == 0:
        lines.append(f"step {i}: train loss {loss:.4f}, val loss {loss + 0.1:.4f}")
text = "\n".join(lines) + "\n"
ctx = ToolContext(workspace=Workspace(tempfile.mkdtemp(prefix="long-run-")))
t = time.perf_counter()
out = SPEC.call({"log_text": text}, ctx)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
found = [f.category for f in out.findings]
print(json.dumps({"mb": len(text) / 2**20, "wall_s": wall, "rss_mb": rss, "findings": found}))
"""


def measure(src: Path, points: int, timeout: float) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src), OMP_NUM_THREADS="1")
    try:
        p = subprocess.run(
            [sys.executable, "-c", CHILD, str(points)],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no answer within {timeout:.0f} s"}
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"error": last[:160]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--points", type=int, nargs="+", default=[2000, 20000, 200000])
    ap.add_argument("--baseline-src", type=Path, help="the src folder of another checkout, measured beside this one")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    trees = [("this tree", REPO / "src")] + ([("baseline", args.baseline_src)] if args.baseline_src else [])
    print(f"{'points':>8s} {'log MB':>7s}  " + "  ".join(f"{name:>34s}" for name, _ in trees))
    for n in args.points:
        cells, mb = [], 0.0
        for _, src in trees:
            r = measure(src, n, args.timeout)
            if "error" in r:
                cells.append(f"{'FAILED: ' + r['error'][:26]:>34s}")
            else:
                mb = r["mb"]
                cells.append(f"{r['wall_s']:9.2f} s {r['rss_mb']:8.0f} MB peak RSS   ")
        print(f"{n:8d} {mb:7.1f}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
