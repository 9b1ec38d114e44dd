"""A launch, prepared: from what was asked (one or many arms, each a command and seeds, plus the launch's options)
to the run specs and the launch plan, every check done and nothing written yet. runs/submit.py writes and starts
what this returns. A sweep is many arms prepared at once: what is the same for every run (the program allowlist,
the folders, the GPU pool and slots, the brief and sanity status, the workspace settings) is worked out once per
launch, the seed check once per distinct command, and each run costs a spec."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from experiment_runner.errors import UserError
from experiment_runner.runs import childenv, launch, records
from experiment_runner.runs.model import RunSpec
from experiment_runner.runs.plan import LaunchPlan
from experiment_runner.workspace import Workspace, validate_experiment_name
from experiment_runner.workspace.config import RetryCause, RunsConfig


class LaunchOptions(BaseModel):
    """How a launch's runs run: the options launch_training takes besides its arm, command and seeds."""

    model_config = ConfigDict(extra="forbid")

    cwd: str = Field(".", description="Working directory of the runs, relative to the workspace root.")
    env: dict[str, str] = Field(
        default_factory=dict,
        description="Extra environment variables for the runs (on top of an allowlist of the server's).",
    )
    max_parallel: int | None = Field(
        None,
        ge=1,
        description="Most runs of this launch going at once (default: runs.max_parallel, else the CPU count, or one "
        "per GPU). "
        "Runs beyond it wait in the queue and start as others end.",
    )
    gpus_per_run: int = Field(
        0, ge=0, description="GPUs each run gets (set in its CUDA_VISIBLE_DEVICES); 0 for CPU runs."
    )
    gpus: list[int] | None = Field(
        None, description="GPU indices the runs may use (default: every GPU visible to the server)."
    )
    time_limit_s: float | None = Field(
        None,
        gt=0,
        description="Wall-clock limit per run attempt in seconds; the run gets SIGUSR1 runs.limit_signal_s (120) "
        "before it (to save a checkpoint) and is stopped (SIGTERM, then SIGKILL) when it passes. On Slurm it is the "
        "job's --time, rounded up to whole minutes (Slurm's resolution).",
    )
    checkpoint_dir: str | None = Field(
        None,
        description="Folder for checkpoints, inside the workspace; each run gets <checkpoint_dir>/<run_id> in "
        "$EXPERIMENT_RUNNER_CHECKPOINT_DIR (default: a checkpoints folder in the run's record).",
    )
    config_files: list[str] = Field(
        default_factory=list, description="Config files of the runs, recorded in each run's reproducibility manifest."
    )
    data_paths: list[str] = Field(
        default_factory=list,
        description="Data files or folders, hashed into each run's manifest (cached by size and mtime).",
    )
    project_dir: str | None = Field(
        None, description="Project folder whose code version the manifest records (default: cwd)."
    )
    backend: Literal["local", "slurm"] | None = Field(
        None, description="Where the runs go (default: `backend` in experiment-runner.yaml, 'local')."
    )
    allow_same_seed: str | None = Field(
        None,
        description="A written reason to launch although reading the training script shows that its runs would get "
        "the same effective seed (a constant seed, the seed never passed to the script's seed option) or would not "
        "get theirs (a seed flag the script rejects). The launch is refused without it; the reason is kept in the "
        "preflight warnings.",
    )
    retries: int | None = Field(
        None,
        ge=0,
        le=100,
        description="Start a run again, as the same run (same id, seed and checkpoint folder, attempts counted), "
        "when an attempt ends in one of retry_on, at most this many times; the new attempt gets its latest complete "
        "checkpoint in $EXPERIMENT_RUNNER_RESUME. Default: runs.retry.retries (0).",
    )
    retry_on: list[RetryCause] | None = Field(
        None,
        description="Which ends are retried: crash, preemption, time_limit, node_fail, oom. Default: runs.retry.on "
        "(crash, preemption, time_limit, node_fail). A crash before the run logged any metric is never retried.",
    )
    retry_backoff_s: float | None = Field(
        None, ge=0, le=86400, description="Seconds before the first retry, doubling after (default runs.retry, 30)."
    )
    keep_last_checkpoints: int | None = Field(
        None,
        ge=1,
        description="Keep only the newest N checkpoints in each run's checkpoint folder (older ones are deleted as "
        "new ones appear, each deletion recorded). Default: runs.checkpoints.keep_last (keep all).",
    )
    keep_best_checkpoint_by: str | None = Field(
        None,
        description="With keep_last_checkpoints, also keep the best checkpoint by this metric, e.g. 'val_loss' or "
        "'val_acc:max'. Default: runs.checkpoints.keep_best_by.",
    )


