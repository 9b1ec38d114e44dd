"""The per-run supervisor: `python -m experiment_runner.runs.detached.supervisor <run dir> --launch-file F
--ready-fd N`.

Started by the launcher (or a Slurm job) in its own session, it owns one run from start to end, through every
attempt of it: it records itself, captures the manifest, runs the command (runs/detached/child.py, one attempt),
and when an attempt ends in a way the launch's retry policy retries (runs/retry.py), moves that attempt's logs and
exit record to attempts/<n>/, waits the backoff and starts the command again as the same run, with the latest
complete checkpoint in $EXPERIMENT_RUNNER_RESUME. Under Slurm a time limit is retried by requeueing the job
(scontrol requeue), and a job the scheduler requeued (preemption, node failure) comes back here as the next
attempt. The final state, the metric files the run wrote, and the notification hook come last.

Every state change is one atomic replace of state.json. The heartbeat is the mtime of `heartbeat` (a utime call
every runs.heartbeat_s), kept out of state.json so the state file changes only on transitions: a heartbeat can
never race with or tear a transition, and a reader gets it from one stat. The supervisor holds the run's slot
locks (inherited fds) for its whole life, retries included, so the slot frees when it ends, however it ends."""

from __future__ import annotations

import argparse
import gc
import os
import select
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from experiment_runner.runs import attempts, childenv, notify, procs, records, retry
from experiment_runner.runs.detached.child import AttemptEnd, Child
from experiment_runner.runs.metricsio import JsonlTail, MetricsAppender
from experiment_runner.runs.model import TERMINAL_STATES, AttemptRecord, HealthSignal
from experiment_runner.runs.verdict import verdict_from_exit
from experiment_runner.workspace import confine

if TYPE_CHECKING:
    from experiment_runner.runs.detached.checkpoint_watch import CheckpointWatch
    from experiment_runner.workspace.config import RetryCause

RESUME_VAR = "EXPERIMENT_RUNNER_RESUME"
ATTEMPT_VAR = "EXPERIMENT_RUNNER_ATTEMPT"


