"""The enforcement layer: rules with stable codes, checked before anything is written. Hard rules (H..) are never
waived. Soft rules (S..) are waived only with a written reason, which the report prints. Codes and names never
change meaning; new rules get new codes."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from experiment_runner.errors import UserError
from experiment_runner.reports.analyse import Analysis, require_reason
from experiment_runner.reports.model import Severity, Violation, Waiver
from experiment_runner.reports.selection import not_rerun_evidence, same_split_evidence
from experiment_runner.reports.sources import RunData


@dataclass(frozen=True)
class RuleInputs:
    """What every rule reads: the analysis, the caller's own texts (where, text) whose numbers must trace to the
    runs, and the completed runs that entered the statistics."""

    an: Analysis
    texts: list[tuple[str, str]]
    completed: list[RunData]


# A rule's check: the evidence that the rule is broken, one line per fact; an empty list when it holds.
RuleCheck = Callable[[RuleInputs], list[str]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    title: str
    fix: str
    check: RuleCheck


def _unix(iso: str | None) -> float | None:
    from datetime import datetime

    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _seed_text(seeds: Iterable[int | None]) -> str:
    return "{" + ", ".join(str(s) for s in sorted(s for s in seeds if s is not None)) + "}"


def _recorded_anywhere(inp: RuleInputs, metric: str) -> bool:
    return any(metric in r.values for r in inp.an.source.runs)


def _planned_but_unrecorded(inp: RuleInputs, metric: str, arm: str) -> list[RunData]:
    """The completed runs of an arm when none recorded a pre-registered metric (H03's case, which H01 then leaves
    to H03), else []."""
    done = [r for r in inp.completed if r.arm == arm]
    if metric in inp.an.plan.metrics and done and not any(metric in r.values for r in done):
        return done
    return []


def arm_without_variance(inp: RuleInputs) -> list[str]:
    """H01: every reported arm has at least 2 finite values of every reported metric. A mean of one run has no
    variance, so nothing said about it can be told apart from seed noise. An arm whose runs never recorded a
    pre-registered metric is H03's, not this rule's."""
    an = inp.an
    out = []
    for metric in an.metrics:
        if not _recorded_anywhere(inp, metric):
            continue
        for arm in an.arms:
            cell = an.cells[(arm, metric)]
            if cell.n < 2 and not _planned_but_unrecorded(inp, metric, arm):
                out.append(
                    f"arm {arm}: {metric} has n={cell.n} (completed runs with a finite value) of "
                    f"{cell.n_launched} launched"
                )
    return out


def run_unaccounted(inp: RuleInputs) -> list[str]:
    """H02: every run of the experiment is in the report: runs left out by the arms/seeds filter need a reason,
    unreadable run folders are named, and a results file has a row for every planned seed. A report that silently
    drops runs is how failed seeds disappear."""
    an = inp.an
    out = [
        f"run {r.run_id} (arm {r.arm}, seed {r.seed}, {r.status}) is left out by the arms/seeds filter without a reason"
        for r in an.selection.unaccounted
    ]
    out += [f"unreadable run {u}" for u in an.source.unreadable]
    return out + missing_planned(an)


def metric_missing(inp: RuleInputs) -> list[str]:
    """H03: every pre-registered metric is recorded, by some run and by the completed runs of every arm. Leaving a
    registered metric out is choosing outcomes after seeing them."""
    an = inp.an
    out = []
    for metric in an.metrics:
        if not _recorded_anywhere(inp, metric):
            if metric in an.plan.metrics:
                out.append(f"{metric}: no run recorded it (recorded metrics: {', '.join(an.source.metrics) or 'none'})")
            continue
        for arm in an.arms:
            done = _planned_but_unrecorded(inp, metric, arm)
            if done:
                out.append(f"{metric}: none of the {len(done)} completed runs of arm {arm} recorded it")
    return out


def number_untraceable(inp: RuleInputs) -> list[str]:
    """H04: every number in the caller's own text (analysis, limitations) is a recorded value or a statistic
    computed from the runs, rounding allowed. A number nobody can trace is a claim nobody can check."""
    if not inp.texts:
        return []
    from experiment_runner.reports.lint import untraceable

    traceable = inp.an.traceable()
    return [
        f'{num.text!r} in {where}: "{sentence[:240]}" (nearest recorded or computed: '
        f"{'; '.join(traceable.nearest(num)) or 'none'})"
        for where, text in inp.texts
        for num, sentence in untraceable(inp.an, text)
    ]


def below_min_seeds(inp: RuleInputs) -> list[str]:
    """S01: every arm has the plan's minimum of completed seeds on the primary metric. Fewer seeds than planned
    means less power than the plan assumed."""
    an, plan = inp.an, inp.an.plan
    out = []
    for arm in an.arms:
        cell = an.cells[(arm, plan.primary_metric)]
        if cell.n < plan.min_seeds:
            out.append(
                f"arm {arm}: {cell.n} completed of {cell.n_launched} launched; the plan asks for at least "
                f"{plan.min_seeds}"
            )
    return out


def unequal_seeds(inp: RuleInputs) -> list[str]:
    """S02: each compared arm has as many values as the baseline. Unequal counts usually mean runs failed on one
    side, and the failures may be what differs."""
    return [
        f"{c.arm} has n={c.n} but the baseline {c.baseline} has n={c.n_baseline} ({c.metric})"
        for c in inp.an.comparisons
        if c.n != c.n_baseline
    ]


def seeds_hand_picked(inp: RuleInputs) -> list[str]:
    """S03: no completed run of a reported arm with a finite primary value is excluded, and (results files) no arm
    has seed gaps the baseline does not have. Either is what picking the good seeds afterwards looks like."""
    an, plan = inp.an, inp.an.plan
    reported_arms = set(an.arms)
    out = []
    for r, why in an.selection.excluded:
        value = r.values.get(plan.primary_metric)
        if r.arm in reported_arms and r.status == "completed" and value is not None and math.isfinite(value):
            out.append(
                f"completed run {r.run_id} (arm {r.arm}, seed {r.seed}, {plan.primary_metric}={value:.6g}) is "
                f"excluded: {why}"
            )
    if an.source.kind == "results_file" and an.baseline in reported_arms:
        out += _seed_gaps(an)
    return out


def _seed_gaps(an: Analysis) -> list[str]:
    """Arms of a results file whose integer seeds have gaps and differ from the baseline's."""
    runs = an.source.runs
    base_seeds = {r.seed for r in runs if r.arm == an.baseline and r.seed is not None}
    out = []
    for arm in an.arms:
        if arm == an.baseline:
            continue
        seeds = {r.seed for r in runs if r.arm == arm and r.seed is not None}
        gaps = sorted(set(range(min(seeds), max(seeds) + 1)) - seeds) if seeds else []
        if seeds != base_seeds and gaps:
            out.append(
                f"arm {arm} has seeds {_seed_text(seeds)} (gaps at {_seed_text(gaps)}) while the baseline "
                f"{an.baseline} has {_seed_text(base_seeds)}: rows look dropped or seeds chosen after the fact"
            )
    return out


