"""The two ways of finding every rule's matches in a chunk of log (whole lines only: scan.py cuts chunks at line
ends, and no pattern crosses one).

- HyperscanEngine (the `hyperscan` wheel, Intel's multi-pattern regex engine; Vectorscan on ARM): all rules in
  one pass over the bytes at several GB/s, each match reported with its rule id. A chunk that floods (tens of
  thousands of matching lines, e.g. `loss=nan` on every step after a divergence) is scanned again with a
  database where each rule reports only its first match, so the cost stays bounded; the counts of that chunk
  are then lower bounds (`exact` false).
- PythonEngine (fallback when hyperscan is not installed): each rule's plain-text prefilter (`literals`) with
  `bytes.find`, then its regex only where a literal occurs. Same results, exact counts, several times slower.

Both return (end offset, rule index) pairs sorted by offset."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from experiment_runner.diagnosis.rules import RuleSet

if TYPE_CHECKING:
    import hyperscan

log = logging.getLogger("experiment_runner.diagnosis")

#: Matches in one chunk beyond which the Hyperscan engine stops counting and keeps first matches only.
FLOOD_MATCHES = 2_000


class Engine(Protocol):
    name: str

    def scan(self, chunk: bytes) -> tuple[list[tuple[int, int]], frozenset[int]]:
        """(matches sorted by end offset, rules whose matches in this chunk are only the first: counts there
        are lower bounds)."""
        ...


class PythonEngine:
    name = "python"
    #: past this many literal hits in a chunk, one regex pass over the whole chunk is cheaper than line by line
    LINE_BY_LINE_MAX = 2000

    def __init__(self, rules: RuleSet):
        self._rules = [
            (i, r.lowered_regex if r.caseless else r.python_regex, r.prefilter(), r.caseless)
            for i, r in enumerate(rules.rules)
        ]
        self._any_caseless = any(r.caseless for r in rules.rules)

    def scan(self, chunk) -> tuple[list[tuple[int, int]], frozenset[int]]:
        chunk = chunk if isinstance(chunk, bytes) else bytes(chunk)
        lowered = chunk.lower() if self._any_caseless else chunk  # same length: bytes.lower only maps ASCII letters
        found: list[tuple[int, int]] = []
        seen: dict[tuple[bool, bytes], list[int] | None] = {}  # literals shared by several rules are found once
        for index, regex, literals, caseless in self._rules:
            hay = lowered if caseless else chunk
            if not literals:
                found.extend((m.end(), index) for m in regex.finditer(hay))
                continue
            starts = self._line_starts(hay, literals, caseless, seen)
            if starts is None:  # a literal on nearly every line: one pass over the chunk
                found.extend((m.end(), index) for m in regex.finditer(hay))
                continue
            for start in starts:
                end = hay.find(b"\n", start)
                found.extend((m.end(), index) for m in regex.finditer(hay, start, len(hay) if end == -1 else end))
        found.sort()
        return found, frozenset()

    def _line_starts(self, hay: bytes, literals: list[bytes], caseless: bool, seen: dict) -> list[int] | None:
        starts: set[int] = set()
        for lit in literals:
            key = (caseless, lit)
            if key not in seen:
                mine: list[int] = []
                i = hay.find(lit)
                while i != -1:
                    mine.append(hay.rfind(b"\n", 0, i) + 1)
                    if len(mine) > self.LINE_BY_LINE_MAX:
                        break
                    i = hay.find(lit, hay.find(b"\n", i) + 1 if hay.find(b"\n", i) != -1 else len(hay))
                seen[key] = mine if len(mine) <= self.LINE_BY_LINE_MAX else None  # None: on too many lines
            if seen[key] is None:
                return None
            starts.update(seen[key])
            if len(starts) > self.LINE_BY_LINE_MAX:
                return None
        return sorted(starts)


def hyperscan_available() -> bool:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


_compiled: dict[tuple[str, bool], hyperscan.Database] = {}
_compile_lock = threading.Lock()


def _cache_file(rules: RuleSet, single: bool) -> Path:
    import platform

    import hyperscan

    root = os.environ.get("EXPERIMENT_RUNNER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "experiment-runner"
    )
    version = hyperscan.__version__  # type: ignore[attr-defined]  # its .pyi lacks it; hyperscan/_version.py sets it
    name = f"hs-{rules.fingerprint}-{'first' if single else 'all'}-{version}-{platform.machine()}.db"
    from experiment_runner.workspace import confine

    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        pass  # a read-only home: the database is compiled each time
    confine.register(root)  # the user's own cache folder: a root of its own, outside any workspace
    return Path(root) / name


def _database(rules: RuleSet, *, single: bool) -> hyperscan.Database:
    """The compiled database for these rules. Compiling takes ~0.3 s, so it is done once per process and the
    serialised database is kept in the user's cache folder (a stale or foreign one is just compiled again)."""
    import hyperscan

    with _compile_lock:
        key = (rules.fingerprint, single)
        db = _compiled.get(key)
        if db is not None:
            return db
        cache = _cache_file(rules, single)
        try:
            db = hyperscan.loadb(cache.read_bytes(), mode=hyperscan.HS_MODE_BLOCK)
        except (OSError, hyperscan.HyperscanError):
            db = None
        if db is None:
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            flags = [
                (hyperscan.HS_FLAG_CASELESS if r.caseless else 0) | (hyperscan.HS_FLAG_SINGLEMATCH if single else 0)
                for r in rules.rules
            ]
            expressions = [r.pattern.encode() for r in rules.rules]
            db.compile(
                expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions), flags=flags
            )
            try:
                from experiment_runner.fsutil import atomic_write_bytes

                atomic_write_bytes(cache, hyperscan.dumpb(db))
            except OSError as e:  # a read-only home only costs the compile next time
                log.debug("hyperscan database not cached at %s: %s", cache, e)
        _compiled[key] = db
    return db