class Supervisor:
    def __init__(self, run_dir: Path, launch_file: Path, ready_fd: int | None, gpus: list[int]):
        self.dir = run_dir
        confine.register_launch(launch_file)
        confine.hold(run_dir)  # every file of the run is opened relative to this one descriptor
        self.spec = records.read_spec(run_dir)
        self.state = records.read_state(run_dir)
        self.plan = records.read_plan(launch_file)
        confine.register(self.plan.workspace_root, launch_file.parent.parent.parent)
        self.cfg = self.plan.runs
        self.policy = self.cfg.retry
        self.ready_fd = ready_fd
        self.gpus = gpus
        self.ckpt_dir = Path(self.spec.checkpoint_dir or run_dir / "checkpoints")
        self.wake_r, self.wake_w = os.pipe()
        self.signalled: int | None = None
        self._usr1 = False
        self.metrics: MetricsAppender | None = None
        self.user_tail = JsonlTail(run_dir / records.USER_METRICS)
        self.watch: CheckpointWatch | None = None
        self._signals: dict[str, HealthSignal] = {}  # the supervisor's own: not_resumed, disk_filling
        self._critical: set[str] = set()
        self.resumed: bool | None = None
        self.resume_from: str | None = None
        self.last_exit: dict | None = None

    def log(self, msg: str) -> None:
        print(f"{records.utc_now()} supervisor[{os.getpid()}]: {msg}", file=sys.stderr, flush=True)

    # --- signals -----------------------------------------------------------------------------------------------

    def _on_signal(self, signum, frame) -> None:
        if signum == signal.SIGUSR1:
            self._usr1 = True
        elif signum != signal.SIGCHLD:
            self.signalled = signum

    def _install_signals(self) -> None:
        os.set_blocking(self.wake_w, False)
        os.set_blocking(self.wake_r, False)
        signal.set_wakeup_fd(self.wake_w, warn_on_full_buffer=False)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD, signal.SIGUSR1):
            signal.signal(sig, self._on_signal)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)

    def drain_wake(self) -> None:
        try:
            while os.read(self.wake_r, 512):
                pass
        except BlockingIOError:
            pass

    def take_usr1(self) -> bool:
        got, self._usr1 = self._usr1, False
        return got

    def limit_warned(self) -> bool:
        """The scheduler's warning before the job's time limit came: True when the attempt should end now so the
        job can be requeued (time_limit is retried and attempts remain)."""
        decision = retry.decide(self.policy, "time_limit", self.state.attempt, logged_step=True)
        return self.spec.backend == "slurm" and decision.retry

    def scheduler_grace(self) -> float:
        """Seconds a run gets between the SIGTERM passed on from the scheduler and SIGKILL: within the scheduler's
        own KillWait when it says (SLURM_KILL_WAIT is not exported; the configured grace is capped at 25 s)."""
        return min(self.cfg.stop_grace_s, 25.0)

    def _ready(self) -> None:
        if self.ready_fd is not None:
            try:
                os.write(self.ready_fd, b"1")
                os.close(self.ready_fd)
            except OSError:
                pass
            self.ready_fd = None

    # --- the run -----------------------------------------------------------------------------------------------

    def _env(self, attempt: int, resume: str | None) -> dict[str, str]:
        runner = {
            "EXPERIMENT_RUNNER_SEED": str(self.spec.seed),
            "EXPERIMENT_RUNNER_RUN_ID": self.spec.run_id,
            "EXPERIMENT_RUNNER_EXPERIMENT": self.spec.experiment,
            "EXPERIMENT_RUNNER_ARM": self.spec.arm,
            "EXPERIMENT_RUNNER_METRICS": str(self.dir / records.USER_METRICS),
            "EXPERIMENT_RUNNER_CHECKPOINT_DIR": str(self.ckpt_dir),
            ATTEMPT_VAR: str(attempt),
        }
        if resume:
            runner[RESUME_VAR] = resume
        confine.mkdir(self.ckpt_dir)
        return childenv.child_env(
            server_env=os.environ,
            caller_env=self.spec.env,
            defaults=self.spec.env_defaults,
            runner=runner,
            gpus=self.gpus,
        )

    def _capture_manifest(self, env: dict[str, str]) -> None:
        if not self.cfg.manifest or confine.exists(self.dir / records.MANIFEST):
            return
        from experiment_runner.runs.detached.manifest import capture

        try:
            problem = capture(self.plan, self.spec, self.dir, env, self.gpus)
        except Exception as e:  # the capture is an aid to the run, never a reason to lose it
            problem = f"capture failed: {e!r}"
        if problem:
            self.log(f"no manifest: {problem}")
            self.state = records.transition(self.dir, self.state, manifest_error=problem)

    def _cancel_if_asked(self, when: str) -> bool:
        """Cancel the run before a start when stop_run asked (or, locally, a signal came: under a scheduler a
        signal is the scheduler's, whose verdict it is)."""
        stop = records.read_stop(self.dir)
        if stop is None and (self.signalled is None or self.spec.backend != "local"):
            return False
        if stop:
            by = stop.get("by", "stop_run")
        else:
            assert self.signalled is not None  # no stop request: the early return above leaves only a signal
            by = f"{procs.signal_name(self.signalled)} to the supervisor"
        self.state = records.transition(
            self.dir,
            self.state,
            state="cancelled",
            ended_at=records.utc_now(),
            ended_by="stop",
            reason=f"cancelled {when} (stop requested by {by}); its command never started"
            + ("" if self.state.attempt == 1 else f" again after attempt {self.state.attempt - 1}"),
        )
        self._notify_end()
        return True

    def _record_self(self) -> None:
        me = procs.identity(os.getpid())
        self.state = records.transition(
            self.dir,
            self.state,
            supervisor_pid=os.getpid(),
            supervisor_start=me[1] if me else None,
            supervisor_start_ticks=me[0] if me else None,
            boot_id=procs.boot_id(),
            gpus=self.gpus,
            max_attempts=self.plan.max_attempts,
            scheduler={**(self.state.scheduler or {}), **_scheduler_facts(self.spec.backend)},
        )

    def run(self) -> int:
        self._install_signals()
        if self.state.state in TERMINAL_STATES:
            self._ready()
            return 0
        if self.state.started_at is not None:  # it ran before: the scheduler started its job again
            if not self._after_requeue():
                self._ready()
                return 0
        elif self.state.state != "queued":
            self._ready()
            return 0
        if self._cancel_if_asked("before it started" if self.state.attempt == 1 else "before its next attempt"):
            self._ready()
            return 0
        # Record this supervisor first and release the launcher: the manifest capture below may take a while.
        self._record_self()
        self._ready()
        confine.touch(self.dir / records.HEARTBEAT)
        self.metrics = MetricsAppender(self.dir / records.METRICS)
        if self.cfg.checkpoints.keep_last is not None or self.cfg.checkpoints.min_free_gb > 0:
            from experiment_runner.runs.detached.checkpoint_watch import CheckpointWatch

            self.watch = CheckpointWatch(self.dir, self.ckpt_dir, self.cfg.checkpoints)
            if self.watch.best_name is not None and self.state.attempt > 1:
                self.watch.observe(self.dir_records(), time.time())
        while True:
            end = self._attempt()
            if end is None:  # not started (cancelled, or the command could not start): the state says so
                return 0
            if self._after_attempt(end):
                break
        return self._job_exit_code()

    def dir_records(self) -> list[dict]:
        from experiment_runner.runs.metricsio import read_records

        return read_records(self.dir / records.METRICS)

    def _attempt(self) -> AttemptEnd | None:
        n = self.state.attempt
        resume = self._resume_point() if n > 1 else None
        env = self._env(n, resume)
        if n == 1:
            self._capture_manifest(env)
        if self._cancel_if_asked("before its command started" if n == 1 else f"before attempt {n} started"):
            return None
        argv = [self.spec.program or self.spec.argv[0], *self.spec.argv[1:]]
        child = Child(self, n)
        try:
            child.start(argv, env)
        except OSError as e:
            self.state = records.transition(
                self.dir,
                self.state,
                state="failed",
                ended_at=records.utc_now(),
                ended_by="start_error",
                reason=f"the command could not be started: {e.strerror or e} ({argv[0]!r} in {self.spec.cwd})",
            )
            self._notify_end()
            return None
        now = records.utc_now()
        self.resumed = None
        self._signals.pop("not_resumed", None)
        self.state = records.transition(
            self.dir,
            self.state,
            state="running",
            started_at=self.state.started_at or now,
            attempt_started_at=now,
            pid=child.running.pid,
            pid_start=child.pid_start,
            pid_start_ticks=child.child_ticks,
            resume_from=resume,
            next_attempt_at=None,
        )
        try:
            child.loop()
        except Exception as e:  # the supervisor's own failure: end the child rather than leave it unsupervised
            self.log(f"supervisor loop failed: {e!r}")
            import traceback

            traceback.print_exc()
            child.kill_now(
                f"the supervisor hit an internal error ({e!r}; see {records.SUPERVISOR_LOG}) and ended the run"
            )
        return child.finish()

    def _resume_point(self) -> str | None:
        from experiment_runner.runs import checkpoints

        entry, skipped = checkpoints.latest(self.ckpt_dir)
        for why in skipped:
            self.log(f"checkpoint passed over: {why}")
        if entry is None:
            self.log(f"no complete checkpoint in {self.ckpt_dir}: attempt {self.state.attempt} starts from scratch")
            return None
        return str(entry.path)

    # --- after an attempt --------------------------------------------------------------------------------------

    def _verdict(self, end: AttemptEnd) -> tuple[str | None, str, str]:
        info = end.exit_info
        if end.ending is not None:
            ended_by, why, final = end.ending
            if end.stop_signal == "SIGKILL":
                how = f"SIGTERM, then SIGKILL after the {end.grace:g} s grace period"
            else:
                how = f"SIGTERM; it ended {end.took_s:.1f} s later"
            return final, ended_by, f"{why}: {how}"
        v = verdict_from_exit(info.get("exit_code"), info.get("signal"), self.spec.backend)
        if end.oom_killed:
            return v.state, "out_of_memory", v.reason + "; the kernel's out-of-memory killer acted in its memory group"
        return v.state, v.ended_by, v.reason

    def _attempt_record(self, end: AttemptEnd, ended_by: str, reason: str, cause, retried: bool, logs) -> AttemptRecord:
        info = end.exit_info
        return AttemptRecord(
            attempt=self.state.attempt,
            started_at=self.state.attempt_started_at or self.state.started_at,
            ended_at=info.get("ended_at") or records.utc_now(),
            pid=self.state.pid,
            exit_code=info.get("exit_code"),
            signal=info.get("signal"),
            stop_signal=end.stop_signal,
            ended_by=ended_by,
            reason=reason,
            cause=cause,
            retried=retried,
            resume_from=self.state.resume_from,
            first_step=end.first_step,
            last_step=end.last_step,
            resumed=self.resumed,
            logs=logs,
        )

    def _after_attempt(self, end: AttemptEnd) -> bool:
        """Retry, or write the final state. True when the run is over (for this process)."""
        self.last_exit = end.exit_info
        self.look_at_checkpoints(time.time(), settled=True)
        final, ended_by, reason = self._verdict(end)
        n = self.state.attempt
        cause = retry.cause_of(ended_by, final) if ended_by != "scheduler" else None
        decision = retry.decide(self.policy, cause, n, logged_step=end.logged)
        if decision.retry and not self._stop_requested():
            requeue = self.spec.backend == "slurm" and cause == "time_limit"
            logs = attempts.archive(self.dir, n)
            record = self._attempt_record(end, ended_by, reason, cause, True, logs)
            wait = 0.0 if requeue else decision.wait_s
            self.state = records.transition(
                self.dir,
                self.state,
                attempts=[*self.state.attempts, record],
                attempt=n + 1,
                pid=None,
                pid_start=None,
                pid_start_ticks=None,
                exit_code=None,
                signal=None,
                stop_signal=None,
                next_attempt_at=_iso_in(wait),
                reason=f"attempt {n} {reason}; {decision.why}"
                + (": the job is requeued" if requeue else f": attempt {n + 1} starts in {wait:g} s"),
            )
            self.log(self.state.reason or "")
            if requeue:
                return self._requeue()
            return not self._wait(wait)
        if n > 1 or self.state.attempts:
            record = self._attempt_record(end, ended_by, reason, cause, False, None)
            self.state = self.state.model_copy(update={"attempts": [*self.state.attempts, record]})
            reason = f"{reason} (attempt {n} of at most {self.plan.max_attempts}; not retried: {decision.why})"
        elif self.policy.retries and cause is not None:
            reason = f"{reason} (not retried: {decision.why})"
        self._finish(end, final, ended_by, reason)
        return True

    def _stop_requested(self) -> bool:
        return self.signalled is not None or confine.exists(self.dir / records.STOP)

    def _wait(self, seconds: float) -> bool:
        """Wait before the next attempt, heartbeating; False when a stop request or a signal came meanwhile (the
        run is then cancelled here)."""
        deadline = time.monotonic() + seconds
        next_beat = 0.0
        while True:
            now = time.monotonic()
            if self._stop_requested():
                self._cancel_if_asked(f"while waiting to start attempt {self.state.attempt}")
                if self.state.state not in TERMINAL_STATES:  # a signal with no stop request
                    self.state = records.transition(
                        self.dir,
                        self.state,
                        state="cancelled",
                        ended_at=records.utc_now(),
                        ended_by="stop",
                        reason=f"cancelled while waiting to start attempt {self.state.attempt}",
                    )
                    self._notify_end()
                return False
            if now >= deadline:
                return True
            if now >= next_beat:
                confine.touch(self.dir / records.HEARTBEAT)
                next_beat = now + self.cfg.heartbeat_s
            select.select([self.wake_r], [], [], min(0.2, deadline - now))
            self.drain_wake()

    def _requeue(self) -> bool:
        """Ask Slurm to requeue this job (a time limit retried): the next attempt starts in a new allocation, with
        the time limit afresh. The scheduler then ends this process; the new one starts the recorded attempt."""
        from experiment_runner.runs.backends import slurm_cli

        job = os.environ.get("SLURM_JOB_ID")
        try:
            if not job:
                raise slurm_cli.SlurmUnavailable("SLURM_JOB_ID is not set")
            slurm_cli.run("scontrol", "requeue", job)
        except Exception as e:  # no requeue: the run ends here, saying why
            self.log(f"requeue failed: {e}")
            self._finish_now(
                "failed", "time_limit", f"the time limit was to be retried by requeueing job {job}, which failed: {e}"
            )
            return True
        self.log(f"job {job} requeued for attempt {self.state.attempt}")
        return True

    def _after_requeue(self) -> bool:
        """The scheduler started this run's job again. When the previous supervisor asked for it (a time limit
        retried) the recorded next attempt starts; otherwise (preemption, node failure, scontrol requeue) the
        attempt that was going is closed here and the retry policy decides. True when an attempt is to start."""
        st = self.state
        n = st.attempt
        if st.attempts and st.attempts[-1].attempt == n - 1 and st.attempts[-1].retried and st.pid is None:
            return True
        restarts = os.environ.get("SLURM_RESTART_COUNT", "?")
        first, last = attempts.steps_of(self.dir, n)
        exit_info = records.read_exit(self.dir) or {}
        logs = attempts.archive(self.dir, n)
        on = self.policy.on
        cause: RetryCause = "preemption" if "preemption" in on or "node_fail" not in on else "node_fail"
        decision = retry.decide(self.policy, cause, n, logged_step=True)
        why = (
            f"the scheduler requeued its job (restart {restarts}: preemption, node failure or scontrol requeue) "
            f"while attempt {n} ran"
        )
        record = AttemptRecord(
            attempt=n,
            started_at=st.attempt_started_at or st.started_at,
            ended_at=exit_info.get("ended_at") or records.utc_now(),
            pid=st.pid,
            exit_code=exit_info.get("exit_code"),
            signal=exit_info.get("signal"),
            ended_by="requeued",
            reason=why,
            cause=cause,
            retried=decision.retry,
            resume_from=st.resume_from,
            first_step=first,
            last_step=last,
            logs=logs,
        )
        if not decision.retry:
            self.state = st.model_copy(update={"attempts": [*st.attempts, record]})
            self._finish_now("failed", "requeued", f"{why}; not retried: {decision.why}")
            return False
        self.state = records.transition(
            self.dir,
            st,
            state="queued",
            attempts=[*st.attempts, record],
            attempt=n + 1,
            pid=None,
            pid_start=None,
            pid_start_ticks=None,
            reason=f"{why}; {decision.why}",
        )
        self.log(self.state.reason or "")
        return True

    # --- the end -----------------------------------------------------------------------------------------------

    def _finish(self, end: AttemptEnd, final: str | None, ended_by: str, reason: str) -> None:
        info = end.exit_info
        if self.metrics is not None:
            self.metrics.close()
        self._ingest_metric_files(time.time())
        if final is None:
            # Ended on the scheduler's signal: the record keeps the exit, and the backend writes the final state from
            # what the scheduler says (TIMEOUT, PREEMPTED, OUT_OF_MEMORY ...), or the job comes back (a requeue).
            self.state = records.transition(
                self.dir,
                self.state,
                exit_code=info.get("exit_code"),
                signal=info.get("signal"),
                stop_signal=end.stop_signal,
                reason=f"{reason}; waiting for the scheduler's final state",
                output_bytes=end.output or None,
            )
            self.log(f"run ended by the scheduler ({reason}); the final state is the scheduler's")
            return
        self.state = records.transition(
            self.dir,
            self.state,
            state=final,
            ended_at=info.get("ended_at") or records.utc_now(),
            exit_code=info.get("exit_code"),
            signal=info.get("signal"),
            ended_by=ended_by,
            stop_signal=end.stop_signal,
            reason=reason,
            output_bytes=end.output or None,
        )
        self.log(f"run ended: {final} ({reason})")
        self._notify_end()

    def _finish_now(self, final: str, ended_by: str, reason: str) -> None:
        self.state = records.transition(
            self.dir, self.state, state=final, ended_at=records.utc_now(), ended_by=ended_by, reason=reason
        )
        self.log(f"run ended: {final} ({reason})")
        self._notify_end()

    def _notify_end(self) -> None:
        try:
            notify.fire(self.dir, self.plan, "run_ended")
        except Exception as e:  # a hook is an aid: the run's record is already written
            self.log(f"notification not sent: {e!r}")

    def _ingest_metric_files(self, now: float) -> None:
        """The exact metric files the run wrote (metricfiles.py), added after its parsed output. The live health
        monitor does not see them: fed after the parsed values, a file's early values would read as a relapse."""
        started = records.iso_to_unix(self.state.started_at)
        if started is None:
            return
        # the working folder, and the checkpoint folder the run was given (under the store by default, which the
        # walk of the working folder skips)
        try:
            from experiment_runner.runs import metricfiles

            metricfiles.ingest(self.dir, [Path(self.spec.cwd), self.ckpt_dir], started - 1.0, now)
        except Exception as e:  # the files are an aid: a failure here never loses the run's record
            self.log(f"metric files not read: {e!r}")

    def _job_exit_code(self) -> int:
        """Locally the supervisor exits 0. As a scheduler's job it exits as the run did (128+N for signal N), so the
        scheduler's own record (FAILED, ExitCode) agrees with the run's."""
        if self.spec.backend == "local" or not self.last_exit:
            return 0
        if self.last_exit.get("signal"):
            return 128 + int(self.last_exit["signal"])
        return int(self.last_exit.get("exit_code") or 0) & 0xFF

    # --- what the attempt tells the supervisor -----------------------------------------------------------------

    def first_step_seen(self, child: Child, step: int) -> None:
        """The attempt logged its first step: from the second attempt on, did it go on where the others stopped?"""
        if child.attempt == 1:
            return
        earlier = [(a.first_step, a.last_step) for a in self.state.attempts]
        self.resumed = attempts.resumed(step, earlier)
        if self.resumed is not False:
            return
        reach = max(last for _, last in earlier if last is not None)
        offered = (
            f"$EXPERIMENT_RUNNER_RESUME pointed at {self.state.resume_from}"
            if self.state.resume_from
            else f"no complete checkpoint was found in {self.ckpt_dir} to resume from"
        )
        self._signals["not_resumed"] = HealthSignal(
            code="not_resumed",
            severity="warning",
            message=f"attempt {child.attempt} started again at step {step} although an earlier attempt reached step "
            f"{reach}; {offered}. The script does not resume: each attempt trains from the start (load the "
            "checkpoint in $EXPERIMENT_RUNNER_RESUME, and save checkpoints to $EXPERIMENT_RUNNER_CHECKPOINT_DIR)",
            step=step,
            since=time.time(),
        )

    def observe_records(self, recs: list[dict], now: float) -> None:
        if self.watch is not None and self.watch.best_name is not None:
            self.watch.observe(recs, now)

    def look_at_checkpoints(self, now: float, *, settled: bool = False) -> None:
        if self.watch is None:
            return
        try:
            found = self.watch.look(now, settled=settled)
        except Exception as e:  # an aid: never the reason a run fails
            self.log(f"checkpoint folder not looked at: {e!r}")
            return
        if found is None:
            self._signals.pop("disk_filling", None)
        else:
            self._signals["disk_filling"] = found

    def run_signals(self) -> list[HealthSignal]:
        return list(self._signals.values())

    def health_changed(self, signals: list[HealthSignal]) -> None:
        """Tell the hook once per attempt about each signal that turns critical."""
        for s in signals:
            if s.severity == "critical" and s.code not in self._critical:
                self._critical.add(s.code)
                try:
                    notify.fire(self.dir, self.plan, "health_critical", key=f"{s.code}-{self.state.attempt}")
                except Exception as e:
                    self.log(f"notification not sent: {e!r}")


