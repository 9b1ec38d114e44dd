"""From runs to statistics: which runs enter (selection, exclusions with reasons), every arm's summary of every
reported metric, the comparisons with the baseline on the primary metric, and the values a report may cite."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from experiment_runner.errors import UserError, did_you_mean
from experiment_runner.reports.model import (
    AcrossTasks,
    ArmMetric,
    Comparison,
    Equivalence,
    Exclusion,
    Interval,
    Paired,
    RunRow,
)
from experiment_runner.reports.numbers import Traceable
from experiment_runner.reports.plan import EffectivePlan
from experiment_runner.reports.sources import RunData, Source

if TYPE_CHECKING:
    from experiment_runner.stats.bootstrap import Method

TEST_NAMES = {"welch_t": "Welch's t-test", "student_t": "Student's t-test", "mann_whitney": "Mann-Whitney U test"}


def require_reason(text: str | None, what: str) -> str:
    """A written reason: a few words at least, never a bare "ok"."""
    reason = " ".join((text or "").split())
    if len(reason) < 15 or len(reason.split()) < 3:
        raise UserError(
            f"{what} needs a written reason of a few words (at least 3 words, 15 characters), got {text!r}; "
            "say why, e.g. 'seed 2 was launched with lr 40 on purpose to show a failure'"
        )
    return reason


@dataclass
class Selection:
    included: list[RunData]
    excluded: list[tuple[RunData, str]]
    unaccounted: list[RunData]  # left out by a filter without a reason


def select(
    runs: list[RunData], *, arms: list[str] | None, seeds: list[int] | None, exclusions: list[Exclusion]
) -> Selection:
    """Apply the caller's filters and exclusions. Every run ends in exactly one list, so none can vanish."""
    all_arms = sorted({r.arm for r in runs})
    for a in arms or []:
        if a not in all_arms:
            raise UserError(f"arm {a!r} has no runs; " + did_you_mean(a, all_arms))
    reasons: dict[str, str] = {}
    for ex in exclusions:
        if ex.run_id is None and ex.arm is None and ex.seed is None:
            raise UserError("an exclusion names no run: give run_id, or arm (and seed), or seed")
        reason = require_reason(ex.reason, f"excluding {ex.run_id or ex.arm or ex.seed!r}")
        hit = [
            r
            for r in runs
            if (ex.run_id is None or r.run_id == ex.run_id)
            and (ex.arm is None or r.arm == ex.arm)
            and (ex.seed is None or r.seed == ex.seed)
        ]
        if not hit:
            what = ex.run_id or f"arm={ex.arm!r} seed={ex.seed!r}"
            raise UserError(
                f"exclusion {what} matches no run; "
                + did_you_mean(str(ex.run_id or ex.arm), [r.run_id for r in runs] + all_arms)
            )
        for r in hit:
            reasons.setdefault(r.run_id, reason)
    included, excluded, unaccounted = [], [], []
    for r in runs:
        if r.run_id in reasons:
            excluded.append((r, reasons[r.run_id]))
        elif (arms is not None and r.arm not in arms) or (seeds is not None and r.seed not in seeds):
            unaccounted.append(r)
        else:
            included.append(r)
    return Selection(included, excluded, unaccounted)