class HyperscanEngine:
    name = "hyperscan"
    _local = threading.local()  # scratch space is per thread (the server runs tools in worker threads)

    def __init__(self, rules: RuleSet):
        import hyperscan

        self._hs = hyperscan
        self._rules = rules
        self._all = _database(rules, single=False)
        self._first: hyperscan.Database | None = None  # compiled when a chunk first floods
        self._per_rule: dict[int, object] = {}

    def _scratch(self, db):
        key = f"s{id(db)}"
        scratch = getattr(self._local, key, None)
        if scratch is None:
            scratch = self._hs.Scratch(db)
            setattr(self._local, key, scratch)
        return scratch

    def scan(self, chunk: bytes) -> tuple[list[tuple[int, int]], frozenset[int]]:
        found: list[tuple[int, int]] = []
        append = found.append

        def on_match(rule: int, start: int, end: int, flags: int, ctx) -> bool:
            append((end, rule))
            return len(found) > FLOOD_MATCHES

        try:
            self._all.scan(chunk, match_event_handler=on_match, scratch=self._scratch(self._all))
        except self._hs.ScanTerminated:
            return self._flooded(chunk, found)
        found.sort()  # already ordered by end offset in practice; timsort makes that check O(n) in C
        return found, frozenset()

    def _flooded(self, chunk: bytes, partial: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], frozenset[int]]:
        """A chunk whose matches passed FLOOD_MATCHES: rules that flood keep the matches counted so far plus their
        first match in the rest of the chunk (their count is a lower bound); the other rules present are counted
        exactly with a database of their own."""
        per_rule: dict[int, int] = {}
        for _, rule in partial:
            per_rule[rule] = per_rule.get(rule, 0) + 1
        flooding = frozenset(r for r, n in per_rule.items() if n >= FLOOD_MATCHES // 20)
        reached = partial[-1][0]
        first = self._first
        if first is None:
            first = self._first = _database(self._rules, single=True)
        firsts: list[tuple[int, int]] = []
        first.scan(
            chunk,
            match_event_handler=lambda rule, s, end, f, c: firsts.append((end, rule)),
            scratch=self._scratch(first),
        )
        found = [m for m in partial if m[1] in flooding]
        found.extend(m for m in firsts if m[1] in flooding and m[0] > reached)
        for rule in {r for _, r in firsts} - flooding:
            db = self._single_rule(rule)
            db.scan(
                chunk, match_event_handler=lambda r, s, end, f, c: found.append((end, rule)), scratch=self._scratch(db)
            )
        found.sort()
        return found, flooding

    def _single_rule(self, index: int):
        db = self._per_rule.get(index)
        if db is None:
            rule = self._rules.rules[index]
            db = self._hs.Database(mode=self._hs.HS_MODE_BLOCK)
            db.compile(
                expressions=[rule.pattern.encode()],
                ids=[index],
                elements=1,
                flags=[self._hs.HS_FLAG_CASELESS if rule.caseless else 0],
            )
            self._per_rule[index] = db
        return db


def make_engine(rules: RuleSet, name: str = "auto") -> Engine:
    """`auto`: $EXPERIMENT_RUNNER_SCAN_ENGINE when set, else Hyperscan when installed, else Python. Naming an
    engine that is not installed is an error."""
    if name == "auto":
        name = os.environ.get("EXPERIMENT_RUNNER_SCAN_ENGINE", "auto") or "auto"
    if name == "python":
        return PythonEngine(rules)
    if name == "hyperscan" or (name == "auto" and hyperscan_available()):
        return HyperscanEngine(rules)
    if name == "auto":
        return PythonEngine(rules)
    raise ValueError(f"unknown scan engine {name!r}; valid: auto, hyperscan, python")
