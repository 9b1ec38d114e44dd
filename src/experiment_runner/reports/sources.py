"""Where a report's runs come from: an experiment in the run store (every run ever launched in it, whatever its
state) or a results file made elsewhere (DESIGN.md contract 2). Both become a list of RunData."""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from experiment_runner.errors import UserError
from experiment_runner.reports.columns import is_step_column, task_column
from experiment_runner.workspace import Workspace, confine

if TYPE_CHECKING:
    from experiment_runner.runs.model import RunView

log = logging.getLogger("experiment_runner.reports")

#: Statuses a results file may give (the contract's five, plus the run engine's 'lost').
RESULT_STATUSES = ("completed", "failed", "diverged", "crashed", "cancelled", "lost")
#: Columns of a results file that are not metrics.
RESERVED_COLUMNS = ("method", "seed", "status", "run_id", "cause")


@dataclass
class RunData:
    run_id: str
    arm: str
    seed: int | None
    status: str  # completed failed diverged crashed cancelled lost queued running
    values: dict[str, float] = field(default_factory=dict)  # one value per metric (nan when not finite)
    series: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    last_step: float | None = None
    cause: str | None = None
    cause_source: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    manifest: dict | None = None
    argv: list[str] = field(default_factory=list)
    created_at: str | None = None
    exploratory: bool | None = None
    line: int | None = None  # line of a results file
    task: str | None = None  # the task or data set of a results-file row (its `task` or `dataset` column)
    attempts: int = 1  # starts of the run's command: a retried or requeued run has several, in one record
    value_attempts: dict[str, list[int]] = field(default_factory=dict)  # metric -> the attempts its value came from
    attempt_notes: list[str] = field(default_factory=list)  # how each earlier attempt ended


@dataclass
class Source:
    kind: str  # 'experiment' or 'results_file'
    name: str  # experiment name, or the file as the person sees it
    runs: list[RunData]
    metrics: list[str]  # every metric some run recorded, in first-seen order
    unreadable: list[str] = field(default_factory=list)  # runs that exist but could not be read
    brief: Any = None  # BriefRecord: the original pre-registration
    later_briefs: list = field(default_factory=list)  # confirmed versions after it
    sanity: str | None = None
    step_axis: str = "step"


def lower_is_better(metric: str) -> bool:
    """Direction of a metric the plan says nothing about, from the metric vocabulary (losses, errors, times:
    lower; the rest higher)."""
    from experiment_runner.metrics import vocabulary

    return vocabulary.direction(metric) == "min"


def aggregate_attempts(
    points: list[tuple[float, float, int]], how: str, higher_is_better: bool, last_k: int
) -> list[int]:
    """The attempts of a retried run that the value `aggregate` gives came from (its points as (step, value,
    attempt))."""
    if not points:
        return []
    if how == "final":
        return [points[-1][2]]
    if how == "best":
        finite = [p for p in points if math.isfinite(p[1])]
        if not finite:
            return [points[-1][2]]
        pick = max(finite, key=lambda p: p[1]) if higher_is_better else min(finite, key=lambda p: p[1])
        return [pick[2]]
    return sorted({p[2] for p in points[-last_k:]})


def aggregate(pairs: list[tuple[float, float]], how: str, higher_is_better: bool, last_k: int) -> float:
    """One run's value from its series: the final value, the best, or the mean of the last k. A non-finite final
    value (or any non-finite value among the last k) is kept as nan: a diverged run is not given a finite value."""
    if not pairs:
        return math.nan
    values = [v for _, v in pairs]
    if how == "final":
        v = values[-1]
    elif how == "best":
        finite = [v for v in values if math.isfinite(v)]
        if not finite or not math.isfinite(values[-1]):
            return math.nan  # a run that ended in NaN diverged, whatever its best moment was
        v = max(finite) if higher_is_better else min(finite)
    else:
        tail = values[-last_k:]
        v = sum(tail) / len(tail) if all(math.isfinite(t) for t in tail) else math.nan
    return v if math.isfinite(v) else math.nan


# --- results files ------------------------------------------------------------------------------


def _number(text: Any, where: str, column: str) -> float | None:
    if text is None:
        return None
    if isinstance(text, bool):
        raise UserError(f"{where}: column {column!r} holds {text!r}; metric values are numbers, empty, or nan")
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip()
    if s == "" or s.lower() in ("none", "null", "na", "n/a"):
        return None
    try:
        return float(s)
    except ValueError:
        raise UserError(
            f"{where}: column {column!r} holds {s!r}, which is not a number; metric values are numbers, empty "
            "(no value), or nan/inf (a diverged value)"
        ) from None


