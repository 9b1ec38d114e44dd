"""What keeps a brief from being pre-registered: missing fields, vague success criteria, too few seeds, no
baseline, a primary metric that is not among the metrics."""

from __future__ import annotations

import re

from experiment_runner.briefs.model import Brief, Problem

REQUIRED = (
    ("goal", "say what we want to learn or show"),
    ("hypothesis", "state a falsifiable prediction"),
    ("success_criteria", "give a measurable threshold, e.g. 'val_accuracy >= 0.93'"),
    ("data.dataset", "name the dataset and its version"),
    ("data.splits", "say how train/validation/test are split"),
    ("model.architecture", "name the model architecture"),
    ("metrics.primary", "name the one metric that decides the outcome"),
    ("constraints.compute", "state the compute budget (e.g. '1 GPU, 4 hours')"),
    ("constraints.seeds", "say how many seeds per arm"),
    ("if_wrong", "say what happens if the hypothesis is wrong"),
    ("analysis.higher_is_better", "say whether higher values of the primary metric are better"),
)

# A threshold is a number tied to a comparison ("> 0.9", "at least 2 points", "within 1%", "by 5%").
_NUMBER = r"[-+]?\d+(?:[.,]\d+)?\s*(?:%|percent|points?|pp|x)?"
_MEASURABLE = re.compile(
    rf"(?:[<>]=?|≥|≤|=|\bat least\b|\bat most\b|\bmore than\b|\bless than\b|\bfewer than\b|\babove\b|\bbelow\b"
    rf"|\bunder\b|\bover\b|\bwithin\b|\bby\b|\bexceeds?\b|\breach(?:es)?\b|\bbeats?\b.*?\bby\b|\bimproves?\b.*?\bby\b)\s*{_NUMBER}",
    re.IGNORECASE,
)


def _get(brief: Brief, dotted: str):
    obj = brief
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def brief_problems(brief: Brief, *, min_seeds: int = 3) -> list[Problem]:
    problems: list[Problem] = []
    for dotted, how in REQUIRED:
        if _blank(_get(brief, dotted)):
            problems.append(Problem(code="missing_field", field=dotted, message=f"{dotted} is missing: {how}"))

    criteria = brief.success_criteria
    if criteria is not None and not _blank(criteria) and not _MEASURABLE.search(criteria):
        problems.append(
            Problem(
                code="unmeasurable_success",
                field="success_criteria",
                message=f"success criteria {criteria!r} have no measurable threshold: "
                "name a metric and a number, e.g. 'val_accuracy >= 0.93' or 'beats the baseline by at least 1 point'",
            )
        )

    seeds = brief.constraints.seeds
    if seeds is not None and seeds < min_seeds:
        problems.append(
            Problem(
                code="too_few_seeds",
                field="constraints.seeds",
                message=f"{seeds} seed(s) per arm is below the minimum of {min_seeds}: variance across seeds cannot "
                f"be estimated honestly; plan at least {min_seeds} (set policy.min_seeds in experiment-runner.yaml to "
                "change the minimum)",
            )
        )
    if brief.analysis.min_seeds < min_seeds:
        problems.append(
            Problem(
                code="too_few_seeds",
                field="analysis.min_seeds",
                message=f"analysis.min_seeds={brief.analysis.min_seeds} is below the policy minimum of {min_seeds}",
            )
        )
    if seeds is not None and seeds < brief.analysis.min_seeds:
        problems.append(
            Problem(
                code="too_few_seeds",
                field="constraints.seeds",
                message=f"constraints.seeds={seeds} is below analysis.min_seeds={brief.analysis.min_seeds}: "
                "the report would be refused",
            )
        )

    if _blank(brief.baseline):
        problems.append(
            Problem(
                code="no_baseline",
                field="baseline",
                message="no baseline: a result means little without a fair comparison (same data, same compute "
                "budget); name one, e.g. 'the current model with default settings' or 'logistic regression on the "
                "same features'",
            )
        )

    metrics = [m for m in [brief.metrics.primary, *brief.metrics.secondary] if m]
    primary = brief.analysis.primary_metric or brief.metrics.primary
    if primary and metrics and primary not in metrics:
        problems.append(
            Problem(
                code="primary_metric_not_in_metrics",
                field="analysis.primary_metric",
                message=f"analysis.primary_metric {primary!r} is not among the brief's metrics ({', '.join(metrics)}): "
                "use one of them, or add it to metrics",
            )
        )
    return problems
