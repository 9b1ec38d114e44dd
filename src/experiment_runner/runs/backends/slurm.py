"""The Slurm backend: each run is a Slurm job (the seeds of one launch go as a job array) whose batch script
starts the same per-run supervisor as local runs, on the node, so output, metrics, health, telemetry and the
manifest land in the run's folder exactly as they do locally. The store must therefore sit on a filesystem the
nodes share.

State comes from the scheduler: while a job is pending or running, what slurmctld says (`scontrol show job`, one
call per few seconds for all runs; `sacct` for jobs slurmctld has forgotten, when accounting is on) is recorded
in `<run dir>/scheduler.json` and shown with the run; the supervisor records running and ordinary exits itself.
When the scheduler ends a job (time limit, out of memory, preemption, node failure, scancel), the supervisor
leaves the verdict to the scheduler, and `reconcile` maps the scheduler's final state onto the run states with its
reason kept. A job the scheduler has no record of is marked lost, never guessed."""

from __future__ import annotations

import math
import shlex
import sys
import time
from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.fsutil import atomic_write_json, write_new_text
from experiment_runner.runs import records
from experiment_runner.runs.backends import slurm_cli
from experiment_runner.runs.backends.base import Backend, LaunchPlan
from experiment_runner.runs.model import TERMINAL_STATES, RunState, RunView
from experiment_runner.workspace.config import SlurmConfig

SCHEDULER_FILE = "scheduler.json"
#: A submitted job slurmctld does not list yet (or any more) is only judged lost after this long.
UNKNOWN_GRACE_S = 30.0

PENDING_STATES = {"PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SPECIAL_EXIT"}
RUNNING_STATES = {"RUNNING", "COMPLETING", "SIGNALING", "STAGE_OUT", "SUSPENDED", "STOPPED", "RESIZING"}
#: Slurm final state -> (run state, ended_by, what it means)
FINAL_STATES = {
    "COMPLETED": ("completed", "exit", "the job completed"),
    "FAILED": ("failed", "exit", "the job failed"),
    "TIMEOUT": ("failed", "time_limit", "Slurm ended the job at its time limit (TIMEOUT)"),
    "CANCELLED": ("cancelled", "stop", "the job was cancelled (scancel)"),
    "OUT_OF_MEMORY": ("failed", "out_of_memory", "Slurm ended the job for exceeding its memory (OUT_OF_MEMORY)"),
    "NODE_FAIL": ("failed", "node_fail", "the job's node failed (NODE_FAIL)"),
    "PREEMPTED": ("failed", "preempted", "the job was preempted (PREEMPTED)"),
    "BOOT_FAIL": ("failed", "boot_fail", "the job's node failed to boot (BOOT_FAIL)"),
    "DEADLINE": ("failed", "deadline", "the job missed its deadline (DEADLINE)"),
}


def _minutes(seconds: float) -> str:
    """Slurm --time in minutes (its resolution), rounded up."""
    return str(max(1, math.ceil(seconds / 60.0)))


def job_script(plan: LaunchPlan, run_dirs: list[Path], launch_file: Path, python: str) -> str:
    """The batch script: pick this task's run folder and exec the supervisor there. Only fixed text and quoted
    paths: the user's command never appears here (the supervisor runs it from spec.json as an argument list)."""
    dirs = " ".join(shlex.quote(str(d)) for d in run_dirs)
    return "\n".join(
        [
            "#!/bin/bash",
            "# Written by experiment-runner: one run per array task, each under its supervisor.",
            "set -u",
            # The time limit's warning (sbatch --signal=B:USR1) may come up to a minute early, even before the
            # supervisor has its handler: ignored until then (the disposition carries over exec) rather than fatal.
            "trap '' USR1",
            f"RUN_DIRS=({dirs})",
            "RUN_DIR=${RUN_DIRS[${SLURM_ARRAY_TASK_ID:-0}]}",
            'exec >>"$RUN_DIR/supervisor.log" 2>&1',
            f'exec {shlex.quote(python)} -m experiment_runner.runs.detached.supervisor "$RUN_DIR" '
            f"--launch-file {shlex.quote(str(launch_file))}",
            "",
        ]
    )


