"""Round 9 of issue 13, training curves (9b): each rule's notion of normal as a class, from the blind9 false alarms
and the window drill (bench/window_drill.py), each checked against the failing form beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import diagnose, diagnose_log, reported

DATA = Path(__file__).parent / "data" / "diagnosis"
BLIND9 = DATA / "blind9" / "cases"
BLIND3 = DATA / "blind3" / "cases"


def bar(step: int, loss: str, epoch: int = 0) -> str:
    return f"Epoch {epoch}:  97% {step}/1702 [13:00<00:24,  2.11it/s, loss={loss}, v_num=0]\n"


@pytest.mark.anyio
async def test_a_progress_bar_reprinting_its_held_loss_on_every_batch_of_one_epoch_is_not_a_frozen_loss(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, BLIND9 / "paste_lightning_progress_bar_reprints" / "stdout.log")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_progress_bar_pinned_at_ln_c_on_every_batch_is_still_a_uniform_guess(workspace, mode):
    log = "".join(bar(1651 + i, "2.303") for i in range(14))
    out = await diagnose(workspace, mode, log_text=log)
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "ln 10" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
async def test_the_same_loss_repeated_at_consecutive_epochs_is_still_a_frozen_loss(workspace, mode):
    log = "".join(f"epoch {e} step {e} loss 0.4812\n" for e in range(1, 15))
    out = await diagnose(workspace, mode, log_text=log)
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]


@pytest.mark.anyio
async def test_a_boosted_error_lower_at_every_round_by_a_little_is_learning_not_flat(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND9 / "paste2_lgbm_ashrae_rmse_curve" / "stdout.log")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_loss_that_wanders_around_its_level_is_still_flat(workspace, mode):
    wobble = [0.861, 0.858, 0.860, 0.857, 0.859, 0.856, 0.858, 0.855, 0.857, 0.854, 0.856, 0.853]
    log = "".join(f"[{(i + 1) * 25}]\ttrain's rmse: {v}\n" for i, v in enumerate(wobble))
    out = await diagnose(workspace, mode, log_text=log)
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]


@pytest.mark.anyio
async def test_a_booster_whose_training_error_creeps_down_beside_a_levelled_validation_still_underfits(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND3 / "run_xgb_stumps_interaction" / "stdout.log")
    assert reported(out)[:1] == ["underfitting"], out["summary"]


@pytest.mark.anyio
async def test_a_grad_norm_growing_while_the_loss_leaves_its_plateau_and_ends_at_its_low_is_not_exploding(
    workspace, mode
):
    case = BLIND9 / "run_hf_bert_resume_fallback_fresh_healthy"
    args = {"log_text": (case / "stdout.log").read_text(), "stderr_text": (case / "stderr.log").read_text()}
    out = await diagnose(workspace, mode, **args, exit_code=json.loads((case / "meta.json").read_text())["exit_code"])
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_the_same_grad_norm_growth_beside_a_loss_that_climbs_is_exploding(workspace, mode):
    norms = [0.29, 0.3, 0.25, 0.34, 1.0, 0.49, 0.66, 0.77, 3.5, 1.7, 4.2, 14.3, 6.8, 5.6, 5.7, 5.7, 7.3, 5.3]
    losses = [0.68 + 0.02 * i for i in range(len(norms))]
    log = "".join(
        f"{{'loss': {loss:.4f}, 'grad_norm': {g}, 'epoch': {0.2 * (i + 1):.2f}}}\n"
        for i, (loss, g) in enumerate(zip(losses, norms))
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert "exploding_gradients" in reported(out), out["summary"]


@pytest.mark.anyio
async def test_a_train_validation_gap_beside_a_long_validation_curve_still_at_its_best_is_not_overfitting(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, BLIND9 / "paste_pairnorm_reference_log_epochs_983_1000" / "stdout.log")
    assert "overfitting" not in reported(out), out["summary"]


def gap_log(val_losses: list[float]) -> str:
    """Training falls to 0.093 (accuracy 0.986) while validation sits at 0.724 accuracy with the given losses."""
    n = len(val_losses)
    return "".join(
        f"Epoch {e + 1}: train loss {0.093 * 0.9 ** (e - n + 1):.3f} train acc: 0.986, val loss: {v:.3f} "
        "val acc 0.724.\n"
        for e, v in enumerate(val_losses)
    )


@pytest.mark.anyio
@pytest.mark.parametrize(
    "val_losses",
    [
        [1.04],  # one evaluation: nothing says the gap is settled
        [1.04, 1.06, 1.09, 1.12, 1.16, 1.2, 1.25, 1.3, 1.36, 1.42],  # validation leaving its best
    ],
    ids=["single_evaluation", "validation_climbing"],
)
async def test_the_same_gap_at_a_single_evaluation_or_beside_a_climbing_validation_is_overfitting(
    workspace, mode, val_losses
):
    out = await diagnose(workspace, mode, log_text=gap_log(val_losses))
    assert reported(out)[:1] == ["overfitting"], out["summary"]


@pytest.mark.anyio
async def test_a_short_log_ending_at_exactly_ln_c_with_accuracy_exactly_one_in_c_is_a_uniform_guess(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND9 / "paste_vgg16_cifar10_stuck_2303" / "stdout.log")
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "ln 10" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("loss", "accuracy"),
    [("2.250", "10.000"), ("2.303", "27.400"), ("1.386", "27.400")],
    ids=["loss_below_ln_c", "accuracy_above_chance", "warm_up_plateau_near_ln_4"],
)
async def test_a_short_log_whose_loss_or_accuracy_leaves_the_uniform_guess_is_not_called_stuck(
    workspace, mode, loss, accuracy
):
    log = (
        "# Epoch: 001/010 | Train: 10.000% | Loss: 2.520%\n"
        f"# Epoch: 010/010 | Train: {accuracy}% | Loss: {loss}%\n"
        f"# Test accuracy: {accuracy}%\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert "loss_not_decreasing" not in reported(out), out["summary"]


VARIANTS = DATA / "variants_r9" / "curves"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        VARIANTS / "lightning_bar_reprints_healthy" / "stdout.log",
        VARIANTS / "lightning_bar_reprints_healthy" / "full.log",
        VARIANTS / "lgbm_rmse_slow_steady_fall_healthy" / "stdout.log",
        VARIANTS / "lgbm_rmse_slow_steady_fall_healthy" / "full.log",
    ],
    ids=["lightning_bar_window", "lightning_bar_full", "lgbm_window", "lgbm_full"],
)
async def test_real_healthy_runs_from_outside_the_sets_stay_quiet_whole_and_as_windows(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]
