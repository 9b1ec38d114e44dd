"""The per-run supervisor: `python -m experiment_runner.runs.supervisor <run dir> --launch-file F --ready-fd N`.

Started by the launcher in its own session, it owns one run's child from start to end:
- the child gets its own session and process group, stdin from /dev/null, its output on two pipes that only
  the supervisor reads; output goes to the capped logs (runs/logcap.py) and through one MetricParser per stream;
- the JSON lines the run logs itself ($EXPERIMENT_RUNNER_METRICS) are tailed and merged into metrics.jsonl;
- health (HealthMonitor) and telemetry (TelemetrySampler, every runs.telemetry_s) are updated as data arrive;
- the time limit, stop requests (stop.json, from stop_run) and NaN/Inf losses (runs.stop_on_nan) end the run
  with SIGTERM to its whole session, then SIGKILL after the grace period; the state says which it took;
- the exit code or signal is written to exit.json the moment the child is reaped, then the final state.

Every state change is one atomic replace of state.json. The heartbeat is the mtime of `heartbeat` (a utime call
every runs.heartbeat_s), kept out of state.json so the state file changes only on transitions: a heartbeat can
never race with or tear a transition, and a reader gets it from one stat. The supervisor holds the run's slot
locks (inherited fds) for its whole life, so the slot frees when it ends, however it ends."""

from __future__ import annotations

import argparse
import errno
import gc
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import childenv, procs, records
from experiment_runner.runs.logcap import CappedLogWriter
from experiment_runner.runs.metricsio import RESERVED, JsonlTail, MetricsAppender, encode_record, encode_records
from experiment_runner.workspace import confine

READ_CHUNK = 1 << 16
TICK_S = 0.2  # metrics flush, stop-request and limit checks
COALESCE_S = 0.05  # pause after reading a trickle of output (see _loop)
TRICKLE_BYTES = 256 * 1024  # less than this waiting at a wake-up is a trickle (a few lines), not a flood
PIPE_BYTES = 1 << 20  # the output pipes' capacity: room for a 50 ms pause at 20 MB/s of output
DRAIN_AFTER_EXIT_S = 2.0  # output still arriving from the child's leftovers after it exits
LEFTOVER_GRACE_S = 2.0


def _log(msg: str) -> None:
    print(f"{records.utc_now()} supervisor[{os.getpid()}]: {msg}", file=sys.stderr, flush=True)


