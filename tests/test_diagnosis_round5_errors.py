"""Round 5 of issue 13, errors and infrastructure: rules over the structure of an error (the class, the errno, what
the message names, the source line that raised it) and of a stop from outside, each checked on forms other than the
blind5 case that showed the gap. The fixtures are real (tests/data/diagnosis/variants_r5/errors, README there):
exceptions raised by the libraries, tracebacks whose closing line names no type, pastes from public threads, and
Lightning runs stopped by a wrapper the way a scheduler does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r5" / "errors"
#: forms the rules do not place yet (said in the report, not hidden): an empty model folder that transformers words
#: as a missing config key. (StopIteration from an empty DataLoader, once named for the loader by its frames, reads as
#: the unrecognised error it is since round 11: the frames' hint stays below the threshold.)
KNOWN_GAPS: dict[str, str | None] = {"hf_from_pretrained_empty_dir": None}


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


def _expected(family: str) -> str:
    return "unrecognized_error" if family == "none" else family


def _case_id(d: dict) -> str:
    return d["name"]


@pytest.mark.anyio
@pytest.mark.parametrize("raised", [d for d in _jsonl("exceptions.jsonl") if d["text"]], ids=_case_id)
async def test_a_real_traceback_is_placed_by_its_class_message_and_raising_line(workspace, mode, raised):
    out = await diagnose(workspace, mode, log_text="epoch 1 loss 0.5310\n" + raised["text"])
    assert not out["healthy"]
    if raised["name"] in KNOWN_GAPS:
        assert top_category(out) in ("unrecognized_error", _expected(raised["family"]))
    else:
        assert top_category(out) == _expected(raised["family"]), raised["text"][-400:]


@pytest.mark.anyio
@pytest.mark.parametrize("run", _jsonl("untyped.jsonl"), ids=_case_id)
async def test_a_traceback_whose_last_line_names_no_type_is_still_a_failed_run(workspace, mode, run):
    out = await diagnose(workspace, mode, log_text=run["stdout"], stderr_text=run["text"])
    assert not out["healthy"], out["summary"]
    assert top_category(out) == KNOWN_GAPS.get(run["name"], run["family"])


@pytest.mark.anyio
async def test_an_old_torch_size_mismatch_pasted_without_its_type_is_a_shape_mismatch(workspace, mode):
    log = (
        "Traceback (most recent call last):\n"
        '  File "train.py", line 63, in <module>\n    main(config)\n'
        '  File "/opt/conda/lib/python3.6/site-packages/torch/nn/modules/container.py", line 92, in forward\n'
        "    input = module(input)\n"
        "size mismatch, m1: [2394 x 7], m2: [16758 x 2] at /opt/conda/conda-bld/pytorch/aten/src/TH/generic/"
        "THTensorMath.cpp:2070\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert top_category(out) == "shape_mismatch"


@pytest.mark.anyio
@pytest.mark.parametrize("paste", _jsonl("pastes.jsonl"), ids=_case_id)
async def test_a_pasted_log_from_a_public_thread_gets_its_family_or_stays_healthy(workspace, mode, paste):
    out = await diagnose(workspace, mode, log_text=paste["text"])
    assert top_category(out) == paste["family"], out["summary"]


def _runs() -> list[Path]:
    return sorted(p for p in (VARIANTS / "runs").iterdir() if p.is_dir())


@pytest.mark.anyio
@pytest.mark.parametrize("run", _runs(), ids=lambda p: p.name)
async def test_a_run_stopped_from_outside_counts_even_when_it_exits_0_and_a_notice_it_outlived_does_not(
    workspace, mode, run
):
    out = await diagnose(
        workspace,
        mode,
        log_text=(run / "stdout.log").read_text(),
        stderr_text=(run / "stderr.log").read_text(),
        exit_code=int((run / "exit_code").read_text()),
    )
    expected = "healthy" if run.name == "lit_notice_came_to_nothing" else "preempted_or_node_failure"
    assert top_category(out) == expected, out["summary"]


@pytest.mark.anyio
async def test_submitits_timed_out_requeue_is_a_time_limit_not_a_preemption(workspace, mode):
    log = (
        "submitit WARNING (2022-07-12 04:18:45,706) - Bypassing signal SIGTERM\n"
        "submitit WARNING (2022-07-12 04:18:45,881) - Caught signal SIGUSR2 on learnfair0293: this job is timed-out.\n"
        "submitit INFO (2022-07-12 04:18:45,912) - Requeued job 60601445 (2 remaining timeouts)\n"
        "submitit INFO (2022-07-12 04:18:45,913) - Exiting gracefully after preemption/timeout.\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert top_category(out) == "time_limit"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "SLURM auto-requeueing enabled. Setting signal handlers.",
        "worker-0:27:579 [6] NCCL INFO [Service thread] Connection closed by localRank 2",
        "wandb: Network error (ConnectionError), entering retry loop. Connection reset by peer",
        "Saving model checkpoint to out/checkpoint-500",
    ],
)
async def test_routine_lines_of_a_healthy_run_raise_nothing(workspace, mode, line):
    log = "".join(f"epoch {e} loss {1 / (e + 1):.4f}\n" for e in range(6)) + line + "\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
async def test_a_package_said_not_installed_is_advised_to_be_installed_in_the_runs_interpreter(workspace, mode):
    log = (
        "Traceback (most recent call last):\n"
        '  File "train.py", line 37, in <module>\n    tr = Trainer(model=model, args=ta)\n'
        "RuntimeError: WandbCallback requires wandb to be installed. Run `pip install wandb`.\n"
    )
    out = await diagnose(workspace, mode, log_text=log, command=["python", "train.py", "--report-to", "wandb"])
    top = out["findings"][0]
    assert top["category"] == "missing_file_or_module"
    assert top["next_steps"][0] == "install the package in the run's interpreter: python -m pip install wandb"
