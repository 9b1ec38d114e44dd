"""Cost of one telemetry sample for a run's tree of ~10 processes.

    python bench/telemetry_bench.py [--procs 10] [--samples 200]

Starts a real tree (a root in its own session with --procs - 1 sleeping children), then times
TelemetrySampler.sample() (the /proc walk, with a full /proc scan every 12th sample) against the obvious psutil
way (Process.children(recursive=True), then cpu_times() and memory_info() of each). Mean and p95 wall time
per sample; at the default runs.telemetry_s = 5 s, the share of one core is mean / 5 s. GPUs: none here
(the NVML part is one call per metric per GPU; its cost is not measured on this machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from experiment_runner.runs.telemetry import TelemetrySampler  # noqa: E402

ROOT = """
import subprocess, sys, time
kids = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"]) for _ in range(int(sys.argv[1]))]
print("ready", flush=True)
time.sleep(600)
"""


def psutil_sample(root):
    import psutil

    procs = [root] + root.children(recursive=True)
    cpu = rss = 0
    for p in procs:
        try:
            t = p.cpu_times()
            cpu += t.user + t.system + t.children_user + t.children_system
            rss += p.memory_info().rss
        except psutil.Error:
            pass
    return cpu, rss, len(procs)


def timed(fn, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.mean(times), times[int(0.95 * (n - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--procs", type=int, default=10)
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    root = subprocess.Popen(
        [sys.executable, "-c", ROOT, str(args.procs - 1)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert root.stdout.readline().strip() == "ready"
        import psutil

        sampler = TelemetrySampler(root.pid, [])
        procs = sampler.sample()["procs"]
        machine = len([p for p in os.listdir("/proc") if p.isdigit()]) if os.path.isdir("/proc") else "?"
        print(
            f"tree of {procs} processes; {machine} processes on the machine; load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} CPUs"
        )
        ours = timed(sampler.sample, args.samples)
        proc = psutil.Process(root.pid)
        naive = timed(lambda: psutil_sample(proc), args.samples)
        sampler.close()
        print(f"{'':44}{'mean ms':>9}{'p95 ms':>9}{'% core @5 s':>13}")
        for name, (mean, p95) in (
            ("TelemetrySampler.sample()", ours),
            ("psutil children(recursive) + per-process", naive),
        ):
            print(f"{name:44}{mean * 1e3:9.3f}{p95 * 1e3:9.3f}{mean / 5 * 100:12.4f}%")
    finally:
        os.killpg(root.pid, 9)
        root.wait()


if __name__ == "__main__":
    main()
