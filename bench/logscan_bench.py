"""diagnose_failure's log scan on a 1 GiB training log, side by side with
`grep -i "error\\|warning\\|nan\\|inf"` on the same file: wall time and peak memory of each (each a fresh process),
the pure-Python fallback engine for reference, and the cost of re-scanning after the log grows.

    python bench/logscan_bench.py [--size-mb 1024] [--repeat 3] [--no-python-engine] [--keep]

The log is written under /tmp and removed afterwards (unless --keep). It looks like a real run's output: nanoGPT-
style iteration lines, Python-logging INFO lines for evaluations, a UserWarning now and then, the loss turning
NaN for the last 3% of the lines, and a CUDA out-of-memory traceback at the end. grep's matches go to a file (GNU
grep stops at the first match when its output is /dev/null, which would not be a scan). Our scan's figure is the
whole process (Python start-up and imports included) and, separately, the scan itself."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GREP_PATTERN = "error\\|warning\\|nan\\|inf"
TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "/home/user/project/train.py", line 300, in <module>\n'
    "    loss.backward()\n"
    "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.15 GiB "
    "of which 1.02 GiB is free. Including non-PyTorch memory, this process has 78.10 GiB memory in use.\n"
)

SCAN_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from experiment_runner.diagnosis.scan import scan_file
from experiment_runner.diagnosis.rules import load_rules
from experiment_runner.diagnosis.engines import make_engine
import numpy  # the scan counts lines with it: imported here so that scan_s is the scan alone
make_engine(load_rules(), sys.argv[2])  # loads the compiled patterns (from the cache after the first run)
t1 = time.perf_counter()
state = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
from pathlib import Path
if state:  # the scan state is written through the confinement layer: its folder is this process's root
    from experiment_runner.workspace import confine
    confine.register(str(Path(state).parent))
r = scan_file(sys.argv[1], engine=sys.argv[2], state_path=Path(state) if state else None)
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "scan_s": t2 - t1, "lines": r.lines, "bytes_read": r.bytes_read,
                  "resumed_from": r.resumed_from, "engine": r.engine,
                  "hits": {k: [v.count, v.count_exact, v.first[0].line, v.last.line] for k, v in r.hits.items()},
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def block(first_step: int, lines: int, rnd: random.Random, nan: bool) -> str:
    out = []
    for i in range(lines):
        step = first_step + i
        loss = "nan" if nan else f"{2.5 / (1 + step * 1e-6) + rnd.random() * 0.01:.4f}"
        if step % 1000 == 0:
            out.append(
                f"2024-05-01 12:{step // 60000 % 60:02d}:{step // 1000 % 60:02d},123 INFO trainer: step {step} "
                f"eval val_loss={loss} val_acc=0.{rnd.randint(0, 9999):04d}\n"
            )
        elif step % 50001 == 0:
            out.append(
                "/usr/lib/python3/dist-packages/torch/optim/lr_scheduler.py:139: UserWarning: Detected call of "
                "`lr_scheduler.step()` before `optimizer.step()`.\n"
            )
        else:
            out.append(
                f"iter {step}: loss {loss}, time {rnd.randint(40, 60)}.{rnd.randint(0, 99):02d}ms, "
                f"mfu {rnd.randint(30, 40)}.{rnd.randint(0, 99):02d}%\n"
            )
    return "".join(out)


def generate(path: Path, size: int) -> None:
    """~`size` bytes: a 32 MiB block of healthy lines written again and again (cheap to make), then the NaN part
    (3%) and the traceback."""
    rnd = random.Random(0)
    healthy = block(1, 330_000, rnd, nan=False).encode()
    nan_part = block(10_000_000, max(1, int(size * 0.03) // 60), rnd, nan=True).encode()
    with open(path, "wb") as f:
        written = 0
        while written + len(healthy) + len(nan_part) < size:
            f.write(healthy)
            written += len(healthy)
        f.write(healthy[: max(0, size - written - len(nan_part) - len(TRACEBACK))].rsplit(b"\n", 1)[0] + b"\n")
        f.write(nan_part)
        f.write(TRACEBACK.encode())


TIME = shutil.which("time", path="/usr/bin")


def timed(argv: list[str], stdout) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one child process: /usr/bin/time's %M where it is installed (the
    process's own peak), else the child's rusage from os.wait4."""
    with tempfile.NamedTemporaryFile("r") as rss_file:
        full = [TIME, "-f", "%M", "-o", rss_file.name, *argv] if TIME else argv
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # grep: 1 = no match
            raise RuntimeError(f"{argv[0]} exited with {code}")
        text = rss_file.read().strip().splitlines()
        rss = int(text[-1]) if TIME and text and text[-1].isdigit() else usage.ru_maxrss
    return wall, rss


