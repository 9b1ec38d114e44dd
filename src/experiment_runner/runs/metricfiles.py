"""The metric files a run wrote beside its output (Lightning's metrics.csv, Keras' CSVLogger, TensorBoard event
files, Hugging Face's trainer_state.json), found when the run ends and added to its metrics.jsonl with source
"file": they hold the exact values and steps that the printed text rounds or leaves out, and readers of the series
(metricsio.series, the status summary) let them beat parsed text for the same name.

Which files are the run's: files under the run's working folder (and its checkpoint folder) modified since it
started. Several runs can share a working folder, so a file is taken only when its values agree with what this
run printed (at least half of the printed values of the names it holds are in it), or, when it shares no name with
the printed output, when it is the only file of its kind. Of several trainer_state.json (one per checkpoint, each
holding the history up to it) only the longest is taken. What was taken, and what was left and why, is written to
metric_files.json."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.metrics import files as F
from experiment_runner.runs import records
from experiment_runner.runs.metricsio import RESERVED, encode_record
from experiment_runner.workspace import confine

INDEX = "metric_files.json"
SOURCE = "file"
_TAIL_BYTES = 4 << 20  # of metrics.jsonl, read back for the values the run printed
_MAX_PRINTED = 2000  # values kept per name for the agreement check


def printed_values(run_dir: Path) -> dict[str, list[float]]:
    """Per name, up to _MAX_PRINTED of the last values parsed from the run's output."""
    path = run_dir / records.METRICS
    try:
        with confine.open_file(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - _TAIL_BYTES))
            data = f.read()
    except (OSError, confine.Refused):
        return {}
    out: dict[str, list[float]] = {}
    for line in data.split(b"\n")[1 if size > _TAIL_BYTES else 0 :]:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if not isinstance(rec, dict) or rec.get("source") not in ("stdout", "stderr"):
            continue
        for key, value in rec.items():
            if key not in RESERVED and isinstance(value, float):
                values = out.setdefault(key, [])
                if len(values) < _MAX_PRINTED:
                    values.append(value)
    return out


def collect(run_dir: Path, roots: list[Path], since: float) -> tuple[list[tuple[Path, list[dict]]], list[dict]]:
    """The run's metric files with their records, and the index entries (taken or not, and why)."""
    candidates = []
    for path in F.find(roots, since):
        kind = F.kind_of(path)
        if kind is not None:
            candidates.append((path, kind, F.read(path, kind)))
    return choose(candidates, printed_values(run_dir))


def choose(
    candidates: Sequence[tuple[Path, str, list[dict]]], printed: dict[str, list[float]]
) -> tuple[list[tuple[Path, list[dict]]], list[dict]]:
    """Which candidate files (path, kind, records) are the run's, by the rules in the module docstring."""
    judged = [(path, kind, recs, F.agrees(recs, printed)) for path, kind, recs in candidates if recs]
    unshared: dict[str, int] = {}
    for _, kind, _, agreed in judged:
        if agreed is None:
            unshared[kind] = unshared.get(kind, 0) + 1
    longest_state = max((len(r) for _, k, r, a in judged if k == "trainer_state" and a is not False), default=0)
    index: list[dict] = []
    taken: list[tuple[Path, list[dict]]] = []
    state_taken = False
    for path, kind, recs, agreed in judged:
        entry: dict = {"path": str(path), "kind": kind, "records": len(recs)}
        if agreed is False:
            entry["taken"], entry["why"] = False, "its values disagree with this run's output (another run's file)"
        elif agreed is None and unshared[kind] > 1:
            entry["taken"] = False
            entry["why"] = f"it shares no metric with the output and {unshared[kind]} such files exist"
        elif kind == "trainer_state" and (len(recs) < longest_state or state_taken):
            entry["taken"], entry["why"] = False, "an earlier checkpoint's history (the longest one was taken)"
        else:
            entry["taken"] = True
            entry["why"] = "its values agree with the output" if agreed else "the only file of its kind"
            taken.append((path, recs))
            state_taken = state_taken or kind == "trainer_state"
        index.append(entry)
    return taken, index


def records_of(taken: list[tuple[Path, list[dict]]]) -> list[dict]:
    """The taken files' records, each (name, step) once: Lightning writes the same scalars to its CSV and its
    TensorBoard files, and the first file (in path order) gives them."""
    seen: set[tuple[str, int]] = set()
    out: list[dict] = []
    for _, recs in taken:
        for rec in recs:
            step = rec.get("step")
            kept = rec
            if step is not None:
                kept = {k: v for k, v in rec.items() if k == "step" or (k, step) not in seen}
                seen.update((k, step) for k in kept if k != "step")
            if len(kept) > 1:
                out.append(kept)
    return out


def ingest(run_dir: Path, roots: list[Path], since: float, now: float) -> list[dict]:
    """Append the run's metric files' records to metrics.jsonl (source "file") and write the index. Returns the
    records appended (for the health monitor)."""
    taken, index = collect(run_dir, roots, since)
    lines: list[str] = []
    added = records_of(taken)
    for rec in added:
        line = encode_record(rec, SOURCE, f"{now:.6f}")
        if line is not None:
            lines.append(line)
    if lines:
        with confine.open_file(run_dir / records.METRICS, "ab") as f:
            f.write("".join(lines).encode())
    if index:
        atomic_write_json(run_dir / INDEX, index)
    return added
