"""Round 10 of issue 13, non-finite and stuck losses (10b): which series is a loss when no main loss is logged, a
loss printed as 0 beside a NaN gradient norm, and a loss that climbs back to a chance level; each beside the
near-miss that must stay quiet. Fixtures: tests/data/diagnosis/variants_r10/nonfinite_stuck (README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from experiment_runner.diagnosis.model import REPORT_THRESHOLD
from tests.conftest import diagnose, top_category

DATA = Path(__file__).parent / "data" / "diagnosis"
HERE = DATA / "variants_r10" / "nonfinite_stuck"
BLIND4 = DATA / "blind4" / "cases"
BLIND10 = DATA / "blind10" / "cases"
REAL = DATA / "real" / "cases"


async def diagnose_log(workspace, mode, log: Path, **more) -> dict:
    return await diagnose(workspace, mode, log_text=log.read_text(), **more)


def ranked(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"] if f["confidence"] >= REPORT_THRESHOLD]


# --- a NaN in a named loss term when no main loss is logged ------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        "stylegan2_d_g_loss_nan.log",  # D_loss / G_loss, one `name: value` list over several lines
        "gan_g_loss_nan_convmesh.log",  # g_loss / d_fake_loss / d_real_loss, `name value` pairs
        "gan_d_g_loss_nan_tf_tutorial.log",  # `D loss: nan G loss: nan` after finite epochs
    ],
)
async def test_a_nan_in_the_terms_of_a_loss_is_a_nan_loss_when_no_main_loss_is_logged(workspace, mode, log):
    out = await diagnose_log(workspace, mode, HERE / log)
    assert top_category(out) == "nan_or_inf_loss", out["summary"]


@pytest.mark.anyio
async def test_a_distillation_loss_nan_from_its_first_step_is_a_nan_loss(workspace, mode):
    case = BLIND10 / "run_lit_distill_kl_zero_teacher_probs"
    out = await diagnose(
        workspace,
        mode,
        log_text=(case / "stdout.log").read_text(),
        stderr_text=(case / "stderr.log").read_text(),
        exit_code=0,
    )
    assert top_category(out) == "nan_or_inf_loss", out["summary"]
    assert "kd_loss" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
async def test_an_evaluation_loss_nan_only_before_its_first_evaluation_and_counters_named_nan_stay_quiet(
    workspace, mode
):
    out = await diagnose_log(workspace, mode, HERE / "near_miss_placeholder_and_counters.log")
    assert ranked(out) == [], out["summary"]


# --- a loss printed as exactly 0 beside a NaN gradient norm -------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        "hf_zero_loss_nan_grad_llamafactory_win.log",  # 0.0 twice, then finite losses again: not frozen
        "hf_zero_loss_nan_grad_single_record.log",  # one record is enough
        "hf_zero_loss_nan_grad_modernbert.log",  # frozen at 0 (the round-8 rule) and zero beside NaN alike
    ],
)
async def test_a_loss_of_exactly_zero_beside_a_nan_gradient_norm_is_a_nan_loss(workspace, mode, log):
    out = await diagnose_log(workspace, mode, HERE / log)
    assert top_category(out) == "nan_or_inf_loss", out["summary"]


@pytest.mark.anyio
async def test_a_zero_loss_beside_a_nan_norm_is_read_from_the_line_when_the_record_cannot_be_parsed(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND10 / "paste_llamafactory_qwen14b_loss0_gradnan" / "stdout.log")
    assert top_category(out) == "nan_or_inf_loss", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "log",
    [
        "near_miss_zero_component_beside_nan_norm.log",  # `loss_aux: 0.0000` is a component that may be zero
        "mmengine_grad_norm_nan_loss_finite_xtuner.log",  # `loss: 2.5128  grad_norm: nan`: a finite, moving loss
    ],
)
async def test_a_zero_component_or_a_finite_loss_beside_a_nan_norm_is_no_nan_loss(workspace, mode, log):
    out = await diagnose_log(workspace, mode, HERE / log)
    assert "nan_or_inf_loss" not in ranked(out), out["summary"]


@pytest.mark.anyio
async def test_a_nonzero_loss_beside_a_nan_gradient_norm_average_stays_quiet(workspace, mode):
    out = await diagnose_log(workspace, mode, HERE / "beit_grad_norm_avg_nan_loss_scale_healthy.log")
    assert ranked(out) == [], out["summary"]


@pytest.mark.anyio
async def test_one_skipped_fp16_step_with_a_nan_norm_and_a_falling_loss_stays_quiet(workspace, mode):
    out = await diagnose_log(workspace, mode, REAL / "paste_tablemaster_grad_norm_nan_first" / "stdout.log")
    assert ranked(out) == [], out["summary"]


# --- a loss that climbs back to a chance level --------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_loss_back_at_ln_10_with_accuracy_at_chance_is_a_collapse_not_a_divergence(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND10 / "paste_torch_mnist_acc_collapse_chance" / "stdout.log")
    assert top_category(out) == "loss_not_decreasing", out["summary"]
    assert "exploding_gradients" not in ranked(out)


@pytest.mark.anyio
async def test_a_collapse_to_ln_2_is_read_the_same_way(workspace, mode):
    losses = [0.30, 0.15, 0.08, 0.05, 0.06, 0.09, 0.2, 0.45, 0.6931, 0.6932, 0.6931]
    log = "".join(f"epoch {i} loss {v:.4f}\n" for i, v in enumerate(losses, 1))
    out = await diagnose(workspace, mode, log_text=log)
    assert top_category(out) == "loss_not_decreasing", out["summary"]


@pytest.mark.anyio
async def test_a_loss_that_climbs_far_past_any_chance_level_is_still_a_divergence(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND4 / "paste_keras_sequential_diverges_epoch10" / "stdout.log")
    assert top_category(out) == "exploding_gradients", out["summary"]


@pytest.mark.anyio
async def test_loss_statistics_nan_before_learning_starts_stay_quiet(workspace, mode):
    out = await diagnose_log(workspace, mode, HERE / "rlpyt_loss_nan_before_learning_starts.log")
    assert ranked(out) == [], out["summary"]


# --- a per-batch loss scattered too widely to show a stall ---------------------------------------------------------


@pytest.mark.anyio
async def test_a_running_loss_scattering_by_a_quarter_of_its_level_is_not_flat_from_the_start(workspace, mode):
    out = await diagnose_log(workspace, mode, BLIND10 / "paste_simpletransformers_running_loss_noise" / "stdout.log")
    assert ranked(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_loss_that_repeats_its_level_to_a_few_parts_in_a_thousand_is_still_flat(workspace, mode):
    losses = [2.5861, 2.5903, 2.5877, 2.5912, 2.5869, 2.5935, 2.5890, 2.5921, 2.5884, 2.5979]
    log = "".join(f"epoch {i} step {75 * i} loss {v:.4f}\n" for i, v in enumerate(losses, 1))
    out = await diagnose(workspace, mode, log_text=log)
    assert top_category(out) == "loss_not_decreasing", out["summary"]