def sbatch_args(
    plan: LaunchPlan,
    n_tasks: int,
    as_array: bool,
    time_limit_s: float | None,
    slurm: SlurmConfig,
    name: str,
    out_pattern: Path,
) -> list[str]:
    args = [f"--job-name={name}", f"--output={out_pattern}", "--open-mode=append", f"--chdir={plan.experiment_dir}"]
    if as_array:
        throttle = f"%{plan.max_parallel}" if plan.max_parallel < n_tasks else ""
        args.append(f"--array=0-{n_tasks - 1}{throttle}")
    if time_limit_s:
        args.append(f"--time={_minutes(time_limit_s)}")
        warn = int(plan.runs.limit_signal_s)
        if 0 < warn < time_limit_s:
            # SIGUSR1 to the batch shell (the supervisor, which execs there) that long before the limit: it passes
            # the signal to the run so it can checkpoint, and requeues the job when time limits are retried
            args.append(f"--signal=B:USR1@{warn}")
    retry = plan.runs.retry
    if retry.retries and {"preemption", "node_fail", "time_limit"} & set(retry.on):
        args.append("--requeue")  # the scheduler may start the job again as the run's next attempt
    if plan.gpus_per_run:
        args.append(f"--gres={slurm.gres_per_gpu or 'gpu'}:{plan.gpus_per_run}")
    for key, flag in (
        ("partition", "--partition"),
        ("account", "--account"),
        ("qos", "--qos"),
        ("cpus_per_task", "--cpus-per-task"),
        ("mem", "--mem"),
    ):
        value = getattr(slurm, key)
        if value not in (None, ""):
            args.append(f"{flag}={value}")
    for extra in slurm.extra_args:
        if not isinstance(extra, str) or not extra.startswith("-"):
            raise UserError(
                f"slurm.extra_args item {extra!r} must be one sbatch option per item, e.g. '--constraint=a100'"
            )
        args.append(extra)
    return args


