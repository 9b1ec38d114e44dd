"""A run's attempts on disk: the folder an ended attempt's logs and exit record move to when another attempt
follows (`attempts/<n>/`), the steps an attempt logged, and whether a later attempt resumed."""

from __future__ import annotations

import json
from pathlib import Path

from experiment_runner.runs import records
from experiment_runner.workspace import confine

FOLDER = "attempts"
#: Files of the current attempt that move to its folder when the next one starts.
_MOVED = (records.EXIT, records.HEALTH, records.USER_METRICS)
_MOVED_PREFIXES = ("stdout.", "stderr.")


def folder(run_dir: Path, attempt: int) -> Path:
    return Path(run_dir) / FOLDER / str(attempt)


def archive(run_dir: Path, attempt: int) -> str:
    """Move the attempt's logs, exit record, health and own metric log into attempts/<n>/; return that folder
    relative to the run folder. metrics.jsonl stays: every attempt appends to it, each line tagged."""
    dest = folder(run_dir, attempt)
    confine.mkdir(dest)
    for name in confine.listdir(run_dir):
        if name in _MOVED or name.startswith(_MOVED_PREFIXES):
            confine.rename(Path(run_dir) / name, dest / name)
    return f"{FOLDER}/{attempt}"


def steps_of(run_dir: Path, attempt: int) -> tuple[int | None, int | None]:
    """The first and last step attempt `attempt` logged in metrics.jsonl (read in full: only done when a
    scheduler restarts a run, whose previous supervisor could not record them)."""
    try:
        data = confine.read_bytes(Path(run_dir) / records.METRICS)
    except FileNotFoundError:
        return None, None
    first = last = None
    for line in data.split(b"\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if not isinstance(rec, dict) or (rec.get("attempt") or 1) != attempt or rec.get("source") == "file":
            continue
        step = rec.get("step")
        if type(step) is int:
            first = step if first is None else first
            last = step
    return first, last


def resumed(first_step: int, earlier: list[tuple[int | None, int | None]]) -> bool | None:
    """Whether an attempt whose first logged step is `first_step` went on from where the earlier attempts
    (their (first, last) steps, oldest first) had reached, or started again from the beginning. None when the
    earlier attempts logged no step."""
    firsts = [f for f, _ in earlier if f is not None]
    lasts = [last for _, last in earlier if last is not None]
    if not lasts:
        return None
    start, reach = min(firsts), max(lasts)
    if reach <= start:
        return None  # the earlier attempts never got past their first step: nothing to resume past
    return first_step > start
