"""What a status call shows of a run's metrics (count, latest, best, a downsampled curve per metric), kept
incrementally so that a status call reads only the records added since the last one, however long the run.

The summary is cached in the run folder (`.metrics_summary.json`, rebuilt from metrics.jsonl whenever it is
missing, stale or unreadable; it is a cache, never a record). Curves keep every k-th point, k doubling whenever
the kept points pass CURVE_KEEP, so memory stays bounded and the shape stays faithful; the last point is always
known. A retried run's later attempt that starts again at an earlier step rewinds the series to that step (as
metricsio.merged_series does): the best and the count then come from the points kept, exact until a series has
more than CURVE_KEEP points."""

from __future__ import annotations

import json
import math
from pathlib import Path

from experiment_runner.metrics import vocabulary
from experiment_runner.runs import records
from experiment_runner.runs.metricsio import RESERVED
from experiment_runner.workspace import confine

CACHE = ".metrics_summary.json"
CURVE_KEEP = 512
_VERSION = 3


def goal_of(name: str, primary: str | None = None, higher_is_better: bool | None = None) -> str | None:
    """'min' or 'max' for the brief's primary metric (its stated direction), and for any measure of quality
    (loss, error, accuracy-like) by the metric vocabulary; None for the rest (learning rate, counters, times,
    throughput), which have no 'best'."""
    if primary is not None and name == primary and higher_is_better is not None:
        return "max" if higher_is_better else "min"
    described = vocabulary.describe(name)
    return described.direction if described.quality else None


class _Series:
    __slots__ = ("count", "latest", "lo", "hi", "stride", "points", "first_nonfinite", "attempt")

    def __init__(self, d: dict | None = None):
        d = d or {}
        self.count = d.get("count", 0)
        self.latest = d.get("latest")
        self.lo = d.get("lo")
        self.hi = d.get("hi")
        self.stride = d.get("stride", 1)
        self.points = d.get("points", [])
        self.first_nonfinite = d.get("first_nonfinite")
        self.attempt = d.get("attempt", 1)

    def rewind(self, step: int) -> None:
        """Forget the points at or after `step` (a later attempt resumed from before them)."""
        kept = [p for p in self.points if p[0] is None or p[0] < step]
        self.count = max(0, self.count - (len(self.points) - len(kept)) * self.stride)
        self.points = kept
        finite = [p for p in kept if math.isfinite(p[1])]
        self.lo = min(finite, key=lambda p: p[1], default=None)
        self.hi = max(finite, key=lambda p: p[1], default=None)
        if self.first_nonfinite is not None and (self.first_nonfinite[0] is None or self.first_nonfinite[0] >= step):
            self.first_nonfinite = next((p for p in kept if not math.isfinite(p[1])), None)

    def add(self, step, value: float) -> None:
        self.count += 1
        point = [step, value]
        self.latest = point
        if math.isfinite(value):
            if self.lo is None or value < self.lo[1]:
                self.lo = point
            if self.hi is None or value > self.hi[1]:
                self.hi = point
        elif self.first_nonfinite is None:
            self.first_nonfinite = point
        if (self.count - 1) % self.stride == 0:
            self.points.append(point)
            if len(self.points) > CURVE_KEEP:
                self.points = self.points[::2]
                self.stride *= 2

    def dump(self) -> dict:
        return {
            "count": self.count,
            "latest": self.latest,
            "lo": self.lo,
            "hi": self.hi,
            "stride": self.stride,
            "points": self.points,
            "first_nonfinite": self.first_nonfinite,
            "attempt": self.attempt,
        }


