"""The launch plan: what the server hands to the detached processes of one launch (the local launcher, every run's
supervisor, a Slurm job's supervisor, the notifier). Written once as `<store>/<experiment>/launches/<id>.json`
through runs/records.py and validated on both sides: a field one side does not know is an error, never a silent
`.get` default."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from experiment_runner.workspace.config import NotifyConfig, RunsConfig, SlurmConfig


class LaunchPlan(BaseModel):
    """One launch, after its runs were written to the store as `queued`. The workspace settings it carries are those
    at launch time: a run started from the queue an hour later behaves as launched."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[2] = 2
    launch_id: str
    experiment: str
    workspace_root: str = Field(description="Absolute path of the workspace (the detached processes register it).")
    experiment_dir: str
    run_ids: list[str] = Field(description="In start order.")
    max_parallel: int = Field(ge=1, description="Most runs of this launch going at once.")
    cpu_slots: int = Field(ge=1, description="Most local runs going at once in this store (runs.max_parallel).")
    gpus_per_run: int = Field(0, ge=0)
    gpu_pool: list[int] = Field(default_factory=list)
    created_ns: int
    project_dir: str = Field(description="Folder whose code version each run's manifest records.")
    config_files: list[str] = Field(default_factory=list)
    data_paths: list[str] = Field(default_factory=list)
    runs: RunsConfig = Field(description="The workspace's `runs` settings (retry and checkpoint policy included).")
    slurm: SlurmConfig = Field(default_factory=SlurmConfig)
    notify: NotifyConfig | None = None

    @property
    def exp_dir(self) -> Path:
        return Path(self.experiment_dir)

    @property
    def max_attempts(self) -> int:
        return 1 + self.runs.retry.retries


def from_version_1(data: dict) -> dict:
    """A launch file written before the plan was typed (a dict with `runs_config` and `extra`), as version 2: a
    Slurm job queued before an upgrade starts its supervisor with the new code."""
    extra = data.get("extra") or {}
    experiment_dir = str(data["experiment_dir"])
    return {
        "launch_id": data["launch_id"],
        "experiment": data["experiment"],
        "workspace_root": extra["workspace_root"],
        "experiment_dir": experiment_dir,
        "run_ids": data["run_ids"],
        "max_parallel": data["max_parallel"],
        "cpu_slots": data["cpu_slots"],
        "gpus_per_run": data.get("gpus_per_run", 0),
        "gpu_pool": data.get("gpu_pool", []),
        "created_ns": data["created_ns"],
        "project_dir": extra.get("project_dir") or experiment_dir,
        "config_files": extra.get("config_files", []),
        "data_paths": extra.get("data_paths", []),
        "runs": data.get("runs_config") or {},
        "slurm": extra.get("slurm") or {},
    }
