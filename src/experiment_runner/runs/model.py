"""The run records on disk. Other parts of the package (diagnosis, reports, the Slurm backend) read runs through
these models and `experiment_runner.runs.store`; keep them backward compatible.

Layout of one run, `<store>/<experiment>/runs/<run_id>/`:
  spec.json        RunSpec, written once at launch, never changed
  state.json       RunState, replaced atomically on every transition (write temp, fsync, rename)
  heartbeat        empty file whose mtime is the supervisor's last heartbeat (kept out of state.json so that
                   state is written only on transitions; the store reports it as RunState.heartbeat_at)
  stdout.log       the child's standard output (capped: head and tail kept beyond the cap; while a run that
                   passed the cap goes, the tail lives in stdout.tail.<offset>.log next to a stdout.cut.json, and
                   the supervisor joins them into stdout.log when the run ends; read through the store)
  stderr.log       the child's standard error (capped the same way)
  metrics.jsonl    one JSON object per line: {"step": int|null, "time": float, "source": "stdout"|"stderr"|"user",
                   "<name>": float, ...}; NaN/Inf written as the strings "nan", "inf", "-inf"
  metrics_user.jsonl  what the run itself logged through $EXPERIMENT_RUNNER_METRICS (merged into metrics.jsonl)
  telemetry.jsonl  one JSON object per sample: time, cpu_percent, rss_bytes, gpus [...]
  health.json      current health signals (list of HealthSignal)
  manifest.json    the reproducibility manifest captured at launch
  exit.json        the child's exit, written the moment it is reaped (so a supervisor dying afterwards loses nothing)
  stop.json        a stop request (written by stop_run, acted on by the supervisor or the launcher)
  supervisor.log   the supervisor's own messages

Launches: `<store>/<experiment>/launches/<launch_id>.json` (the runs of one launch_training call, in start order,
and the local launcher process that starts them as slots free).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RunStateName = Literal["queued", "running", "completed", "failed", "cancelled", "lost"]
TERMINAL_STATES: tuple[str, ...] = ("completed", "failed", "cancelled", "lost")
RUN_STATES: tuple[str, ...] = ("queued", "running", "completed", "failed", "cancelled", "lost")

#: Values of RunState.ended_by (backends may add their own, e.g. Slurm's "node_fail" or "preempted").
ENDED_BY = (
    "exit",  # the child exited by itself (exit_code says how)
    "signal",  # a signal nobody in experiment-runner sent ended it (signal says which)
    "stop",  # stop_run (stop_signal says whether SIGTERM sufficed)
    "time_limit",  # the run's time limit
    "nan_loss",  # runs.stop_on_nan after a NaN/Inf loss
    "start_error",  # the command could not be started
    "supervisor_lost",  # the supervisor died before the child's exit was recorded
    "launcher_lost",  # the process meant to start the queued run died first
    "pid_reused",  # the recorded pid now belongs to another process
)


class RunSpec(BaseModel):
    """What to run: fixed at launch."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    experiment: str
    arm: str = Field(description="Method/variant label the run belongs to, e.g. 'baseline' or 'wide'.")
    seed: int
    argv: list[str] = Field(description="The exact command, `{seed}` already filled in.")
    program: str | None = Field(None, description="Absolute path argv[0] resolved to at launch (what is executed).")
    cwd: str = Field(description="Absolute working directory.")
    env: dict[str, str] = Field(
        default_factory=dict, description="Environment the caller set (on top of the allowlisted base)."
    )
    env_defaults: dict[str, str] = Field(
        default_factory=dict,
        description="Variables experiment-runner set because neither the caller nor the server did (e.g. OMP_NUM_THREADS "
        "split between parallel runs).",
    )
    time_limit_s: float | None = None
    gpus: list[int] = Field(
        default_factory=list,
        description="GPU indices this run may be given (the launch's pool); the ones it got are in RunState.gpus.",
    )
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
    supervisor_start: float | None = Field(
        None, description="Process start time of the supervisor (liveness: pid + start time)."
    )
    pid: int | None = Field(None, description="The child's pid (also its process group id).")
    pid_start: float | None = Field(None, description="Process start time of the child.")
    exit_code: int | None = None
    signal: int | None = Field(None, description="Signal number that ended the child, if any.")
    reason: str | None = Field(
        None,
        description="Why the run ended or is in this state, in words (e.g. 'stopped by user: SIGTERM then SIGKILL after 10 s').",
    )
    stop_requested: str | None = None
    heartbeat_at: float | None = Field(None, description="Unix time of the supervisor's last heartbeat.")
    scheduler: dict | None = Field(
        None, description="Backend-specific facts (Slurm job id, scheduler state and reason)."
    )
    supervisor_start_ticks: int | None = Field(
        None,
        description="Exact start of the supervisor (clock ticks after boot, /proc/<pid>/stat field 22): immune to clock changes.",
    )
    pid_start_ticks: int | None = Field(None, description="Exact start of the child, as supervisor_start_ticks.")
    boot_id: str | None = Field(
        None, description="Kernel boot id when the processes were recorded (a reboot ends them all)."
    )
    gpus: list[int] | None = Field(None, description="GPU indices the run was given (its CUDA_VISIBLE_DEVICES).")
    ended_by: str | None = Field(None, description="What ended the run: one of ENDED_BY (backends may add their own).")
    stop_signal: Literal["SIGTERM", "SIGKILL"] | None = Field(
        None,
        description="The strongest signal experiment-runner sent to end the run (SIGKILL: it outlived the grace period).",
    )
    output_bytes: dict[str, int] | None = Field(
        None, description="Bytes the child wrote per stream (before the log cap)."
    )
    manifest_error: str | None = Field(None, description="Why no reproducibility manifest was recorded, when none was.")


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
