"""Streaming failure scan of a log: every rule over the bytes in fixed-size chunks cut at line ends, so memory
stays bounded (a few chunks) whatever the log's size. Per rule it keeps the number of matching lines, the first
few and the last one, each with its 1-based line number (lines counted by '\\n', as `sed -n Np` does).

A growing log is re-scanned incrementally: with `state_path`, what was scanned (offset, line count, the rule
hits so far, a hash of the file's head to notice truncation or replacement) is saved atomically, and the next
call reads only the bytes appended since. A partial last line is scanned each time but never committed, so it
is counted once it is complete."""

from __future__ import annotations

import hashlib
import io
import json
import mmap
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from experiment_runner.diagnosis.engines import Engine, make_engine
from experiment_runner.diagnosis.rules import RuleSet, load_rules

CHUNK = 8 << 20
#: Keep at most this many first hits per rule, and stop counting a rule's lines here (count_exact false).
FIRST_KEPT = 3
COUNT_CAP = 1_000_000
TEXT_CAP = 400
HEAD_HASH_BYTES = 64 << 10
STATE_VERSION = 1


class ByteStream(Protocol):
    """What a scan reads: a seekable binary stream, a file or a composed view of one. A stream whose fileno()
    raises (io.UnsupportedOperation) is read block by block instead of mapped."""

    def read(self, size: int = -1, /) -> bytes: ...
    def seek(self, offset: int, whence: int = 0, /) -> int: ...
    def fileno(self) -> int: ...


@dataclass
class Hit:
    line: int
    text: str

    def to_json(self) -> list:
        return [self.line, self.text]


@dataclass
class RuleHits:
    rule_id: str
    count: int = 0
    count_exact: bool = True
    first: list[Hit] = field(default_factory=list)
    last: Hit | None = None
    # Where the last hit's chunk started when it came from a flooded chunk (first match only known there).
    _pending_last: tuple[int, int, int] | None = None

    def to_json(self) -> dict:
        return {
            "count": self.count,
            "count_exact": self.count_exact,
            "first": [h.to_json() for h in self.first],
            "last": self.last.to_json() if self.last else None,
        }

    @classmethod
    def from_json(cls, rule_id: str, data: dict) -> RuleHits:
        return cls(
            rule_id=rule_id,
            count=data["count"],
            count_exact=data["count_exact"],
            first=[Hit(*h) for h in data["first"]],
            last=Hit(*data["last"]) if data["last"] else None,
        )


@dataclass
class ScanResult:
    engine: str
    lines: int = 0  # lines seen, a final partial line included
    bytes_total: int = 0  # size of what was scanned, from its beginning
    bytes_read: int = 0  # bytes this call actually read (less than bytes_total after an incremental re-scan)
    resumed_from: int = 0  # offset this call resumed at (0: full scan)
    elapsed_s: float = 0.0
    hits: dict[str, RuleHits] = field(default_factory=dict)

    def hits_for(self, rule_id: str) -> RuleHits | None:
        h = self.hits.get(rule_id)
        return h if h and h.count else None


