"""An experiment over several tasks or data sets (a results file's `task` or `dataset` column): each arm's
statistics on each task, and across tasks the interquartile mean (IQM) of every (task, run) score with a 95%
stratified bootstrap interval, the method of Agarwal et al. 2021 (rliable): each resample draws runs with
replacement within each task, so every task keeps its weight, and the interval is the percentile one. The difference
of an arm's IQM from the baseline's gets the same interval, each arm resampled independently. IQM pools scores
across tasks, so the scores must be comparable across tasks (normalised, as rliable's are); tasks with more runs
weigh more."""

from __future__ import annotations

import math

from experiment_runner.reports.model import AcrossTasks, Interval, TaskAggregate, TaskCell


def task_order(runs) -> list[str]:
    out: list[str] = []
    for r in runs:
        if r.task is not None and r.task not in out:
            out.append(r.task)
    return out


def across_tasks(
    included, arms: list[str], baseline: str, metric: str, decimals: int, *, resamples: int, seed: int, mc: list
) -> AcrossTasks | None:
    """The per-task cells and the IQM aggregates of `metric`, or None when the runs span fewer than two tasks.
    included: the runs the statistics use. mc: (value, tolerance, label) bootstrap endpoints are appended to it."""
    import numpy as np

    from experiment_runner.reports.analyse import fmt
    from experiment_runner.stats.aggregate import iqm, percentile_interval, stratified_iqm_replicates
    from experiment_runner.stats.describe import describe

    def value(r) -> float | None:
        v = r.values.get(metric)
        return v if r.status == "completed" and v is not None and math.isfinite(v) else None

    tasks = task_order([r for r in included if value(r) is not None])
    if len(tasks) < 2:
        return None
    scores: dict[str, dict[str, list[float]]] = {a: {} for a in arms}
    cells = []
    for task in tasks:
        for arm in arms:
            vs = [v for r in included if r.arm == arm and r.task == task and (v := value(r)) is not None]
            d = describe(vs)
            if vs:
                scores[arm][task] = vs
            text = (
                f"{fmt(d.mean, decimals)} ± {fmt(d.std, decimals)} (n={d.n})"
                if d.n >= 2
                else (f"{fmt(d.mean, decimals)} (n=1)" if d.n == 1 else "no value")
            )
            cells.append(
                TaskCell(
                    task=task,
                    arm=arm,
                    n=d.n,
                    mean=d.mean if d.n else None,
                    std=d.std if d.n >= 2 else None,
                    text=text,
                )
            )
    # a generator of its own: adding a task column never moves the report's other bootstrap intervals
    rng = np.random.default_rng(seed)
    reps: dict[str, np.ndarray] = {}
    aggregates = []
    for arm in arms:
        by_task = scores[arm]
        missing = [t for t in tasks if t not in by_task]
        if not by_task:
            aggregates.append(
                TaskAggregate(
                    arm=arm, tasks=0, scores=0, iqm=None, ci=Interval(low=None, high=None), missing_tasks=missing
                )
            )
            continue
        reps[arm] = stratified_iqm_replicates(by_task, n_resamples=resamples, rng=rng)
        low, high = percentile_interval(reps[arm])
        _endpoints(mc, reps[arm], (low, high), f"stratified bootstrap CI of the IQM of {metric}, arm {arm}")
        aggregates.append(
            TaskAggregate(
                arm=arm,
                tasks=len(by_task),
                scores=sum(len(v) for v in by_task.values()),
                iqm=iqm([v for vs in by_task.values() for v in vs]),
                ci=Interval(low=low, high=high),
                missing_tasks=missing,
            )
        )
    base = next((a for a in aggregates if a.arm == baseline), None)
    for a in aggregates:
        if a.arm == baseline or base is None or base.iqm is None or a.iqm is None or a.missing_tasks:
            continue
        if base.missing_tasks:
            continue  # different tasks behind the two IQMs: no difference to speak of
        diff = reps[a.arm] - reps[baseline]
        low, high = percentile_interval(diff)
        _endpoints(mc, diff, (low, high), f"stratified bootstrap CI of the IQM difference {a.arm} vs {baseline}")
        a.difference = a.iqm - base.iqm
        a.difference_ci = Interval(low=low, high=high)
    return AcrossTasks(metric=metric, tasks=tasks, cells=cells, aggregates=aggregates, resamples=resamples, seed=seed)


def _endpoints(mc: list, replicates, ci: tuple[float, float], label: str) -> None:
    """Both endpoints with 3 Monte Carlo standard errors of a 1000-resample bootstrap (another person's bootstrap of
    the same scores lands within them)."""
    from experiment_runner.stats.bootstrap import quantile_mc_se

    se = quantile_mc_se(replicates.reshape(1, -1), [0.025, 0.975], 1000)[0]
    for value, err in zip(ci, se):
        if math.isfinite(value) and math.isfinite(err):
            mc.append((float(value), 3 * float(err), label))
