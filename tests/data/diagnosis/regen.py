"""Re-run every fixture script of labels.yaml and save what it printed, as the diagnosis fixtures:
logs/<name>/stdout.log, stderr.log and meta.json (exit code or signal, the reason a time limit gives, argv).

    python tests/data/diagnosis/regen.py            # all scripts, into tests/data/diagnosis/logs
    python tests/data/diagnosis/regen.py NAME ...   # only these

Each script runs with this interpreter in a fresh empty working folder, stdin from /dev/null, in its own process
group; a `time_limit_s` ends it with SIGTERM (then SIGKILL after 5 s), as the run engine does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "scripts"
LOGS = HERE / "logs"
HARD_LIMIT_S = 180


def labels() -> dict:
    return yaml.safe_load((HERE / "labels.yaml").read_text())


def run_script(name: str, entry: dict, out_dir: Path) -> dict:
    """Run one script; write its logs and meta under out_dir/name; return the meta."""
    dest = out_dir / name
    dest.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, str(SCRIPTS / f"{name}.py"), *entry.get("args", [])]
    env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
    env.pop("EXPERIMENT_RUNNER_METRICS", None)
    limit = entry.get("time_limit_s")
    reason = None
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix=f"diag-{name}-") as cwd,
        open(dest / "stdout.log", "wb") as out,
        open(dest / "stderr.log", "wb") as err,
    ):
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
        )
        try:
            proc.wait(timeout=limit or HARD_LIMIT_S)
        except subprocess.TimeoutExpired:
            if not limit:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise RuntimeError(f"{name} ran past {HARD_LIMIT_S} s")
            reason = f"time limit of {limit} s reached: SIGTERM"
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                reason += " then SIGKILL after 5 s"
    rc = proc.returncode
    meta = {
        "exit_code": rc if rc >= 0 else None,
        "signal": -rc if rc < 0 else None,
        "reason": reason,
        "ended_by": "time_limit" if reason else ("signal" if rc < 0 else "exit"),
        "time_limit_s": limit,
        "argv": ["python", f"{name}.py", *entry.get("args", [])],
        "seconds": round(time.monotonic() - started, 2),
        "simulated": bool(entry.get("simulated")),
    }
    (dest / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def main(names: list[str]) -> int:
    table = labels()
    unknown = [n for n in names if n not in table]
    if unknown:
        print(f"unknown fixture(s) {unknown}; valid: {', '.join(table)}", file=sys.stderr)
        return 2
    todo = names or list(table)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for name, meta in zip(todo, pool.map(lambda n: run_script(n, table[n], LOGS), todo)):
            how = f"signal {meta['signal']}" if meta["signal"] else f"exit {meta['exit_code']}"
            print(f"{name:26s} {how:10s} {meta['seconds']:6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
