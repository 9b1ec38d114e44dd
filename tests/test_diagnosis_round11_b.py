"""Round 11 of issue 13, non-finite, loss scale and stuck losses (11b): a loss scale printed on the training lines in
any format read as a series (with a skip counter printed beside it), a training and held-out loss frozen at one
value from the first evaluation, and a stalled training loss beside a held-out loss that fell far more; each beside
the near-miss that must stay quiet. Fixtures: tests/data/diagnosis/variants_r11/r11b (README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose, reported, top_category

HERE = Path(__file__).parent / "data" / "diagnosis" / "variants_r11" / "r11b"


async def diagnose_text(workspace, mode, text: str) -> dict:
    return await diagnose(workspace, mode, log_text=text)


def weak(out: dict) -> list[str]:
    return [w["category"] for w in out.get("weak_signals") or []]


# --- the loss scale as a series, whatever its name and format --------------------------------------------------


@pytest.mark.anyio
async def test_a_printed_scale_falling_to_zero_with_every_step_skipped_is_a_collapse(workspace, mode):
    # `| loss scale 3.277e+04 | skipped 1/1 |` -> `| loss scale 0 | skipped 240/240 |`: no overflow message at all
    out = await diagnose_text(workspace, mode, (HERE / "torch_gradscaler_printed_scale_to_zero.log").read_text())
    assert top_category(out) == "amp_loss_scale_collapse", out["summary"]


@pytest.mark.anyio
async def test_a_printed_scale_below_one_with_few_skipped_steps_is_not_a_collapse(workspace, mode):
    # the scale sinks below 1 (a loss of 6.7e10 overflows float16), but the skip counter says 8 of 279 steps at the
    # floor were skipped: the rest went through, and the flat loss is its own finding
    out = await diagnose_text(workspace, mode, (HERE / "torch_gradscaler_printed_scale_few_skips.log").read_text())
    assert "amp_loss_scale_collapse" not in reported(out), out["summary"]
    assert top_category(out) == "loss_not_decreasing"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        "megatron_bf16_loss_scale_1_healthy.log",  # Megatron `loss scale: 1.0 |` at every iteration (bf16)
        "cpm2_loss_scale_1024_steady.log",  # `| loss scale 1024.0 |`, never moving
    ],
)
async def test_a_printed_scale_that_never_moves_says_nothing(workspace, mode, log):
    out = await diagnose_text(workspace, mode, (HERE / log).read_text())
    assert "amp_loss_scale_collapse" not in reported(out) + weak(out), out["summary"]


# --- a training and held-out loss frozen at one value ----------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        "keras2_loss_val_loss_frozen.log",  # Keras 2: `- 1423s - loss: 1.0097 - val_loss: 1.0082`, 3 epochs
        "keras3_loss_val_loss_frozen.log",  # Keras 3: `75/75 ━━━ ... loss: 1.0948 - val_accuracy ... - val_loss`
    ],
)
async def test_a_training_and_held_out_loss_frozen_from_the_first_epoch_is_a_loss_not_decreasing(workspace, mode, log):
    out = await diagnose_text(workspace, mode, (HERE / log).read_text())
    assert top_category(out) == "loss_not_decreasing", out["summary"]


@pytest.mark.anyio
async def test_two_frozen_epochs_are_too_few(workspace, mode):
    text = "\n".join((HERE / "keras2_loss_val_loss_frozen.log").read_text().splitlines()[:4]) + "\n"
    out = await diagnose_text(workspace, mode, text)
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
async def test_a_progress_bar_reprinting_one_epoch_is_not_a_frozen_loss(workspace, mode):
    out = await diagnose_text(workspace, mode, (HERE / "lightning_bar_reprints_one_epoch.log").read_text())
    assert out["healthy"], out["summary"]


# --- a stalled training loss beside a held-out loss that kept falling -----------------------------------------


@pytest.mark.anyio
async def test_a_training_stall_under_augmentation_beside_a_falling_held_out_loss_is_weak(workspace, mode):
    # per-batch loss measured on jittered, masked inputs stalls near 1.06 while val loss falls 0.74 -> 0.50
    out = await diagnose_text(workspace, mode, (HERE / "torch_train_jitter_val_falls.log").read_text())
    assert "loss_not_decreasing" not in reported(out), out["summary"]
    assert "loss_not_decreasing" in weak(out)
