"""metrics.jsonl: encoding, appending, reading, and the tail of the file a run logs to itself.

JSON has no NaN or Inf, so they are written as the strings "nan", "inf", "-inf" and decoded back to floats on
reading. Reserved keys: "step" (int or null), "time" (Unix time), "source" ("stdout", "stderr", "user", or "file": a
metric file the framework wrote, read at the run's end), "attempt" (the attempt of a retried run that logged it, left
out for the first attempt); every other key is a metric. A reader ignores a last line without its newline (a write
in progress).

A retried run's attempts append to one file; `merged_series` joins them into one series per metric without
duplicated or reversed steps: where an attempt starts again at a step an earlier attempt already logged (it
resumed from a checkpoint written before that step), its values replace the earlier ones from there on."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path

from experiment_runner.workspace import confine

RESERVED = ("step", "time", "source", "attempt")
_RESERVED_SET = frozenset(RESERVED)
_DECODE = {
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "NaN": math.nan,
    "Infinity": math.inf,
    "-Infinity": -math.inf,
}


_INF, _NINF = math.inf, -math.inf
_SAFE = re.compile(r"^[A-Za-z0-9_./:@\[\]() -]+$")
_names: dict[str, str] = {}
_reprs: dict[float, str] = {}


def _name(key) -> str:
    """The key as it goes between JSON quotes (cached: the same few names repeat on every line)."""
    q = _names.get(key)
    if q is None:
        key = str(key)
        q = key if _SAFE.match(key) else json.dumps(key)[1:-1]
        if len(_names) < 10000:
            _names[key] = q
    return q


def _value(v) -> str | None:
    t = type(v)
    if t is float:
        if v != v:  # noqa: PLR0124 - NaN, the cheapest test on the per-line path
            return '"nan"'
        if v in (_INF, _NINF):
            return '"inf"' if v > 0 else '"-inf"'
        return repr(v)
    if t is int:
        return str(v)
    if t is str:
        d = _DECODE.get(v.strip())
        return None if d is None else _value(d)
    if isinstance(v, (int, float)) and not isinstance(v, bool):  # numpy scalars and friends
        return _value(float(v))
    return None


def _tag(source: str, attempt: int) -> str:
    """The source key (and the attempt, from the second on) as they go in a line."""
    return f'"source":"{source}"' + (f',"attempt":{attempt}' if attempt > 1 else "")


def encode_record(record: dict, source: str, time_text: str, attempt: int = 1) -> str | None:
    """One metrics.jsonl line for a metric record (reserved keys first; bools, junk and records without a single
    numeric value dropped). Written by hand rather than json.dumps: this runs for every metric line a run prints,
    and costs about half as much."""
    parts: list[str] = []
    append = parts.append
    names = _names
    reprs = _reprs
    for key, v in record.items():
        if key in _RESERVED_SET:
            continue
        if type(v) is float and v - v == 0.0:  # the common case: a finite float (NaN and Inf give NaN here)
            text = reprs.get(v)
            if text is None:  # float repr is the dearest step; values repeat a lot (lr, accuracy plateaus)
                text = repr(v)
                if v and len(reprs) < 4096:  # not zero: 0.0 and -0.0 are equal keys with different texts
                    reprs[v] = text
        else:
            text = _value(v)
            if text is None:
                continue
        append(f'"{names.get(key) or _name(key)}":{text}')
    if not parts:
        return None
    step = record.get("step")
    if type(step) is not int:
        step = int(step) if isinstance(step, float) and step.is_integer() else None
    t = record.get("time")
    if t is not None and type(t) in (int, float) and t == t:  # noqa: PLR0124 - not NaN
        time_text = f"{t:.6f}"
    return (
        f'{{"step":{"null" if step is None else step},"time":{time_text},{_tag(source, attempt)},{",".join(parts)}}}\n'
    )


_line_plans: dict[tuple, tuple] = {}


def _line_plan(keys: tuple) -> tuple:
    """For records with exactly these keys: the metric keys, and each one's '"name":' text with its separator."""
    metric = tuple(k for k in keys if k not in _RESERVED_SET)
    heads = tuple(("" if i == 0 else ",") + f'"{_name(k)}":' for i, k in enumerate(metric))
    plan = (metric, heads, "time" in keys)
    if len(_line_plans) > 1024:  # a run inventing names per line must not grow memory without bound
        _line_plans.clear()
    _line_plans[keys] = plan
    return plan


def encode_records(records: list[dict], source: str, time_text: str, attempt: int = 1) -> tuple[list[str | None], bool]:
    """encode_record for each record, in order, and whether none was dropped (every line not None). The same text,
    at less cost for the common record (an int or no step, finite float metrics; about a tenth less, measured):
    the parser yields records of a few shapes, and each shape's names are quoted once. Any other record goes
    through encode_record."""
    out: list[str | None] = []
    append = out.append
    plans = _line_plans
    reprs = _reprs
    mid = f',"time":{time_text},{_tag(source, attempt)},'
    kept = True
    for r in records:
        keys = tuple(r)
        plan = plans.get(keys)
        if plan is None:
            plan = _line_plan(keys)
        metric, heads, has_time = plan
        step = r.get("step")
        if has_time or not metric or (type(step) is not int and step is not None):
            line = encode_record(r, source, time_text, attempt)
            kept = kept and line is not None
            append(line)
            continue
        parts = []
        for k, head in zip(metric, heads):
            v = r[k]
            if type(v) is not float or v - v != 0.0:  # not a finite float (v - v is NaN for NaN and Inf)
                break
            text = reprs.get(v)
            if text is None:
                text = repr(v)
                if v and len(reprs) < 4096:  # as in encode_record: 0.0 and -0.0 share a key
                    reprs[v] = text
            parts.append(head)
            parts.append(text)
        else:
            append(f'{{"step":{"null" if step is None else step}{mid}{"".join(parts)}}}\n')
            continue
        line = encode_record(r, source, time_text, attempt)
        kept = kept and line is not None
        append(line)
    return out, kept