class SlurmBackend(Backend):
    name = "slurm"

    def __init__(self) -> None:
        self.jobs = slurm_cli.JobTable()

    # --- submitting ----------------------------------------------------------------------------------------------

    def submit(self, plan: LaunchPlan) -> dict:
        slurm = plan.slurm
        python = slurm.python or sys.executable
        launch_file = records.launch_path(plan.exp_dir, plan.launch_id)
        run_dirs = [plan.exp_dir / "runs" / rid for rid in plan.run_ids]
        specs = [records.read_spec(d) for d in run_dirs]
        limit = specs[0].time_limit_s if specs else None
        name = f"er-{specs[0].experiment}-{specs[0].arm}" if specs else f"er-{plan.launch_id}"
        out_dir = launch_file.parent

        groups: list[list[int]]
        if slurm.use_array and len(run_dirs) > 1:
            groups = [list(range(len(run_dirs)))]
        else:
            groups = [[i] for i in range(len(run_dirs))]
        job_ids: list[str] = []
        for group in groups:
            as_array = len(group) > 1
            dirs = [run_dirs[i] for i in group]
            pattern = out_dir / (f"{plan.launch_id}-%A_%a.slurm.out" if as_array else f"{plan.launch_id}-%j.slurm.out")
            script = job_script(plan, dirs, launch_file, python)
            args = sbatch_args(plan, len(group), as_array, limit, slurm, name, pattern)
            script_path = out_dir / f"{plan.launch_id}-{group[0]}.sbatch"
            write_new_text(script_path, script, mode=0o644)
            job = slurm_cli.sbatch(script, args)
            now = records.utc_now()
            for task, i in enumerate(group):
                job_id = f"{job}_{task}" if as_array else job
                job_ids.append(job_id)
                atomic_write_json(
                    run_dirs[i] / SCHEDULER_FILE,
                    {
                        "backend": "slurm",
                        "job_id": job_id,
                        "submitted_at": now,
                        "submitted": time.time(),
                        "sbatch_args": args,
                        "script": str(script_path),
                        "state": "PENDING",
                        "reason": None,
                        "checked_at": now,
                    },
                )
        self.jobs.invalidate()
        return {"job_ids": job_ids}

    # --- reading the scheduler ------------------------------------------------------------------------------------

    def _observed(self, run_dir: Path) -> dict | None:
        try:
            data = records.read_json(run_dir / SCHEDULER_FILE)
        except (FileNotFoundError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def job_info(self, job_id: str) -> slurm_cli.JobInfo | None:
        info = self.jobs.find(job_id)
        if info is None:
            info = slurm_cli.sacct_info(job_id)
        return info

    def reconcile(self, run: RunView) -> RunState | None:
        state = run.state
        if state.state in TERMINAL_STATES:
            return None
        observed = self._observed(run.dir)
        job_id = (observed or {}).get("job_id") or (state.scheduler or {}).get("job_id")
        now = records.utc_now()
        if not job_id:
            created = records.iso_to_unix(run.spec.created_at) or 0.0
            if time.time() - created < UNKNOWN_GRACE_S:
                return None
            return state.model_copy(
                update={
                    "state": "lost",
                    "ended_by": "launcher_lost",
                    "updated_at": now,
                    "ended_at": now,
                    "reason": "the run was never handed to Slurm (no job id recorded): its submission did not complete",
                }
            )
        try:
            info = self.job_info(job_id)
        except slurm_cli.SlurmUnavailable as e:  # show the recorded state; say why it may be stale
            self._note(run.dir, observed, f"scheduler unreachable at {now}: {e}")
            return None
        if info is None:
            submitted = (observed or {}).get("submitted") or 0.0
            if time.time() - submitted < UNKNOWN_GRACE_S:
                return None
            return self._forgotten(run, state, job_id, now)
        self._record_observation(run.dir, observed, info)
        if info.state in PENDING_STATES and state.state == "running":
            return self._requeued(state, info, now)
        if info.state in PENDING_STATES or info.state in RUNNING_STATES:
            return None  # the supervisor records running and ordinary exits itself
        return self._final(run, state, info, now)

    def _requeued(self, state: RunState, info: slurm_cli.JobInfo, now: str) -> RunState:
        """A running run whose job waits again: the scheduler requeued it. It shows as queued until its supervisor
        starts again and decides, by the launch's retry policy, whether that is its next attempt."""
        why = info.reason or info.state
        return state.model_copy(
            update={
                "state": "queued",
                "updated_at": now,
                "reason": f"the scheduler requeued job {info.job_id} ({why}); when the job starts again, the run goes "
                "on as its next attempt if the launch's retry policy allows one",
            }
        )

    def _record_observation(self, run_dir: Path, observed: dict | None, info: slurm_cli.JobInfo) -> None:
        if (
            observed is not None
            and "note" not in observed
            and observed.get("state") == info.state
            and observed.get("reason") == info.reason
        ):
            return
        updated = {
            **{k: v for k, v in (observed or {}).items() if k != "note"},
            "job_id": info.job_id,
            "state": info.state,
            "reason": info.reason,
            "node": info.node,
            "time_limit": info.time_limit,
            "source": info.source,
            "checked_at": records.utc_now(),
        }
        try:
            atomic_write_json(run_dir / SCHEDULER_FILE, updated)
        except OSError:
            pass

    def _note(self, run_dir: Path, observed: dict | None, note: str) -> None:
        try:
            atomic_write_json(run_dir / SCHEDULER_FILE, {**(observed or {}), "note": note})
        except OSError:
            pass

    def _final(self, run: RunView, state: RunState, info: slurm_cli.JobInfo, now: str) -> RunState:
        final, ended_by, meaning = FINAL_STATES.get(info.state, ("failed", "scheduler", f"Slurm reports {info.state}"))
        exit_info = records.read_exit(run.dir) or {}
        code = exit_info.get("exit_code") if exit_info else info.exit_code
        sig = exit_info.get("signal") if exit_info else info.exit_signal
        if info.state == "COMPLETED" and (code not in (0, None) or sig):
            final, ended_by = "failed", "exit" if not sig else "signal"
        if info.state == "FAILED" and sig:
            ended_by = "signal"
        if info.state == "CANCELLED":
            stop = records.read_stop(run.dir)
            meaning = (
                f"cancelled by stop_run ({stop.get('by', 'stop_run')}) through scancel"
                if stop
                else "the job was cancelled with scancel (not through stop_run)"
            )
        parts = [meaning]
        if info.reason:
            parts.append(f"scheduler reason: {info.reason}")
        if info.time_limit and ended_by == "time_limit":
            parts.append(f"limit {info.time_limit}")
        if code is not None:
            parts.append(f"exit code {code}")
        if sig:
            parts.append(f"signal {sig}")
        scheduler = {
            **(state.scheduler or {}),
            "backend": "slurm",
            "job_id": info.job_id,
            "state": info.state,
            "reason": info.reason,
            "node": info.node,
            "source": info.source,
        }
        return state.model_copy(
            update={
                "state": final,
                "ended_by": ended_by,
                "updated_at": now,
                "ended_at": exit_info.get("ended_at") or now,
                "exit_code": code,
                "signal": sig,
                "scheduler": scheduler,
                "reason": "; ".join(parts),
            }
        )

    def _forgotten(self, run: RunView, state: RunState, job_id: str, now: str) -> RunState:
        exit_info = records.read_exit(run.dir)
        scheduler = {**(state.scheduler or {}), "backend": "slurm", "job_id": job_id, "state": None}
        if exit_info is not None:
            return state.model_copy(
                update={
                    "state": "failed",
                    "ended_by": "scheduler",
                    "updated_at": now,
                    "ended_at": exit_info.get("ended_at") or now,
                    "exit_code": exit_info.get("exit_code"),
                    "signal": exit_info.get("signal"),
                    "scheduler": scheduler,
                    "reason": (
                        f"the scheduler ended job {job_id} (its supervisor saw a signal from Slurm), and Slurm no "
                        "longer "
                        "remembers the job, so why is unknown (enable accounting for sacct to keep it)"
                    ),
                }
            )
        return state.model_copy(
            update={
                "state": "lost",
                "ended_by": "scheduler_forgot",
                "updated_at": now,
                "ended_at": now,
                "scheduler": scheduler,
                "reason": (
                    f"Slurm has no record of job {job_id} (not in scontrol, nor in sacct) and the run left no exit "
                    "record: what became of it is unknown"
                ),
            }
        )

    # --- stopping ----------------------------------------------------------------------------------------------

    def stop(self, run: RunView, grace_s: float, by: str) -> str:
        state = run.state
        if state.state in ("completed", "failed", "cancelled"):
            return f"already {state.state}"
        observed = self._observed(run.dir) or {}
        job_id = observed.get("job_id") or (state.scheduler or {}).get("job_id")
        # The stop request first: the supervisor that receives scancel's SIGTERM then knows it came from stop_run.
        records.request_stop(run.dir, grace_s=grace_s, by=by)
        if not job_id:
            return "stop requested, but the run has no Slurm job id: nothing to cancel"
        said = slurm_cli.scancel(job_id)
        self.jobs.invalidate()
        return f"scancel {job_id}" + (
            f": {said}" if said else " (Slurm sends SIGTERM, then SIGKILL after its KillWait)"
        )

    def describe(self, run_dir: Path) -> dict | None:
        """What the scheduler last said about a run (job id, state, pending reason), for status displays."""
        return self._observed(run_dir)


BACKEND = SlurmBackend()
