"""The metrics helper a training script calls: `from experiment_runner import log`.

    log(step=100, loss=0.42, val_acc=0.91)      # or log({"loss": 0.42}, step=100)

Each call appends one JSON line to the file named by $EXPERIMENT_RUNNER_METRICS (set by experiment-runner for
every run it launches); without that variable it does nothing, so scripts run the same outside the runner.
Standard library only: this file may be copied next to a script that cannot import experiment_runner."""

from __future__ import annotations

import json
import math
import os
import threading
import time
from typing import TextIO


class _Sink:
    """The metrics file, kept open between calls and reopened when the variable names another one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.handle: TextIO | None = None
        self.path: str | None = None

    def write(self, path: str, line: str) -> None:
        with self.lock:
            if self.handle is None or self.path != path:
                if self.handle is not None:
                    self.handle.close()
                self.handle = open(path, "a", buffering=1, encoding="utf-8")
                self.path = path
            self.handle.write(line)
            self.handle.flush()


_sink = _Sink()


def _number(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    item = getattr(value, "item", None)  # torch / numpy scalars
    if callable(item):
        try:
            return _number(item())
        except (TypeError, ValueError, RuntimeError):
            pass
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _encode(value):
    # JSON has no NaN/Inf; write them as strings the reader turns back into floats.
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def log(metrics: dict | None = None, /, *, step: int | None = None, **values) -> None:
    """Record metric values (numbers; tensors and numpy scalars are converted) at an optional step."""
    path = os.environ.get("EXPERIMENT_RUNNER_METRICS")
    if not path:
        return
    record: dict = {"time": round(time.time(), 6)}
    if step is not None:
        record["step"] = int(step)
    for key, value in {**(metrics or {}), **values}.items():
        number = _number(value)
        if number is not None:
            record[str(key)] = _encode(number)
    _sink.write(path, json.dumps(record, separators=(",", ":")) + "\n")
