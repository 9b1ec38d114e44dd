"""Starting a sweep: checks, then grid and random sweeps launched at once (every configuration an arm of one launch,
through runs/prepare -> runs/submit), or a TPE sweep handed to its detached driver. Resuming a TPE sweep whose driver
died starts a new driver on the same journal."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from experiment_runner.errors import UserError
from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import childenv, launch, records
from experiment_runner.runs.prepare import ArmRequest, LaunchOptions, Preflight, prepare
from experiment_runner.runs.submit import submit
from experiment_runner.sweeps import space as sp
from experiment_runner.sweeps import store as sweeps
from experiment_runner.sweeps.model import (
    Aggregation,
    Budget,
    Direction,
    ParamSpec,
    Pruner,
    Sampler,
    SweepSpec,
    TrialRecord,
)
from experiment_runner.workspace import Workspace, confine, names

MAX_TRIALS = 10_000
DRIVER_START_TIMEOUT_S = 60.0


class SweepSettings(BaseModel):
    """What a sweep adds to a launch: the space, the sampler, the objective and the budget."""

    model_config = ConfigDict(extra="forbid")

    sweep: str = Field(
        description="Name of the sweep, unique in the experiment; trial k's arm is '<sweep>-<k>' (e.g. 'lr-004')."
    )
    command: list[str] | None = Field(
        None,
        min_length=1,
        description="The command as an argument list with a {name} placeholder for every parameter of the space and "
        '{seed} for the seed, e.g. ["python", "train.py", "--lr", "{lr}", "--seed", "{seed}"]; a config value is '
        'set the same way, e.g. "training.lr={lr}" for a Hydra-style override.',
    )
    space: dict[str, ParamSpec] | None = Field(
        None,
        description='The search space: parameter -> {"values": [...]} or {"low": a, "high": b, "log": true, '
        '"type": "float"|"int"}, e.g. {"lr": {"low": 1e-4, "high": 0.3, "log": true}, "hidden": {"values": [16, 64]}}.',
    )
    sampler: Sampler | None = Field(
        None,
        description="grid (every combination of values), random (max_trials independent draws) or tpe (Optuna's "
        "TPE, asked for configurations as trials end; needs the optuna package).",
    )
    objective: str | None = Field(
        None, description="The metric configurations are chosen on, e.g. 'val_acc' (a validation metric)."
    )
    direction: Direction | None = Field(
        None, description="max or min (default: read from the metric's name, e.g. *_acc max, *_loss min)."
    )
    aggregation: Aggregation = Field("final", description="A run's value of the objective: its final or best value.")
    seeds: list[int] | None = Field(None, description="Seeds each configuration runs with (default [0]).")
    n_seeds: int | None = Field(None, description="Seeds 0..n-1 per configuration when seeds is not given.")
    max_trials: int | None = Field(
        None, ge=1, le=MAX_TRIALS, description="Most configurations (required for random and tpe)."
    )
    max_gpu_hours: float | None = Field(
        None,
        gt=0,
        description="tpe: ask for no new configuration once the sweep's runs have used this many device-hours (wall "
        "hours x GPUs per run; a CPU run counts one); trials already going finish.",
    )
    parallel_trials: int = Field(2, ge=1, le=256, description="tpe: configurations running at once.")
    pruner: Pruner | None = Field(
        None,
        description="tpe: Optuna's pruner that stops a trial whose objective trails the others' at the same step "
        "(median, hyperband; none). Default median. Grid and random run every configuration to its end.",
    )
    pruner_startup_trials: int = Field(
        5, ge=0, description="tpe with a pruner: trials that complete before any is pruned."
    )
    pruner_warmup_steps: int = Field(
        0, ge=0, description="tpe with a pruner: steps of a trial before it may be pruned."
    )
    sampler_seed: int = Field(0, description="Seed of the sampler (random draws, TPE), so the sweep can be repeated.")
    resume: bool = Field(
        False,
        description="tpe: start a new driver for this existing sweep (after its driver died); it continues from the "
        "sweep's journal, with the sweep's own settings (the other fields are not read, and may be left out).",
    )


class NewSweep(SweepSettings):
    """A sweep to create: what a resume reads from the stored sweep is required here."""

    command: list[str] = Field(min_length=1)
    space: dict[str, ParamSpec]
    sampler: Sampler
    objective: str


def _new(req: SweepSettings) -> NewSweep:
    missing = [name for name in ("command", "space", "sampler", "objective") if getattr(req, name) is None]
    if missing:
        raise UserError(
            f"a new sweep needs {', '.join(missing)} (missing here); resume=true restarts an existing TPE sweep's "
            "driver from its stored settings without them"
        )
    return NewSweep.model_validate(req.model_dump())


@dataclass
class StartedSweep:
    spec: SweepSpec
    trials: list[TrialRecord]
    preflight: Preflight | None
    driver: str | None  # what the TPE driver does, in words
    sweep_dir: Path


def start(ws: Workspace, experiment: str, req: SweepSettings, opts: LaunchOptions) -> StartedSweep:
    experiment = names.experiment(experiment)
    names.sweep(req.sweep)  # before anything touches the sweep's folder, resume included
    if req.resume:
        return resume(ws, experiment, req.sweep)
    new = _new(req)
    spec = _spec(ws, experiment, new, opts)
    d = sweeps.sweep_dir(ws, experiment, spec.sweep)
    if new.sampler == "tpe":
        # A configuration checked through the whole launch path now, so a command the driver could never launch is
        # refused here rather than found later in its log.
        first = {n: (p.values[0] if p.values is not None else p.low) for n, p in spec.space.items()}
        prepare(ws, experiment, [_arm(spec, 0, first)], opts)
        _claim(ws, experiment, spec)
        sweeps.write_trials(d, [])
        return StartedSweep(spec, [], None, start_driver(ws, d), d)
    configs = (
        sp.grid(spec.space)
        if new.sampler == "grid"
        else sp.draw(spec.space, spec.budget.max_trials or 0, spec.sampler_seed)
    )
    prepared = prepare(ws, experiment, [_arm(spec, i, c) for i, c in enumerate(configs)], opts)
    by_arm: dict[str, list[str]] = {}
    for s in prepared.specs:
        by_arm.setdefault(s.arm, []).append(s.run_id)
    trials = [
        TrialRecord(
            number=i,
            arm=arm_name(spec.sweep, i),
            params=c,
            argv=sp.fill(spec.command, c),
            run_ids=by_arm[arm_name(spec.sweep, i)],
            launch_id=prepared.plan.launch_id,
        )
        for i, c in enumerate(configs)
    ]
    _claim(ws, experiment, spec)
    sweeps.write_trials(d, trials)
    submit(prepared)
    return StartedSweep(spec, trials, prepared.preflight, None, d)


def arm_name(sweep: str, number: int) -> str:
    return f"{sweep}-{number:03d}"


def _arm(spec: SweepSpec, number: int, params: dict) -> ArmRequest:
    return ArmRequest(arm=arm_name(spec.sweep, number), command=sp.fill(spec.command, params), seeds=spec.seeds)


def _spec(ws: Workspace, experiment: str, req: NewSweep, opts: LaunchOptions) -> SweepSpec:
    if confine.exists(sweeps.sweep_dir(ws, experiment, req.sweep)):
        raise UserError(
            f"experiment {experiment!r} already has a sweep {req.sweep!r}: give the new sweep another name (or "
            "resume=true to restart a TPE sweep's driver)"
        )
    sp.check_space(req.space, req.command)
    direction = req.direction or _direction(req.objective)
    seeds, _ = launch.choose_seeds(req.seeds, req.n_seeds, 1)
    pruner = req.pruner
    if req.sampler != "tpe":
        if pruner not in (None, "none"):
            raise UserError(
                f"pruner {pruner!r} needs a driver that watches the trials, which only sampler 'tpe' runs; a "
                f"{req.sampler} sweep launches every configuration at once and runs each to its end (use pruner "
                "'none' or sampler 'tpe')"
            )
        if req.max_gpu_hours is not None:
            raise UserError(
                f"max_gpu_hours needs a driver that stops asking once it is spent, which only sampler 'tpe' runs; a "
                f"{req.sampler} sweep launches every configuration at once: bound it with max_trials and each run's "
                "time_limit_s instead"
            )
        pruner = "none"
    if req.sampler == "grid":
        size = len(sp.grid(req.space))
        if req.max_trials is not None and size > req.max_trials:
            raise UserError(
                f"the grid has {size} configurations but max_trials is {req.max_trials}: raise max_trials, take "
                "values out of the grid, or use sampler 'random' or 'tpe' (a grid cut short is not a grid)"
            )
        if size > MAX_TRIALS:
            raise UserError(f"the grid has {size} configurations; at most {MAX_TRIALS} in one sweep")
    elif req.max_trials is None:
        raise UserError(f"sampler {req.sampler!r} needs max_trials (how many configurations to try), e.g. 20")
    if req.sampler == "tpe":
        _need_optuna()
    if req.sampler == "random" and all(p.values is not None for p in req.space.values()):
        size = len(sp.grid(req.space))
        if req.max_trials is not None and req.max_trials > size:
            raise UserError(
                f"max_trials {req.max_trials} exceeds the {size} distinct configurations of this space: random draws "
                "would repeat configurations; use sampler 'grid'"
            )
    return SweepSpec(
        sweep=req.sweep,
        experiment=experiment,
        sampler=req.sampler,
        space=req.space,
        command=req.command,
        seeds=seeds,
        objective=req.objective,
        direction=direction,
        aggregation=req.aggregation,
        budget=Budget(max_trials=req.max_trials, max_gpu_hours=req.max_gpu_hours),
        parallel_trials=req.parallel_trials,
        pruner=pruner or "median",
        pruner_startup_trials=req.pruner_startup_trials,
        pruner_warmup_steps=req.pruner_warmup_steps,
        sampler_seed=req.sampler_seed,
        launch_options=opts.model_dump(mode="json"),
        gpus_per_run=opts.gpus_per_run,
        created_at=records.utc_now(),
    )


def _direction(objective: str) -> Direction:
    from experiment_runner.metrics.vocabulary import direction

    found = direction(objective)
    if found is None:
        raise UserError(
            f"cannot tell from its name whether {objective!r} is better high or low: give direction 'max' or 'min'"
        )
    return found


def _need_optuna() -> None:
    try:
        import optuna  # noqa: F401
    except ImportError:
        raise UserError(
            "sampler 'tpe' needs the optuna package, which is not installed: pip install 'experiment-runner[sweep]' "
            "(or pip install optuna); samplers 'grid' and 'random' work without it"
        ) from None


def _claim(ws: Workspace, experiment: str, spec: SweepSpec) -> None:
    """Create the sweep's folder (never one that exists) and write its spec."""
    root = sweeps.sweeps_dir(ws, experiment)
    confine.mkdir(root)
    d = root / spec.sweep
    try:
        confine.mkdir(d, parents=False, exist_ok=False)
    except FileExistsError:
        raise UserError(f"experiment {experiment!r} already has a sweep {spec.sweep!r}: give another name") from None
    confine.write_new(d / sweeps.SPEC, spec.model_dump_json(indent=2).encode() + b"\n")


