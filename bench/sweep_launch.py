"""Launching a sweep: launch_sweep with a 100-configuration grid x 3 seeds (one launch of 300 runs, through the
tool: space checks, 100 arms prepared and submitted at once, trials.json written), side by side with
bench/launch_many.py's plain launch of the same 100 arms x 3 seeds through runs/prepare -> runs/submit, in one run.
The local launcher starts them one at a time (runs.max_parallel 1), so what is timed is the launch, not the runs.

    python bench/sweep_launch.py [--configs 100] [--seeds 3] [--repeats 3]

Target (issue 17): a 100-configuration sweep x 3 seeds launched in under 2 s."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import launch_many as L  # noqa: E402
import runbench_util as U  # noqa: E402


def sweep(ws: Path, n: int, seeds: int) -> float:
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.launch_sweep import SPEC
    from experiment_runner.workspace import Workspace

    args = {
        "experiment": "many",
        "sweep": "lr",
        "sampler": "grid",
        "command": ["python", "train.py", "--seed", "{seed}", "--lr", "{lr}"],
        "space": {"lr": {"values": [round(1e-4 * (i + 1), 6) for i in range(n)]}},
        "objective": "loss",
        "seeds": list(range(seeds)),
    }
    t0 = time.perf_counter()
    out = SPEC.call(args, ToolContext(workspace=Workspace(ws)))
    took = time.perf_counter() - t0
    assert out.runs == n * seeds, out.summary
    return took


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--configs", type=int, default=100)
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    swept, plain = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            ws = U.workspace(Path(tmp) / f"sweep{r}", {"train.py": L.SCRIPT}, max_parallel=1)
            swept.append(sweep(ws, args.configs, args.seeds))
            L.stop_all(ws)
            ws = U.workspace(Path(tmp) / f"plain{r}", {"train.py": L.SCRIPT}, max_parallel=1)
            a, b = L.one_launch(ws, args.configs, args.seeds)
            plain.append(a + b)
            L.stop_all(ws)

    def show(xs):
        return f"median {statistics.median(xs):.2f} s [{min(xs):.2f}-{max(xs):.2f}]"

    print(
        f"{args.configs} configurations x {args.seeds} seeds = {args.configs * args.seeds} runs, {args.repeats} repeats"
    )
    print(f"launch_sweep (grid, through the tool):        {show(swept)}")
    print(f"plain launch of the same arms (launch_many):  {show(plain)}")
    print("target: under 2 s for 100 x 3")


if __name__ == "__main__":
    main()
