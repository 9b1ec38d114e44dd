"""Launching many runs at once through the typed pipeline (runs/prepare.py -> runs/submit.py): N arms (commands
that differ by a hyperparameter) x S seeds prepared and submitted as one launch, beside runs launched one arm at a
time (one launch_training call per arm, for the first --per-arm arms, scaled to N), in one run. The local launcher
starts them one at a time (runs.max_parallel 1), so what is timed is the launch, not the runs.

    python bench/launch_many.py [--arms 100] [--seeds 3] [--per-arm 10] [--repeats 3]

Target (issue 17, for the sweep on top of this pipeline): 100 configurations x 3 seeds launched in under 2 s."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import runbench_util as U  # noqa: E402

SCRIPT = """
import argparse, random, time
p = argparse.ArgumentParser()
p.add_argument("--seed", type=int)
p.add_argument("--lr", type=float)
a = p.parse_args()
random.seed(a.seed)
print(f"loss={random.random() * a.lr}")
time.sleep(3600)
"""


def arms(n: int, seeds: int):
    from experiment_runner.runs.prepare import ArmRequest

    return [
        ArmRequest(
            arm=f"lr{i}",
            command=["python", "train.py", "--seed", "{seed}", "--lr", f"{1e-4 * (i + 1):g}"],
            seeds=list(range(seeds)),
        )
        for i in range(n)
    ]


def one_launch(ws: Path, n: int, seeds: int) -> tuple[float, float]:
    from experiment_runner.runs.prepare import LaunchOptions, prepare
    from experiment_runner.runs.submit import submit
    from experiment_runner.workspace import Workspace

    t0 = time.perf_counter()
    prepared = prepare(Workspace(ws), "many", arms(n, seeds), LaunchOptions())
    t1 = time.perf_counter()
    submit(prepared)
    return t1 - t0, time.perf_counter() - t1


def per_arm(ws: Path, n: int, seeds: int) -> float:
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.launch_training import SPEC
    from experiment_runner.workspace import Workspace

    t0 = time.perf_counter()
    for a in arms(n, seeds):
        SPEC.call(
            {"experiment": "many", "arm": a.arm, "command": a.command, "seeds": a.seeds},
            ToolContext(workspace=Workspace(ws)),
        )
    return time.perf_counter() - t0


def stop_all(ws: Path) -> None:
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.stop_run import SPEC
    from experiment_runner.workspace import Workspace

    SPEC.call({"experiment": "many", "grace_s": 0, "wait": True}, ToolContext(workspace=Workspace(ws)))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--arms", type=int, default=100)
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--per-arm", type=int, default=10)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    together, prep, sub, separately = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            ws = U.workspace(Path(tmp) / f"one{r}", {"train.py": SCRIPT}, max_parallel=1)
            a, b = one_launch(ws, args.arms, args.seeds)
            prep.append(a), sub.append(b), together.append(a + b)
            stop_all(ws)
            ws = U.workspace(Path(tmp) / f"each{r}", {"train.py": SCRIPT}, max_parallel=1)
            separately.append(per_arm(ws, args.per_arm, args.seeds) * args.arms / args.per_arm)
            stop_all(ws)

    def show(xs):
        return f"median {statistics.median(xs):.2f} s [{min(xs):.2f}-{max(xs):.2f}]"

    n = args.arms * args.seeds
    print(f"{args.arms} arms x {args.seeds} seeds = {n} runs, {args.repeats} repeats")
    print(f"one launch (prepare + submit):     {show(together)}  (prepare {show(prep)}, submit {show(sub)})")
    print(f"one launch_training call per arm:  {show(separately)}  (timed on {args.per_arm} arms, scaled)")
    print("target: under 2 s for 100 x 3")


if __name__ == "__main__":
    main()