def resume(ws: Workspace, experiment: str, sweep: str) -> StartedSweep:
    d = sweeps.find(ws, experiment, sweep)
    spec = sweeps.read_spec(d)
    if spec.sampler != "tpe":
        raise UserError(
            f"sweep {sweep!r} is a {spec.sampler} sweep: its runs were all launched at once and nothing drives it; "
            "resume applies to tpe sweeps"
        )
    if sweeps.driver_alive(d):
        raise UserError(f"sweep {sweep!r}'s driver is still running (see {sweeps.DRIVER_LOG}); nothing to resume")
    _need_optuna()
    info = sweeps.read_driver(d) or {}
    if info.get("ended_at"):
        raise UserError(f"sweep {sweep!r} has ended ({info.get('reason', 'done')}); start a new sweep to try more")
    return StartedSweep(spec, sweeps.read_trials(d), None, start_driver(ws, d), d)


def start_driver(ws: Workspace, d: Path) -> str:
    """Start the sweep's driver detached (its own session, no pipe to the server); return once it has recorded
    itself."""
    log_path = d / sweeps.DRIVER_LOG
    with confine.open_file(log_path, "ab") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "experiment_runner.runs.detached.sweep_driver",
                str(d),
                "--workspace",
                str(ws.root),
                "--detach",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            close_fds=True,
            env=childenv.strip_secrets(os.environ),
        )
    try:
        code = proc.wait(timeout=DRIVER_START_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        code = None
    if code != 0:
        tail = confine.read_text(log_path, errors="replace")[-2000:]
        raise UserError(f"the sweep driver did not start (exit {code}); {log_path} ends with:\n{tail}")
    info = sweeps.read_driver(d) or {}
    return f"driver pid {info.get('pid')} asks Optuna for configurations as trials end (log: {sweeps.DRIVER_LOG})"


def stop_sweeps(ws: Workspace, experiment: str, by: str) -> list[str]:
    """Ask every TPE driver of the experiment that still runs to stop (it asks for nothing more and stops its
    runs). Returns the sweeps asked."""
    asked = []
    for name in sweeps.names(ws, experiment):
        d = sweeps.sweep_dir(ws, experiment, name)
        if sweeps.driver_alive(d):
            sweeps.request_stop(d, by)
            asked.append(name)
    return asked


def write_driver_record(d: Path, **facts) -> None:
    atomic_write_json(d / sweeps.DRIVER, facts)
