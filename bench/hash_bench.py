"""Data hashing benchmark: our BLAKE3 file hash side by side with `sha256sum` on the same 1 GiB file, and the
first check of a dataset folder against a re-check of it unchanged (stat cache).

    python bench/hash_bench.py [--size-mib 1024] [--repeat 5]

Targets (issue 3): >= 1.5x sha256sum's speed; re-check >= 100x faster than the first check. Files are created
under /tmp and deleted afterwards. Both hashers read from the page cache (the file is read once before timing),
so the figures compare hashing, not the disk."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _make_file(path: Path, size: int) -> None:
    block = os.urandom(16 << 20)
    with open(path, "wb") as f:
        left = size
        while left > 0:
            f.write(block[: min(len(block), left)])
            left -= len(block)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from experiment_runner.repro.datahash import hash_data, hash_file
    from experiment_runner.workspace import Workspace

    size = args.size_mib << 20
    tmp = Path(tempfile.mkdtemp(prefix="er-hash-bench-", dir="/tmp"))
    try:
        ws_root = tmp / "ws"
        big = ws_root / "one_file" / "big.bin"
        big.parent.mkdir(parents=True)
        _make_file(big, size)
        with open(big, "rb") as f:  # warm the page cache for both contenders
            while f.read(64 << 20):
                pass

        print(
            f"load average {os.getloadavg()[0]:.1f}; machine: {os.cpu_count()} CPUs; python "
            f"{sys.version.split()[0]}; file {args.size_mib} MiB in {tmp}"
        )
        print(f"\n1) one {args.size_mib} MiB file, median of {args.repeat}")
        rows = []
        t_sha, out = _timed(
            lambda: subprocess.run(["sha256sum", str(big)], capture_output=True, check=True), args.repeat
        )
        rows.append(("sha256sum (coreutils, baseline)", t_sha))
        t_b3, ours = _timed(lambda: hash_file(big, "blake3"), args.repeat)
        rows.append(("experiment-runner blake3", t_b3))
        t_ours_sha, ours_sha = _timed(lambda: hash_file(big, "sha256"), args.repeat)
        rows.append(("experiment-runner sha256 mode", t_ours_sha))
        assert ours_sha == out.stdout.split()[0].decode(), "sha256 mode disagrees with sha256sum"
        if shutil.which("b3sum"):
            t_b3sum, b3 = _timed(
                lambda: subprocess.run(["b3sum", "--no-names", str(big)], capture_output=True, check=True), args.repeat
            )
            rows.append(("b3sum (reference)", t_b3sum))
            assert b3.stdout.decode().strip() == ours, "blake3 disagrees with b3sum"
        print(f"   {'hasher':36s} {'seconds':>8s} {'MiB/s':>8s} {'vs sha256sum':>13s}")
        for name, t in rows:
            print(f"   {name:36s} {t:8.3f} {args.size_mib / t:8.0f} {t_sha / t:12.2f}x")
        print(
            f"   target >= 1.50x sha256sum: blake3 is {t_sha / t_b3:.2f}x -> "
            f"{'MET' if t_sha / t_b3 >= 1.5 else 'NOT MET'}"
        )

        print("\n2) first check vs re-check of an unchanged dataset (hash_data, fresh cache each shape)")
        shapes = []
        shapes.append((f"1 file of {args.size_mib} MiB", "one_file"))
        many = ws_root / "many_files"
        many.mkdir()
        block = os.urandom(1 << 20)
        n_many = max(1, args.size_mib)
        for i in range(n_many):
            (many / f"part-{i:05d}.bin").write_bytes(block[:-1] + bytes([i % 256]))
        shapes.append((f"{n_many} files of 1 MiB", "many_files"))
        mid = ws_root / "mid_files"
        mid.mkdir()
        block16 = os.urandom(16 << 20)
        n_mid = max(1, args.size_mib // 16)
        for i in range(n_mid):
            (mid / f"shard-{i:03d}.bin").write_bytes(block16[:-1] + bytes([i % 256]))
        shapes.append((f"{n_mid} files of 16 MiB", "mid_files"))
        time.sleep(0.3)  # files written in the last 100 ms are never cached (they may still be changing)
        ws = Workspace(ws_root)
        print(f"   {'dataset':28s} {'first s':>9s} {'re-check s':>11s} {'speed-up':>9s}  read on re-check")
        for label, folder in shapes:
            cache_dir = ws.store_root / ".cache"
            shutil.rmtree(cache_dir, ignore_errors=True)
            t0 = time.perf_counter()
            first = hash_data(ws, [folder]).entries[0]
            t_first = time.perf_counter() - t0
            t_re, again = _timed(lambda: hash_data(ws, [folder]).entries[0], args.repeat)
            assert again.hash == first.hash
            ratio = t_first / t_re
            print(
                f"   {label:28s} {t_first:9.3f} {t_re:11.4f} {ratio:8.0f}x  {again.bytes_read} bytes, "
                f"{again.cache_hits} cache hits"
                f"  {'MET' if ratio >= 100 else 'NOT MET'} (>= 100x)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
