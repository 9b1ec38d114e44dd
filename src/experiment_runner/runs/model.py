"""The run records on disk. Other parts of the package (diagnosis, reports, the Slurm backend) read runs through
these models and `experiment_runner.runs.store`; keep them backward compatible.

Layout of one run, `<store>/<experiment>/runs/<run_id>/`:
  spec.json        RunSpec, written once at launch, never changed
  state.json       RunState, replaced atomically on every transition (write temp, fsync, rename)
  stdout.log       the child's standard output (capped: head and tail kept beyond the cap)
  stderr.log       the child's standard error (capped the same way)
  metrics.jsonl    one JSON object per line: {"step": int|null, "time": float, "<name>": float, ...}
  telemetry.jsonl  one JSON object per sample: time, cpu_percent, rss_bytes, gpus [...]
  health.json      current health signals (list of HealthSignal)
  manifest.json    the reproducibility manifest captured at launch
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RunStateName = Literal["queued", "running", "completed", "failed", "cancelled", "lost"]
TERMINAL_STATES: tuple[str, ...] = ("completed", "failed", "cancelled", "lost")


class RunSpec(BaseModel):
    """What to run: fixed at launch."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    experiment: str
    arm: str = Field(description="Method/variant label the run belongs to, e.g. 'baseline' or 'wide'.")
    seed: int
    argv: list[str] = Field(description="The exact command, `{seed}` already filled in.")
    cwd: str = Field(description="Absolute working directory.")
    env: dict[str, str] = Field(default_factory=dict, description="Environment the caller set (on top of the allowlisted base).")
    time_limit_s: float | None = None
    gpus: list[int] = Field(default_factory=list, description="GPU indices assigned (CUDA_VISIBLE_DEVICES).")
    gpus_per_run: int = 0
    checkpoint_dir: str | None = None
    backend: Literal["local", "slurm"] = "local"
    launch_id: str = Field(description="Id shared by the runs of one launch_training call.")
    exploratory: bool = Field(description="True when the experiment had no confirmed brief at launch.")
    created_at: str


class RunState(BaseModel):
    """Where a run is: replaced atomically on every change."""

    model_config = ConfigDict(extra="allow")

    state: RunStateName
    updated_at: str
    started_at: str | None = None
    ended_at: str | None = None
    supervisor_pid: int | None = None
    supervisor_start: float | None = Field(None, description="Process start time of the supervisor (liveness: pid + start time).")
    pid: int | None = Field(None, description="The child's pid (also its process group id).")
    pid_start: float | None = Field(None, description="Process start time of the child.")
    exit_code: int | None = None
    signal: int | None = Field(None, description="Signal number that ended the child, if any.")
    reason: str | None = Field(None, description="Why the run ended or is in this state, in words (e.g. 'stopped by user: SIGTERM then SIGKILL after 10 s').")
    stop_requested: str | None = None
    heartbeat_at: float | None = Field(None, description="Unix time of the supervisor's last heartbeat.")
    scheduler: dict | None = Field(None, description="Backend-specific facts (Slurm job id, scheduler state and reason).")


class HealthSignal(BaseModel):
    code: Literal[
        "nan_loss",
        "loss_diverging",
        "loss_flat",
        "grad_norm_exploding",
        "val_rising",
        "low_gpu_util",
        "no_output",
        "heartbeat_lost",
    ]
    severity: Literal["info", "warning", "critical"]
    message: str
    step: int | None = None
    value: float | None = None
    since: float | None = Field(None, description="Unix time the signal was first raised.")
