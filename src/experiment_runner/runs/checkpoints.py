"""A run's checkpoint folder: which entries are checkpoints, which of them are complete, the latest one a retried
attempt resumes from, the disk they use, and which ones a keep-last/keep-best policy lets go.

A checkpoint is an entry directly in the folder: a file with a checkpoint suffix (.pt, .ckpt, .safetensors, .pkl
...) or a folder named like one (checkpoint-500, global_step500, epoch_3). Names a writer uses while writing (hidden,
tmp*, *.tmp, *.partial ...) and links are never checkpoints. Complete means its format's own end is there: a zip
(torch.save, .npz, .keras) has its central directory, a safetensors file the size its header promises, a pickle
its STOP opcode; a folder holds no temporary file and none of its files is torn. A file whose format cannot be
checked counts as complete, and is said to be unchecked. Everything is read by descriptor inside the workspace."""

from __future__ import annotations

import json
import os
import re
import stat
import struct
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from experiment_runner.workspace import confine

SUFFIXES = (
    ".pt",
    ".pth",
    ".ckpt",
    ".tar",
    ".bin",
    ".safetensors",
    ".pkl",
    ".pickle",
    ".npz",
    ".h5",
    ".hdf5",
    ".keras",
    ".msgpack",
    ".joblib",
    ".model",
)
_FOLDER = re.compile(r"(checkpoint|ckpt|step|epoch|iter|global_step)[-_=]?\d+", re.IGNORECASE)
_TEMP = re.compile(r"^(\.|tmp)|(\.tmp|\.temp|\.partial|\.part|\.incomplete|\.lock|~)$", re.IGNORECASE)
SETTLE_S = 2.0  # a checkpoint changed this recently may still be being written: never deleted
_ZIP_END = 1 << 16  # a zip's end record lies in its last 64 KiB (plus 22 bytes)

Completeness = Literal["complete", "torn", "unchecked"]


@dataclass(frozen=True)
class Entry:
    name: str
    path: Path
    folder: bool
    bytes: int
    mtime: float


def is_candidate(name: str, folder: bool) -> bool:
    if _TEMP.search(name):
        return False
    return bool(_FOLDER.search(name)) if folder else name.lower().endswith(SUFFIXES)


def entries(ckpt_dir: Path) -> list[Entry]:
    """The checkpoints in the folder, newest first (by modification time; a folder by its newest file)."""
    try:
        fd = confine.open_fd(ckpt_dir, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, NotADirectoryError, confine.Refused):
        return []
    out = []
    try:
        with os.scandir(fd) as it:
            for e in it:
                st = e.stat(follow_symlinks=False)
                folder = stat.S_ISDIR(st.st_mode)
                if not (folder or stat.S_ISREG(st.st_mode)) or not is_candidate(e.name, folder):
                    continue
                size, mtime = _tree(e.name, fd) if folder else (st.st_size, st.st_mtime)
                out.append(Entry(e.name, Path(ckpt_dir) / e.name, folder, size, mtime))
    finally:
        os.close(fd)
    out.sort(key=lambda e: e.mtime, reverse=True)
    return out


def _tree(name: str, parent_fd: int) -> tuple[int, float]:
    """Bytes and newest modification time of the regular files under a folder (links not followed)."""
    size, mtime = 0, 0.0
    for _, _, files, dfd in os.fwalk(name, dir_fd=parent_fd, follow_symlinks=False):
        for f in files:
            try:
                st = os.stat(f, dir_fd=dfd, follow_symlinks=False)
            except FileNotFoundError:
                continue
            if stat.S_ISREG(st.st_mode):
                size += st.st_size
                mtime = max(mtime, st.st_mtime)
    return size, mtime


def usage(ckpt_dir: Path) -> tuple[int, int]:
    """(bytes, files) of everything in the folder."""
    try:
        fd = confine.open_fd(ckpt_dir, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, NotADirectoryError, confine.Refused):
        return 0, 0
    size = files = 0
    try:
        for _, _, names, dfd in os.fwalk(".", dir_fd=fd, follow_symlinks=False):
            for f in names:
                try:
                    st = os.stat(f, dir_fd=dfd, follow_symlinks=False)
                except FileNotFoundError:
                    continue
                if stat.S_ISREG(st.st_mode):
                    size += st.st_size
                    files += 1
    finally:
        os.close(fd)
    return size, files


def free_bytes(ckpt_dir: Path) -> int | None:
    try:
        fd = confine.open_fd(ckpt_dir, os.O_RDONLY | os.O_DIRECTORY)
    except (OSError, confine.Refused):
        return None
    try:
        st = os.fstatvfs(fd)
    finally:
        os.close(fd)
    return st.f_bavail * st.f_frsize


# --- completeness --------------------------------------------------------------------------------------------


