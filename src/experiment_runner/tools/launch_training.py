"""launch_training: start one run per seed, detached under a supervisor each, and return at once."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from experiment_runner.runs import records
from experiment_runner.runs.prepare import ArmRequest, LaunchOptions, Preflight, prepare
from experiment_runner.runs.submit import submit
from experiment_runner.tools.base import FollowRuns, ToolContext, ToolInput, ToolOutput, ToolSpec


class LaunchTrainingInput(ToolInput, LaunchOptions):
    experiment: str = Field(
        description="Experiment name the runs belong to (its brief, if any, is checked), e.g. "
        "'cifar10-label-smoothing'."
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


class LaunchTrainingOutput(ToolOutput):
    launch_id: str
    experiment: str
    arm: str
    backend: str
    runs: list[LaunchedRun]
    max_parallel: int = Field(description="Most runs of this launch going at once.")
    machine_slots: int = Field(description="Most local runs going at once in this workspace (runs.max_parallel).")
    gpu_pool: list[int]
    preflight: Preflight
    launch_seconds: float = Field(description="How long this call took (the runs go on without it).")


def launch_training(inp: LaunchTrainingInput, ctx: ToolContext) -> LaunchTrainingOutput:
    """Launch one training run per seed of an experiment's arm and return at once with the run ids and their log
    paths; the runs go on detached (a supervisor each), queue when more are asked than may run at once, and survive
    server restarts. The command is an argv list (never a shell) whose '{seed}' is filled per run. Preflight is
    reported: whether the experiment has a confirmed brief (without one the runs are marked exploratory), whether
    sanity checks passed, whether each run's seed reaches the script's RNGs (read from its source; a launch whose
    runs would get the same effective seed, or a seed flag the script rejects, is refused unless allow_same_seed
    gives a reason), and a reproducibility manifest per run. With retries, a run that crashes, is preempted or
    reaches its time limit starts again as the same run with its latest checkpoint in $EXPERIMENT_RUNNER_RESUME.
    Watch them with get_run_status; stop with stop_run."""
    ws = ctx.workspace
    arm = ArmRequest(arm=inp.arm, command=inp.command, seeds=inp.seeds, n_seeds=inp.n_seeds)
    prepared = prepare(
        ws, inp.experiment, [arm], LaunchOptions(**inp.model_dump(include=set(LaunchOptions.model_fields)))
    )
    done = submit(prepared)
    plan = prepared.plan
    runs = [
        LaunchedRun(
            run_id=spec.run_id,
            arm=spec.arm,
            seed=spec.seed,
            state="queued",
            argv=spec.argv,
            run_dir=ws.display(run_dir),
            stdout_log=ws.display(run_dir / "stdout.log"),
            stderr_log=ws.display(run_dir / "stderr.log"),
            metrics_file=ws.display(run_dir / records.METRICS),
            manifest=ws.display(run_dir / records.MANIFEST),
        )
        for spec, run_dir in zip(prepared.specs, done.run_dirs, strict=True)
    ]
    at_once = min(plan.max_parallel, plan.cpu_slots)
    queued = len(runs) - at_once
    seeds = prepared.seeds_of[runs[0].arm]
    pre = prepared.preflight
    summary = (
        f"Launched {len(runs)} run(s) of '{plan.experiment}' / '{runs[0].arm}' (seeds {', '.join(map(str, seeds))}) "
        f"on {prepared.backend}: {at_once} at once"
        + (f", {queued} queued" if queued > 0 else "")
        + "."
        + (" Exploratory: no confirmed brief." if pre.exploratory else "")
        + f" Sanity checks: {pre.sanity_checks.split(' (')[0]}."
        + (f" Retries: up to {plan.runs.retry.retries} per run." if plan.runs.retry.retries else "")
    )
    return LaunchTrainingOutput(
        summary=summary,
        launch_id=plan.launch_id,
        experiment=plan.experiment,
        arm=runs[0].arm,
        backend=prepared.backend,
        runs=runs,
        max_parallel=plan.max_parallel,
        machine_slots=plan.cpu_slots,
        gpu_pool=plan.gpu_pool,
        preflight=pre,
        launch_seconds=round(time.monotonic() - prepared.started, 3),
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