def uncorrected_comparisons(inp: RuleInputs) -> list[str]:
    """S04: several arms compared with the baseline use a multiple-comparison correction. Without one, each extra
    comparison adds about alpha expected false positives."""
    an, plan = inp.an, inp.an.plan
    k = len(an.comparisons)
    if plan.correction != "none" or k <= 1:
        return []
    nominal = [c.arm for c in an.comparisons if c.p is not None and c.p < plan.alpha]
    return [
        f"{k} arms are compared with {an.baseline} at alpha {plan.alpha:g} each, with no correction",
        f"nominally significant: {', '.join(nominal) or 'none'}; by chance alone about {k * plan.alpha:.2g} "
        "false positives are expected",
    ]


def plan_changed(inp: RuleInputs) -> list[str]:
    """S05: the test, hypothesis and analysis plan are the pre-registered ones. A plan changed after the results is
    exploratory, whatever it finds."""
    return list(inp.an.plan.changes)


def registered_after_runs(inp: RuleInputs) -> list[str]:
    """S06: no run was launched before the brief was confirmed (or launched as exploratory). Runs that predate the
    registration may have shaped it."""
    brief = inp.an.source.brief
    if brief is None:
        return []
    confirmed = brief.confirmed_at or ""
    at = _unix(confirmed)
    return [
        f"run {r.run_id} launched {r.created_at or '(time unknown)'}"
        f"{' as exploratory' if r.exploratory else ''}; the brief was confirmed {confirmed}"
        for r in inp.an.source.runs
        if r.exploratory or (at is not None and (_unix(r.created_at) or at) < at)
    ]