def run_grep(path: Path, out_dir: Path) -> dict:
    out = out_dir / "grep.out"
    with open(out, "wb") as f:
        wall, rss = timed(["grep", "-i", GREP_PATTERN, str(path)], f)
    lines = sum(1 for _ in open(out, "rb"))
    out.unlink()
    return {"wall_s": wall, "maxrss_kb": rss, "matched_lines": lines}


def run_scan(path: Path, engine: str, state: Path | None = None) -> dict:
    with tempfile.TemporaryFile() as out:
        wall, rss = timed([sys.executable, "-c", SCAN_CHILD, str(path), engine, str(state or "")], out)
        out.seek(0)
        data = json.loads(out.read())
    data["wall_s"] = wall
    data["maxrss_kb"] = rss
    return data


def same_hits(a: dict, b: dict) -> bool:
    """Same rules, same first and last line each (counts of a flooded rule are lower bounds that depend on where
    the scan's windows fall, so they are not compared)."""
    return {k: (v[2], v[3]) for k, v in a.items()} == {k: (v[2], v[3]) for k, v in b.items()}


def mb(kb) -> str:
    return f"{kb / 1024:.0f} MB" if kb else "?"


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--generate":
        generate(Path(sys.argv[2]), int(sys.argv[3]))
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, interleaved; the best is shown")
    ap.add_argument("--no-python-engine", action="store_true", help="skip the (slow) pure-Python fallback")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    if shutil.which("grep") is None:
        print("grep is not installed: nothing to compare with", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="logscan-bench-", dir="/tmp"))
    log = tmp / "train.log"
    try:
        t0 = time.perf_counter()
        # In a child: this process stays small, so the children it forks start small (their peak RSS is theirs).
        subprocess.run([sys.executable, __file__, "--generate", str(log), str(int(args.size_mb * 2**20))], check=True)
        size = log.stat().st_size
        print(
            f"log: {log} {size / 2**30:.2f} GiB, {sum(1 for _ in open(log, 'rb')):,} lines "
            f"(written in {time.perf_counter() - t0:.0f} s)"
        )
        run_scan(log, "hyperscan")  # warm the page cache and the compiled-pattern cache for both sides
        greps, scans = [], []
        for _ in range(args.repeat):
            greps.append(run_grep(log, tmp))
            scans.append(run_scan(log, "hyperscan"))
        g = min(greps, key=lambda r: r["wall_s"])
        s = min(scans, key=lambda r: r["wall_s"])
        print(f"\n{'':34s} {'wall (best of ' + str(args.repeat) + ')':>18s} {'peak RSS':>10s}  result")
        print(
            f"{'grep -i error|warning|nan|inf':34s} {g['wall_s']:>16.2f} s {mb(g['maxrss_kb']):>10s}  "
            f"{g['matched_lines']:,} matching lines (to sort through by eye)"
        )
        print(
            f"{'failure scan, hyperscan (process)':34s} {s['wall_s']:>16.2f} s {mb(s['maxrss_kb']):>10s}  "
            f"{len(s['hits'])} rules hit, first/last line each: {s['hits']}"
        )
        print(f"{'  of which the scan itself':34s} {s['scan_s']:>16.2f} s")
        print(f"{'  of which start-up and imports':34s} {s['import_s']:>16.2f} s")
        print(
            f"speed vs grep: {g['wall_s'] / s['wall_s']:.2f}x (whole process), "
            f"{g['wall_s'] / s['scan_s']:.2f}x (scan only); throughput {size / 2**30 / s['scan_s']:.2f} GiB/s"
        )
        if not args.no_python_engine:
            p = run_scan(log, "python")
            print(
                f"{'failure scan, pure-Python fallback':34s} {p['wall_s']:>16.2f} s {mb(p['maxrss_kb']):>10s}  "
                f"same hits: {same_hits(p['hits'], s['hits'])}"
            )

        # Re-scan after the log grows: only the appended bytes are read.
        state = tmp / "scan-state.json"
        full = run_scan(log, "hyperscan", state)
        appended = (b"iter 99999999: loss nan, time 41.00ms, mfu 31.00%\n" * 200_000) + TRACEBACK.encode()
        with open(log, "ab") as f:
            f.write(appended)
        again = run_scan(log, "hyperscan", state)
        fresh = run_scan(log, "hyperscan")
        print(
            f"\nre-scan after appending {len(appended) / 2**20:.1f} MiB: {again['scan_s'] * 1000:.1f} ms, read "
            f"{again['bytes_read']:,} bytes from offset {again['resumed_from']:,} (first scan with state: "
            f"{full['scan_s']:.2f} s; a full scan of the grown log: {fresh['scan_s']:.2f} s); same hits as the full "
            f"scan: {same_hits(again['hits'], fresh['hits'])}"
        )
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
