"""Every value a report on an Analysis may cite, with what it is: recorded run values, each arm's statistics, the
comparisons (the report's own, and those a researcher commonly computes by hand: Welch's and Student's intervals
of the difference, paired statistics where seeds are shared, Cohen's d, Holm and Bonferroni over every test, on the
primary metric and on every secondary one), differences and ratios between arms, counts, and the plan's values."""

from __future__ import annotations

import json
import math
import warnings

from experiment_runner.reports.numbers import Traceable


def fraction_metrics(an) -> set[str]:
    """Metrics whose recorded values all lie in [0, 1]: written x 100 as percent or points just as often."""
    out = set()
    for m in an.metrics:
        vals = [r.values[m] for r in an.source.runs if m in r.values and math.isfinite(r.values[m])]
        if vals and all(0.0 <= v <= 1.0 for v in vals):
            out.add(m)
    return out


def _hand_comparisons(t: Traceable, x: list[float], y: list[float], where: str, scalable: bool, alpha: float) -> list:
    """What people compute by hand for arm x against arm y: returns the p-values, for corrections over them."""
    import numpy as np
    from scipy import stats as st

    from experiment_runner.stats import compare as cmp_

    ps: list[float] = []
    if len(x) < 2 or len(y) < 2:
        return ps
    a, b = np.asarray(x, float), np.asarray(y, float)
    diff = a.mean() - b.mean()
    t.add(
        math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)),
        f"standard error of the difference {where}",
        scalable=scalable,
    )
    # Cliff's delta (the rank-biserial correlation of Mann-Whitney's U): P(a > b) - P(a < b)
    greater = (int(np.sum(a[:, None] > b[None, :])) - int(np.sum(a[:, None] < b[None, :]))) / (len(a) * len(b))
    t.add(greater, f"Cliff's delta {where}")
    t.add((greater + 1) / 2, f"probability of superiority {where}")
    t.add(cmp_.hedges_g(a, b), f"Hedges' g {where}")
    for equal_var, name in ((False, "Welch"), (True, "Student")):
        res = st.ttest_ind(a, b, equal_var=equal_var)
        if math.isfinite(res.statistic):
            for level in (0.95, 1 - 2 * alpha):
                ci = res.confidence_interval(level)
                t.add(
                    ci.low, f"{name} {level:.0%} CI of the difference {where}", kind="bound", scalable=scalable, slack=3
                )
                t.add(
                    ci.high,
                    f"{name} {level:.0%} CI of the difference {where}",
                    kind="bound",
                    scalable=scalable,
                    slack=3,
                )
            t.add(res.statistic, f"{name} t {where}")
            t.add(res.df, f"{name} df {where}")
            t.add(res.pvalue, f"p-value ({name}) {where}")
            ps.append(res.pvalue)
    pooled = math.sqrt(((len(a) - 1) * a.var(ddof=1) + (len(b) - 1) * b.var(ddof=1)) / (len(a) + len(b) - 2))
    if pooled > 0:
        t.add(diff / pooled, f"Cohen's d {where}")
        t.add(diff / math.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2), f"Cohen's d (average variance) {where}")
    u = cmp_.mann_whitney(a, b)
    t.add(u.pvalue, f"p-value (Mann-Whitney) {where}")
    t.add(len(a) * len(b) - u.statistic, f"U of the other arm {where}")
    ps.append(u.pvalue)
    return ps


