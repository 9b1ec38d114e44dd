"""check_report: lint a report written by hand (or by the assistant) against the runs it describes."""

from __future__ import annotations

from pydantic import Field

from experiment_runner.reports.model import Exclusion, Finding, ReportPlan
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.workspace import confine


class CheckReportInput(ToolInput):
    report: str | None = Field(None, description="The report's markdown text.")
    report_path: str | None = Field(None, description="Or: a markdown file inside the workspace.")
    experiment: str | None = Field(
        None, description="The experiment the report describes (its runs and pre-registered brief)."
    )
    results_file: str | None = Field(
        None, description="Or: the results file it describes (CSV or JSON lines: method, seed, status, metrics)."
    )
    plan: ReportPlan | None = Field(
        None,
        description="Analysis plan: required with a results file (primary_metric, higher_is_better, baseline; "
        "hypothesis or registered.hypothesis to check the report's hypothesis against). For an experiment it comes "
        "from the brief.",
    )
    exclude: list[Exclusion] = Field(
        default_factory=list,
        description="Runs the report excludes from its statistics, each with its reason (as given to compile_report).",
    )


class CheckReportOutput(ToolOutput):
    ok: bool = Field(description="True when nothing was flagged.")
    findings: list[Finding] = Field(
        description="Each problem with its code, the quoted sentence and its line, and the fix."
    )
    checked_against: str = Field(description="The experiment or results file the numbers were checked against.")
    codes: dict[str, int] = Field(description="How many findings of each code.")


def check_report(inp: CheckReportInput, ctx: ToolContext) -> CheckReportOutput:
    """Lint a markdown report against the runs it describes (an experiment, or a results file with its plan). Flags,
    quoting each sentence with its line: L01 an arm's result never given with its spread (± std), or no n anywhere;
    L02 a number that appears in no run and no statistic of them; L03 'significant'/'outperforms'/'better than' with
    no test cited; L04 such a claim the plan's test (after correction) does not support, e.g. a winner within noise
    or one nominal p < 0.05 among many arms; L05 failed runs never mentioned; L06 a restated hypothesis that differs
    from the pre-registered one (a reference such as 'the pre-registered hypothesis is supported' is fine); L07 the
    baseline's result missing; L08 a truncated baseline not disclosed; L09 an n that is not the number of completed
    runs; L10 an arm reported from one run; L11 one seed's value (its best, worst or any single run) given as the
    arm's result. Numbers are read as people write them: rounded to the printed digits, x 100 for a metric stored as a
    fraction (96.06 ± 0.45, 97.15 ± 0.58%, '+1.71 points'), differences and ratios, the statistics people compute by
    hand (Welch/Student/paired intervals, Cohen's d, Holm or Bonferroni); hyperparameters, confidence levels, units
    of the method, criteria thresholds, versions and citations are recognised from context and not checked. Arms are
    recognised by id, by the names table rows tie to them, and 'the baseline'. Writes nothing."""
    from experiment_runner.errors import UserError
    from experiment_runner.reports.compile import Request, load
    from experiment_runner.reports.lint import lint

    ws = ctx.workspace
    if (inp.report is None) == (inp.report_path is None):
        raise UserError(
            "give exactly one of report (the markdown text) or report_path (a markdown file in the workspace)"
        )
    if inp.report_path is not None:
        path = ws.resolve(inp.report_path, must_exist=True, kind="file", what="report_path")
        try:
            text = confine.read_text(path)
        except (OSError, UnicodeDecodeError) as e:
            raise UserError(f"cannot read report {inp.report_path!r}: {e}") from None
    else:
        text = inp.report or ""
    if not text.strip():
        raise UserError("the report is empty")
    an = load(ws, Request(experiment=inp.experiment, results_file=inp.results_file, plan=inp.plan, exclude=inp.exclude))
    findings = lint(an, text)
    codes: dict[str, int] = {}
    for f in findings:
        codes[f.code] = codes.get(f.code, 0) + 1
    where = f"experiment {an.source.name}" if an.source.kind == "experiment" else f"results file {an.source.name}"
    summary = (
        f"No findings: every number traces to {where}, and every claim has a test behind it."
        if not findings
        else f"{len(findings)} finding(s) against {where}: "
        + ", ".join(f"{c} x{n}" for c, n in sorted(codes.items()))
        + "."
    )
    return CheckReportOutput(summary=summary, ok=not findings, findings=findings, checked_against=where, codes=codes)


SPEC = ToolSpec(
    name="check_report",
    title="Lint a written report against the runs it describes",
    fn=check_report,
    input_model=CheckReportInput,
    output_model=CheckReportOutput,
    read_only=True,
    destructive=False,
    idempotent=True,
)
