"""Shared by the run-engine benchmarks: a scratch workspace, launching through the real tool, waiting for a run,
reading a process's CPU time, and the MLflow side (run in its own venv, bench/.venv-mlflow, never a dependency)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MLFLOW_VENV = HERE / ".venv-mlflow"
MLFLOW_SETUP = f"python3 -m venv {MLFLOW_VENV} && {MLFLOW_VENV}/bin/pip install 'mlflow>=3,<4'"


def workspace(root: Path, scripts: dict[str, str], **runs) -> Path:
    import yaml

    root.mkdir(parents=True, exist_ok=True)
    for name, body in scripts.items():
        (root / name).write_text(body)
    (root / "experiment-runner.yaml").write_text(yaml.safe_dump({"runs": {"manifest": False, **runs}}))
    return root


def launch(ws: Path, experiment: str, argv: list[str], seeds=(0,), env: dict | None = None):
    """launch_training through its ToolSpec (the function the MCP adapter calls)."""
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.launch_training import SPEC
    from experiment_runner.workspace import Workspace

    return SPEC.call(
        {"experiment": experiment, "arm": "bench", "command": argv, "seeds": list(seeds), "env": env or {}},
        ToolContext(workspace=Workspace(ws)),
    )


def store(ws: Path):
    from experiment_runner.runs.store import RunStore
    from experiment_runner.workspace import Workspace

    return RunStore(Workspace(ws))


def wait_state(ws: Path, run_id: str, states: set[str], timeout: float = 600, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        view = store(ws).get(run_id)
        if view.state.state in states:
            return view
        if time.monotonic() > deadline:
            raise SystemExit(f"{run_id} still {view.state.state} after {timeout} s")
        time.sleep(interval)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", "rb") as f:
        rest = f.read().rsplit(b")", 1)[1].split()
    return (int(rest[11]) + int(rest[12])) / os.sysconf("SC_CLK_TCK")


def mlflow(*args: str, timeout: float = 1800) -> dict | None:
    """Run bench/mlflow_side.py in the MLflow venv; None (with the setup command printed) when it is missing."""
    py = MLFLOW_VENV / "bin" / "python"
    if not py.exists():
        print(f"  MLflow side skipped: no {MLFLOW_VENV}. Create it with:\n    {MLFLOW_SETUP}", file=sys.stderr)
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    proc = subprocess.run(
        [str(py), str(HERE / "mlflow_side.py"), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    if proc.returncode != 0:
        raise SystemExit(f"mlflow_side.py {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> str:
    load = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at start"