def _paired(t: Traceable, x: dict, y: dict, where: str, scalable: bool, higher_is_better: bool, alpha: float) -> list:
    """Paired-by-seed statistics when the two arms share seeds."""
    import numpy as np
    from scipy import stats as st

    seeds = sorted(set(x) & set(y))
    if len(seeds) < 2:
        return []
    d = np.array([x[s] - y[s] for s in seeds])
    arm = where.split(" vs ", maxsplit=1)[0]
    for s_, v in zip(seeds, d):  # one seed's difference: like one run's value, no result of the arm by itself
        t.add(v, f"paired difference on seed {s_} {where}", kind="run", arm=arm, scalable=scalable)
    t.add(d.mean(), f"paired mean difference {where}", scalable=scalable, slack=3)
    t.add(d.std(ddof=1), f"std of the paired differences {where}", scalable=scalable)
    sign = 1 if higher_is_better else -1
    wins = int(np.sum(d * sign > 0))
    t.add(wins, f"seeds where the arm is better {where}", kind="count")
    t.add(len(seeds) - wins, f"seeds where the arm is not better {where}", kind="count")
    t.add(int(np.sum(d == 0)), f"seeds tied {where}", kind="count")
    ps = []
    if np.ptp(d) > 0:
        res = st.ttest_rel([x[s] for s in seeds], [y[s] for s in seeds])
        for level in (0.95, 1 - 2 * alpha):
            ci = res.confidence_interval(level)
            t.add(ci.low, f"paired t {level:.0%} CI {where}", kind="bound", scalable=scalable, slack=3)
            t.add(ci.high, f"paired t {level:.0%} CI {where}", kind="bound", scalable=scalable, slack=3)
        t.add(res.statistic, f"paired t {where}")
        t.add(res.pvalue, f"p-value (paired t) {where}")
        ps.append(res.pvalue)
        if len(seeds) <= 25 and np.any(d != 0):
            w = st.wilcoxon(d)
            t.add(w.pvalue, f"p-value (Wilcoxon signed-rank) {where}")
            t.add(w.statistic, f"Wilcoxon W {where}")
            ps.append(w.pvalue)
    return ps


def build(an) -> Traceable:
    """The Traceable of an Analysis (see the module docstring)."""
    # scipy warns on nearly constant samples (a column that is the same in every run); the values are still what a
    # person computing by hand would get, and a warning here would reach the caller's log as noise
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return _build(an)


def _build(an) -> Traceable:
    t = Traceable()
    fractions = fraction_metrics(an)
    _runs(t, an, fractions)
    _cells(t, an, fractions)
    _between_arms(t, an, fractions)
    _tasks(t, an, fractions)
    _corrections(t, [_comparison(t, an, cmp, cmp.metric in fractions) for cmp in an.comparisons])
    for metric in an.metrics:
        if metric != an.plan.primary_metric:
            _corrections(t, _secondary(t, an, metric, metric in fractions))
    if an.plan.success_criteria or an.plan.smallest_effect is not None:
        from experiment_runner.reports.criterion import read

        for frac in (True, False):
            th = read(an.plan.success_criteria, fraction=frac, smallest_effect=an.plan.smallest_effect)
            if th is not None:
                t.add(th.value, "the success criterion's threshold", kind="plan", scalable=True)
    _plan_values(t, an)
    _sweeps(t, an)
    for value, tol, label in an.mc_endpoints:
        metric_fraction = any(m in label for m in fractions) or any(
            c.metric in fractions and f"{c.arm} vs {c.baseline}" in label for c in an.comparisons
        )
        t.add_fuzzy(value, tol, label, scalable=metric_fraction)
    return t


def _runs(t: Traceable, an, fractions: set[str]) -> None:
    for r in an.source.runs:
        if r.seed is not None:
            t.add_in_context(r.seed, "a seed", "seed|run")
        for m, v in r.values.items():
            t.add(v, f"{m} of run {r.run_id}", kind="run", arm=r.arm, scalable=m in fractions)
        for m, pairs in r.series.items():
            finite = [v for _, v in pairs if math.isfinite(v)]
            if finite:
                for v, what in ((max(finite), "best"), (min(finite), "lowest"), (finite[-1], "last finite")):
                    t.add(v, f"{what} {m} of run {r.run_id}", kind="run", arm=r.arm, scalable=m in fractions)
            for st_, _ in pairs:
                t.add_in_context(st_, "a step of a run", "step|epoch|iter|iteration|update|index")
        for x, what in ((r.exit_code, "exit code"), (r.signal, "signal"), (r.line, "results-file line")):
            if x is not None:
                t.add(x, f"{what} of {r.run_id}", kind="text")
        t.add_text(" ".join(r.argv), f"command of {r.run_id}")
        if isinstance(r.manifest, dict) and isinstance(r.manifest.get("config"), dict):
            t.add_text(json.dumps(r.manifest["config"].get("resolved")), f"config of {r.run_id}")
        t.add_text(r.cause, f"recorded cause of {r.run_id}")


