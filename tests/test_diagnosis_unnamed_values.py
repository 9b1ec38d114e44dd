"""NaN or Inf printed where a training line's values go, without a name (diagnosis/unnamed_values.py): real lines
from public threads (VITS's bare loss lists, a step-and-loss pair from a BART pretraining log), with the quiet
near-misses from real healthy logs (a NaN spread, a running mean in brackets, named reward fields, a skipped step),
through a real MCP client in both protocol modes."""

from __future__ import annotations

import pytest
from conftest import DATA, diagnose, reported

from experiment_runner.diagnosis.unnamed_values import unnamed_nonfinite

pytestmark = pytest.mark.anyio

CASES = DATA / "diagnosis"


def _log(corpus_case: str) -> str:
    return (CASES / corpus_case / "stdout.log").read_text()


async def test_a_bare_loss_list_gone_nan_while_the_step_counts_up_is_a_nan_loss(workspace, mode):
    # VITS (blind10): `[nan, nan, nan, 83.04, 0.99, inf, 28400, 0.000199]` every 200 steps
    out = await diagnose(workspace, mode, log_text=_log("blind10/cases/paste_vits_chinese_loss_nan_inf"))
    assert reported(out)[:1] == ["nan_or_inf_loss"], out["summary"]
    ev = next(e for e in out["findings"][0]["evidence"] if e["data"].get("rule") == "unnamed_nonfinite")
    assert "place 1" in ev["summary"] and "counts 28400 ->" in ev["summary"]


async def test_a_step_and_loss_pair_turning_nan_is_a_nan_loss_from_the_line_it_turned(workspace, mode):
    # mBART pretraining (blind9): `76970 2.6265104` then `76980 nan`, `76990 nan`, `77000 nan`
    out = await diagnose(workspace, mode, log_text=_log("blind9/cases/paste_yanmtt_bart_pretrain_fp16_nan"))
    assert reported(out)[:1] == ["nan_or_inf_loss"], out["summary"]
    ev = next(e for e in out["findings"][0]["evidence"] if e["data"].get("rule") == "unnamed_nonfinite")
    assert ev["data"]["turned"] is True and "it was 2.6265104" in ev["summary"]
    assert ev["text"].startswith("76980 nan")


@pytest.mark.parametrize(
    "case",
    [
        "blind3/cases/paste_baadd_nan_percent_std_healthy",  # `9.0820 ±  nan%`: the spread of one sample
        "blind12/cases/paste_labram_tuab_gradnorm_inf_running_mean",  # `grad_norm: inf (inf)`: a running mean
        "blind11/cases/paste2_sb_ppo2_ep_rewmean_nan_healthy",  # `| ep_rewmean | nan |`: named, a reward
        "blind11/cases/paste2_mlagents_mean_reward_nan_healthy",  # `Mean Reward: nan`: named
        "blind8/cases/paste2_lgbm_no_split_warnings",  # `best gain: -inf`: named, LightGBM's own
    ],
)
async def test_real_healthy_logs_with_nan_in_other_places_stay_quiet(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=_log(case))
    assert out["findings"] == [], out["summary"]


def test_a_value_finite_again_on_the_last_line_of_its_shape_is_a_skipped_step():
    lines = list(enumerate(["100 2.61", "110 nan", "120 nan", "130 2.58"], start=1))
    assert unnamed_nonfinite("stdout", lines) is None


def test_a_table_row_under_a_header_printed_once_reads_by_its_place():
    # yolov5's training table: the header names the columns once; every row after it is unnamed
    header = "     Epoch   gpu_mem       box       obj       cls     total    labels  img_size"
    rows = [f"     {i}/299    0.489G       nan       nan       nan       nan        10       640" for i in range(4)]
    ev = unnamed_nonfinite("stdout", list(enumerate([header, *rows], start=1)))
    # places: 0, 299 (the epoch counter), then box = place 3; `0.489G` is no value (a unit is stuck to it)
    assert ev is not None and ev.data["place"] == 3 and ev.count == 4
    assert "counts 0 -> 3" in ev.summary


def test_two_lines_of_a_shape_say_nothing_and_no_counter_means_no_evidence():
    assert unnamed_nonfinite("stdout", [(1, "7 nan 3"), (2, "8 nan 3")]) is None
    same = [(i, "0.5 nan 3") for i in range(1, 6)]  # nothing counts up and nothing was finite before
    assert unnamed_nonfinite("stdout", same) is None
