"""Opening the run store and answering list_runs over 1,000 recorded runs, in a fresh process (imports included),
side by side with opening MLflow 3.x's default sqlite store and searching the same number of runs.

    python bench/store_open.py [--runs 1000] [--repeats 5] [--baseline-src DIR]

With --baseline-src (a `src` folder of another checkout, e.g. `git archive main src | tar -x -C /tmp/base` then
/tmp/base/src), the same store is also opened by that code, interleaved repeat by repeat, and shown beside ours.

Target: under 0.5 s (median)."""

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

OPEN = """
import time
t = time.perf_counter()
import json, sys
from experiment_runner.runs.store import RunStore
from experiment_runner.workspace import Workspace
runs = RunStore(Workspace(sys.argv[1])).list_runs()
by_arm = {}
for v in runs:
    by_arm[v.spec.arm] = by_arm.get(v.spec.arm, 0) + 1
print(json.dumps({"seconds": time.perf_counter() - t, "runs": len(runs), "arms": len(by_arm)}))
"""


def make_runs(ws: Path, n: int) -> None:
    from experiment_runner.runs import launch, records
    from experiment_runner.runs.metricsio import MetricsAppender
    from experiment_runner.runs.model import RunSpec, RunState
    from experiment_runner.workspace import Workspace

    Workspace(ws)  # a process writes a store only inside a workspace it knows (workspace/confine.py)

    for e in range(4):
        runs_dir = ws / ".experiments" / f"exp{e}" / "runs"
        for i in range(n // 4):
            seed = i
            spec = RunSpec(
                run_id=f"arm{i % 4}-s{seed}-{e:02d}{i:04d}",
                experiment=f"exp{e}",
                arm=f"arm{i % 4}",
                seed=seed,
                argv=["python", "train.py", "--seed", str(seed)],
                program=sys.executable,
                cwd=str(ws),
                launch_id=f"l{e}",
                exploratory=False,
                created_at=records.utc_now(),
            )
            state = RunState(
                state="completed" if i % 10 else "failed",
                updated_at=records.utc_now(),
                started_at=records.utc_now(),
                ended_at=records.utc_now(),
                exit_code=0 if i % 10 else 1,
                reason="exited",
                ended_by="exit",
            )
            d = launch.create_run_dir(runs_dir, spec, state)
            m = MetricsAppender(d / records.METRICS)
            m.append(
                [{"step": s, "time": 0.0, "source": "stdout", "loss": 1.0 / (s + 1), "acc": 0.5} for s in range(3)]
            )
            m.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--baseline-src", default=None, help="a src folder of another checkout to compare with")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-store-"))
    ws = U.workspace(tmp / "ws", {})
    print(f"store_open: {args.runs:,} recorded runs; {U.machine()}")
    t = time.perf_counter()
    make_runs(ws, args.runs)
    print(f"  wrote {args.runs:,} runs in {time.perf_counter() - t:.1f} s")
    (tmp / "open.py").write_text(OPEN)
    ours, base = [], []

    def open_store(src: str | None) -> float:
        env = {**os.environ, "PYTHONPATH": src} if src else None
        out = subprocess.run(
            [sys.executable, str(tmp / "open.py"), str(ws)], capture_output=True, text=True, check=True, env=env
        )
        r = json.loads(out.stdout)
        assert r["runs"] == args.runs, r
        return r["seconds"]

    for _ in range(args.repeats):
        ours.append(open_store(None))
        if args.baseline_src:
            base.append(open_store(args.baseline_src))
    made = U.mlflow("make_runs", str(tmp / "ml"), str(args.runs))
    theirs = []
    if made:
        for _ in range(args.repeats):
            r = U.mlflow("open", str(tmp / "ml"))
            assert r["runs"] == args.runs, r
            theirs.append(r["seconds"])
    print(f"\n  {'':52}{'seconds (median)':>18}{'runs':>7}")
    print(f"  {'experiment-runner: import, open store, list_runs':52}{statistics.median(ours):>18.3f}{args.runs:>7}")
    if base:
        label = f"the same, code from {args.baseline_src}"
        print(f"  {label[:52]:52}{statistics.median(base):>18.3f}{args.runs:>7}")
    if theirs:
        print(
            f"  {'MLflow: import, open sqlite store, search_runs':52}{statistics.median(theirs):>18.3f}{args.runs:>7}"
        )
    print(f"\n  every repeat (ours): {', '.join(f'{x:.3f}' for x in ours)}")
    if base:
        print(f"  every repeat (baseline code): {', '.join(f'{x:.3f}' for x in base)}")
    if theirs:
        print(f"  every repeat (MLflow): {', '.join(f'{x:.3f}' for x in theirs)}")
    print("  target: under 0.5 s")


if __name__ == "__main__":
    main()