def _cells(t: Traceable, an, fractions: set[str]) -> None:
    for (arm, metric), c in an.cells.items():
        where = f"{metric} of arm {arm}"
        sc = metric in fractions
        t.add(c.mean, f"mean {where}", kind="mean", arm=arm, scalable=sc)
        if sc and c.mean is not None:
            t.add(1 - c.mean, f"1 - mean {where}", kind="mean", arm=arm, scalable=True)
        for name, v in (("std", c.std), ("sem", c.sem), ("median", c.median)):
            t.add(v, f"{name} {where}", arm=arm, scalable=sc)
        if c.n >= 2:  # 'median 71.6 (IQR 71.4-71.9)': numpy's default (linear) quartiles
            import numpy as np

            q1, q3 = np.percentile(c.values, [25, 75])
            t.add(q1, f"first quartile {where}", kind="bound", arm=arm, scalable=sc)
            t.add(q3, f"third quartile {where}", kind="bound", arm=arm, scalable=sc)
            t.add(q3 - q1, f"interquartile range {where}", arm=arm, scalable=sc)
        if c.n >= 2 and c.std is not None:
            t.add(c.std * math.sqrt((c.n - 1) / c.n), f"std (ddof=0) {where}", arm=arm, scalable=sc)
        for name, v in (("min", c.min), ("max", c.max)):
            t.add(v, f"{name} {where}", kind="extreme", arm=arm, scalable=sc)
        if c.min is not None and c.max is not None:
            t.add(c.max - c.min, f"range {where}", arm=arm, scalable=sc)
        for iv, name in ((c.ci_t, "t-CI"), (c.ci_bootstrap, "bootstrap CI")):
            t.add(iv.low, f"{name} {where}", kind="bound", arm=arm, scalable=sc)
            t.add(iv.high, f"{name} {where}", kind="bound", arm=arm, scalable=sc)
            if iv.low is not None and iv.high is not None and c.mean is not None:
                t.add((iv.high - iv.low) / 2, f"half-width of the {name} {where}", arm=arm, scalable=sc)
        if c.wilson is not None:
            t.add(c.wilson.low, f"Wilson interval {where}", kind="bound", arm=arm, scalable=True)
            t.add(c.wilson.high, f"Wilson interval {where}", kind="bound", arm=arm, scalable=True)
        t.add(c.n, f"n {where}", kind="count", arm=arm)
        t.add(c.n_launched - c.n, f"runs of {arm} without a {metric} value", kind="count", arm=arm)


def _tasks(t: Traceable, an, fractions: set[str]) -> None:
    """Each arm's statistics on each task, and the IQM across tasks with its difference from the baseline's (the
    stratified bootstrap endpoints come in through an.mc_endpoints)."""
    at = an.across_tasks
    if at is None:
        return
    sc = at.metric in fractions
    for c in at.cells:
        where = f"{at.metric} of arm {c.arm} on task {c.task}"
        t.add(c.mean, f"mean {where}", kind="mean", arm=c.arm, scalable=sc)
        t.add(c.std, f"std {where}", arm=c.arm, scalable=sc)
        t.add(c.n, f"n {where}", kind="count", arm=c.arm)
    for a in at.aggregates:
        t.add(a.iqm, f"IQM of {at.metric} across tasks, arm {a.arm}", kind="mean", arm=a.arm, scalable=sc)
        t.add(a.difference, f"IQM difference {a.arm} vs {an.baseline}", scalable=sc, slack=3)
        t.add(a.scores, f"(task, run) scores of {a.arm}", kind="count", arm=a.arm)
    t.add(len(at.tasks), "tasks", kind="count")


def _between_arms(t: Traceable, an, fractions: set[str]) -> None:
    """Differences and ratios between any two arms, absolute and relative (and of error rates, 1 - accuracy)."""
    for metric in an.metrics:
        sc = metric in fractions
        means = [
            (a, an.cells[(a, metric)].mean)
            for a in an.arms
            if (a, metric) in an.cells and an.cells[(a, metric)].mean is not None
        ]
        for i, (a, ma) in enumerate(means):
            for b, mb in means[i + 1 :]:
                t.add(ma - mb, f"difference of {metric} means {a} - {b}", scalable=sc, slack=3)
                for p, q, pn, qn in ((ma, mb, a, b), (mb, ma, b, a)):
                    if q:
                        t.add((p - q) / q * 100, f"relative difference (%) of {metric} {pn} vs {qn}", slack=3)
                        t.add(p / q, f"ratio of {metric} means {pn} / {qn}", slack=3)
                    if sc and q < 1:
                        t.add(((1 - q) - (1 - p)) / (1 - q) * 100, f"relative error change (%) {pn} vs {qn}", slack=3)


