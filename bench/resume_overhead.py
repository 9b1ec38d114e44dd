"""What a retry costs beyond the script's own start: a run whose script writes a zip checkpoint (the torch.save
format) and crashes, retried as the same run until its last attempt, launched through launch_training. Per
attempt, the gap from the previous attempt's exit (exit.json) to the new attempt's first line (its own clock) is
set beside the script's own start (the same script started directly: Popen to its first line), in one run.

    python bench/resume_overhead.py [--attempts 5] [--checkpoint-mb 32] [--repeats 3]

Target (issue 17): resume adds under 1 s per attempt beyond the script's own start (backoff 0)."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import runbench_util as U  # noqa: E402

SCRIPT = """
import time
T0 = time.time()
import os, sys, zipfile
print(f"START {T0:.6f}", flush=True)
attempt = int(os.environ.get("EXPERIMENT_RUNNER_ATTEMPT", "1"))
last, mb = int(sys.argv[1]), int(sys.argv[2])
ckdir = os.environ.get("EXPERIMENT_RUNNER_CHECKPOINT_DIR")
if ckdir is None:
    sys.exit(0)  # started directly: only its start is measured
resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
print(f"step={attempt * 10} loss={1 / attempt:.4f} resume={resume}", flush=True)
with zipfile.ZipFile(os.path.join(ckdir, f".tmp-{attempt}"), "w") as z:
    z.writestr("data.pkl", os.urandom(mb << 20))
os.replace(os.path.join(ckdir, f".tmp-{attempt}"), os.path.join(ckdir, f"ckpt-{attempt:03d}.pt"))
sys.exit(0 if attempt >= last else 1)
"""


def direct_start(script: Path, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.time()
        proc = subprocess.run([sys.executable, str(script), "1", "0"], capture_output=True, text=True, check=True)
        out.append(float(proc.stdout.split()[1]) - t0)
    return out


def gaps(ws: Path, attempts: int, mb: int) -> list[float]:
    out = U.launch(ws, "resume", ["python", "train.py", str(attempts), str(mb)])
    run_id = out.runs[0].run_id
    view = U.wait_state(ws, run_id, {"completed", "failed", "cancelled", "lost"}, timeout=600)
    assert view.state.state == "completed" and view.state.attempt == attempts, view.state
    starts = []
    for n in range(1, attempts + 1):
        log = view.dir / (f"attempts/{n}/stdout.log" if n < attempts else "stdout.log")
        starts.append(float(log.read_text().split()[1]))
    exits = [json.loads((view.dir / f"attempts/{n}/exit.json").read_text())["time"] for n in range(1, attempts)]
    return [starts[n] - exits[n - 1] for n in range(1, attempts)]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--attempts", type=int, default=5)
    p.add_argument("--checkpoint-mb", type=int, default=32)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        retry = {"retries": args.attempts, "backoff_s": 0}
        base = direct_start(Path(U.workspace(Path(tmp) / "direct", {"train.py": SCRIPT})) / "train.py", 10)
        engine: list[float] = []
        for r in range(args.repeats):
            ws = U.workspace(Path(tmp) / f"ws{r}", {"train.py": SCRIPT}, retry=retry)
            engine += gaps(ws, args.attempts, args.checkpoint_mb)
    med_base, med_gap = statistics.median(base), statistics.median(engine)
    print(f"attempts per run: {args.attempts}, checkpoint {args.checkpoint_mb} MiB, {args.repeats} runs")
    print(
        f"script's own start (direct, Popen to first line): median {med_base:.3f} s  [{min(base):.3f}-{max(base):.3f}]"
    )
    print(
        f"exit of attempt n to first line of attempt n+1:  median {med_gap:.3f} s  "
        f"[{min(engine):.3f}-{max(engine):.3f}]  over {len(engine)} retries"
    )
    print(f"added by the retry beyond the script's own start: median {med_gap - med_base:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