def clean_record(record: dict, *, source: str, now: float) -> dict | None:
    """A metric record as stored (the dict form of encode_record's line)."""
    line = encode_record(record, source, f"{now:.6f}")
    return None if line is None else _decode_record(json.loads(line))


def encode_lines(records: Iterable[dict]) -> bytes:
    dumps = json.dumps
    return "".join(dumps(r, separators=(",", ":"), allow_nan=False) + "\n" for r in records).encode()


class MetricsAppender:
    """The supervisor's single writer of metrics.jsonl: one write per batch, O_APPEND."""

    def __init__(self, path: Path):
        self._fd = confine.open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.count = 0

    def append(self, records: list[dict]) -> None:
        if records:
            self.write_lines(encode_lines(records), len(records))

    def write_lines(self, data: bytes, count: int) -> None:
        """Append ready-made lines (one write per batch, so readers see whole lines as often as possible)."""
        view = memoryview(data)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        self.count += count

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
        data = confine.read_bytes(path)
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


#: Where a record came from, most trusted first: what the run logged itself, a metric file a framework wrote
#: (exact values and steps), what was parsed from its output.
SOURCE_RANK = {"user": 0, "file": 1}
_PARSED_RANK = 2


Point = tuple[int | None, float, int]  # step, value, the attempt that logged it


def series(records: list[dict]) -> dict[str, list[tuple[int | None, float]]]:
    """Per metric, (step, value): `merged_series` without the attempts."""
    return {k: [(s, v) for s, v, _ in pts] for k, pts in merged_series(records).items()}


def merged_series(records: list[dict]) -> dict[str, list[Point]]:
    """Per metric, (step, value, attempt) in logging order, each name from its most trusted source: a metric the run
    logged itself ("user") wins over a framework's metric file ("file"), which wins over the same name parsed from
    the output, so a script that both prints and logs is not counted twice. Parsed points with a step beyond the
    last step a file holds for that name are kept after the file's (the output went on after the file was last
    written). A file series without steps gives way to a parsed one with them. The attempts of a retried run are
    joined as the module docstring says; a file's values (read once, at the run's end) belong to the attempt whose
    first step is the latest at or before theirs."""
    best: dict[str, int] = {}
    stepped_file: set[str] = set()
    parsed_stepped: set[str] = set()
    starts: dict[int, int] = {}  # attempt -> the first step it logged (from the second attempt on)
    for r in records:
        rank = SOURCE_RANK.get(r.get("source"), _PARSED_RANK)  # type: ignore[arg-type]
        step = r.get("step")
        attempt = r.get("attempt")
        if attempt and step is not None and rank != SOURCE_RANK["file"]:
            starts[attempt] = min(step, starts.get(attempt, step))
        if rank < _PARSED_RANK:
            for k in r:
                if k not in RESERVED and rank < best.get(k, _PARSED_RANK):
                    best[k] = rank
            if rank == SOURCE_RANK["file"] and step is not None:
                stepped_file.update(k for k in r if k not in RESERVED)
        elif step is not None:
            parsed_stepped.update(k for k in r if k not in RESERVED)
    for k in [k for k, rank in best.items() if rank == SOURCE_RANK["file"]]:
        if k not in stepped_file and k in parsed_stepped:
            del best[k]  # a file without steps (Keras' CSVLogger) does not replace a series that has them
    last_attempt = max(starts, default=1)
    out: dict[str, list[Point]] = {}
    tail: dict[str, list[Point]] = {}
    for r in records:
        rank = SOURCE_RANK.get(r.get("source"), _PARSED_RANK)  # type: ignore[arg-type]
        step = r.get("step")
        if rank == SOURCE_RANK["file"]:
            attempt = _attempt_at(step, starts, last_attempt)
        else:
            attempt = r.get("attempt") or 1
        for key, value in r.items():
            if key in RESERVED or not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            want = best.get(key, _PARSED_RANK)
            if rank == want:
                out.setdefault(key, []).append((step, float(value), attempt))
            elif want == SOURCE_RANK["file"] and rank == _PARSED_RANK and step is not None:
                tail.setdefault(key, []).append((step, float(value), attempt))
    for key, points in tail.items():
        last = max((p[0] for p in out.get(key, []) if p[0] is not None), default=None)
        if last is not None:
            out[key].extend(p for p in points if p[0] > last)  # type: ignore[operator]
    if starts:
        out = {k: _join_attempts(pts) for k, pts in out.items()}
    return out


def _attempt_at(step: int | None, starts: dict[int, int], last: int) -> int:
    if step is None:
        return last
    return max((a for a, first in starts.items() if first <= step), default=1)


def _join_attempts(points: list[Point]) -> list[Point]:
    """One series from the attempts' points in logging order: the first stepped point of a later attempt drops the
    earlier attempts' points at or after its step (their training was undone when it resumed from before them)."""
    out: list[Point] = []
    joined = 1  # the latest attempt whose first stepped point has been placed
    for point in points:
        step, _, attempt = point
        if attempt > joined and step is not None:
            out = [p for p in out if p[0] is None or p[0] < step or p[2] >= attempt]
            joined = attempt
        out.append(point)
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
            with confine.open_file(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read(self.max_read)
        except (FileNotFoundError, confine.Refused):  # the run replaced its file with a link: nothing to read
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
        for raw in data[:end].split(b"\n"):
            line = raw.strip()
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
