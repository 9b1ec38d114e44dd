"""get_run_status: a run, or every run of an experiment (optionally one arm), as it is now."""

from __future__ import annotations

from pydantic import BaseModel, Field

from experiment_runner.errors import UserError
from experiment_runner.repro.sameseries import IdenticalSeeds
from experiment_runner.runs.status import RunStatus, one_line, run_status
from experiment_runner.runs.store import RunStore, RunView
from experiment_runner.sweeps.store import SweepProgress, experiment_progress
from experiment_runner.tools.base import INLINE_LIMIT_CHARS, ResourceRef, ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.tools.links import run_refs

#: Most runs of an experiment whose logs and metrics a status links to.
LINKED_RUNS = 10


class GetRunStatusInput(ToolInput):
    run_id: str | None = Field(
        None, description="One run (as returned by launch_training or list_runs). Give this or experiment."
    )
    experiment: str | None = Field(None, description="Every run of this experiment. Give this or run_id.")
    arm: str | None = Field(None, description="With experiment: only this arm's runs.")
    curve_points: int | None = Field(
        None,
        ge=0,
        le=500,
        description="Points per metric curve (downsampled; default 40 for one run, 10 per run for an experiment; 0 "
        "leaves curves out).",
    )
    log_lines: int | None = Field(
        None,
        ge=0,
        le=500,
        description="Lines of each log's tail per run (default 30 for one run, 5 per run for an experiment; 0 leaves "
        "logs out).",
    )
    offset: int = Field(0, ge=0, description="With experiment: the first run to list (0-based), to page a long list.")
    limit: int | None = Field(
        None,
        ge=1,
        le=1000,
        description="With experiment: most runs to list (default: as many as fit inline). Counts, arms and alerts "
        "always cover every run.",
    )


class ArmSummary(BaseModel):
    arm: str
    runs: int
    by_state: dict[str, int]


class GetRunStatusOutput(ToolOutput):
    runs: list[RunStatus] = Field(description="The runs listed: all of them, or one page (see next_offset).")
    total_runs: int = Field(description="How many runs matched, listed or not.")
    next_offset: int | None = Field(
        None, description="When the list is one page: the offset that lists the next runs; None at the end."
    )
    by_state: dict[str, int] = Field(description="How many runs are in each state.")
    arms: list[ArmSummary] = Field(default_factory=list)
    all_ended: bool = Field(description="True when no run is queued or running.")
    identical_series: list[IdenticalSeeds] = Field(
        default_factory=list,
        description="Ended runs of one arm whose seeds differ but whose loss/accuracy series are identical: the seed "
        "does not reach training.",
    )
    sweeps: list[SweepProgress] = Field(
        default_factory=list,
        description="The experiment's sweeps: trials done, running, pruned and failed, the best so far with its "
        "configuration, the budget used.",
    )


def get_run_status(inp: GetRunStatusInput, ctx: ToolContext) -> GetRunStatusOutput:
    """Show runs as they are now: state (after checking the processes are really alive), elapsed time, latest and
    best metrics, downsampled metric curves, health signals (NaN loss, divergence, flat loss, exploding gradients,
    validation rising, low GPU use, silence, lost heartbeat), CPU/GPU telemetry, and the tail of the logs (capped,
    with a marker where earlier output is not shown). Give a run_id, or an experiment (optionally one arm) for all
    its runs."""
    if (inp.run_id is None) == (inp.experiment is None):
        raise UserError("give run_id (one run) or experiment (all its runs), not both and not neither")
    store = RunStore(ctx.workspace)
    if inp.run_id is not None:
        if inp.arm is not None or inp.offset or inp.limit is not None:
            raise UserError("arm, offset and limit page an experiment's runs; with run_id leave them out")
        views = [store.get(inp.run_id)]
        lines, nbytes = (30 if inp.log_lines is None else inp.log_lines), 8192
        points = 40 if inp.curve_points is None else inp.curve_points
    elif inp.experiment is not None:  # always, after the check above
        views = store.list_runs(experiment=inp.experiment, arm=inp.arm)
        if not views:
            arms = store.arms(inp.experiment)
            detail = (
                f"arm {inp.arm!r} has no runs; arms with runs: {', '.join(arms) or 'none'}"
                if inp.arm
                else "it has no runs yet (launch_training starts some)"
            )
            raise UserError(f"experiment {inp.experiment!r}: {detail}")
        if inp.offset >= len(views):
            raise UserError(f"offset {inp.offset} is past the end: experiment {inp.experiment!r} has {len(views)} runs")
        lines, nbytes = (5 if inp.log_lines is None else inp.log_lines), 2048
        points = 10 if inp.curve_points is None else inp.curve_points
    from experiment_runner.runs.status import _primary

    primary = _primary(ctx.workspace, views[0].spec.experiment)
    statuses = [
        run_status(store, v, curve_points=points, log_lines=lines, log_bytes=nbytes, primary=primary) for v in views
    ]
    identical = _identical_series(store, views)
    out = _output(inp, views, statuses, primary, identical)
    if inp.experiment is not None:
        out.sweeps = experiment_progress(store, views[0].spec.experiment)
        out.summary += "".join(f" {p.summary[0].upper()}{p.summary[1:]}." for p in out.sweeps)
    if inp.experiment is None:
        return out
    out = _page(out, inp.offset, inp.limit)
    if out.inline_chars() > INLINE_LIMIT_CHARS and inp.log_lines is None and inp.curve_points is None:
        trimmed = [s.model_copy(update={"logs": {}, "curves": {}}) for s in out.runs]
        out.runs = trimmed
        out.summary += (
            f" Logs and curves are left out here ({len(trimmed)} runs would exceed {INLINE_LIMIT_CHARS:,} characters): "
            "read run://<run_id>/log, run://<run_id>/stderr and run://<run_id>/metrics, or ask for fewer runs."
        )
    if out.inline_chars() > INLINE_LIMIT_CHARS and inp.limit is None:
        out = _fit_inline(out, inp.offset)
    if out.next_offset is not None:
        out.summary += (
            f" Listed runs {inp.offset + 1}-{inp.offset + len(out.runs)} of {out.total_runs}: "
            f"ask again with offset={out.next_offset} for the next ones."
        )
    return out