def runs_unfinished(inp: RuleInputs) -> list[str]:
    """S07: no run of the experiment is still queued or running. Their results could still change the numbers."""
    return [
        f"run {r.run_id} (arm {r.arm}, seed {r.seed}) is {r.status}"
        for r in inp.an.source.runs
        if r.status in ("queued", "running")
    ]


def seed_repeated(inp: RuleInputs) -> list[str]:
    """S08: each seed has at most one completed run per arm and task. Two runs of one seed are not independent
    samples, and keeping both inflates n (a seed run once on each of several tasks is one run per task)."""
    seen: dict[tuple[str, str | None, int | None], list[str]] = {}
    for r in inp.completed:
        seen.setdefault((r.arm, r.task, r.seed), []).append(r.run_id)
    return [
        f"arm {arm}{f' task {task}' if task else ''} seed {seed}: completed runs {', '.join(ids)}"
        for (arm, task, seed), ids in seen.items()
        if len(ids) > 1
    ]


def baseline_truncated(inp: RuleInputs) -> list[str]:
    """S09: the baseline had at least the budget of every compared arm: the median training steps (within 10%) and
    the seeds launched, and it is in the statistics at all. A baseline trained less loses for that reason alone."""
    an = inp.an

    def budget(arm: str) -> float | None:
        steps = [r.last_step for r in inp.completed if r.arm == arm and r.last_step is not None]
        return statistics.median(steps) if steps else None

    base_budget = budget(an.baseline)
    out = []
    if an.baseline not in an.arms and len(an.arms) > 0:
        out.append(
            f"baseline {an.baseline} has no run in the statistics (every run of it is excluded), so no arm is compared"
        )
    for arm in an.arms:
        if arm == an.baseline:
            continue
        other = budget(arm)
        if base_budget is not None and other is not None and base_budget < 0.9 * other:
            out.append(f"baseline {an.baseline} ran a median of {base_budget:g} steps, arm {arm} {other:g}")
        if an.launched.get(an.baseline, 0) < an.launched[arm]:
            out.append(
                f"baseline {an.baseline} has {an.launched.get(an.baseline, 0)} seeds launched, arm {arm} "
                f"{an.launched[arm]}"
            )
    return out


def zero_variance(inp: RuleInputs) -> list[str]:
    """S10: no arm gives exactly the same value in every seed. Identical values mean the seed never reached the
    run's random generators, so the seeds are not independent samples."""
    return [
        f"arm {arm}: {metric} is {c.mean:.6g} in all {c.n} completed seeds ({_seed_text(c.seeds)})"
        for (arm, metric), c in inp.an.cells.items()
        if c.zero_variance and c.mean is not None
    ]


# The registry: check() walks it in this order. Adding a rule is a new function above, a new row here with a new
# code (codes and names never change meaning), and its test in tests/test_report_rules.py.
def selected_and_reported_on_one_split(inp: RuleInputs) -> list[str]:
    """S11: a sweep chose its configuration on the same split the report's primary numbers come from. The chosen
    score is then the best of many tries on that very data, optimistic by construction: choose on validation,
    report on test."""
    return same_split_evidence(inp.an.sweeps)


