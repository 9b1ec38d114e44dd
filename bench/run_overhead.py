"""Engine overhead on a training loop: a small CPU torch loop that prints a metric line every step, launched
through launch_training (supervisor, pipes, parsing, health, telemetry) vs started directly with its output to a
file. The loop times itself, so process start-up is not counted on either side.

    python bench/run_overhead.py [--steps 3000] [--repeats 5]

Target: the loop under the engine runs at >= 0.98x its speed without it (median of interleaved repeats)."""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import runbench_util as U  # noqa: E402

LOOP = """
import sys, time, torch
torch.manual_seed(0)
torch.set_num_threads(1)
model = torch.nn.Sequential(torch.nn.Linear(64, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x, y = torch.randn(128, 64), torch.randint(0, 10, (128,))
steps = int(sys.argv[1])
t0, c0 = time.perf_counter(), time.process_time()
for step in range(steps):
    loss = torch.nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"step={step} loss={loss.item():.5f} lr=0.01 grad_norm=1.0", flush=True)
print(f"LOOP_SECONDS {time.perf_counter() - t0:.6f} CPU {time.process_time() - c0:.6f}", flush=True)
"""


def loop_seconds(text: str) -> tuple[float, float]:
    m = re.search(r"LOOP_SECONDS ([0-9.]+) CPU ([0-9.]+)", text)
    if not m:
        raise SystemExit(f"the loop did not report its time:\n{text[-2000:]}")
    return float(m.group(1)), float(m.group(2))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="er-bench-overhead-"))
    ws = U.workspace(tmp / "ws", {"loop.py": LOOP}, max_parallel=1)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
    print(f"run_overhead: {args.steps} steps, a metric line each, {args.repeats} interleaved repeats; {U.machine()}")
    direct, engine = [], []
    for i in range(args.repeats):
        out = tmp / f"direct-{i}.log"
        with open(out, "wb") as f:
            subprocess.run(
                [sys.executable, str(ws / "loop.py"), str(args.steps)],
                stdout=f,
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=ws,
                check=True,
            )
        direct.append(loop_seconds(out.read_text()))
        rid = (
            U.launch(ws, "overhead", ["python", "loop.py", str(args.steps)], env={"OMP_NUM_THREADS": "1"})
            .runs[0]
            .run_id
        )
        view = U.wait_state(ws, rid, {"completed", "failed", "lost", "cancelled"})
        if view.state.state != "completed":
            raise SystemExit(f"engine run {rid} {view.state.state}: {view.state.reason}")
        engine.append(loop_seconds(U.store(ws).log_path(rid).read_text()))
        recs = len(U.store(ws).read_metrics(rid))
        print(
            f"  repeat {i + 1}: direct {direct[-1][0]:.3f} s (cpu {direct[-1][1]:.3f})   engine {engine[-1][0]:.3f} s "
            f"(cpu {engine[-1][1]:.3f})   ({recs} metric records stored)"
        )
    d, e = statistics.median(x[0] for x in direct), statistics.median(x[0] for x in engine)
    dc, ec = statistics.median(x[1] for x in direct), statistics.median(x[1] for x in engine)
    print(f"\n  {'':24}{'loop wall s (median)':>22}{'steps/s':>10}{'loop CPU s (median)':>22}")
    print(f"  {'without the engine':24}{d:>22.3f}{args.steps / d:>10.0f}{dc:>22.3f}")
    print(f"  {'under launch_training':24}{e:>22.3f}{args.steps / e:>10.0f}{ec:>22.3f}")
    print(
        f"\n  speed under the engine: {d / e:.3f}x of direct by wall clock, {dc / ec:.3f}x by the loop's own CPU time "
        "(target >= 0.98x)"
    )


if __name__ == "__main__":
    main()
