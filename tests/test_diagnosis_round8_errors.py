"""Round 8 of issue 13, errors and infrastructure, each family read from the structure all its pooled cases share:
CUDA's device-side assert by the launch coordinates its printf writes before the condition, whatever the kernel; a
peer machine of a cluster spec (TensorFlow's `/job:worker/replica:0/task:3`) as the subject of round 7's machine-lost
clause. Fixtures are real pasted lines (tests/data/diagnosis/variants_r8/errors, README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HEALTHY_CURVE, categories, diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r8" / "errors"

CURVE = HEALTHY_CURVE


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("kernel_asserts.jsonl"), ids=lambda d: d["name"])
async def test_a_cuda_kernel_assertion_is_a_device_side_assert_whatever_the_kernel(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
async def test_a_kernel_assertion_whose_condition_the_paste_wrapped_still_reads(workspace, mode):
    # the yolov3 paste: the terminal wrapped the signature and the condition with runs of blanks, and the traceback
    # was cut before `device-side assert triggered`
    line = (
        "/pytorch/aten/src/THCUNN/ClassNLLCriterion.cu:105: void cunn_ClassNLLCriterion_updateOutput_kernel(Dtype *, "
        "Dtype *, Dtype *, long *" + " " * 40 + ", Dtype *, int, int, int, int, long) [with Dtype = float, Acctype = "
        "float]: block: [0,0,0], thread: [11,0,0] Assertion `t >= 0 && t" + " " * 40 + "< n_classes` failed.\n"
    )
    out = await diagnose(workspace, mode, log_text=CURVE + line)
    assert top_category(out) == "device_side_assert", out["summary"]


@pytest.mark.anyio
async def test_a_host_side_assertion_is_no_device_side_assert(workspace, mode):
    # a C assert in a host library prints `file:line: func: Assertion `...' failed.` without launch coordinates
    line = (
        "python: ../nptl/pthread_mutex_lock.c:81: __pthread_mutex_lock: "
        "Assertion `mutex->__data.__owner == 0' failed.\n"
    )
    out = await diagnose(workspace, mode, log_text=CURVE + line)
    assert "device_side_assert" not in categories(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("peer_jobs.jsonl"), ids=lambda d: d["name"])
async def test_a_peer_job_of_a_cluster_spec_that_stopped_answering_is_a_lost_machine(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "INFO:tensorflow:ShutdownHook: lame workers found: HeartbeatManager(/job:worker/replica:0/task:0/device:CPU:0)",
        "W grpc_remote_worker.cc:120] RPC to /job:ps/replica:0/task:1 failed: Unavailable: Socket closed",
    ],
)
async def test_a_peer_jobs_lost_heartbeat_or_channel_is_read_in_either_order(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=CURVE + line + "\n")
    assert top_category(out) == "preempted_or_node_failure", out["summary"]


@pytest.mark.anyio
async def test_the_runs_own_localhost_job_in_an_op_error_is_no_lost_machine(workspace, mode):
    log = (
        'Traceback (most recent call last):\n  File "train.py", line 40, in <module>\n'
        "tensorflow.python.framework.errors_impl.InvalidArgumentError: Matrix size-incompatible: In[0]: [32,784], "
        "In[1]: [512,10] [Op:MatMul] failed on /job:localhost/replica:0/task:0/device:GPU:0\n"
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert "preempted_or_node_failure" not in categories(out), out["summary"]


def _fairseq_epochs(skips_per_epoch: int, updates_per_epoch: int) -> str:
    lines = []
    for i, epoch in enumerate(range(22, 26)):
        updates = 5586 + updates_per_epoch * i
        lines.append(
            f"| epoch {epoch:03d} | loss {3.882 - 0.019 * i:.3f} | nll_loss 2.2 | num_updates {updates} | "
            "lr 0.0008 | gnorm 0.31 | loss_scale 1.000\n"
        )
        lines += ["| WARNING: overflow detected, setting loss scale to: 1.0\n"] * skips_per_epoch
    return "".join(lines)


@pytest.mark.anyio
async def test_a_scale_at_its_floor_while_updates_go_through_is_the_scaler_working(workspace, mode):
    # blind8's fairseq back-translation run: one overflow an epoch at scale 1.0, 254 updates applied in between
    out = await diagnose(workspace, mode, log_text=_fairseq_epochs(1, 254))
    assert "amp_loss_scale_collapse" not in categories(out), out["summary"]


@pytest.mark.anyio
async def test_a_scale_at_its_floor_that_skips_most_updates_is_a_collapse(workspace, mode):
    # the same log where the counter barely moves between the overflow reports: most steps are skipped
    out = await diagnose(workspace, mode, log_text=_fairseq_epochs(6, 3))
    assert top_category(out) == "amp_loss_scale_collapse", out["summary"]