def chosen_config_not_rerun(inp: RuleInputs) -> list[str]:
    """S12: the sweep's chosen configuration is compared with the baseline without a re-run on fresh seeds (or a
    trial arm itself is compared). The runs that chose it are its luckiest draws (winner's curse)."""
    an = inp.an
    return not_rerun_evidence(an.sweeps, an.arms, an.baseline)


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "H01",
            "arm_without_variance",
            "hard",
            "An arm is reported with fewer than 2 values, so without its variance.",
            "Run more seeds of that arm, or exclude its runs with a reason (they stay listed with it).",
            arm_without_variance,
        ),
        Rule(
            "H02",
            "run_unaccounted",
            "hard",
            "Runs of the experiment are missing from the report.",
            "Drop the arms/seeds filter, or exclude each such run with a reason (an excluded run is still "
            "listed with its reason); for a results file, add a row (with its status) for every planned seed.",
            run_unaccounted,
        ),
        Rule(
            "H03",
            "metric_missing",
            "hard",
            "A pre-registered metric is missing.",
            "Record the metric in every run (for a results file: fill its column); a pre-registered metric "
            "cannot be left out.",
            metric_missing,
        ),
        Rule(
            "H04",
            "number_untraceable",
            "hard",
            "A number traces to no recorded run.",
            "Remove or correct the number: every number must be a recorded value or a statistic computed from "
            "the runs (rounding allowed).",
            number_untraceable,
        ),
        Rule(
            "S01",
            "below_min_seeds",
            "soft",
            "An arm has fewer completed seeds than the plan's minimum.",
            "Run more seeds, or waive S01 with a written reason that the report prints.",
            below_min_seeds,
        ),
        Rule(
            "S02",
            "unequal_seeds",
            "soft",
            "Compared arms have unequal numbers of seeds.",
            "Run the missing seeds, or waive S02 with a written reason (e.g. which runs failed and why).",
            unequal_seeds,
        ),
        Rule(
            "S03",
            "seeds_hand_picked",
            "soft",
            "The seeds reported look hand-picked: a subset of the seeds launched.",
            "Report every completed seed, or waive S03 with a written reason for leaving seeds out.",
            seeds_hand_picked,
        ),
        Rule(
            "S04",
            "uncorrected_comparisons",
            "soft",
            "Several comparisons without a multiple-comparison correction.",
            "Use correction 'holm' (the default), or waive S04 with a written reason.",
            uncorrected_comparisons,
        ),
        Rule(
            "S05",
            "plan_changed",
            "soft",
            "The test, hypothesis or analysis plan differs from the pre-registration.",
            "Follow the pre-registered plan, or waive S05 with a written reason; the report is then labelled "
            "exploratory.",
            plan_changed,
        ),
        Rule(
            "S06",
            "registered_after_runs",
            "soft",
            "Runs were launched before the brief was pre-registered.",
            "Launch fresh runs after confirming the brief, or waive S06 with a written reason; the report is "
            "labelled exploratory.",
            registered_after_runs,
        ),
        Rule(
            "S07",
            "runs_unfinished",
            "soft",
            "Runs of the experiment are still queued or running.",
            "Wait for them to end, stop them, or waive S07 with a written reason (they are listed as unfinished).",
            runs_unfinished,
        ),
        Rule(
            "S08",
            "seed_repeated",
            "soft",
            "A seed was run more than once in an arm: the runs are not independent samples.",
            "Exclude all but one run per seed with a reason, or waive S08 with a written reason.",
            seed_repeated,
        ),
        Rule(
            "S09",
            "baseline_truncated",
            "soft",
            "The baseline had a smaller budget than a compared arm: fewer training steps, or fewer seeds launched "
            "(a seed run again after a crash is one seed).",
            "Give the baseline the same steps and seeds, or waive S09 with a written reason.",
            baseline_truncated,
        ),
        Rule(
            "S10",
            "zero_variance",
            "soft",
            "Every seed of an arm gave exactly the same value: the seed most likely never reached the run (not passed "
            "to the script, or not used to seed its random generators), so the seeds are not independent samples.",
            "Pass the seed to the script and seed every generator with it (random, numpy, torch, the data loader), or "
            "waive S10 with a written reason if the method is deterministic by design.",
            zero_variance,
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
            selected_and_reported_on_one_split,
        ),
        Rule(
            "S12",
            "chosen_config_not_rerun",
            "soft",
            "The sweep's chosen configuration is compared with the baseline without a re-run on fresh seeds: the "
            "runs that chose it are its luckiest draws (winner's curse).",
            "Re-run the chosen configuration's command with launch_training on seeds the sweep did not use, under "
            "an arm of its own, and compare that arm; or waive S12 with a written reason.",
            chosen_config_not_rerun,
        ),
    )
}


def check(an: Analysis, texts: list[tuple[str, str]]) -> list[Violation]:
    """Every broken rule, one Violation per code with all its evidence, in the registry's order. texts: (where,
    text) written by the caller (analysis, limitations, reasons) whose numbers must trace to the runs."""
    inp = RuleInputs(an, texts, [r for r in an.selection.included if r.status == "completed"])
    out = []
    for rule in RULES.values():
        evidence = rule.check(inp)
        if evidence:
            out.append(
                Violation(
                    code=rule.code,
                    name=rule.name,
                    severity=rule.severity,
                    message=rule.title,
                    evidence=evidence,
                    fix=rule.fix,
                )
            )
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
