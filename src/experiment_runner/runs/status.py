"""A run's status as tools and the CLI show it: state, timing, latest and best metrics, downsampled curves,
health, telemetry, and the capped tail of its logs. Pydantic models, because they are the tools' output."""

from __future__ import annotations

import math
import time
from typing import Literal

from pydantic import BaseModel, Field

from experiment_runner.runs import records
from experiment_runner.runs.model import AttemptRecord, HealthSignal
from experiment_runner.runs.store import RunStore, RunView
from experiment_runner.runs.summary import downsample, goal_of, summarize
from experiment_runner.workspace import confine

#: A metric value: a number, or "nan" / "inf" / "-inf" (JSON has no such numbers).
Num = float | Literal["nan", "inf", "-inf"]


def num(v: float) -> Num:
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


class Point(BaseModel):
    step: int | None
    value: Num


class Best(BaseModel):
    step: int | None
    value: float
    goal: Literal["min", "max"]


class Curve(BaseModel):
    points: list[tuple[int | None, Num]] = Field(
        description="(step, value) pairs, downsampled; first, last and best kept."
    )
    total_points: int = Field(description="How many values the run logged for this metric.")


class LogTail(BaseModel):
    text: str = Field(
        description="The last lines of the log. When earlier output is not shown, the text starts with a marker line "
        "saying how much."
    )
    bytes_not_shown: int = Field(description="Bytes of the (kept) log before the text shown.")
    cut_by_cap: int = Field(0, description="Bytes of output dropped from the middle of the log by runs.log_cap_mb.")


class DiskUse(BaseModel):
    """What a run keeps on disk: its checkpoint folder as its supervisor last saw it, and its record folder."""

    checkpoint_bytes: int | None = Field(None, description="Bytes in the run's checkpoint folder.")
    checkpoints: int | None = Field(None, description="Checkpoints in it (files or folders that look like one).")
    newest_checkpoint: str | None = None
    free_bytes: int | None = Field(None, description="Free space on the checkpoint folder's disk.")
    deleted: int = Field(0, description="Checkpoints deleted by the keep-last/keep-best policy (see checkpoints.json).")
    record_bytes: int = Field(0, description="Bytes of the run's record folder (logs, metrics, telemetry).")
    checked_at: str | None = None


class RunStatus(BaseModel):
    run_id: str
    experiment: str
    arm: str
    seed: int
    state: str
    reason: str | None = None
    ended_by: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    stop_signal: str | None = None
    exploratory: bool
    argv: list[str]
    created_at: str
    started_at: str | None = None
    ended_at: str | None = None
    elapsed_s: float | None = Field(
        None, description="Seconds since it started (to its end when ended); for a queued run, seconds waiting."
    )
    heartbeat_age_s: float | None = None
    step: int | None = Field(None, description="Latest step seen in its metrics.")
    metric_records: int = 0
    latest: dict[str, Point] = Field(default_factory=dict)
    best: dict[str, Best] = Field(
        default_factory=dict,
        description="Best value so far, for metrics whose direction is known (brief's primary metric, or by name).",
    )
    curves: dict[str, Curve] = Field(default_factory=dict)
    health: list[HealthSignal] = Field(default_factory=list)
    telemetry: dict | None = Field(None, description="The latest CPU/memory/GPU sample of the run's processes.")
    logs: dict[str, LogTail] = Field(default_factory=dict)
    run_dir: str
    gpus: list[int] | None = None
    manifest: str | None = Field(
        None, description="The run's reproducibility manifest (recorded when its command started)."
    )
    manifest_error: str | None = Field(None, description="Why no manifest was recorded, when none was.")
    backend: str = Field("local", description="Where the run executes: local, or a scheduler (slurm).")
    scheduler: dict | None = Field(
        None,
        description="What the scheduler says of the run (Slurm: job id, job state, pending reason, node), when it "
        "runs under one.",
    )
    attempt: int = Field(1, description="The current (or last) attempt: above 1 once the run was retried or requeued.")
    max_attempts: int | None = Field(None, description="1 + the launch's retries.")
    attempts: list[AttemptRecord] = Field(
        default_factory=list,
        description="Each ended attempt of a retried run: how it ended, the retry cause, the checkpoint it resumed "
        "from, its first and last step, whether it resumed, and where its logs are.",
    )
    next_attempt_at: str | None = Field(None, description="When the next attempt starts, while the run waits for it.")
    resume_from: str | None = Field(None, description="The checkpoint the current attempt was given to resume from.")
    disk: DiskUse | None = None


