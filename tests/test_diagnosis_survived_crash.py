"""A crash line the run trained past: a paste (no exit code) whose worker segfault or native abort is followed in
the same output by more training did not end there. From blind12's FreeVC paste (a false alarm after round 10's
worker-line rule, fixed after blind12 was scored) and the same lines cut where a run that died would end."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose, diagnose_log, reported, top_category

FREEVC = (
    Path(__file__).parent / "data" / "diagnosis" / "blind12" / "cases" / "paste_freevc_worker_segfault_training_goes_on"
)


@pytest.mark.anyio
async def test_a_worker_segfault_followed_by_the_next_epoch_is_a_crash_the_run_went_on_past(workspace, mode):
    out = await diagnose_log(workspace, mode, FREEVC / "stdout.log")
    assert reported(out) == [], out["summary"]
    weak = [w for w in out["weak_signals"] if w["category"] == "dataloader_worker_crash"]
    assert weak and "went on past it" in weak[0]["headline"], out["weak_signals"]


@pytest.mark.anyio
async def test_the_same_segfault_at_the_end_of_the_paste_is_a_worker_crash(workspace, mode):
    lines = (FREEVC / "stdout.log").read_text().splitlines()
    cut = "\n".join(lines[: next(i for i, t in enumerate(lines) if "segmentation fault" in t) + 1]) + "\n"
    out = await diagnose(workspace, mode, log_text=cut)
    assert top_category(out) == "dataloader_worker_crash", out["summary"]


@pytest.mark.anyio
async def test_a_run_that_exited_with_an_error_keeps_its_worker_crash_whatever_follows(workspace, mode):
    text = (FREEVC / "stdout.log").read_text()
    out = await diagnose(workspace, mode, log_text=text, exit_code=1)
    assert top_category(out) == "dataloader_worker_crash", out["summary"]
