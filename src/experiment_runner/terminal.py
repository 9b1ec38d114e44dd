"""What the CLI and the demo show on stderr (stdout is the protocol on stdio, or a tool's JSON):

ProgressPrinter   one call's progress: a redrawn bar on a terminal, plain lines (at most one a second) otherwise
RunBoard          several runs, one line each: redrawn in place on a terminal; otherwise only the lines that
                  changed are printed (at most every `min_interval` seconds), so the log of a CI job stays readable
"""

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


class RunBoard:
    def __init__(self, stream=None, min_interval: float = 2.0, width: int = 120):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.width = width
        self._drawn = 0
        self._last_lines: list[str] = []
        self._last_keys: list = []
        self._last_time = 0.0

    def update(self, lines: list[str], *, keys: list | None = None, force: bool = False) -> None:
        """Show `lines`. Off a terminal a line is printed again only when its key changed (default: its text), so
        a ticking clock alone does not repeat every line."""
        lines = [ln[: self.width] for ln in lines]
        keys = list(keys) if keys is not None else list(lines)
        now = time.monotonic()
        if self.tty:
            if self._drawn:
                self.stream.write(f"\x1b[{self._drawn}F")  # back to the first line of the board
            for ln in lines:
                self.stream.write("\x1b[2K" + ln + "\n")
            self._drawn = len(lines)
        else:
            if not force and now - self._last_time < self.min_interval:
                return
            changed = [ln for i, ln in enumerate(lines) if i >= len(self._last_keys) or self._last_keys[i] != keys[i]]
            if not changed:
                return
            stamp = time.strftime("%H:%M:%S")
            for ln in changed:
                self.stream.write(f"[{stamp}] {ln}\n")
            self._last_keys = keys
        self._last_lines = lines
        if self.tty:
            self._last_keys = keys
        self._last_time = now
        self.stream.flush()

    def close(self) -> None:
        self._drawn = 0
