"""The retry policy as pure functions: what an attempt's end is called in the policy's words, and whether the run
starts again (and after how long)."""

from __future__ import annotations

from dataclasses import dataclass

from experiment_runner.runs.model import RetryCause
from experiment_runner.workspace.config import RetryConfig

#: ended_by -> the policy's name for it (ends not listed are never retried: a stop, a NaN loss, a command that
#: could not start, a supervisor that died).
_CAUSES: dict[str, RetryCause] = {
    "exit": "crash",
    "signal": "crash",
    "time_limit": "time_limit",
    "out_of_memory": "oom",
    "preempted": "preemption",
    "requeued": "preemption",
    "node_fail": "node_fail",
}


def cause_of(ended_by: str | None, state: str | None, *, oom_killed: bool = False) -> RetryCause | None:
    """What ended an attempt, as retry_on names it; None for a completed attempt or an end no policy retries.
    `oom_killed`: the kernel's out-of-memory killer acted in the run's memory group during the attempt."""
    if state == "completed" or ended_by is None:
        return None
    if ended_by == "signal" and oom_killed:
        return "oom"
    return _CAUSES.get(ended_by)


@dataclass(frozen=True)
class Decision:
    retry: bool
    wait_s: float
    why: str


def decide(policy: RetryConfig, cause: RetryCause | None, attempt: int, *, logged_step: bool) -> Decision:
    """Whether attempt `attempt` (1-based), ended by `cause`, is followed by another. A crash or an out-of-memory
    kill before the attempt logged any metric is a startup failure, which another attempt would repeat."""
    if cause is None:
        return Decision(False, 0.0, "not an end the retry policy covers")
    if policy.retries == 0:
        return Decision(False, 0.0, "no retries were asked for (retries = 0)")
    if cause not in policy.on:
        return Decision(False, 0.0, f"{cause} is not in retry_on ({', '.join(policy.on) or 'empty'})")
    if attempt > policy.retries:
        return Decision(
            False, 0.0, f"the {policy.retries} retr{'y' if policy.retries == 1 else 'ies'} allowed are used"
        )
    if cause in ("crash", "oom") and not logged_step:
        return Decision(False, 0.0, f"it ended ({cause}) before logging any metric: a failure at startup repeats")
    wait = min(policy.max_backoff_s, policy.backoff_s * policy.backoff_factor ** (attempt - 1))
    return Decision(True, wait, f"{cause} is in retry_on; retry {attempt} of {policy.retries}")
