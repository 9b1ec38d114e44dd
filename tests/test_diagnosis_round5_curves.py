"""Round 5 of issue 13, training curves: rules over the structure of the metric series, each checked on other
forms of the failure than the blind5 case that showed the gap, and on healthy twins that must stay quiet
(tests/data/diagnosis/variants_r5/curves, README beside them: the source of each log)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import diagnose_log, reported

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r5" / "curves"


async def diagnose_case(workspace, mode, case: str) -> dict:
    return await diagnose_log(workspace, mode, VARIANTS / case / "stdout.log")


def evidence(out: dict) -> list[str]:
    return [e["summary"] for f in out["findings"] for e in f["evidence"]]


@pytest.mark.anyio
@pytest.mark.parametrize("case", ["caffe_imagenet_ln1000", "caffe_init_saturated_then_ln10"])
async def test_a_flat_loss_at_minus_ln_of_a_constant_accuracy_is_a_uniform_guess_not_a_blow_up(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out)[:1] == ["loss_not_decreasing"], out["summary"]
    assert "uniform guess" in out["findings"][0]["headline"]
    assert "exploding_gradients" not in reported(out)


@pytest.mark.anyio
async def test_a_saturated_loss_at_step_zero_that_the_run_then_leaves_for_good_is_no_blow_up(workspace, mode):
    out = await diagnose_case(workspace, mode, "caffe_init_saturated_then_learns")
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_a_run_whose_accuracy_moves_is_no_uniform_guess(workspace, mode):
    out = await diagnose_case(workspace, mode, "keras_cnn_learning_slowly")
    assert not any("uniform guess" in s for s in evidence(out)), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        "mmdet_detectors_gradnorm_4e12",
        "openpi_loss_4e8_gradnorm_1e6",
        "hf_grokfast_gradnorm_climbing",
        "mmengine_one_line_gradnorm_1e12",
        "hf_one_dict_gradnorm_1e11",
    ],
)
async def test_a_gradient_norm_orders_of_magnitude_beyond_normal_is_a_blow_up_from_few_lines(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out)[:1] == ["exploding_gradients"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        "mmdet_frcnn_healthy",
        "mmdet_streammapnet_healthy",
        "torch_raw_target_regression_healthy",
        "torch_raw_target_regression_first3",
    ],
)
async def test_normal_norms_or_a_large_scale_loss_that_falls_steadily_are_no_blow_up(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert "exploding_gradients" not in reported(out), out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        "ds_loss_scaler_at_min_new_wording",
        "ds_llama_scale_falls_to_2",
        "fairseq_scale_to_floor",
        "apex_scale_below_one",
    ],
)
async def test_a_loss_scale_at_its_floor_overflowing_again_is_a_collapse_in_each_librarys_wording(
    workspace, mode, case
):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out)[:1] == ["amp_loss_scale_collapse"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case", ["ds_cogvideo_scale_settles_healthy", "ds_hysteresis_8192_healthy", "ds_zero2_same_value_65536_healthy"]
)
async def test_deepspeed_overflows_at_a_high_scale_are_the_scaler_working(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", ["boost_lgbm-multi-overfit", "boost_xgb-overfit", "keras_digits_noisy_cut"])
async def test_training_fitted_perfectly_while_validation_turns_worse_is_overfitting_for_trees_and_nets(
    workspace, mode, case
):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out)[:1] == ["overfitting"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("case", ["boost_lgbm-binary-healthy", "boost_xgb-healthy", "keras_digits_clean"])
async def test_a_gap_with_validation_still_at_its_best_is_no_overfitting(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert reported(out) == [], out["summary"]


@pytest.mark.anyio
async def test_one_lucky_validation_score_above_a_flat_level_of_an_already_fitted_model_is_no_memorising(
    workspace, mode
):
    # the shape of keras #1971 (one high val_acc, then a lower level) but the training loss was already at its
    # floor at that best: a small validation set's noise, not a turn
    val_accs = [0.95, 0.95, 0.92, 0.95, 0.98, 0.95, 0.95, 0.95]
    text = "".join(
        f"Epoch {i + 1}/8\n2s - loss: 5.0000e-04 - acc: 1.0000 - val_loss: 0.1200 - val_acc: {v:.4f}\n"
        for i, v in enumerate(val_accs)
    )
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", {"log_text": text})
    assert "overfitting" not in reported(r.structured_content), r.structured_content["summary"]