def _as_number(v):
    if isinstance(v, str):
        return {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")}.get(v.strip().lower(), v)
    return v


def _describe_signal(sig: int) -> str:
    return f"signal {sig} ({procs.signal_name(sig)})"


class Supervisor:
    def __init__(self, run_dir: Path, launch_file: Path, ready_fd: int | None, gpus: list[int]):
        from experiment_runner.workspace.config import RunsConfig

        self.dir = run_dir
        confine.register_launch(launch_file)
        confine.hold(run_dir)  # every file of the run is opened relative to this one descriptor
        self.spec = records.read_spec(run_dir)
        self.state = records.read_state(run_dir)
        self.plan = plan = records.read_json(launch_file)
        if (plan.get("extra") or {}).get("workspace_root"):
            confine.register(plan["extra"]["workspace_root"], launch_file.parent.parent.parent)
        self.cfg = RunsConfig.model_validate(plan.get("runs_config", {}))
        self.ready_fd = ready_fd
        self.gpus = gpus
        self.proc: subprocess.Popen | None = None
        self.child_ticks: int | None = None
        self.started_mono = 0.0
        # Why the run is being ended by us, if it is: (ended_by, reason, final state).
        self.ending: tuple[str, str, str] | None = None
        self.term_sent_at: float | None = None
        self.kill_at: float | None = None
        self.stop_signal: str | None = None
        self.exit_info: dict | None = None
        self.exited_mono: float | None = None
        self.leftovers_termed_at: float | None = None
        self._wake_r, self._wake_w = os.pipe()
        self._signalled: int | None = None

    # --- setup -----------------------------------------------------------------------------------------------

    def _ready(self) -> None:
        if self.ready_fd is not None:
            try:
                os.write(self.ready_fd, b"1")
                os.close(self.ready_fd)
            except OSError:
                pass
            self.ready_fd = None

    def _on_signal(self, signum, frame) -> None:
        if signum != signal.SIGCHLD:
            self._signalled = signum

    def _install_signals(self) -> None:
        os.set_blocking(self._wake_w, False)
        os.set_blocking(self._wake_r, False)
        signal.set_wakeup_fd(self._wake_w, warn_on_full_buffer=False)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(sig, self._on_signal)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)

    def _env(self) -> dict[str, str]:
        metrics_path = self.dir / records.USER_METRICS
        ckpt = self.spec.checkpoint_dir or str(self.dir / "checkpoints")
        runner = {
            "EXPERIMENT_RUNNER_SEED": str(self.spec.seed),
            "EXPERIMENT_RUNNER_RUN_ID": self.spec.run_id,
            "EXPERIMENT_RUNNER_EXPERIMENT": self.spec.experiment,
            "EXPERIMENT_RUNNER_ARM": self.spec.arm,
            "EXPERIMENT_RUNNER_METRICS": str(metrics_path),
            "EXPERIMENT_RUNNER_CHECKPOINT_DIR": ckpt,
        }
        confine.mkdir(ckpt)
        return childenv.child_env(
            server_env=os.environ,
            caller_env=self.spec.env,
            defaults=self.spec.env_defaults,
            runner=runner,
            gpus=self.gpus,
        )

    def _capture_manifest(self, env: dict[str, str]) -> None:
        """The manifest is captured here, just before the command starts, so that a run that waited in the queue
        records the code and data it actually runs with. A failed capture is recorded, and the run goes on."""
        extra = self.plan.get("extra") or {}
        root = extra.get("workspace_root")
        if not root or not self.cfg.manifest or confine.exists(self.dir / records.MANIFEST):
            return
        from experiment_runner.runs.launch import capture_manifest, runner_set_variables
        from experiment_runner.workspace import Workspace

        try:
            _, problem = capture_manifest(
                Workspace(root),
                self.dir,
                project_dir=extra.get("project_dir") or self.spec.cwd,
                argv=self.spec.argv,
                cwd=self.spec.cwd,
                env=env,
                config_files=extra.get("config_files", []),
                data_paths=extra.get("data_paths", []),
                experiment=self.spec.experiment,
                program=self.spec.program,
                set_by_runner=runner_set_variables(self.spec, env, self.gpus),
            )
        except Exception as e:  # the capture is an aid to the run, never a reason to lose it
            problem = f"capture failed: {e!r}"
        if problem:
            _log(f"no manifest: {problem}")
            self.state = records.transition(self.dir, self.state, manifest_error=problem)

    # --- the run ---------------------------------------------------------------------------------------------

    def _cancel_if_asked(self, when: str) -> bool:
        stop = records.read_stop(self.dir)
        if stop is None:
            return False
        self.state = records.transition(
            self.dir,
            self.state,
            state="cancelled",
            ended_at=records.utc_now(),
            ended_by="stop",
            reason=f"cancelled {when} (stop requested by {stop.get('by', 'stop_run')}); its command never started",
        )
        return True

    def _prepare(self) -> None:
        """Everything the loop needs, made before the child starts, so a failure here never orphans a child."""
        from experiment_runner.runs.health import HealthMonitor
        from experiment_runner.runs.metrics_parse import MetricParser

        cap = int(self.cfg.log_cap_mb * 2**20)
        self.logs = {
            "stdout": CappedLogWriter(self.dir, "stdout", cap),
            "stderr": CappedLogWriter(self.dir, "stderr", cap),
        }
        self.parsers = {"stdout": MetricParser(), "stderr": MetricParser()}
        self.metrics = MetricsAppender(self.dir / records.METRICS)
        self.user_tail = JsonlTail(self.dir / records.USER_METRICS)
        self.health = HealthMonitor(self.cfg)
        self.pending: list[str] = []  # metrics.jsonl lines not yet written
        self.sampler = None
        self._health_written: list | None = None

    def run(self) -> int:
        self._install_signals()
        if self.state.state != "queued":
            self._ready()
            return 0
        if self._cancel_if_asked("before it started"):
            self._ready()
            return 0
        # Record this supervisor first and release the launcher: the manifest capture below may take a while.
        me = procs.identity(os.getpid())
        self.state = records.transition(
            self.dir,
            self.state,
            supervisor_pid=os.getpid(),
            supervisor_start=me[1] if me else None,
            supervisor_start_ticks=me[0] if me else None,
            boot_id=procs.boot_id(),
            gpus=self.gpus,
            scheduler={**(self.state.scheduler or {}), **_scheduler_facts(self.spec.backend)},
        )
        self._ready()
        confine.touch(self.dir / records.HEARTBEAT)
        argv = [self.spec.program or self.spec.argv[0], *self.spec.argv[1:]]
        try:
            env = self._env()
            self._capture_manifest(env)
            if self._cancel_if_asked("before its command started"):
                return 0
            self._prepare()
            self.proc = subprocess.Popen(
                argv,
                cwd=self.spec.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as e:
            self.state = records.transition(
                self.dir,
                self.state,
                state="failed",
                ended_at=records.utc_now(),
                ended_by="start_error",
                reason=f"the command could not be started: {e.strerror or e} ({argv[0]!r} in {self.spec.cwd})",
            )
            return 0
        self.started_mono = time.monotonic()
        for pipe in (self.proc.stdout, self.proc.stderr):
            _grow_pipe(pipe.fileno())
        try:
            ident = procs.identity(self.proc.pid)
            self.child_ticks = ident[0] if ident else None
            self.state = records.transition(
                self.dir,
                self.state,
                state="running",
                started_at=records.utc_now(),
                pid=self.proc.pid,
                pid_start=ident[1] if ident else None,
                pid_start_ticks=self.child_ticks,
            )
            self._loop()
        finally:
            self._finish()
        return self._job_exit_code()

    def _job_exit_code(self) -> int:
        """Locally the supervisor exits 0. As a scheduler's job it exits as the run did (128+N for signal N), so the
        scheduler's own record (FAILED, ExitCode) agrees with the run's."""
        if self.spec.backend == "local" or not self.exit_info:
            return 0
        if self.exit_info.get("signal"):
            return 128 + int(self.exit_info["signal"])
        return int(self.exit_info.get("exit_code") or 0) & 0xFF

    def _loop(self) -> None:
        sel = selectors.DefaultSelector()
        fds = {self.proc.stdout.fileno(): "stdout", self.proc.stderr.fileno(): "stderr"}
        for fd in fds:
            os.set_blocking(fd, False)
            sel.register(fd, selectors.EVENT_READ)
        sel.register(self._wake_r, selectors.EVENT_READ)
        open_fds = set(fds)

        now_m = time.monotonic()
        next_tick = now_m + TICK_S
        next_beat = now_m + self.cfg.heartbeat_s
        next_sample = now_m + min(1.0, self.cfg.telemetry_s)  # an early first reading, then the configured pace
        next_health = now_m + 1.0
        # Under a scheduler the job's own limit (sbatch --time) ends the run, and the scheduler says so.
        time_limit = self.spec.time_limit_s if self.spec.backend == "local" else None

        while True:
            now_m = time.monotonic()
            wait = max(0.0, min(next_tick, next_beat, next_sample, next_health) - now_m)
            trickle = flood = False
            for key, _ in sel.select(wait):
                fd = key.fd
                if fd == self._wake_r:
                    try:
                        while os.read(self._wake_r, 512):
                            pass
                    except BlockingIOError:
                        pass
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

            if self.exit_info is None and self.proc.poll() is not None:
                self._record_exit(now)
            if self._signalled is not None and self.ending is None:
                sig = self._signalled
                stop = records.read_stop(self.dir)
                if stop is not None:  # stop_run under a scheduler arrives as scancel's SIGTERM
                    self._end(
                        "stop",
                        f"stopped by {stop.get('by', 'stop_run')}",
                        "cancelled",
                        float(stop.get("grace_s", self.cfg.stop_grace_s)),
                    )
                elif self.spec.backend != "local":
                    # The scheduler is ending the job (time limit, preemption, memory, scancel by someone else): the
                    # run is ended here, and the verdict is left to the scheduler (the backend reads its final state).
                    self._end(
                        "scheduler",
                        f"the scheduler sent {procs.signal_name(sig)} to the job",
                        None,
                        self.cfg.stop_grace_s,
                    )
                else:
                    self._end(
                        "stop",
                        f"the supervisor received {procs.signal_name(sig)} (not a stop_run request) and stopped the run",
                        "cancelled",
                        self.cfg.stop_grace_s,
                    )

            if now_m >= next_tick:
                next_tick = now_m + TICK_S
                self._collect_user_metrics(now)
                self._flush_metrics()
                if self.ending is None and self.exit_info is None:
                    stop = records.read_stop(self.dir)
                    if stop is not None:
                        grace = float(stop.get("grace_s", self.cfg.stop_grace_s))
                        self._end("stop", f"stopped by {stop.get('by', 'stop_run')}", "cancelled", grace)
                    elif time_limit is not None and now_m - self.started_mono > time_limit:
                        self._end(
                            "time_limit", f"time limit of {time_limit:g} s reached", "failed", self.cfg.stop_grace_s
                        )
                    elif self.cfg.stop_on_nan and self.health.nan_detected():
                        step = self.health.nan_step()  # None for styles that log no step (HuggingFace, Keras)
                        at = f" at step {step}" if step is not None else ""
                        self._end(
                            "nan_loss",
                            f"the loss became NaN/Inf{at}; stopped because runs.stop_on_nan is on",
                            "failed",
                            self.cfg.stop_grace_s,
                        )
                self._escalate(now_m)
            if now_m >= next_beat:
                next_beat = now_m + self.cfg.heartbeat_s
                confine.touch(self.dir / records.HEARTBEAT)
            if now_m >= next_sample:
                next_sample = now_m + self.cfg.telemetry_s
                if self.exit_info is None:
                    self._sample(now)
            if now_m >= next_health:
                next_health = now_m + 1.0
                self._write_health(now)

            if self.exit_info is not None:
                since = now_m - (self.exited_mono or now_m)
                if not open_fds:
                    break
                if since > DRAIN_AFTER_EXIT_S and self.leftovers_termed_at is None:
                    # The child is gone but something it started still holds the pipes: end the session.
                    self.leftovers_termed_at = now_m
                    procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGTERM, leader_is_our_child=True)
                elif self.leftovers_termed_at is not None and now_m - self.leftovers_termed_at > LEFTOVER_GRACE_S:
                    procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
                    if now_m - self.leftovers_termed_at > LEFTOVER_GRACE_S + 1.0:
                        break  # a process outside the session holds the pipe: stop reading
        sel.close()

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

    def _take(self, recs: list[dict], source: str, now: float) -> None:
        lines, kept = encode_records(recs, source, f"{now:.6f}")
        pending = self.pending
        if kept:  # the common case: every record had a number to store
            self.health.observe_batch(recs, now)
            pending.extend(lines)
        else:  # records without a single numeric value are neither stored nor observed
            self.health.observe_batch([r for r, line in zip(recs, lines) if line is not None], now)
            pending.extend(line for line in lines if line is not None)
        if len(pending) >= 20000:
            self._flush_metrics()

    def _collect_user_metrics(self, now: float) -> None:
        recs = self.user_tail.read_new()
        time_text = f"{now:.6f}"
        for r in recs:
            line = encode_record(r, "user", time_text)  # keeps the run's own timestamp
            if line is None:
                continue
            # The health monitor reads numbers: the run's own "nan"/"inf" strings become floats first.
            self.health.observe_metrics(
                {k: (v if k == "step" else _as_number(v)) for k, v in r.items() if k not in RESERVED or k == "step"},
                now,
            )
            self.pending.append(line)

    def _ingest_metric_files(self, now: float) -> None:
        """The exact metric files the run wrote (metricfiles.py), added after its parsed output. The live health
        monitor does not see them: fed after the parsed values, a file's early values would read as a relapse."""
        started = records.iso_to_unix(self.state.started_at)
        if started is None:
            return
        # the working folder, and the checkpoint folder the run was given (under the store by default, which the
        # walk of the working folder skips)
        roots = [Path(self.spec.cwd), Path(self.spec.checkpoint_dir or self.dir / "checkpoints")]
        try:
            from experiment_runner.runs import metricfiles

            metricfiles.ingest(self.dir, roots, started - 1.0, now)
        except Exception as e:  # the files are an aid: a failure here never loses the run's record
            _log(f"metric files not read: {e!r}")

    def _flush_metrics(self) -> None:
        if self.pending:
            self.metrics.write_lines("".join(self.pending).encode(), len(self.pending))
            self.pending = []

    def _sample(self, now: float) -> None:
        try:
            if self.sampler is None:
                from experiment_runner.runs.telemetry import TelemetrySampler

                self.sampler = TelemetrySampler(self.proc.pid, _telemetry_ordinals(self.gpus, self.spec.backend))
            sample = self.sampler.sample()
        except Exception as e:  # telemetry is an aid: a failing probe must never end the run
            _log(f"telemetry sample failed: {e!r}")
            return
        self.health.observe_telemetry(sample, now)
        import json

        with confine.open_file(self.dir / records.TELEMETRY, "ab") as f:
            f.write((json.dumps(sample, default=str) + "\n").encode())

    def _write_health(self, now: float) -> None:
        try:
            signals = [s.model_dump(mode="json", exclude_none=True) for s in self.health.signals(now)]
        except Exception as e:
            _log(f"health signals failed: {e!r}")
            return
        if signals != self._health_written:
            atomic_write_json(self.dir / records.HEALTH, signals)
            self._health_written = signals

    # --- ending ------------------------------------------------------------------------------------------------

    def _end(self, ended_by: str, reason: str, final: str | None, grace: float) -> None:
        """Begin ending the run: SIGTERM to its session now, SIGKILL once `grace` seconds pass. `final` None: the
        final state is the scheduler's to say."""
        if self.ending is not None or self.exit_info is not None:
            return
        self.ending = (ended_by, reason, final)
        self.term_sent_at = time.monotonic()
        self.kill_at = self.term_sent_at + max(0.0, grace)
        self.grace = grace
        self.stop_signal = "SIGTERM"
        _log(f"ending the run ({ended_by}): {reason}; SIGTERM to session {self.proc.pid}")
        procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGTERM, leader_is_our_child=True)

    def _escalate(self, now_m: float) -> None:
        if self.kill_at is None or now_m < self.kill_at:
            return
        alive = self.exit_info is None or procs.session_members(self.proc.pid)
        if alive:
            if self.exit_info is None:
                self.stop_signal = "SIGKILL"
            _log(f"grace period of {self.grace:g} s over; SIGKILL to session {self.proc.pid}")
            procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
        self.kill_at = now_m + 1.0 if alive else None

    def _record_exit(self, now: float) -> None:
        code = self.proc.returncode
        self.exited_mono = time.monotonic()
        info = {
            "exit_code": code if code >= 0 else None,
            "signal": -code if code < 0 else None,
            "ended_at": records.utc_now(),
            "time": now,
        }
        atomic_write_json(self.dir / records.EXIT, info)
        self.exit_info = info

    def _finish(self) -> None:
        """Flush everything, then write the final state."""
        if self.proc is not None and self.exit_info is None:
            # Leaving the loop without an exit means the supervisor itself failed: never leave the child unsupervised.
            if self.ending is None:
                self.ending = (
                    "supervisor_lost",
                    f"the supervisor hit an internal error (see {records.SUPERVISOR_LOG}) and ended the run",
                    "failed",
                )
                self.term_sent_at, self.grace = time.monotonic(), 0.0
            self.stop_signal = "SIGKILL"
            procs.signal_session(self.proc.pid, self.child_ticks, signal.SIGKILL, leader_is_our_child=True)
            self.proc.wait()
            self._record_exit(time.time())
        now = time.time()
        for stream, parser in getattr(self, "parsers", {}).items():
            try:
                recs = parser.flush()
            except Exception as e:
                _log(f"{stream} parser flush failed: {e!r}")
                recs = []
            if recs:
                self._take(recs, stream, now)
        if hasattr(self, "metrics"):
            self._collect_user_metrics(now)
            self._flush_metrics()
            self.metrics.close()
            self._ingest_metric_files(now)
            self._write_health(now)
        output = {}
        for stream, log in getattr(self, "logs", {}).items():
            output[stream] = log.total
            try:
                log.close()
            except OSError as e:
                _log(f"joining the {stream} log failed: {e!r}")

        info = self.exit_info or {}
        code, sig = info.get("exit_code"), info.get("signal")
        if self.ending is not None:
            ended_by, why, final = self.ending
            if self.stop_signal == "SIGKILL":
                how = f"SIGTERM, then SIGKILL after the {self.grace:g} s grace period"
            else:
                took = (self.exited_mono or time.monotonic()) - (self.term_sent_at or 0)
                how = f"SIGTERM; it ended {took:.1f} s later"
            reason = f"{why}: {how}"
        elif sig is not None:
            ended_by, final = "signal", "failed"
            reason = f"killed by {_describe_signal(sig)}"
            if self.spec.backend != "local":
                # On a scheduler's node a signal is most often the scheduler's (time limit, memory, preemption): its
                # final state says which, so the verdict is left to it.
                final = None
                reason += ", most likely sent by the scheduler"
            elif sig == signal.SIGKILL:
                reason += " sent by something outside experiment-runner (often the kernel's out-of-memory killer)"
        elif code == 0:
            ended_by, final, reason = "exit", "completed", "exited with code 0"
        else:
            ended_by, final, reason = "exit", "failed", f"exited with code {code}"
        if final is None:
            # Ended on the scheduler's signal: the record keeps the exit, and the backend writes the final state from
            # what the scheduler says (TIMEOUT, PREEMPTED, OUT_OF_MEMORY ...), never a guess made here.
            self.state = records.transition(
                self.dir,
                self.state,
                exit_code=code,
                signal=sig,
                stop_signal=self.stop_signal,
                reason=f"{reason}; waiting for the scheduler's final state",
                output_bytes=output or None,
            )
            _log(f"run ended by the scheduler ({reason}); the final state is the scheduler's")
            return
        self.state = records.transition(
            self.dir,
            self.state,
            state=final,
            ended_at=info.get("ended_at") or records.utc_now(),
            exit_code=code,
            signal=sig,
            ended_by=ended_by,
            stop_signal=self.stop_signal,
            reason=reason,
            output_bytes=output or None,
        )
        _log(f"run ended: {final} ({reason})")


def _grow_pipe(fd: int) -> None:
    """Enlarge a pipe (Linux F_SETPIPE_SZ, up to /proc/sys/fs/pipe-max-size) so the run rarely waits on us."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass  # over the system's limit, or not Linux: the default 64 KiB still works, with more wake-ups


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
                }.items()
                if v
            }
        )
    return facts


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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m experiment_runner.runs.supervisor")
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
        _log(f"supervisor failed: {e!r}")
        import traceback

        traceback.print_exc()
        try:
            state = records.read_state(sup.dir)
            if state.state not in ("completed", "failed", "cancelled", "lost"):
                records.transition(
                    sup.dir,
                    state,
                    state="failed",
                    ended_at=records.utc_now(),
                    ended_by="start_error" if sup.proc is None else "supervisor_lost",
                    reason=f"the supervisor failed{' before starting the command' if sup.proc is None else ''}: {e!r}; "
                    f"see {records.SUPERVISOR_LOG}",
                )
        finally:
            sup._ready()
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
