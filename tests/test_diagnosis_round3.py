"""Round 3 of issue 13: rules written at the level of the evidence's structure, each checked on real runs made in
other forms than the blind3 case that showed the gap (tests/data/diagnosis/variants_r3, scripts beside them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = pytest.mark.anyio

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r3"


async def diagnose(workspace, mode, **args) -> dict:
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


def run_args(name: str, exit_code: int = 0) -> dict:
    folder = VARIANTS / name
    args: dict = {"log_text": (folder / "stdout.log").read_text(), "exit_code": exit_code}
    stderr = (folder / "stderr.log").read_text()
    if stderr:
        args["stderr_text"] = stderr
    return args


@pytest.mark.parametrize("name", ["skip_step_merged", "retry_then_progress_merged", "skip_step_split_streams"])
async def test_an_exception_the_run_caught_and_trained_past_is_no_failure(workspace, mode, name):
    out = await diagnose(workspace, mode, **run_args(name))
    assert out["healthy"], out["summary"]
    assert out["findings"] == []


async def test_an_exception_followed_by_no_training_still_fails_a_run_that_exited_0(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("caught_then_exit0_merged"))
    assert not out["healthy"]
    assert out["findings"][0]["category"] == "shape_mismatch"


async def test_the_same_traceback_printed_by_two_ranks_of_a_failed_paste_is_still_a_failure(workspace, mode):
    tb = (
        "Traceback (most recent call last):\n"
        '  File "train.py", line 40, in <module>\n'
        "    out = model(x)\n"
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x5 and 8x2)\n"
    )
    out = await diagnose(workspace, mode, log_text="step 1 loss 0.69\n" + tb + tb)
    assert not out["healthy"] and out["findings"][0]["category"] == "shape_mismatch"


@pytest.mark.parametrize("name", ["noisy_val_plateau_a", "noisy_val_plateau_b"])
async def test_a_small_validation_set_wandering_after_training_converged_is_no_overfitting(workspace, mode, name):
    out = await diagnose(workspace, mode, **run_args(name))
    assert out["healthy"], out["summary"]


async def test_validation_rising_while_a_large_model_memorises_150_samples_is_overfitting(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("noisy_val_overfit_150"))
    assert out["findings"][0]["category"] == "overfitting"
    assert "median of the last 3" in out["findings"][0]["headline"]
