"""A progress display on stderr: a redrawn bar on a terminal, plain lines (at most one a second) otherwise."""

from __future__ import annotations

import sys
import time


class ProgressPrinter:
    def __init__(self, stream=None, min_interval: float = 1.0):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self._last = 0.0
        self._drawn = False

    def update(self, progress: float, total: float | None, message: str | None) -> None:
        now = time.monotonic()
        final = total is not None and progress >= total
        if not self.tty and not final and now - self._last < self.min_interval:
            return
        self._last = now
        if total:
            frac = max(0.0, min(1.0, progress / total))
            bar = "#" * int(frac * 24)
            head = f"[{bar:<24}] {frac * 100:5.1f}%"
        else:
            head = f"[{progress:g}]"
        line = f"{head} {message or ''}".rstrip()
        if self.tty:
            width = 100
            self.stream.write("\r" + line[:width].ljust(width))
            self._drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    async def callback(self, progress: float, total: float | None, message: str | None) -> None:
        self.update(progress, total, message)
