"""Round 9 of issue 13, errors and infrastructure, each family read from the structure its pooled cases share:
two dtypes named in one message and compared, in whatever names the library writes them (Paddle's and TensorFlow's
C names `double`, `float`, `int64_t`); a run ended from outside read from the signal and who received it (a
launcher's SIGTERM or SIGHUP while its workers ran, SIGXCPU from a CPU-time limit, a stated reason naming a
wall-clock limit). Fixtures are real pasted lines (tests/data/diagnosis/variants_r9/errors, README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HEALTHY_CURVE, categories, diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r9" / "errors"

CURVE = HEALTHY_CURVE


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("dtype_words.jsonl"), ids=lambda d: d["name"])
async def test_two_dtypes_compared_in_one_message_are_a_dtype_mismatch_in_any_library_s_names(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "TypeError: unsupported operand type(s) for +: 'float' and 'NoneType'",
        "TypeError: 'float' object is not subscriptable",
    ],
)
async def test_one_c_type_name_in_a_python_value_error_is_no_dtype_mismatch(workspace, mode, line):
    # one dtype, or a dtype beside a Python type: a value the code handled wrongly, not two tensors' dtypes
    out = await diagnose(
        workspace, mode, log_text=CURVE + 'Traceback (most recent call last):\n  File "t.py", line 3\n' + line + "\n"
    )
    assert top_category(out) != "dtype_or_device_mismatch", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("stopped_from_outside.jsonl"), ids=lambda d: d["name"])
async def test_a_launcher_signalled_from_outside_while_its_workers_ran_is_a_stop_from_outside(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    if case["expected"].startswith("not:"):
        assert case["expected"][4:] not in categories(out), out["summary"]
    else:
        assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
async def test_a_worker_s_own_error_before_the_launcher_s_signal_stays_the_cause(workspace, mode):
    # the run's own crash is never a preemption: the OOM the worker raised outranks the agent's shutdown lines
    text = (
        CURVE + 'Traceback (most recent call last):\n  File "train.py", line 40, in <module>\n'
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total capacity)\n"
        "W0409 07:28:49.530000 1359 torch/distributed/elastic/agent/server/api.py:719] Received 15 death signal, "
        "shutting down workers\n"
    )
    out = await diagnose(workspace, mode, log_text=text)
    assert top_category(out) == "out_of_memory", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("how", [{"signal": "SIGXCPU"}, {"exit_code": 152}])
async def test_a_run_killed_by_sigxcpu_hit_its_cpu_time_limit(workspace, mode, how):
    out = await diagnose(workspace, mode, log_text=CURVE, **how)
    assert top_category(out) == "time_limit", out["summary"]


@pytest.mark.anyio
async def test_a_stated_wall_clock_limit_makes_a_sigkill_the_scheduler_s_not_the_oom_killer_s(workspace, mode):
    reason = "TIMEOUT: job exceeded its 20 s wall-clock limit and was killed (timeout -s KILL 20)"
    out = await diagnose(workspace, mode, log_text=CURVE, signal="SIGKILL", reason=reason)
    assert categories(out) == ["time_limit"], out["summary"]


@pytest.mark.anyio
async def test_a_collective_s_lowercase_timeout_in_the_reason_is_no_time_limit(workspace, mode):
    reason = "watchdog caught collective operation timeout: WorkNCCL(SeqNum=12, OpType=ALLREDUCE)"
    out = await diagnose(workspace, mode, log_text=CURVE, exit_code=1, reason=reason)
    assert "time_limit" not in categories(out), out["summary"]


XGB_ABORT = (
    "terminate called after throwing an instance of 'dmlc::Error'\n"
    "  what():  [00:25:27] /__w/xgboost/xgboost/dmlc-core/src/io/local_filesys.cc:37: Check failed: "
    "std::fwrite(ptr, 1, size, fp_) == size: FileStream.Write incomplete\n"
    "Stack trace:\n  [bt] (0) /venv/lib/python3.11/site-packages/xgboost/lib/libxgboost.so(+0x2c1a8c)\n"
)


@pytest.mark.anyio
async def test_a_native_write_that_wrote_less_than_asked_is_a_full_disk_above_the_abort_it_ended_in(workspace, mode):
    out = await diagnose(workspace, mode, log_text="feeding batch 1/8: (200000, 24)\n", stderr_text=XGB_ABORT, signal=6)
    assert categories(out)[:2] == ["disk_full", "process_crash"], out["summary"]


@pytest.mark.anyio
async def test_an_abort_with_no_uncaught_exception_stays_a_native_crash(workspace, mode):
    out = await diagnose(workspace, mode, log_text=CURVE + "double free or corruption (!prev)\n", signal=6)
    assert top_category(out) == "process_crash", out["summary"]
