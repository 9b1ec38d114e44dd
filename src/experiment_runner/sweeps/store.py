"""Reading and writing a sweep's files (layout in sweeps/__init__.py), and a sweep's progress at a glance."""

from __future__ import annotations

import time
from pathlib import Path

from pydantic import BaseModel, Field

from experiment_runner.errors import NotFound, did_you_mean
from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import procs, records
from experiment_runner.runs.model import RunView
from experiment_runner.runs.store import RunStore
from experiment_runner.sweeps.model import ENDED_TRIAL_STATES, SweepSpec, TrialRecord, TrialState, Value
from experiment_runner.sweeps.objective import run_value, trial_value
from experiment_runner.workspace import Workspace, confine

SPEC = "sweep.json"
TRIALS = "trials.json"
JOURNAL = "journal.jsonl"
DRIVER = "driver.json"
DRIVER_LOG = "driver.log"
STOP = "stop.json"


def sweeps_dir(ws: Workspace, experiment: str) -> Path:
    return ws.experiment_dir(experiment) / "sweeps"


def sweep_dir(ws: Workspace, experiment: str, sweep: str) -> Path:
    return sweeps_dir(ws, experiment) / sweep


def names(ws: Workspace, experiment: str) -> list[str]:
    try:
        entries = confine.subdirs(sweeps_dir(ws, experiment))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(
        e for e in entries if not e.startswith(".") and confine.is_file(sweeps_dir(ws, experiment) / e / SPEC)
    )


def read_spec(d: Path) -> SweepSpec:
    return SweepSpec.model_validate_json(confine.read_bytes(d / SPEC))


def read_trials(d: Path) -> list[TrialRecord]:
    try:
        data = records.read_json(d / TRIALS)
    except FileNotFoundError:
        return []
    return [TrialRecord.model_validate(t) for t in data]


def write_trials(d: Path, trials: list[TrialRecord]) -> None:
    atomic_write_json(d / TRIALS, [t.model_dump(mode="json", exclude_none=True) for t in trials])


def read_driver(d: Path) -> dict | None:
    try:
        data = records.read_json(d / DRIVER)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def request_stop(d: Path, by: str) -> None:
    if not confine.exists(d / STOP):
        atomic_write_json(d / STOP, {"requested_at": records.utc_now(), "by": by})


def find(ws: Workspace, experiment: str, sweep: str) -> Path:
    d = sweep_dir(ws, experiment, sweep)
    if not confine.is_file(d / SPEC):
        raise NotFound(
            f"experiment {experiment!r} has no sweep {sweep!r}; " + did_you_mean(sweep, names(ws, experiment))
        )
    return d


# --- a trial's verdict from its runs --------------------------------------------------------------------------


def trial_state(record: TrialRecord, views: list[RunView]) -> TrialState:
    """The driver's verdict when it gave one; otherwise what the trial's runs say."""
    if record.state in ENDED_TRIAL_STATES:
        return record.state
    if not views:
        return record.state or "queued"
    states = {v.state.state for v in views}
    if states & {"queued", "running"}:
        return "running" if states - {"queued"} else "queued"
    if states == {"completed"}:
        return "complete"
    if states & {"failed", "lost"}:
        return "failed"
    return "cancelled"


def run_values(store: RunStore, spec: SweepSpec, views: list[RunView]) -> list[float | None]:
    """Each completed run's value of the objective (None for a run that logged none or did not complete)."""
    out: list[float | None] = []
    for v in views:
        series = store.metric_series(v.run_id).get(spec.objective, []) if v.state.state == "completed" else []
        out.append(run_value(series, spec.aggregation, spec.direction))
    return out


def device_hours(views: list[RunView], gpus_per_run: int, now: float | None = None) -> float:
    """Wall hours of the runs (queued time excluded), times the GPUs each holds (a CPU run counts one device)."""
    now = time.time() if now is None else now
    total = 0.0
    for v in views:
        start = records.iso_to_unix(v.state.started_at)
        if start is None:
            continue
        end = records.iso_to_unix(v.state.ended_at) if v.terminal else now
        total += max(0.0, (end or now) - start)
    return total / 3600.0 * max(1, gpus_per_run)


# --- progress at a glance ---------------------------------------------------------------------------------------