class ArmRequest(BaseModel):
    """One arm of a launch: a command and the seeds it runs with."""

    model_config = ConfigDict(extra="forbid")

    arm: str
    command: list[str] = Field(min_length=1)
    seeds: list[int] | None = None
    n_seeds: int | None = None


class Preflight(BaseModel):
    brief: str = Field(description="Whether the experiment has a confirmed (pre-registered) brief.")
    exploratory: bool = Field(description="True when the runs are marked exploratory (no confirmed brief).")
    sanity_checks: str = Field(description="Whether run_sanity_checks passed for this experiment.")
    manifests: str = Field(description="Whether a reproducibility manifest was recorded for each run.")
    seeds: str = Field(
        "", description="Whether each run's seed reaches the training script's RNGs (read from its source), and where."
    )
    retry: str = Field("", description="What happens when a run crashes, is preempted or reaches its time limit.")
    warnings: list[str] = Field(default_factory=list)


@dataclass
class PreparedLaunch:
    """Everything a launch writes, made and checked: the plan, one spec per run (in start order), the preflight."""

    plan: LaunchPlan
    specs: list[RunSpec]
    preflight: Preflight
    backend: str
    seeds_of: dict[str, list[int]] = field(default_factory=dict)  # arm -> seeds, in order
    started: float = 0.0  # time.monotonic() when preparing began

    @property
    def runs_dir(self) -> Path:
        return self.plan.exp_dir / "runs"


