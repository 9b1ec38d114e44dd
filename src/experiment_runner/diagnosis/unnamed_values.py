"""NaN or Inf printed where a training line's values go, without a name for them.

Some scripts print their losses as bare numbers: VITS's `[nan, nan, nan, 83.04, 0.99, inf, 28400, 0.000199]`,
a `76980 nan` step-and-loss pair, a table row under a header printed once. The metric parser cannot name such
values, so no loss series carries their NaN. Their structure still says what they are: lines of one shape (the same
text with the numbers taken out), printed again and again, whose value in one place is NaN or Inf on the last of
them, while another place counts up (a step, an iteration) or the same place held a finite number before. That is a
training value that broke and stayed broken, whatever its name.

Not evidence: a NaN spread (`9.08 ± nan%`: the spread of one sample), a value with a name before it (the parser
reads it, and the series checks judge it), a running mean in brackets after a named value (`grad_norm: inf (inf)`),
a NaN that is finite again on the last line of its shape (a skipped step). Only the stream's last lines are read
(the tail diagnosis keeps): a run broken for good is still broken at its end."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from experiment_runner.diagnosis.model import Evidence

#: a number standing alone (not inside a word, a version or a path), or a non-finite word
_VALUE = re.compile(
    r"(?<![\w.])([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|[-+]?(?:nan|inf|infinity))(?![\w.])", re.IGNORECASE
)
#: what comes right before a named value: `loss: `, `loss=`, `| loss | `, `loss ` (a whole word and a space; not a
#: unit stuck to the number before it, as in yolov5's `0.489G   nan`)
_NAMED = re.compile(r"(?:^|[^\w.])[A-Za-z_][\w/.\-]*\s*[:=|]?\s*$")
#: a spread (`± nan`, `+/- nan`) or a running mean in brackets after another value (`inf (inf)`)
_NOT_A_VALUE = re.compile(r"(?:±|\+/-)\s*$|\(\s*$")
MIN_LINES = 3  # lines of one shape before any of them says something
MIN_BROKEN = 2  # the last this many lines of the shape hold the non-finite value
MAX_LINE = 2000
STRENGTH_TURNED = 0.7  # the same place held a finite number before
STRENGTH_COUNTING = 0.6  # NaN from the first line seen, while a counter advances


@dataclass
class _Row:
    line: int
    text: str
    values: list[str]  # as printed
    before: list[str]  # the text right before each value


def _row(line: int, text: str) -> tuple[str, _Row] | None:
    if len(text) > MAX_LINE:
        return None
    parts, values, before, pos = [], [], [], 0
    for m in _VALUE.finditer(text):
        parts.append(" ".join(text[pos : m.start()].split()))
        values.append(m.group(1))
        before.append(text[max(0, m.start() - 32) : m.start()])
        pos = m.end()
    if len(values) < 2:
        return None
    parts.append(" ".join(text[pos:].split()))
    return "\x00".join(parts), _Row(line, text, values, before)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def _counts_up(rows: list[_Row], skip: int) -> int | None:
    """The place (other than `skip`) whose whole number grows on every line: a step or iteration counter (a loss
    that happens to rise is no counter)."""
    for q in range(len(rows[0].values)):
        if q == skip:
            continue
        xs = [_number(r.values[q]) for r in rows]
        whole = all(math.isfinite(x) and x.is_integer() for x in xs)
        if whole and all(b > a for a, b in zip(xs, xs[1:])):
            return q
    return None


def _judge(stream: str, rows: list[_Row]) -> Evidence | None:
    last = rows[-1]
    for p in range(len(last.values)):
        if _NAMED.search(last.before[p]) or _NOT_A_VALUE.search(last.before[p]):
            continue
        column = [_number(r.values[p]) for r in rows]
        broken_from = len(column)  # the first line of the trailing non-finite run
        while broken_from > 0 and not math.isfinite(column[broken_from - 1]):
            broken_from -= 1
        if len(column) - broken_from < MIN_BROKEN:
            continue
        turned = broken_from > 0
        counter = _counts_up(rows, p)
        if turned:
            how = f"it was {rows[broken_from - 1].values[p]} on line {rows[broken_from - 1].line}"
        elif counter is not None:
            how = f"while the number in place {counter + 1} counts {rows[0].values[counter]} -> {last.values[counter]}"
        else:
            continue
        first = rows[broken_from]
        return Evidence(
            kind="log",
            stream=stream,
            line=first.line,
            text=first.text[:300],
            count=len(rows) - broken_from,
            strength=STRENGTH_TURNED if turned else STRENGTH_COUNTING,
            summary=f"{stream} lines {first.line}-{last.line}: the unnamed value in place {p + 1} of a line printed "
            f"{len(rows)} times is {last.values[p]} on each of the last {len(rows) - broken_from} ({how}): a training "
            "value that went non-finite and stayed so",
            data={"rule": "unnamed_nonfinite", "place": p + 1, "turned": turned},
        )
    return None


def unnamed_nonfinite(stream: str, lines: list[tuple[int, str]]) -> Evidence | None:
    """Evidence of a non-finite training value among a stream's last lines, or None."""
    shapes: dict[str, list[_Row]] = {}
    for n, text in lines:
        found = _row(n, text)
        if found:
            shapes.setdefault(found[0], []).append(found[1])
    for rows in shapes.values():
        if len(rows) >= MIN_LINES:
            ev = _judge(stream, rows)
            if ev:
                return ev
    return None
