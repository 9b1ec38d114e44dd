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
  attempts/<n>/    an ended attempt of a retried run that another followed: its stdout/stderr logs, exit.json,
                   health.json and metrics_user.jsonl (metrics.jsonl stays: every attempt appends to it, each line
                   tagged with its attempt from the second on); the attempt's record is in state.json (attempts)
  checkpoints.json the checkpoint folder as the supervisor last saw it (disk use, free space) and what the
                   keep-last/keep-best policy deleted, and why
  notify/<event>.json  a notification claimed for this run (run_ended, health_critical-<code>-<attempt>) and how
                   the hook went

Launches: `<store>/<experiment>/launches/<launch_id>.json` (the typed LaunchPlan of runs/plan.py: the runs of one
launch in start order, the workspace settings at launch), `<launch_id>.launcher.json` (the local launcher process
that starts them as slots free) and `<launch_id>.notify.json` (the launch's end, told to the hook once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from experiment_runner.workspace.config import RetryCause

RunStateName = Literal["queued", "running", "completed", "failed", "cancelled", "lost"]
TerminalState = Literal["completed", "failed", "cancelled", "lost"]
RUN_STATES: tuple[str, ...] = get_args(RunStateName)
TERMINAL_STATES: tuple[str, ...] = get_args(TerminalState)

#: What ended a run (RunState.ended_by) or one attempt of it (AttemptRecord.ended_by).
EndedBy = Literal[
    "exit",  # the child exited by itself (exit_code says how)
    "signal",  # a signal nobody in experiment-runner sent ended it (signal says which)
    "stop",  # stop_run (stop_signal says whether SIGTERM sufficed)
    "time_limit",  # the run's time limit (its own, or the scheduler's)
    "nan_loss",  # runs.stop_on_nan after a NaN/Inf loss
    "start_error",  # the command could not be started
    "supervisor_lost",  # the supervisor died before the child's exit was recorded
    "launcher_lost",  # the process meant to start the queued run died first
    "pid_reused",  # the recorded pid now belongs to another process
    "out_of_memory",  # the kernel's or the scheduler's out-of-memory kill
    "node_fail",  # the scheduler's node failed
    "preempted",  # the scheduler preempted the job
    "requeued",  # the scheduler requeued the job (preemption, node failure or scontrol requeue) past the retries
    "boot_fail",  # the scheduler's node failed to boot
    "deadline",  # the job missed its scheduler deadline
    "scheduler",  # the scheduler ended it for a reason it did not say
    "scheduler_forgot",  # the scheduler has no record of the job
]
ENDED_BY: tuple[str, ...] = get_args(EndedBy)

#: Why an attempt may be started again (a launch's retry_on): what ended it, in the policy's words.
RETRY_CAUSES: tuple[str, ...] = get_args(RetryCause)

HealthCode = Literal[
    "nan_loss",
    "loss_diverging",
    "loss_flat",
    "grad_norm_exploding",
    "val_rising",
    "low_gpu_util",
    "no_output",
    "heartbeat_lost",
    "not_resumed",
    "disk_filling",
]
Severity = Literal["info", "warning", "critical"]


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
        description="Variables experiment-runner set because neither the caller nor the server did (e.g. "
        "OMP_NUM_THREADS "
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


class AttemptRecord(BaseModel):
    """One start of a run's command that has ended. A retried or requeued run keeps one record per attempt (same run
    id, seed and checkpoint folder); the logs of an attempt that another followed are kept in attempts/<n>/."""

    model_config = ConfigDict(extra="allow")

    attempt: int = Field(description="1 for the first start, 2 for the first retry ...")
    started_at: str | None = None
    ended_at: str | None = None
    pid: int | None = None
    exit_code: int | None = None
    signal: int | None = None
    stop_signal: Literal["SIGTERM", "SIGKILL"] | None = None
    ended_by: EndedBy | None = None
    reason: str | None = None
    cause: RetryCause | None = Field(
        None, description="What ended it, in the retry policy's words (None: an end no policy retries)."
    )
    retried: bool = Field(False, description="Another attempt followed this one.")
    resume_from: str | None = Field(None, description="The checkpoint it was given in $EXPERIMENT_RUNNER_RESUME.")
    first_step: int | None = Field(None, description="The first step it logged.")
    last_step: int | None = Field(None, description="The last step it logged.")
    resumed: bool | None = Field(
        None,
        description="False when its step counter started again from the beginning although an earlier attempt had "
        "gone further (the script does not resume); None when that cannot be told (no steps logged, first attempt).",
    )
    logs: str | None = Field(None, description="Folder of its logs and exit record, relative to the run folder.")


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
        description="Why the run ended or is in this state, in words (e.g. 'stopped by user: SIGTERM then SIGKILL "
        "after 10 s').",
    )
    stop_requested: str | None = None
    heartbeat_at: float | None = Field(None, description="Unix time of the supervisor's last heartbeat.")
    scheduler: dict | None = Field(
        None, description="Backend-specific facts (Slurm job id, scheduler state and reason)."
    )
    supervisor_start_ticks: int | None = Field(
        None,
        description="Exact start of the supervisor (clock ticks after boot, /proc/<pid>/stat field 22): immune to "
        "clock changes.",
    )
    pid_start_ticks: int | None = Field(None, description="Exact start of the child, as supervisor_start_ticks.")
    boot_id: str | None = Field(
        None, description="Kernel boot id when the processes were recorded (a reboot ends them all)."
    )
    gpus: list[int] | None = Field(None, description="GPU indices the run was given (its CUDA_VISIBLE_DEVICES).")
    ended_by: EndedBy | None = Field(None, description="What ended the run (its last attempt).")
    stop_signal: Literal["SIGTERM", "SIGKILL"] | None = Field(
        None,
        description="The strongest signal experiment-runner sent to end the run (SIGKILL: it outlived the grace "
        "period).",
    )
    output_bytes: dict[str, int] | None = Field(
        None, description="Bytes the child wrote per stream (before the log cap)."
    )
    manifest_error: str | None = Field(None, description="Why no reproducibility manifest was recorded, when none was.")
    attempt: int = Field(1, ge=1, description="The current (or last) attempt: 1 until the run is retried or requeued.")
    attempt_started_at: str | None = Field(None, description="When the current attempt's command started.")
    max_attempts: int | None = Field(None, description="1 + the launch's retries, once the supervisor has read them.")
    attempts: list[AttemptRecord] = Field(default_factory=list, description="Every ended attempt, oldest first.")
    next_attempt_at: str | None = Field(None, description="When the next attempt starts, while the run waits for it.")
    resume_from: str | None = Field(
        None, description="The checkpoint the current attempt was given in $EXPERIMENT_RUNNER_RESUME."
    )


class HealthSignal(BaseModel):
    code: HealthCode
    severity: Severity
    message: str
    step: int | None = None
    value: float | None = None
    since: float | None = Field(None, description="Unix time the signal was first raised.")


@dataclass
class RunView:
    """A run as the store read it: its spec, its state (after liveness reconciliation) and its folder."""

    spec: RunSpec
    state: RunState
    dir: Path

    @property
    def run_id(self) -> str:
        return self.spec.run_id

    @property
    def terminal(self) -> bool:
        return self.state.state in TERMINAL_STATES

    @property
    def attempts(self) -> int:
        """How many times the run's command was started (retries and scheduler requeues are attempts of one run)."""
        return max(self.state.attempt, len(self.state.attempts)) if self.state.started_at else 0
