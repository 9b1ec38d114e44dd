"""How a probe child's end becomes a status: sanity.runner.classify over what the server saw, as a table (the real
ends, with real processes, are driven through run_sanity_checks in test_run_sanity_checks.py)."""

from __future__ import annotations

import pytest

from experiment_runner.sanity.runner import Limits, Watch, classify

LIMITS = Limits(timeout_s=30.0, memory_mb=1024)
DONE = [{"event": "done", "timings": {}}]
OOM_REPORT = {"event": "error", "kind": "out_of_memory", "message": "shapes: MemoryError"}
USER_ERROR = {"event": "error", "kind": "entrypoint", "message": "build() raised ValueError"}


def watch(events=(), killed=None, cap_mb=None, peak_vms=0.0, last_progress=None) -> Watch:
    w = Watch(None, events=list(events), cap_mb=cap_mb, peak_vms=peak_vms, killed=killed)
    w.last_progress = last_progress
    return w


@pytest.mark.parametrize(
    ("seen", "returncode", "error", "signal", "status", "words"),
    [
        (watch(DONE), 0, None, None, "completed", "completed"),
        (watch(DONE, killed="timeout", last_progress="shapes"), -9, None, "SIGKILL", "timeout", "(last step: shapes)"),
        (watch(killed="its resident memory reached 2000 MiB"), -9, None, "SIGKILL", "out_of_memory", "2000 MiB"),
        (watch([OOM_REPORT]), 3, OOM_REPORT, None, "out_of_memory", "cap: 1024 MiB"),
        (watch(), -9, None, "SIGKILL", "out_of_memory", "out-of-memory killer"),
        (watch(cap_mb=4000.0, peak_vms=3900.0), -11, None, "SIGSEGV", "out_of_memory", "at the memory cap"),
        (watch(cap_mb=4000.0, peak_vms=1000.0), -11, None, "SIGSEGV", "crashed", "killed by SIGSEGV"),
        (watch([USER_ERROR]), 2, USER_ERROR, None, "error", "build() raised ValueError"),
        (watch(), 0, None, None, "crashed", "sys.exit()"),
        (watch(DONE), 1, None, None, "crashed", "exited with code 1"),
    ],
    ids=[
        "done-and-exit-0",
        "killed-at-the-deadline",
        "killed-by-the-memory-watchdog",
        "out-of-memory-reported-by-the-probe",
        "sigkill-from-outside",
        "signal-near-the-address-space-cap",
        "signal-far-from-the-cap",
        "error-reported-by-the-probe",
        "exit-0-without-a-report",
        "done-but-nonzero-exit",
    ],
)
def test_each_way_a_probe_child_ends_gets_its_status_and_says_why(seen, returncode, error, signal, status, words):
    got, message = classify(seen, LIMITS, returncode, error, signal)
    assert got == status
    assert words in message
