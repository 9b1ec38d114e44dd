"""One attempt of a run: the child process from start to reaping, inside its supervisor.

- the child gets its own session and process group, stdin from /dev/null, its output on two pipes that only the
  supervisor reads; output goes to the capped logs (runs/logcap.py) and through one MetricParser per stream;
- the JSON lines the run logs itself ($EXPERIMENT_RUNNER_METRICS) are tailed and merged into metrics.jsonl, each
  line tagged with the attempt from the second on;
- health (HealthMonitor) and telemetry (TelemetrySampler, every runs.telemetry_s) are updated as data arrive; the
  checkpoint folder is looked at every checkpoints.check_s (disk use, keep-last/keep-best, free space);
- SIGUSR1 goes to the run runs.limit_signal_s before its time limit (its own, or the Slurm job's through sbatch
  --signal), so it can save a checkpoint; the time limit, stop requests (stop.json) and NaN/Inf losses
  (runs.stop_on_nan) end the run with SIGTERM to its whole session, then SIGKILL after the grace period;
- the exit code or signal is written to exit.json the moment the child is reaped."""

from __future__ import annotations

import errno
import json
import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import procs, records
from experiment_runner.runs.logcap import CappedLogWriter
from experiment_runner.runs.metricsio import RESERVED, encode_record, encode_records
from experiment_runner.runs.model import HealthSignal
from experiment_runner.workspace import confine

if TYPE_CHECKING:
    from experiment_runner.runs.detached.supervisor import Supervisor
    from experiment_runner.runs.telemetry import TelemetrySampler

READ_CHUNK = 1 << 16
TICK_S = 0.2  # metrics flush, stop-request and limit checks
HELD_SIGNAL_S = 1.0  # a held SIGUSR1 is tried this often (each try reads the session's processes from /proc)
COALESCE_S = 0.05  # pause after reading a trickle of output (see loop)
TRICKLE_BYTES = 256 * 1024  # less than this waiting at a wake-up is a trickle (a few lines), not a flood
PIPE_BYTES = 1 << 20  # the output pipes' capacity: room for a 50 ms pause at 20 MB/s of output
DRAIN_AFTER_EXIT_S = 2.0  # output still arriving from the child's leftovers after it exits
LEFTOVER_GRACE_S = 2.0


@dataclass
class AttemptEnd:
    """How an attempt ended. `ending`: (ended_by, reason, final state or None for the scheduler's) when the
    supervisor ended it; `exit_info` the reaped exit."""

    exit_info: dict
    ending: tuple[str, str, str | None] | None
    stop_signal: str | None
    grace: float
    took_s: float
    output: dict[str, int]
    first_step: int | None
    last_step: int | None
    logged: bool
    oom_killed: bool
    signals: list[HealthSignal] = field(default_factory=list)


