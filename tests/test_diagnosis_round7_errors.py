"""Round 7 of issue 13, errors and infrastructure: a machine lost under the run read as a clause whose subject is a
machine or its agent (node, host, instance, VM, pod, raylet, executor, worker node) and whose predicate says it is
gone (died, dead, lost, unreachable, evicted, preempted, reclaimed, missed heartbeats ...), in either order; and the
schedulers' job-state words. Fixtures are real pasted lines (tests/data/diagnosis/variants_r7/errors, README there);
the negatives are a DataLoader worker, a process or actor that died by itself, an elastic restart that recovered,
and a node named in a sentence of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HEALTHY_CURVE, categories, diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r7" / "errors"

CURVE = HEALTHY_CURVE


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("machine_loss.jsonl"), ids=lambda d: d["name"])
async def test_a_pasted_machine_loss_is_read_whatever_the_library_calls_the_machine(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "[W socket.cpp:601] host gpu-node-3 is unreachable, giving up on rank 5",
        "kubelet: pod trainer-worker-1 was evicted: the node had condition DiskPressure",
        "ERROR: worker node ip-10-0-3-17 went down during step 4120",
        "Lost connection to the host 10.2.0.8 running ranks 8-15",
        "INFO: the spot instance i-0abc123 has been reclaimed by the provider",
    ],
)
async def test_a_machine_named_with_its_loss_in_one_clause_is_a_node_failure(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=CURVE + line + "\n")
    assert top_category(out) == "preempted_or_node_failure", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "4242.batch       batch                  gpu          8  PREEMPTED      0:0",
        "JobId=4242 JobName=train JobState=NODE_FAIL Reason=NodeDown",
    ],
)
async def test_a_schedulers_job_state_word_is_read_as_a_stop_from_outside(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=CURVE + line + "\n")
    assert top_category(out) == "preempted_or_node_failure", out["summary"]


@pytest.mark.anyio
async def test_a_dataloader_worker_killed_is_no_lost_machine(workspace, mode):
    log = CURVE + "RuntimeError: DataLoader worker (pid 1817) is killed by signal: Killed.\n"
    out = await diagnose(workspace, mode, log_text=log)
    assert "preempted_or_node_failure" not in categories(out), out["summary"]
    assert top_category(out) in ("dataloader_worker_crash", "out_of_memory"), out["summary"]


@pytest.mark.anyio
async def test_an_actor_that_died_by_itself_is_no_lost_machine(workspace, mode):
    log = CURVE + (
        'Traceback (most recent call last):\n  File "train.py", line 40, in <module>\n'
        "ray.exceptions.RayActorError: The actor died unexpectedly before finishing this task.\n"
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert "preempted_or_node_failure" not in categories(out), out["summary"]


@pytest.mark.anyio
async def test_an_elastic_restart_that_recovered_stays_healthy(workspace, mode):
    # torch.distributed.elastic's agent restarts the worker group after a rank's failure; training goes on and ends
    restart = (
        "INFO:torch.distributed.elastic.agent.server.api:[default] Worker group FAILED. 3/3 attempts left; "
        "will restart worker group\n"
    )
    log = CURVE[: len(CURVE) // 2] + restart + CURVE[len(CURVE) // 2 :]
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
async def test_a_node_named_in_one_sentence_and_a_loss_in_the_next_are_not_joined(workspace, mode):
    line = "Training on node gpu-07 with 8 ranks. The cached features of the previous run were lost, rebuilding them.\n"
    out = await diagnose(workspace, mode, log_text=line + CURVE, exit_code=0)
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", _jsonl("os_errors.jsonl"), ids=lambda d: d["name"])
async def test_an_os_error_number_names_the_family_in_any_wording(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"], exit_code=1)
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("OSError: [WinError 112] There is not enough space on the disk", "disk_full"),
        ("OSError: [Errno 122] Disk quota exceeded: '/home/u/ckpt/last.pt'", "disk_full"),
        (
            "OSError: Unable to open file (unable to open file: name = 'data/train.h5', errno = 2, error message = "
            "'No such file or directory', flags = 0, o_flags = 0)",
            "missing_file_or_module",
        ),
    ],
)
async def test_the_os_error_number_decides_before_the_words(workspace, mode, line, expected):
    log = 'Traceback (most recent call last):\n  File "train.py", line 12, in <module>\n' + line + "\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert top_category(out) == expected, out["summary"]


@pytest.mark.anyio
async def test_an_os_error_with_numbers_around_its_errno_is_no_shape_mismatch(workspace, mode):
    # HDF5's read failure: a time, a file descriptor, a buffer and a size around `errno = 5` (EIO: no category)
    line = (
        "OSError: Can't read data (file read failed: time = Tue Mar  2 10:00:00 2021, filename = 'x.h5', "
        "file descriptor = 5, errno = 5, error message = 'Input/output error', buf = 0x5, total read size = 4096)"
    )
    log = 'Traceback (most recent call last):\n  File "train.py", line 12, in <module>\n' + line + "\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert "shape_mismatch" not in categories(out), out["summary"]
    assert not out["healthy"], out["summary"]


@pytest.mark.anyio
async def test_a_full_shared_memory_segment_stays_the_workers_though_its_errno_says_no_space(workspace, mode):
    line = "RuntimeError: DataLoader worker (pid 4242) failed: [Errno 28] No space left on device: '/dev/shm/torch_1'"
    log = 'Traceback (most recent call last):\n  File "train.py", line 12, in <module>\n' + line + "\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert top_category(out) == "dataloader_worker_crash", out["summary"]
