"""The backend interface: submit, reconcile, stop. Implementations hold no state of their own between calls
(a server restart must lose nothing): everything they need is in the run folders."""

from __future__ import annotations

from abc import ABC, abstractmethod

from experiment_runner.runs.model import RunState, RunView
from experiment_runner.runs.plan import LaunchPlan


class Backend(ABC):
    name: str

    @abstractmethod
    def submit(self, plan: LaunchPlan) -> dict:
        """Start (or hand to a scheduler) the plan's runs, whose folders and launch file are written; return at once
        with facts worth reporting.
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
