"""What every probe needs in the child process the server starts. Standard library only.

    channel = Channel.from_fd(fd)                  # JSON lines on a pipe the server passed (not the user's stdout)
    channel.emit("hello", probe="sanity")          # one event: {"event": "hello", "probe": "sanity"}
    channel.progress(3, 8, "shapes")               # throttled to ~10 a second (the last one always goes out)
    cap = cap_memory(4096)                         # RLIMIT_AS: what is mapped now + 4096 MiB (dict, or None)
    watch_deadline(deadline_epoch)                 # faulthandler: every thread's stack on stderr just before the kill

Non-finite floats are written as the strings "nan", "inf", "-inf" (JSON has no such numbers). The memory cap is
relative to the size at the time of the call so that it works after CUDA initialisation, which maps tens of GiB
of address space that is not memory in use: call it once torch (and the device) are initialised.
"""

from __future__ import annotations

import faulthandler
import json
import math
import os
import sys
import time

MIB = 1024 * 1024


def jsonable(value):
    """A value JSON can carry: non-finite floats become strings, tuples lists, unknown objects their repr."""
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    item, numel = getattr(value, "item", None), getattr(value, "numel", None)
    if callable(item) and (not callable(numel) or numel() == 1):  # torch and numpy scalars
        try:
            return jsonable(item())
        except (TypeError, ValueError, RuntimeError):
            pass
    return repr(value)


class Channel:
    """Events to the server as JSON lines. Writes are unbuffered per line so a crash loses at most the event
    being written; a closed pipe (the server went away) makes every later emit a no-op."""

    def __init__(self, stream, min_interval: float = 0.1):
        self._stream = stream
        self._min_interval = min_interval
        self._last_progress = 0.0

    @classmethod
    def from_fd(cls, fd: int) -> Channel:
        return cls(os.fdopen(fd, "w", buffering=1, encoding="utf-8"))

    @classmethod
    def to_path(cls, path: str) -> Channel:
        return cls(open(path, "a", buffering=1, encoding="utf-8"))

    def emit(self, event: str, **fields) -> None:
        if self._stream is None:
            return
        record = {"event": event}
        record.update(jsonable(fields))
        try:
            self._stream.write(json.dumps(record, allow_nan=False) + "\n")
            self._stream.flush()
        except (BrokenPipeError, OSError, ValueError):
            self._stream = None

    def progress(self, done: float, total: float, message: str, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_progress < self._min_interval:
            return
        self._last_progress = now
        self.emit("progress", done=round(float(done), 4), total=float(total), message=message)


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def cap_memory(extra_mb: int) -> dict | None:
    """Limit the address space (soft and hard, so user code cannot lift it) to the current size plus extra_mb.
    Returns {"base_mb", "cap_mb", "rss_mb"}, or None where RLIMIT_AS or /proc is unavailable."""
    try:
        import resource
    except ImportError:
        return None
    size_kb = _status_kb("VmSize")
    if size_kb is None:
        return None
    cap = size_kb * 1024 + int(extra_mb) * MIB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        return None
    rss_kb = _status_kb("VmRSS") or 0
    return {"base_mb": round(size_kb / 1024, 1), "cap_mb": round(cap / MIB, 1), "rss_mb": round(rss_kb / 1024, 1)}


def watch_deadline(deadline_epoch: float | None, margin_s: float = 1.0) -> None:
    """Segfaults and the approaching deadline print every thread's Python stack to stderr, which the server
    keeps as evidence of where the code was (an endless loop shows its line)."""
    faulthandler.enable(file=sys.stderr, all_threads=True)
    if deadline_epoch:
        remaining = deadline_epoch - time.time() - margin_s
        faulthandler.dump_traceback_later(max(0.05, remaining), exit=False, file=sys.stderr)
