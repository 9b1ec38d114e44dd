"""Process identity and signalling. A process is identified by pid plus its start time (clock ticks after boot,
from /proc/<pid>/stat field 22) plus the kernel's boot id, never by pid alone: pids are reused (pid_max is
often 32768), so a recorded pid that now names another process must never be signalled.

Linux reads /proc directly (cheap enough to call for every run on every status call); elsewhere psutil's
create_time stands in for the start ticks."""

from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from functools import lru_cache

_PROC = "/proc"
LINUX = sys.platform.startswith("linux") and os.path.isdir(_PROC)


@dataclass(frozen=True)
class ProcInfo:
    pid: int
    state: str  # R, S, D, Z, T ...
    ppid: int
    pgrp: int
    session: int
    start_ticks: int

    @property
    def zombie(self) -> bool:
        return self.state in ("Z", "X")


@lru_cache(maxsize=1)
def clock_ticks() -> int:
    try:
        return os.sysconf("SC_CLK_TCK")
    except (ValueError, OSError, AttributeError):
        return 100


@lru_cache(maxsize=1)
def boot_id() -> str | None:
    try:
        with open("/proc/sys/kernel/random/boot_id") as f:
            return f.read().strip() or None
    except OSError:
        return None


@lru_cache(maxsize=1)
def boot_time() -> float:
    """Unix time of boot (only to turn start ticks into a time a person reads; identity uses the ticks).
    From /proc/uptime (10 ms resolution) rather than /proc/stat's btime (whole seconds)."""
    if LINUX:
        try:
            with open(f"{_PROC}/uptime", "rb") as f:
                return time.time() - float(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    import psutil

    return psutil.boot_time()


def proc_info(pid: int) -> ProcInfo | None:
    """The process's stat fields, or None when there is no such process."""
    if not isinstance(pid, int) or pid <= 0:
        return None
    if not LINUX:
        return _psutil_info(pid)
    try:
        with open(f"{_PROC}/{pid}/stat", "rb") as f:
            data = f.read()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
    rest = data[data.rfind(b")") + 2 :].split()
    try:
        return ProcInfo(
            pid=pid,
            state=rest[0].decode(),
            ppid=int(rest[1]),
            pgrp=int(rest[2]),
            session=int(rest[3]),
            start_ticks=int(rest[19]),
        )
    except (IndexError, ValueError):
        return None


def _psutil_info(pid: int) -> ProcInfo | None:
    import psutil

    try:
        p = psutil.Process(pid)
        with p.oneshot():
            status = p.status()
            # create_time in centiseconds serves as the "ticks" off Linux.
            return ProcInfo(
                pid=pid,
                state="Z" if status == psutil.STATUS_ZOMBIE else "S",
                ppid=p.ppid(),
                pgrp=os.getpgid(pid),
                session=os.getsid(pid),
                start_ticks=int(round(p.create_time() * 100)),
            )
    except (psutil.Error, OSError):
        return None


def start_ticks(pid: int) -> int | None:
    info = proc_info(pid)
    return None if info is None else info.start_ticks


def ticks_to_time(ticks: int) -> float:
    if not LINUX:
        return ticks / 100.0
    return round(boot_time() + ticks / clock_ticks(), 2)


def identity(pid: int) -> tuple[int, float, str | None] | None:
    """(start ticks, start as Unix time, boot id) of a live process, to record next to its pid."""
    ticks = start_ticks(pid)
    if ticks is None:
        return None
    return ticks, ticks_to_time(ticks), boot_id()


Verdict = str  # "alive" | "dead" | "other" (the pid now names another process)


def check(pid: int | None, ticks: int | None, recorded_boot: str | None = None, start: float | None = None) -> Verdict:
    """Is the recorded process still the one running under `pid`?

    "alive": same pid, same start; "dead": no such process (or a zombie, or the machine rebooted);
    "other": the pid is now another process, which must never be signalled."""
    if pid is None:
        return "dead"
    if recorded_boot is not None and boot_id() is not None and recorded_boot != boot_id():
        return "dead"
    info = proc_info(pid)
    if info is None:
        return "dead"
    if ticks is not None:
        same = info.start_ticks == ticks
    elif start is not None:  # a record without ticks (written elsewhere): compare times loosely
        same = abs(ticks_to_time(info.start_ticks) - start) < 1.0
    else:
        return "other"  # nothing to prove identity with: treat as unknown, never signal
    if not same:
        return "other"
    return "dead" if info.zombie else "alive"


def session_members(sid: int) -> list[int]:
    """Pids of live (non-zombie) processes in session `sid` (Linux; elsewhere the process group only)."""
    if not LINUX:
        import psutil

        out = []
        for p in psutil.process_iter():
            try:
                if os.getsid(p.pid) == sid and p.status() != psutil.STATUS_ZOMBIE:
                    out.append(p.pid)
            except (psutil.Error, OSError):
                continue
        return out
    out = []
    for name in os.listdir(_PROC):
        if not name.isdigit():
            continue
        info = proc_info(int(name))
        if info is not None and info.session == sid and not info.zombie:
            out.append(info.pid)
    return out


def signal_session(leader: int, leader_ticks: int | None, sig: int, *, leader_is_our_child: bool = False) -> int:
    """Send `sig` to every process of the session (and process group) the run's child leads.

    The session id is the child's pid. While any member lives, the kernel cannot hand that pid to a new process,
    so members found under it are the run's. If a process now holds the pid with another start time, the session
    is someone else's and nothing is sent. Returns how many session members were found."""
    holder = proc_info(leader)
    if holder is not None and not leader_is_our_child:
        if leader_ticks is None or holder.start_ticks != leader_ticks:
            return 0
    members = set(session_members(leader))
    try:
        os.killpg(leader, sig)
    except (ProcessLookupError, PermissionError):
        pass
    for pid in members:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass
    return len(members)


def catches(pid: int, sig: int) -> bool | None:
    """Whether the process has a handler for `sig` or ignores it (Linux: the SigCgt and SigIgn masks of
    /proc/PID/status); None where that cannot be read (another OS, a process gone). A process that does neither is
    ended by a signal whose default is to terminate, SIGUSR1 among them."""
    if not LINUX:
        return None
    try:
        with open(f"{_PROC}/{pid}/status", "rb") as f:
            fields = dict(line.split(b":", 1) for line in f.read().splitlines() if b":" in line)
        caught, ignored = int(fields[b"SigCgt"].strip(), 16), int(fields[b"SigIgn"].strip(), 16)
    except (OSError, KeyError, ValueError):
        return None
    return bool((caught | ignored) >> (sig - 1) & 1)


def signal_catchers(leader: int, sig: int) -> tuple[int, int] | None:
    """Send `sig` only to the processes of the run's session that catch or ignore it, so that a warning signal
    (SIGUSR1 before a time limit) never ends a process that has no handler for it yet. (sent, members); None where
    handlers cannot be read, and the caller signals the whole session as before."""
    if not LINUX:
        return None
    members = session_members(leader)
    sent = 0
    for pid in members:
        if catches(pid, sig):
            try:
                os.kill(pid, sig)
                sent += 1
            except (ProcessLookupError, PermissionError):
                pass
    return sent, len(members)


def wait_gone(check_fn, timeout: float, interval: float = 0.05) -> bool:
    """Poll `check_fn()` (True = still there) until False or the timeout; True when it went away."""
    deadline = time.monotonic() + timeout
    while True:
        if not check_fn():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))


def signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


def oom_kills() -> int | None:
    """How many processes the kernel's out-of-memory killer has ended in this process's memory group (cgroup v2
    memory.events, v1 memory.oom_control), or None where that is not readable. A rise while a run's child died of
    SIGKILL says why."""
    try:
        with open("/proc/self/cgroup", encoding="utf-8") as f:
            lines = [line.rstrip("\n").split(":", 2) for line in f]
    except OSError:
        return None
    files = []
    for _, controllers, group in (parts for parts in lines if len(parts) == 3):
        if "memory" in controllers.split(","):
            files.append(f"/sys/fs/cgroup/memory{group.rstrip('/')}/memory.oom_control")
        elif controllers == "":
            files.append(f"/sys/fs/cgroup{group.rstrip('/')}/memory.events")
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            continue
    return None
