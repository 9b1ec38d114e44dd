"""The notifier: `python -m experiment_runner.runs.detached.notifier <event record> <launch file>`.

Runs the user's hook (`notify.command`, an argument list, never a shell) with the event as JSON on stdin:
{"event": "run_ended" | "health_critical" | "launch_ended", "run": {...} | "launch": {...}, "signal": {...}}, the
run or launch as runs/digest.py writes it. Its environment is the allowlist runs get plus notify.pass_env; it is
killed after notify.timeout_s. How it went (exit code, time, the end of its output) is written into the event's
record. After a run's end it looks whether the launch's runs have all ended, and if so tells the hook that too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import childenv, notify, records
from experiment_runner.runs.digest import launch_digest, run_digest
from experiment_runner.runs.plan import LaunchPlan
from experiment_runner.workspace import Workspace, confine
from experiment_runner.workspace.config import SHELLS

OUTPUT_KEPT = 2000


def resolve(argv0: str, root: str, path_env: str | None) -> str | None:
    """Where the hook's program is: an absolute path, a path relative to the workspace root, or a name on PATH."""
    if os.path.isabs(argv0):
        return argv0 if os.path.isfile(argv0) else None
    if "/" in argv0:
        candidate = os.path.join(root, argv0)
        return candidate if os.path.isfile(candidate) else None
    return shutil.which(argv0, path=path_env)


def run_hook(plan: LaunchPlan, payload: dict) -> dict:
    """Run the hook with `payload` on stdin; what happened, for the event's record."""
    cfg = plan.notify
    assert cfg is not None
    env = childenv.base_env()
    env.update({k: os.environ[k] for k in cfg.pass_env if k in os.environ})
    env = childenv.strip_secrets(env)
    program = resolve(cfg.command[0], plan.workspace_root, env.get("PATH"))
    if program is None or os.path.basename(program) in SHELLS:
        why = "is a shell (hooks never run through one)" if program else "was not found"
        return {"status": "failed", "error": f"notify.command program {cfg.command[0]!r} {why}"}
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [program, *cfg.command[1:]],
            input=json.dumps(payload).encode(),
            capture_output=True,
            timeout=cfg.timeout_s,
            env=env,
            cwd=plan.workspace_root,
            start_new_session=True,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        return {"status": "timed_out", "took_s": cfg.timeout_s, "output": _tail(e.stdout, e.stderr)}
    except OSError as e:
        return {"status": "failed", "error": f"could not start {program}: {e}"}
    return {
        "status": "done" if proc.returncode == 0 else "failed",
        "exit_code": proc.returncode,
        "took_s": round(time.monotonic() - started, 3),
        "output": _tail(proc.stdout, proc.stderr),
    }


def _tail(out: bytes | None, err: bytes | None) -> str:
    return ((out or b"") + (err or b"")).decode("utf-8", "replace")[-OUTPUT_KEPT:]


def _record(path: Path, outcome: dict) -> None:
    try:
        data = records.read_json(path)
    except (OSError, ValueError):
        data = {}
    atomic_write_json(path, {**data, **outcome, "finished_at": records.utc_now()})


def deliver(marker_path: Path, plan: LaunchPlan) -> None:
    from experiment_runner.runs.store import RunStore

    event_record = records.read_json(marker_path)
    event = event_record.get("event")
    run_dir = marker_path.parent.parent
    store = RunStore(Workspace(plan.workspace_root))
    view = store.get(run_dir.name)
    if notify.wanted(plan, event):
        payload: dict = {"event": event, "run": run_digest(view)}
        if event == "health_critical":  # the record's key is "<code>-<attempt>"
            code = str(event_record.get("key") or "").rsplit("-", 1)[0]
            payload["signal"] = next((s for s in payload["run"]["health"] if s.get("code") == code), None)
        _record(marker_path, run_hook(plan, payload))
    else:
        _record(marker_path, {"status": "not_wanted"})
    if event == "run_ended" and notify.wanted(plan, "launch_ended"):
        views = store.launch_runs(plan.experiment, plan.launch_id)
        if views and all(v.terminal for v in views):
            path = notify.launch_marker(plan)
            if notify.claim(path, "launch_ended"):
                digest = launch_digest(plan.experiment, plan.launch_id, views)
                _record(path, run_hook(plan, {"event": "launch_ended", "launch": digest}))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    marker_path, launch_file = Path(os.path.abspath(args[0])), Path(os.path.abspath(args[1]))
    confine.register_launch(launch_file)
    plan = records.read_plan(launch_file)
    confine.register(plan.workspace_root, launch_file.parent.parent.parent)
    try:
        deliver(marker_path, plan)
    except Exception as e:  # the record says why; a notifier never takes anything else down
        _record(marker_path, {"status": "failed", "error": repr(e)})
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
