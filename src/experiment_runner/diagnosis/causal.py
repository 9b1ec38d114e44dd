"""Cause before symptom: when one finding's evidence comes first in the run and explains another's, the cause is
ranked above it and the symptom is named as its consequence.

The links (cause -> consequence), each with the condition under which the first explains the second:
- exploding_gradients -> nan_or_inf_loss: the loss or the gradient norm grew while finite before the first NaN;
- exploding_gradients -> loss_not_decreasing: the loss blew up and never came back near chance (a blow-up the run
  recovered from, or one followed by a loss pinned at chance, explains less than the pinned loss itself);
  or the gradient norm grew tenfold from its own start, beginning no later than the loss's last low, and the loss
  then climbed back above that low by a quarter of it and beyond its spread (a loss that only levelled off is its
  own explanation);
- exploding_gradients -> unrecognized_error: the error is a numeric overflow (`OverflowError: math range error`
  from exp(loss)) after the loss blew up;
- out_of_memory -> dataloader_worker_crash: memory ran out before the worker died;
- amp_loss_scale_collapse -> loss_not_decreasing / nan_or_inf_loss: the scale hit its floor first (a skipped-step
  storm leaves the weights unchanged: a flat loss; a NaN after it comes from the unscaled float16 overflow);
- nan_or_inf_loss -> amp_loss_scale_collapse: the loss was NaN first (in the forward pass, which no loss scale
  touches): the scale collapses because every gradient is NaN;
- any error family that says why a process died (a failed CUDA assert, NCCL's watchdog, an OOM, a shape or dtype
  error, a worker, the disk, a missing file) -> process_crash: raised in native code and not caught, it ends in
  `terminate called ... what(): ...` and an abort (`Aborted (core dumped)`), when it comes first.

When is first: a training step when both findings have one, else a line of the same stream; a finding with no
position never moves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from experiment_runner.diagnosis.model import Evidence, Finding


@dataclass(frozen=True)
class Link:
    cause: str
    consequence: str
    explains: Callable[[list[Evidence], list[Evidence]], bool]
    why: str


def _steps(evs: list[Evidence], key: str = "start_step") -> list[float]:
    out = []
    for e in evs:
        s = e.data.get(key) if key in e.data else e.step
        if s is not None:
            out.append(float(s))
    return out


def _lines(evs: list[Evidence]) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in evs:
        if e.stream and e.line is not None:
            out[e.stream] = min(out.get(e.stream, e.line), e.line)
    return out


def _first(cause: list[Evidence], effect: list[Evidence], *, strict: bool = True) -> bool | None:
    """Whether the cause's earliest evidence precedes the effect's; None when there is nothing to compare."""
    cs, es = _steps(cause), _steps(effect, key="step")
    if cs and es:
        return min(cs) < min(es) if strict else min(cs) <= min(es)
    cl, el = _lines(cause), _lines(effect)
    common = set(cl) & set(el)
    if common:
        return any(cl[s] < el[s] for s in common)
    return None


def _grew_first(cause: list[Evidence], effect: list[Evidence]) -> bool:
    grew = [e for e in cause if e.kind == "metric" and e.strength >= 0.55]
    return bool(grew) and _first(grew, effect) is not False


def _blew_up_for_good(cause: list[Evidence], effect: list[Evidence]) -> bool:
    return (
        any(e.kind == "metric" and e.strength >= 0.8 for e in cause)
        and _first(cause, effect, strict=False) is not False
    )


def _overflowed(cause: list[Evidence], effect: list[Evidence]) -> bool:
    return any(e.data.get("numeric_overflow") for e in effect) and any(e.kind == "metric" for e in cause)


#: a gradient norm this many times its own first values has grown, not wandered
GRAD_GROWTH = 10.0
#: a stalled loss whose last values sit this far above its low (relative to the low) has turned back up
TURNED_UP = 0.25


def _grew_as_loss_turned(cause: list[Evidence], effect: list[Evidence]) -> bool:
    """The gradient norm grew tenfold or more from its own start, starting no later than the loss's last low, and
    the loss then climbed back well above that low (beyond its own spread): the growth is why it stopped falling. A
    loss that merely levelled off while the norm grew explains itself as well as the norm does and keeps its rank."""
    grew = [
        e
        for e in cause
        if e.kind == "metric"
        and e.data.get("ratio", 0) >= GRAD_GROWTH
        and e.data.get("trend", {}).get("p", 1.0) < 0.05
        and e.data.get("start_step") is not None
    ]
    for e in effect:
        low, end, noise, low_step = (e.data.get(k) for k in ("low", "end_level", "end_noise", "low_step"))
        if low is None or end is None or noise is None or low <= 0:
            continue
        turned = end - low > max(TURNED_UP * low, 2 * noise)
        if turned and any(low_step is None or g.data["start_step"] <= low_step for g in grew):
            return True
    return False


def _precedes(cause: list[Evidence], effect: list[Evidence]) -> bool:
    return _first(cause, effect) is True


def _at_floor_first(cause: list[Evidence], effect: list[Evidence]) -> bool:
    strong = [e for e in cause if e.strength >= 0.7]
    return bool(strong) and _first(strong, effect) is not False


LINKS: tuple[Link, ...] = (
    Link("exploding_gradients", "nan_or_inf_loss", _grew_first, "it grew while finite before the first NaN"),
    Link("exploding_gradients", "loss_not_decreasing", _blew_up_for_good, "the loss blew up and never recovered"),
    Link(
        "exploding_gradients",
        "loss_not_decreasing",
        _grew_as_loss_turned,
        "the gradient norm grew tenfold as the loss turned back up",
    ),
    Link("exploding_gradients", "unrecognized_error", _overflowed, "the overflow is the blown-up loss"),
    Link("out_of_memory", "dataloader_worker_crash", _precedes, "memory ran out before the worker died"),
    Link("amp_loss_scale_collapse", "loss_not_decreasing", _at_floor_first, "every step was skipped"),
    Link("amp_loss_scale_collapse", "nan_or_inf_loss", _at_floor_first, "the scale hit its floor first"),
    Link("nan_or_inf_loss", "amp_loss_scale_collapse", _precedes, "every gradient of a NaN loss overflows"),
    # an error a library raised in native code and nobody caught ends in `terminate called ...` and an abort
    # (`Aborted (core dumped)`): whatever the error was, the crash that follows it is its consequence
    *(
        Link(cause, "process_crash", _precedes, "an uncaught error aborts the process")
        for cause in (
            "device_side_assert",
            "distributed_timeout",
            "out_of_memory",
            "shape_mismatch",
            "dtype_or_device_mismatch",
            "dataloader_worker_crash",
            "disk_full",
            "missing_file_or_module",
        )
    ),
)


def order(findings: list[Finding]) -> list[Finding]:
    """The findings (ranked by confidence) with each explained consequence moved below its cause and its headline
    naming the cause. A link is applied once; a consequence already below its cause only gets the naming."""
    by_cat = {f.category: f for f in findings}
    ranked = list(findings)
    applied: set[str] = set()
    for link in LINKS:
        cause, effect = by_cat.get(link.cause), by_cat.get(link.consequence)
        if cause is None or effect is None or link.consequence in applied or link.cause in applied:
            continue
        if not link.explains(cause.evidence, effect.evidence):
            continue
        applied.add(link.consequence)
        effect.facts["consequence_of"] = link.cause
        rest = effect.headline[len(effect.title) + 2 :] if effect.headline.startswith(effect.title) else effect.headline
        effect.headline = f"{effect.title} (a consequence of {cause.title.lower()}: {link.why}): {rest}"
        cause.facts.setdefault("explains", []).append(link.consequence)
        i, j = ranked.index(cause), ranked.index(effect)
        if i > j:
            ranked.pop(i)
            ranked.insert(j, cause)
    return ranked