def _page(out: GetRunStatusOutput, offset: int, limit: int | None) -> GetRunStatusOutput:
    """The runs from offset, at most limit of them; every count in out stays over all runs."""
    end = len(out.runs) if limit is None else min(len(out.runs), offset + limit)
    page = out.runs[offset:end]
    return out.model_copy(update={"runs": page, "next_offset": end if end < out.total_runs else None})


def _fit_inline(out: GetRunStatusOutput, offset: int) -> GetRunStatusOutput:
    """The longest page from offset (at least one run) whose result fits INLINE_LIMIT_CHARS."""
    size = len(out.runs)
    while size > 1:
        size = max(1, size * INLINE_LIMIT_CHARS * 9 // (out.inline_chars() * 10))
        out = out.model_copy(update={"runs": out.runs[:size], "next_offset": offset + size})
        if out.inline_chars() <= INLINE_LIMIT_CHARS:
            break
    return out


def _output(
    inp, views: list[RunView], statuses: list[RunStatus], primary, identical: list[IdenticalSeeds]
) -> GetRunStatusOutput:
    by_state: dict[str, int] = {}
    arms: dict[str, dict[str, int]] = {}
    for s in statuses:
        by_state[s.state] = by_state.get(s.state, 0) + 1
        a = arms.setdefault(s.arm, {})
        a[s.state] = a.get(s.state, 0) + 1
    all_ended = not any(s.state in ("queued", "running") for s in statuses)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(by_state.items()))
    if len(statuses) == 1:
        summary = one_line(statuses[0], primary[0])
    else:
        summary = (
            f"{len(statuses)} runs of '{inp.experiment}'" + (f" / '{inp.arm}'" if inp.arm else "") + f": {counts}."
        )
        retried = [s for s in statuses if s.attempt > 1]
        if retried:
            summary += (
                f" {len(retried)} retried (attempts: {', '.join(f'{s.run_id} {s.attempt}' for s in retried[:5])})."
            )
        alerts = [f"{s.run_id}: {h.code}" for s in statuses for h in s.health if h.severity == "critical"]
        if alerts:
            summary += " Critical: " + "; ".join(alerts[:5]) + "."
    for finding in identical:
        summary += f" Identical series across seeds {', '.join(map(str, finding.seeds))} in '{finding.arm}'."
    return GetRunStatusOutput(
        summary=summary,
        identical_series=identical,
        runs=statuses,
        total_runs=len(statuses),
        by_state=by_state,
        arms=[ArmSummary(arm=a, runs=sum(c.values()), by_state=c) for a, c in sorted(arms.items())],
        all_ended=all_ended,
        resources=_links(views, statuses),
    )


def _links(views: list[RunView], statuses: list[RunStatus]) -> list[ResourceRef]:
    """One run: its logs and metrics. Several: those of the runs worth reading first (failed, lost, or with a
    critical health signal), at most LINKED_RUNS of them."""
    if len(views) == 1:
        return run_refs(views[0])
    troubled = [
        v
        for v, s in zip(views, statuses, strict=True)
        if s.state in ("failed", "lost") or any(h.severity == "critical" for h in s.health)
    ]
    return [ref for v in troubled[:LINKED_RUNS] for ref in run_refs(v)]


def _identical_series(store: RunStore, views) -> list[IdenticalSeeds]:
    """Per arm of the runs shown, its ended runs compared across seeds (repro.sameseries)."""
    from experiment_runner.repro.sameseries import RunSeries, identical_across_seeds
    from experiment_runner.runs.summary import goal_of

    out: list[IdenticalSeeds] = []
    for experiment, arm in sorted({(v.spec.experiment, v.spec.arm) for v in views}):
        ended = [v for v in store.list_runs(experiment=experiment, arm=arm) if v.terminal]
        if len({v.spec.seed for v in ended}) < 2:
            continue
        runs = [RunSeries(v.run_id, v.spec.seed, store.metric_series(v.run_id)) for v in ended]
        out.extend(identical_across_seeds(experiment, arm, runs, goal_of))
    return out


SPEC = ToolSpec(
    name="get_run_status",
    title="Status of runs: metrics, health, telemetry, logs",
    fn=get_run_status,
    input_model=GetRunStatusInput,
    output_model=GetRunStatusOutput,
    read_only=True,
    idempotent=True,
)
