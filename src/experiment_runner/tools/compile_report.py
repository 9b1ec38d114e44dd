"""compile_report: the honest report of an experiment (or a results file), refused when it breaks a rule."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from experiment_runner.errors import UserError
from experiment_runner.reports.model import (
    AcrossTasks,
    ArmMetric,
    Comparison,
    Exclusion,
    ReportPlan,
    RunRow,
    Violation,
    Waiver,
)
from experiment_runner.tools.base import (
    INLINE_LIMIT_CHARS,
    BackgroundCall,
    ToolContext,
    ToolInput,
    ToolOutput,
    ToolSpec,
)
from experiment_runner.tools.links import report_refs
from experiment_runner.workspace import Workspace


class CompileReportInput(ToolInput):
    experiment: str | None = Field(
        None,
        description="Experiment whose runs to report: every run ever launched in it, all arms, all seeds, every state.",
    )
    results_file: str | None = Field(
        None,
        description="Instead of an experiment: a CSV or JSON-lines file (inside the workspace) with columns method, "
        "seed, status (completed|failed|diverged|crashed|cancelled), optional run_id and cause, an optional step "
        "counter (steps, env_steps ...: the training budget) and task or dataset (runs over several tasks: per-task "
        "statistics and the IQM across tasks), then one column per metric.",
    )
    plan: ReportPlan | None = Field(
        None,
        description="Analysis plan. Required for a results file (primary_metric, higher_is_better, baseline, "
        "...). For an experiment it comes from the first confirmed brief; fields given here override it and count "
        "as a plan change (S05).",
    )
    arms: list[str] | None = Field(
        None, description="Only these arms. Runs of other arms must then be excluded with a reason (H02)."
    )
    seeds: list[int] | None = Field(
        None, description="Only these seeds. Other runs must then be excluded with a reason (H02)."
    )
    exclude: list[Exclusion] = Field(
        default_factory=list,
        description="Runs left out of the statistics, each with a reason; they stay listed in the report.",
    )
    waivers: list[Waiver] = Field(
        default_factory=list,
        description=(
            "Soft rules (S01..S10) waived, each with a written reason the report prints. Hard rules are never waived."
        ),
    )
    metrics: list[str] | None = Field(
        None,
        description=(
            "Metrics to report besides the pre-registered ones (default: none for an experiment, every "
            "column of a results file)."
        ),
    )
    analysis: str | None = Field(
        None,
        description=(
            "Your own analysis notes, printed under Analysis. Every number in them must trace to the runs (H04)."
        ),
    )
    limitations: str | None = Field(
        None, description="Your own limitations, printed under Limitations (numbers checked the same way)."
    )
    title: str | None = Field(None, description="Report title (default: 'Report: experiment <name>').")
    bootstrap_resamples: int = Field(
        10_000, ge=1000, le=200_000, description="Bootstrap resamples for the confidence intervals."
    )
    bootstrap_seed: int = Field(
        0, ge=0, description="Seed of the bootstrap's random generator (the report is reproducible)."
    )
    ci_method: Literal["percentile", "bca"] = Field("percentile", description="Bootstrap interval: percentile or BCa.")
    figures: bool = Field(True, description="Draw the figures (PNG and SVG).")
    check_only: bool = Field(
        False, description="Only check the rules: return the violations as data and write nothing."
    )


class CompileReportOutput(ToolOutput):
    status: Literal["written", "checked"] = Field(description="'written', or 'checked' for check_only.")
    ok: bool = Field(description="True when no rule is broken (or every broken soft rule is waived).")
    label: Literal["confirmatory", "exploratory"]
    label_reasons: list[str] = Field(description="Why the report is exploratory, when it is.")
    source: str = Field(description="The experiment or results file reported.")
    baseline: str
    report_dir: str | None = Field(None, description="Folder the report was written to, relative to the workspace.")
    files: list[str] = Field(
        default_factory=list, description="report.md, report.json and the figures, relative to the workspace."
    )
    violations: list[Violation] = Field(description="Every broken rule, waived or not, with code, evidence and fix.")
    unused_waivers: list[str] = Field(default_factory=list, description="Waived codes no rule needed.")
    results: list[ArmMetric] = Field(description="Every arm's statistics of every reported metric.")
    comparisons: list[Comparison] = Field(description="Each arm against the baseline on the primary metric.")
    across_tasks: AcrossTasks | None = Field(
        None,
        description="When the runs span several tasks (a results file's task column): each arm's primary metric per "
        "task, and the IQM across tasks with its stratified bootstrap interval.",
    )
    failed_attempts: list[RunRow] = Field(description="Every run without a finite primary value, with its cause.")
    markdown: str | None = Field(
        None, description="The report as written (left out past about 10k tokens: read it from `resources`)."
    )


def compile_report(inp: CompileReportInput, ctx: ToolContext) -> CompileReportOutput:
    """Compile the report of an experiment (every run ever launched in it) or of a results file: per arm mean ± std
    (n), 95% t and bootstrap intervals, min and max (and Wilson intervals when plan.eval_examples gives the size of
    the evaluation set); each arm against the baseline with Welch's t, Mann-Whitney U, Hedges' g, a bootstrap
    interval of the difference, the probability of improvement and Holm's correction; where arms share seeds, the
    paired comparison (paired t, sign-flip permutation test, BCa interval of the paired difference); the smallest
    difference detectable with 80% power at the seeds run; an equivalence test (TOST) against the smallest effect of
    interest (brief analysis.smallest_effect or plan.smallest_effect); a verdict per comparison against the success
    criterion (met / not met / inconclusive, with its threshold); learning curves and per-seed figures; every failed
    run with its cause. Before anything is written the rules are checked. Hard rules are never waived: H01 an arm
    with n < 2, H02 runs missing from the report (for a results file also planned seeds without a row, given in
    plan.planned_seeds), H03 a pre-registered metric missing, H04 a number in your analysis or limitations that
    traces to no run (waiver and exclusion reasons are your own words and are not checked). Soft rules are waived
    only with a written reason the report prints: S01 fewer seeds than the plan's minimum, S02 unequal seeds, S03
    hand-picked seeds, S04 several comparisons uncorrected, S05 plan or hypothesis changed (report labelled
    exploratory), S06 runs older than the pre-registration, S07 runs unfinished, S08 a seed repeated, S09 a
    truncated baseline (fewer training steps, or fewer distinct seeds: a crashed seed run again is one seed), S10
    every seed of an arm gave the same value (the seed never reached the run). A refusal is an error listing each
    broken rule with its code, evidence and fix; check_only=true returns them as data instead.
    Reports are saved under <store>/<experiment>/reports/<time>/ (results files: <store>/_reports/), never
    overwriting an earlier one."""
    from experiment_runner.reports.compile import Request
    from experiment_runner.reports.compile import compile_report as run

    ws = ctx.workspace
    req = Request(
        experiment=inp.experiment,
        results_file=inp.results_file,
        plan=inp.plan,
        arms=inp.arms,
        seeds=inp.seeds,
        exclude=inp.exclude,
        waivers=inp.waivers,
        metrics=inp.metrics,
        analysis=inp.analysis,
        limitations=inp.limitations,
        title=inp.title,
        resamples=inp.bootstrap_resamples,
        bootstrap_seed=inp.bootstrap_seed,
        ci_method=inp.ci_method,
        figures=inp.figures,
    )
    done = run(ws, req, check_only=inp.check_only)
    an = done.analysis
    open_ = [v for v in done.violations if not v.waived]
    waived = [v for v in done.violations if v.waived]
    failed = len(an.problem_runs)
    where = an.source.name
    if done.report_dir is None:  # check_only: nothing was written
        head = (
            f"Checked the report of {where}: "
            + (f"{len(open_)} rule(s) broken ({', '.join(v.code for v in open_)})" if open_ else "no rule broken")
            + (f", {len(waived)} waived" if waived else "")
            + "; nothing written."
        )
    else:
        head = f"Report of {where} written to {ws.display(done.report_dir)}/report.md ({done.label})"
        head += f", with {len(waived)} waived rule(s) ({', '.join(v.code for v in waived)})." if waived else "."
    head += f" {len(an.arms)} arm(s), {len(an.source.runs)} run(s), {failed} without a result."
    sig = [c for c in an.comparisons if c.significant]
    if an.comparisons:
        head += (
            f" {len(sig)} of {len(an.comparisons)} comparison(s) with {an.baseline} significant at alpha "
            f"{an.plan.alpha:g}."
        )
    out = CompileReportOutput(
        summary=head,
        status="checked" if inp.check_only else "written",
        ok=not open_,
        label=done.label,
        label_reasons=done.label_reasons,
        source=where,
        baseline=an.baseline,
        report_dir=ws.display(done.report_dir) if done.report_dir else None,
        files=[ws.display(p) for p in done.files],
        violations=done.violations,
        unused_waivers=done.unused_waivers,
        results=[an.cells[(a, m)] for a in an.arms for m in an.metrics],
        comparisons=an.comparisons,
        across_tasks=an.across_tasks,
        failed_attempts=an.problem_runs,
        markdown=done.markdown,
        resources=report_refs(ws, done.report_dir, done.files) if done.report_dir else [],
    )
    if out.markdown and out.inline_chars() > INLINE_LIMIT_CHARS:
        out.markdown = None
        out.summary += (
            f" The report is not inlined (past {INLINE_LIMIT_CHARS:,} characters): read {out.resources[0].uri}."
        )
    return out


#: Reports that run as a task where the client takes them: an experiment with this many runs, or this many bytes of
#: metric records (a report reads them at about 7 MB/s, figures included, on a loaded 2-core machine: 64 MiB is
#: about 10 s), or a results file that size.
TASK_FROM_RUNS = 1000
TASK_FROM_BYTES = 64 << 20


def is_large(inp: CompileReportInput, ws: Workspace) -> bool:
    """Whether this report reads enough to run as a task (check_only reports write nothing and stay calls)."""
    if inp.check_only:
        return False
    try:
        if inp.results_file is not None:
            return ws.resolve(inp.results_file, must_exist=True).stat().st_size >= TASK_FROM_BYTES
        if inp.experiment is None:
            return False
        from experiment_runner.runs import records
        from experiment_runner.runs.store import RunStore

        runs, size = 0, 0
        for run_dir in RunStore(ws).run_dirs(inp.experiment):
            runs += 1
            try:
                size += (run_dir / records.METRICS).stat().st_size
            except OSError:
                continue
    except (UserError, OSError):
        return False  # the call itself reports what is wrong
    return runs >= TASK_FROM_RUNS or size >= TASK_FROM_BYTES


SPEC = ToolSpec(
    name="compile_report",
    title="Compile an honest report (refused when it breaks a rule)",
    fn=compile_report,
    input_model=CompileReportInput,
    output_model=CompileReportOutput,
    read_only=False,
    destructive=False,
    idempotent=False,
    task=BackgroundCall(when=is_large),
)
