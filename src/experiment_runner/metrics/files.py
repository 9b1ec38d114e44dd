"""Readers of the metric files training frameworks write beside a run, each giving records
`{"step": int | None, name: float, ...}` in the file's order:

- CSV with a header of metric names (Lightning's CSVLogger `metrics.csv`, Keras' CSVLogger, timm's summary.csv):
  recognised by its header, not its name: a `step` or `epoch` column and at least one column the metric
  vocabulary calls a loss, error or accuracy. Lightning writes one row per logging call with empty cells for
  the names not logged then; those are left out.
- Hugging Face Trainer `trainer_state.json`: its `log_history` (every logged dict, with its `step`).
- TensorBoard event files (`events.out.tfevents.*`): the scalar summaries, read by a small reader of the record
  format here (TFRecord framing, then the few protobuf fields of Event/Summary/Value that scalars use). The
  `tensorboard` package would read them too, but it brings protobuf, grpcio and numpy with it for this one job.

Names are normalised as the parser does (`normalise_name`), so a file's `val/loss` meets the printed `val/loss`.
Every reader is bounded (MAX_BYTES) and returns [] for a file it cannot read: a metric file is an aid, never a
reason for a run's ingest to fail."""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
import os
import struct
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from experiment_runner.metrics import vocabulary
from experiment_runner.workspace import confine

FileKind = Literal["csv", "trainer_state", "tfevents"]
MAX_BYTES = 64 << 20
_CSV_SUFFIXES = (".csv", ".tsv", ".log")


def kind_of(path: Path) -> FileKind | None:
    """Which reader a file is for, by its name (a CSV is confirmed by its header when read)."""
    name = path.name
    if name == "trainer_state.json":
        return "trainer_state"
    if name.startswith("events.out.tfevents."):
        return "tfevents"
    if name.endswith(_CSV_SUFFIXES):
        return "csv"
    return None


def read(path: Path, kind: FileKind) -> list[dict]:
    try:  # by descriptor inside the workspace: a link that leads out (or any link in the store) is not read
        if confine.stat(path).st_size > MAX_BYTES:
            return []
        data = confine.read_bytes(path)
    except (OSError, confine.Refused):
        return []
    try:
        if kind == "csv":
            return read_csv(data.decode("utf-8", "replace"))
        if kind == "trainer_state":
            return read_trainer_state(data)
        return list(read_tfevents(data))
    except (ValueError, KeyError, TypeError, IndexError, struct.error, UnicodeDecodeError):
        return []


def _norm(name: str) -> str:
    from experiment_runner.runs.metrics_parse import normalise_name

    return normalise_name(name)


def _float(text) -> float | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    try:
        return float(str(text).strip())
    except ValueError:
        return None


def read_csv(text: str) -> list[dict]:
    """Rows of a metrics CSV, or [] when the header is not one (no step/epoch column, or no quality metric)."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_norm(h) for h in next(reader, [])]
    if not header or not ({"step", "epoch"} & set(header)):
        return []
    if not any(vocabulary.describe(h).quality for h in header):
        return []
    step_at = header.index("step") if "step" in header else None
    out = []
    for row in reader:
        if len(row) != len(header):
            continue  # a row being written, or not a row of this table
        record: dict = {"step": None}
        if step_at is not None:
            step = _float(row[step_at])
            record["step"] = int(step) if step is not None and step.is_integer() else None
        for name, cell in zip(header, row):
            if name == "step" or cell.strip() == "":
                continue
            value = _float(cell)
            if value is not None and not vocabulary.is_config(name):
                record[name] = value
        if len(record) > 1:
            out.append(record)
    return out


def read_trainer_state(data: bytes) -> list[dict]:
    state = json.loads(data)
    out = []
    for entry in state.get("log_history", []):
        if not isinstance(entry, dict):
            continue
        step = entry.get("step")
        record: dict = {"step": int(step) if isinstance(step, int) else None}
        for key, value in entry.items():
            number = _float(value) if key != "step" else None
            name = _norm(key)
            if number is not None and not vocabulary.is_config(name):
                record[name] = number
        if len(record) > 1:
            out.append(record)
    return out


# --- TensorBoard event files --------------------------------------------------------------------------


def read_tfevents(data: bytes) -> Iterator[dict]:
    """Scalar records of an event file, one per event that holds scalars."""
    pos, end = 0, len(data)
    while pos + 12 <= end:
        (length,) = struct.unpack_from("<Q", data, pos)
        start = pos + 12
        stop = start + length
        if stop + 4 > end:
            return  # a record being written
        record = _event(data[start:stop])
        if record is not None:
            yield record
        pos = stop + 4


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _fields(buf: bytes) -> Iterator[tuple[int, int, int | bytes]]:
    """(field number, wire type, value) of a protobuf message: ints for varints, bytes for the rest."""
    pos, end = 0, len(buf)
    while pos < end:
        key, pos = _varint(buf, pos)
        field, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 1:
            value, pos = buf[pos : pos + 8], pos + 8
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value, pos = buf[pos : pos + size], pos + size
        elif wire == 5:
            value, pos = buf[pos : pos + 4], pos + 4
        else:
            raise ValueError(f"protobuf wire type {wire}")
        yield field, wire, value


def _event(buf: bytes) -> dict | None:
    step = None
    values: dict = {}
    for field, wire, value in _fields(buf):
        if field == 2 and isinstance(value, int):  # Event.step
            step = value
        elif field == 5 and wire == 2 and isinstance(value, bytes):  # Event.summary
            for f, w, v in _fields(value):
                if f == 1 and w == 2 and isinstance(v, bytes):
                    tag, number = _summary_value(v)
                    if tag is not None and number is not None and not vocabulary.is_config(_norm(tag)):
                        values[_norm(tag)] = number
    if not values:
        return None
    return {"step": step, **values}


def _summary_value(buf: bytes) -> tuple[str | None, float | None]:
    """Summary.Value: tag and its scalar (simple_value, or a one-element float/double tensor)."""
    tag: str | None = None
    number: float | None = None
    for field, wire, value in _fields(buf):
        if isinstance(value, int):
            continue
        if field == 1 and wire == 2:
            tag = value.decode("utf-8", "replace")
        elif field == 2 and wire == 5:
            (number,) = struct.unpack("<f", value)
        elif field == 8 and wire == 2:
            number = _tensor_scalar(value)
    if number is not None and not isinstance(number, float):
        number = float(number)
    return tag, number


def _tensor_scalar(buf: bytes) -> float | None:
    """A TensorProto's one value: tensor_content of 4 or 8 bytes, or the first float_val / double_val."""
    for field, wire, value in _fields(buf):
        if isinstance(value, int):  # dtype, and any other varint field
            continue
        if field == 4 and wire == 2 and len(value) in (4, 8):
            return struct.unpack("<f" if len(value) == 4 else "<d", value)[0]
        if field == 5:  # float_val (packed or not)
            return struct.unpack_from("<f", value)[0]
        if field == 6:  # double_val
            return struct.unpack_from("<d", value)[0]
    return None