def _primary(ws, experiment: str) -> tuple[str | None, bool | None]:
    try:
        from experiment_runner.briefs import store as briefs

        rec = briefs.first_confirmed(ws, experiment) or briefs.latest(ws, experiment)
    except Exception:  # a damaged brief must not break status
        return None, None
    if rec is None:
        return None, None
    b = rec.brief
    return (b.analysis.primary_metric or b.metrics.primary), b.analysis.higher_is_better


def heartbeat_signal(view: RunView, heartbeat_s: float, now: float) -> HealthSignal | None:
    hb = view.state.heartbeat_at
    if view.state.state != "running" or hb is None:
        return None
    limit = max(3 * heartbeat_s, 15.0)
    age = now - hb
    if age <= limit:
        return None
    return HealthSignal(
        code="heartbeat_lost",
        severity="warning",
        message=f"no heartbeat from the supervisor for {age:.0f} s (expected every {heartbeat_s:g} s): it may be "
        "stopped, "
        "starved of CPU, or the machine was suspended",
        value=round(age, 1),
        since=hb + limit,
    )


def run_status(
    store: RunStore,
    view: RunView,
    *,
    curve_points: int = 40,
    log_lines: int = 30,
    log_bytes: int = 8192,
    primary: tuple[str | None, bool | None] | None = None,
) -> RunStatus:
    ws = store.ws
    now = time.time()
    st, spec = view.state, view.spec
    started = records.iso_to_unix(st.started_at)
    ended = records.iso_to_unix(st.ended_at)
    if started is not None:
        elapsed = (ended or now) - started
    elif st.state == "queued":
        elapsed = now - (records.iso_to_unix(spec.created_at) or now)
    else:
        elapsed = None
    primary_name, higher = primary if primary is not None else _primary(ws, spec.experiment)

    summary = summarize(view.dir)
    latest: dict[str, Point] = {}
    best: dict[str, Best] = {}
    curves: dict[str, Curve] = {}
    for name, ser in sorted(summary.series().items()):
        if ser.latest is not None:
            latest[name] = Point(step=ser.latest[0], value=num(ser.latest[1]))
        goal = goal_of(name, primary_name, higher)
        pick = (ser.lo if goal == "min" else ser.hi) if goal else None
        if pick is not None:
            best[name] = Best(step=pick[0], value=pick[1], goal=goal)
        if curve_points > 0 and ser.points:
            pts = list(ser.points)
            if ser.latest is not None and pts[-1] != ser.latest:
                pts.append(ser.latest)
            pts = downsample(pts, curve_points, keep=pick)
            curves[name] = Curve(points=[(p[0], num(p[1])) for p in pts], total_points=ser.count)

    health = store.health(spec.run_id)
    hb_signal = heartbeat_signal(view, ws.config.runs.heartbeat_s, now)
    if hb_signal is not None:
        health.append(hb_signal)
    tele = store.telemetry(spec.run_id, last=1)

    logs: dict[str, LogTail] = {}
    if log_lines > 0:
        from experiment_runner.runs.logcap import LogReader

        for stream in ("stdout", "stderr"):
            text, before = store.log_tail(spec.run_id, stream, max_lines=log_lines, max_bytes=log_bytes)
            if not text and not before:
                continue
            if before:
                text = f"[... {before:,} earlier bytes of {stream} not shown ...]\n" + text
            logs[stream] = LogTail(
                text=text, bytes_not_shown=before, cut_by_cap=LogReader(view.dir, stream).parts().cut
            )
    hb_age = now - st.heartbeat_at if st.heartbeat_at and st.state == "running" else None
    return RunStatus(
        run_id=spec.run_id,
        experiment=spec.experiment,
        arm=spec.arm,
        seed=spec.seed,
        state=st.state,
        reason=st.reason,
        ended_by=st.ended_by,
        exit_code=st.exit_code,
        signal=st.signal,
        stop_signal=st.stop_signal,
        exploratory=spec.exploratory,
        argv=spec.argv,
        created_at=spec.created_at,
        started_at=st.started_at,
        ended_at=st.ended_at,
        elapsed_s=round(elapsed, 2) if elapsed is not None else None,
        heartbeat_age_s=round(hb_age, 1) if hb_age is not None else None,
        step=summary.step(),
        metric_records=summary.records,
        latest=latest,
        best=best,
        curves=curves,
        health=health,
        telemetry=tele[0] if tele else None,
        logs=logs,
        run_dir=ws.display(view.dir),
        gpus=st.gpus,
        manifest=ws.display(view.dir / records.MANIFEST) if confine.is_file(view.dir / records.MANIFEST) else None,
        manifest_error=st.manifest_error,
        backend=spec.backend,
        scheduler=_scheduler_view(view),
        attempt=st.attempt,
        max_attempts=st.max_attempts,
        attempts=st.attempts,
        next_attempt_at=st.next_attempt_at,
        resume_from=st.resume_from,
        disk=_disk(view),
    )


