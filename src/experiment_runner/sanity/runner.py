"""Run a probe script in a child process with the user's interpreter, under limits, and classify how it ended.

    outcome = run_probe(interpreter, script, ["--config", json_text], cwd=ws_dir,
                        limits=Limits(timeout_s=300, memory_mb=8192), on_event=handle)

The child gets stdin from /dev/null, a new session (its own process group: a timeout kills the group, DataLoader
workers included), its working directory inside the workspace, and an extra pipe whose fd number is appended to
its arguments as `--events-fd N`: the probe writes JSON-line events there, never on the user's stdout. stdout and
stderr go to one temporary file whose tail is kept as evidence (faulthandler writes the stack of a segfault or of
the code running at the deadline there).

Memory: the probe caps its own address space (RLIMIT_AS) at its size after start-up plus `memory_mb`, once torch is
loaded (a cap set before exec would be charged for the interpreter and torch, and breaks CUDA's reservations). As
a second line, the server samples the group's resident memory and kills it past the start size plus memory_mb.

Outcome status: completed | error (the probe reported an error) | timeout | out_of_memory (MemoryError or an
allocation failure reported by the probe, killed by the memory watchdog, killed by SIGKILL, which is what the
kernel's OOM killer sends, or killed by another signal while near the cap) | crashed (any other signal, or an exit
without a report). `on_event` runs on the calling thread, so it may call into the MCP session.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, get_args

log = logging.getLogger("experiment_runner.sanity")

Status = Literal["completed", "error", "timeout", "out_of_memory", "crashed"]
STATUSES: tuple[Status, ...] = get_args(Status)

TAIL_CHARS = 4000
SAMPLE_S = 0.1
#: a signal death counts as out-of-memory when the address space had reached this share of the cap
NEAR_CAP = 0.9


@dataclass
class Limits:
    timeout_s: float
    memory_mb: int


@dataclass
class ProbeOutcome:
    status: Status
    message: str
    events: list[dict[str, Any]]
    returncode: int | None
    signal: str | None
    wall_s: float
    peak_rss_mb: float | None
    output_tail: str
    error: dict[str, Any] | None = None
    last_progress: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _signal_name(num: int) -> str:
    try:
        return signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _group_memory(pid: int) -> tuple[float, float] | None:
    """(rss MiB of the process and its descendants, address space MiB of the process), or None once it is gone."""
    import psutil

    try:
        proc = psutil.Process(pid)
        info = proc.memory_info()
        rss = info.rss
        for child in proc.children(recursive=True):
            try:
                rss += child.memory_info().rss
            except psutil.Error:
                pass
        return rss / 2**20, info.vms / 2**20
    except psutil.Error:
        return None


def _host_cancelled() -> bool:
    """True when the call this thread works for was cancelled (an MCP client's cancel): the child must not outlive
    it."""
    try:
        import anyio.from_thread

        anyio.from_thread.check_cancelled()
    except RuntimeError:  # not an anyio worker thread (a direct call): nothing can cancel it
        return False
    except BaseException:  # the host backend's cancellation exception
        return True
    return False


def _read_events(fd: int, sink: queue.Queue[dict[str, Any] | None]) -> None:
    with os.fdopen(fd, "r", encoding="utf-8", errors="replace") as stream:
        for raw in stream:
            line = raw.strip()
            if not line:
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                log.debug("probe wrote a line that is not JSON: %r", line[:200])
                continue
            if isinstance(event, dict):
                sink.put(event)
    sink.put(None)


def _tail(handle: IO[bytes]) -> str:
    handle.flush()
    size = handle.seek(0, os.SEEK_END)
    handle.seek(max(0, size - TAIL_CHARS * 4))
    return handle.read().decode("utf-8", errors="replace")[-TAIL_CHARS:]


def _child_env(env: dict[str, str] | None) -> dict[str, str]:
    from experiment_runner.runs import childenv

    # The user's code runs here: the allowlist of the server's variables (or what the caller built), never its secrets.
    child_env = childenv.base_env() if env is None else childenv.strip_secrets(env)
    child_env["PYTHONUNBUFFERED"] = "1"
    # glibc reserves 64 MiB of address space per malloc arena (up to 8 per core); under an address-space cap that
    # reservation, not use, would exhaust it on many-core machines.
    child_env.setdefault("MALLOC_ARENA_MAX", "4")
    # Idle OpenMP threads spin by default; on a shared CPU (other runs, the server) every tiny parallel region then
    # waits for a descheduled spinner, and the small-batch steps of a probe slow down tenfold. Sleeping waiters
    # cost little here. Measured with bench/sanity_bench.py on a loaded 2-core machine: 21 s -> 9.5 s.
    child_env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return child_env


@dataclass
class Watch:
    """What the server saw of the child while it ran: its events, its memory, and why it was killed (if it was)."""

    on_event: Callable[[dict[str, Any]], None] | None
    events: list[dict[str, Any]] = field(default_factory=list)
    base_rss: float | None = None
    cap_mb: float | None = None
    peak_rss: float = 0.0
    peak_vms: float = 0.0
    #: "timeout", "cancelled", or what the memory watchdog saw
    killed: str | None = None
    last_progress: str | None = None

    def take(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        if event.get("event") == "device":
            memory = event.get("memory") or {}
            self.base_rss = memory.get("rss_mb")
            self.cap_mb = memory.get("cap_mb")
        elif event.get("event") == "progress":
            self.last_progress = event.get("message")
        if self.on_event is not None:
            try:
                self.on_event(event)
            except Exception as e:  # a consumer's failure must not leave the child running
                log.debug("event handler failed: %s", e)

    def drain(self, inbox: queue.Queue[dict[str, Any] | None]) -> None:
        """Take what the reader queued after the child ended."""
        while True:
            try:
                event = inbox.get_nowait()
            except queue.Empty:
                return
            if event is not None:
                self.take(event)


def _supervise(
    proc: subprocess.Popen[bytes],
    inbox: queue.Queue[dict[str, Any] | None],
    watch: Watch,
    limits: Limits,
    deadline: float,
) -> None:
    """Pass events on as they come and sample the group's memory every SAMPLE_S until the child ends; kill the group
    past the memory allowed, at the deadline (time.monotonic), or when the host cancelled the call."""
    reader_done = False
    while True:
        tick_end = time.monotonic() + SAMPLE_S
        while not reader_done and (wait := tick_end - time.monotonic()) > 0:
            try:
                event = inbox.get(timeout=wait)
            except queue.Empty:
                break
            if event is None:
                reader_done = True
            else:
                watch.take(event)
        if reader_done:
            time.sleep(max(0.0, tick_end - time.monotonic()))
        if proc.poll() is not None:
            return
        sample = _group_memory(proc.pid)
        if sample is not None:
            rss, vms = sample
            watch.peak_rss, watch.peak_vms = max(watch.peak_rss, rss), max(watch.peak_vms, vms)
            allowed = (watch.base_rss or 0.0) + limits.memory_mb
            if limits.memory_mb and rss > allowed:
                watch.killed = f"its resident memory reached {rss:.0f} MiB, past the {allowed:.0f} MiB allowed"
                _kill_group(proc.pid)
        if time.monotonic() >= deadline and watch.killed is None:
            watch.killed = "timeout"
            _kill_group(proc.pid)
        if watch.killed is None and _host_cancelled():
            watch.killed = "cancelled"
            _kill_group(proc.pid)


def classify(
    watch: Watch, limits: Limits, returncode: int | None, error: dict[str, Any] | None, signal_name: str | None
) -> tuple[Status, str]:
    """How the child ended, and that in words (see the module docstring for the statuses)."""
    where = f" (last step: {watch.last_progress})" if watch.last_progress else ""
    done = any(e.get("event") == "done" for e in watch.events)
    if watch.killed == "timeout":
        return (
            "timeout",
            f"did not finish within the {limits.timeout_s:g} s time limit{where}; the process group was killed",
        )
    if watch.killed:
        return "out_of_memory", f"killed: {watch.killed}{where}"
    if error is not None and error.get("kind") == "out_of_memory":
        return (
            "out_of_memory",
            f"ran out of memory (cap: {limits.memory_mb} MiB above its start size): {error.get('message')}",
        )
    if signal_name == "SIGKILL":
        return "out_of_memory", f"killed by SIGKILL{where}, which is what the kernel's out-of-memory killer sends"
    if signal_name is not None and watch.cap_mb and watch.peak_vms >= NEAR_CAP * watch.cap_mb:
        return (
            "out_of_memory",
            f"killed by {signal_name} with its address space at {watch.peak_vms:.0f} of {watch.cap_mb:.0f} "
            f"MiB{where}: an allocation failure at the memory cap",
        )
    if signal_name is not None:
        return "crashed", f"crashed: killed by {signal_name}{where}"
    if done and returncode == 0:
        return "completed", "completed"
    if error is not None:
        return "error", str(error.get("message"))
    return (
        "crashed",
        f"exited with code {returncode} without reporting a result{where} (the user's code may have called "
        "sys.exit() or os._exit())",
    )


def run_probe(
    interpreter: str,
    script: Path,
    args: list[str],
    *,
    cwd: Path,
    limits: Limits,
    on_event: Callable[[dict[str, Any]], None] | None = None,
    env: dict[str, str] | None = None,
) -> ProbeOutcome:
    from experiment_runner.errors import UserError

    child_env = _child_env(env)
    read_fd, write_fd = os.pipe()
    inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
    watch = Watch(on_event)
    started = time.monotonic()
    with tempfile.TemporaryFile() as output:
        try:
            proc = subprocess.Popen(
                [interpreter, str(script), *args, "--events-fd", str(write_fd)],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=str(cwd),
                env=child_env,
                start_new_session=True,
                pass_fds=(write_fd,),
                close_fds=True,
            )
        except OSError as e:
            os.close(read_fd)
            os.close(write_fd)
            raise UserError(f"cannot start interpreter {interpreter!r}: {e.strerror or e}") from None
        os.close(write_fd)
        reader = threading.Thread(target=_read_events, args=(read_fd, inbox), daemon=True, name="probe-events")
        reader.start()
        _supervise(proc, inbox, watch, limits, deadline=started + limits.timeout_s)
        returncode = proc.wait()
        _kill_group(proc.pid)  # workers the probe left behind
        wall = time.monotonic() - started
        reader.join(timeout=2.0)
        watch.drain(inbox)
        tail = _tail(output)

    if watch.killed == "cancelled":
        where = f" (last step: {watch.last_progress})" if watch.last_progress else ""
        raise UserError(f"cancelled by the client{where}; the probe's process group was killed")
    error = next((e for e in reversed(watch.events) if e.get("event") == "error"), None)
    sig = _signal_name(-returncode) if returncode is not None and returncode < 0 else None
    status, message = classify(watch, limits, returncode, error, sig)
    return ProbeOutcome(
        status,
        message,
        events=watch.events,
        returncode=returncode,
        signal=sig,
        wall_s=round(wall, 3),
        peak_rss_mb=round(watch.peak_rss, 1) if watch.peak_rss else None,
        output_tail=tail,
        error=error,
        last_progress=watch.last_progress,
    )