def _enc(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def _dec(v):
    if isinstance(v, str):
        return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(v, math.nan)
    return float(v)


class MetricSummary:
    def __init__(self, run_dir: Path):
        self.dir = Path(run_dir)
        self.path = self.dir / records.METRICS
        self._start_over()

    def _start_over(self) -> None:
        """Nothing read yet (a new summary, or metrics.jsonl was rewritten)."""
        self.offset = 0
        self.ino: int | None = None  # metrics.jsonl's inode when last read: a new one means the file was rewritten
        self.records = 0
        self.user: dict[str, _Series] = {}
        self.files: dict[str, _Series] = {}  # from the framework's metric files, read at the run's end
        self.parsed: dict[str, _Series] = {}
        self.last_step: int | None = None
        self.file_step: int | None = None  # the furthest step in the run's metric files (read at its end)

    @classmethod
    def load(cls, run_dir: Path) -> MetricSummary:
        s = cls(run_dir)
        try:
            data = json.loads(confine.read_bytes(s.dir / CACHE))
            if data.get("version") == _VERSION:
                s.offset, s.ino, s.records = data["offset"], data["ino"], data["records"]
                s.last_step = data.get("last_step")
                s.file_step = data.get("file_step")
                s.user = {k: _Series(_decode_series(v)) for k, v in data["user"].items()}
                s.files = {k: _Series(_decode_series(v)) for k, v in data["files"].items()}
                s.parsed = {k: _Series(_decode_series(v)) for k, v in data["parsed"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            s = cls(run_dir)
        return s

    def update(self) -> bool:
        """Read what metrics.jsonl gained since the last update; True if anything changed."""
        try:
            st = confine.stat(self.path)
        except FileNotFoundError:
            return False
        if self.ino is not None and (st.st_ino != self.ino or st.st_size < self.offset):
            self._start_over()
        self.ino = st.st_ino
        if st.st_size <= self.offset:
            return False
        with confine.open_file(self.path, "rb") as f:
            f.seek(self.offset)
            data = f.read(st.st_size - self.offset)
        end = data.rfind(b"\n")
        if end < 0:
            return False
        self.offset += end + 1
        loads = json.loads
        for line in data[:end].split(b"\n"):
            if not line:
                continue
            try:
                r = loads(line)
            except ValueError:
                continue
            if not isinstance(r, dict):
                continue
            self.records += 1
            step = r.get("step")
            source = r.get("source")
            if isinstance(step, int):
                if source == "file":  # a framework's own step counter, exact: it wins over the parsed one
                    self.file_step = step if self.file_step is None else max(step, self.file_step)
                else:
                    self.last_step = step
            target = self.user if source == "user" else self.files if source == "file" else self.parsed
            attempt = r.get("attempt") or 1
            for k, raw in r.items():
                if k in RESERVED:
                    continue
                if isinstance(raw, str):
                    v = _dec(raw)
                elif isinstance(raw, bool) or not isinstance(raw, (int, float)):
                    continue
                else:
                    v = raw
                ser = target.get(k)
                if ser is None:
                    ser = target[k] = _Series()
                if attempt > ser.attempt and isinstance(step, int):
                    ser.rewind(step)
                    ser.attempt = attempt
                ser.add(step, float(v))
        return True

    def save(self) -> None:
        data = {
            "version": _VERSION,
            "offset": self.offset,
            "ino": self.ino,
            "records": self.records,
            "last_step": self.last_step,
            "file_step": self.file_step,
            "user": {k: _encode_series(v.dump()) for k, v in self.user.items()},
            "files": {k: _encode_series(v.dump()) for k, v in self.files.items()},
            "parsed": {k: _encode_series(v.dump()) for k, v in self.parsed.items()},
        }
        try:
            confine.atomic_write(self.dir / CACHE, json.dumps(data, separators=(",", ":")).encode(), durable=False)
        except OSError:
            pass

    def step(self) -> int | None:
        """The run's latest step: from its metric files when it wrote any, else the latest parsed or logged."""
        return self.file_step if self.file_step is not None else self.last_step

    def series(self) -> dict[str, _Series]:
        """Per metric, the user-logged series when the run logged that name itself, else the one from a metric
        file the framework wrote (exact values and steps), else the parsed one."""
        out = dict(self.parsed)
        for name, ser in self.files.items():
            parsed = out.get(name)
            if parsed is not None and _stepped(parsed) and not _stepped(ser):
                continue  # a file without steps (Keras' CSVLogger) does not replace a series that has them
            out[name] = ser
        out.update(self.user)
        return out


def _stepped(ser: _Series) -> bool:
    return any(p[0] is not None for p in ser.points)


def _encode_series(d: dict) -> dict:
    def p(point):
        return None if point is None else [point[0], _enc(point[1])]

    return {
        **d,
        "latest": p(d["latest"]),
        "lo": p(d["lo"]),
        "hi": p(d["hi"]),
        "first_nonfinite": p(d["first_nonfinite"]),
        "points": [[s, _enc(v)] for s, v in d["points"]],
    }


def _decode_series(d: dict) -> dict:
    def p(point):
        return None if point is None else [point[0], _dec(point[1])]

    return {
        **d,
        "latest": p(d.get("latest")),
        "lo": p(d.get("lo")),
        "hi": p(d.get("hi")),
        "first_nonfinite": p(d.get("first_nonfinite")),
        "points": [[s, _dec(v)] for s, v in d.get("points", [])],
    }


def summarize(run_dir: Path) -> MetricSummary:
    s = MetricSummary.load(run_dir)
    if s.update():
        s.save()
    return s


def downsample(points: list, k: int, keep: list | None = None) -> list:
    """At most about k points, evenly spaced by index, always with the first and last (and `keep`, e.g. the best)."""
    n = len(points)
    if n <= k or k <= 0:
        out = list(points)
    else:
        idx = sorted({round(i * (n - 1) / (k - 1)) for i in range(k)}) if k > 1 else [n - 1]
        out = [points[i] for i in idx]
    if keep is not None and keep not in out:
        out.append(keep)
        out.sort(key=lambda p: (p[0] is None, p[0] if p[0] is not None else 0))
    return out
