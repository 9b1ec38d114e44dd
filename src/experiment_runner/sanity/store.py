"""Sanity-check results recorded with their experiment: `<store>/<experiment>/sanity/<UTC timestamp>.json`, one file
per run, created exclusively (never overwritten; two runs in the same microsecond get a `-2` suffix).

API for the other parts (launch_training's preflight, the report):
    save(ws, record) -> Path                       write a new record (record.experiment must be set)
    paths(ws, experiment) -> list[Path]            every record file, oldest first
    load(path) -> SanityRecord                     one record (UserError if unreadable)
    history(ws, experiment) -> list[SanityRecord]  every record, oldest first
    latest(ws, experiment) -> SanityRecord | None  the newest record, whatever its verdict
    latest_passed(ws, experiment) -> SanityRecord | None   the newest record whose verdict is 'passed'
A record says `passed` (bool), `verdict`, `checks` (name, status, message, expected, observed, evidence, fix),
`entrypoint` and `entrypoint_sha256` (so a preflight can tell whether the code changed since), and `created_at`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.fsutil import read_json, write_new_json
from experiment_runner.sanity.model import SanityRecord
from experiment_runner.workspace import Workspace, confine

_RECORD = re.compile(r"\d{8}T\d{6}\.\d{6}Z(-\d+)?\.json")


def utc_now() -> datetime:
    return datetime.now(UTC)


def sanity_dir(ws: Workspace, experiment: str, *, create: bool = False) -> Path:
    d = ws.experiment_dir(experiment, create=create) / "sanity"
    if create:
        confine.mkdir(d)
    return d


def _order(path: Path) -> tuple[str, int]:
    stem = path.name[: -len(".json")]
    base, _, n = stem.partition("-")
    return base, int(n or 1)


def paths(ws: Workspace, experiment: str) -> list[Path]:
    d = sanity_dir(ws, experiment)
    try:
        found = confine.listdir(d)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted((d / name for name in found if _RECORD.fullmatch(name)), key=_order)


def save(ws: Workspace, record: SanityRecord, when: datetime | None = None) -> Path:
    if not record.experiment:
        raise ValueError("a sanity record is saved with an experiment")
    d = sanity_dir(ws, record.experiment, create=True)
    stamp = (when or utc_now()).strftime("%Y%m%dT%H%M%S.%fZ")
    data = record.model_dump(mode="json")
    for n in range(1, 1000):
        path = d / (f"{stamp}.json" if n == 1 else f"{stamp}-{n}.json")
        try:
            write_new_json(path, data)
            return path
        except FileExistsError:
            continue
    raise UserError(f"could not find a free file name for a sanity record in {d}")


def load(path: Path) -> SanityRecord:
    try:
        return SanityRecord.model_validate(read_json(path))
    except (ValueError, OSError) as e:
        raise UserError(f"sanity record {path} is unreadable or not a sanity record: {e}") from None


def history(ws: Workspace, experiment: str) -> list[SanityRecord]:
    return [load(p) for p in paths(ws, experiment)]


def latest(ws: Workspace, experiment: str) -> SanityRecord | None:
    found = paths(ws, experiment)
    return load(found[-1]) if found else None


def latest_passed(ws: Workspace, experiment: str) -> SanityRecord | None:
    for path in reversed(paths(ws, experiment)):
        record = load(path)
        if record.passed:
            return record
    return None