def _rows(path: Path, text: str) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        rows, columns = [], []
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise UserError(
                    f"{path.name} line {i} is not JSON ({e.msg}); a JSON-lines results file has one object per line"
                ) from None
            if not isinstance(obj, dict):
                raise UserError(
                    f"{path.name} line {i} is a {type(obj).__name__}; each line must be an object with method, "
                    "seed, status and metrics"
                )
            for k in obj:
                if k not in columns:
                    columns.append(k)
            rows.append((i, obj))
        return columns, rows
    if suffix in (".csv", ".tsv"):
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        columns = [c.strip() for c in (reader.fieldnames or [])]
        rows = []
        for i, raw in enumerate(reader, 2):
            if None in raw:
                raise UserError(f"{path.name} line {i} has more cells than the header's {len(columns)} columns")
            rows.append((i, {k.strip(): v for k, v in raw.items()}))
        return columns, rows
    raise UserError(
        f"results file {path.name!r} has an unknown type {suffix or '(none)'}; use .csv, .tsv, .jsonl or .json "
        "(JSON lines)"
    )


def load_results_file(ws: Workspace, value: str) -> Source:
    """Read a results file: columns method, seed, status, optional run_id and cause, an optional step counter (the
    training budget the run reached) and task (or dataset), then one column per metric."""
    path = ws.resolve(value, must_exist=True, kind="file", what="results file")
    try:
        text = confine.read_text(path)
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"cannot read results file {value!r}: {e}") from None
    columns, rows = _rows(path, text)
    missing = [c for c in ("method", "seed", "status") if c not in columns]
    if missing:
        raise UserError(
            f"results file {value!r} lacks the column(s) {', '.join(missing)}; it needs method, seed, status, then one "
            f"column per metric (columns found: {', '.join(columns) or 'none'})"
        )
    step_col = next((c for c in columns if is_step_column(c)), None)
    task_col = task_column(columns)
    metrics = [c for c in columns if c not in RESERVED_COLUMNS and c not in (step_col, task_col)]
    runs: list[RunData] = []
    seen_ids: set[str] = set()
    for line, row in rows:
        where = f"{path.name} line {line}"
        method = str(row.get("method") or "").strip()
        if not method:
            raise UserError(f"{where}: method is empty; every row names the method (arm) it belongs to")
        seed_raw = row.get("seed")
        try:
            seed = int(str(seed_raw).strip()) if not isinstance(seed_raw, int) else seed_raw
        except ValueError:
            raise UserError(f"{where}: seed {seed_raw!r} is not an integer") from None
        status = str(row.get("status") or "").strip().lower()
        if status not in RESULT_STATUSES:
            raise UserError(f"{where}: status {row.get('status')!r} is not one of {', '.join(RESULT_STATUSES)}")
        values: dict[str, float] = {}
        for m in metrics:
            v = _number(row.get(m), where, m)
            if v is not None:
                values[m] = v if math.isfinite(v) else math.nan
        task = str(row.get(task_col) or "").strip() or None if task_col else None
        run_id = str(row.get("run_id") or "").strip() or f"{method}/{task + '/' if task else ''}seed{seed}"
        if run_id in seen_ids:
            run_id = f"{run_id}#L{line}"
        seen_ids.add(run_id)
        cause = str(row.get("cause") or "").strip() or None
        runs.append(
            RunData(
                run_id=run_id,
                arm=method,
                seed=seed,
                status=status,
                values=values,
                cause=cause,
                cause_source="results file" if cause else None,
                line=line,
                last_step=_number(row.get(step_col), where, step_col) if step_col else None,
                task=task,
            )
        )
    if not runs:
        raise UserError(f"results file {value!r} has no rows")
    return Source(kind="results_file", name=ws.display(path), runs=runs, metrics=metrics)


# --- experiments --------------------------------------------------------------------------------


def _failure_cause(ws: Workspace, view: RunView, run: RunData) -> tuple[str | None, str | None]:
    """Why a run did not complete: diagnose_failure's top finding, with the run's own record (state reason, exit
    code or signal, the first non-finite metric, the last line of stderr) as the fallback and as context."""
    from experiment_runner.diagnosis.diagnose import diagnose
    from experiment_runner.diagnosis.sources import from_run

    parts = []
    if view.state.reason:
        parts.append(str(view.state.reason))
    if run.exit_code is not None and run.exit_code != 0 and not any(str(run.exit_code) in p for p in parts):
        parts.append(f"exit code {run.exit_code}")
    if run.signal:
        parts.append(f"signal {run.signal}")
    record = "; ".join(parts) or None
    try:
        found = diagnose(from_run(ws, run.run_id))
    except Exception as e:  # the diagnosis is an enrichment: its failure must not block the report
        log.warning("diagnose_failure could not read run %s: %s", run.run_id, e)
        found = None
    if found is not None and found.findings:
        top = found.findings[0]
        return f"{top.category}: {top.headline}" + (f" (run record: {record})" if record else ""), "diagnose_failure"
    for name, pairs in run.series.items():
        bad = next(((s, v) for s, v in pairs if not math.isfinite(v)), None)
        if bad is not None:
            parts.append(f"{name} became {bad[1]} at step {bad[0]:g}")
            break
    tail = _last_stderr_line(view.dir / "stderr.log")
    if tail:
        parts.append(f"stderr: {tail}")
    return ("; ".join(parts) or None), ("run record" if parts else None)


