"""metrics.jsonl: encoding, appending, reading, and the tail of the file a run logs to itself.

JSON has no NaN or Inf, so they are written as the strings "nan", "inf", "-inf" and decoded back to floats on
reading. Reserved keys: "step" (int or null), "time" (Unix time), "source" ("stdout", "stderr" or "user");
every other key is a metric. A reader ignores a last line without its newline (a write in progress)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Iterable

RESERVED = ("step", "time", "source")
_DECODE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _enc(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def clean_record(record: dict, *, source: str, now: float) -> dict | None:
    """A metric record as stored: reserved keys first, numeric values only (bools and junk dropped)."""
    out: dict[str, Any] = {}
    step = record.get("step")
    if isinstance(step, float) and step.is_integer():
        step = int(step)
    out["step"] = step if isinstance(step, int) and not isinstance(step, bool) else None
    t = record.get("time")
    out["time"] = round(float(t), 6) if isinstance(t, (int, float)) and not isinstance(t, bool) else round(now, 6)
    out["source"] = source
    n = 0
    for key, value in record.items():
        if key in RESERVED:
            continue
        if isinstance(value, str):
            value = _DECODE.get(value.strip())
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        out[str(key)] = _enc(value)
        n += 1
    return out if n else None


def encode_lines(records: Iterable[dict]) -> bytes:
    dumps = json.dumps
    return "".join(dumps(r, separators=(",", ":"), allow_nan=False) + "\n" for r in records).encode()


class MetricsAppender:
    """The supervisor's single writer of metrics.jsonl: one write per batch, O_APPEND."""

    def __init__(self, path: Path):
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.count = 0

    def append(self, records: list[dict]) -> None:
        if not records:
            return
        data = encode_lines(records)
        view = memoryview(data)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        self.count += len(records)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _decode_record(obj: dict) -> dict:
    for key, value in obj.items():
        if isinstance(value, str) and key not in RESERVED:
            decoded = _DECODE.get(value)
            if decoded is not None:
                obj[key] = decoded
    return obj


def read_records(path: Path) -> list[dict]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return []
    end = data.rfind(b"\n")
    if end < 0:
        return []
    out = []
    loads = json.loads
    for line in data[:end].split(b"\n"):
        if not line:
            continue
        try:
            obj = loads(line)
        except ValueError:
            continue  # a line torn by a crash: skip it, keep the rest
        if isinstance(obj, dict):
            if b'"' in line and (b'"nan"' in line or b'inf"' in line or b"NaN" in line or b"Infinity" in line):
                _decode_record(obj)
            out.append(obj)
    return out


def series(records: list[dict]) -> dict[str, list[tuple[int | None, float]]]:
    """Per metric, (step, value) in logging order. A metric the run logged itself ("user" source) wins over the
    same name parsed from its output, so a script that both prints and logs is not counted twice."""
    user_names: set[str] = set()
    for r in records:
        if r.get("source") == "user":
            user_names.update(k for k in r if k not in RESERVED)
    out: dict[str, list[tuple[int | None, float]]] = {}
    for r in records:
        from_user = r.get("source") == "user"
        step = r.get("step")
        for key, value in r.items():
            if key in RESERVED or (key in user_names and not from_user):
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out.setdefault(key, []).append((step, float(value)))
    return out


class JsonlTail:
    """Follows a JSON-lines file another process appends to; returns complete new lines as dicts."""

    def __init__(self, path: Path, max_read: int = 8 << 20):
        self.path = Path(path)
        self.offset = 0
        self.max_read = max_read
        self._partial = b""
        self.bad_lines = 0

    def read_new(self) -> list[dict]:
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read(self.max_read)
        except FileNotFoundError:
            return []
        if not data:
            return []
        self.offset += len(data)
        data = self._partial + data
        end = data.rfind(b"\n")
        if end < 0:
            self._partial = data
            return []
        self._partial = data[end + 1 :]
        out = []
        for line in data[:end].split(b"\n"):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                self.bad_lines += 1
                continue
            if isinstance(obj, dict):
                out.append(obj)
        return out