def decimals_for(stds: list[float], means: list[float]) -> int:
    """Digits after the point so that a typical standard deviation shows two significant digits."""
    spread = sorted(s for s in stds if s is not None and math.isfinite(s) and s > 0)
    if spread:
        d = 1 - math.floor(math.log10(spread[len(spread) // 2]))
    else:
        scale = max((abs(m) for m in means if m is not None and math.isfinite(m) and m != 0), default=1.0)
        d = 3 - math.floor(math.log10(scale))
    return max(1, min(6, d))


def fmt(value: float | None, decimals: int) -> str:
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value:.{decimals}f}"


def fmt_p(p: float | None) -> str:
    if p is None or not math.isfinite(p):
        return "n/a"
    return "< 0.001" if p < 0.001 else f"{p:.3g}"


def p_eq(p: float | None) -> str:
    """'= 0.0123' or '< 0.001', to follow a 'p'."""
    text = fmt_p(p)
    return text if text.startswith("<") else f"= {text}"


def _f(x) -> float | None:
    return float(x) if x is not None and math.isfinite(float(x)) else None


@dataclass
class Analysis:
    source: Source
    plan: EffectivePlan
    baseline: str
    selection: Selection
    arms: list[str]  # reported arms, baseline first
    metrics: list[str]  # reported metrics, pre-registered first
    cells: dict[tuple[str, str], ArmMetric]
    decimals: dict[str, int]
    comparisons: list[Comparison]
    rows: list[RunRow]
    problem_runs: list[RunRow]  # every run that did not give a finite primary value, included or excluded
    bootstrap: dict = field(default_factory=dict)
    launched: dict[str, int] = field(default_factory=dict)  # arm -> distinct seeds launched (a retry is an attempt)
    attempts: dict[str, int] = field(default_factory=dict)  # arm -> every start of its runs (re-runs and retries)
    baseline_reason: str = "named by the plan"
    #: Bootstrap interval endpoints with the Monte Carlo error another bootstrap (>= 1000 resamples) would show:
    #: (value, tolerance, label). A hand-written report's own bootstrap lands within it.
    mc_endpoints: list[tuple[float, float, str]] = field(default_factory=list)
    #: Per-task statistics and IQM across tasks, when the runs span several tasks (a results file's task column).
    across_tasks: AcrossTasks | None = None
    #: The experiment's sweeps, as reports/selection.py accounts for them (SweepSection each).
    sweeps: list = field(default_factory=list)

    def values(self, arm: str, metric: str) -> list[float]:
        c = self.cells.get((arm, metric))
        return c.values if c else []

    def traceable(self) -> Traceable:
        """Every value this report may cite: recorded run values and everything computed from them."""
        from experiment_runner.reports.trace import build

        return build(self)


def analyse(
    source: Source,
    plan: EffectivePlan,
    baseline: str,
    selection: Selection,
    *,
    extra_metrics: list[str],
    resamples: int,
    seed: int,
    ci_method: Method,
) -> Analysis:
    import numpy as np

    from experiment_runner.stats import compare as cmp_
    from experiment_runner.stats.bootstrap import bootstrap_cis, quantile_mc_se
    from experiment_runner.stats.describe import describe
    from experiment_runner.stats.power import seeds_needed

    primary = plan.primary_metric
    order: list[str] = []
    for r in source.runs:
        if r.arm not in order:
            order.append(r.arm)
    # a re-run of a crashed seed is a second run; a retry or a requeue is a second attempt inside one run
    attempts = {a: sum(r.attempts for r in source.runs if r.arm == a) for a in order}
    launched = {a: planned_count([r for r in source.runs if r.arm == a]) for a in order}
    included_arms = [a for a in order if any(r.arm == a for r in selection.included)]
    arms = ([baseline] if baseline in included_arms else []) + [a for a in included_arms if a != baseline]
    metrics = list(plan.metrics)
    for m in extra_metrics:
        if m not in metrics:
            metrics.append(m)

    cells: dict[tuple[str, str], ArmMetric] = {}
    decimals: dict[str, int] = {}
    rng = np.random.default_rng(seed)
    boot_primary = None
    mc: list[tuple[float, float, str]] = []
    for metric in metrics:
        samples, seeds_of = [], []
        for arm in arms:
            runs = [
                r
                for r in selection.included
                if r.arm == arm and r.status == "completed" and metric in r.values and math.isfinite(r.values[metric])
            ]
            samples.append([r.values[metric] for r in runs])
            seeds_of.append([r.seed for r in runs])
        base_idx = arms.index(baseline) if (metric == primary and baseline in arms) else None
        boot = (
            bootstrap_cis(
                [s if s else [math.nan] for s in samples], base_idx, n_resamples=resamples, method=ci_method, rng=rng
            )
            if any(len(s) >= 2 for s in samples)
            else None
        )
        if metric == primary:
            boot_primary = boot
        if boot is not None:
            se = quantile_mc_se(boot.mean_order, [0.025, 0.975], 1000)
            for j, i in enumerate(boot.mean_rows):
                _endpoints(mc, boot.mean_ci[i], se[j], f"bootstrap CI {metric} of arm {arms[i]}")
            se = quantile_mc_se(boot.diff_order, [0.025, 0.975], 1000)
            for j, i in enumerate(boot.diff_rows):
                _endpoints(mc, boot.diff_ci[i], se[j], f"difference CI {arms[i]} vs {baseline}")
        descs = [describe(s) for s in samples]
        decimals[metric] = decimals_for([d.std for d in descs], [d.mean for d in descs])
        for i, arm in enumerate(arms):
            d = descs[i]
            ci_b = boot.mean_ci[i] if boot is not None and d.n >= 2 else (math.nan, math.nan)
            text = (
                f"{fmt(d.mean, decimals[metric])} ± {fmt(d.std, decimals[metric])} (n={d.n})"
                if d.n >= 2
                else (
                    f"{fmt(d.mean, decimals[metric])} (n={d.n}, no spread)"
                    if d.n == 1
                    else f"no value (n=0 of {launched[arm]})"
                )
            )
            cells[(arm, metric)] = ArmMetric(
                arm=arm,
                metric=metric,
                n=d.n,
                n_launched=launched[arm],
                mean=_f(d.mean),
                std=_f(d.std),
                sem=_f(d.sem),
                ci_t=Interval(low=_f(d.ci_low), high=_f(d.ci_high)),
                ci_bootstrap=Interval(low=_f(ci_b[0]), high=_f(ci_b[1])),
                min=_f(d.min),
                max=_f(d.max),
                median=_f(d.median),
                seeds=seeds_of[i],
                values=[float(v) for v in samples[i]],
                text=text,
                wilson=_wilson(d, plan, metric),
                zero_variance=d.n >= 2 and d.std <= 1e-12 * max(1.0, abs(d.mean)),
            )

    comparisons: list[Comparison] = []
    sign = 1.0 if plan.higher_is_better else -1.0
    base = cells.get((baseline, primary))
    for i, arm in enumerate(arms):
        if arm == baseline or base is None:
            continue
        cell = cells[(arm, primary)]
        x, y = cell.values, base.values
        testable = len(x) >= 2 and len(y) >= 2
        w = cmp_.welch_t(x, y) if testable else cmp_.TTest(math.nan, math.nan, math.nan)
        s = cmp_.student_t(x, y) if testable else cmp_.TTest(math.nan, math.nan, math.nan)
        u = cmp_.mann_whitney(x, y) if x and y else cmp_.UTest(math.nan, math.nan, "none")
        p = {"welch_t": w.pvalue, "student_t": s.pvalue, "mann_whitney": u.pvalue}[plan.test]
        g = cmp_.hedges_g(x, y) if testable else math.nan
        diff = (cell.mean - base.mean) if (cell.mean is not None and base.mean is not None) else math.nan
        dci = boot_primary.diff_ci[i] if (boot_primary is not None and testable) else (math.nan, math.nan)
        comparisons.append(
            Comparison(
                arm=arm,
                baseline=baseline,
                metric=primary,
                n=len(x),
                n_baseline=len(y),
                difference=_f(diff),
                difference_ci=Interval(low=_f(dci[0]), high=_f(dci[1])),
                hedges_g=_f(g),
                probability_of_improvement=_f(cmp_.probability_of_improvement(x, y, plan.higher_is_better))
                if x and y
                else None,
                welch_t=_f(w.statistic),
                welch_df=_f(w.df),
                welch_p=_f(w.pvalue),
                student_t=_f(s.statistic),
                student_p=_f(s.pvalue),
                mann_whitney_u=_f(u.statistic),
                mann_whitney_p=_f(u.pvalue),
                mann_whitney_min_p=cmp_.min_mann_whitney_p(len(x), len(y)) if x and y else None,
                test=plan.test,
                p=_f(p),
                p_adjusted=None,
                significant=False,
                better=(diff * sign > 0) if math.isfinite(diff) and diff != 0 else None,
                seeds_needed=seeds_needed(g, plan.alpha) if math.isfinite(g) else None,
                verdict="",
            )
        )
        extend_comparison(comparisons[-1], cell, base, plan, rng=rng, resamples=resamples)
    _paired_intervals(comparisons, cells, rng=rng, resamples=resamples)
    ps = [c.p if c.p is not None else math.nan for c in comparisons]
    adjusted = cmp_.holm(ps) if (plan.correction == "holm" and len(comparisons) > 1) else ps
    for c, pa in zip(comparisons, adjusted):
        c.p_adjusted = _f(pa)
        c.significant = c.p_adjusted is not None and c.p_adjusted < plan.alpha
        c.verdict = verdict(c, plan, decimals[primary], len(comparisons), cells)
        c.criterion = criterion_verdict(c, plan, cells, decimals[primary])

    rows, problems = [], []
    excluded = {r.run_id: why for r, why in selection.excluded}
    included_ids = {r.run_id for r in selection.included}
    for r in source.runs:
        pv = r.values.get(primary)
        status = r.status
        cause, cause_source = r.cause, r.cause_source
        if status == "completed" and (pv is None or not math.isfinite(pv)):
            status = "diverged" if pv is not None else "completed"
            cause = cause or (
                f"{primary} ended non-finite (NaN or Inf)" if pv is not None else f"recorded no {primary} value"
            )
            cause_source = cause_source or ("metrics" if pv is not None else "metrics")
        row = RunRow(
            run_id=r.run_id,
            arm=r.arm,
            seed=r.seed,
            status=status,
            included=r.run_id in included_ids,
            excluded_reason=excluded.get(r.run_id),
            values={m: (_f(r.values[m]) if m in r.values else None) for m in metrics},
            last_step=r.last_step,
            task=r.task,
            cause=cause,
            cause_source=cause_source,
            attempts=r.attempts,
            value_attempts={m: r.value_attempts[m] for m in metrics if m in r.value_attempts},
            attempt_notes=r.attempt_notes,
        )
        rows.append(row)
        if r.status != "completed" or pv is None or not math.isfinite(pv):
            problems.append(row)
    from experiment_runner.reports.tasks import across_tasks

    tasks = (
        across_tasks(
            selection.included,
            arms,
            baseline,
            primary,
            decimals[primary],
            resamples=resamples,
            seed=seed,
            mc=mc,
        )
        if primary in metrics
        else None
    )
    return Analysis(
        source=source,
        plan=plan,
        baseline=baseline,
        selection=selection,
        arms=arms,
        metrics=metrics,
        cells=cells,
        decimals=decimals,
        comparisons=comparisons,
        rows=rows,
        problem_runs=problems,
        bootstrap={"resamples": resamples, "seed": seed, "method": ci_method, "confidence": 0.95},
        launched=launched,
        attempts=attempts,
        mc_endpoints=mc,
        across_tasks=tasks,
    )


def verdict(c: Comparison, plan: EffectivePlan, decimals: int, k: int, cells=None) -> str:
    """The sentence the report prints for one comparison: the difference, its interval, the test, and what it
    allows one to say. 'better than' appears only when the plan's test (after correction) supports it; 'no
    difference that matters' only when an equivalence test against the smallest effect of interest shows it."""
    test = TEST_NAMES[c.test]
    if c.p is None:
        if c.n >= 2 and c.n_baseline >= 2:
            constant = [
                a
                for a in (c.arm, c.baseline)
                if cells is not None and cells.get((a, c.metric)) and cells[(a, c.metric)].zero_variance
            ]
            return (
                f"{c.arm} vs {c.baseline}: not tested: every seed of "
                + " and of ".join(constant or [c.arm, c.baseline])
                + f" gave the same {c.metric}, so there is no variance to test against (see the zero-variance "
                "finding: the seed most likely never reached the run)."
            )
        return (
            f"{c.arm} vs {c.baseline}: not tested ({c.metric} has n={c.n} and n={c.n_baseline}; "
            "a test needs at least 2 values in each arm)."
        )
    diff = f"{'+' if (c.difference or 0) >= 0 else ''}{fmt(c.difference, decimals)}"
    ci = f"[{fmt(c.difference_ci.low, decimals)}, {fmt(c.difference_ci.high, decimals)}]"
    adj = f", Holm-adjusted over {k} comparisons p {p_eq(c.p_adjusted)}" if plan.correction == "holm" and k > 1 else ""
    head = f"{c.arm} vs {c.baseline}: {c.metric} difference {diff} (95% bootstrap CI {ci}); {test} p {p_eq(c.p)}{adj}"
    if c.significant:
        word = "better than" if c.better else "worse than"
        return f"{head}, below alpha {plan.alpha:g}, so {c.arm} is {word} {c.baseline} on {c.metric}."
    tail = (
        f"{head}, not below alpha {plan.alpha:g}: no significant difference between {c.arm} and "
        f"{c.baseline} on {c.metric}."
    )
    eq = c.equivalence
    if eq is not None and eq.p is not None:
        margin = fmt(eq.margin, decimals)
        tail += f" Equivalence (TOST against +-{margin}, the smallest effect of interest): p {p_eq(eq.p)}, " + (
            f"so the difference is shown to be smaller than {margin}."
            if eq.equivalent
            else f"so a difference of {margin} or more is not ruled out: this is no evidence of no effect."
        )
    if c.seeds_needed is not None and c.hedges_g is not None:
        tail += (
            f" The observed effect (Hedges' g = {c.hedges_g:.2f}) would need about {c.seeds_needed} seeds per arm "
            f"for 80% power at alpha {plan.alpha:g}; this comparison had {c.n} and {c.n_baseline}."
        )
    if c.min_detectable is not None:
        tail += (
            f" With these seeds the smallest difference detectable with 80% power is {fmt(c.min_detectable, decimals)}."
        )
    if c.test == "mann_whitney" and c.mann_whitney_min_p is not None and c.mann_whitney_min_p >= plan.alpha:
        tail += f" With these n the exact Mann-Whitney test cannot give p below {fmt_p(c.mann_whitney_min_p)}."
    return tail


def _endpoints(out: list, ci, se, label: str) -> None:
    """Both endpoints of an interval, each with 3 Monte Carlo standard errors of a 1000-resample bootstrap."""
    for value, err in zip(ci, se):
        if math.isfinite(value) and math.isfinite(err):
            out.append((float(value), 3 * float(err), label))


def planned_count(runs: list[RunData]) -> int:
    """Distinct seeds among an arm's runs: a crashed seed that was run again is one planned run with two attempts."""
    seeds = {r.seed for r in runs if r.seed is not None}
    return len(seeds) + sum(1 for r in runs if r.seed is None)


def _wilson(d, plan: EffectivePlan, metric: str) -> Interval | None:
    from experiment_runner.stats.proportions import wilson

    if plan.eval_examples is None or metric != plan.primary_metric or d.n < 1 or not (0 <= d.mean <= 1):
        return None
    low, high = wilson(d.mean * plan.eval_examples, plan.eval_examples)
    return Interval(low=low, high=high)


def extend_comparison(
    c: Comparison, cell: ArmMetric, base: ArmMetric, plan: EffectivePlan, *, rng, resamples: int
) -> None:
    """The paired-by-seed comparison (when the arms share 2+ seeds), the minimum detectable difference at these
    seeds, and the equivalence test against the smallest effect of interest."""
    import numpy as np

    from experiment_runner.stats.equivalence import tost
    from experiment_runner.stats.paired import paired_differences, paired_t, sign_flip_test
    from experiment_runner.stats.power import min_detectable_difference

    x, y = cell.values, base.values
    seeds, d = paired_differences(dict(zip(cell.seeds, x)), dict(zip(base.seeds, y)))
    duplicate = len(set(cell.seeds)) < len(cell.seeds) or len(set(base.seeds)) < len(base.seeds)
    if len(seeds) >= 2 and not duplicate:
        t = paired_t(d)
        flip = sign_flip_test(d, rng=rng)
        ci = (math.nan, math.nan)  # filled for every comparison at once by _paired_intervals
        sign = 1.0 if plan.higher_is_better else -1.0
        c.paired = Paired(
            n=len(seeds),
            seeds=[int(s) for s in seeds],
            mean_difference=float(d.mean()),
            t=_f(t.statistic),
            df=_f(t.df),
            p=_f(t.pvalue),
            sign_flip_p=_f(flip.pvalue),
            sign_flip_exact=flip.exact,
            ci_bca=Interval(low=_f(ci[0]), high=_f(ci[1])),
            wins=int(np.sum(d * sign > 0)),
        )
        sd = float(d.std(ddof=1))
        c.min_detectable = _f(min_detectable_difference(sd, len(seeds), alpha=plan.alpha, paired=True) or math.nan)
    elif len(x) >= 2 and len(y) >= 2:
        pooled = math.sqrt(
            ((len(x) - 1) * np.var(x, ddof=1) + (len(y) - 1) * np.var(y, ddof=1)) / (len(x) + len(y) - 2)
        )
        c.min_detectable = _f(min_detectable_difference(pooled, len(x), len(y), alpha=plan.alpha) or math.nan)
    if plan.smallest_effect is not None and len(x) >= 2 and len(y) >= 2:
        pairing = c.paired
        paired = pairing is not None
        if pairing is not None:
            xs = [dict(zip(cell.seeds, x))[s] for s in pairing.seeds]
            ys = [dict(zip(base.seeds, y))[s] for s in pairing.seeds]
        else:
            xs, ys = x, y
        res = tost(xs, ys, plan.smallest_effect, alpha=plan.alpha, paired=paired)
        c.equivalence = Equivalence(
            margin=plan.smallest_effect,
            p=_f(res.pvalue),
            ci=Interval(low=_f(res.low), high=_f(res.high)),
            equivalent=bool(math.isfinite(res.pvalue) and res.pvalue < plan.alpha),
            paired=paired,
        )


def _paired_intervals(comparisons: list[Comparison], cells, *, rng, resamples: int) -> None:
    """The BCa interval of every paired comparison's mean difference, drawn for all of them together."""
    from experiment_runner.stats.paired import bca_paired_intervals, paired_differences

    todo: list[Paired] = []
    diffs = []
    for c in comparisons:
        if c.paired is None:
            continue
        a, b = cells[(c.arm, c.metric)], cells[(c.baseline, c.metric)]
        _, d = paired_differences(dict(zip(a.seeds, a.values)), dict(zip(b.seeds, b.values)))
        todo.append(c.paired)
        diffs.append(d)
    for paired, (low, high) in zip(todo, bca_paired_intervals(diffs, n_resamples=resamples, rng=rng)):
        paired.ci_bca = Interval(low=_f(low), high=_f(high))


def criterion_verdict(c: Comparison, plan: EffectivePlan, cells, decimals: int) -> str | None:
    """The comparison read against the pre-registered success criterion (see reports/criterion.py)."""
    from experiment_runner.reports.criterion import judge

    fraction = all(0 <= v <= 1 for a in (c.arm, c.baseline) for v in cells[(a, c.metric)].values)
    return judge(c, plan, cells[(c.arm, c.metric)], fraction=fraction, decimals=decimals)