def _as_number(v):
    if isinstance(v, str):
        return {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")}.get(v.strip().lower(), v)
    return v


class Child:
    def __init__(self, sup: Supervisor, attempt: int):
        from experiment_runner.runs.health import HealthMonitor
        from experiment_runner.runs.metrics_parse import MetricParser

        if sup.metrics is None:
            raise RuntimeError("the supervisor opens metrics.jsonl before it starts an attempt")
        self.sup = sup
        self.cfg = sup.cfg
        self.metrics = sup.metrics
        self.attempt = attempt
        cap = int(self.cfg.log_cap_mb * 2**20)
        self.logs = {
            "stdout": CappedLogWriter(sup.dir, "stdout", cap),
            "stderr": CappedLogWriter(sup.dir, "stderr", cap),
        }
        self.parsers = {"stdout": MetricParser(), "stderr": MetricParser()}
        self.health = HealthMonitor(self.cfg)
        self.pending: list[str] = []  # metrics.jsonl lines not yet written
        self.sampler: TelemetrySampler | None = None
        self._health_written: list | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.child_ticks: int | None = None
        self.started_mono = 0.0
        self.ending: tuple[str, str, str | None] | None = None
        self.term_sent_at: float | None = None
        self.kill_at: float | None = None
        self.grace = 0.0
        self.stop_signal: str | None = None
        self.exit_info: dict | None = None
        self.exited_mono: float | None = None
        self.leftovers_termed_at: float | None = None
        self.limit_signalled = False
        self.usr1_held: str | None = None  # why SIGUSR1 is due, while no process of the run catches it yet
        self.usr1_next_try = 0.0
        self.end_for_limit_at: float | None = None
        self.first_step: int | None = None
        self.last_step: int | None = None
        self.logged = False
        self.oom_before = procs.oom_kills()

    # --- start -------------------------------------------------------------------------------------------------

    def start(self, argv: list[str], env: dict[str, str]) -> None:
        """Start the child (OSError if it cannot be)."""
        self.proc = subprocess.Popen(
            argv,
            cwd=self.sup.spec.cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            close_fds=True,
        )
        self.started_mono = time.monotonic()
        for pipe in (self.proc.stdout, self.proc.stderr):
            if pipe is not None:  # always, with stdout and stderr set to PIPE
                _grow_pipe(pipe.fileno())
        ident = procs.identity(self.proc.pid)
        self.child_ticks = ident[0] if ident else None
        self.pid_start = ident[1] if ident else None

    @property
    def running(self) -> subprocess.Popen[bytes]:
        """The started child process: everything after start() (the loop, ending, reaping) works on it."""
        if self.proc is None:
            raise RuntimeError("the child process has not been started")
        return self.proc

    def kill_now(self, why: str) -> None:
        """The supervisor failed inside the loop: never leave the child unsupervised."""
        if self.proc is None or self.exit_info is not None:
            return
        if self.ending is None:
            self.ending = ("supervisor_lost", why, "failed")
            self.term_sent_at, self.grace = time.monotonic(), 0.0
        self.stop_signal = "SIGKILL"
        procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
        self.proc.wait()
        self._record_exit(time.time())

    # --- the loop ----------------------------------------------------------------------------------------------

    def loop(self) -> None:
        sup = self.sup
        proc = self.running
        if proc.stdout is None or proc.stderr is None:
            raise RuntimeError("the child was started without its output pipes")
        sel = selectors.DefaultSelector()
        fds = {proc.stdout.fileno(): "stdout", proc.stderr.fileno(): "stderr"}
        for fd in fds:
            os.set_blocking(fd, False)
            sel.register(fd, selectors.EVENT_READ)
        sel.register(sup.wake_r, selectors.EVENT_READ)
        open_fds = set(fds)

        now_m = time.monotonic()
        next_tick = now_m + TICK_S
        next_beat = now_m + self.cfg.heartbeat_s
        next_sample = now_m + min(1.0, self.cfg.telemetry_s)  # an early first reading, then the configured pace
        next_health = now_m + 1.0
        next_ckpt = now_m + min(5.0, self.cfg.checkpoints.check_s)
        # Under a scheduler the job's own limit (sbatch --time) ends the run, and the scheduler says so.
        time_limit = sup.spec.time_limit_s if sup.spec.backend == "local" else None

        while True:
            now_m = time.monotonic()
            wait = max(0.0, min(next_tick, next_beat, next_sample, next_health) - now_m)
            trickle = flood = False
            for key, _ in sel.select(wait):
                fd = key.fd
                if fd == sup.wake_r:
                    sup.drain_wake()
                    continue
                if self._read(fd, fds[fd], sel, open_fds):
                    trickle = True
                else:
                    flood = True
            if trickle and not flood and self.exit_info is None:
                # Output arrives a line at a time (a print per step): let it gather in the pipe for a moment, so
                # one wake-up reads many lines instead of one. The pipe holds PIPE_BYTES, so a trickling run never
                # waits on us; a flooding one is read again at once.
                time.sleep(COALESCE_S)
            now_m = time.monotonic()
            now = time.time()

            if self.exit_info is None and proc.poll() is not None:
                self._record_exit(now)
            self._on_signals()

            if now_m >= next_tick:
                next_tick = now_m + TICK_S
                self.collect_user_metrics(now)
                self.flush_metrics()
                if self.ending is None and self.exit_info is None:
                    self._check_ends(now_m, time_limit)
                    if self.usr1_held is not None and now_m >= self.usr1_next_try:
                        self._deliver_usr1(self.usr1_held)
                self._escalate(now_m)
            if now_m >= next_beat:
                next_beat = now_m + self.cfg.heartbeat_s
                confine.touch(sup.dir / records.HEARTBEAT)
            if now_m >= next_sample:
                next_sample = now_m + self.cfg.telemetry_s
                if self.exit_info is None:
                    self._sample(now)
            if now_m >= next_ckpt:
                next_ckpt = now_m + self.cfg.checkpoints.check_s
                sup.look_at_checkpoints(now)
            if now_m >= next_health:
                next_health = now_m + 1.0
                self.write_health(now)

            if self.exit_info is not None:
                since = now_m - (self.exited_mono or now_m)
                if not open_fds:
                    break
                if since > DRAIN_AFTER_EXIT_S and self.leftovers_termed_at is None:
                    # The child is gone but something it started still holds the pipes: end the session.
                    self.leftovers_termed_at = now_m
                    procs.signal_session(proc.pid, self.child_ticks, signal.SIGTERM, leader_is_our_child=True)
                elif self.leftovers_termed_at is not None and now_m - self.leftovers_termed_at > LEFTOVER_GRACE_S:
                    procs.signal_session(proc.pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
                    if now_m - self.leftovers_termed_at > LEFTOVER_GRACE_S + 1.0:
                        break  # a process outside the session holds the pipe: stop reading
        sel.close()

    def _on_signals(self) -> None:
        """Signals the supervisor received: SIGUSR1 (the scheduler's warning before the time limit) is passed on;
        SIGTERM, SIGINT and SIGHUP end the run."""
        sup = self.sup
        if sup.take_usr1() and self.exit_info is None:
            self._signal_limit_near("the scheduler's time limit is near (sbatch --signal)")
            if sup.limit_warned() and self.ending is None:
                # time to save a checkpoint (at most half the warning, and the grace period), then the attempt ends
                wait = min(self.cfg.limit_signal_s / 2, self.cfg.stop_grace_s)
                self.end_for_limit_at = time.monotonic() + max(1.0, wait)
        sig = sup.signalled
        if sig is None or self.ending is not None:
            return
        stop = records.read_stop(sup.dir)
        if stop is not None:  # stop_run under a scheduler arrives as scancel's SIGTERM
            grace = float(stop.get("grace_s", self.cfg.stop_grace_s))
            self.end("stop", f"stopped by {stop.get('by', 'stop_run')}", "cancelled", grace)
        elif sup.spec.backend != "local":
            # The scheduler is ending the job (time limit, preemption, requeue, memory, scancel by someone else): the
            # run is ended here, and the verdict is left to the scheduler (the backend reads its final state).
            self.end(
                "scheduler", f"the scheduler sent {procs.signal_name(sig)} to the job", None, sup.scheduler_grace()
            )
        else:
            self.end(
                "stop",
                f"the supervisor received {procs.signal_name(sig)} (not a stop_run request) and stopped the run",
                "cancelled",
                self.cfg.stop_grace_s,
            )

    def _check_ends(self, now_m: float, time_limit: float | None) -> None:
        stop = records.read_stop(self.sup.dir)
        ran = now_m - self.started_mono
        if stop is not None:
            grace = float(stop.get("grace_s", self.cfg.stop_grace_s))
            self.end("stop", f"stopped by {stop.get('by', 'stop_run')}", "cancelled", grace)
        elif time_limit is not None and ran > time_limit:
            self.end("time_limit", f"time limit of {time_limit:g} s reached", "failed", self.cfg.stop_grace_s)
        elif self.end_for_limit_at is not None and now_m >= self.end_for_limit_at:
            self.end(
                "time_limit",
                "the job's time limit is near: the attempt ends so that the job can be requeued",
                "failed",
                min(self.cfg.stop_grace_s, self.cfg.limit_signal_s / 4),
            )
        elif self.cfg.stop_on_nan and self.health.nan_detected():
            step = self.health.nan_step()  # None for styles that log no step (HuggingFace, Keras)
            at = f" at step {step}" if step is not None else ""
            self.end(
                "nan_loss",
                f"the loss became NaN/Inf{at}; stopped because runs.stop_on_nan is on",
                "failed",
                self.cfg.stop_grace_s,
            )
        elif (
            time_limit is not None
            and self.cfg.limit_signal_s > 0
            and not self.limit_signalled
            and self.cfg.limit_signal_s < time_limit
            and ran > time_limit - self.cfg.limit_signal_s
        ):
            self._signal_limit_near(f"its time limit of {time_limit:g} s is {self.cfg.limit_signal_s:g} s away")

    def _signal_limit_near(self, why: str) -> None:
        self.limit_signalled = True
        self._deliver_usr1(why, first=True)

    def _deliver_usr1(self, why: str, first: bool = False) -> None:
        """SIGUSR1 to the processes of the run that catch it. A process without a handler would be ended by it
        (its default action), so while none has one (a script still starting, or one that never saves on the
        signal) it is held and tried again every HELD_SIGNAL_S; the attempt still ends at the limit as it would."""
        pid = self.running.pid
        sent = procs.signal_catchers(pid, signal.SIGUSR1)
        if sent is None:  # handlers cannot be read here: the whole session, as the signal was always sent
            procs.signal_session(pid, self.child_ticks, signal.SIGUSR1, leader_is_our_child=True)
            self.sup.log(f"{why}: SIGUSR1 to session {pid} so the run can save a checkpoint")
        elif sent[0]:
            self.sup.log(
                f"{why}: SIGUSR1 to {sent[0]} of the {sent[1]} process(es) of session {pid} that catch it, so the "
                "run can save a checkpoint" + ("" if first else " (held until one had a handler)")
            )
        else:
            if first:
                self.sup.log(
                    f"{why}: no process of session {pid} catches SIGUSR1 yet; it is held until one does (it would "
                    "end the run now)"
                )
            self.usr1_held = why
            self.usr1_next_try = time.monotonic() + HELD_SIGNAL_S
            return
        self.usr1_held = None

    def _read(self, fd: int, stream: str, sel, open_fds: set) -> bool:
        """Read what is there now, bounded, so one flooding stream cannot starve the other or the timers. True when
        the stream only trickled (little was waiting): then a short pause lets lines gather. A stream that had a lot
        waiting is read again at once, so a run that floods its output is never held back by the pause."""
        total = 0
        for _ in range(16):
            try:
                data = os.read(fd, READ_CHUNK)
            except BlockingIOError:
                return total < TRICKLE_BYTES
            except OSError as e:
                if e.errno == errno.EINTR:
                    continue
                data = b""
            if not data:
                sel.unregister(fd)
                open_fds.discard(fd)
                return False
            total += len(data)
            self._handle(stream, data)
            if len(data) < READ_CHUNK:
                return total < TRICKLE_BYTES
        return False

    def _handle(self, stream: str, data: bytes) -> None:
        now = time.time()
        self.logs[stream].write(data)
        self.health.observe_output(now)
        records_ = self.parsers[stream].feed(data)
        if records_:
            self._take(records_, stream, now)

    def _steps(self, recs: list[dict]) -> None:
        """The attempt's first and latest step (from the end of the batch: one look per batch, as a rule)."""
        self.logged = True
        if self.first_step is None:
            first = next((r["step"] for r in recs if type(r.get("step")) is int), None)
            if first is None:
                return
            self.first_step = first
            self.sup.first_step_seen(self, first)
        for r in reversed(recs):
            step = r.get("step")
            if type(step) is int:
                self.last_step = step
                return

    def _take(self, recs: list[dict], source: str, now: float) -> None:
        lines, kept = encode_records(recs, source, f"{now:.6f}", self.attempt)
        pending = self.pending
        if kept:  # the common case: every record had a number to store
            self.health.observe_batch(recs, now)
            pending.extend(cast("list[str]", lines))  # kept: encode_records says no line is None
            self._steps(recs)
        else:  # records without a single numeric value are neither stored nor observed
            good = [r for r, line in zip(recs, lines) if line is not None]
            self.health.observe_batch(good, now)
            pending.extend(line for line in lines if line is not None)
            if good:
                self._steps(good)
        self.sup.observe_records(recs, now)
        if len(pending) >= 20000:
            self.flush_metrics()

    def collect_user_metrics(self, now: float) -> None:
        recs = self.sup.user_tail.read_new()
        time_text = f"{now:.6f}"
        for r in recs:
            line = encode_record(r, "user", time_text, self.attempt)  # keeps the run's own timestamp
            if line is None:
                continue
            # The health monitor reads numbers: the run's own "nan"/"inf" strings become floats first.
            numbers = {
                k: (v if k == "step" else _as_number(v)) for k, v in r.items() if k not in RESERVED or k == "step"
            }
            self.health.observe_metrics(numbers, now)
            self._steps([numbers])
            self.sup.observe_records([numbers], now)
            self.pending.append(line)

    def flush_metrics(self) -> None:
        if self.pending:
            self.metrics.write_lines("".join(self.pending).encode(), len(self.pending))
            self.pending = []

    def _sample(self, now: float) -> None:
        sup = self.sup
        try:
            if self.sampler is None:
                from experiment_runner.runs.telemetry import TelemetrySampler

                self.sampler = TelemetrySampler(self.running.pid, _telemetry_ordinals(sup.gpus, sup.spec.backend))
            sample = self.sampler.sample()
        except Exception as e:  # telemetry is an aid: a failing probe must never end the run
            sup.log(f"telemetry sample failed: {e!r}")
            return
        self.health.observe_telemetry(sample, now)
        with confine.open_file(sup.dir / records.TELEMETRY, "ab") as f:
            f.write((json.dumps(sample, default=str) + "\n").encode())

    def signals(self, now: float) -> list[HealthSignal]:
        return [*self.health.signals(now), *self.sup.run_signals()]

    def write_health(self, now: float) -> None:
        try:
            found = self.signals(now)
        except Exception as e:
            self.sup.log(f"health signals failed: {e!r}")
            return
        dumped = [s.model_dump(mode="json", exclude_none=True) for s in found]
        if dumped != self._health_written:
            atomic_write_json(self.sup.dir / records.HEALTH, dumped)
            self._health_written = dumped
            self.sup.health_changed(found)

    # --- ending ------------------------------------------------------------------------------------------------

    def end(self, ended_by: str, reason: str, final: str | None, grace: float) -> None:
        """Begin ending the run: SIGTERM to its session now, SIGKILL once `grace` seconds pass. `final` None: the
        final state is the scheduler's to say."""
        if self.ending is not None or self.exit_info is not None:
            return
        self.ending = (ended_by, reason, final)
        self.term_sent_at = time.monotonic()
        self.kill_at = self.term_sent_at + max(0.0, grace)
        self.grace = grace
        self.stop_signal = "SIGTERM"
        pid = self.running.pid
        self.sup.log(f"ending the run ({ended_by}): {reason}; SIGTERM to session {pid}")
        procs.signal_session(pid, self.child_ticks, signal.SIGTERM, leader_is_our_child=True)

    def _escalate(self, now_m: float) -> None:
        if self.kill_at is None or now_m < self.kill_at:
            return
        pid = self.running.pid
        alive = self.exit_info is None or procs.session_members(pid)
        if alive:
            if self.exit_info is None:
                self.stop_signal = "SIGKILL"
            self.sup.log(f"grace period of {self.grace:g} s over; SIGKILL to session {pid}")
            procs.signal_session(pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
        self.kill_at = now_m + 1.0 if alive else None

    def _record_exit(self, now: float) -> None:
        code = self.running.returncode
        self.exited_mono = time.monotonic()
        info = {
            "exit_code": code if code >= 0 else None,
            "signal": -code if code < 0 else None,
            "ended_at": records.utc_now(),
            "time": now,
            "attempt": self.attempt,
        }
        atomic_write_json(self.sup.dir / records.EXIT, info)
        self.exit_info = info

    def finish(self) -> AttemptEnd:
        """Flush what the attempt produced (parsers, user metrics, logs, health) and say how it ended."""
        sup = self.sup
        now = time.time()
        for stream, parser in self.parsers.items():
            try:
                recs = parser.flush()
            except Exception as e:
                sup.log(f"{stream} parser flush failed: {e!r}")
                recs = []
            if recs:
                self._take(recs, stream, now)
        self.collect_user_metrics(now)
        self.flush_metrics()
        try:
            found = self.signals(now)
        except Exception as e:
            sup.log(f"health signals failed: {e!r}")
            found = []
        self.write_health(now)
        output = {}
        for stream, log in self.logs.items():
            output[stream] = log.total
            try:
                log.close()
            except OSError as e:
                sup.log(f"joining the {stream} log failed: {e!r}")
        info = self.exit_info or {}
        oom_after = procs.oom_kills()
        return AttemptEnd(
            exit_info=info,
            ending=self.ending,
            stop_signal=self.stop_signal,
            grace=self.grace,
            took_s=(self.exited_mono or time.monotonic()) - (self.term_sent_at or 0),
            output=output,
            first_step=self.first_step,
            last_step=self.last_step,
            logged=self.logged,
            oom_killed=bool(info.get("signal") == signal.SIGKILL and oom_after and oom_after > (self.oom_before or 0)),
            signals=found,
        )


def _grow_pipe(fd: int) -> None:
    """Enlarge a pipe (Linux F_SETPIPE_SZ, up to /proc/sys/fs/pipe-max-size) so the run rarely waits on us."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass  # over the system's limit, or not Linux: the default 64 KiB still works, with more wake-ups


def _telemetry_ordinals(gpus: list[int], backend: str) -> list[int]:
    """Positions in this process's CUDA_VISIBLE_DEVICES of the run's GPUs (the telemetry sampler's numbering).
    Local runs get GPU ids from the server's visible list (or NVML indices when none is set); a Slurm job is
    given its GPUs by the scheduler, through CUDA_VISIBLE_DEVICES: all of them are the run's."""
    visible = [e.strip() for e in os.environ.get("CUDA_VISIBLE_DEVICES", "").split(",") if e.strip()]
    if backend != "local" and not gpus:
        return list(range(len(visible)))
    if not visible:
        return list(gpus)
    return [visible.index(str(g)) for g in gpus if str(g) in visible]
