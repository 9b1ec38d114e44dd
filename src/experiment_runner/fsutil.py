"""Durable file writes. A state file is replaced atomically (write temp, fsync, rename, fsync dir) so a
crash at any point leaves the old or the new content, never a partial file. Things a user made are
created exclusively so they are never silently overwritten. Every path goes through workspace/confine.py: it is
opened by descriptor inside its workspace root, and no link in the store is ever followed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from experiment_runner.workspace import confine


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace `path` with `data` atomically and durably."""
    confine.atomic_write(path, data, mode=mode)


def atomic_write_text(path: Path, text: str, *, mode: int = 0o644) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def atomic_write_json(path: Path, obj: Any, *, mode: int = 0o644) -> None:
    atomic_write_bytes(path, (json.dumps(obj, indent=2, sort_keys=False, default=str) + "\n").encode(), mode=mode)


def write_new_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Create `path` with `data`; FileExistsError if it already exists (never overwrite a user's file).
    The content is written to a temp file first and linked into place, so the name never shows a partial file."""
    confine.write_new(path, data, mode=mode)


def write_new_text(path: Path, text: str, *, mode: int = 0o644) -> None:
    write_new_bytes(path, text.encode("utf-8"), mode=mode)


def write_new_json(path: Path, obj: Any, *, mode: int = 0o644) -> None:
    write_new_bytes(path, (json.dumps(obj, indent=2, default=str) + "\n").encode(), mode=mode)


def read_json(path: Path) -> Any:
    return json.loads(confine.read_bytes(path))
