"""A prepared launch, written and started: every run folder (each complete or not at all), the launch file, then the
backend's hand-off (the local launcher, or sbatch). A submission that fails part-way leaves no run waiting for
nothing: the runs already written are marked failed with the reason, and the error goes to the caller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.runs import launch, records
from experiment_runner.runs.model import RunState
from experiment_runner.runs.prepare import PreparedLaunch
from experiment_runner.workspace import confine


@dataclass
class SubmittedLaunch:
    prepared: PreparedLaunch
    run_dirs: list[Path]  # in start order, as prepared.specs
    facts: dict  # what the backend reported (launcher log, Slurm job ids)


def submit(prepared: PreparedLaunch) -> SubmittedLaunch:
    from experiment_runner.runs.backends import get_backend

    backend = get_backend(prepared.backend)
    runs_dir = prepared.runs_dir
    confine.mkdir(runs_dir)
    made: list[Path] = []
    try:
        now = records.utc_now()
        queued = RunState(state="queued", updated_at=now, scheduler={"backend": prepared.backend})
        made = launch.create_run_dirs(runs_dir, [(spec, queued) for spec in prepared.specs])
        records.write_plan(prepared.plan)
        facts = backend.submit(prepared.plan)
    except (UserError, OSError) as e:
        _fail(made, f"submission failed: {e}")
        raise
    return SubmittedLaunch(prepared=prepared, run_dirs=made, facts=facts or {})


def _fail(run_dirs: list[Path], why: str) -> None:
    for run_dir in run_dirs:
        try:
            state = records.read_state(run_dir)
            records.transition(
                run_dir, state, state="failed", ended_at=records.utc_now(), ended_by="start_error", reason=why
            )
        except (OSError, ValueError):
            continue