def prepare(ws: Workspace, experiment: str, arms: list[ArmRequest], opts: LaunchOptions) -> PreparedLaunch:
    """Check a launch and make its plan and run specs (nothing is written: see runs/submit.py)."""
    t0 = time.monotonic()
    cfg = ws.config
    experiment = validate_experiment_name(experiment)
    if not arms:
        raise UserError("a launch needs at least one arm (a command and its seeds)")
    backend_name = opts.backend or cfg.backend
    from experiment_runner.runs.backends import get_backend

    get_backend(backend_name)  # an unknown backend is refused before anything else
    warnings: list[str] = []
    chosen: list[tuple[str, list[str], list[int]]] = []
    for a in arms:
        seeds, note = launch.choose_seeds(a.seeds, a.n_seeds, cfg.policy.min_seeds)
        if note:
            warnings.append(note if len(arms) == 1 else f"{a.arm}: {note}")
        chosen.append((launch.validate_arm(a.arm), a.command, seeds))
    cwd = ws.resolve(opts.cwd, must_exist=True, kind="dir", what="cwd")
    project_dir = (
        ws.resolve(opts.project_dir, must_exist=True, kind="dir", what="project_dir") if opts.project_dir else cwd
    )
    _check_env(opts.env)
    path_env = opts.env.get("PATH", os.environ.get("PATH"))
    programs = {cmd[0]: launch.resolve_program(ws, cmd[0], cwd, path_env) for _, cmd, _ in chosen}
    for p in opts.config_files + opts.data_paths:
        ws.resolve(p, must_exist=True, what="config/data path")
    ckpt_root = ws.resolve(opts.checkpoint_dir, what="checkpoint_dir") if opts.checkpoint_dir else None
    runs_cfg = _runs_config(cfg.runs, opts)

    seeds_lines: dict[str, list[str]] = {}  # verdict -> the arms it is about
    checked: dict[tuple[str | int, ...], tuple[str, str | None]] = {}  # (command's shape, seed count) -> verdict
    for arm, command, seeds in chosen:
        key: tuple[str | int, ...] = (*_shape(command), len(seeds))
        if key not in checked:
            checked[key] = _seed_check(ws, command, opts, cwd, project_dir, programs[command[0]], len(seeds))
        text, same_seed = checked[key]
        seeds_lines.setdefault(text, []).append(arm)
        _same_seed(same_seed, opts, warnings, arm if len(arms) > 1 else None)
        if len(seeds) > 1 and not any("{seed}" in a for a in command) and not same_seed:
            warnings.append(
                (f"{arm}: " if len(arms) > 1 else "")
                + "the command has no '{seed}': every run gets the same arguments and must read its seed from "
                "$EXPERIMENT_RUNNER_SEED"
            )

    total = sum(len(seeds) for _, _, seeds in chosen)
    on_scheduler = backend_name != "local"
    pool, max_parallel, machine_slots = _slots(cfg, opts, backend_name, total, warnings)
    env_defaults = childenv.thread_defaults(
        os.environ, opts.env, launch.threads_per_run(ws, machine_slots, on_scheduler)
    )

    brief_text, _, exploratory = launch.brief_status(ws, experiment)
    sanity_text, sanity_passed = launch.sanity_status(ws, experiment)
    if sanity_passed is False:
        warnings.append(
            "the last sanity checks of this experiment failed: fix the model before spending compute on seeds"
        )
    retry_text = _retry_text(runs_cfg, backend_name, opts.time_limit_s, warnings)

    exp_dir = ws.experiment_dir(experiment, create=True)
    runs_dir = exp_dir / "runs"
    launch_id = time.strftime("%Y%m%d-%H%M%S") + "-" + os.urandom(3).hex()
    created = records.utc_now()
    experiments = launch.experiments(ws.store_root)
    taken: set[str] = set()
    specs: list[RunSpec] = []
    for arm, command, seeds in chosen:
        for seed in seeds:
            run_id = launch.new_run_id(ws.store_root, arm, seed, taken, experiments)
            taken.add(run_id)
            specs.append(
                RunSpec(
                    run_id=run_id,
                    experiment=experiment,
                    arm=arm,
                    seed=seed,
                    argv=[a.replace("{seed}", str(seed)) for a in command],
                    program=programs[command[0]],
                    cwd=str(cwd),
                    env=dict(opts.env),
                    env_defaults=env_defaults,
                    time_limit_s=opts.time_limit_s,
                    gpus=pool,
                    gpus_per_run=opts.gpus_per_run,
                    checkpoint_dir=str(ckpt_root / run_id) if ckpt_root else str(runs_dir / run_id / "checkpoints"),
                    backend=backend_name,
                    launch_id=launch_id,
                    exploratory=exploratory,
                    created_at=created,
                )
            )
    plan = LaunchPlan(
        launch_id=launch_id,
        experiment=experiment,
        workspace_root=str(ws.root),
        experiment_dir=str(exp_dir),
        run_ids=[s.run_id for s in specs],
        max_parallel=max_parallel,
        cpu_slots=machine_slots,
        gpus_per_run=opts.gpus_per_run,
        gpu_pool=pool,
        created_ns=time.time_ns(),
        project_dir=str(project_dir),
        config_files=list(opts.config_files),
        data_paths=list(opts.data_paths),
        runs=runs_cfg,
        slurm=cfg.slurm,
        notify=cfg.notify,
    )
    preflight = Preflight(
        brief=brief_text,
        exploratory=exploratory,
        sanity_checks=sanity_text,
        manifests=_manifests_text(runs_cfg),
        seeds="; ".join(
            text if len(arms) == 1 else f"{text} (arms: {', '.join(names)})" for text, names in seeds_lines.items()
        ),
        retry=retry_text,
        warnings=warnings,
    )
    return PreparedLaunch(
        plan=plan,
        specs=specs,
        preflight=preflight,
        backend=backend_name,
        seeds_of={arm: seeds for arm, _, seeds in chosen},
        started=t0,
    )


