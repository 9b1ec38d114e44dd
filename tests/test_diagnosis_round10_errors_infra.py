"""Round 10 of issue 13 (10a), errors and infrastructure, each read from the structure its cases share: a DataLoader
worker's own fatal-signal line and torch's failure to open a worker's shared-memory file (both printed before, or
instead of, the parent's `DataLoader worker ... is killed` line a cut paste lacks); NCCL's watchdog line cut mid-word;
TensorFlow's two-dtype messages without their exception class; a SIGKILL after the process logged a SIGTERM (the stop
escalated after its grace period, not the OOM killer). Fixtures are real pasted lines
(tests/data/diagnosis/variants_r10/errors_infra, README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HEALTHY_CURVE, categories, diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r10" / "errors_infra"

CURVE = HEALTHY_CURVE


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        *_jsonl("worker_signal_handler.jsonl"),
        *_jsonl("shared_memory_open.jsonl"),
        *_jsonl("watchdog_cut.jsonl"),
        *_jsonl("tensorflow_dtypes.jsonl"),
    ],
    ids=lambda d: d["name"],
)
async def test_a_pasted_error_line_is_read_by_its_structure_in_any_torch_or_tensorflow_era(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        # Lightning's advice about worker counts and a config echo name workers and shared memory, nothing failed
        "UserWarning: The 'train_dataloader' does not have many workers which may be a bottleneck. Consider "
        "increasing the value of the `num_workers` argument` to `num_workers=7` in the `DataLoader` to improve "
        "performance.",
        "data: num_workers=8 pin_memory=True sharing_strategy=file_descriptor shm_size=16g",
        # a watchdog configured, not one that fired
        "[rank0]:[I1206 18:30:02.715298746 ProcessGroupNCCL.cpp:852] [PG 0 Rank 0] ProcessGroupNCCL initialization "
        "options: size: 8, global rank: 0, TIMEOUT(ms): 600000, USE_HIGH_PRIORITY_STREAM: 0",
        "model dtype float32, inputs cast from int64",
    ],
)
async def test_words_of_workers_watchdogs_and_dtypes_in_a_healthy_run_raise_nothing(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=line + "\n" + CURVE, exit_code=0)
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("sigterm_then_sigkill.jsonl"), ids=lambda d: d["name"])
async def test_a_sigkill_after_a_logged_sigterm_is_a_stop_escalated_not_the_oom_killer(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"], exit_code=137)
    assert top_category(out) == case["expected"], out["summary"]
    assert "out_of_memory" not in categories(out), out["summary"]


@pytest.mark.anyio
async def test_the_shell_s_killed_after_a_logged_sigterm_is_the_same_escalation(workspace, mode):
    text = CURVE + "[rank: 0] Received SIGTERM: 15\nKilled\n"
    out = await diagnose(workspace, mode, log_text=text)
    assert top_category(out) == "time_limit", out["summary"]
    assert "out_of_memory" not in categories(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "",  # nothing said at all
        "Registering a SIGTERM handler to save a checkpoint on preemption",  # a handler set up, no signal received
        "[rank: 0] Received SIGINT: 2",  # a person's Ctrl-C is no stop from a limit
    ],
)
async def test_a_sigkill_with_no_sigterm_received_stays_the_oom_killer_s(workspace, mode, line):
    text = CURVE[: len(CURVE) // 2] + (line + "\n" if line else "") + CURVE[len(CURVE) // 2 :]
    out = await diagnose(workspace, mode, log_text=text, exit_code=137)
    assert top_category(out) == "out_of_memory", out["summary"]
