"""The enforcement layer: rules with stable codes, checked before anything is written. Hard rules (H..) are never
waived. Soft rules (S..) are waived only with a written reason, which the report prints. Codes and names never
change meaning; new rules get new codes."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from experiment_runner.errors import UserError
from experiment_runner.reports.analyse import Analysis, require_reason
from experiment_runner.reports.model import Violation, Waiver


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # 'hard' | 'soft'
    title: str
    fix: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "H01",
            "arm_without_variance",
            "hard",
            "An arm is reported with fewer than 2 values, so without its variance.",
            "Run more seeds of that arm, or exclude its runs with a reason (they stay listed with it).",
        ),
        Rule(
            "H02",
            "run_unaccounted",
            "hard",
            "Runs of the experiment are missing from the report.",
            "Drop the arms/seeds filter, or exclude each such run with a reason (an excluded run is still "
            "listed with its reason); for a results file, add a row (with its status) for every planned seed.",
        ),
        Rule(
            "H03",
            "metric_missing",
            "hard",
            "A pre-registered metric is missing.",
            "Record the metric in every run (for a results file: fill its column); a pre-registered metric "
            "cannot be left out.",
        ),
        Rule(
            "H04",
            "number_untraceable",
            "hard",
            "A number traces to no recorded run.",
            "Remove or correct the number: every number must be a recorded value or a statistic computed from "
            "the runs (rounding allowed).",
        ),
        Rule(
            "S01",
            "below_min_seeds",
            "soft",
            "An arm has fewer completed seeds than the plan's minimum.",
            "Run more seeds, or waive S01 with a written reason that the report prints.",
        ),
        Rule(
            "S02",
            "unequal_seeds",
            "soft",
            "Compared arms have unequal numbers of seeds.",
            "Run the missing seeds, or waive S02 with a written reason (e.g. which runs failed and why).",
        ),
        Rule(
            "S03",
            "seeds_hand_picked",
            "soft",
            "The seeds reported look hand-picked: a subset of the seeds launched.",
            "Report every completed seed, or waive S03 with a written reason for leaving seeds out.",
        ),
        Rule(
            "S04",
            "uncorrected_comparisons",
            "soft",
            "Several comparisons without a multiple-comparison correction.",
            "Use correction 'holm' (the default), or waive S04 with a written reason.",
        ),
        Rule(
            "S05",
            "plan_changed",
            "soft",
            "The test, hypothesis or analysis plan differs from the pre-registration.",
            "Follow the pre-registered plan, or waive S05 with a written reason; the report is then labelled "
            "exploratory.",
        ),
        Rule(
            "S06",
            "registered_after_runs",
            "soft",
            "Runs were launched before the brief was pre-registered.",
            "Launch fresh runs after confirming the brief, or waive S06 with a written reason; the report is "
            "labelled exploratory.",
        ),
        Rule(
            "S07",
            "runs_unfinished",
            "soft",
            "Runs of the experiment are still queued or running.",
            "Wait for them to end, stop them, or waive S07 with a written reason (they are listed as unfinished).",
        ),
        Rule(
            "S08",
            "seed_repeated",
            "soft",
            "A seed was run more than once in an arm: the runs are not independent samples.",
            "Exclude all but one run per seed with a reason, or waive S08 with a written reason.",
        ),
        Rule(
            "S09",
            "baseline_truncated",
            "soft",
            "The baseline had a smaller budget than a compared arm: fewer training steps, or fewer seeds launched "
            "(a seed run again after a crash is one seed).",
            "Give the baseline the same steps and seeds, or waive S09 with a written reason.",
        ),
        Rule(
            "S10",
            "zero_variance",
            "soft",
            "Every seed of an arm gave exactly the same value: the seed most likely never reached the run (not passed "
            "to the script, or not used to seed its random generators), so the seeds are not independent samples.",
            "Pass the seed to the script and seed every generator with it (random, numpy, torch, the data loader), or "
            "waive S10 with a written reason if the method is deterministic by design.",
        ),
        Rule(
            "S11",
            "selected_and_reported_on_one_split",
            "soft",
            "A sweep chose its configuration on the same split the report's numbers come from: the chosen score is "
            "the best of many tries on that data, optimistic by construction.",
            "Choose on validation and report on test: make the report's primary metric a test metric (e.g. "
            "test_acc) and keep the sweep's objective a validation one; or waive S11 with a written reason (e.g. "
            "there is no held-out test split), and the report prints it.",
        ),
        Rule(
            "S12",
            "chosen_config_not_rerun",
            "soft",
            "The sweep's chosen configuration is compared with the baseline without a re-run on fresh seeds: the "
            "runs that chose it are its luckiest draws (winner's curse).",
            "Re-run the chosen configuration's command with launch_training on seeds the sweep did not use, under "
            "an arm of its own, and compare that arm; or waive S12 with a written reason.",
        ),
    )
}


def _violation(code: str, evidence: list[str], message: str | None = None) -> Violation:
    rule = RULES[code]
    return Violation(
        code=code,
        name=rule.name,
        severity=rule.severity,
        message=message or rule.title,
        evidence=evidence,
        fix=rule.fix,
    )


#: For rule modules beside this one (reports/selection.py).
violation = _violation


def _unix(iso: str | None) -> float | None:
    from datetime import datetime

    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _seed_text(seeds) -> str:
    return "{" + ", ".join(str(s) for s in sorted(s for s in seeds if s is not None)) + "}"


def check(an: Analysis, texts: list[tuple[str, str]]) -> list[Violation]:
    """Every broken rule, one Violation per code with all its evidence. texts: (where, text) written by the
    caller (analysis, limitations, reasons) whose numbers must trace to the runs."""
    plan, src, sel = an.plan, an.source, an.selection
    out: list[Violation] = []
    completed_included = [r for r in sel.included if r.status == "completed"]

    # H01 / H03: variance and pre-registered metrics
    h01, h03 = [], []
    for metric in an.metrics:
        anywhere = any(metric in r.values for r in src.runs)
        if not anywhere:
            if metric in plan.metrics:
                h03.append(f"{metric}: no run recorded it (recorded metrics: {', '.join(src.metrics) or 'none'})")
            continue
        for arm in an.arms:
            cell = an.cells[(arm, metric)]
            done = [r for r in completed_included if r.arm == arm]
            if metric in plan.metrics and done and not any(metric in r.values for r in done):
                h03.append(f"{metric}: none of the {len(done)} completed runs of arm {arm} recorded it")
            elif cell.n < 2:
                h01.append(
                    f"arm {arm}: {metric} has n={cell.n} (completed runs with a finite value) of "
                    f"{cell.n_launched} launched"
                )
    if h01:
        out.append(_violation("H01", h01))

    # H02: runs left out without a reason, and runs that could not be read
    h02 = [
        f"run {r.run_id} (arm {r.arm}, seed {r.seed}, {r.status}) is left out by the arms/seeds filter without a reason"
        for r in sel.unaccounted
    ]
    h02 += [f"unreadable run {u}" for u in src.unreadable]
    h02 += missing_planned(an)
    if h02:
        out.append(_violation("H02", h02))
    if h03:
        out.append(_violation("H03", h03))

    # H04: numbers in the caller's own text
    if texts:
        from experiment_runner.reports.lint import untraceable

        traceable = an.traceable()
        h04 = []
        for where, text in texts:
            for num, sentence in untraceable(an, text):
                h04.append(
                    f'{num.text!r} in {where}: "{sentence[:240]}" (nearest recorded or computed: '
                    f"{'; '.join(traceable.nearest(num)) or 'none'})"
                )
        if h04:
            out.append(_violation("H04", h04))

    # S01: fewer completed seeds than the plan's minimum
    s01 = []
    for arm in an.arms:
        cell = an.cells[(arm, plan.primary_metric)]
        if cell.n < plan.min_seeds:
            s01.append(
                f"arm {arm}: {cell.n} completed of {cell.n_launched} launched; the plan asks for at least "
                f"{plan.min_seeds}"
            )
    if s01:
        out.append(_violation("S01", s01))

    # S02: unequal seed counts between compared arms
    s02 = [
        f"{c.arm} has n={c.n} but the baseline {c.baseline} has n={c.n_baseline} ({c.metric})"
        for c in an.comparisons
        if c.n != c.n_baseline
    ]
    if s02:
        out.append(_violation("S02", s02))

    # S03: a subset of the completed seeds reported, or (results files) seed sets that look picked
    s03 = []
    reported_arms = set(an.arms)
    for r, why in sel.excluded:
        value = r.values.get(plan.primary_metric)
        if r.arm in reported_arms and r.status == "completed" and value is not None and math.isfinite(value):
            s03.append(
                f"completed run {r.run_id} (arm {r.arm}, seed {r.seed}, {plan.primary_metric}={value:.6g}) is "
                f"excluded: {why}"
            )
    if src.kind == "results_file" and an.baseline in reported_arms:
        base_seeds = {r.seed for r in src.runs if r.arm == an.baseline}
        for arm in an.arms:
            if arm == an.baseline:
                continue
            seeds = {r.seed for r in src.runs if r.arm == arm}
            gaps = sorted(set(range(min(seeds), max(seeds) + 1)) - seeds) if seeds else []
            if seeds != base_seeds and gaps:
                s03.append(
                    f"arm {arm} has seeds {_seed_text(seeds)} (gaps at {_seed_text(gaps)}) while the baseline "
                    f"{an.baseline} has {_seed_text(base_seeds)}: rows look dropped or seeds chosen after the fact"
                )
    if s03:
        out.append(_violation("S03", s03))

    # S04: several comparisons without correction
    if plan.correction == "none" and len(an.comparisons) > 1:
        nominal = [c.arm for c in an.comparisons if c.p is not None and c.p < plan.alpha]
        out.append(
            _violation(
                "S04",
                [
                    f"{len(an.comparisons)} arms are compared with {an.baseline} at alpha {plan.alpha:g} each, "
                    "with no correction",
                    f"nominally significant: {', '.join(nominal) or 'none'}; by chance alone about "
                    f"{len(an.comparisons) * plan.alpha:.2g} "
                    "false positives are expected",
                ],
            )
        )

    # S05: the plan differs from the registration
    if plan.changes:
        out.append(_violation("S05", list(plan.changes)))

    # S06: runs older than the pre-registration
    if src.brief is not None:
        confirmed = src.brief.confirmed_at or ""
        at = _unix(confirmed)
        early = [r for r in src.runs if r.exploratory or (at is not None and (_unix(r.created_at) or at) < at)]
        if early:
            out.append(
                _violation(
                    "S06",
                    [
                        f"run {r.run_id} launched {r.created_at or '(time unknown)'}"
                        f"{' as exploratory' if r.exploratory else ''}; the brief was confirmed {confirmed}"
                        for r in early
                    ],
                )
            )

    # S07: runs still going
    going = [r for r in src.runs if r.status in ("queued", "running")]
    if going:
        out.append(_violation("S07", [f"run {r.run_id} (arm {r.arm}, seed {r.seed}) is {r.status}" for r in going]))

    # S08: a seed run twice in one arm
    seen: dict[tuple[str, str | None, int | None], list[str]] = {}
    for r in completed_included:  # a seed run once on each of several tasks is one run per task
        seen.setdefault((r.arm, r.task, r.seed), []).append(r.run_id)
    s08 = [
        f"arm {arm}{f' task {task}' if task else ''} seed {seed}: completed runs {', '.join(ids)}"
        for (arm, task, seed), ids in seen.items()
        if len(ids) > 1
    ]
    if s08:
        out.append(_violation("S08", s08))

    # S10: an arm whose seeds all gave the same value
    s10 = [
        f"arm {arm}: {metric} is {c.mean:.6g} in all {c.n} completed seeds ({_seed_text(c.seeds)})"
        for (arm, metric), c in an.cells.items()
        if c.zero_variance and c.mean is not None
    ]
    if s10:
        out.append(_violation("S10", s10))

    # S09: the baseline trained less than a compared arm
    def budget(arm: str) -> float | None:
        steps = [r.last_step for r in completed_included if r.arm == arm and r.last_step is not None]
        return statistics.median(steps) if steps else None

    base_budget = budget(an.baseline)
    s09 = []
    if an.baseline not in an.arms and len(an.arms) > 0:
        s09.append(
            f"baseline {an.baseline} has no run in the statistics (every run of it is excluded), so no arm is compared"
        )
    for arm in an.arms:
        if arm == an.baseline:
            continue
        other = budget(arm)
        if base_budget is not None and other is not None and base_budget < 0.9 * other:
            s09.append(f"baseline {an.baseline} ran a median of {base_budget:g} steps, arm {arm} {other:g}")
        if an.launched.get(an.baseline, 0) < an.launched[arm]:
            s09.append(
                f"baseline {an.baseline} has {an.launched.get(an.baseline, 0)} seeds launched, arm {arm} "
                f"{an.launched[arm]}"
            )
    if s09:
        out.append(_violation("S09", s09))
    return out


def missing_planned(an: Analysis) -> list[str]:
    """Planned seeds (a results file's plan) that have no row: runs not accounted for."""
    planned = an.plan.planned_seeds
    if planned is None:
        return []
    arms = list(an.launched)
    if isinstance(planned, dict):
        unknown = [a for a in planned if a not in arms]
        if unknown:
            raise UserError(
                f"plan.planned_seeds names arm(s) {', '.join(unknown)} with no rows; arms in the results: "
                f"{', '.join(arms)}"
            )
    out = []
    tasks = list(dict.fromkeys(r.task for r in an.source.runs))  # [None] without a task column
    for arm in arms:
        want = planned.get(arm, []) if isinstance(planned, dict) else planned
        for task in tasks:  # every planned seed on every task
            have = {r.seed for r in an.source.runs if r.arm == arm and r.task == task}
            gone = sorted(set(want) - have)
            if gone:
                out.append(
                    f"arm {arm}{f' on task {task}' if task else ''}: planned seed(s) {_seed_text(gone)} have no row in "
                    f"the results file (planned {_seed_text(want)}, present {_seed_text(have)}); list every planned "
                    "run, failed ones with their status"
                )
    return out


def apply_waivers(violations: list[Violation], waivers: list[Waiver]) -> list[str]:
    """Mark the soft violations the caller waived, with the reason. Returns waivers that matched nothing.
    A waiver of a hard rule is never applied; the violation says so."""
    by_code: dict[str, str] = {}
    for w in waivers:
        code = w.code.strip().upper()
        if code not in RULES:
            raise UserError(
                f"waiver code {w.code!r} is not a rule; rules: " + ", ".join(f"{c} {r.name}" for c, r in RULES.items())
            )
        by_code[code] = require_reason(w.reason, f"waiving {code}")
    unused = [c for c in by_code if c not in {v.code for v in violations}]
    for v in violations:
        if v.code not in by_code:
            continue
        if v.severity == "hard":
            v.message += f" A waiver was given for {v.code}, but hard rules are never waived."
            continue
        v.waived, v.waiver_reason = True, by_code[v.code]
    return unused


def refusal_text(violations: list[Violation]) -> str:
    """The error a refused report returns: each broken rule with its code, evidence and fix."""
    open_ = [v for v in violations if not v.waived]
    lines = [f"compile_report refused: {len(open_)} rule(s) broken; nothing was written."]
    for v in open_:
        kind = "hard, never waived" if v.severity == "hard" else "soft, waivable with a written reason"
        lines.append(f"- {v.code} {v.name} ({kind}): {v.message}")
        lines.extend(f"    evidence: {e}" for e in v.evidence[:20])
        if len(v.evidence) > 20:
            lines.append(f"    evidence: ... and {len(v.evidence) - 20} more")
        lines.append(f"    fix: {v.fix}")
    if any(v.severity == "soft" for v in open_):
        lines.append(
            'To waive a soft rule, call again with waivers=[{"code": "S01", "reason": "why, in words"}]; '
            "the report prints each reason. check_only=true returns these violations as data."
        )
    return "\n".join(lines)