def _comparison(t: Traceable, an, cmp, sc: bool) -> list[float]:
    """One comparison's own statistics and what people compute by hand for it; returns its hand-computed p-values."""
    plan = an.plan
    where = f"{cmp.arm} vs {cmp.baseline}"
    for name, v, kind in (
        ("difference", cmp.difference, "stat"),
        ("Hedges' g", cmp.hedges_g, "stat"),
        ("P(improvement)", cmp.probability_of_improvement, "stat"),
        ("Welch t", cmp.welch_t, "stat"),
        ("Welch df", cmp.welch_df, "stat"),
        ("Student t", cmp.student_t, "stat"),
        ("U", cmp.mann_whitney_u, "stat"),
        ("seeds needed", cmp.seeds_needed, "count"),
    ):
        diff = name == "difference"
        t.add(v, f"{name} {where}", kind=kind, scalable=sc and diff, slack=3 if diff else 1)
    if cmp.probability_of_improvement is not None:
        t.add(cmp.probability_of_improvement * 100, f"P(improvement) % {where}")
    t.add(cmp.difference_ci.low, f"difference CI {where}", kind="bound", scalable=sc, slack=3)
    t.add(cmp.difference_ci.high, f"difference CI {where}", kind="bound", scalable=sc, slack=3)
    for name, v in (
        ("Welch", cmp.welch_p),
        ("Student", cmp.student_p),
        ("Mann-Whitney", cmp.mann_whitney_p),
        ("adjusted", cmp.p_adjusted),
        ("Mann-Whitney minimum", cmp.mann_whitney_min_p),
    ):
        t.add(v, f"p-value ({name}) {where}")
    t.add(cmp.min_detectable, f"minimum detectable difference {where}", scalable=sc, slack=3)
    if cmp.paired is not None:
        pr = cmp.paired
        t.add(pr.mean_difference, f"paired mean difference {where}", scalable=sc, slack=3)
        for name, v in (("paired t", pr.t), ("paired df", pr.df), ("p-value (paired t)", pr.p)):
            t.add(v, f"{name} {where}")
        t.add(pr.sign_flip_p, f"p-value (sign-flip) {where}")
        t.add(pr.ci_bca.low, f"paired BCa CI {where}", kind="bound", scalable=sc, slack=3)
        t.add(pr.ci_bca.high, f"paired BCa CI {where}", kind="bound", scalable=sc, slack=3)
        t.add(pr.wins, f"seeds where {cmp.arm} is better {where}", kind="count")
        t.add(pr.n, f"shared seeds {where}", kind="count")
    if cmp.equivalence is not None:
        eq = cmp.equivalence
        t.add(eq.p, f"p-value (TOST) {where}")
        t.add(eq.ci.low, f"TOST interval {where}", kind="bound", scalable=sc, slack=3)
        t.add(eq.ci.high, f"TOST interval {where}", kind="bound", scalable=sc, slack=3)
    x, y = an.values(cmp.arm, cmp.metric), an.values(cmp.baseline, cmp.metric)
    ps = _hand_comparisons(t, x, y, where, sc, plan.alpha)
    cx = dict(zip(an.cells[(cmp.arm, cmp.metric)].seeds, x))
    cy = dict(zip(an.cells[(cmp.baseline, cmp.metric)].seeds, y))
    return ps + _paired(t, cx, cy, where, sc, plan.higher_is_better, plan.alpha)


def _secondary(t: Traceable, an, metric: str, sc: bool) -> list[list[float]]:
    """What people compute by hand for each arm against the baseline on a secondary metric; returns each arm's
    p-values (one list per arm, the tests in the same order), for corrections over the arms."""
    from experiment_runner.reports.sources import lower_is_better

    base = an.cells.get((an.baseline, metric))
    if base is None:
        return []
    out = []
    for arm in an.arms:
        cell = an.cells.get((arm, metric))
        if arm == an.baseline or cell is None:
            continue
        where = f"{arm} vs {an.baseline} on {metric}"
        ps = _hand_comparisons(t, cell.values, base.values, where, sc, an.plan.alpha)
        ps += _paired(
            t,
            dict(zip(cell.seeds, cell.values)),
            dict(zip(base.seeds, base.values)),
            where,
            sc,
            not lower_is_better(metric),
            an.plan.alpha,
        )
        out.append(ps)
    return out


def _corrections(t: Traceable, families: list[list[float]]) -> None:
    """Holm and Bonferroni over the arms compared with the baseline on one metric, for each kind of test a researcher
    may have run by hand. families: each arm's p-values, the tests in the same order in every arm's list."""
    from experiment_runner.stats.compare import holm

    k = len(families)
    if k < 2 or len({len(f) for f in families}) != 1:
        return
    for family in zip(*families):
        for p, pa in zip(family, holm(family)):
            t.add(pa, "p-value (Holm-adjusted, by hand)")
            t.add(min(1.0, p * k), "p-value (Bonferroni-adjusted, by hand)")


