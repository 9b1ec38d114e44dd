"""Round 6 of issue 13, training curves: blind6's false alarms on healthy runs, each fixed as a class (the normal
behaviour a rule mistook for failure) and checked on other real forms of it and on the failing runs the rule
exists for (tests/data/diagnosis/variants_r6/curves, README beside them: the source of each log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose_log, reported

DATA = Path(__file__).parent / "data" / "diagnosis"
VARIANTS = DATA / "variants_r6" / "curves"
BLIND6 = DATA / "blind6" / "cases"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        BLIND6 / "paste_modal_llm_finetune_deprecation_pr_healthy" / "stdout.log",
        BLIND6 / "paste_sbert_v3_trainer_log_healthy" / "stdout.log",
        BLIND6 / "paste_radiant_train_log_healthy" / "stdout.log",
        VARIANTS / "hf_lora_epoch1_25_low_flat_healthy" / "stdout.log",
    ],
    ids=lambda p: p.parent.name,
)
async def test_a_flat_loss_in_a_window_from_the_middle_of_a_run_is_a_plateau_not_a_stuck_run(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]
    weak = [w for w in out["weak_signals"] if w["category"] == "loss_not_decreasing"]
    assert weak and "mid-run" in str(weak)


@pytest.mark.anyio
async def test_a_mid_run_window_whose_loss_sits_at_ln_2_with_no_spread_is_still_a_stuck_run(workspace, mode):
    out = await diagnose_log(workspace, mode, VARIANTS / "midrun_flat_at_ln2_stuck" / "stdout.log")
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]


@pytest.mark.anyio
async def test_mxnets_epoch_2_window_of_a_flat_loss_is_a_plateau(workspace, mode):
    out = await diagnose_log(workspace, mode, VARIANTS / "mxnet_cornernet_epoch2_flat_healthy" / "stdout.log")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        BLIND6 / "paste_facerec_tf2_acc0_early_healthy" / "stdout.log",
        VARIANTS / "insightface_webface_arcface_loss43" / "stdout.log",
        VARIANTS / "token_arcface_loss17_epoch0" / "stdout.log",
    ],
    ids=lambda p: p.parent.name,
)
async def test_a_margin_softmax_loss_held_at_one_high_level_from_the_first_steps_is_no_blow_up(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert "exploding_gradients" not in reported(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", ["hf_trainer_lr5_binary", "lit_diverge_clipped"])
async def test_a_cross_entropy_far_above_chance_that_moves_is_still_a_blow_up(workspace, mode, case):
    out = await diagnose_log(workspace, mode, DATA / "real" / "cases" / case / "stdout.log")
    assert reported(out)[:1] == ["exploding_gradients"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        BLIND6 / "run_lit_early_stopping_healthy" / "stdout.log",
        *sorted(VARIANTS.glob("torch_early_stop_*_healthy/stdout.log")),
    ],
    ids=lambda p: p.parent.name,
)
async def test_validation_levelling_off_while_training_loss_still_falls_is_early_stopping_not_underfitting(
    workspace, mode, log
):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_training_and_validation_stuck_together_far_from_perfect_is_still_underfitting(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND6 / "run_keras_linear_spiral" / "stdout.log")
    assert reported(out)[:1] == ["underfitting"], out["summary"]


@pytest.mark.anyio
async def test_training_and_validation_accuracy_each_frozen_for_four_epochs_is_a_constant_answer(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND6 / "paste_keras_cnn_predicts_majority_class" / "stdout.log")
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "same answer" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        BLIND6 / "paste_yolov2_keras_val_loss_rises_epoch3" / "stdout.log",
        BLIND6 / "paste_cpm2_finetune_loss_stuck_ln2" / "stdout.log",
    ],
    ids=lambda p: p.parent.name,
)
async def test_a_loss_ending_a_few_percent_above_its_first_value_is_no_blow_up(workspace, mode, log):
    out = await diagnose_log(workspace, mode, log)
    assert "exploding_gradients" not in reported(out), out["summary"]
