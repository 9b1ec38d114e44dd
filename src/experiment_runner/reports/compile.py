"""compile_report's machinery: load, select, analyse, check every rule, then (unless refused) render and write
report.md, report.json and the figures into a new folder that no later report can overwrite."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from experiment_runner.errors import UserError
from experiment_runner.reports.analyse import Analysis, analyse, select
from experiment_runner.reports.model import Exclusion, ReportPlan, Violation, Waiver
from experiment_runner.reports.plan import resolve, resolve_baseline
from experiment_runner.reports.rules import apply_waivers, check, refusal_text
from experiment_runner.workspace import Workspace, confine

if TYPE_CHECKING:
    from experiment_runner.stats.bootstrap import Method


@dataclass
class Request:
    experiment: str | None = None
    results_file: str | None = None
    plan: ReportPlan | None = None
    arms: list[str] | None = None
    seeds: list[int] | None = None
    exclude: list[Exclusion] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    metrics: list[str] | None = None
    analysis: str | None = None
    limitations: str | None = None
    title: str | None = None
    resamples: int = 10_000
    bootstrap_seed: int = 0
    ci_method: Method = "percentile"
    figures: bool = True


@dataclass
class Compiled:
    analysis: Analysis
    violations: list[Violation]
    unused_waivers: list[str]
    label: str
    label_reasons: list[str]
    report_dir: Path | None = None
    files: list[Path] = field(default_factory=list)
    markdown: str | None = None


def load(ws: Workspace, req: Request) -> Analysis:
    """Source, plan, baseline, selection and statistics (no rules, nothing written)."""
    from experiment_runner.reports import sources

    policy = ws.config.policy.min_seeds
    if req.experiment is not None and req.results_file is None:
        from experiment_runner.briefs import store as briefs
        from experiment_runner.workspace import validate_experiment_name

        validate_experiment_name(req.experiment)
        ws.experiment_dir(req.experiment, must_exist=True)
        record = briefs.first_confirmed(ws, req.experiment)
        plan = resolve(given=req.plan, brief_record=record, policy_min_seeds=policy, mode="experiment")
        source = sources.load_experiment(
            ws,
            req.experiment,
            aggregation=plan.aggregation,
            last_k=plan.last_k,
            higher_is_better=plan.higher_is_better,
            primary=plan.primary_metric,
        )
        if not source.runs and not source.unreadable:
            raise UserError(f"experiment {req.experiment!r} has no runs yet; launch them with launch_training first")
    elif req.results_file is not None and req.experiment is None:
        if req.plan is None:
            raise UserError(
                "a results file needs plan: at least primary_metric and higher_is_better "
                "(and baseline, metrics, min_seeds, test, alpha, correction as planned)"
            )
        record = None
        plan = resolve(given=req.plan, brief_record=None, policy_min_seeds=policy, mode="results_file")
        source = sources.load_results_file(ws, req.results_file)
    else:
        raise UserError(
            "give exactly one of experiment (runs in the store) or results_file (a CSV or JSON-lines file with "
            "method, seed, status and metric columns)"
        )
    arms = []
    for r in source.runs:
        if r.arm not in arms:
            arms.append(r.arm)
    baseline, baseline_reason = resolve_baseline(plan, arms, record)
    exclude = list(req.exclude)
    if source.kind == "experiment":
        from experiment_runner.reports import selection as sweep_selection

        exclude += sweep_selection.exclusions(ws, source.name, source.runs, req.arms)
    selection = select(source.runs, arms=req.arms, seeds=req.seeds, exclusions=exclude)
    if req.metrics is not None:
        extra = list(req.metrics)
        unknown = [m for m in extra if m not in source.metrics]
        if unknown:
            raise UserError(
                f"metric(s) {', '.join(unknown)} recorded by no run; recorded: {', '.join(source.metrics) or 'none'}"
            )
    else:
        extra = list(source.metrics) if source.kind == "results_file" else []
    an = analyse(
        source,
        plan,
        baseline,
        selection,
        extra_metrics=extra,
        resamples=req.resamples,
        seed=req.bootstrap_seed,
        ci_method=req.ci_method,
    )
    an.baseline_reason = baseline_reason
    if source.kind == "experiment":
        an.sweeps = sweep_selection.sections(ws, source.name, source.runs, plan.primary_metric, an.arms)
    return an


def caller_texts(req: Request) -> list[tuple[str, str]]:
    texts = []
    if req.title:
        texts.append(("the title", req.title))
    if req.analysis:
        texts.append(("the analysis text", req.analysis))
    if req.limitations:
        texts.append(("the limitations text", req.limitations))
    # waiver and exclusion reasons are the person's own words, printed as such ("3 epochs x 32 steps"), not results
    return texts


def utc_stamp() -> tuple[str, str]:
    now = time.time()
    return (time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now)), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)))


def reports_root(ws: Workspace, an: Analysis) -> Path:
    if an.source.kind == "experiment":
        return ws.experiment_dir(an.source.name) / "reports"
    return ws.store_root / "_reports"


def _reserve(root: Path, stem: str) -> Path:
    """A new, empty folder named after the time; never one that exists."""
    confine.mkdir(root)
    for k in range(1, 1000):
        path = root / (stem if k == 1 else f"{stem}-{k}")
        try:
            confine.mkdir(path, parents=False, exist_ok=False)
            return path
        except FileExistsError:
            continue
    raise UserError(f"could not find a free report folder name under {root}")


def compile_report(ws: Workspace, req: Request, *, check_only: bool = False) -> Compiled:
    an = load(ws, req)
    violations = check(an, caller_texts(req))
    unused = apply_waivers(violations, req.waivers)
    from experiment_runner.reports.render import figure_refs, label_of, render_markdown, report_json

    label, reasons = label_of(an, violations)
    out = Compiled(an, violations, unused, label, reasons)
    if check_only:
        return out
    if any(not v.waived for v in violations):
        raise UserError(refusal_text(violations))

    stamp, generated_at = utc_stamp()
    src = an.source
    title = req.title or (
        f"Report: experiment {src.name}" if src.kind == "experiment" else f"Report: {Path(src.name).name}"
    )
    root = reports_root(ws, an)
    stem = stamp if src.kind == "experiment" else f"{Path(src.name).stem}-{stamp}"
    final = _reserve(root, stem)
    tmp = root / f".{final.name}.{secrets.token_hex(4)}"
    confine.mkdir(tmp, parents=False, exist_ok=False)
    try:
        from experiment_runner.fsutil import write_new_text

        figure_paths = []
        if req.figures:
            from experiment_runner.reports.plots import write_figures

            figure_paths = write_figures(an, tmp / "figures")
            if an.sweeps:
                from experiment_runner.reports.selection import write_figures as selection_figures

                figure_paths += selection_figures(an.sweeps, tmp / "figures")
        refs = figure_refs(figure_paths, tmp)
        markdown = render_markdown(
            an,
            violations,
            title=title,
            generated_at=generated_at,
            figures=refs,
            author_analysis=req.analysis,
            author_limitations=req.limitations,
        )
        write_new_text(tmp / "report.md", markdown)
        data = report_json(
            an,
            violations,
            title=title,
            generated_at=generated_at,
            figures=[p.relative_to(tmp).as_posix() for p in figure_paths],
            author_analysis=req.analysis,
            author_limitations=req.limitations,
        )
        # compact: json's C encoder only runs without indentation, and report.json is for programs (report.md is
        # for people)
        write_new_text(tmp / "report.json", json.dumps(data, separators=(",", ":"), allow_nan=False) + "\n")
        confine.rename(tmp, final)  # the reserved folder is empty, so this renames the finished report into place
    except BaseException:
        confine.rmtree(tmp)
        try:
            confine.rmdir(final)
        except OSError:
            pass
        raise
    out.report_dir = final
    out.markdown = markdown
    out.files = [final / "report.md", final / "report.json"] + [final / p.relative_to(tmp) for p in figure_paths]
    return out