# --- finding a run's files -----------------------------------------------------------------------------

_SKIP_DIRS = frozenset({".git", ".experiments", "node_modules", "__pycache__", ".venv", "venv", ".hg", ".tox"})


def find(roots: list[Path], since: float, *, max_entries: int = 20000, max_depth: int = 6) -> list[Path]:
    """Metric files under `roots` modified at or after `since` (Unix time), in path order. The walk is bounded
    (entries and depth, breadth first) and skips version control, virtual environments, hidden folders and the
    run store."""
    found: list[Path] = []
    seen = 0
    # breadth first: the loggers' folders (lightning_logs/, runs/, out/checkpoint-N/) lie a few levels down, and a
    # big data folder must not use up the budget before they are reached
    queue = deque((Path(r), 0) for r in roots)
    visited: set[tuple[int, int]] = set()
    while queue and seen < max_entries:
        folder, depth = queue.popleft()
        try:  # each folder by descriptor inside the workspace (a link leading out is never walked)
            fd = confine.open_fd(folder, os.O_RDONLY | os.O_DIRECTORY)
        except (OSError, confine.Refused):
            continue
        try:
            st = os.fstat(fd)
            if (st.st_dev, st.st_ino) in visited:
                continue
            visited.add((st.st_dev, st.st_ino))
            with os.scandir(fd) as it:  # read while the folder's descriptor is open (entries stat through it)
                for entry in it:
                    seen += 1
                    _visit(entry, folder, depth, since, max_depth, queue, found)
        except OSError:
            continue
        finally:
            os.close(fd)
    return sorted(found)


def _visit(
    entry: os.DirEntry, folder: Path, depth: int, since: float, max_depth: int, queue: deque, found: list
) -> None:
    """One entry of a folder being walked: a sub-folder to walk later, or a metric file written since `since`."""
    try:
        if entry.is_dir(follow_symlinks=False):
            if depth < max_depth and entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                if not _is_venv(folder / entry.name):
                    queue.append((folder / entry.name, depth + 1))
        elif entry.is_file(follow_symlinks=False) and kind_of(Path(entry.name)) is not None:
            if entry.stat(follow_symlinks=False).st_mtime >= since:
                found.append(folder / entry.name)
    except OSError:
        return


def _is_venv(folder: Path) -> bool:
    try:
        return confine.exists(folder / "pyvenv.cfg")
    except confine.Refused:
        return True  # not walked either way


def agrees(file_records: list[dict], parsed: dict[str, list[float]]) -> bool | None:
    """Whether a file's values are this run's: True when at least half of what the run printed under the names the
    file also holds is found in the file (to the printed precision), False when less (another run's file in the
    same folder: a few equal values, such as accuracies on a small validation set, are not enough), None when no
    name is shared (nothing to compare)."""
    values: dict[str, list[float]] = {}
    for record in file_records:
        for name, value in record.items():
            if name != "step" and name in parsed and isinstance(value, float) and math.isfinite(value):
                values.setdefault(name, []).append(value)
    compared = found = 0
    for name, exact in values.items():
        exact.sort()
        for printed in parsed[name]:
            if not math.isfinite(printed):
                continue
            compared += 1
            i = bisect.bisect_left(exact, printed - _tolerance(printed))
            found += i < len(exact) and _same(exact[i], printed)
    if not compared:
        return None
    return 2 * found >= compared


def _tolerance(printed: float) -> float:
    """How far an exact value may be from its printed form: half a unit of the last printed digit (0.62 holds
    0.6234), and never less than 0.05 %."""
    text = repr(printed)
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 12
    return max(5e-4 * abs(printed), 0.5 * 10.0**-decimals * 1.0001, 1e-12)


def _same(exact: float, printed: float) -> bool:
    return abs(exact - printed) <= _tolerance(printed)
