"""Reading and writing one run's record files (spec, state, exit, stop request) and a launch's files. Shared by
the store (readers), the launcher and the supervisor (writers); light imports only, since every supervisor
process loads it."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs.model import RunSpec, RunState
from experiment_runner.runs.plan import LaunchPlan, from_version_1
from experiment_runner.workspace import confine

SPEC = "spec.json"
STATE = "state.json"
EXIT = "exit.json"
STOP = "stop.json"
HEARTBEAT = "heartbeat"
METRICS = "metrics.jsonl"
USER_METRICS = "metrics_user.jsonl"
TELEMETRY = "telemetry.jsonl"
HEALTH = "health.json"
MANIFEST = "manifest.json"
SUPERVISOR_LOG = "supervisor.log"
CHECKPOINTS = "checkpoints.json"
NOTIFY = "notify"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def iso_to_unix(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def read_json(path: Path) -> Any:
    return json.loads(confine.read_bytes(path))


def _read_bytes(path: str) -> bytes:
    return confine.read_bytes(path)


# Parsed and validated in one pass by pydantic-core (listing thousands of runs reads two of these per run).
def read_spec(run_dir: Path | str) -> RunSpec:
    return RunSpec.model_validate_json(_read_bytes(os.path.join(run_dir, SPEC)))


def read_state(run_dir: Path | str) -> RunState:
    return RunState.model_validate_json(_read_bytes(os.path.join(run_dir, STATE)))


def write_state(run_dir: Path, state: RunState) -> None:
    """Replace state.json atomically (temp file, fsync, rename, fsync of the folder)."""
    atomic_write_json(run_dir / STATE, state.model_dump(mode="json", exclude_none=True))


def transition(run_dir: Path, current: RunState, **changes: Any) -> RunState:
    """Write `current` with `changes` applied (and a new updated_at) as the run's state; return it."""
    new = current.model_copy(update={**changes, "updated_at": utc_now()})
    write_state(run_dir, new)
    return new


def read_exit(run_dir: Path) -> dict | None:
    try:
        data = read_json(run_dir / EXIT)
    except (FileNotFoundError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_stop(run_dir: Path) -> dict | None:
    try:
        data = read_json(run_dir / STOP)
    except FileNotFoundError:
        return None
    except ValueError:
        return {"by": "unknown"}  # a torn request still asks for a stop
    return data if isinstance(data, dict) else {"by": "unknown"}


def request_stop(run_dir: Path, *, grace_s: float, by: str) -> None:
    if confine.exists(run_dir / STOP):
        return
    atomic_write_json(run_dir / STOP, {"requested_at": utc_now(), "time": time.time(), "grace_s": grace_s, "by": by})


def heartbeat_time(run_dir: Path) -> float | None:
    try:
        return confine.stat(run_dir / HEARTBEAT).st_mtime
    except FileNotFoundError:
        return None


# --- launches ---------------------------------------------------------------------------------------------


def launch_path(experiment_dir: Path, launch_id: str) -> Path:
    return Path(experiment_dir) / "launches" / f"{launch_id}.json"


def write_plan(plan: LaunchPlan) -> Path:
    """Write the launch file (once: a launch id names one plan)."""
    path = launch_path(plan.exp_dir, plan.launch_id)
    confine.write_new(path, plan.model_dump_json(indent=2).encode() + b"\n")
    return path


def read_plan(path: Path | str) -> LaunchPlan:
    """The launch file, validated (a ValidationError names what is wrong with it)."""
    data = json.loads(confine.read_bytes(path))
    if isinstance(data, dict) and "version" not in data:  # written before the plan was typed
        data = from_version_1(data)
    return LaunchPlan.model_validate(data)


def launcher_path(experiment_dir: Path, launch_id: str) -> Path:
    return Path(experiment_dir) / "launches" / f"{launch_id}.launcher.json"
