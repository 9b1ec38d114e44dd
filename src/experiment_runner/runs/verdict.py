"""What a child's exit means for its run: the one rule, used by the supervisor when it reaps the child and by the
backends when they find the exit recorded by a supervisor that died before finishing its records."""

from __future__ import annotations

import signal as signals
from dataclasses import dataclass

from experiment_runner.runs.model import EndedBy
from experiment_runner.runs.procs import signal_name


@dataclass(frozen=True)
class ExitVerdict:
    """`state` None: the run was ended by its scheduler's signal, and the final state is the scheduler's to say
    (TIMEOUT, PREEMPTED, OUT_OF_MEMORY ...), never a guess made from the signal."""

    state: str | None
    ended_by: EndedBy
    reason: str


def verdict_from_exit(code: int | None, signal: int | None, backend: str) -> ExitVerdict:
    """The verdict on a child that exited with `code` or was ended by `signal` (one of them is None), on `backend`."""
    if signal is not None:
        reason = f"killed by signal {signal} ({signal_name(signal)})"
        if backend != "local":
            # On a scheduler's node a signal is most often the scheduler's (time limit, memory, preemption).
            return ExitVerdict(None, "signal", reason + ", most likely sent by the scheduler")
        if signal == signals.SIGKILL:
            reason += " sent by something outside experiment-runner (often the kernel's out-of-memory killer)"
        return ExitVerdict("failed", "signal", reason)
    if code == 0:
        return ExitVerdict("completed", "exit", "exited with code 0")
    return ExitVerdict("failed", "exit", f"exited with code {code}")
