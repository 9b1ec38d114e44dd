"""launch_sweep: a hyperparameter sweep over a command's arguments; every configuration is an arm run on the given
seeds. Grid and random sweeps are launched at once; a TPE sweep is driven by a detached process (Optuna's
ask-and-tell, with pruning)."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from experiment_runner.runs.prepare import LaunchOptions, Preflight
from experiment_runner.sweeps.launch import SweepSettings, start
from experiment_runner.sweeps.model import Sampler, Value
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec


class LaunchSweepInput(ToolInput, SweepSettings, LaunchOptions):
    experiment: str = Field(description="Experiment the sweep's runs belong to, e.g. 'cifar10-lr'.")


class SweepTrial(BaseModel):
    number: int
    arm: str
    params: dict[str, Value]
    argv: list[str]
    run_ids: list[str]


class LaunchSweepOutput(ToolOutput):
    sweep: str
    experiment: str
    sampler: Sampler
    sweep_dir: str = Field(description="The sweep's folder, relative to the workspace (sweep.json, trials.json ...).")
    trials: list[SweepTrial] = Field(description="The configurations launched now (a TPE sweep's come as it goes).")
    runs: int = Field(description="Runs launched now.")
    seeds: list[int] = Field(description="The seeds of every configuration.")
    objective: str
    max_trials: int | None
    driver: str | None = Field(None, description="tpe: the driver process that asks for configurations.")
    preflight: Preflight | None = None
    launch_seconds: float


def launch_sweep(inp: LaunchSweepInput, ctx: ToolContext) -> LaunchSweepOutput:
    """Start a hyperparameter sweep and return at once. The command carries a {name} placeholder for every parameter
    of the space and {seed} for the seed; each configuration is an arm ('<sweep>-<k>') run on every seed. grid
    launches every combination of the values and random max_trials seeded draws, all in one launch; tpe starts a
    detached driver that asks Optuna's TPE sampler for configurations as trials end (parallel_trials at once), feeds
    its pruner the objective as the runs log it, stops a trial that trails (recorded as pruned, never hidden), and
    stops asking at max_trials or max_gpu_hours; it survives the server and resumes from its journal (resume=true).
    Watch it with get_run_status (the experiment's sweeps and their best configuration so far); stop it with stop_run
    on the experiment. compile_report accounts for every trial and shows the expected best validation score against
    the number of trials; re-run the chosen configuration on fresh seeds with launch_training before comparing it
    with the baseline."""
    t0 = time.monotonic()
    settings = SweepSettings(**inp.model_dump(include=set(SweepSettings.model_fields)))
    opts = LaunchOptions(**inp.model_dump(include=set(LaunchOptions.model_fields)))
    started = start(ctx.workspace, inp.experiment, settings, opts)
    spec = started.spec
    n_runs = sum(len(t.run_ids) for t in started.trials)
    if spec.sampler == "tpe":
        summary = (
            f"{'Resumed' if inp.resume else 'Started'} TPE sweep '{spec.sweep}' of '{spec.experiment}': up to "
            f"{spec.budget.max_trials} configuration(s) x {len(spec.seeds)} seed(s), {spec.parallel_trials} at once, "
            f"chosen on {spec.objective} ({spec.direction}), pruner {spec.pruner}"
            + (f", at most {spec.budget.max_gpu_hours:g} device-hours" if spec.budget.max_gpu_hours else "")
            + f". {started.driver}."
        )
    else:
        summary = (
            f"Launched {spec.sampler} sweep '{spec.sweep}' of '{spec.experiment}': {len(started.trials)} "
            f"configuration(s) x {len(spec.seeds)} seed(s) = {n_runs} run(s), chosen on {spec.objective} "
            f"({spec.direction})."
        )
    pre = started.preflight
    if pre is not None and pre.exploratory:
        summary += " Exploratory: no confirmed brief."
    return LaunchSweepOutput(
        summary=summary,
        sweep=spec.sweep,
        experiment=spec.experiment,
        sampler=spec.sampler,
        sweep_dir=ctx.workspace.display(started.sweep_dir),
        trials=[
            SweepTrial(number=t.number, arm=t.arm, params=t.params, argv=t.argv, run_ids=t.run_ids)
            for t in started.trials
        ],
        runs=n_runs,
        seeds=spec.seeds,
        objective=f"{spec.objective} ({spec.direction}, {spec.aggregation} value, mean over seeds)",
        max_trials=spec.budget.max_trials,
        driver=started.driver,
        preflight=pre,
        launch_seconds=round(time.monotonic() - t0, 3),
    )


SPEC = ToolSpec(
    name="launch_sweep",
    title="Launch a hyperparameter sweep (grid, random or TPE with pruning)",
    fn=launch_sweep,
    input_model=LaunchSweepInput,
    output_model=LaunchSweepOutput,
    read_only=False,
    destructive=False,
    idempotent=False,
)
