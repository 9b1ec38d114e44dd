"""The local backend: a detached launcher per launch starts the runs as slots free, a supervisor per run owns the
child. This module is what the server side does: start the launcher, judge liveness, relay stop requests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.runs import childenv, procs, records
from experiment_runner.runs.backends.base import Backend, LaunchPlan
from experiment_runner.runs.model import TERMINAL_STATES, RunState, RunView
from experiment_runner.runs.verdict import verdict_from_exit
from experiment_runner.workspace import confine

#: A queued run whose launcher never recorded itself this long after launch is lost.
LAUNCHER_START_GRACE_S = 60.0
LAUNCHER_START_TIMEOUT_S = 60.0


class LocalBackend(Backend):
    name = "local"

    def submit(self, plan: LaunchPlan) -> dict:
        launch_file = records.launch_path(plan.exp_dir, plan.launch_id)
        log_path = launch_file.with_suffix(".log")
        with confine.open_file(log_path, "ab") as log:
            # The launcher forks into its own session and this child returns once it has recorded itself, so the
            # server holds no pipe and no child of a run; a server crash leaves the launch going.
            proc = subprocess.Popen(
                [sys.executable, "-m", "experiment_runner.runs.detached.launcher", str(launch_file), "--detach"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                close_fds=True,
                env=childenv.strip_secrets(os.environ),  # the launcher, its supervisors and runs never see them
            )
        try:
            code = proc.wait(timeout=LAUNCHER_START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
        if code != 0:
            tail = confine.read_text(log_path, errors="replace")[-2000:] if confine.exists(log_path) else ""
            raise UserError(
                f"the local launcher for launch {plan.launch_id} did not start (exit {code}); its log "
                f"{log_path} ends with:\n{tail}"
            )
        return {"launcher_log": str(log_path)}

    # --- liveness ------------------------------------------------------------------------------------------------

    def reconcile(self, run: RunView) -> RunState | None:
        state = run.state
        if state.state in TERMINAL_STATES:
            return None
        if state.supervisor_pid is None:
            return self._reconcile_queued(run)
        verdict = procs.check(state.supervisor_pid, state.supervisor_start_ticks, state.boot_id, state.supervisor_start)
        if verdict == "alive":
            return None
        # The supervisor is gone. It may have written its final state a moment ago: read again before judging.
        try:
            fresh = records.read_state(run.dir)
        except (OSError, ValueError):
            fresh = state
        if fresh.state in TERMINAL_STATES or fresh.supervisor_pid != state.supervisor_pid:
            return fresh if fresh != state else None
        sup_desc = (
            f"its supervisor (pid {state.supervisor_pid}) is gone"
            if verdict == "dead"
            else f"its supervisor's pid {state.supervisor_pid} now belongs to another process"
        )
        exit_info = records.read_exit(run.dir)
        now = records.utc_now()
        if exit_info is not None:
            code, sig = exit_info.get("exit_code"), exit_info.get("signal")
            judged = verdict_from_exit(code, sig, "local")
            return fresh.model_copy(
                update={
                    "state": judged.state,
                    "exit_code": code,
                    "signal": sig,
                    "ended_by": judged.ended_by,
                    "updated_at": now,
                    "ended_at": exit_info.get("ended_at") or now,
                    "reason": f"{judged.reason}; {sup_desc} and did not finish its records (logs and metrics may lack "
                    "the last moments)",
                }
            )
        child = procs.check(state.pid, state.pid_start_ticks, state.boot_id, state.pid_start)
        if state.pid is None and state.attempts:
            ended_by = "supervisor_lost"
            why = f"{sup_desc}: it died while waiting to start attempt {state.attempt} (see {records.SUPERVISOR_LOG})"
        elif state.pid is None:
            ended_by = "supervisor_lost"
            why = f"{sup_desc}: it died before starting the command (see {records.SUPERVISOR_LOG} in the run folder)"
        elif child == "other":
            ended_by = "pid_reused"
            why = (
                f"{sup_desc}, and the run's recorded pid {state.pid} now belongs to another process (started at a "
                "different time): the run's own process is gone; nothing was or will be sent to that pid"
            )
        elif child == "alive":
            ended_by = "supervisor_lost"
            why = (
                f"{sup_desc} while the run's process (pid {state.pid}) was still alive at {now}; its output is no "
                "longer captured (stop_run ends it)"
            )
        else:
            ended_by = "supervisor_lost"
            why = (
                f"{sup_desc} and the run's process (pid {state.pid}) is gone too, with no exit recorded "
                "(both killed together, e.g. by the out-of-memory killer or a reboot)"
            )
        return fresh.model_copy(
            update={"state": "lost", "ended_by": ended_by, "reason": why, "updated_at": now, "ended_at": now}
        )

    def _reconcile_queued(self, run: RunView) -> RunState | None:
        launcher = _read_launcher(run.dir.parent.parent, run.spec.launch_id)
        now = records.utc_now()
        if launcher is None:
            created = records.iso_to_unix(run.spec.created_at) or 0.0
            if time.time() - created < LAUNCHER_START_GRACE_S:
                return None
            why = f"no launcher ever recorded itself for launch {run.spec.launch_id}, so nothing will start this run"
        else:
            verdict = procs.check(
                launcher.get("pid"), launcher.get("start_ticks"), launcher.get("boot_id"), launcher.get("start")
            )
            if verdict == "alive":
                return None
            try:
                fresh = records.read_state(run.dir)
            except (OSError, ValueError):
                fresh = run.state
            if fresh.state != "queued" or fresh.supervisor_pid is not None:
                return fresh if fresh != run.state else None
            why = (
                f"its launcher (pid {launcher.get('pid')}) ended before starting it; see {run.spec.launch_id}.log "
                "in launches/"
            )
        return run.state.model_copy(
            update={"state": "lost", "ended_by": "launcher_lost", "reason": why, "updated_at": now, "ended_at": now}
        )

    # --- stopping ------------------------------------------------------------------------------------------------

    def stop(self, run: RunView, grace_s: float, by: str) -> str:
        state = run.state
        if state.state in ("completed", "failed", "cancelled"):
            return f"already {state.state}"
        records.request_stop(run.dir, grace_s=grace_s, by=by)
        if state.state == "lost":
            return _stop_orphan(run, grace_s)
        if state.state == "queued" and state.supervisor_pid is None:
            return "stop requested: its launcher cancels it before it starts"
        return f"stop requested: its supervisor sends SIGTERM now and SIGKILL after {grace_s:g} s"


def _read_launcher(experiment_dir: Path, launch_id: str) -> dict | None:
    try:
        data = records.read_json(records.launcher_path(experiment_dir, launch_id))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _stop_orphan(run: RunView, grace_s: float) -> str:
    """A lost run whose process outlived its supervisor: end its session ourselves, identity checked first."""
    state = run.state
    if state.pid is None:
        return "nothing to stop: its processes are gone"  # none was ever recorded
    pid = state.pid
    verdict = procs.check(pid, state.pid_start_ticks, state.boot_id, state.pid_start)
    members = procs.session_members(pid) if verdict != "other" else []
    if verdict == "other":
        return f"nothing sent: pid {state.pid} now belongs to another process"
    if verdict != "alive" and not members:
        return "nothing to stop: its processes are gone"
    procs.signal_session(pid, state.pid_start_ticks, signal.SIGTERM)
    gone = procs.wait_gone(lambda: bool(procs.session_members(pid)), grace_s)
    used = "SIGTERM"
    if not gone:
        procs.signal_session(pid, state.pid_start_ticks, signal.SIGKILL)
        procs.wait_gone(lambda: bool(procs.session_members(pid)), 5.0)
        used = "SIGKILL"
    how = "SIGTERM" if used == "SIGTERM" else f"SIGTERM, then SIGKILL after the {grace_s:g} s grace period"
    records.transition(
        run.dir,
        state,
        stop_signal=used,
        reason=f"{state.reason}; its leftover processes were stopped by stop_run: {how}",
    )
    return f"its unsupervised processes were ended: {how}"


BACKEND = LocalBackend()