def _iso_in(seconds: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(time.time() + seconds, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _scheduler_facts(backend: str) -> dict:
    """Who runs the supervisor: the backend, and under Slurm the job as the node sees it."""
    facts: dict = {"backend": backend}
    if backend == "slurm":
        env = os.environ
        job = env.get("SLURM_JOB_ID")
        if env.get("SLURM_ARRAY_JOB_ID") and env.get("SLURM_ARRAY_TASK_ID"):
            job = f"{env['SLURM_ARRAY_JOB_ID']}_{env['SLURM_ARRAY_TASK_ID']}"
        facts.update(
            {
                k: v
                for k, v in {
                    "job_id": job,
                    "node": env.get("SLURMD_NODENAME") or os.uname().nodename,
                    "slurm_job_id": env.get("SLURM_JOB_ID"),
                    "restarts": int(env.get("SLURM_RESTART_COUNT", "0") or 0),
                }.items()
                if v is not None
            }
        )
    return facts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m experiment_runner.runs.detached.supervisor")
    p.add_argument("run_dir")
    p.add_argument("--launch-file", required=True)
    p.add_argument("--ready-fd", type=int, default=None)
    p.add_argument("--slot", type=int, default=None, help="the CPU slot this run holds (its lock fd is inherited)")
    p.add_argument("--gpus", default="")
    args = p.parse_args(argv)
    gpus = [int(g) for g in args.gpus.split(",") if g.strip()]
    sup = Supervisor(Path(os.path.abspath(args.run_dir)), Path(os.path.abspath(args.launch_file)), args.ready_fd, gpus)
    # Every metric record is a short-lived dict and none forms a cycle: the cyclic collector, run every 700
    # allocations by default, spends about a tenth of the per-line cost finding nothing (measured). Objects made
    # so far are frozen out of its view, and it runs far less often (it still runs: nothing is left to leak).
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        return sup.run()
    except BaseException as e:
        sup.log(f"supervisor failed: {e!r}")
        import traceback

        traceback.print_exc()
        try:
            state = records.read_state(sup.dir)
            if state.state not in TERMINAL_STATES:
                started = state.pid is not None
                records.transition(
                    sup.dir,
                    state,
                    state="failed",
                    ended_at=records.utc_now(),
                    ended_by="supervisor_lost" if started else "start_error",
                    reason=f"the supervisor failed{'' if started else ' before starting the command'}: {e!r}; "
                    f"see {records.SUPERVISOR_LOG}",
                )
        finally:
            sup._ready()
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