def check(entry: Entry) -> tuple[Completeness, str]:
    """Whether a checkpoint was written to its end, and why it is judged so."""
    if not entry.folder:
        return check_file(entry.path)
    try:
        fd = confine.open_fd(entry.path, os.O_RDONLY | os.O_DIRECTORY)
    except (OSError, confine.Refused) as e:
        return "torn", f"unreadable ({e})"
    try:
        verdict: tuple[Completeness, str] = ("unchecked", "no file in it has a format that can be checked")
        seen = 0
        for root, _, files, _ in os.fwalk(".", dir_fd=fd, follow_symlinks=False):
            seen += len(files)
            for f in files:
                if _TEMP.search(f):
                    return "torn", f"it holds {os.path.join(root, f)[2:]}, a file still being written"
                if f.lower().endswith(SUFFIXES):
                    kind, why = check_file(entry.path / root / f)
                    if kind == "torn":
                        return "torn", f"{os.path.join(root, f)[2:]}: {why}"
                    if kind == "complete":
                        verdict = ("complete", "its files are complete")
        return ("torn", "it is empty") if not seen else verdict
    finally:
        os.close(fd)


def check_file(path: Path) -> tuple[Completeness, str]:
    try:
        with confine.open_file(path, "rb") as f:
            head = f.read(8)
            size = os.fstat(f.fileno()).st_size
            if head.startswith(b"PK\x03\x04"):
                return _zip_complete(f, size)
            if head[:1] == b"\x80" and path.suffix.lower() in (".pkl", ".pickle"):
                f.seek(size - 1)
                return ("complete", "pickle ends with STOP") if f.read(1) == b"." else ("torn", "the pickle has no end")
            if len(head) == 8 and path.suffix.lower() == ".safetensors":
                return _safetensors_complete(f, head, size)
    except (OSError, confine.Refused) as e:
        return "torn", f"unreadable ({e})"
    if size == 0:
        return "torn", "it is empty"
    return "unchecked", "its format cannot be checked here"


def _zip_complete(f, size: int) -> tuple[Completeness, str]:
    f.seek(max(0, size - _ZIP_END - 22))
    tail = f.read()
    if tail.rfind(b"PK\x05\x06") < 0:
        return "torn", f"the zip archive ({size:,} bytes) has no central directory: it was cut off while written"
    return "complete", "the zip archive has its central directory"


def _safetensors_complete(f, head: bytes, size: int) -> tuple[Completeness, str]:
    (n,) = struct.unpack("<Q", head)
    if n > 100 << 20 or 8 + n > size:
        return "torn", "the safetensors header is cut off"
    try:
        header = json.loads(f.read(n))
        end = max((int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"), default=0)
    except (ValueError, KeyError, TypeError, IndexError):
        return "torn", "the safetensors header is not valid"
    if size < 8 + n + end:
        return "torn", f"the safetensors file has {size:,} of the {8 + n + end:,} bytes its header promises"
    return "complete", "the safetensors file has every byte its header promises"


def latest(ckpt_dir: Path) -> tuple[Entry | None, list[str]]:
    """The newest complete (or unchecked) checkpoint, and what newer ones were passed over and why."""
    skipped: list[str] = []
    for entry in entries(ckpt_dir):
        kind, why = check(entry)
        if kind != "torn":
            return entry, skipped
        skipped.append(f"{entry.name} ({why})")
    return None, skipped


# --- keeping -------------------------------------------------------------------------------------------------


def parse_keep_best(spec: str | None) -> tuple[str, str | None] | None:
    """'val_loss' or 'val_acc:max' -> (metric, goal or None for the metric's own direction)."""
    if not spec:
        return None
    name, _, goal = spec.partition(":")
    return name.strip(), (goal.strip().lower() or None)


def to_delete(
    found: list[Entry],
    keep_last: int,
    *,
    value_at=None,
    goal: str | None = None,
    keep_best: int = 1,
    now: float | None = None,
    settle_s: float = SETTLE_S,
) -> list[tuple[Entry, str]]:
    """Which checkpoints a keep-last-N (and keep-best) policy lets go, and why. Never one that is torn (kept as
    evidence), one changed in the last `settle_s` seconds (it may still be written), or one of the newest
    `keep_last` complete ones. `value_at(mtime)` gives the metric's latest value logged when a checkpoint was
    written (a script that saves before it validates has its checkpoint judged by the validation before)."""
    now = time.time() if now is None else now
    complete = [e for e in found if check(e)[0] != "torn"]
    keep = {e.name for e in complete[:keep_last]}
    if value_at is not None and goal in ("min", "max"):
        valued = [(v, e) for e in complete if (v := value_at(e.mtime)) is not None]
        valued.sort(key=lambda ve: ve[0], reverse=goal == "max")
        keep |= {e.name for _, e in valued[:keep_best]}
    out = []
    for e in complete:
        if e.name in keep or now - e.mtime < settle_s:
            continue
        why = f"older than the newest {keep_last}"
        if value_at is not None and goal in ("min", "max"):
            why += f" and not among the best {keep_best}"
        out.append((e, why))
    return out


def remove(entry: Entry) -> None:
    if entry.folder:
        confine.rmtree(entry.path)
    else:
        confine.unlink(entry.path, missing_ok=True)
