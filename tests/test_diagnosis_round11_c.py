"""Round 11 of issue 13, generalisation verdicts (11c): a plateau judged against the noise floor the log prints (a
noise variance, a label-noise rate, a label agreement), and a validation loss turning up at every evaluation beside
an accuracy gap that is already decisive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from experiment_runner.diagnosis.baselines import printed_floor
from experiment_runner.diagnosis.model import REPORT_THRESHOLD
from tests.conftest import diagnose, top_category

DATA = Path(__file__).parent / "data" / "diagnosis"
R11 = DATA / "variants_r11" / "c"


def ranked(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"] if f["confidence"] >= REPORT_THRESHOLD]


def weak(out: dict) -> list[str]:
    return [w["category"] for w in out.get("weak_signals") or []]


async def diagnose_case(workspace, mode, case: str) -> dict:
    path = next(DATA.glob(f"*/cases/{case}"))
    args: dict = {"log_text": (path / "stdout.log").read_text()}
    stderr = path / "stderr.log"
    if stderr.is_file() and stderr.read_text():
        args["stderr_text"] = stderr.read_text()
    exit_code = json.loads((path / "meta.json").read_text()).get("exit_code")
    if exit_code is not None:
        args["exit_code"] = exit_code
    return await diagnose(workspace, mode, **args)


async def diagnose_file(workspace, mode, name: str) -> dict:
    return await diagnose(workspace, mode, log_text=(R11 / name).read_text())


# --- the floor a log prints, in the wordings the sets use ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("ratings 60000 from 300 users x 150 items; rating var 2.3266; noise var of the generator 0.0900", "mse", 0.09),
        ("data: 6000 rows x 12 sensors, target mean 1.650 var 36.7556, noise var 0.0100", "mse", 0.01),
        ("target variance 2.0792; noise variance 0.0100", "mse", 0.01),
        ("synthetic regression, noise_var=0.05", "mse", 0.05),
        ("valid rows 1000; label noise 3% (best achievable error ~0.03)", "error", 0.03),
        ("data: 3000 samples, 3 classes, label noise 0.1; model=linear", "error", 0.1),
        ("measured agreement with expert labels on an audit sample: 0.788", "error", 0.212),
    ],
)
def test_the_printed_floor_is_read_in_each_wording(line, kind, value):
    floor = printed_floor([line])
    assert floor is not None and floor.kind == kind and floor.value == pytest.approx(value)


@pytest.mark.parametrize(
    "line",
    [
        "rows 20000, features 8, target var 11.5688",  # a target variance is no floor
        "noise_rate=0.6 noise_type='symmetric'",  # the training labels' noise: no floor for a clean test set
        "label noise 60%",  # a rate past one half is no floor of an error rate
        "inter-annotator agreement 0.3",  # an agreement below one half is no accuracy ceiling
    ],
)
def test_lines_that_print_no_floor(line):
    assert printed_floor([line]) is None


# --- underfitting far above the floor; the floor itself is healthy --------------------------------------------------


@pytest.mark.anyio
async def test_a_rank1_factorisation_settling_at_20x_the_printed_noise_variance_underfits(workspace, mode):
    out = await diagnose_case(workspace, mode, "run_torch_mf_rank1_embeddings_underfit")
    assert top_category(out) == "underfitting", out["summary"]
    assert "noise variance" in str(out["findings"][0]["evidence"])


@pytest.mark.anyio
async def test_an_xgboost_error_settling_at_10x_the_printed_label_noise_underfits(workspace, mode):
    out = await diagnose_case(workspace, mode, "run_xgb_min_child_weight_150_underfit")
    assert top_category(out) == "underfitting", out["summary"]


@pytest.mark.anyio
async def test_a_plateau_at_the_label_agreement_the_log_prints_is_the_tasks_floor(workspace, mode):
    out = await diagnose_case(workspace, mode, "run_lit_crowd_label_noise_floor_plateau_healthy")
    assert ranked(out) == [], out["summary"]
    assert "underfitting" in weak(out)  # said, hedged


@pytest.mark.anyio
@pytest.mark.parametrize("name", ["mse_far_above_noise_variance.log", "rmse_far_above_noise_variance.log"])
async def test_a_squared_error_settling_far_above_the_printed_noise_variance_underfits(workspace, mode, name):
    out = await diagnose_file(workspace, mode, name)
    assert top_category(out) == "underfitting", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "name",
    [
        "mse_at_noise_variance.log",
        "mse_still_falling_above_noise_variance.log",
        "generic_loss_beside_noise_variance.log",
    ],
)
async def test_no_floor_verdict_at_the_floor_while_still_falling_or_on_a_loss_of_unknown_kind(workspace, mode, name):
    out = await diagnose_file(workspace, mode, name)
    assert "underfitting" not in ranked(out), out["summary"]


@pytest.mark.anyio
async def test_healthy_regressions_beside_a_printed_noise_variance_stay_quiet(workspace, mode):
    for case in ("run_lit_power_relu_healthy", "run_lit_power_clipped_healthy", "run_keras_warmup_spike_healthy"):
        out = await diagnose_case(workspace, mode, case)
        assert ranked(out) == [], (case, out["summary"])


# --- a validation turn beside a decisive accuracy gap -----------------------------------------------------------------


@pytest.mark.anyio
async def test_validation_rising_at_every_epoch_beside_a_decisive_accuracy_gap_is_overfitting(workspace, mode):
    out = await diagnose_case(workspace, mode, "paste2_keras_small_cnn_overfit_646_samples")
    assert top_category(out) == "overfitting", out["summary"]


@pytest.mark.anyio
async def test_validation_rising_at_every_epoch_without_an_accuracy_gap_stays_quiet(workspace, mode):
    lines = [
        "Epoch 1/9\n646/646 - loss: 1.60 - acc: 0.30 - val_loss: 1.40 - val_acc: 0.40",
        "Epoch 2/9\n646/646 - loss: 1.40 - acc: 0.40 - val_loss: 1.30 - val_acc: 0.45",
        "Epoch 3/9\n646/646 - loss: 1.30 - acc: 0.45 - val_loss: 1.22 - val_acc: 0.48",
        "Epoch 4/9\n646/646 - loss: 1.25 - acc: 0.47 - val_loss: 1.18 - val_acc: 0.50",
        "Epoch 5/9\n646/646 - loss: 1.21 - acc: 0.49 - val_loss: 1.15 - val_acc: 0.51",
        "Epoch 6/9\n646/646 - loss: 1.19 - acc: 0.50 - val_loss: 1.1510 - val_acc: 0.51",
        "Epoch 7/9\n646/646 - loss: 1.18 - acc: 0.51 - val_loss: 1.1520 - val_acc: 0.51",
        "Epoch 8/9\n646/646 - loss: 1.17 - acc: 0.52 - val_loss: 1.1530 - val_acc: 0.51",
        "Epoch 9/9\n646/646 - loss: 1.16 - acc: 0.53 - val_loss: 1.1540 - val_acc: 0.50",
    ]
    out = await diagnose(workspace, mode, log_text="\n".join(lines) + "\n")
    assert "overfitting" not in ranked(out), out["summary"]


# --- LightGBM's `<set>'s l2`: a regression's deviation by its norm ---------------------------------------------------


@pytest.mark.anyio
async def test_lightgbm_l2_settling_at_73x_the_printed_noise_variance_underfits(workspace, mode):
    out = await diagnose_case(workspace, mode, "run_lgb_max_bin_2_underfit")
    assert top_category(out) == "underfitting", out["summary"]


@pytest.mark.anyio
async def test_r_lightgbm_l2_wording_far_above_the_printed_noise_variance_underfits(workspace, mode):
    # R's lightgbm prints `[i]:    train's l2:0.0950898    valid's l2:0.100327` (blind11 paste2_lightgbm_r_*)
    lines = ["noise var 0.0100"]
    for i in range(1, 15):
        v = 1.0 + 3.0 * 0.5**i
        lines.append(f"[{i}]:    train's l2:{v * 0.99:.6g}    valid's l2:{v:.6g}")
    out = await diagnose(workspace, mode, log_text="\n".join(lines) + "\n")
    assert top_category(out) == "underfitting", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        "run_lgb_no_further_splits_warnings_early_stop_healthy",
        "paste2_lightgbm_r_l2_both_falling_healthy",
        "paste2_lgbm_cv_l1_with_warning",
    ],
)
async def test_healthy_lightgbm_l1_l2_runs_stay_quiet(workspace, mode, case):
    out = await diagnose_case(workspace, mode, case)
    assert ranked(out) == [], out["summary"]
