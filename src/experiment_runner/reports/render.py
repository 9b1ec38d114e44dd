"""report.md (through prompts/report.md.j2) and report.json from an Analysis. Every number printed is a recorded
value or a statistic of them, so check_report finds nothing to flag in a compiled report."""

from __future__ import annotations

import math
from typing import Any

from experiment_runner.reports.analyse import TEST_NAMES, Analysis, fmt, fmt_p
from experiment_runner.reports.model import RunRow, Violation
from experiment_runner.reports.setup_section import setup_section


def _table(header: list[str], rows: list[list[str]]) -> str:
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(esc(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _g(v: float | None) -> str:
    return "n/a" if v is None or not math.isfinite(v) else f"{v:.6g}"


def label_of(an: Analysis, violations: list[Violation]) -> tuple[str, list[str]]:
    reasons = []
    if not an.plan.registered:
        reasons.append(
            "no confirmed brief for this experiment"
            if an.source.kind == "experiment"
            else "the analysis plan was given with the results file at report time, not registered before the results"
        )
    codes = {v.code for v in violations}
    if "S05" in codes:
        reasons.append("the analysis differs from the pre-registration (" + "; ".join(an.plan.changes) + ")")
    if "S06" in codes:
        reasons.append("some runs were launched before the brief was pre-registered")
    return ("exploratory" if reasons else "confirmatory"), reasons


def _results_table(an: Analysis) -> str:
    header = ["Arm", "Runs with a result / launched"] + [
        f"{m}" + (" (primary)" if m == an.plan.primary_metric else "") for m in an.metrics
    ]
    rows = []
    for arm in an.arms:
        done = an.cells[(arm, an.plan.primary_metric)].n
        rows.append(
            [arm + (" (baseline)" if arm == an.baseline and arm != "baseline" else ""), f"{done} / {an.launched[arm]}"]
            + [an.cells[(arm, m)].text for m in an.metrics]
        )
    return _table(header, rows)


def _primary_table(an: Analysis) -> str:
    m = an.plan.primary_metric
    d = an.decimals[m]
    wilson = any(an.cells[(a, m)].wilson is not None for a in an.arms)
    header = ["Arm", "mean ± std (n)", "95% t-CI", "95% bootstrap CI", "min", "max", "seeds"]
    if wilson:
        header.insert(4, f"95% Wilson CI, one evaluation of {an.plan.eval_examples} examples")
    rows = []
    for arm in an.arms:
        c = an.cells[(arm, m)]
        row = [
            arm,
            c.text,
            f"[{fmt(c.ci_t.low, d)}, {fmt(c.ci_t.high, d)}]",
            f"[{fmt(c.ci_bootstrap.low, d)}, {fmt(c.ci_bootstrap.high, d)}]",
            _g(c.min),
            _g(c.max),
            ", ".join(str(s) for s in c.seeds) or "none",
        ]
        if wilson:
            row.insert(4, "n/a" if c.wilson is None else f"[{fmt(c.wilson.low, d)}, {fmt(c.wilson.high, d)}]")
        rows.append(row)
    return _table(header, rows)


def _paired_table(an: Analysis) -> str:
    """The paired-by-seed comparisons (arms that share seeds), with the power and equivalence of every comparison."""
    if not an.comparisons:
        return ""
    d = an.decimals[an.plan.primary_metric]
    rows = []
    for c in an.comparisons:
        pr, eq = c.paired, c.equivalence
        paired = (
            "n/a (no shared seeds)"
            if pr is None
            else f"{pr.mean_difference:+.{d}f} over {pr.n} seeds [{fmt(pr.ci_bca.low, d)}, {fmt(pr.ci_bca.high, d)}]"
        )
        t = "n/a" if pr is None or pr.t is None else f"{pr.t:.2f} ({pr.df:g}), {fmt_p(pr.p)}"
        flip = (
            "n/a"
            if pr is None or pr.sign_flip_p is None
            else f"{fmt_p(pr.sign_flip_p)}" + ("" if pr.sign_flip_exact else " (sampled)")
        )
        wins = "n/a" if pr is None else f"{pr.wins} of {pr.n} seeds"
        mde = "n/a" if c.min_detectable is None else fmt(c.min_detectable, d)
        tost = (
            "no smallest effect of interest in the plan"
            if eq is None
            else f"±{fmt(eq.margin, d)}: p {fmt_p(eq.p)}, " + ("equivalent" if eq.equivalent else "not shown")
        )
        rows.append([f"{c.arm} vs {c.baseline}", paired, t, flip, wins, mde, tost])
    header = [
        "Arm vs baseline",
        "paired difference (95% BCa CI)",
        "paired t (df), p",
        "sign-flip p",
        "arm better in",
        "detectable at 80% power",
        "equivalence (TOST)",
    ]
    return _table(header, rows)


def _comparisons_table(an: Analysis) -> str:
    if not an.comparisons:
        return ""
    d = an.decimals[an.plan.primary_metric]
    header = [
        "Arm vs baseline",
        "difference (95% bootstrap CI)",
        "Hedges' g",
        "P(improvement)",
        "Welch t (df), p",
        "Mann-Whitney U, p",
        f"p used ({an.plan.test}" + (", Holm)" if an.plan.correction == "holm" and len(an.comparisons) > 1 else ")"),
        f"significant at {an.plan.alpha:g}",
    ]
    rows = []
    for c in an.comparisons:
        diff = (
            "n/a"
            if c.difference is None
            else f"{c.difference:+.{d}f} [{fmt(c.difference_ci.low, d)}, {fmt(c.difference_ci.high, d)}]"
        )
        welch = "n/a" if c.welch_t is None else f"{c.welch_t:.2f} ({c.welch_df:.1f}), {fmt_p(c.welch_p)}"
        mw = "n/a" if c.mann_whitney_u is None else f"{c.mann_whitney_u:g}, {fmt_p(c.mann_whitney_p)}"
        rows.append(
            [
                f"{c.arm} vs {c.baseline}",
                diff,
                "n/a" if c.hedges_g is None else f"{c.hedges_g:.2f}",
                "n/a" if c.probability_of_improvement is None else f"{c.probability_of_improvement:.2f}",
                welch,
                mw,
                fmt_p(c.p_adjusted),
                "yes" if c.significant else "no",
            ]
        )
    return _table(header, rows)


def _task_tables(an: Analysis) -> tuple[str, str]:
    """Per-task cells (arms x tasks) and the IQM across tasks with its stratified bootstrap interval; ('', '') for
    an experiment on one task."""
    at = an.across_tasks
    if at is None:
        return "", ""
    d = an.decimals[at.metric]
    cell = {(c.arm, c.task): c.text for c in at.cells}
    per_task = _table(["Arm"] + at.tasks, [[arm] + [cell[(arm, t)] for t in at.tasks] for arm in an.arms])

    def iv(i) -> str:
        return "n/a" if i is None or i.low is None else f"[{fmt(i.low, d)}, {fmt(i.high, d)}]"

    rows = []
    for a in at.aggregates:
        diff = (
            "baseline"
            if a.arm == an.baseline
            else (
                f"{'+' if a.difference >= 0 else ''}{fmt(a.difference, d)} {iv(a.difference_ci)}"
                if a.difference is not None
                else "n/a (not on the same tasks)"
            )
        )
        rows.append(
            [
                a.arm,
                "n/a" if a.iqm is None else fmt(a.iqm, d),
                iv(a.ci),
                diff,
                f"{a.tasks} / {len(at.tasks)}"
                + (f" (none on {', '.join(a.missing_tasks)})" if a.missing_tasks else ""),
                str(a.scores),
            ]
        )
    header = ["Arm", "IQM", "95% stratified bootstrap CI", f"IQM - {an.baseline} [95% CI]", "tasks", "scores"]
    return per_task, _table(header, rows)


def _failed_table(an: Analysis) -> str:
    if not an.problem_runs:
        return ""
    rows = []
    for r in an.problem_runs:
        cause = r.cause or "no cause recorded"
        src = f" ({r.cause_source})" if r.cause_source else ""
        rows.append(
            [
                f"`{r.run_id}`",
                r.arm,
                "n/a" if r.seed is None else str(r.seed),
                r.status,
                cause + src,
                r.excluded_reason
                or ("in the statistics" if r.included and r.status == "completed" else "not in the statistics"),
            ]
        )
    return _table(["Run", "Arm", "Seed", "Status", "Cause (source)", "Handling"], rows)


def _excluded_table(an: Analysis) -> str:
    if not an.selection.excluded:
        return ""
    rows = [
        [f"`{r.run_id}`", r.arm, "n/a" if r.seed is None else str(r.seed), r.status, why]
        for r, why in an.selection.excluded
    ]
    return _table(["Run", "Arm", "Seed", "Status", "Reason for exclusion"], rows)


def _runs_table(an: Analysis) -> str:
    retried = [r for r in an.rows if r.attempts > 1]
    header = ["Run", "Arm", "Seed", "Status", "In statistics"] + (["Attempts"] if retried else []) + an.metrics
    rows = [
        [
            f"`{r.run_id}`",
            r.arm,
            "n/a" if r.seed is None else str(r.seed),
            r.status,
            "yes" if (r.included and r.status == "completed") else "no",
        ]
        + ([str(r.attempts)] if retried else [])
        + [_run_value(r, m) for m in an.metrics]
        for r in an.rows
    ]
    table = _table(header, rows)
    if not retried:
        return table
    notes = [f"- `{r.run_id}`: {note}" for r in retried for note in r.attempt_notes]
    return (
        table + "\n\n[aN]: the attempt of a retried run the value came from. Its attempts form one series: where an "
        "attempt resumed from a checkpoint, its values replace the earlier attempt's from that step on.\n"
        + ("\n".join(notes) + "\n" if notes else "")
    )


def _run_value(r: RunRow, metric: str) -> str:
    if r.values.get(metric) is None:
        return ""
    text = _g(r.values[metric])
    which = r.value_attempts.get(metric)
    return f"{text} [a{'-'.join(map(str, which))}]" if which and r.attempts > 1 else text


def _analysis_lines(an: Analysis) -> list[str]:
    lines = [c.verdict for c in an.comparisons]
    lines += [c.criterion for c in an.comparisons if c.criterion]
    if an.plan.success_criteria and not an.comparisons:
        lines.append(f'Success criterion ("{an.plan.success_criteria}"): not judged, no arm was compared.')
    for (arm, metric), c in an.cells.items():
        if c.zero_variance and c.mean is not None:
            lines.append(
                f"Every completed seed of {arm} gave the same {metric} ({c.mean:.6g}, n={c.n}): the seed most likely "
                "never reached the run (not passed to the script, or not used to seed its generators), so these runs "
                "are one result repeated, not independent samples."
            )
    if not an.comparisons:
        lines.append(
            f"The baseline {an.baseline} has no run in the statistics, so no arm was compared with it."
            if an.baseline not in an.arms
            else f"No arm besides the baseline {an.baseline} has results, so nothing was tested."
        )
    secondary = [m for m in an.metrics if m != an.plan.primary_metric]
    if secondary:
        lines.append(
            "Other metrics (" + ", ".join(secondary) + ") are descriptive only: the plan tests the primary metric."
        )
    return lines


def _limitation_lines(an: Analysis, violations: list[Violation]) -> list[str]:
    out = []
    ns = [an.cells[(a, an.plan.primary_metric)].n for a in an.arms]
    if ns and min(ns) < 10:
        spread = f"n={min(ns)}" if min(ns) == max(ns) else f"n from {min(ns)} to {max(ns)}"
        out.append(
            f"Few seeds per arm ({spread}): intervals are wide, and bootstrap intervals from "
            "fewer than about ten values are too narrow, so read the t-intervals."
        )
    if an.problem_runs:
        out.append(
            f"{len(an.problem_runs)} of {len(an.source.runs)} runs gave no finite {an.plan.primary_metric}; "
            "they are listed under Failed Attempts, and the statistics use the completed runs only."
        )
    out.extend(
        f"The brief was confirmed again later as v{later.version}; this report follows the original "
        f"pre-registration v{an.source.brief.version}."
        for later in an.source.later_briefs
    )
    if an.source.kind == "experiment" and an.plan.aggregation != "final":
        out.append(f"Each run's value is its '{an.plan.aggregation}' value, as the plan says, not its final one.")
    unfinished = [r for r in an.rows if r.status in ("queued", "running")]
    if unfinished:
        out.append(f"{len(unfinished)} runs had not finished when this report was compiled.")
    if not out:
        out.append("None beyond those of the design itself.")
    return out


def figure_refs(paths, report_dir) -> list[dict[str, str]]:
    refs = []
    for p in paths:
        if p.suffix == ".png":
            rel = p.relative_to(report_dir).as_posix()
            kind = (
                "Learning curves"
                if p.stem.startswith("curves_")
                else "Expected best of n trials"
                if p.stem.startswith("expected_best_")
                else "Every seed's value per arm"
            )
            name = p.stem.removeprefix("expected_best_") if kind.startswith("Expected") else p.stem.split("_", 1)[1]
            refs.append({"alt": f"{kind}: {name}", "path": rel})
    return refs


def render_markdown(
    an: Analysis,
    violations: list[Violation],
    *,
    title: str,
    generated_at: str,
    figures: list[dict[str, str]],
    author_analysis: str | None,
    author_limitations: str | None,
) -> str:
    from experiment_runner.prompts import render

    label, reasons = label_of(an, violations)
    src = an.source
    source_line = (
        f"experiment `{src.name}`, {len(src.runs)} runs in {len(an.launched)} arms"
        if src.kind == "experiment"
        else f"results file `{src.name}`, {len(src.runs)} rows in {len(an.launched)} arms"
    )
    return render(
        "report.md.j2",
        title=title,
        label=label,
        label_reasons=reasons,
        registration=an.plan.registration,
        source_line=source_line,
        generated_at=generated_at,
        hypothesis=an.plan.hypothesis,
        registered_hypothesis=an.plan.registered_hypothesis,
        success_criteria=an.plan.success_criteria,
        plan=an.plan,
        test_name=TEST_NAMES[an.plan.test],
        alpha=f"{an.plan.alpha:g}",
        baseline=an.baseline,
        other_metrics=[m for m in an.plan.metrics if m != an.plan.primary_metric],
        setup=setup_section(src, an.plan, src.step_axis),
        boot_method=an.bootstrap["method"],
        resamples=f"{an.bootstrap['resamples']:,}",
        boot_seed=an.bootstrap["seed"],
        results_table=_results_table(an),
        primary_table=_primary_table(an),
        comparisons_table=_comparisons_table(an),
        paired_table=_paired_table(an),
        task_tables=_task_tables(an),
        across_tasks=an.across_tasks,
        baseline_reason=an.baseline_reason,
        figures=[f for f in figures if "/expected_best_" not in f["path"]],
        selection_section=_selection_section(an, figures),
        analysis_lines=_analysis_lines(an),
        author_analysis=(author_analysis or "").strip(),
        limitation_lines=_limitation_lines(an, violations),
        waivers=[v for v in violations if v.waived],
        author_limitations=(author_limitations or "").strip(),
        failed_table=_failed_table(an),
        excluded_table=_excluded_table(an),
        runs_table=_runs_table(an),
    )


def report_json(
    an: Analysis,
    violations: list[Violation],
    *,
    title: str,
    generated_at: str,
    figures: list[str],
    author_analysis: str | None,
    author_limitations: str | None,
) -> dict[str, Any]:
    label, reasons = label_of(an, violations)
    p = an.plan
    return {
        "schema": "experiment-runner/report@1",
        "title": title,
        "generated_at": generated_at,
        "label": label,
        "label_reasons": reasons,
        "source": {"kind": an.source.kind, "name": an.source.name, "runs": len(an.source.runs)},
        "plan": {
            "primary_metric": p.primary_metric,
            "higher_is_better": p.higher_is_better,
            "metrics": p.metrics,
            "baseline": an.baseline,
            "min_seeds": p.min_seeds,
            "test": p.test,
            "alpha": p.alpha,
            "correction": p.correction,
            "aggregation": p.aggregation,
            "last_k": p.last_k,
            "hypothesis": p.hypothesis,
            "registered_hypothesis": p.registered_hypothesis,
            "registration": p.registration,
            "changes": p.changes,
            "success_criteria": p.success_criteria,
            "smallest_effect": p.smallest_effect,
            "planned_seeds": p.planned_seeds,
            "eval_examples": p.eval_examples,
            "baseline_reason": an.baseline_reason,
        },
        "bootstrap": an.bootstrap,
        "setup": setup_section(an.source, p, an.source.step_axis),
        "arms": an.arms,
        "metrics": an.metrics,
        "results": [an.cells[(a, m)].model_dump(mode="json") for a in an.arms for m in an.metrics],
        "comparisons": [c.model_dump(mode="json") for c in an.comparisons],
        "across_tasks": an.across_tasks.model_dump(mode="json") if an.across_tasks is not None else None,
        "analysis": _analysis_lines(an),
        "author_analysis": author_analysis,
        "limitations": _limitation_lines(an, violations),
        "author_limitations": author_limitations,
        "violations": [v.model_dump(mode="json") for v in violations],
        "failed_attempts": [r.model_dump(mode="json") for r in an.problem_runs],
        "excluded": [{"run_id": r.run_id, "reason": why} for r, why in an.selection.excluded],
        "runs": [r.model_dump(mode="json") for r in an.rows],
        "figures": figures,
        "sweeps": [s.model_dump(mode="json") for s in an.sweeps],
    }


def _selection_section(an: Analysis, figures: list[dict[str, str]]) -> str:
    if not an.sweeps:
        return ""
    from experiment_runner.reports.selection import markdown

    return markdown(an.sweeps, figures)
