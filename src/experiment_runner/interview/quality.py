"""Scoring analyze_request() against hand-labelled requests (tests/data/requests.yaml): red-flag precision and recall
(micro over all flags, and per flag) and answered-field accuracy over every (request, field) decision. Shared by
the quality test and bench/interview_quality.py so both report the same figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from experiment_runner.interview.catalog import FIELD_IDS, FLAG_IDS
from experiment_runner.interview.model import RequestAnalysis


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    red_flags: frozenset[str]
    answered: frozenset[str]
    domain: str = ""
    set: str = "dev"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    cases: int = 0
    flags: Counts = field(default_factory=Counts)
    per_flag: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FLAG_IDS})
    field_decisions: int = 0
    field_correct: int = 0
    per_field: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELD_IDS})
    per_field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELD_IDS, 0))
    mistakes: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.field_correct / self.field_decisions if self.field_decisions else 1.0


def load_cases(path: Path) -> list[Case]:
    import yaml

    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for row in rows:
        flags, answered = set(row["red_flags"]), set(row["answered"])
        bad = (flags - set(FLAG_IDS)) | (answered - set(FIELD_IDS))
        if bad:
            raise ValueError(f"{path}: case {row['id']!r} has unknown label(s) {sorted(bad)}")
        cases.append(
            Case(
                row["id"],
                row["text"],
                frozenset(flags),
                frozenset(answered),
                row.get("domain", ""),
                row.get("set", "dev"),
            )
        )
    return cases


def score(cases: list[Case], analyzer: Callable[[str], RequestAnalysis] | None = None) -> Score:
    """Score `analyzer` (text -> RequestAnalysis; default analyze_request()) on the cases."""
    from experiment_runner.interview.request_analysis import analyze_request

    read = analyzer or analyze_request
    s = Score()
    for case in cases:
        result = read(case.text)
        s.cases += 1
        got_flags = {f.id for f in result.red_flags}
        triggers = {f.id: f.trigger for f in result.red_flags}
        for flag in FLAG_IDS:
            c = s.per_flag[flag]
            if flag in got_flags and flag in case.red_flags:
                c.tp += 1
                s.flags.tp += 1
            elif flag in got_flags:
                c.fp += 1
                s.flags.fp += 1
                s.mistakes.append(f"{case.id}: red flag {flag} raised by {triggers[flag]!r} but not labelled")
            elif flag in case.red_flags:
                c.fn += 1
                s.flags.fn += 1
                s.mistakes.append(f"{case.id}: red flag {flag} labelled but not raised")
        got_fields = set(result.answered_ids())
        evidence = {a.field: a.evidence for a in result.answered}
        for f in FIELD_IDS:
            s.field_decisions += 1
            c = s.per_field[f]
            if (f in got_fields) == (f in case.answered):
                s.field_correct += 1
                s.per_field_correct[f] += 1
                if f in got_fields:
                    c.tp += 1
                continue
            if f in got_fields:
                c.fp += 1
                s.mistakes.append(f"{case.id}: field {f} read as answered by {evidence[f]!r} but labelled open")
            else:
                c.fn += 1
                s.mistakes.append(f"{case.id}: field {f} labelled answered but read as open")
    return s
