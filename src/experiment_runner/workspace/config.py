"""`experiment-runner.yaml` at the workspace root: strict models (unknown keys are errors), loaded with
yaml.safe_load, errors rendered as readable `loc: msg` lines."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from experiment_runner.errors import UserError
from experiment_runner.strictmodel import StrictModel

CONFIG_FILE = "experiment-runner.yaml"

#: Programs a run may start without further configuration (an executable inside the workspace is also fine).
DEFAULT_ALLOWED_PROGRAMS = ("python", "python3", "torchrun", "accelerate", "deepspeed")
#: Programs that would run a string through a shell: never a run's or a hook's program without saying so.
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "ash", "busybox"})


class CommandsConfig(StrictModel):
    allow: list[str] = Field(
        default_factory=list,
        description="Extra programs (names on PATH or absolute paths) runs may start, added to "
        + ", ".join(DEFAULT_ALLOWED_PROGRAMS),
    )


class PolicyConfig(StrictModel):
    min_seeds: int = Field(
        3, ge=1, description="Fewest seeds per arm a brief may plan and a report may show without a waiver."
    )
    alpha: float = Field(0.05, gt=0, lt=1, description="Default significance level for briefs and reports.")


#: What may end an attempt of a run and be retried (runs.retry.on, launch_training's retry_on).
RetryCause = Literal["crash", "preemption", "time_limit", "node_fail", "oom"]
#: What the notification hook is told about.
NotifyEvent = Literal["run_ended", "launch_ended", "health_critical"]


class RetryConfig(StrictModel):
    retries: int = Field(
        0,
        ge=0,
        le=100,
        description="How many times a run is started again after an attempt ends in one of `on` (0: never). The "
        "retry is the same run (same id, seed and checkpoint folder) with $EXPERIMENT_RUNNER_RESUME set to its latest "
        "checkpoint.",
    )
    on: list[RetryCause] = Field(
        default_factory=lambda: list[RetryCause](["crash", "preemption", "time_limit", "node_fail"]),
        description="Which ends are retried: crash (non-zero exit or a signal after the run logged a step; a crash "
        "before its first step is a startup error and repeats), preemption and node_fail (the scheduler's, requeued "
        "with sbatch --requeue), time_limit (the run's own or the job's), oom (the kernel's or the scheduler's "
        "out-of-memory kill).",
    )
    backoff_s: float = Field(30.0, ge=0, le=86400, description="Seconds before the first retry.")
    backoff_factor: float = Field(2.0, ge=1, le=10, description="Each further retry waits this many times longer ...")
    max_backoff_s: float = Field(3600.0, ge=0, description="... up to this many seconds.")


class CheckpointConfig(StrictModel):
    keep_last: int | None = Field(
        None,
        ge=1,
        description="Keep only the newest N checkpoints of a run (files or folders directly in its checkpoint "
        "folder); older ones are deleted as new ones appear, each deletion recorded in checkpoints.json. Unset: keep "
        "all.",
    )
    keep_best_by: str | None = Field(
        None,
        description="With keep_last: also keep the best checkpoints by this metric (the value it had when each was "
        "written), e.g. 'val_loss' or 'val_acc:max' (the direction defaults to the metric's own).",
    )
    keep_best: int = Field(1, ge=1, description="How many best checkpoints keep_best_by keeps.")
    min_free_gb: float = Field(
        5.0,
        ge=0,
        description="A 'disk_filling' health signal when the checkpoint folder's disk has less free space than this, "
        "than two of the run's newest checkpoints, or than an hour of its checkpoint growth.",
    )
    check_s: float = Field(30.0, gt=0, description="Seconds between looks at the checkpoint folder.")


class NotifyConfig(StrictModel):
    command: list[str] = Field(
        min_length=1,
        description="Program run when a run or a launch ends (or a health signal turns critical), as an argument "
        "list, never through a shell; it reads the run's summary as JSON on stdin. E.g. ['notify-send-run'] or "
        "['python', 'scripts/post_to_chat.py'].",
    )
    on: list[NotifyEvent] = Field(
        default_factory=lambda: list[NotifyEvent](["run_ended", "launch_ended", "health_critical"]),
        description="Which events run it.",
    )
    timeout_s: float = Field(30.0, gt=0, le=600, description="The command is killed after this many seconds.")
    pass_env: list[str] = Field(
        default_factory=list,
        description="Variables of the server's environment the command also gets (e.g. a webhook URL), besides the "
        "allowlist runs get.",
    )

    @field_validator("command")
    @classmethod
    def _no_shell(cls, command: list[str]) -> list[str]:
        name = command[0].rsplit("/", 1)[-1]
        if not name:
            raise ValueError("the program (first item) is empty")
        if name in SHELLS:
            raise ValueError(
                f"{command[0]!r} is a shell; the hook runs as an argument list, never through a shell: put the "
                "commands in a script and give the script (or its interpreter and the script)"
            )
        return command


class RunsConfig(StrictModel):
    max_parallel: int | None = Field(
        None, ge=1, description="Most runs going at once on this machine (default: CPU count, or one per GPU)."
    )
    threads_per_run: int | None = Field(
        None,
        ge=1,
        description="OMP_NUM_THREADS each run gets when neither the caller nor the server's environment sets it "
        "(default: the CPU count divided by max_parallel, at least 1; the same for every launch in the workspace, so "
        "arms never differ by thread count). On Slurm the default is slurm.cpus_per_task (unset: not set).",
    )
    log_cap_mb: float = Field(
        256,
        gt=0,
        description="Most megabytes of a run's output kept on disk per stream (head and tail kept beyond it).",
    )
    heartbeat_s: float = Field(2.0, gt=0, description="Seconds between supervisor heartbeats.")
    telemetry_s: float = Field(5.0, gt=0, description="Seconds between CPU/GPU/memory samples.")
    stop_grace_s: float = Field(10.0, ge=0, description="Seconds between SIGTERM and SIGKILL when stopping a run.")
    silence_warn_s: float = Field(
        600.0, gt=0, description="Seconds without output before the 'no output' health signal."
    )
    stop_on_nan: bool = Field(True, description="Stop a run whose loss becomes NaN or Inf.")
    manifest: bool = Field(
        True, description="Record a reproducibility manifest for each run just before its command starts."
    )
    health_window: int = Field(
        25, ge=5, description="Loss values in the rolling median that health signals judge (smooths per-batch noise)."
    )
    health_flat_window: int = Field(
        200, ge=10, description="Loss values without meaningful improvement before the 'loss flat' signal."
    )
    health_min_improvement: float = Field(
        0.01,
        gt=0,
        lt=1,
        description="Smallest drop, as a fraction of the starting loss, that counts as improvement for 'loss flat'.",
    )
    health_diverge_ratio: float = Field(
        1.0,
        gt=0,
        description="'Loss diverging' when the smoothed loss rises above its best by more than this fraction of the "
        "best (and of a quarter of the drop from the start, and of three noise deviations).",
    )
    health_grad_norm_factor: float = Field(
        10.0,
        gt=1,
        description="'Gradient norm exploding' when the recent gradient norm exceeds its usual level by this factor.",
    )
    low_gpu_util_percent: float = Field(
        30.0, gt=0, le=100, description="'Low GPU utilisation' when the assigned GPUs average below this percentage ..."
    )
    low_gpu_util_s: float = Field(
        180.0, gt=0, description="... for this many seconds while the run trains (it looks input-bound)."
    )
    limit_signal_s: float = Field(
        120.0,
        ge=0,
        description="Seconds before a run's time limit (its own, or the Slurm job's through sbatch --signal) when it "
        "gets SIGUSR1, so it can save a checkpoint (0: no early signal).",
    )
    retry: RetryConfig = Field(default_factory=RetryConfig)
    checkpoints: CheckpointConfig = Field(default_factory=CheckpointConfig)


class SanityConfig(StrictModel):
    timeout_s: float = Field(300.0, gt=0, description="Time limit for one sanity-check run.")
    memory_mb: int = Field(
        8192,
        gt=0,
        description="Memory the sanity-check child may use beyond what Python, torch and the device runtime take at "
        "start, in MiB (an address-space cap on CPU; a resident-memory watchdog on CUDA).",
    )
    device: Literal["auto", "cpu", "cuda"] = Field(
        "auto", description="Where sanity checks run: auto picks CUDA when available."
    )


class SlurmConfig(StrictModel):
    partition: str | None = Field(None, description="Partition (-p) jobs go to.")
    account: str | None = Field(None, description="Account (-A) charged.")
    qos: str | None = Field(None, description="Quality of service (--qos).")
    cpus_per_task: int | None = Field(None, ge=1, description="CPUs per run (--cpus-per-task).")
    mem: str | None = Field(None, description="Memory per run, Slurm syntax (--mem), e.g. '16G'.")
    gres_per_gpu: str = Field("gpu", description="GRES name used for GPUs (--gres=<name>:<n>).")
    extra_args: list[str] = Field(default_factory=list, description="Extra sbatch arguments, one per item.")
    use_array: bool = Field(True, description="Submit the seeds of one launch as a job array.")
    python: str | None = Field(
        None,
        description="Interpreter on the nodes that has experiment-runner installed, for the run's supervisor "
        "(default: the server's own, which must then be on a filesystem the nodes share).",
    )


class WorkspaceConfig(StrictModel):
    python: str | None = Field(
        None, description="Interpreter for user code (sanity checks, probes). Default: the server's own."
    )
    store: str = Field(
        ".experiments", description="Folder (inside the workspace) where experiments and runs are stored."
    )
    backend: Literal["local", "slurm"] = Field("local", description="Where launch_training runs go by default.")
    commands: CommandsConfig = Field(default_factory=CommandsConfig)
    policy: PolicyConfig = Field(default_factory=PolicyConfig)
    runs: RunsConfig = Field(default_factory=RunsConfig)
    sanity: SanityConfig = Field(default_factory=SanityConfig)
    slurm: SlurmConfig = Field(default_factory=SlurmConfig)
    notify: NotifyConfig | None = Field(
        None, description="A command told (JSON on stdin) when runs and launches end; unset: none."
    )


def format_validation_error(err: ValidationError, source: str) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key (check the spelling; see the README for valid keys)"
        lines.append(f"  {loc}: {msg}")
    return f"{source} is invalid:\n" + "\n".join(lines)


def load_config(root: Path) -> WorkspaceConfig:
    """Read `experiment-runner.yaml` under `root`; a missing file means every default."""
    import yaml

    from experiment_runner.workspace import confine

    path = Path(root) / CONFIG_FILE
    if not confine.is_file(path):
        return WorkspaceConfig()
    try:
        data = yaml.safe_load(confine.read_text(path))
    except yaml.YAMLError as e:
        raise UserError(f"{path} is not valid YAML: {e}") from None
    if data is None:
        return WorkspaceConfig()
    if not isinstance(data, dict):
        raise UserError(f"{path} must hold a mapping of settings at the top level, got {type(data).__name__}")
    try:
        return WorkspaceConfig.model_validate(data)
    except ValidationError as e:
        raise UserError(format_validation_error(e, str(path))) from None
