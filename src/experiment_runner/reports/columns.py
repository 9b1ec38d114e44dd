"""What a results file's optional columns are, besides method, seed, status, run_id, cause and the metrics: the
training budget a run reached (a step counter: `step`, `steps`, `env_steps`, `total_timesteps`, `frames`, `epochs`
...), which the report compares across arms as it does a stored run's last step, and the task or data set a run
belongs to (`task` or `dataset`) when one experiment spans several."""

from __future__ import annotations

import re

#: A step counter's name: an optional scope (env, total, global, train ...) and a unit of training progress.
_STEP_COLUMN = re.compile(
    r"^(?:(?:env|environment|total|global|train|training|agent|num|n)[_\-.]?)?"
    r"(?:steps?|timesteps?|frames?|iterations?|iters?|updates?|epochs?)$",
    re.I,
)
TASK_COLUMNS = ("task", "dataset")


def is_step_column(name: str) -> bool:
    return bool(_STEP_COLUMN.match(name.strip()))


def task_column(columns: list[str]) -> str | None:
    """The column naming each run's task or data set, if the file has one."""
    return next((c for c in columns if c.strip().lower() in TASK_COLUMNS), None)
