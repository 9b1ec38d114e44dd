"""The local launcher: one detached process per launch_training call that starts the launch's runs, in order, as
slots free up, and exits once the last one has started. It is what makes queueing independent of the server:
the server writes the runs as `queued`, starts this process and returns; a server crash or restart changes
nothing for it.

    python -m experiment_runner.runs.detached.launcher <launch file> [--detach]

With --detach it forks, the child starts a new session and records itself in `<launch>.launcher.json`
(pid + start ticks: queued runs are `lost` if it dies), and the parent exits once that record exists, so the
caller waits only for that. Each run is handed to its own supervisor (runs/detached/supervisor.py), which inherits
the slot locks; the launcher waits until the supervisor has recorded itself, then closes its copies."""

from __future__ import annotations

import argparse
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import procs, records
from experiment_runner.runs.detached import fork
from experiment_runner.runs.model import TERMINAL_STATES
from experiment_runner.runs.slots import SlotPool
from experiment_runner.workspace import confine

POLL_S = 0.15
SWEEP_S = 0.5  # how often queued runs are checked for stop requests
READY_TIMEOUT_S = 120.0


def _log(msg: str) -> None:
    print(f"{records.utc_now()} launcher[{os.getpid()}]: {msg}", file=sys.stderr, flush=True)


class Launcher:
    def __init__(self, launch_file: Path):
        self.launch_file = launch_file
        confine.register_launch(launch_file)
        self.plan = records.read_plan(launch_file)
        confine.register(self.plan.workspace_root, launch_file.parent.parent.parent)
        self.experiment_dir = launch_file.parent.parent
        self.store_root = self.experiment_dir.parent
        self.runs_dir = self.experiment_dir / "runs"
        self.pending: list[str] = list(self.plan.run_ids)
        self.children: dict[int, subprocess.Popen] = {}  # supervisors started, until they end
        self.pool = SlotPool(self.store_root, self.plan.cpu_slots)

    def run_dir(self, run_id: str) -> Path:
        return self.runs_dir / run_id

    def record_self(self) -> None:
        ident = procs.identity(os.getpid())
        atomic_write_json(
            records.launcher_path(self.experiment_dir, self.plan.launch_id),
            {
                "pid": os.getpid(),
                "start_ticks": ident[0] if ident else None,
                "start": ident[1] if ident else time.time(),
                "boot_id": procs.boot_id(),
                "started_at": records.utc_now(),
            },
        )

    def reap(self) -> None:
        """Forget supervisors that ended (and collect their exit status, so none lingers as a zombie)."""
        for pid, proc in list(self.children.items()):
            if proc.poll() is not None:
                del self.children[pid]

    def cancel_stopped(self) -> None:
        """Queued runs with a stop request never start: they are cancelled here. One stat per queued run finds
        the requests; only those runs' states are read."""
        keep = []
        for run_id in self.pending:
            d = self.run_dir(run_id)
            if not confine.exists(d / records.STOP):
                keep.append(run_id)
                continue
            try:
                state = records.read_state(d)
            except (OSError, ValueError):
                _log(f"{run_id}: state unreadable; not started")
                continue
            if state.state not in TERMINAL_STATES:
                stop = records.read_stop(d) or {}
                records.transition(
                    d,
                    state,
                    state="cancelled",
                    ended_at=records.utc_now(),
                    ended_by="stop",
                    reason=f"cancelled while queued (stop requested by {stop.get('by', 'stop_run')}); it never started",
                )
        self.pending = keep

    def loop(self) -> None:
        plan = self.plan
        created_ns, launch_id, max_parallel = plan.created_ns, plan.launch_id, plan.max_parallel
        next_sweep = 0.0
        try:
            while self.pending:
                self.reap()
                if time.monotonic() >= next_sweep:  # the supervisor checks its own run too: this is for the queue
                    self.cancel_stopped()
                    next_sweep = time.monotonic() + SWEEP_S
                if not self.pending:
                    break
                if len(self.children) >= max_parallel:
                    self.pool.drop_ticket(created_ns, launch_id)  # not waiting for the machine: let others go
                    time.sleep(POLL_S)
                    continue
                grant = self.pool.try_acquire(created_ns, launch_id, plan.gpus_per_run, list(plan.gpu_pool))
                if grant is None:
                    time.sleep(POLL_S)
                    continue
                run_id = self.pending.pop(0)
                try:
                    self.start(run_id, grant)
                finally:
                    grant.close()
        finally:
            self.pool.drop_ticket(created_ns, launch_id)

    def start(self, run_id: str, grant) -> None:
        d = self.run_dir(run_id)
        r, w = os.pipe()
        cmd = [
            sys.executable,
            "-m",
            "experiment_runner.runs.detached.supervisor",
            str(d),
            "--launch-file",
            str(self.launch_file),
            "--ready-fd",
            str(w),
            "--slot",
            str(grant.slot),
            "--gpus",
            ",".join(map(str, grant.gpus)),
        ]
        with confine.open_file(d / records.SUPERVISOR_LOG, "ab") as log:
            try:
                proc = subprocess.Popen(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    pass_fds=[w, *grant.fds],
                    start_new_session=True,
                    cwd=str(d),
                )
            except OSError as e:
                os.close(r)
                os.close(w)
                self._fail(d, f"could not start the supervisor: {e}")
                return
        os.close(w)
        self.children[proc.pid] = proc
        ready = b""
        deadline = time.monotonic() + READY_TIMEOUT_S
        try:
            while time.monotonic() < deadline:
                rl, _, _ = select.select([r], [], [], 0.5)
                if rl:
                    ready = os.read(r, 16)
                    break
                if proc.poll() is not None:
                    break
        finally:
            os.close(r)
        if not ready:
            code = proc.poll()
            if code is not None:
                self.children.pop(proc.pid, None)
                self._fail(
                    d, f"the supervisor exited with code {code} before starting the run; see {records.SUPERVISOR_LOG}"
                )
            else:
                _log(f"{run_id}: supervisor {proc.pid} not ready after {READY_TIMEOUT_S:.0f} s; leaving it to run")

    def _fail(self, d: Path, why: str) -> None:
        _log(f"{d.name}: {why}")
        try:
            state = records.read_state(d)
        except (OSError, ValueError):
            return
        if state.state in TERMINAL_STATES:
            return
        records.transition(d, state, state="failed", ended_at=records.utc_now(), ended_by="start_error", reason=why)


def _detach(launch_file: Path) -> int:
    """Start the launcher in its own session; return once it has recorded itself."""
    return fork.detach(lambda ready: _run_detached(launch_file, ready))


def _run_detached(launch_file: Path, ready: int) -> int:
    try:
        launcher = Launcher(launch_file)
        launcher.record_self()
        os.write(ready, b"1")
        os.close(ready)
        launcher.loop()
        return 0
    except BaseException as e:  # the launcher's own failure must be on record, never silent
        _log(f"launcher failed: {e!r}")
        import traceback

        traceback.print_exc()
        return 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m experiment_runner.runs.detached.launcher")
    p.add_argument("launch_file")
    p.add_argument("--detach", action="store_true")
    args = p.parse_args(argv)
    launch_file = Path(args.launch_file).resolve()
    if args.detach:
        return _detach(launch_file)
    launcher = Launcher(launch_file)
    launcher.record_self()
    launcher.loop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