def _shape(command: list[str]) -> tuple[str, ...]:
    """A command with its plain numbers blanked: the seed check reads how the seed travels (which script, which
    flags, config files), which a sweep's numeric values (--lr 0.001 vs 0.01) do not change, so a sweep's arms share
    one check. Flags, paths, words and {seed} are kept."""
    out = []
    for a in command:
        try:
            float(a)
        except ValueError:
            out.append(a)
        else:
            out.append("\0number")
    return tuple(out)


def _check_env(env: dict[str, str]) -> None:
    for name in env:
        if not childenv.valid_name(name):
            raise UserError(
                f"environment variable name {name!r} is not valid (letters, digits and '_', not starting with a digit)"
            )
        if name in childenv.RUNNER_VARS:
            raise UserError(
                f"{name} is set by experiment-runner for every run and cannot be overridden; valid extra variables "
                "are any others"
            )


def _runs_config(base: RunsConfig, opts: LaunchOptions) -> RunsConfig:
    """The workspace's `runs` settings with this launch's retry and checkpoint options applied."""
    retry = base.retry.model_copy(
        update={
            k: v
            for k, v in {"retries": opts.retries, "on": opts.retry_on, "backoff_s": opts.retry_backoff_s}.items()
            if v is not None
        }
    )
    ckpt = base.checkpoints.model_copy(
        update={
            k: v
            for k, v in {"keep_last": opts.keep_last_checkpoints, "keep_best_by": opts.keep_best_checkpoint_by}.items()
            if v is not None
        }
    )
    if ckpt.keep_best_by and ckpt.keep_last is None:
        raise UserError(
            f"keep_best_checkpoint_by={ckpt.keep_best_by!r} needs keep_last_checkpoints (how many of the newest to "
            "keep "
            "besides the best); without it every checkpoint is kept anyway"
        )
    if ckpt.keep_best_by:
        from experiment_runner.runs.checkpoints import parse_keep_best

        _, goal = parse_keep_best(ckpt.keep_best_by) or ("", None)
        if goal not in (None, "min", "max"):
            raise UserError(
                f"keep_best_checkpoint_by={ckpt.keep_best_by!r}: the direction after ':' must be min or max"
            )
    return base.model_copy(update={"retry": retry, "checkpoints": ckpt})


def _slots(cfg, opts: LaunchOptions, backend: str, total: int, warnings: list[str]) -> tuple[list[int], int, int]:
    """The GPU pool, the most runs of this launch at once, and the workspace's slots."""
    on_scheduler = backend != "local"
    # A scheduler hands out its nodes' GPUs itself (--gres); the server's own GPUs matter only for local runs.
    pool, pool_source = ([], "the scheduler's") if on_scheduler else launch.gpu_pool(opts.gpus, opts.gpus_per_run)
    if on_scheduler and opts.gpus:
        raise UserError(
            f"gpus={opts.gpus} picks GPUs of this machine, which only local runs use; on {backend} give gpus_per_run "
            "and the scheduler assigns them"
        )
    if not on_scheduler and opts.gpus_per_run > len(pool):
        raise UserError(
            f"gpus_per_run={opts.gpus_per_run} but only {len(pool)} GPU(s) are available ({pool_source}); pass "
            "gpus=[...] "
            "with the indices to use, or gpus_per_run=0 for CPU runs"
        )
    machine_slots = cfg.runs.max_parallel or max(launch.cpu_count(), len(pool))
    if on_scheduler:
        machine_slots = total  # the scheduler decides what runs at once; max_parallel throttles the array
    default_parallel = len(pool) // opts.gpus_per_run if opts.gpus_per_run and not on_scheduler else machine_slots
    max_parallel = min(opts.max_parallel or default_parallel, total)
    if opts.max_parallel and opts.max_parallel > machine_slots:
        warnings.append(
            f"max_parallel {opts.max_parallel} exceeds this workspace's {machine_slots} slot(s) (runs.max_parallel in "
            f"experiment-runner.yaml, default the CPU count): at most {machine_slots} run at once"
        )
    return pool, max(1, max_parallel), max(1, machine_slots)


