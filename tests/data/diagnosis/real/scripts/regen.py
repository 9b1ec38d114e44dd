"""Run the scripts of the real-run part of the corpus again and save what they printed as cases/<name>/:
stdout.log, stderr.log and meta.json (argv, exit code or signal, the reason a time limit gives, library versions).

    python tests/data/diagnosis/real/scripts/regen.py --python /work/fw-i13/venv/bin/python [NAME ...]

How each script runs is in runs.yaml next to this file: its arguments, extra environment, a time limit, and a
`wrap` for the failures that need the machine changed for one process (Linux, root):
  tiny_shm   a private mount namespace with a small tmpfs on /dev/shm (DataLoader workers run out of shared memory)
  tiny_disk  a private mount namespace with a small tmpfs on ./ckpt (checkpoints fill the disk)
  mem_cgroup the process in a cgroup-v1 memory cgroup with a hard limit, started through `bash` (the kernel's
             OOM killer ends it and bash prints `Killed`)
  rlimit_as  an address-space limit for the process through prlimit (allocations fail inside the allocator)
  job_script the command inside a bash job script (bash reports a fatal signal the way a cluster log shows it)
The interpreter is a virtual environment with torch==2.13.0 installed first (the CPU build), then transformers,
lightning, keras, xgboost, scikit-learn, accelerate and requests (each case's meta.json lists the versions that
made it; torchvision is not installable against the CPU torch here, see tv_standin/). Scripts that drive
third-party code find it under $FW_SRC (default /work/fw-i13/src): karpathy/nanoGPT at commit 3adf61e154c3 and
pytorch/examples at 77f55b912142 (mnist/, word_language_model/), fetched and never committed.

Each script runs in a fresh empty folder with stdin from /dev/null, in its own process group. Output past LOG_CAP
bytes per stream is cut in the middle the way the run store's log cap cuts it (same marker), and meta.json says
so."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "cases"
HARD_LIMIT_S = 400
LOG_CAP = 512 << 10
VERSIONED = ["torch", "transformers", "lightning", "keras", "xgboost", "numpy", "scikit-learn", "torchvision"]
CGROUP = Path("/sys/fs/cgroup/memory")


def recipes() -> dict:
    return yaml.safe_load((HERE / "runs.yaml").read_text())


def versions(python: str) -> dict:
    code = (
        "import json, importlib.metadata as m, sys\n"
        f"out = {{'python': sys.version.split()[0]}}\n"
        f"for n in {VERSIONED!r}:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))"
    )
    return json.loads(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout)


def cap(data: bytes) -> tuple[bytes, dict | None]:
    """Keep the first and the last LOG_CAP/2 bytes with the run store's cut marker between them."""
    if len(data) <= LOG_CAP:
        return data, None
    head, tail = data[: LOG_CAP // 2], data[-LOG_CAP // 2 :]
    cut = len(data) - len(head) - len(tail)
    marker = (
        f"\n[experiment-runner: {cut:,} bytes of output cut here; the log keeps the first {len(head):,} bytes and the "
        f"last part, within runs.log_cap_mb = {LOG_CAP / 2**20:g}]\n"
    ).encode()
    return head + marker + tail, {"original_bytes": len(data), "head_bytes": len(head), "tail_bytes": len(tail)}


def command(name: str, recipe: dict, python: str, cwd: str) -> tuple[list[str], dict]:
    script = HERE / recipe.get("script", f"{name}.py")
    argv = [python, str(script), *map(str, recipe.get("args", []))]
    wrap = recipe.get("wrap")
    extra: dict = {}
    if wrap == "tiny_shm":
        size = recipe.get("shm_size", "1m")
        inner = f'mount -t tmpfs -o size={size} tmpfs /dev/shm && exec "$@"'
        argv = ["unshare", "-m", "sh", "-c", inner, "sh", *argv]
    elif wrap == "tiny_disk":
        size = recipe.get("disk_size", "256k")
        os.makedirs(os.path.join(cwd, "ckpt"), exist_ok=True)
        inner = f'mount -t tmpfs -o size={size} tmpfs ckpt && exec "$@"'
        argv = ["unshare", "-m", "sh", "-c", inner, "sh", *argv]
    elif wrap in ("mem_cgroup", "job_script"):
        lines = ["#!/bin/bash", "# the training command, as a job script runs it"]
        if wrap == "mem_cgroup":
            group = CGROUP / f"diag-real-{name}-{os.getpid()}"
            group.mkdir()
            limit = str(recipe.get("mem_limit_mb", 400) << 20)
            (group / "memory.limit_in_bytes").write_text(limit)
            if (group / "memory.memsw.limit_in_bytes").exists():
                (group / "memory.memsw.limit_in_bytes").write_text(limit)
            lines.append(f"echo $$ > {group}/cgroup.procs")
            extra["cgroup"] = group
        lines.append(" ".join(argv))
        (Path(cwd) / "run.sh").write_text("\n".join(lines) + "\n")
        argv = ["bash", "run.sh"]
    elif wrap == "rlimit_as":
        limit = recipe.get("as_limit_mb", 1500) << 20
        argv = ["prlimit", f"--as={limit}:{limit}", "--", *argv]
    elif wrap:
        raise ValueError(
            f"{name}: unknown wrap {wrap!r}; valid: tiny_shm, tiny_disk, mem_cgroup, rlimit_as, job_script"
        )
    return argv, extra


def run_case(name: str, recipe: dict, python: str, vers: dict, out_dir: Path = CASES) -> dict:
    """Run one script; write its logs and meta under out_dir/name; return the meta."""
    dest = out_dir / name
    dest.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONHASHSEED="0", OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1")
    env["FW_SRC"] = os.environ.get("FW_SRC", "/work/fw-i13/src")
    env["KERAS_BACKEND"] = "torch"
    env.pop("EXPERIMENT_RUNNER_METRICS", None)
    env.update({k: str(v) for k, v in recipe.get("env", {}).items()})
    limit = recipe.get("time_limit_s")
    reason = None
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"diag-real-{name}-") as cwd:
        argv, extra = command(name, recipe, python, cwd)
        out_path, err_path = Path(cwd) / ".stdout", Path(cwd) / ".stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(
                argv,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
            try:
                proc.wait(timeout=limit or HARD_LIMIT_S)
            except subprocess.TimeoutExpired:
                if not limit:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    raise RuntimeError(f"{name} ran past {HARD_LIMIT_S} s") from None
                reason = f"time limit of {limit} s reached: SIGTERM"
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    reason += " then SIGKILL after 5 s"
        trimmed = {}
        for stream, path in (("stdout", out_path), ("stderr", err_path)):
            data, cut = cap(path.read_bytes().replace(cwd.encode(), b"/home/user/run"))
            (dest / f"{stream}.log").write_bytes(data)
            if cut:
                trimmed[stream] = cut
        if "cgroup" in extra:
            extra["cgroup"].rmdir()
    rc = proc.returncode
    shown = recipe.get("argv") or ["python", f"{name}.py", *map(str, recipe.get("args", []))]
    if recipe.get("wrap") in ("mem_cgroup", "job_script"):
        shown = ["bash", "run.sh"]
    meta = {
        "exit_code": rc if rc >= 0 else None,
        "signal": -rc if rc < 0 else None,
        "reason": reason,
        "argv": shown,
        "ended_by": "time_limit" if reason else ("signal" if rc < 0 else "exit"),
        "time_limit_s": limit,
        "source": "run",
        "script": f"scripts/{recipe.get('script', name + '.py')}",
        "wrap": recipe.get("wrap"),
        "versions": vers,
        "seconds": round(time.monotonic() - started, 2),
        "trimmed": trimmed or None,
    }
    (dest / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=sys.executable, help="interpreter with the frameworks installed")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    table = recipes()
    unknown = [n for n in args.names if n not in table]
    if unknown:
        print(f"unknown run case(s) {unknown}; valid: {', '.join(table)}", file=sys.stderr)
        return 2
    if shutil.which("unshare") is None:
        print("note: unshare is missing; the tiny_shm and tiny_disk cases will fail to start", file=sys.stderr)
    vers = versions(args.python)
    for name in args.names or list(table):
        meta = run_case(name, table[name], args.python, vers)
        how = f"signal {meta['signal']}" if meta["signal"] else f"exit {meta['exit_code']}"
        print(f"{name:32s} {how:10s} {meta['seconds']:6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
