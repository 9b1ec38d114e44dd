"""The reproducibility manifest of one run, captured by its supervisor just before the command first starts, so a
run that waited in the queue records the code, data and environment it actually runs with."""

from __future__ import annotations

from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.runs import records
from experiment_runner.runs.childenv import RUNNER_VARS
from experiment_runner.runs.model import RunSpec
from experiment_runner.runs.plan import LaunchPlan


def runner_set_variables(spec: RunSpec, env: dict[str, str], gpus: list[int] | None) -> dict[str, str]:
    """The variables of a run's environment that experiment-runner itself set (recorded in its manifest)."""
    names = [*RUNNER_VARS, "PYTHONUNBUFFERED", *(k for k in spec.env_defaults if k not in spec.env)]
    if gpus:
        names.append("CUDA_VISIBLE_DEVICES")
    return {k: env[k] for k in names if k in env}


def capture(plan: LaunchPlan, spec: RunSpec, run_dir: Path, env: dict[str, str], gpus: list[int]) -> str | None:
    """Record the manifest in the run folder; None, or why none was recorded."""
    from experiment_runner.repro import capture_manifest, write_manifest
    from experiment_runner.workspace import Workspace

    ws = Workspace(plan.workspace_root)
    try:
        manifest = capture_manifest(
            ws,
            project_dir=plan.project_dir,
            argv=spec.argv,
            cwd=spec.cwd,
            env=env,
            config_files=plan.config_files,
            data_paths=plan.data_paths,
            experiment=spec.experiment,
            program=spec.program,
            set_by_runner=runner_set_variables(spec, env, gpus),
        )
        write_manifest(ws, manifest, run_dir, name=records.MANIFEST)
    except (UserError, OSError) as e:
        return str(e)
    return None
