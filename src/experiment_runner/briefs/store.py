"""Brief versions under `.experiments/<experiment>/brief/`. Every version is kept (v001.json, v002.json ...).
A draft changes once at most, when it is confirmed: then it records a content hash and a UTC time, becomes
read-only, and any later change is a new version. Loading a confirmed version re-checks its hash, so an edit
made on disk after confirmation is caught."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, Field

from experiment_runner.briefs.model import Brief
from experiment_runner.errors import NotFound, UserError
from experiment_runner.fsutil import atomic_write_json, read_json, write_new_json
from experiment_runner.workspace import Workspace, confine

_VERSION_FILE = re.compile(r"v(\d{3,})\.json")
#: a draft may still change (once: when it is confirmed); a confirmed version is pre-registered and immutable
BriefStatus = Literal["draft", "confirmed"]
BRIEF_STATUSES: tuple[BriefStatus, ...] = get_args(BriefStatus)


class BriefRecord(BaseModel):
    experiment: str
    version: int
    status: BriefStatus
    created_at: str
    confirmed_at: str | None = None
    content_hash: str = Field(description="sha256 of the brief's canonical JSON")
    brief: Brief


def content_hash(brief: Brief) -> str:
    canonical = json.dumps(brief.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a lone surrogate read back from a hand-edited file must not crash the hash (valid text hashes
    # exactly as plain UTF-8)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def brief_dir(ws: Workspace, experiment: str, *, create: bool = False) -> Path:
    d = ws.experiment_dir(experiment, create=create) / "brief"
    if create:
        confine.mkdir(d)
    return d


def version_path(ws: Workspace, experiment: str, version: int) -> Path:
    return brief_dir(ws, experiment) / f"v{version:03d}.json"


def versions(ws: Workspace, experiment: str) -> list[int]:
    try:
        found = confine.listdir(brief_dir(ws, experiment))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(int(m.group(1)) for f in found if (m := _VERSION_FILE.fullmatch(f)))


def load(ws: Workspace, experiment: str, version: int) -> BriefRecord:
    path = version_path(ws, experiment, version)
    if not confine.is_file(path):
        have = versions(ws, experiment)
        raise NotFound(
            f"experiment {experiment!r} has no brief version {version}; "
            + (f"versions: {', '.join(map(str, have))}" if have else "it has no brief yet (call draft_brief)")
        )
    try:
        record = BriefRecord.model_validate(read_json(path))
    except (ValueError, OSError) as e:
        raise UserError(f"brief file {path} is unreadable or not a brief record: {e}") from None
    actual = content_hash(record.brief)
    if record.status == "confirmed" and actual != record.content_hash:
        raise UserError(
            f"brief v{version} of {experiment!r} was edited after confirmation: it was pre-registered with "
            f"{record.content_hash} but now hashes to {actual}. A confirmed brief is immutable: restore the file "
            "(e.g. from version control) and draft a new version for any change"
        )
    return record


def latest(ws: Workspace, experiment: str) -> BriefRecord | None:
    have = versions(ws, experiment)
    return load(ws, experiment, have[-1]) if have else None


def confirmed_versions(ws: Workspace, experiment: str) -> list[BriefRecord]:
    return [r for v in versions(ws, experiment) if (r := load(ws, experiment, v)).status == "confirmed"]


def first_confirmed(ws: Workspace, experiment: str) -> BriefRecord | None:
    """The original pre-registration: reports compare what they test against it."""
    for v in versions(ws, experiment):
        r = load(ws, experiment, v)
        if r.status == "confirmed":
            return r
    return None


def save_draft(ws: Workspace, experiment: str, brief: Brief) -> BriefRecord:
    """Write a new version. Versions are created exclusively, so two writers never share a number."""
    d = brief_dir(ws, experiment, create=True)
    for _ in range(100):
        version = (versions(ws, experiment) or [0])[-1] + 1
        record = BriefRecord(
            experiment=experiment,
            version=version,
            status="draft",
            created_at=utc_now(),
            content_hash=content_hash(brief),
            brief=brief,
        )
        try:
            write_new_json(d / f"v{version:03d}.json", record.model_dump(mode="json"))
            return record
        except FileExistsError:
            continue
    raise UserError(f"could not allocate a new brief version under {d}")


def confirm(ws: Workspace, record: BriefRecord) -> BriefRecord:
    """Pre-register a draft: record its hash and time, then make the file read-only."""
    if record.status == "confirmed":
        return record
    path = version_path(ws, record.experiment, record.version)
    on_disk = load(ws, record.experiment, record.version)
    if on_disk.content_hash != content_hash(record.brief) or on_disk.status != "draft":
        raise UserError(
            f"brief v{record.version} of {record.experiment!r} changed on disk while confirming; draft again"
        )
    confirmed = record.model_copy(
        update={"status": "confirmed", "confirmed_at": utc_now(), "content_hash": content_hash(record.brief)}
    )
    atomic_write_json(path, confirmed.model_dump(mode="json"), mode=0o444)
    confine.chmod(path, 0o444)
    return confirmed
