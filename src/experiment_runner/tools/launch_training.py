"""launch_training: start one run per seed, detached under a supervisor each, and return at once."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from experiment_runner.errors import UserError
from experiment_runner.runs import childenv, launch, records
from experiment_runner.runs.model import RunSpec, RunState
from experiment_runner.tools.base import FollowRuns, ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.workspace import confine, validate_experiment_name


class LaunchTrainingInput(ToolInput):
    experiment: str = Field(
        description="Experiment name the runs belong to (its brief, if any, is checked), e.g. 'cifar10-label-smoothing'."
    )
    arm: str = Field(description="The method/variant these runs test, e.g. 'baseline' or 'smoothing-0.1'.")
    command: list[str] = Field(
        min_length=1,
        description='The command as an argument list, never a shell string: e.g. ["python", "train.py", "--seed", '
        "\"{seed}\"]. '{seed}' is replaced by each run's seed (also in $EXPERIMENT_RUNNER_SEED). The program must be "
        "python/python3/torchrun/accelerate/deepspeed, one listed under commands.allow in experiment-runner.yaml, "
        "or an executable inside the workspace.",
    )
    seeds: list[int] | None = Field(None, description="Seeds, one run each, e.g. [0, 1, 2]. Give this or n_seeds.")
    n_seeds: int | None = Field(
        None, description="Number of seeds (0..n-1) when seeds is not given. Default: policy.min_seeds."
    )
    cwd: str = Field(".", description="Working directory of the runs, relative to the workspace root.")
    env: dict[str, str] = Field(
        default_factory=dict,
        description="Extra environment variables for the runs (on top of an allowlist of the server's).",
    )
    max_parallel: int | None = Field(
        None,
        ge=1,
        description="Most runs of this launch going at once (default: runs.max_parallel, else the CPU count, or one per GPU). "
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
        description="Wall-clock limit per run in seconds; the run is stopped (SIGTERM, then SIGKILL) when it passes. "
        "On Slurm it is the job's --time, rounded up to whole minutes (Slurm's resolution).",
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


class LaunchedRun(BaseModel):
    run_id: str
    arm: str
    seed: int
    state: str
    argv: list[str]
    run_dir: str = Field(description="The run's record folder, relative to the workspace.")
    stdout_log: str
    stderr_log: str
    metrics_file: str
    manifest: str = Field(description="Where the run's reproducibility manifest is recorded when its command starts.")


class PreflightReport(BaseModel):
    brief: str = Field(description="Whether the experiment has a confirmed (pre-registered) brief.")
    exploratory: bool = Field(description="True when the runs are marked exploratory (no confirmed brief).")
    sanity_checks: str = Field(description="Whether run_sanity_checks passed for this experiment.")
    manifests: str = Field(description="Whether a reproducibility manifest was recorded for each run.")
    seeds: str = Field(
        "", description="Whether each run's seed reaches the training script's RNGs (read from its source), and where."
    )
    warnings: list[str] = Field(default_factory=list)


class LaunchTrainingOutput(ToolOutput):
    launch_id: str
    experiment: str
    arm: str
    backend: str
    runs: list[LaunchedRun]
    max_parallel: int = Field(description="Most runs of this launch going at once.")
    machine_slots: int = Field(description="Most local runs going at once in this workspace (runs.max_parallel).")
    gpu_pool: list[int]
    preflight: PreflightReport
    launch_seconds: float = Field(description="How long this call took (the runs go on without it).")


def launch_training(inp: LaunchTrainingInput, ctx: ToolContext) -> LaunchTrainingOutput:
    """Launch one training run per seed of an experiment's arm and return at once with the run ids and their log
    paths; the runs go on detached (a supervisor each), queue when more are asked than may run at once, and survive
    server restarts. The command is an argv list (never a shell) whose '{seed}' is filled per run. Preflight is
    reported: whether the experiment has a confirmed brief (without one the runs are marked exploratory), whether
    sanity checks passed, whether each run's seed reaches the script's RNGs (read from its source; a launch whose
    runs would get the same effective seed, or a seed flag the script rejects, is refused unless allow_same_seed
    gives a reason), and a reproducibility manifest per run. Watch them with get_run_status; stop with stop_run."""
    t0 = time.monotonic()
    ws = ctx.workspace
    cfg = ws.config
    experiment = validate_experiment_name(inp.experiment)
    arm = launch.validate_arm(inp.arm)
    backend_name = inp.backend or cfg.backend
    from experiment_runner.runs.backends import get_backend

    backend = get_backend(backend_name)
    seeds, seed_note = launch.choose_seeds(inp.seeds, inp.n_seeds, cfg.policy.min_seeds)
    cwd = ws.resolve(inp.cwd, must_exist=True, kind="dir", what="cwd")
    project_dir = (
        ws.resolve(inp.project_dir, must_exist=True, kind="dir", what="project_dir") if inp.project_dir else cwd
    )
    for name in inp.env:
        if not childenv.valid_name(name):
            raise UserError(
                f"environment variable name {name!r} is not valid (letters, digits and '_', not starting with a digit)"
            )
        if name in childenv.RUNNER_VARS:
            raise UserError(
                f"{name} is set by experiment-runner for every run and cannot be overridden; valid extra variables are any others"
            )
    path_env = inp.env.get("PATH", os.environ.get("PATH"))
    program = launch.resolve_program(ws, inp.command[0], cwd, path_env)
    for p in inp.config_files + inp.data_paths:
        ws.resolve(p, must_exist=True, what="config/data path")
    ckpt_root = ws.resolve(inp.checkpoint_dir, what="checkpoint_dir") if inp.checkpoint_dir else None

    warnings: list[str] = []
    if seed_note:
        warnings.append(seed_note)
    seeds_text, same_seed = _seed_check(ws, inp, cwd, project_dir, program, len(seeds))
    if same_seed and not (inp.allow_same_seed or "").strip():
        from experiment_runner.repro.seedflow import SEED_PLACEHOLDER

        raise UserError(
            f"not launched: {same_seed}. Put {SEED_PLACEHOLDER} where the script takes its seed (e.g. "
            f'["python", "train.py", "--seed", "{SEED_PLACEHOLDER}"]) and have the script seed random, numpy and torch '
            "with it; or, if the analysis is wrong for this script, launch again with allow_same_seed set to the reason"
        )
    if same_seed:
        warnings.append(f"launched although {same_seed} (allow_same_seed: {inp.allow_same_seed})")
    if len(seeds) > 1 and not any("{seed}" in a for a in inp.command) and not same_seed:
        warnings.append(
            "the command has no '{seed}': every run gets the same arguments and must read its seed from $EXPERIMENT_RUNNER_SEED"
        )

    on_scheduler = backend_name != "local"
    # A scheduler hands out its nodes' GPUs itself (--gres); the server's own GPUs matter only for local runs.
    pool, pool_source = ([], "the scheduler's") if on_scheduler else launch.gpu_pool(inp.gpus, inp.gpus_per_run)
    if on_scheduler and inp.gpus:
        raise UserError(
            f"gpus={inp.gpus} picks GPUs of this machine, which only local runs use; on {backend_name} give gpus_per_run and the scheduler assigns them"
        )
    if not on_scheduler and inp.gpus_per_run > len(pool):
        raise UserError(
            f"gpus_per_run={inp.gpus_per_run} but only {len(pool)} GPU(s) are available ({pool_source}); pass gpus=[...] "
            "with the indices to use, or gpus_per_run=0 for CPU runs"
        )
    machine_slots = cfg.runs.max_parallel or max(launch.cpu_count(), len(pool))
    if on_scheduler:
        machine_slots = len(seeds)  # the scheduler decides what runs at once; max_parallel throttles the array
    default_parallel = len(pool) // inp.gpus_per_run if inp.gpus_per_run and not on_scheduler else machine_slots
    max_parallel = min(inp.max_parallel or default_parallel, len(seeds))
    if inp.max_parallel and inp.max_parallel > machine_slots:
        warnings.append(
            f"max_parallel {inp.max_parallel} exceeds this workspace's {machine_slots} slot(s) (runs.max_parallel in "
            f"experiment-runner.yaml, default the CPU count): at most {machine_slots} run at once"
        )
    env_defaults = childenv.thread_defaults(
        os.environ, inp.env, launch.threads_per_run(ws, machine_slots, on_scheduler)
    )

    brief_text, _, exploratory = launch.brief_status(ws, experiment)
    sanity_text, sanity_passed = launch.sanity_status(ws, experiment)
    if sanity_passed is False:
        warnings.append(
            "the last sanity checks of this experiment failed: fix the model before spending compute on seeds"
        )

    exp_dir = ws.experiment_dir(experiment, create=True)
    runs_dir = exp_dir / "runs"
    confine.mkdir(runs_dir)
    launch_id = time.strftime("%Y%m%d-%H%M%S") + "-" + os.urandom(3).hex()
    created_ns = time.time_ns()
    taken: set[str] = set()
    made: list[tuple[RunSpec, Path]] = []
    for seed in seeds:
        run_id = launch.new_run_id(ws.store_root, arm, seed, taken)
        taken.add(run_id)
        argv = [a.replace("{seed}", str(seed)) for a in inp.command]
        ckpt = str(ckpt_root / run_id) if ckpt_root else str(runs_dir / run_id / "checkpoints")
        spec = RunSpec(
            run_id=run_id,
            experiment=experiment,
            arm=arm,
            seed=seed,
            argv=argv,
            program=program,
            cwd=str(cwd),
            env=dict(inp.env),
            env_defaults=env_defaults,
            time_limit_s=inp.time_limit_s,
            gpus=pool,
            gpus_per_run=inp.gpus_per_run,
            checkpoint_dir=ckpt,
            backend=backend_name,
            launch_id=launch_id,
            exploratory=exploratory,
            created_at=records.utc_now(),
        )
        now = records.utc_now()
        state = RunState(state="queued", updated_at=now, scheduler={"backend": backend_name})
        made.append((spec, launch.create_run_dir(runs_dir, spec, state)))

    manifests_text = (
        "recorded by each run's supervisor just before its command starts, so a run that waits in the queue records "
        "the code, data and environment it actually runs with (manifest.json in the run folder; get_run_status "
        "shows it, or why it is missing)"
    )
    if not cfg.runs.manifest:
        manifests_text = "not recorded: runs.manifest is off in experiment-runner.yaml"
    elif not launch.manifest_capture_available():
        manifests_text = (
            "not recorded: the reproducibility capture (experiment_runner.repro) is not available in this installation"
        )

    from experiment_runner.runs.backends.base import LaunchPlan

    plan = LaunchPlan(
        launch_id=launch_id,
        experiment=experiment,
        experiment_dir=exp_dir,
        run_ids=[s.run_id for s, _ in made],
        max_parallel=max_parallel,
        cpu_slots=machine_slots,
        gpus_per_run=inp.gpus_per_run,
        gpu_pool=pool,
        runs_config=cfg.runs.model_dump(mode="json"),
        created_ns=created_ns,
        extra={
            "workspace_root": str(ws.root),
            "project_dir": str(project_dir),
            "config_files": list(inp.config_files),
            "data_paths": list(inp.data_paths),
            "slurm": cfg.slurm.model_dump(mode="json"),
        },
    )
    try:
        backend.submit(plan)
    except UserError as e:
        for spec, run_dir in made:
            st = records.read_state(run_dir)
            records.transition(
                run_dir,
                st,
                state="failed",
                ended_at=records.utc_now(),
                ended_by="start_error",
                reason=f"submission failed: {e}",
            )
        raise

    runs = []
    for spec, run_dir in made:
        runs.append(
            LaunchedRun(
                run_id=spec.run_id,
                arm=arm,
                seed=spec.seed,
                state="queued",
                argv=spec.argv,
                run_dir=ws.display(run_dir),
                stdout_log=ws.display(run_dir / "stdout.log"),
                stderr_log=ws.display(run_dir / "stderr.log"),
                metrics_file=ws.display(run_dir / records.METRICS),
                manifest=ws.display(run_dir / records.MANIFEST),
            )
        )
    took = time.monotonic() - t0
    queued = len(made) - min(max_parallel, machine_slots)
    summary = (
        f"Launched {len(made)} run(s) of '{experiment}' / '{arm}' (seeds {', '.join(map(str, seeds))}) on {backend_name}: "
        f"{min(max_parallel, machine_slots)} at once"
        + (f", {queued} queued" if queued > 0 else "")
        + "."
        + (" Exploratory: no confirmed brief." if exploratory else "")
        + f" Sanity checks: {sanity_text.split(' (')[0]}."
    )
    return LaunchTrainingOutput(
        summary=summary,
        launch_id=launch_id,
        experiment=experiment,
        arm=arm,
        backend=backend_name,
        runs=runs,
        max_parallel=max_parallel,
        machine_slots=machine_slots,
        gpu_pool=pool,
        preflight=PreflightReport(
            brief=brief_text,
            exploratory=exploratory,
            sanity_checks=sanity_text,
            manifests=manifests_text,
            seeds=seeds_text,
            warnings=warnings,
        ),
        launch_seconds=round(took, 3),
    )


def launch_ended(out: LaunchTrainingOutput, views: list) -> LaunchTrainingOutput:
    """The launch's result once all its runs have ended (a task's final result): each run's final state, and how
    they ended first in the summary."""
    states = {v.run_id: v.state for v in views}
    runs = [r.model_copy(update={"state": states[r.run_id].state}) if r.run_id in states else r for r in out.runs]
    counts: dict[str, int] = {}
    for v in views:
        counts[v.state.state] = counts.get(v.state.state, 0) + 1
    ended = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    why = [f"seed {v.spec.seed} {v.state.state}: {v.state.reason}" for v in views if v.state.state != "completed"]
    summary = f"All {len(views)} run(s) of launch {out.launch_id} ended: {ended}."
    if why:
        summary += " " + "; ".join(why[:3]) + (f" (and {len(why) - 3} more)" if len(why) > 3 else "") + "."
    return out.model_copy(update={"runs": runs, "summary": f"{summary} At launch: {out.summary}"})


def _seed_check(
    ws, inp: LaunchTrainingInput, cwd: Path, project_dir: Path, program: str, n: int
) -> tuple[str, str | None]:
    """The seed-flow verdict of the command template (repro.seedflow.launch_check) and the refusal it implies."""
    from experiment_runner.repro.environment import is_python_name
    from experiment_runner.repro.seedflow import launch_check

    try:
        flow, problem = launch_check(
            inp.command,
            cwd,
            project_dir,
            n,
            display=ws.display,
            interpreter=program if is_python_name(program) else None,
            env=dict(inp.env),
        )
    except Exception as e:  # noqa: BLE001 - an analysis failure never blocks a launch; it is reported instead
        return f"not analysed: {e!r}", None
    return f"{flow.verdict.replace('_', ' ')}: {flow.message}" + (f" [{flow.at}]" if flow.at else ""), problem


SPEC = ToolSpec(
    name="launch_training",
    title="Launch training runs (one per seed)",
    fn=launch_training,
    input_model=LaunchTrainingInput,
    output_model=LaunchTrainingOutput,
    read_only=False,
    destructive=False,
    idempotent=False,
    task=FollowRuns(launch=lambda out: (out.experiment, out.launch_id), final=launch_ended),
)
