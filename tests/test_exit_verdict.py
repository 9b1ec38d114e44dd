"""The run engine's pure rules as tables: what a child's exit means (verdict_from_exit), what the retry policy calls
an end and whether it retries, how the attempts of a retried run join into one series, and when a later attempt
resumed."""

from __future__ import annotations

import math
import signal

import pytest

from experiment_runner.runs import attempts, retry
from experiment_runner.runs.metricsio import merged_series, series
from experiment_runner.runs.model import ENDED_BY, RUN_STATES, TERMINAL_STATES, RunState
from experiment_runner.runs.verdict import verdict_from_exit
from experiment_runner.workspace.config import RetryConfig

VERDICTS = [
    # code, signal, backend -> state, ended_by, reason contains
    (0, None, "local", "completed", "exit", "exited with code 0"),
    (0, None, "slurm", "completed", "exit", "exited with code 0"),
    (3, None, "local", "failed", "exit", "exited with code 3"),
    (137, None, "local", "failed", "exit", "exited with code 137"),
    (None, signal.SIGKILL, "local", "failed", "signal", "often the kernel's out-of-memory killer"),
    (None, signal.SIGSEGV, "local", "failed", "signal", "killed by signal 11 (SIGSEGV)"),
    (None, signal.SIGTERM, "slurm", None, "signal", "most likely sent by the scheduler"),
    (None, signal.SIGKILL, "slurm", None, "signal", "killed by signal 9 (SIGKILL)"),
]


@pytest.mark.parametrize(("code", "sig", "backend", "state", "ended_by", "words"), VERDICTS)
def test_an_exit_gets_one_verdict_whichever_process_reads_it(code, sig, backend, state, ended_by, words):
    v = verdict_from_exit(code, sig, backend)
    assert (v.state, v.ended_by) == (state, ended_by) and words in v.reason
    assert v.ended_by in ENDED_BY and (v.state is None or v.state in TERMINAL_STATES)


def test_the_state_vocabularies_are_one_literal_each_and_records_outside_them_are_refused():
    assert TERMINAL_STATES == ("completed", "failed", "cancelled", "lost")
    assert set(TERMINAL_STATES) < set(RUN_STATES) and RUN_STATES[:2] == ("queued", "running")
    with pytest.raises(ValueError, match="ended_by"):
        RunState(state="failed", updated_at="x", ended_by="gremlins")


POLICY = RetryConfig(retries=2, on=["crash", "preemption", "time_limit"], backoff_s=10, backoff_factor=3)
DECISIONS = [
    # ended_by, state, attempt, logged a step -> retried, wait, reason contains
    ("exit", "failed", 1, True, True, 10.0, "retry 1 of 2"),
    ("signal", "failed", 2, True, True, 30.0, "retry 2 of 2"),
    ("exit", "failed", 3, True, False, 0.0, "the 2 retries allowed are used"),
    ("exit", "failed", 1, False, False, 0.0, "a failure at startup repeats"),
    ("out_of_memory", "failed", 1, True, False, 0.0, "oom is not in retry_on"),
    ("time_limit", "failed", 1, False, True, 10.0, "time_limit is in retry_on"),
    ("preempted", "failed", 1, False, True, 10.0, "preemption is in retry_on"),
    ("requeued", None, 2, True, True, 30.0, "retry 2 of 2"),
    ("node_fail", "failed", 1, True, False, 0.0, "node_fail is not in retry_on"),
    ("stop", "cancelled", 1, True, False, 0.0, "not an end the retry policy covers"),
    ("nan_loss", "failed", 1, True, False, 0.0, "not an end the retry policy covers"),
    ("exit", "completed", 1, True, False, 0.0, "not an end the retry policy covers"),
]


@pytest.mark.parametrize(("ended_by", "state", "attempt", "logged", "again", "wait", "why"), DECISIONS)
def test_the_retry_policy_retries_what_it_names_until_the_limit_with_a_growing_wait(
    ended_by, state, attempt, logged, again, wait, why
):
    d = retry.decide(POLICY, retry.cause_of(ended_by, state), attempt, logged_step=logged)
    assert (d.retry, d.wait_s) == (again, wait) and why in d.why
    assert not retry.decide(RetryConfig(), "crash", 1, logged_step=True).retry  # retries default to none


def test_attempts_join_into_one_series_where_a_resumed_step_replaces_the_older_value():
    recs = [{"step": s, "source": "stdout", "loss": 1.0 - s / 100} for s in range(8)]
    recs += [{"step": s, "source": "stdout", "attempt": 2, "loss": 2.0 - s / 100} for s in range(5, 12)]
    recs += [{"step": None, "source": "stdout", "attempt": 3, "note": 1.0}]
    recs += [{"step": s, "source": "stdout", "attempt": 3, "loss": 3.0 - s / 100} for s in range(10, 14)]
    joined = merged_series(recs)["loss"]
    assert [(s, a) for s, _, a in joined] == [(s, 1) for s in range(5)] + [(s, 2) for s in range(5, 10)] + [
        (s, 3) for s in range(10, 14)
    ]
    steps = [s for s, _ in series(recs)["loss"]]
    assert steps == sorted(set(steps))  # no step twice, none going back


def test_a_metric_file_read_at_the_end_is_credited_to_the_attempt_that_reached_its_steps():
    recs = [{"step": s, "source": "stdout", "loss": 1.0} for s in range(0, 40, 10)]
    recs += [{"step": s, "source": "stdout", "attempt": 2, "loss": 0.5} for s in range(20, 60, 10)]
    recs += [{"step": s, "source": "file", "val_acc": s / 100} for s in (10, 30, 50)]
    assert merged_series(recs)["val_acc"] == [(10, 0.1, 1), (30, 0.3, 2), (50, 0.5, 2)]
    single = [{"step": 1, "source": "stdout", "loss": math.nan}]
    assert math.isnan(merged_series(single)["loss"][0][1]) and merged_series(single)["loss"][0][2] == 1


@pytest.mark.parametrize(
    ("first", "earlier", "resumed"),
    [
        (10, [(0, 12)], True),
        (0, [(0, 12)], False),
        (1, [(1, 40), (20, 33)], False),
        (34, [(1, 40), (20, 33)], True),
        (0, [(None, None)], None),
        (0, [(0, 0)], None),
    ],
)
def test_a_later_attempt_resumed_when_it_started_past_where_the_first_one_began(first, earlier, resumed):
    assert attempts.resumed(first, earlier) is resumed
