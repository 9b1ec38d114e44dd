"""Round 3 of issue 13: rules written at the level of the evidence's structure, each checked on real runs made in
other forms than the blind3 case that showed the gap (tests/data/diagnosis/variants_r3, scripts beside them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose

pytestmark = pytest.mark.anyio

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r3"


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


async def test_a_loss_and_its_accuracy_repeating_together_for_3_epochs_is_a_frozen_model(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("keras_sgd_lr5_frozen_3_epochs"))
    top = out["findings"][0]
    assert top["category"] == "loss_not_decreasing"
    assert "5.662 for its last 3 values" in top["headline"] and "0.6488" in top["headline"]
    assert "ln " not in top["headline"]  # 5.6615 is no ln C to the precision it was printed to


async def test_a_keras_run_whose_loss_and_accuracy_still_move_is_healthy(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("keras_adam_healthy"))
    assert out["healthy"], out["summary"]


async def test_a_pinned_loss_at_ln_1000_to_its_printed_precision_still_names_1000_classes(workspace, mode):
    log = "".join(f"epoch {e} loss 6.9078 acc 0.0010\n" for e in range(1, 11))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["findings"][0]["category"] == "loss_not_decreasing"
    assert "ln 1000" in out["findings"][0]["headline"]


@pytest.mark.parametrize("name", ["keras_unscaled_lr0.003_still_falling", "keras_unscaled_lr0.03_recovered"])
async def test_a_finite_loss_above_1e15_is_a_blow_up_whatever_the_target_scale(workspace, mode, name):
    out = await diagnose(workspace, mode, **run_args(name))
    top = out["findings"][0]
    assert top["category"] == "exploding_gradients"
    assert "no target scale explains" in top["headline"]


async def test_a_regression_on_targets_in_the_hundreds_of_thousands_is_no_blow_up(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("torch_large_targets_healthy"))
    assert "exploding_gradients" not in [f["category"] for f in out["findings"]]
    assert out["metrics_used"].get("train_loss")  # the loss was read: the verdict is on it


async def test_a_loss_scale_printed_far_below_1_is_a_collapse_even_in_two_epoch_summaries(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("amp_scale_deep_two_epochs"))
    top = out["findings"][0]
    assert top["category"] == "amp_loss_scale_collapse"
    assert "net reductions below unscaled" in top["headline"]


async def test_a_loss_scale_that_stays_at_65536_is_healthy(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("amp_scale_healthy"))
    assert out["healthy"], out["summary"]


async def test_boosted_stumps_that_level_off_on_an_interaction_underfit_read_from_their_mae(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("xgb_stumps_mae_underfit"))
    assert out["findings"][0]["category"] == "underfitting"
    assert out["metrics_used"]["train_loss"] == "train_mae"


@pytest.mark.parametrize("name", ["xgb_depth4_healthy", "xgb_noisy_target_healthy"])
async def test_boosted_regressions_read_from_their_rmse_that_learn_are_healthy(workspace, mode, name):
    out = await diagnose(workspace, mode, **run_args(name))
    assert out["healthy"], out["summary"]
    assert out["metrics_used"]["train_loss"] == "train_rmse"


async def test_a_linear_model_levelling_off_with_validation_below_training_is_a_weak_underfitting(workspace, mode):
    out = await diagnose(workspace, mode, **run_args("keras_linear_on_interaction"))
    assert out["healthy"]  # no scale for a regression's loss: the log cannot tell it from a noisy task
    assert "underfitting" in [w["category"] for w in out["weak_signals"]]


@pytest.mark.parametrize("name", ["torch_linear_blowup_then_inf", "torch_linear_blowup_steps_then_inf"])
async def test_a_finite_loss_above_1e15_before_the_first_inf_ranks_the_blow_up_as_the_cause(workspace, mode, name):
    out = await diagnose(workspace, mode, **run_args(name))
    assert [f["category"] for f in out["findings"]][:2] == ["exploding_gradients", "nan_or_inf_loss"]
