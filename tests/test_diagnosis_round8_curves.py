"""Round 8 of issue 13, training curves (8b): finite curves and causal order, rules written from the pooled
development sets (real, blind3-blind8) and checked on real runs from outside them
(tests/data/diagnosis/variants_r8/curves, README beside them: the script and versions that made each log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose, diagnose_log, reported

DATA = Path(__file__).parent / "data" / "diagnosis"
BLIND8 = DATA / "blind8" / "cases"
VARIANTS = DATA / "variants_r8" / "curves"


@pytest.mark.anyio
async def test_a_loss_that_grows_tenfold_in_size_going_negative_before_nan_ranks_the_divergence_above_the_nan(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, BLIND8 / "paste_hake_ae_loss_diverges_then_nan" / "stdout.log")
    assert reported(out)[:2] == ["exploding_gradients", "nan_or_inf_loss"], out["summary"]
    assert "-801.8" in out["findings"][0]["headline"] or "-801.8" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("losses", "expected"),
    [
        ([2.1, 1.4, 0.9, 0.6, float("nan")], "nan_or_inf_loss"),  # fell, then a numerical hole
        ([1.2, 0.4, -1.5, -15.0, -40.0, float("nan")], "exploding_gradients"),  # 12x its first size, negative
        ([1.36, 0.86, 0.1, -0.71, -1.23, float("inf")], "nan_or_inf_loss"),  # through zero, never 10x its size
    ],
    ids=["falling", "negative_tenfold", "through_zero"],
)
async def test_the_nan_is_the_cause_unless_the_loss_first_grew_an_order_of_magnitude_in_size_from_its_start(
    workspace, mode, losses, expected
):
    log = "".join(f"step {(i + 1) * 100} loss {v:.4f}\n" for i, v in enumerate(losses))
    out = await diagnose(workspace, mode, log_text=log)
    assert reported(out)[:1] == [expected], out["summary"]


@pytest.mark.anyio
async def test_a_detector_table_whose_unnamed_box_obj_cls_columns_are_nan_is_a_nan_loss(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND8 / "paste2_yolov5_gpu_nan_epoch1" / "stdout.log")
    assert reported(out)[:1] == ["nan_or_inf_loss"], out["summary"]


@pytest.mark.anyio
async def test_one_unnamed_non_finite_column_beside_an_epoch_counter_is_not_read_as_a_loss(workspace, mode):
    log = "".join(f"epoch {e} widgets {'nan' if e == 3 else e * 2}\n" for e in range(1, 6))
    out = await diagnose(workspace, mode, log_text=log)
    assert "nan_or_inf_loss" not in reported(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        BLIND8 / "paste2_rkeras_regression_acc_zero" / "stdout.log",
        VARIANTS / "keras_regression_accuracy_zero_healthy" / "stdout.log",
    ],
    ids=lambda p: p.parent.name,
)
async def test_a_regression_whose_keras_accuracy_prints_zero_at_every_epoch_raises_no_alarm(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_short_training_loss_that_rises_at_every_round_from_the_first_is_not_decreasing(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND8 / "paste2_lgbm_logloss_rises_double_weight" / "stdout.log")
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "never fell" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
async def test_a_short_training_loss_that_dips_once_is_not_called_rising(workspace, mode):
    metrics = {"loss": [[1, 0.71], [2, 0.73], [3, 0.72], [4, 0.75]]}
    out = await diagnose(workspace, mode, metrics=metrics)
    assert "loss_not_decreasing" not in reported(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [BLIND8 / "paste2_sqlflow_xgb_val_equals_train" / "stdout.log", VARIANTS / "xgb_validate_is_train" / "stdout.log"],
    ids=lambda p: p.parent.name,
)
async def test_an_xgboost_set_scored_equal_to_train_at_every_round_under_any_name_is_leakage(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out)[:1] == ["data_leakage"], out["summary"]


@pytest.mark.anyio
async def test_an_xgboost_set_of_that_name_that_is_really_held_out_stays_quiet(workspace, mode):
    out = await diagnose_log(workspace, mode, VARIANTS / "xgb_validate_held_out_healthy" / "stdout.log")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_validation_loss_rising_at_every_epoch_after_its_low_by_half_its_fall_is_overfitting_however_small(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, BLIND8 / "paste2_keras_val_loss_turns_up" / "stdout.log")
    assert reported(out)[:1] == ["overfitting"], out["summary"]


@pytest.mark.anyio
async def test_a_validation_loss_that_wobbles_after_its_low_without_rising_every_epoch_is_quiet(workspace, mode):
    train = [55.8, 53.4, 51.1, 48.8, 46.7, 44.7, 42.7]
    val = [26.45, 26.30, 26.21, 26.17, 26.19, 26.18, 26.20]
    log = "".join(f"Epoch {e + 1}/200\n - 2s - loss: {t} - val_loss: {v}\n" for e, (t, v) in enumerate(zip(train, val)))
    out = await diagnose(workspace, mode, log_text=log)
    assert "overfitting" not in reported(out), out["summary"]
