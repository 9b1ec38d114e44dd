"""Telling the user's notification hook (`notify:` in experiment-runner.yaml, kept in the launch plan) that a run or
a launch ended or that a run's health turned critical. Whoever records the event fires it: a supervisor when its
run ends or a signal turns critical, the store when it finds a run lost, the notifier when a launch's last run has
ended. Each event is claimed once by creating its record exclusively (`<run>/notify/<event>.json`,
`launches/<id>.notify.json`), so two processes that see the same end never run the hook twice; the hook itself runs
in a detached notifier process (runs/detached/notifier.py), which writes how it went into that record."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from experiment_runner.fsutil import write_new_json
from experiment_runner.runs import childenv, records
from experiment_runner.runs.plan import LaunchPlan
from experiment_runner.workspace.config import NotifyEvent


def marker(run_dir: Path, event: NotifyEvent, key: str = "") -> Path:
    return Path(run_dir) / records.NOTIFY / (f"{event}-{key}.json" if key else f"{event}.json")


def launch_marker(plan: LaunchPlan) -> Path:
    return plan.exp_dir / "launches" / f"{plan.launch_id}.notify.json"


def claim(path: Path, event: NotifyEvent, key: str = "") -> bool:
    """True for the one caller that creates the event's record."""
    try:
        write_new_json(path, {"event": event, "key": key or None, "claimed_at": records.utc_now(), "status": "claimed"})
    except FileExistsError:
        return False
    return True


def wanted(plan: LaunchPlan | None, event: NotifyEvent) -> bool:
    return plan is not None and plan.notify is not None and event in plan.notify.on


def fire(run_dir: Path, plan: LaunchPlan | None, event: NotifyEvent, key: str = "") -> bool:
    """Run the hook for a run's event once (in a detached notifier); False when it is not wanted or already fired.
    A run_ended notifier also fires launch_ended when it finds the launch's runs all ended."""
    if plan is None or plan.notify is None:
        return False
    if event not in plan.notify.on and not (event == "run_ended" and wanted(plan, "launch_ended")):
        return False
    path = marker(run_dir, event, key)
    if not claim(path, event, key):
        return False
    spawn(path, plan)
    return True


def fire_for(run_dir: Path, launch_id: str, event: NotifyEvent) -> bool:
    """fire() with the run's launch plan read from its launch file (the store's path: it has no plan at hand)."""
    try:
        plan = records.read_plan(records.launch_path(Path(run_dir).parent.parent, launch_id))
    except (OSError, ValueError):
        return False
    return fire(run_dir, plan, event)


def spawn(marker_path: Path, plan: LaunchPlan) -> None:
    """Start the notifier in its own session, without waiting for it (the hook may take its timeout)."""
    launch_file = records.launch_path(plan.exp_dir, plan.launch_id)
    subprocess.Popen(
        [sys.executable, "-m", "experiment_runner.runs.detached.notifier", str(marker_path), str(launch_file)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,  # never the supervisor's slot locks: the slot frees when the supervisor ends
        env=childenv.strip_secrets(os.environ),
        cwd=plan.workspace_root,
    )