def _disk(view: RunView) -> DiskUse:
    import os

    try:
        fd = confine.open_fd(view.dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with os.scandir(fd) as it:
                record = sum(e.stat(follow_symlinks=False).st_size for e in it if e.is_file(follow_symlinks=False))
        finally:
            os.close(fd)
    except (OSError, confine.Refused):
        record = 0
    try:
        seen = records.read_json(view.dir / records.CHECKPOINTS)
    except (OSError, ValueError):
        seen = None
    if not isinstance(seen, dict):
        return DiskUse(record_bytes=record)
    return DiskUse(
        checkpoint_bytes=seen.get("bytes"),
        checkpoints=seen.get("checkpoints"),
        newest_checkpoint=seen.get("newest"),
        free_bytes=seen.get("free_bytes"),
        deleted=len(seen.get("deleted") or []),
        record_bytes=record,
        checked_at=seen.get("checked_at"),
    )


def _scheduler_view(view: RunView) -> dict | None:
    """The recorded scheduler facts, with the backend's latest observation (scheduler.json) on top."""
    if view.spec.backend == "local":
        return None
    facts = dict(view.state.scheduler or {})
    try:
        observed = records.read_json(view.dir / "scheduler.json")
    except (OSError, ValueError):
        observed = None
    if isinstance(observed, dict):
        facts.update({k: v for k, v in observed.items() if k not in ("sbatch_args", "submitted")})
    return facts or None


def progress_key(s: RunStatus) -> tuple:
    """What makes a run's progress line worth printing again: its state, step and health, not its clock."""
    return (s.run_id, s.state, s.step, tuple(h.code for h in s.health))


def one_line(s: RunStatus, primary: str | None = None) -> str:
    """A run in one line, for progress displays: id, state, step, a few metrics, the worst health signal."""
    parts = [f"{s.run_id:<24} {s.state:<9}"]
    if s.attempt > 1 or (s.max_attempts or 1) > 1:
        parts.append(f"attempt {s.attempt}/{s.max_attempts or s.attempt}")
    if s.elapsed_s is not None:
        parts.append(f"{s.elapsed_s:6.0f}s")
    if s.step is not None:
        parts.append(f"step {s.step}")
    names = [n for n in ([primary] if primary else []) + ["loss", "val_loss", "val_acc", "acc"] if n and n in s.latest]
    seen = []
    for n in names:
        if n in seen:
            continue
        seen.append(n)
        v = s.latest[n].value
        parts.append(f"{n}={v:.4g}" if isinstance(v, float) else f"{n}={v}")
        if len(seen) >= 3:
            break
    if s.state == "queued" and s.scheduler and s.scheduler.get("reason"):
        parts.append(f"(pending: {s.scheduler['reason']})")
    crit = [h for h in s.health if h.severity == "critical"] or [h for h in s.health if h.severity == "warning"]
    if crit:
        parts.append(f"! {crit[0].code}")
    if s.state in ("failed", "lost", "cancelled") and s.reason:
        parts.append(f"({s.reason[:60]})")
    return "  ".join(parts)
