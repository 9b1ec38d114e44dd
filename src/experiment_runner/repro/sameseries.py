"""Runs of one arm that logged exactly the same metric series although their seeds differ: the seed did not reach
training (a constant seed, a seed flag the script ignores). Judged on ended runs only, over the metrics that say
how training went (a loss, an accuracy: those with a goal), leaving out schedules and timings (lr, epoch, step,
time, throughput), which are equal across seeds by design or differ by chance."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

#: A metric must have this many values in each run before equal series mean anything.
MIN_POINTS = 3
_NOT_OUTCOME = re.compile(
    r"(^|[_./])(lr|learning_rate|epoch|epochs|step|steps|iter|iters|iteration|time|sec|secs|seconds|elapsed|speed|"
    r"throughput|it_s|samples_per_sec|tokens_per_sec|tok_s|mfu|mem|memory|gpu|grad_norm|scale)($|[_./])",
    re.IGNORECASE,
)


@dataclass
class RunSeries:
    run_id: str
    seed: int
    series: dict[str, list[tuple[int | None, float]]] = field(default_factory=dict)


class IdenticalSeeds(BaseModel):
    experiment: str
    arm: str
    run_ids: list[str]
    seeds: list[int]
    metrics: list[str] = Field(description="The metrics whose series are identical, value for value.")
    points: int = Field(description="Values compared per run (all metrics together).")
    message: str


def _outcome_metrics(series: dict[str, list], goal_of) -> list[str]:
    return sorted(
        name
        for name, points in series.items()
        if len(points) >= MIN_POINTS and goal_of(name) is not None and not _NOT_OUTCOME.search(name)
    )


def _key(points: list[tuple[int | None, float]]) -> tuple:
    return tuple((step, "nan" if isinstance(v, float) and math.isnan(v) else v) for step, v in points)


def identical_across_seeds(experiment: str, arm: str, runs: list[RunSeries], goal_of) -> list[IdenticalSeeds]:
    """Groups of ended runs of one arm, with different seeds, whose outcome metrics are identical value for value.
    `goal_of(name)` says whether a metric has a goal ('min'/'max', else None)."""
    groups: dict[tuple, list[RunSeries]] = {}
    for r in runs:
        names = _outcome_metrics(r.series, goal_of)
        if not names:
            continue
        groups.setdefault(tuple((n, _key(r.series[n])) for n in names), []).append(r)
    out = []
    for key, members in groups.items():
        seeds = sorted({m.seed for m in members})
        if len(seeds) < 2:
            continue
        metrics = [n for n, _ in key]
        points = sum(len(p) for _, p in key)
        ids = [m.run_id for m in members]
        out.append(
            IdenticalSeeds(
                experiment=experiment,
                arm=arm,
                run_ids=ids,
                seeds=seeds,
                metrics=metrics,
                points=points,
                message=f"runs {', '.join(ids)} of '{arm}' (seeds {', '.join(map(str, seeds))}) logged identical "
                f"{', '.join(metrics)} ({points} values each): their seed does not reach training, so they are one "
                "run repeated, not independent samples. Check the manifest's seeds.flow item (a constant seed, a "
                "seed option never given) and fix the command or the script before reporting these seeds",
            )
        )
    return out
