"""Evidence from a run's output: the exception that ended it (the last traceback in the tail of stderr or stdout,
or, for `raise SystemExit("...")` and friends, the last line of stderr) and the failure patterns the scan found
anywhere in the log. The tail is read from the end of the file (bounded), the head for the printed config."""

from __future__ import annotations

import re
from dataclasses import dataclass

from experiment_runner.diagnosis.model import Evidence
from experiment_runner.diagnosis.rules import RuleSet
from experiment_runner.diagnosis.scan import ScanResult

TAIL_BYTES = 64 << 10
TAIL_LINES = 80
HEAD_BYTES = 16 << 10
_RANK_PREFIX = re.compile(r"^(?:\[rank\d+\]:|\d+: |\[\d+\] )")
_STEP_IN_TEXT = re.compile(r"\b(?:step|iter|iteration|global_step)[ =:]+(\d+)", re.I)


@dataclass
class StreamText:
    """What diagnosis reads of one stream: its scan, its last lines and first lines, with line numbers."""

    name: str
    scan: ScanResult
    tail: list[tuple[int, str]]
    head: list[tuple[int, str]]


def split_numbered(data: bytes, first_line: int) -> list[tuple[int, str]]:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [
        (first_line + i, ln.rstrip(b"\r").rsplit(b"\r", 1)[-1].decode("utf-8", "replace")) for i, ln in enumerate(lines)
    ]


def tail_and_head(read_range, size: int, total_lines: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Last and first lines of a stream of `size` bytes and `total_lines` lines, via read_range(start, length)."""
    start = max(0, size - TAIL_BYTES)
    data = read_range(start, size - start)
    if start and b"\n" in data:
        data = data[data.index(b"\n") + 1 :]
    n_tail = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    tail = split_numbered(data, total_lines - n_tail + 1)[-TAIL_LINES:]
    head_data = read_range(0, min(size, HEAD_BYTES))
    if len(head_data) < size and b"\n" in head_data:
        head_data = head_data[: head_data.rindex(b"\n") + 1]
    return tail, split_numbered(head_data, 1)


@dataclass
class FinalError:
    stream: str
    line: int
    text: str  # the exception line (prefixes like [rank0]: removed)
    context: list[tuple[int, str]]  # it and the next few lines of its message
    traceback_line: int | None


def final_error(stream: StreamText, *, failed: bool) -> FinalError | None:
    """The last traceback's exception line; without a traceback, the last non-empty line when the run failed."""
    lines = [(n, _RANK_PREFIX.sub("", t)) for n, t in stream.tail]
    tb = [i for i, (_, t) in enumerate(lines) if t.startswith("Traceback (most recent call last)")]
    if tb:
        i = tb[-1] + 1
        while i < len(lines) and (not lines[i][1].strip() or lines[i][1][:1].isspace()):
            i += 1
        if i < len(lines):
            n, text = lines[i]
            return FinalError(stream.name, n, text.strip(), lines[i : i + 4], lines[tb[-1]][0])
    if not failed:
        return None
    for j in range(len(lines) - 1, -1, -1):
        n, text = lines[j]
        if text.strip() and not text.startswith(("  File ", "    ")):
            return FinalError(
                stream.name, n, text.strip(), [ln for ln in lines[max(0, j - 3) : j + 1] if ln[1].strip()], None
            )
    return None


def step_in(text: str) -> int | None:
    m = _STEP_IN_TEXT.search(text)
    return int(m.group(1)) if m else None


def classify_line(text: str, rules: RuleSet) -> list[str]:
    """Rule ids whose pattern matches this line (used on the final exception, outside the bulk scan)."""
    data = text.encode("utf-8", "replace")
    return [r.id for r in rules.rules if r.python_regex.search(data)]


def final_error_evidence(err: FinalError, rules: RuleSet) -> tuple[dict[str, list[Evidence]], bool]:
    """Evidence from the exception that ended the run: decisive for its category. Returns (evidence by
    category, recognised)."""
    out: dict[str, list[Evidence]] = {}
    seen: set[str] = set()
    for n, text in err.context:
        for rule_id in classify_line(text, rules):
            rule = rules.by_id(rule_id)
            if rule.category in seen or rule.id in ("python_traceback",):
                continue
            if rule.id == "nonfinite_value" and "loss" not in text.lower():
                continue
            seen.add(rule.category)
            out.setdefault(rule.category, []).append(
                Evidence(
                    kind="final_error",
                    strength=0.95,
                    stream=err.stream,
                    line=n,
                    text=text[:400],
                    step=step_in(text),
                    summary=f"the run ended with: {text[:300]}",
                    data={"rule": rule.id},
                )
            )
    return out, bool(out)


def scan_evidence(stream: StreamText, rules: RuleSet, *, succeeded: bool) -> dict[str, list[Evidence]]:
    """Evidence from every rule the scan matched. A run that completed cannot have died of what a log line says,
    so those lines count half."""
    out: dict[str, list[Evidence]] = {}
    for rule_id, hits in stream.scan.hits.items():
        rule = rules.by_id(rule_id)
        if rule.id == "python_traceback":
            continue
        first = hits.first[0]
        strength = rule.weight
        if rule.id == "nonfinite_value":
            # A bare "nan" counts when it sits on a line with a loss; elsewhere it is too common to mean much.
            loss_lines = [h for h in hits.first + ([hits.last] if hits.last else []) if "loss" in h.text.lower()]
            if loss_lines:
                first = loss_lines[0]
                strength = 0.6
        if succeeded:
            strength *= 0.5
        count = f"{hits.count}{'' if hits.count_exact else '+'}"
        where = f"{stream.name} line {first.line}"
        more = (
            f" (first of {count} matching lines; last at line {hits.last.line})" if hits.count > 1 and hits.last else ""
        )
        out.setdefault(rule.category, []).append(
            Evidence(
                kind="log",
                strength=round(strength, 3),
                stream=stream.name,
                line=first.line,
                text=first.text[:400],
                count=hits.count,
                step=step_in(first.text),
                summary=f"{where}: {first.text[:240]}{more}",
                data={"rule": rule.id, "count_exact": hits.count_exact},
            )
        )
    return out
