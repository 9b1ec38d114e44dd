"""The analysis plan a report follows: the pre-registered one (the experiment's first confirmed brief, or the
`registered` plan given with a results file), with the caller's overrides on top. Every override that differs from
the registration is recorded as a change; a report with changes, or with no registration, is exploratory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from experiment_runner.errors import UserError
from experiment_runner.reports.model import ReportPlan

_DEFAULTS = {"test": "welch_t", "alpha": 0.05, "correction": "holm", "aggregation": "final", "last_k": 5}


@dataclass
class EffectivePlan:
    primary_metric: str
    higher_is_better: bool
    metrics: list[str]  # every pre-registered metric, primary first
    min_seeds: int
    test: str
    alpha: float
    correction: str
    aggregation: str
    last_k: int
    hypothesis: str | None
    registered_hypothesis: str | None
    registration: str | None  # where the registration is: 'brief v1 (sha256:..., confirmed ...)'
    changes: list[str] = field(default_factory=list)  # 'test: welch_t (registered) -> mann_whitney (used)'
    baseline: str | None = None
    success_criteria: str | None = None
    smallest_effect: float | None = None  # the smallest effect of interest, in the primary metric's units
    planned_seeds: list[int] | dict[str, list[int]] | None = None  # results files: the seeds that were planned
    eval_examples: int | None = None  # size of the single evaluation set the primary metric is a proportion of

    @property
    def registered(self) -> bool:
        return self.registration is not None


def _norm_text(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip()).strip(" .").lower()


def resolve(
    *,
    given: ReportPlan | None,
    brief_record=None,
    policy_min_seeds: int,
    mode: str,
) -> EffectivePlan:
    """Combine the registration with the caller's plan. mode: 'experiment' or 'results_file'."""
    given = given or ReportPlan()
    registered: dict = {}
    registration = None
    success = None
    if brief_record is not None:
        b = brief_record.brief
        a = b.analysis
        registered = {
            "hypothesis": b.hypothesis,
            "primary_metric": a.primary_metric or b.metrics.primary,
            "higher_is_better": a.higher_is_better,
            "metrics": [m for m in [b.metrics.primary, *b.metrics.secondary] if m],
            "test": a.test,
            "alpha": a.alpha,
            "correction": a.correction,
            "aggregation": a.aggregation,
            "last_k": a.last_k,
            "min_seeds": a.min_seeds,
            "smallest_effect": a.smallest_effect,
        }
        registration = (
            f"brief v{brief_record.version} of '{brief_record.experiment}' ({brief_record.content_hash[:19]}..., "
            f"confirmed {brief_record.confirmed_at})"
        )
        success = b.success_criteria
    elif given.registered is not None:
        if mode != "results_file":
            raise UserError("plan.registered is for results files; an experiment's registration is its confirmed brief")
        r = given.registered
        registered = {k: v for k, v in r.model_dump().items() if k != "where" and v not in (None, [])}
        registration = f"registered plan given with the results file ({r.where or 'where not stated'})"

    used: dict = {}
    changes: list[str] = []
    for key in (
        "hypothesis",
        "primary_metric",
        "higher_is_better",
        "test",
        "alpha",
        "correction",
        "aggregation",
        "last_k",
        "min_seeds",
        "smallest_effect",
    ):
        override = getattr(given, key)
        reg = registered.get(key)
        if override is not None:
            used[key] = override
            differs = _norm_text(override) != _norm_text(reg) if key == "hypothesis" else override != reg
            if reg is not None and differs:
                changes.append(f"{key}: {reg!r} (registered) -> {override!r} (used)")
        else:
            used[key] = reg if reg is not None else _DEFAULTS.get(key)
    if used["min_seeds"] is None:
        used["min_seeds"] = policy_min_seeds
    if used["primary_metric"] is None or used["higher_is_better"] is None:
        missing = [k for k in ("primary_metric", "higher_is_better") if used[k] is None]
        where = (
            "the experiment has no confirmed brief that states them"
            if mode == "experiment"
            else "a results file carries no plan"
        )
        raise UserError(
            f"the analysis plan lacks {' and '.join(missing)} ({where}); give them in plan, e.g. "
            '{"primary_metric": "val_acc", "higher_is_better": true}'
        )
    if mode == "experiment" and (given.success_criteria is not None or given.planned_seeds is not None):
        raise UserError(
            "plan.success_criteria and plan.planned_seeds are for results files; an experiment's come from its brief "
            "and its launches"
        )
    if given.registered is not None:
        success = given.success_criteria or given.registered.success_criteria
        planned = given.planned_seeds if given.planned_seeds is not None else given.registered.planned_seeds
    else:
        success = success if success is not None else given.success_criteria
        planned = given.planned_seeds
    metrics = [used["primary_metric"]]
    for m in list(registered.get("metrics", [])) + list(given.metrics or []):
        if m and m not in metrics:
            metrics.append(m)
    return EffectivePlan(
        primary_metric=used["primary_metric"],
        higher_is_better=bool(used["higher_is_better"]),
        metrics=metrics,
        min_seeds=int(used["min_seeds"]),
        test=used["test"],
        alpha=float(used["alpha"]),
        correction=used["correction"],
        aggregation=used["aggregation"],
        last_k=int(used["last_k"]),
        hypothesis=used["hypothesis"],
        registered_hypothesis=registered.get("hypothesis"),
        registration=registration,
        changes=changes,
        baseline=given.baseline,
        success_criteria=success,
        smallest_effect=used["smallest_effect"],
        planned_seeds=planned,
        eval_examples=given.eval_examples,
    )


def resolve_baseline(plan: EffectivePlan, arms: list[str], brief_record=None) -> tuple[str, str]:
    """The baseline arm and how it was chosen: the plan's, else the one arm the brief's baseline text names, else an
    arm called 'baseline' or 'control', else the only arm. Refused when none of these settles it."""
    if plan.baseline is not None:
        if plan.baseline not in arms:
            from experiment_runner.errors import did_you_mean

            raise UserError(f"baseline arm {plan.baseline!r} has no runs; " + did_you_mean(plan.baseline, arms))
        return plan.baseline, "named by the plan"
    text = (brief_record.brief.baseline or "") if brief_record is not None else ""
    named = [a for a in arms if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text, re.I)]
    if len(named) == 1:
        return named[0], f"the arm the brief's baseline ({text!r}) names"
    for candidate in ("baseline", "control"):
        if candidate in arms:
            how = "no brief or plan names a baseline" if not text else "the brief's baseline names no single arm"
            return candidate, f"chosen because an arm is called {candidate!r}: {how}"
    if len(arms) == 1:
        return arms[0], "the only arm"
    raise UserError(
        "which arm is the baseline? "
        + (
            f"the brief's baseline ({text!r}) names " + (", ".join(named) if named else "none of the arms") + "; "
            if text
            else ""
        )
        + f"give plan.baseline, one of: {', '.join(arms)}"
    )