def _segment(chunk: bytes, line_start: int, end: int) -> str:
    """The text of the line holding a match: from the last '\r' before it (tqdm redraws a line with '\r')."""
    start = chunk.rfind(b"\r", line_start, end) + 1 or line_start
    nl = chunk.find(b"\n", end)
    stop = len(chunk) if nl == -1 else nl
    cr = chunk.find(b"\r", end, stop)  # bounded by the line end: never a search through the rest of the chunk
    if cr != -1:
        stop = cr
    if stop - start > TEXT_CAP:  # keep the match in view on a very long line
        start = max(start, end - TEXT_CAP // 2)
        stop = min(stop, start + TEXT_CAP)
    return chunk[start:stop].decode("utf-8", "replace").strip()


class _Accumulator:
    def __init__(self, rules: RuleSet, hits: dict[str, RuleHits] | None = None):
        self.ids = [r.id for r in rules.rules]
        self.hits = hits if hits is not None else {i: RuleHits(i) for i in self.ids}
        for i in self.ids:
            self.hits.setdefault(i, RuleHits(i))

    def absorb(
        self,
        chunk: bytes,
        base_offset: int,
        first_line: int,
        matches: list[tuple[int, int]],
        inexact: frozenset[int] = frozenset(),
        length: int | None = None,
    ) -> None:
        """Fold one chunk's matches in (all ending within its first `length` bytes). `first_line` is the number
        of the line the chunk starts in."""
        cur_pos, cur_line = 0, first_line
        last_line_of: dict[int, int] = {}
        last_at: dict[int, tuple[int, int, int]] = {}  # rule -> (line, line_start, end) of its last hit here
        for end, index in matches:
            line_start = chunk.rfind(b"\n", 0, end) + 1
            if line_start > cur_pos:
                cur_line += chunk.count(b"\n", cur_pos, line_start)
                cur_pos = line_start
            if last_line_of.get(index) == cur_line:
                continue
            last_line_of[index] = cur_line
            h = self.hits[self.ids[index]]
            if h.last is not None and h.last.line == cur_line:  # the line went on from the previous chunk
                continue
            h.count += 1
            if h.count >= COUNT_CAP:
                h.count, h.count_exact = COUNT_CAP, False
            if len(h.first) < FIRST_KEPT:
                h.first.append(Hit(cur_line, _segment(chunk, line_start, end)))
            last_at[index] = (cur_line, line_start, end)
        for index, (line, line_start, end) in last_at.items():  # the text of each rule's last hit, once
            h = self.hits[self.ids[index]]
            h.last = Hit(line, _segment(chunk, line_start, end))
            if index in inexact:
                h.count_exact = False
                h._pending_last = (base_offset, length or len(chunk), first_line)
            else:
                h._pending_last = None


def _iter_blocks(f: ByteStream, start: int):
    """(offset, block, cut, final) from `start`: `block[:cut]` ends at a line end (or at a '\r' when a tqdm bar
    never ends its line); the bytes after `cut` are read again with the next block. The final piece holds
    what follows the last '\n' (possibly nothing). A regular file is mapped a window at a time (no copy, and
    resident memory stays at one window); other streams are read."""
    try:
        fd = f.fileno()
        size = os.fstat(fd).st_size
    except (OSError, io.UnsupportedOperation, AttributeError):
        yield from _iter_read_blocks(f, start)
        return
    offset = start
    while True:
        length = min(CHUNK, size - offset)
        if length <= 0:
            yield offset, b"", 0, True
            return
        base = offset - offset % mmap.ALLOCATIONGRANULARITY
        mapped = mmap.mmap(fd, length + offset - base, offset=base, access=mmap.ACCESS_READ)
        try:
            skip = offset - base
            final = offset + length >= size
            cut = mapped.rfind(b"\n", skip) + 1 - skip
            if cut <= 0:
                cut = (
                    0
                    if final
                    else (mapped.rfind(b"\r", skip) + 1 - skip if mapped.rfind(b"\r", skip) != -1 else length)
                )
            view = memoryview(mapped)[skip:]
            try:
                if cut:
                    yield offset, view, cut, False
                if final:
                    yield offset + cut, bytes(view[cut:]), length - cut, True
                    return
            finally:
                view.release()
        finally:
            mapped.close()
        offset += cut


def _iter_read_blocks(f: ByteStream, start: int):
    offset = start
    while True:
        f.seek(offset)
        block = f.read(CHUNK)
        if len(block) < CHUNK:  # the end of the stream is in this block
            cut = block.rfind(b"\n") + 1
            if cut:
                yield offset, block, cut, False
            yield offset + cut, block[cut:], len(block) - cut, True
            return
        cut = block.rfind(b"\n") + 1 or block.rfind(b"\r") + 1 or len(block)
        yield offset, block, cut, False
        offset += cut


def _count_lines(block, cut: int) -> int:
    # numpy's vectorised compare is ~4x faster than bytes.count for one byte; every '\n' lies before `cut`.
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is a dependency, this only keeps the fallback honest
        return bytes(block[:cut]).count(b"\n")
    return int(np.count_nonzero(np.frombuffer(block, np.uint8, count=cut) == 10))


class _State:
    def __init__(self, path: Path | None):
        self.path = path

    def load(self, f: ByteStream, rules: RuleSet) -> tuple[int, int, dict[str, RuleHits]] | None:
        from experiment_runner.workspace import confine

        if self.path is None or not confine.is_file(self.path):
            return None
        try:
            data = json.loads(confine.read_bytes(self.path))
            if data.get("version") != STATE_VERSION or data.get("fingerprint") != rules.fingerprint:
                return None
            st = os.fstat(f.fileno())
            offset = int(data["offset"])
            if (st.st_dev, st.st_ino) != tuple(data["file_id"]) or st.st_size < offset:
                return None
            if _head_hash(f, offset) != data["head_sha"]:
                return None
            hits = {k: RuleHits.from_json(k, v) for k, v in data["hits"].items()}
            return offset, int(data["lines"]), hits
        except (OSError, ValueError, KeyError, TypeError):
            return None  # an unreadable state only costs a full scan

    def save(self, f: ByteStream, rules: RuleSet, offset: int, lines: int, hits: dict[str, RuleHits]) -> None:
        if self.path is None:
            return
        from experiment_runner.fsutil import atomic_write_json

        st = os.fstat(f.fileno())
        atomic_write_json(
            self.path,
            {
                "version": STATE_VERSION,
                "fingerprint": rules.fingerprint,
                "file_id": [st.st_dev, st.st_ino],
                "offset": offset,
                "lines": lines,
                "head_sha": _head_hash(f, offset),
                "hits": {k: v.to_json() for k, v in hits.items() if v.count},
            },
        )


def _head_hash(f: ByteStream, offset: int) -> str:
    f.seek(0)
    return hashlib.sha256(f.read(min(offset, HEAD_HASH_BYTES))).hexdigest()


def _resolve_pending_last(f: ByteStream, rules: RuleSet, acc: _Accumulator) -> None:
    """A rule whose last hit came from a flooded chunk only knows that chunk's first match: find the real last
    one by searching the chunk backwards, a window at a time (a flooding rule matches near the end)."""
    for rule in rules.rules:
        h = acc.hits[rule.id]
        if h._pending_last is None:
            continue
        offset, length, first_line = h._pending_last
        f.seek(offset)
        chunk = f.read(length)
        stop = len(chunk)
        while stop > 0:
            lo = chunk.rfind(b"\n", 0, max(0, stop - (64 << 10))) + 1
            last = None
            for last in rule.python_regex.finditer(chunk, lo, stop):
                pass
            if last is not None:
                line_start = chunk.rfind(b"\n", 0, last.end()) + 1
                h.last = Hit(first_line + chunk.count(b"\n", 0, line_start), _segment(chunk, line_start, last.end()))
                break
            stop = lo - 1 if lo else 0
        h._pending_last = None


def scan_stream(
    f: ByteStream,
    *,
    rules: RuleSet | None = None,
    engine: str | Engine = "auto",
    state_path: Path | None = None,
) -> ScanResult:
    """Scan an open binary file (seekable) from its start, or from where `state_path` says the last scan ended."""
    rules = rules or load_rules()
    eng = make_engine(rules, engine) if isinstance(engine, str) else engine
    t0 = time.perf_counter()
    state = _State(state_path)
    saved = state.load(f, rules)
    start, lines, hits = saved if saved else (0, 0, None)
    acc = _Accumulator(rules, hits)
    result = ScanResult(engine=eng.name, resumed_from=start)
    committed = start
    partial = b""
    for offset, block, cut, final in _iter_blocks(f, start):
        if final:
            partial = block
            break
        matches, inexact = eng.scan(block)
        if matches and matches[-1][0] > cut:  # a match in the partial line after `cut` counts with the next block
            matches = [m for m in matches if m[0] <= cut]
        if matches:
            acc.absorb(
                block if isinstance(block, bytes) else bytes(block), offset, lines + 1, matches, inexact, length=cut
            )
        lines += _count_lines(block, cut)
        committed = offset + cut
        result.bytes_read += cut
    _resolve_pending_last(f, rules, acc)
    state.save(f, rules, committed, lines, acc.hits)
    if partial:
        # Counted in this answer only: the line may still be growing, so it is not committed to the state.
        snapshot = _Accumulator(rules, {k: RuleHits.from_json(k, v.to_json()) for k, v in acc.hits.items()})
        matches, inexact = eng.scan(partial)
        if matches:
            snapshot.absorb(partial, committed, lines + 1, matches, inexact)
        acc = snapshot
        lines += 1
        result.bytes_read += len(partial)
    result.lines = lines
    result.bytes_total = committed + len(partial)
    result.hits = {k: v for k, v in acc.hits.items() if v.count}
    result.elapsed_s = time.perf_counter() - t0
    return result


def scan_file(
    path: Path | str, *, engine: str | Engine = "auto", state_path: Path | None = None, rules: RuleSet | None = None
) -> ScanResult:
    with open(path, "rb") as f:
        return scan_stream(f, rules=rules, engine=engine, state_path=state_path)


def scan_text(text: str | bytes, *, engine: str | Engine = "auto", rules: RuleSet | None = None) -> ScanResult:
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    return scan_stream(io.BytesIO(data), rules=rules, engine=engine)