def _retry_text(runs_cfg: RunsConfig, backend: str, time_limit_s: float | None, warnings: list[str]) -> str:
    policy = runs_cfg.retry
    if not policy.retries:
        return "no retries: a run that crashes, is preempted or reaches its time limit ends there (retries=0)"
    on = set(policy.on)
    if backend == "local" and on <= {"preemption", "node_fail"}:
        warnings.append(
            f"retry_on {sorted(on)} never happens to local runs (no scheduler preempts them): no run will be retried"
        )
    if "time_limit" in on and time_limit_s is None:
        on.discard("time_limit")
    how = (
        "in place by its supervisor, and by a requeue of the Slurm job (sbatch --requeue) after a preemption, a node "
        "failure or a time limit"
        if backend == "slurm"
        else "by its supervisor, in place"
    )
    return (
        f"up to {policy.retries} retr{'y' if policy.retries == 1 else 'ies'} per run on {', '.join(sorted(on))}, "
        f"{how}, after {policy.backoff_s:g} s (x{policy.backoff_factor:g} each time); each retry is the same run with "
        "$EXPERIMENT_RUNNER_RESUME set to its latest complete checkpoint (a script that starts again from step 0 is "
        "flagged not_resumed)"
    )


def _manifests_text(runs_cfg: RunsConfig) -> str:
    if not runs_cfg.manifest:
        return "not recorded: runs.manifest is off in experiment-runner.yaml"
    return (
        "recorded by each run's supervisor just before its command starts, so a run that waits in the queue records "
        "the code, data and environment it actually runs with (manifest.json in the run folder; get_run_status "
        "shows it, or why it is missing)"
    )


def _same_seed(problem: str | None, opts: LaunchOptions, warnings: list[str], arm: str | None) -> None:
    """Refuse a launch whose runs would not each get their own seed, unless allow_same_seed gives a reason."""
    if problem is None:
        return
    if not (opts.allow_same_seed or "").strip():
        from experiment_runner.repro.seedflow import SEED_PLACEHOLDER

        raise UserError(
            f"not launched: {(arm + ': ') if arm else ''}{problem}. Put {SEED_PLACEHOLDER} where the script takes its "
            f'seed (e.g. ["python", "train.py", "--seed", "{SEED_PLACEHOLDER}"]) and have the script seed random, '
            "numpy and torch with it; or, if the analysis is wrong for this script, launch again with allow_same_seed "
            "set to the reason"
        )
    warnings.append(f"launched although {problem} (allow_same_seed: {opts.allow_same_seed})")


def _seed_check(
    ws: Workspace, command: list[str], opts: LaunchOptions, cwd: Path, project_dir: Path, program: str, n: int
) -> tuple[str, str | None]:
    """The seed-flow verdict of a command template (repro.seedflow.launch_check) and the refusal it implies."""
    from experiment_runner.repro.environment import is_python_name
    from experiment_runner.repro.seedflow import launch_check

    try:
        flow, problem = launch_check(
            command,
            cwd,
            project_dir,
            n,
            display=ws.display,
            interpreter=program if is_python_name(program) else None,
            env=dict(opts.env),
        )
    except Exception as e:  # noqa: BLE001 - an analysis failure never blocks a launch; it is reported instead
        return f"not analysed: {e!r}", None
    return f"{flow.verdict.replace('_', ' ')}: {flow.message}" + (f" [{flow.at}]" if flow.at else ""), problem