class TrialStatus(BaseModel):
    number: int
    arm: str
    params: dict[str, Value]
    state: TrialState
    value: float | None = Field(None, description="Mean over its seeds of the objective (complete trials).")
    run_ids: list[str] = Field(default_factory=list)
    pruned_at_step: int | None = None
    reason: str | None = None


class SweepProgress(BaseModel):
    sweep: str
    experiment: str
    sampler: str
    objective: str = Field(description="The metric configurations are chosen on, and its direction.")
    state: str = Field(description="running, ended, or driver_lost (a TPE sweep whose driver died: resume it).")
    trials: int = Field(description="Configurations tried so far (launched).")
    by_state: dict[str, int] = Field(description="Trials per state: queued, running, complete, pruned, failed ...")
    best: TrialStatus | None = Field(None, description="The best complete trial so far, with its configuration.")
    max_trials: int | None = None
    device_hours: float = Field(description="Hours spent so far (wall hours x GPUs per run; CPU runs count one).")
    max_gpu_hours: float | None = None
    summary: str


def trial_statuses(store: RunStore, d: Path, spec: SweepSpec) -> tuple[list[TrialStatus], float]:
    """Every trial with its state and value, and the device-hours the sweep's runs have used."""
    views = {v.run_id: v for v in store.list_runs(experiment=spec.experiment)}
    out, hours = [], 0.0
    for t in read_trials(d):
        tv = [views[r] for r in t.run_ids if r in views]
        hours += device_hours(tv, spec.gpus_per_run)
        state = trial_state(t, tv)
        value = t.value
        if state == "complete" and value is None:
            value = trial_value(run_values(store, spec, tv))
        out.append(
            TrialStatus(
                number=t.number,
                arm=t.arm,
                params=t.params,
                state=state,
                value=value,
                run_ids=t.run_ids,
                pruned_at_step=t.pruned_at_step,
                reason=t.reason,
            )
        )
    return out, hours


def best_of(trials: list[TrialStatus], direction: str) -> TrialStatus | None:
    scored = [t for t in trials if t.state == "complete" and t.value is not None]
    if not scored:
        return None
    return (max if direction == "max" else min)(scored, key=lambda t: t.value if t.value is not None else 0.0)


def driver_alive(d: Path) -> bool:
    info = read_driver(d)
    if not info or info.get("ended_at"):
        return False
    return procs.check(info.get("pid"), info.get("start_ticks"), info.get("boot_id"), info.get("start")) == "alive"


def progress(store: RunStore, experiment: str, sweep: str) -> SweepProgress:
    d = sweep_dir(store.ws, experiment, sweep)
    spec = read_spec(d)
    trials, hours = trial_statuses(store, d, spec)
    by_state: dict[str, int] = {}
    for t in trials:
        by_state[t.state] = by_state.get(t.state, 0) + 1
    going = any(t.state in ("queued", "running") for t in trials)
    if spec.sampler == "tpe":
        info = read_driver(d) or {}
        if info.get("ended_at"):
            state = "running" if going else "ended"
        else:
            state = "running" if driver_alive(d) else "driver_lost"
    else:
        state = "running" if going else "ended"
    best = best_of(trials, spec.direction)
    from experiment_runner.sweeps.space import describe

    cap = spec.budget.max_trials
    summary = (
        f"sweep '{sweep}' ({spec.sampler}, {state}): {len(trials)}"
        + (f"/{cap}" if cap else "")
        + " trial(s), "
        + (", ".join(f"{n} {k}" for k, n in sorted(by_state.items())) or "none yet")
        + f"; {hours:.3g} device-hours"
        + (f" of {spec.budget.max_gpu_hours:g}" if spec.budget.max_gpu_hours else "")
        + (
            f"; best {spec.objective}={best.value:.4g} ({spec.direction}) by trial {best.number} "
            f"({describe(best.params)})"
            if best and best.value is not None
            else ""
        )
    )
    return SweepProgress(
        sweep=sweep,
        experiment=experiment,
        sampler=spec.sampler,
        objective=f"{spec.objective} ({spec.direction}, {spec.aggregation} value, mean over {len(spec.seeds)} seed(s))",
        state=state,
        trials=len(trials),
        by_state=by_state,
        best=best,
        max_trials=cap,
        device_hours=round(hours, 6),
        max_gpu_hours=spec.budget.max_gpu_hours,
        summary=summary,
    )


def experiment_progress(store: RunStore, experiment: str) -> list[SweepProgress]:
    return [progress(store, experiment, s) for s in names(store.ws, experiment)]
