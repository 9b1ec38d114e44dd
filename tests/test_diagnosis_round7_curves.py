"""Round 7 of issue 13, training curves: finite runs judged by the shape of their curves against their own scale,
rules written from the pooled development sets (blind3-blind7, real) and checked on real runs from outside them
(tests/data/diagnosis/variants_r7/curves, README beside them: the script and versions that made each log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diagnose, diagnose_log, reported

DATA = Path(__file__).parent / "data" / "diagnosis"
VARIANTS = DATA / "variants_r7" / "curves"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        DATA / "blind6" / "cases" / "run_hf_gpt2_memorises_40_sentences" / "stdout.log",
        VARIANTS / "hf_gpt2_24_sentences_logging_30_overfit" / "stdout.log",
    ],
    ids=lambda p: p.parent.name,
)
async def test_a_training_loss_logged_at_another_cadence_than_validation_is_compared_on_the_epochs_both_name(
    workspace, mode, log
):
    out = await diagnose_log(workspace, mode, log)
    assert reported(out)[:1] == ["overfitting"], out["summary"]
    assert "epoch" in out["findings"][0]["headline"]


@pytest.mark.anyio
async def test_a_trainer_run_whose_validation_keeps_falling_is_quiet_whatever_its_logging_cadence(workspace, mode):
    log = VARIANTS / "hf_gpt2_600_sentences_12_epochs_logging_40_healthy" / "stdout.log"
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_gradient_norm_grown_tenfold_as_the_loss_turned_back_up_ranks_above_the_stalled_loss(workspace, mode):
    log = DATA / "blind7" / "cases" / "paste_crystal_llm_13b_grad_norm_100x_loss_rises" / "stdout.log"
    out = await diagnose_log(workspace, mode, log)
    assert reported(out)[:2] == ["exploding_gradients", "loss_not_decreasing"], out["summary"]
    stalled = next(f for f in out["findings"] if f["category"] == "loss_not_decreasing")
    assert "consequence of" in stalled["headline"] and "grew tenfold" in stalled["headline"]


def _bayesflow_losses() -> list[float]:
    text = (DATA / "blind7" / "cases" / "paste_bayesflow_loss_blowup_3543009_then_recovers" / "stdout.log").read_text()
    return [float(v) for v in text.strip(". \n").split(",") if v.strip(" .")]


@pytest.mark.anyio
async def test_a_negative_loss_that_leaps_orders_of_magnitude_above_its_level_is_a_blow_up_even_when_it_recovers(
    workspace, mode
):
    losses = _bayesflow_losses()
    assert min(losses) < -7 and max(losses) > 3e6
    out = await diagnose(workspace, mode, metrics={"loss": losses})
    assert reported(out)[:1] == ["exploding_gradients"], out["summary"]
    assert "running level" in out["findings"][0]["headline"]


@pytest.mark.anyio
async def test_one_odd_batch_of_a_negative_loss_that_returns_at_once_is_no_blow_up(workspace, mode):
    # the same level and noise, one batch orders of magnitude up, and the very next value back at the level
    level = [-7.8 + 0.05 * ((i * 7) % 5 - 2) for i in range(40)]
    level[20] = 3543009.5
    out = await diagnose(workspace, mode, metrics={"loss": level})
    assert "exploding_gradients" not in reported(out), out["summary"]


@pytest.mark.anyio
async def test_a_flows_negative_log_likelihood_falling_by_orders_of_magnitude_is_quiet(workspace, mode):
    out = await diagnose_log(workspace, mode, VARIANTS / "distrax_flow_nll_negative_falls_healthy" / "stdout.log")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_short_log_whose_held_out_score_repeats_one_value_while_no_loss_moves_is_a_constant_answer(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, DATA / "real" / "cases" / "paste_bert_lr1e3_not_learning" / "stdout.log")
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "dev_f1 is exactly" in out["findings"][0]["headline"]


@pytest.mark.anyio
async def test_an_accuracy_repeating_zero_while_the_loss_swings_by_a_fifth_is_no_constant_answer(workspace, mode):
    # ArcFace's first steps: accuracy 0 at every step, the loss 54.6-69.8, ending where it began
    log = DATA / "blind6" / "cases" / "paste_facerec_tf2_acc0_early_healthy" / "stdout.log"
    out = await diagnose_log(workspace, mode, log)
    assert reported(out) == [], out["summary"]
