"""The backend interface: submit, reconcile, stop. Implementations hold no state of their own between calls
(a server restart must lose nothing): everything they need is in the run folders."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from experiment_runner.runs.model import RunState

if TYPE_CHECKING:
    from experiment_runner.runs.store import RunView


@dataclass
class LaunchPlan:
    """One launch_training call, after its runs were written to the store as `queued`."""

    launch_id: str
    experiment: str
    experiment_dir: Path
    run_ids: list[str]  # in start order
    max_parallel: int  # most runs of this launch going at once
    cpu_slots: int  # most local runs going at once in this store (runs.max_parallel)
    gpus_per_run: int
    gpu_pool: list[int]
    runs_config: dict  # the workspace's `runs` settings at launch (the supervisor applies these)
    created_ns: int
    extra: dict = field(default_factory=dict)


class Backend(ABC):
    name: str

    @abstractmethod
    def submit(self, plan: LaunchPlan) -> dict:
        """Start (or hand to a scheduler) the plan's runs; return at once with facts worth reporting.
        Raise UserError when nothing could be submitted (the caller marks the runs failed)."""

    @abstractmethod
    def reconcile(self, run: RunView) -> RunState | None:
        """The run's true state when the recorded one (not terminal) is out of date, else None. Must never signal
        or otherwise act on processes: reading status has no side effects beyond recording what it found."""

    @abstractmethod
    def stop(self, run: RunView, grace_s: float, by: str) -> str:
        """Ask for the run to end (SIGTERM, SIGKILL after `grace_s`) and say what was done, in words. Returns at once
        when something (a supervisor, a scheduler) carries the stop out; a run left with nobody to do it (a lost
        run whose processes live on) is ended here, which may take up to the grace period."""
