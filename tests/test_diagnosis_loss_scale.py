"""The mixed-precision loss scale is judged by the scale the scaler reports, not by the word "overflow": a few
overflows while the scale settles high (or dips and recovers) are the scaler working; a scale that falls overflow
after overflow to its floor, or is still halving step after step near it, has collapsed."""

from __future__ import annotations

import pytest

from experiment_runner.diagnosis.loss_scale import scale_in
from tests.conftest import diagnose

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("line", "scale"),
    [
        ("Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 131072.0", 131072.0),
        ("[deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 64, reducing to 32", 32.0),
        ("[deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 65536, but hysteresis is 2. Reducing "
         "hysteresis to 1", 65536.0),
        ("2020-08-01 12:39:16 | INFO | fairseq.trainer | NOTE: overflow detected, setting loss scale to: 1024.0",
         1024.0),
        ("NOTE: gradient overflow detected, ignoring gradient, setting loss scale to: 0.0001", 0.0001),
        ("step   25 | gradient overflow, skipping step; loss scale reduced to 1", 1.0),
        ("Gradient overflow. Skipping step, loss scaler 0 reducing loss scale to 256.0.", 256.0),
    ],
)  # fmt: skip
def test_the_scale_a_scaler_moves_to_is_read_from_each_frameworks_wording(line, scale):
    assert scale_in(line) == scale


def apex(scales: list[float]) -> str:
    return "".join(f"Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to {s!r}\n" for s in scales)


@pytest.mark.parametrize(
    "log",
    [
        apex([131072.0]) + "INFO Train: [0/300][4050/5004] lr 0.000500 loss 3.2572 (3.3279) grad_norm 1.0323 (nan)\n",
        apex([1024.0, 512.0, 256.0]),
        "".join(
            f"[deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: {2.0**k:.1f}, reducing to "
            f"{2.0 ** (k - 1):.1f}\n"
            for k in (27, 26, 25)
        ),
        # fairseq's scaler works down to 1e-4: a scale that dips below 1 and grows back is it working
        "".join(
            f"NOTE: overflow detected, setting loss scale to: {s}\nepoch 001: loss={2.5 - 0.1 * i:.3f}, "
            f"loss_scale={2 * s}\n"
            for i, s in enumerate([2.0, 0.5, 1.0, 0.5, 1.0])
        ),
    ],
    ids=["apex-131072", "apex-settling", "deepspeed-start", "fairseq-low-but-recovering"],
)
async def test_overflows_while_the_scale_settles_or_recovers_are_no_failure(workspace, mode, log):
    out = await diagnose(workspace, mode, log_text=log)
    assert out["healthy"] is True, out["findings"]
    assert out["weak_signals"] == [] or out["weak_signals"][0]["confidence"] < 0.5


async def test_a_scale_falling_overflow_after_overflow_to_its_floor_is_a_collapse_and_the_later_nan_its_consequence(
    workspace, mode
):
    log = apex([1.0, 1.52587890625e-05, 2.3283064365386963e-10]) + "....\n"
    log += apex([6.72487309524726e-285, 1.0261342003245941e-289, 1.56575653125701e-294])
    log += "Epoch: 0, Step: 1000 / 230430, loss = nan\n"
    out = await diagnose(workspace, mode, log_text=log)
    cats = [f["category"] for f in out["findings"]]
    assert cats[:2] == ["amp_loss_scale_collapse", "nan_or_inf_loss"]
    assert "a consequence of mixed-precision loss scale collapsed" in out["findings"][1]["headline"]
    steps = out["findings"][0]["next_steps"]
    assert steps[0].startswith("train in bfloat16")


async def test_a_scale_still_halving_every_step_near_the_floor_is_a_collapse_under_way(workspace, mode):
    log = "".join(
        f" 14%|#4        | {377 + i}/2724 [13:55:57<86:19:20, 132.41s/it][INFO] [deepspeed] OVERFLOW! Rank 0 "
        f"Skipping step. Attempted loss scale: {2 ** (6 - i)}, reducing to {2 ** (5 - i)}\n"
        for i in range(5)
    )
    out = await diagnose(workspace, mode, log_text=log)
    top = out["findings"][0]
    assert top["category"] == "amp_loss_scale_collapse" and "32 -> 16 -> 8 -> 4 -> 2" in top["headline"]


async def test_a_loss_that_is_nan_before_the_scale_falls_is_the_cause_and_the_collapse_its_consequence(workspace, mode):
    lines = [
        f"step {i:4d} | gradient overflow, skipping step; loss scale reduced to {2.0 ** (24 - i):g}" for i in (1, 2)
    ]
    lines.append("step   20 | loss nan | acc 0.257 | loss_scale 32 | skipped 19")
    lines += [
        f"step {i:4d} | gradient overflow, skipping step; loss scale reduced to {2.0 ** (24 - i):g}"
        for i in range(21, 40)
    ]
    lines.append("step   40 | loss nan | acc 0.257 | loss_scale 3.05176e-05 | skipped 39")
    out = await diagnose(workspace, mode, log_text="\n".join(lines) + "\n", exit_code=0)
    cats = [f["category"] for f in out["findings"]]
    assert cats[:2] == ["nan_or_inf_loss", "amp_loss_scale_collapse"]
    assert "a consequence of loss became nan or inf" in out["findings"][1]["headline"]


async def test_the_frameworks_minimum_scale_error_is_a_collapse(workspace, mode):
    out = await diagnose(
        workspace,
        mode,
        log_text='Traceback (most recent call last):\n  File "train.py", line 1, in <module>\n'
        "FloatingPointError: Minimum loss scale reached (0.0001). Your loss is probably exploding. Try lowering the "
        "learning rate, using gradient clipping or increasing the batch size.\n",
    )
    assert out["findings"][0]["category"] == "amp_loss_scale_collapse"


async def test_a_falling_scale_at_the_start_that_training_then_outlives_is_no_collapse(workspace, mode):
    log = "".join(
        f"[deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: {2**k}, reducing to {2 ** (k - 1)}\n"
        for k in range(16, 3, -1)
    )
    log += "".join(f"{{'loss': {2.0 - 0.05 * i:.3f}, 'learning_rate': 0.0001, 'epoch': {i / 10}}}\n" for i in range(30))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]


async def test_a_scale_reduced_again_below_one_at_the_end_is_a_collapse_even_without_a_long_run(workspace, mode):
    # fairseq prints its scale rounded in the progress line (0), then reports each reduction in full
    log = "".join(
        f"epoch 002 | loss {9.8 - 0.1 * i:.3f} | gnorm {55 + 50 * i:.3f} | loss_scale 0 | num_updates {690 + i}\n"
        for i in range(3)
    )
    log += "NOTE: overflow detected, setting loss scale to: 0.00048828125\n"
    log += "NOTE: overflow detected, setting loss scale to: 0.000244140625\n"
    out = await diagnose(workspace, mode, log_text=log)
    assert out["findings"] and out["findings"][0]["category"] == "amp_loss_scale_collapse", out["findings"]


async def test_a_scale_series_that_sits_at_one_from_the_start_is_no_scaler_at_all_and_no_collapse(workspace, mode):
    log = "".join(f"step {i * 10} | loss {2.0 * 0.97**i:.4f} | loss_scale 1.0\n" for i in range(30))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]