def _last_stderr_line(path: Path) -> str | None:
    try:
        with confine.open_file(path, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 4096))
            lines = [ln.strip() for ln in f.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except OSError:
        return None
    return lines[-1][:300] if lines else None


def load_experiment(
    ws: Workspace, experiment: str, *, aggregation: str, last_k: int, higher_is_better: bool | None, primary: str | None
) -> Source:
    """Every run ever launched in the experiment, with each metric reduced to one value by the plan's aggregation."""
    from experiment_runner.briefs import store as briefs
    from experiment_runner.runs.store import RunStore

    ws.experiment_dir(experiment, must_exist=True)
    store = RunStore(ws)
    runs: list[RunData] = []
    unreadable: list[str] = []
    names: list[str] = []
    step_axis = "step"
    views: list[RunView] = []
    for d in store.run_dirs(experiment):
        try:  # one damaged run folder is reported (rule H02), never a reason to skip the others silently
            views.append(store.view_at(d))
        except UserError as e:
            unreadable.append(f"{d.name}: {e}")
    views.sort(key=lambda v: (v.spec.created_at, v.spec.run_id))
    for view in views:
        spec, state = view.spec, view.state
        try:
            points_raw = store.metric_points(view)  # one series across a retried run's attempts
        except (UserError, OSError, ValueError) as e:  # a damaged metrics file is reported, never skipped silently
            unreadable.append(f"{spec.run_id}: metrics unreadable ({e})")
            points_raw = {}
        series: dict[str, list[tuple[float, float]]] = {}
        points: dict[str, list[tuple[float, float, int]]] = {}
        stepped_names: set[str] = set()
        for name, raw in points_raw.items():
            if name in ("time", "step"):
                continue
            stepped = [(float(st), float(v), a) for st, v, a in raw if st is not None and v is not None]
            if stepped:  # points without a step beside stepped ones are summary lines ('final val_acc=...'): left out
                points[name] = stepped
                stepped_names.add(name)
            else:  # a metric logged without steps is ordered by when it was logged
                points[name] = [(float(i), float(v), a) for i, (_, v, a) in enumerate(raw) if v is not None]
                if name == primary:
                    step_axis = "index"
            series[name] = [(st, v) for st, v, _ in points[name]]
            if name not in names:
                names.append(name)
        status = state.state
        run = RunData(
            run_id=spec.run_id,
            arm=spec.arm,
            seed=spec.seed,
            status=status,
            series=series,
            exit_code=getattr(state, "exit_code", None),
            signal=getattr(state, "signal", None),
            argv=list(spec.argv),
            created_at=spec.created_at,
            exploratory=spec.exploratory,
        )
        # the training budget comes from real step counters only: a metric logged without a step is ordered by
        # line (0, 1, 2 ...), and those indices are no steps (issue 14: "ended at step 11" when the last step was 3)
        steps = [s for name, pairs in series.items() if name in stepped_names for s, _ in pairs]
        run.last_step = max(steps) if steps else None
        run.attempts = max(1, view.attempts)
        run.attempt_notes = [_attempt_note(a) for a in state.attempts if a.retried]
        for name, pairs in series.items():
            hib = higher_is_better if (name == primary and higher_is_better is not None) else not lower_is_better(name)
            run.values[name] = aggregate(pairs, aggregation, hib, last_k)
            if run.attempts > 1:
                run.value_attempts[name] = aggregate_attempts(points[name], aggregation, hib, last_k)
        try:
            run.manifest = store.manifest(view)
        except UserError as e:
            run.manifest = {"unreadable": str(e)}
        if status != "completed":
            run.cause, run.cause_source = _failure_cause(ws, view, run)
        runs.append(run)
    runs.sort(key=lambda r: (r.created_at or "", r.arm, r.seed if r.seed is not None else -1, r.run_id))
    record = briefs.first_confirmed(ws, experiment)
    later = [r for r in briefs.confirmed_versions(ws, experiment) if record is not None and r.version > record.version]
    return Source(
        kind="experiment",
        name=experiment,
        runs=runs,
        metrics=names,
        unreadable=unreadable,
        brief=record,
        later_briefs=later,
        sanity=_sanity_summary(ws, experiment),
        step_axis=step_axis,
    )


def _attempt_note(a: Any) -> str:
    """How an earlier attempt of a retried run ended, in one line."""
    steps = f" after step {a.last_step}" if a.last_step is not None else ""
    resumed = " (the next attempt did not resume)" if a.resumed is False else ""
    return f"attempt {a.attempt}: {a.reason or a.ended_by}{steps}; retried on {a.cause}{resumed}"


def _sanity_summary(ws: Workspace, experiment: str) -> str | None:
    """One line on the experiment's latest sanity checks, when any were recorded."""
    from experiment_runner.sanity import store as sanity_store

    try:
        record = sanity_store.latest(ws, experiment)
    except Exception as e:  # an unreadable record is mentioned, not fatal to the report
        return f"the latest sanity-check record could not be read ({e})"
    if record is None:
        return None
    counts: dict[str, int] = {}
    for c in record.checks:
        counts[c.status] = counts.get(c.status, 0) + 1
    listing = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    failed = f" (failed: {', '.join(record.failed_checks)})" if record.failed_checks else ""
    return f"{record.verdict} at {record.created_at}: {listing}{failed}"