def _sweeps(t: Traceable, an) -> None:
    """What the Selection section shows of each sweep: its budget and counts, the chosen configuration and its
    value, and the expected best of n trials (a hand-written report quotes these too)."""
    for s in an.sweeps:
        sc = bool(s.scores) and all(0.0 <= v <= 1.0 for v in s.scores)
        where = f"sweep {s.sweep}"
        for n, what in ((s.configurations, "configurations tried"), (s.runs, "runs")):
            t.add(n, f"{what} in {where}", kind="count")
        t.add_many(s.by_state.values(), f"a count of trials by state in {where}", kind="count")
        t.add(s.device_hours, f"device-hours of {where}")
        for limit, what in ((s.max_trials, "trial budget"), (s.max_gpu_hours, "GPU-hour budget")):
            t.add(limit, f"the {what} of {where}", kind="plan")
        t.add(s.chosen_value, f"the chosen configuration's {s.objective} in {where}", scalable=sc)
        for name, value in (s.chosen or {}).items():
            t.add(value, f"{name} of the chosen configuration in {where}", kind="plan")
        t.add_many(s.scores, f"a trial's {s.objective} in {where}", kind="run", scalable=sc)
        for point in s.expected_best:
            t.add(point.n, f"trials drawn for an expected best in {where}", kind="count")
            t.add(point.expected_best, f"expected best {s.objective} of {point.n} trials in {where}", scalable=sc)
            t.add(point.std, f"std of the best {s.objective} of {point.n} trials in {where}", scalable=sc)
        if s.rerun is not None:
            t.add_many(s.rerun.seeds, f"a seed of the re-run of {where}", kind="count")


def _plan_values(t: Traceable, an) -> None:
    plan = an.plan
    t.add(plan.alpha, "the plan's alpha", kind="plan")
    t.add(plan.alpha / max(1, len(an.comparisons)), "the plan's alpha over the comparisons (Bonferroni)", kind="plan")
    t.add(1 - plan.alpha, "the plan's confidence level", kind="plan")
    t.add((1 - plan.alpha) * 100, "the plan's confidence level", kind="plan")
    t.add((1 - 2 * plan.alpha) * 100, "the confidence level of an equivalence test", kind="plan")
    t.add(plan.min_seeds, "the plan's minimum seeds", kind="plan")
    t.add(plan.last_k, "the plan's k", kind="plan")
    if plan.smallest_effect is not None:
        t.add(plan.smallest_effect, "the plan's smallest effect of interest", kind="plan", scalable=True)
    t.add(len(an.comparisons), "the number of comparisons", kind="count")
    for text in (plan.hypothesis, plan.registered_hypothesis, plan.success_criteria, an.source.sanity, *plan.changes):
        t.add_text(text, "the brief")
    brief = an.source.brief
    if brief is not None:
        t.add_text(brief.brief.model_dump_json(), "the brief")
        t.add(brief.version, "the brief's version", kind="plan")
    for later in an.source.later_briefs:
        t.add(later.version, "a brief version", kind="plan")
    statuses: dict[str, int] = {}
    for r in an.source.runs:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    for arm, n in an.launched.items():
        t.add(n, f"seeds launched in {arm}", kind="count", arm=arm)
        t.add(an.attempts.get(arm, n), f"runs (attempts) launched in {arm}", kind="count", arm=arm)
    t.add_many(statuses.values(), "a count of runs by status", kind="count")
    t.add(len(an.source.runs), "runs in total", kind="count")
    t.add(sum(an.launched.values()), "seeds launched in total", kind="count")
    t.add(sum(1 for r in an.source.runs if not r.manifest), "runs without a manifest", kind="count")
    t.add(len(an.problem_runs), "runs without a result", kind="count")
    t.add(len(an.selection.excluded), "excluded runs", kind="count")
    t.add(len(an.arms), "reported arms", kind="count")
    t.add(len(an.launched), "arms", kind="count")
    t.add(len(an.metrics), "reported metrics", kind="count")
    t.add(an.bootstrap.get("resamples"), "bootstrap resamples", kind="plan")
    t.add(an.bootstrap.get("seed"), "bootstrap seed", kind="plan")
