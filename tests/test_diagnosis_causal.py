"""Cause before symptom: when one finding's evidence comes first and explains another's, the cause ranks first
and the symptom's headline names it (explosion before NaN, OOM before a worker crash, a skipped-step storm before a
flat loss); evidence in the other order is not re-ranked. Advice reads the run's own settings: a step the run
already takes is not advised again."""

from __future__ import annotations

from pathlib import Path

import pytest

from experiment_runner.diagnosis.model import CATEGORIES, HEALTH_CODE_CATEGORY
from tests.conftest import diagnose

pytestmark = pytest.mark.anyio
FIXTURES = Path(__file__).resolve().parent / "data" / "diagnosis" / "logs"


def cats(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"]]


async def test_a_loss_that_grows_35_orders_of_magnitude_before_nan_ranks_the_divergence_first(workspace, mode):
    d = FIXTURES / "nan_lr_keyvalue"
    out = await diagnose(
        workspace,
        mode,
        log_text=(d / "stdout.log").read_text(),
        stderr_text=(d / "stderr.log").read_text(),
        exit_code=1,
        command=["python", "train.py", "--lr", "40", "--batch-size", "32", "--seed", "2"],
    )
    assert cats(out)[:2] == ["exploding_gradients", "nan_or_inf_loss"]
    nan = out["findings"][1]
    assert nan["headline"].startswith("Loss became NaN or Inf (a consequence of gradients exploding")
    assert nan["facts"]["bad_step"] == 12 and nan["facts"]["consequence_of"] == "exploding_gradients"


async def test_a_loss_that_breaks_from_an_ordinary_value_keeps_the_nan_first(workspace, mode):
    log = "".join(f"step={i} loss={1.2 - 0.01 * i:.4f} grad_norm={0.9 + 0.01 * i:.3f}\n" for i in range(1, 12))
    log += "step=12 loss=nan grad_norm=nan\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert cats(out)[0] == "nan_or_inf_loss"
    assert "exploding_gradients" not in cats(out)


async def test_memory_running_out_before_a_worker_dies_ranks_the_oom_first(workspace, mode):
    log = (
        "epoch 1 step 100 loss 0.52\n"
        "Out of memory: Killed process 4243 (pt_data_worker) total-vm:81234567kB, anon-rss:30000000kB\n"
        'Traceback (most recent call last):\n  File "train.py", line 30, in <module>\n'
        "RuntimeError: DataLoader worker (pid 4243) is killed by signal: Killed. \n"
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert cats(out)[:2] == ["out_of_memory", "dataloader_worker_crash"]
    assert "a consequence of out of memory" in out["findings"][1]["headline"]


async def test_a_skipped_step_storm_before_a_flat_loss_ranks_the_scale_collapse_first(workspace, mode):
    lines = []
    scale = 65536.0
    for step in range(1, 41):
        scale /= 2
        lines.append(f"Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to {scale!r}")
        lines.append(f"step {step} loss {1.3863:.4f}")
    out = await diagnose(workspace, mode, log_text="\n".join(lines) + "\n", exit_code=0)
    assert cats(out)[:2] == ["amp_loss_scale_collapse", "loss_not_decreasing"]
    assert "a consequence of mixed-precision loss scale collapsed" in out["findings"][1]["headline"]


# --- advice that reads the run's settings --------------------------------------------------------------------------


async def test_a_run_that_already_clips_is_not_told_to_clip_and_is_told_the_learning_rate_is_the_lever(workspace, mode):
    log = "| epoch   1 |    10/   74 batches | lr 3000.00 | ms/batch 15.90 | loss 559.82 | ppl 1.3e+243\n"
    stderr = (
        'Traceback (most recent call last):\n  File "main.py", line 204, in train\n'
        "    elapsed * 1000 / args.log_interval, cur_loss, math.exp(cur_loss)))\nOverflowError: math range error\n"
    )
    argv = ["python", "main.py", "--lr", "3000", "--clip", "0.25"]
    out = await diagnose(workspace, mode, log_text=log, stderr_text=stderr, exit_code=1, command=argv)
    top = out["findings"][0]
    assert top["category"] == "exploding_gradients"
    assert top["next_steps"][0] == "lower the learning rate from 3000 to 300"
    assert not any(s.startswith("clip gradients at 1.0") for s in top["next_steps"])
    assert any("clipping at 0.25" in s for s in top["next_steps"])
    assert any("clipping at 0.25 is on" in c for c in top["likely_causes"])
    overflow = out["findings"][1]
    assert (
        overflow["category"] == "unrecognized_error" and "a consequence of gradients exploding" in overflow["headline"]
    )


async def test_fairseqs_share_of_clipped_updates_is_not_read_as_a_clipping_threshold(workspace, mode):
    log = (
        "epoch 001:    100 / 6547 loss=15.2, nll_loss=15.1, ppl=35000, wps=8000, ups=2.1, wpb=3900, bsz=64, "
        "num_updates=100, lr=0.0001, gnorm=1.9, clip=100%, train_wall=38\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert "grad_clip" not in out["hyperparameters"]


async def test_a_worker_that_ran_out_of_shared_memory_is_told_to_get_more_shm_first(workspace, mode):
    log = (
        "Epoch: 0\nERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared "
        'memory (shm).\nTraceback (most recent call last):\n  File "train.py", line 50, in <module>\n'
        "RuntimeError: DataLoader worker (pid 7579) is killed by signal: Bus error. It is possible that dataloader's "
        "workers are out of shared memory. Please try to raise your shared memory limit.\n"
    )
    out = await diagnose(workspace, mode, log_text=log, command=["python", "train.py", "--num-workers", "0"])
    top = out["findings"][0]
    assert top["category"] == "dataloader_worker_crash"
    assert "--shm-size" in top["next_steps"][0]
    assert not any("num_workers=0" in s for s in top["next_steps"])  # it already runs with 0 workers


async def test_a_run_with_a_learning_rate_schedule_is_not_told_to_add_warm_up(workspace, mode):
    log = "".join(
        f"{{'loss': {v}, 'grad_norm': 1.0, 'learning_rate': {5e-4 * (1 - i / 10):.3g}, 'epoch': {i / 10}}}\n"
        for i, v in enumerate([2.0, 1.9, 1.8, 1.85])
    )
    log += "{'loss': nan, 'grad_norm': nan, 'learning_rate': 3e-4, 'epoch': 0.5}\n"
    out = await diagnose(workspace, mode, log_text=log)
    nan = out["findings"][0]
    assert nan["category"] == "nan_or_inf_loss"
    assert not any("warm-up" in s for s in nan["next_steps"])


def test_every_health_code_maps_to_a_diagnosis_category_or_says_it_has_none():
    from typing import get_args

    from experiment_runner.runs.model import HealthSignal

    codes = set(get_args(HealthSignal.model_fields["code"].annotation))
    assert set(HEALTH_CODE_CATEGORY) == codes
    assert {c for c in HEALTH_CODE_CATEGORY.values() if c} <= set(CATEGORIES)


async def test_an_abort_after_a_failed_cuda_assert_is_the_asserts_consequence(workspace, mode):
    log = (
        "Epoch 0: loss 2.31\n"
        "/pytorch/aten/src/ATen/native/cuda/Loss.cu:240: nll_loss_forward_reduce_cuda_kernel_2d: block: [0,0,0], "
        "thread: [5,0,0] Assertion `t >= 0 && t < n_classes` failed.\n"
        "terminate called after throwing an instance of 'c10::Error'\n"
        "  what():  CUDA error: device-side assert triggered\n"
        "Aborted (core dumped)\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert cats(out)[:2] == ["device_side_assert", "process_crash"]
    assert "a consequence of targets or indices out of range" in out["findings"][1]["headline"]


async def test_an_abort_after_any_uncaught_native_error_is_that_errors_consequence(workspace, mode):
    # c10::Error thrown from a C++ thread with nobody to catch it: the same abort, another family
    log = (
        "Epoch 0: loss 2.31\n"
        "terminate called after throwing an instance of 'c10::OutOfMemoryError'\n"
        "  what():  CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which "
        "1.02 GiB is free.\n"
        "Aborted (core dumped)\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert cats(out)[0] == "out_of_memory", out["findings"]
    crash = [f for f in out["findings"] if f["category"] == "process_crash"]
    assert not crash or "a consequence of" in crash[0]["headline"]
