"""A content-hash cache keyed by (algorithm, real path) and checked against the file's size, mtime_ns, ctime_ns,
inode and device, so re-checking an unchanged 10 GB dataset reads nothing.

Stored in SQLite at `<store>/.cache/hashes.sqlite3` rather than one JSON file: a dataset can hold millions of
files, several runs capture at once, and SQLite gives indexed prefix look-ups and transactions. It is only a
cache: any database error is logged and hashing goes on without it.

Racy entries are never stored: a file whose mtime/ctime is within RACY_NS of when it was read could be changed
again inside the same timestamp tick without its stat changing (git's "racy clean" problem)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from experiment_runner.errors import UserError
from experiment_runner.workspace import confine

log = logging.getLogger("experiment_runner.repro")

RACY_NS = 100_000_000  # 100 ms: above the coarse clock tick file systems stamp times with

_SCHEMA = """
CREATE TABLE IF NOT EXISTS hashes (
    algo TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL, ino INTEGER NOT NULL, dev INTEGER NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (algo, path)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS folders (
    algo TEXT NOT NULL, path TEXT NOT NULL, fingerprint TEXT NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (algo, path)
) WITHOUT ROWID;
"""


def stat_key(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class HashCache:
    def __init__(self, db_path: Path | None):
        self.path = db_path
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple] = []
        self._preloaded: dict[tuple[str, str], tuple] = {}
        if db_path is not None:
            try:
                self._db = self._connect(db_path)
                self._db.executescript(_SCHEMA)
            except (sqlite3.Error, OSError, UserError) as e:
                log.warning("hash cache %s unusable, hashing without it: %s", db_path, e)
                self._db = None

    def _connect(self, db_path: Path) -> sqlite3.Connection:
        """SQLite opens its file by name (it resolves links in that name itself), so the folder and the file are made
        or checked by descriptor first: a link planted there is refused. What remains is a swap in the moment between
        that check and SQLite's open (the file holds only hashes)."""
        os.close(confine.makedirs(db_path.parent))
        os.close(confine.open_fd(db_path, os.O_RDWR | os.O_CREAT, 0o644))
        for sidecar in ("-journal", "-wal", "-shm"):  # SQLite's own files beside it: a planted link is refused too
            confine.exists(db_path.with_name(db_path.name + sidecar))
        return sqlite3.connect(str(db_path), timeout=10)

    @classmethod
    def for_workspace(cls, ws) -> HashCache:
        return cls(ws.store_root / ".cache" / "hashes.sqlite3")

    def preload(self, algo: str, folder: str) -> None:
        """Fetch every entry under `folder` in one query (re-checking a big folder must not cost a query per file)."""
        if self._db is None:
            return
        lo, hi = folder.rstrip("/") + "/", folder.rstrip("/") + "0"  # '0' sorts right after '/'
        try:
            rows = self._db.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, dev, digest FROM hashes WHERE algo=? AND path>=? AND "
                "path<?",
                (algo, lo, hi),
            ).fetchall()
        except sqlite3.Error as e:
            log.warning("hash cache read failed: %s", e)
            return
        for path, *rest in rows:
            self._preloaded[(algo, path)] = tuple(rest)

    def get(self, algo: str, path: str, st: os.stat_result) -> str | None:
        row = self._preloaded.get((algo, path))
        if row is None and self._db is not None:
            try:
                row = self._db.execute(
                    "SELECT size, mtime_ns, ctime_ns, ino, dev, digest FROM hashes WHERE algo=? AND path=?",
                    (algo, path),
                ).fetchone()
            except sqlite3.Error as e:
                log.warning("hash cache read failed: %s", e)
                row = None
        if row is None or tuple(row[:5]) != stat_key(st):
            return None
        return row[5]

    def put(self, algo: str, path: str, st: os.stat_result, digest: str, read_started_ns: int) -> None:
        if self._db is None:
            return
        if fresh(st, read_started_ns):
            return
        self._pending.append((algo, path, *stat_key(st), digest))
        if len(self._pending) >= 5000:
            self.flush()

    def get_folder(self, algo: str, path: str, fingerprint: str) -> str | None:
        """A folder's hash, when every file under it has the same name and stat as when it was computed."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT fingerprint, digest FROM folders WHERE algo=? AND path=?", (algo, path)
            ).fetchone()
        except sqlite3.Error as e:
            log.warning("hash cache read failed: %s", e)
            return None
        return row[1] if row and row[0] == fingerprint else None

    def put_folder(self, algo: str, path: str, fingerprint: str, digest: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO folders (algo, path, fingerprint, digest) VALUES (?,?,?,?)",
                    (algo, path, fingerprint, digest),
                )
        except sqlite3.Error as e:
            log.warning("hash cache write failed: %s", e)

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO hashes (algo, path, size, mtime_ns, ctime_ns, ino, dev, digest) VALUES "
                    "(?,?,?,?,?,?,?,?)",
                    self._pending,
                )
        except sqlite3.Error as e:
            log.warning("hash cache write failed: %s", e)
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> HashCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def fresh(st: os.stat_result, read_started_ns: int) -> bool:
    """True when the file changed too recently to trust its stat (see RACY_NS)."""
    return max(st.st_mtime_ns, st.st_ctime_ns) >= read_started_ns - RACY_NS


@contextlib.contextmanager
def store_lock(path: Path, wait_s: float):
    """An exclusive advisory lock between processes (several run supervisors capture at once): the first one
    hashes or probes, the others wait, then find the cache filled. After wait_s the caller goes on unlocked."""
    import fcntl

    fd = None
    try:
        confine.mkdir(path.parent)
        fd = confine.open_fd(path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    log.warning("%s still held after %.0f s; going on without it", path, wait_s)
                    break
                time.sleep(0.05)
    except (OSError, UserError) as e:
        log.warning("lock %s unavailable: %s", path, e)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the lock


def now_ns() -> int:
    return time.time_ns()
