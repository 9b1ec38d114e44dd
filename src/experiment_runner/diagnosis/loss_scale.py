"""Mixed-precision loss scaling judged by the scale, not by the word "overflow".

A dynamic loss scaler (torch.amp.GradScaler, apex, DeepSpeed, fairseq) multiplies the loss by a scale, skips the
step and halves the scale when the float16 gradients overflow, and grows it again after a run of clean steps. A
few overflow messages while the scale settles (from 2**16 .. 2**32 down to wherever the gradients fit), or now and
then mid-run, are the scaler working. The scale collapsing is not: it keeps halving, overflow after overflow,
until it reaches its floor (1 or below: the gradients overflow float16 even unscaled), and every step is skipped.

Where the scale is read: the scan's hits of the `loss_scale_overflow` rule (first few and last, with line
numbers), every such line in the log's tail, and a metric series named like a loss scale (`loss_scale`,
`scaler/scale`). Thresholds:
- a collapse: the scale ends at or below FLOOR (1.0) after at least STORM_RUN reductions in a row (reports, or
  values of the scale series, each lower than the one before), or at or below FLOOR / 2**STORM_RUN (a scale moves
  by factors of 2 from 1 or above: that deep takes STORM_RUN net reductions below unscaled, even when the log shows
  one reading), or with at least SUNK_RUN readings in a row at or below it (a scale of 1 no longer compensates
  anything: one more reduction says the gradients overflow float16 unscaled, and a second one that the overflow
  persists; readings that repeat the floor count too: DeepSpeed's `Attempted loss scale: 1, reducing to 1` at
  its minimum cannot fall any further);
- a storm: at least STORM_RUN consecutive reports in the tail, each lower than the one before, ending at or below
  STORM_LEVEL (2**3) and being the last report of the log: the scale is still falling towards the floor.
Both must reach the end of the log (the last report among its last RECENT_LINES lines or RECENT_SHARE of it):
scalers report only reductions, so training that goes on silently after them means the overflows stopped.
A scale that dipped to the floor once and is above it again (a later report or value higher) is the scaler
working. So is a scale at the floor while the run's update counter goes on (SKIPPED_SHARE): the quantity is the
share of updates skipped there, the overflow reports over the counter's advance on the training lines; under one
half, most steps still go through and the model still learns (fairseq's `num_updates` +254 an epoch around one
`overflow detected, setting loss scale to: 1.0`), whereas a collapse skips them all (DeepSpeed's `Attempted loss
scale: 1, reducing to 1` at every step, no counter moving)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from experiment_runner.diagnosis.logs import StreamText, step_in
from experiment_runner.diagnosis.model import Evidence

FLOOR = 1.0
STORM_RUN = 4
STORM_LEVEL = 8.0
SUNK_RUN = 2  # readings at or below the floor, one after the other: overflow persists even below unscaled
RECENT_LINES, RECENT_SHARE = 10, 0.05  # a collapse must reach the end of the log (its last lines)
#: at the floor, fewer skipped updates than this share of the counter's advance: most steps still go through
SKIPPED_SHARE = 0.5
#: an update or step counter on a training line (fairseq's `num_updates 5840`, `step=1200`, `global_step: 9`)
_UPDATE_COUNTER = re.compile(r"\b(?:num_updates|updates|global_step|step|iter(?:ation)?)\b[ =:]+([0-9]+)\b", re.I)
#: the scale printed beside the loss on a training line, whatever the parser made of it: `loss scale 3.277e+04`
#: (torch GradScaler's get_scale() in a script's own format), `loss_scale: 1024.0`, `Fp16 Grad Scale: 131072`,
#: `scaler/scale=8`; not apex's `loss scaler 0` (the scaler's index) nor a `scale 64 -> 32` move (a report)
_PRINTED_SCALE = re.compile(
    r"(?:loss|grad|scaler)[ _/]?scale\b[\"']?\s*[:=]?\s*"
    r"([0-9]+(?:\.[0-9]*)?(?:e[-+]?[0-9]+)?)(?![0-9.]|\s*(?:->|to\b))",
    re.I,
)
#: a running count of skipped steps on a training line: `skipped 21/21`, `skipped steps 27`, `skipped_steps=3`
_SKIP_COUNTER = re.compile(r"\bskipped[ _]?(?:steps?|updates?)?\s*[:=]?\s*([0-9]+)\b", re.I)
RULE = "loss_scale_overflow"
CATEGORY = "amp_loss_scale_collapse"
_NUMBER = re.compile(r"(?<![\w.])[0-9]+(?:\.[0-9]*)?(?:e[-+]?[0-9]+)?", re.I)
_MARKER = re.compile(r"overflow.{0,120}scal", re.I)
_MOVED_TO = re.compile(
    r"(?:reducing(?: loss)?(?: scale)?|scale(?: reduced| set| lowered)?|reduced|lowered) to:? *"
    r"([0-9]+(?:\.[0-9]*)?(?:e[-+]?[0-9]+)?)",
    re.I,
)


@dataclass
class ScaleReport:
    stream: str
    line: int
    value: float
    text: str


@dataclass
class ScaleVerdict:
    evidence: list[Evidence] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    floor_at: tuple[str, int] | None = None  # (stream, line) of the first report at or below the floor
    floor_step: int | None = None


def scale_in(text: str) -> float | None:
    """The scale a loss-scaler line moves to: the number after `reducing to` / `scale (reduced) to` (`reducing loss
    scale to 131072.0`, `Attempted loss scale: 64, reducing to 32`, `setting loss scale to: 1024.0`), else the
    first number after the last `scale` (DeepSpeed's `Attempted loss scale: 65536, but hysteresis is 2. Reducing
    hysteresis to 1` keeps the scale at 65536)."""
    m = _MOVED_TO.search(text)
    if m:
        return _float(m.group(1))
    at = text.lower().rfind("scale")
    numbers = _NUMBER.findall(text[at:]) if at >= 0 else []
    return _float(numbers[0]) if numbers else None


def _float(text: str) -> float | None:
    try:
        return float(text.rstrip("."))
    except ValueError:
        return None


def _reports(streams: list[StreamText]) -> list[ScaleReport]:
    seen: dict[tuple[str, int], ScaleReport] = {}
    for s in streams:
        hits = s.scan.hits.get(RULE)
        lines = [(h.line, h.text) for h in (hits.first + ([hits.last] if hits.last else []))] if hits else []
        lines += [(n, t) for n, t in s.tail if _MARKER.search(t)]
        for n, text in lines:
            value = scale_in(text)
            if value is not None:
                seen[(s.name, n)] = ScaleReport(s.name, n, value, text.strip())
    return sorted(seen.values(), key=lambda r: (r.stream, r.line))


def _scale_series(series: dict[str, list[tuple[int | None, float]]]) -> tuple[str, list[tuple[int | None, float]]]:
    for name, points in series.items():
        low = name.lower()
        if "scale" in low and ("loss" in low or "scaler" in low) and points:
            return name, points
    return "", []


def _printed_scale(streams: list[StreamText]) -> tuple[str, list[tuple[int | None, float]]]:
    """The scale as a series read from the training lines of the log's tail (one stream: the first that prints
    it), for a log whose format the metric parser does not pair with a name (`| loss scale 3.277e+04 |`): a
    scaler's report lines (`overflow ... scale`) are reports, not readings."""
    for s in streams:
        points: list[tuple[int | None, float]] = []
        for _, text in s.tail:
            m = None if _MARKER.search(text) else _PRINTED_SCALE.search(text)
            value = _float(m.group(1)) if m else None
            if value is not None:
                points.append((step_in(text), value))
        if points:
            return "loss scale", points
    return "", []


def _counted_skips(streams: list[StreamText]) -> float | None:
    """The share of steps skipped once the printed scale is at or below the floor, from a skip counter printed on
    the same training lines (`skipped 21/21`, `skipped steps 27`): its advance over the update counter's advance
    from the first such line to the last. None without two such lines that carry both counters."""
    for s in streams:
        rows = []
        for _, text in s.tail:
            m = None if _MARKER.search(text) else _PRINTED_SCALE.search(text)
            value = _float(m.group(1)) if m else None
            skipped, steps = _SKIP_COUNTER.search(text), _counter(text)
            if value is not None and value <= FLOOR and skipped and steps:
                rows.append((int(skipped.group(1)), steps[0]))
        if len(rows) >= 2 and rows[-1][1] > rows[0][1]:
            return min(1.0, max(0, rows[-1][0] - rows[0][0]) / (rows[-1][1] - rows[0][1]))
    return None


def judge(streams: list[StreamText], series: dict[str, list[tuple[int | None, float]]]) -> ScaleVerdict:
    out = ScaleVerdict()
    reports = _reports(streams)
    name, points = _scale_series(series)
    if not points:
        name, points = _printed_scale(streams)
    if not reports and (not points or (len({v for _, v in points}) == 1 and points[0][1] >= FLOOR)):
        return out  # no report and a scale that never moved from 1 or above (bf16 Megatron's `loss scale: 1.0`)
    count = sum(s.scan.hits[RULE].count for s in streams if RULE in s.scan.hits)
    # the scale now: the series' last value when a line naming it comes after the last report, else that report
    # (fairseq's `loss_scale=8` in its last progress line, then `setting loss scale to: 0.25` four times)
    last = (
        reports[-1].value if reports and not (points and _logged_after(name, reports[-1], streams)) else points[-1][1]
    )
    lowest = min([r.value for r in reports] + [v for _, v in points])
    out.facts.update({"overflows": count, "last_scale": _fmt(last), "lowest_scale": _fmt(lowest)})
    floor = next((r for r in reports if r.value <= FLOOR), None)
    if floor is not None:
        out.floor_at = (floor.stream, floor.line)
        out.floor_step = step_in(floor.text)
    floor_point = next(((s, v) for s, v in points if v <= FLOOR), None)
    if floor_point is not None and floor_point[0] is not None:
        out.floor_step = int(floor_point[0]) if out.floor_step is None else min(out.floor_step, int(floor_point[0]))
    if out.floor_step is not None:
        out.facts["scale_floor_step"] = out.floor_step
    where = f"{reports[-1].stream} line {reports[-1].line}: {reports[-1].text[:200]}" if reports else ""
    series_note = f"; {name} ends at {_fmt(points[-1][1])}" if points else ""
    # Reports say only when the scale falls (apex, DeepSpeed grow it back silently): a last report followed by a
    # long stretch of training says the overflows stopped, unless a scale series says where it is now.
    recent = bool(points) or (bool(reports) and _near_end(reports[-1], streams))
    run = _falling_run(reports) if recent else []
    series_run = _falling_values([v for _, v in points])
    falling = max(len(run) if run and run[-1] is reports[-1] else 0, series_run)
    stuck = _at_floor_tail(reports, recent)
    sunk = max(_below_floor(run if run and run[-1] is reports[-1] else [], points), stuck)
    # A scale starts at 1 or above and moves by factors of 2: one at 1/2**STORM_RUN or below got there by at
    # least STORM_RUN more reductions than growths below unscaled, however few of its readings the log shows.
    deep = last <= FLOOR / 2**STORM_RUN
    share = _skipped_share(floor, streams)
    if share is None:
        share = _counted_skips(streams)
    if share is not None:
        out.facts["skipped_share_at_floor"] = round(share, 4)
    learning = share is not None and share < SKIPPED_SHARE
    if last <= FLOOR and (falling >= STORM_RUN or sunk >= SUNK_RUN or deep) and not learning:
        reductions = (
            f"{max(falling, sunk)} reductions in a row"
            if falling >= STORM_RUN or (sunk >= SUNK_RUN and stuck < sunk)
            else f"{stuck} overflows in a row already at the floor"
            if stuck >= SUNK_RUN
            else f"at least {STORM_RUN} net reductions below unscaled"
        )
        out.evidence.append(
            Evidence(
                kind="log" if reports else "metric",
                strength=0.9,
                stream=reports[-1].stream if reports else None,
                line=reports[-1].line if reports else None,
                text=reports[-1].text[:400] if reports else None,
                count=count or None,
                step=out.floor_step,
                summary=f"the loss scale fell overflow after overflow ({reductions}) to "
                f"{_fmt(last)}, at or below {_fmt(FLOOR)}: every step overflows float16 even unscaled and is "
                f"skipped{series_note}" + (f" ({where})" if where else ""),
                data={"rule": RULE, "last_scale": last, "lowest_scale": lowest, "overflows": count},
            )
        )
        return out
    if len(run) >= STORM_RUN and run[-1].value <= STORM_LEVEL and run[-1] is reports[-1]:
        values = " -> ".join(_fmt(r.value) for r in run)
        out.evidence.append(
            Evidence(
                kind="log",
                strength=0.75,
                stream=run[-1].stream,
                line=run[-1].line,
                text=run[-1].text[:400],
                count=count or None,
                summary=f"{len(run)} overflow reports in a row halve the loss scale {values} with no recovery, "
                f"down to {_fmt(run[-1].value)} at {run[-1].stream} line {run[-1].line}: the scaler skips step "
                "after step on its way to the floor",
                data={"rule": RULE, "run": [r.value for r in run]},
            )
        )
        first = step_in(run[0].text)
        if "scale_floor_step" not in out.facts and first is not None:
            out.facts["scale_floor_step"] = first
        return out
    low = lowest <= FLOOR
    if learning:
        went_on = (
            f"at the floor the update counter went on: {share:.1%} of its updates were skipped, the rest went through"
        )
        where = f"{where}; {went_on}" if where else went_on
    out.evidence.append(
        Evidence(
            kind="log" if reports else "metric",
            strength=0.3 if low else 0.1,
            stream=reports[-1].stream if reports else None,
            line=reports[-1].line if reports else None,
            text=reports[-1].text[:400] if reports else None,
            count=count or None,
            summary=(
                f"the loss scale went as low as {_fmt(lowest)} (now {_fmt(last)}) but not overflow after overflow: "
                "the scaler recovers between overflows"
                if low
                else f"{count or len(reports)} overflow report(s) with the loss scale at {_fmt(last)}: dynamic loss "
                "scaling working, not a failure"
            )
            + (f" ({where})" if where else ""),
            data={"rule": RULE, "last_scale": last, "lowest_scale": lowest},
        )
    )
    return out


def _skipped_share(floor: ScaleReport | None, streams: list[StreamText]) -> float | None:
    """The share of updates skipped once the scale reached its floor: the overflow reports after the first one at
    the floor, over the advance of the run's update counter (`num_updates 5840`, `step=1200`) on its training lines
    (not the reports themselves) from that report to the last. None when the counter is not read twice there. A
    counter of applied updates (fairseq's num_updates) or of attempted steps gives a share under one half only when
    most steps went through: the model still learns and the floor is the scaler working."""
    if floor is None:
        return None
    stream = next((s for s in streams if s.name == floor.stream), None)
    if stream is None:
        return None
    before = [c for n, t in stream.tail if n <= floor.line and not _MARKER.search(t) for c in _counter(t)]
    after = [(n, c) for n, t in stream.tail if n > floor.line and not _MARKER.search(t) for c in _counter(t)]
    if not after or (not before and len(after) < 2):
        return None
    start = before[-1] if before else after[0][1]
    end_line, end = after[-1]
    advance = end - start
    if advance <= 0:
        return None
    skips = 1 + sum(1 for n, t in stream.tail if floor.line < n <= end_line and _MARKER.search(t))
    return min(1.0, skips / advance)


def _counter(text: str) -> list[int]:
    m = _UPDATE_COUNTER.search(text)
    return [int(m.group(1))] if m else []


def _below_floor(run: list[ScaleReport], points: list[tuple[int | None, float]]) -> int:
    """How many readings at the end are at or below the floor after the scale fell there: the reductions of the
    last falling run of reports, or the values of a scale series that came down to it (a series that starts at 1
    and stays there is a run without loss scaling, not one whose scale collapsed)."""
    reports = 0
    for r in reversed(run):
        if r.value > FLOOR:
            break
        reports += 1
    values = [v for _, v in points]
    tail = 0
    for v in reversed(values):
        if v > FLOOR:
            break
        tail += 1
    fell = tail < len(values)  # something above the floor came before
    return max(reports, tail if fell else 0)


def _at_floor_tail(reports: list[ScaleReport], recent: bool) -> int:
    """How many overflow reports end the log at or below the floor, one after the other, whether or not each is
    lower than the one before: DeepSpeed's `Attempted loss scale: 1, reducing to 1` repeated is a scaler already
    at its minimum that overflows again at every step (it cannot halve any further, so the values stop falling)."""
    if not recent or not reports:
        return 0
    n = 0
    for r in reversed(reports):
        if r.stream != reports[-1].stream or r.value > FLOOR:
            break
        n += 1
    return n


def _logged_after(name: str, report: ScaleReport, streams: list[StreamText]) -> bool:
    """Whether a line of the log's tail after the report names the scale series (a value logged after it)."""
    low = name.lower()
    return any(n > report.line and low in t.lower() for s in streams if s.name == report.stream for n, t in s.tail)


def _near_end(report: ScaleReport, streams: list[StreamText]) -> bool:
    total = next((s.scan.lines for s in streams if s.name == report.stream), report.line)
    return total - report.line <= max(RECENT_LINES, RECENT_SHARE * total)


def _falling_values(values: list[float]) -> int:
    """The length of the run of strictly falling values that ends the series (a scale stuck at its floor repeats
    its last value: repeats at the end count once)."""
    while len(values) >= 2 and values[-1] == values[-2]:
        values = values[:-1]
    n = 1 if values else 0
    for a, b in zip(values[-2::-1], values[:0:-1]):
        if b < a:
            n += 1
        else:
            break
    return n


def _falling_run(reports: list[ScaleReport]) -> list[ScaleReport]:
    """The last run of consecutive reports (one stream) each lower than the one before."""
    run: list[ScaleReport] = []
    for r in reports:
        if run and r.stream == run[-1].stream and r.value < run[-1].value:
            run.append(r)
        else:
            run = [r]
    return run


def _fmt(v: float) -> str:
    return f"{v:.4g}"
