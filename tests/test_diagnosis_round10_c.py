"""Round 10 of issue 13, generalisation verdicts (10c): underfitting only on a plateau (not on a validation still at
a new best), validation that is the training set seen one epoch late, and a held-out accuracy at chance beside a
training side that fits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from experiment_runner.diagnosis.model import REPORT_THRESHOLD
from tests.conftest import diagnose, top_category

DATA = Path(__file__).parent / "data" / "diagnosis"
BLIND10 = DATA / "blind10" / "cases"
R10 = DATA / "variants_r10" / "c"


def ranked(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"] if f["confidence"] >= REPORT_THRESHOLD]


def weak(out: dict) -> list[str]:
    return [w["category"] for w in out.get("weak_signals") or []]


async def diagnose_case(workspace, mode, case: Path) -> dict:
    args: dict = {"log_text": (case / "stdout.log").read_text()}
    stderr = case / "stderr.log"
    if stderr.is_file() and stderr.read_text():
        args["stderr_text"] = stderr.read_text()
    exit_code = json.loads((case / "meta.json").read_text()).get("exit_code")
    if exit_code is not None:
        args["exit_code"] = exit_code
    return await diagnose(workspace, mode, **args)


async def diagnose_text(workspace, mode, text: str) -> dict:
    return await diagnose(workspace, mode, log_text=text)


# --- underfitting: a plateau, not a run stopped while it improves ---------------------------------------------------


@pytest.mark.anyio
async def test_a_run_whose_validation_is_at_a_new_best_on_loss_and_accuracy_at_its_last_epoch_is_not_underfitting(
    workspace, mode
):
    out = await diagnose_case(workspace, mode, BLIND10 / "run_lit_bf16_mixed_cpu_cnn_healthy")
    assert ranked(out) == [], out["summary"]
    assert "underfitting" in weak(out)  # said, hedged: it may only have been stopped early


@pytest.mark.anyio
async def test_a_keras_plateau_whose_accuracy_is_off_its_best_at_the_end_still_underfits(workspace, mode):
    out = await diagnose_case(workspace, mode, BLIND10 / "paste2_keras_cnn_plateau_075")
    assert top_category(out) == "underfitting", out["summary"]


# --- leakage: validation that is the training set, one epoch late ---------------------------------------------------


@pytest.mark.anyio
async def test_validation_equal_to_the_next_epochs_training_loss_in_keras_is_the_training_set(workspace, mode):
    out = await diagnose_case(workspace, mode, BLIND10 / "paste2_keras_lstm_val_is_train_set")
    assert top_category(out) == "data_leakage", out["summary"]
    assert "next epoch" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
async def test_validation_equal_to_the_next_epochs_training_loss_in_a_torch_loop_is_the_training_set(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "torch_full_batch_val_train.log").read_text())
    assert top_category(out) == "data_leakage", out["summary"]


@pytest.mark.anyio
async def test_three_epochs_of_the_torch_leak_are_enough(workspace, mode):
    head = "".join((R10 / "torch_full_batch_val_train.log").read_text().splitlines(keepends=True)[:4])
    out = await diagnose_text(workspace, mode, head)
    assert top_category(out) == "data_leakage", out["summary"]


@pytest.mark.anyio
async def test_the_same_loop_validating_on_held_out_rows_raises_nothing(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "torch_full_batch_val_held.log").read_text())
    assert ranked(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_frozen_model_scoring_alike_on_both_splits_is_not_read_as_leakage(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "torch_full_batch_val_train_lr0.log").read_text())
    assert "data_leakage" not in ranked(out), out["summary"]
    assert top_category(out) == "loss_not_decreasing", out["summary"]


@pytest.mark.anyio
async def test_one_epoch_off_the_shifted_identity_is_no_leak(workspace, mode):
    text = (R10 / "torch_full_batch_val_train.log").read_text().replace("5/10 - loss: 0.5291", "5/10 - loss: 0.5293")
    assert "5/10 - loss: 0.5293 - val_loss" in text
    out = await diagnose_text(workspace, mode, text)
    assert "data_leakage" not in ranked(out), out["summary"]


# --- overfitting: held-out accuracy at chance beside a training side that fits ---------------------------------------


@pytest.mark.anyio
async def test_validation_at_chance_with_its_loss_rising_while_keras_training_accuracy_rises_is_overfitting(
    workspace, mode
):
    out = await diagnose_case(workspace, mode, BLIND10 / "paste2_keras_lstm_val_loss_rises")
    assert top_category(out) == "overfitting", out["summary"]


@pytest.mark.anyio
async def test_a_wide_torch_model_fitting_random_labels_for_a_few_epochs_is_overfitting(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "random_labels_wide.log").read_text())
    assert top_category(out) == "overfitting", out["summary"]


@pytest.mark.anyio
async def test_a_linear_model_at_chance_on_both_splits_learns_nothing(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "random_labels_linear.log").read_text())
    assert top_category(out) == "loss_not_decreasing", out["summary"]


@pytest.mark.anyio
async def test_a_training_accuracy_that_wanders_near_chance_beside_validation_at_chance_learns_nothing(workspace, mode):
    out = await diagnose_text(workspace, mode, (R10 / "keras_rwf2000_val_accuracy_050.log").read_text())
    assert "overfitting" not in ranked(out), out["summary"]
