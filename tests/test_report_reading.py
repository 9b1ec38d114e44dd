"""check_report reads reports by their structure, the way people write them (issue 14, second round): a restated
hypothesis vs a changed one, a setup number vs a result, a listing of runs vs one run given as the arm's result, a
summary before the table vs a mention after it, a claim about a secondary metric, a row over hand-picked seeds.
Through a real MCP client, in both protocol modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = pytest.mark.anyio

ACC = {"no_aug": [0.9514, 0.9522, 0.9503, 0.9533, 0.9501], "cutout": [0.9559, 0.9533, 0.9549, 0.9560, 0.9574]}
LOSS = {"no_aug": [0.2002, 0.2016, 0.2032, 0.2067, 0.1934], "cutout": [0.1842, 0.1827, 0.1796, 0.1821, 0.1903]}
HYPOTHESIS = "Cutout raises the validation accuracy of a ResNet-18 above training without augmentation."
PLAN = {
    "primary_metric": "val_acc",
    "higher_is_better": True,
    "baseline": "no_aug",
    "metrics": ["val_loss"],
    "registered": {"hypothesis": HYPOTHESIS},
}
TABLE = """| Augmentation | val_acc (%) | val_loss | n |
|---|---|---|---|
| none (baseline) | 95.15 ± 0.13 | 0.2010 ± 0.0049 | 5 |
| Cutout | 95.55 ± 0.15 | 0.1838 ± 0.0040 | 5 |"""


def _results(ws: Path, rows: list[str] | None = None) -> str:
    if rows is None:
        rows = [
            f"{arm},{s},completed,{a},{b}"
            for arm in ACC
            for s, (a, b) in enumerate(zip(ACC[arm], LOSS[arm], strict=True))
        ]
    (ws / "r.csv").write_text("method,seed,status,val_acc,val_loss\n" + "\n".join(rows) + "\n")
    return "r.csv"


async def _findings(ws: Path, mode: str, text: str, rows: list[str] | None = None) -> list[dict]:
    f = _results(ws, rows)
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool("check_report", {"report": text, "results_file": f, "plan": PLAN})
    assert not r.is_error, result_text(r)
    return r.structured_content["findings"]


def _report(*parts: str) -> str:
    return "\n\n".join(["# Cutout on CIFAR-10", *parts]) + "\n"


RESULTS = "## Results\n\nMean ± sample std over 5 seeds.\n\n" + TABLE


async def test_a_hypothesis_restated_word_for_word_or_in_other_words_is_no_change(workspace, mode):
    for said in (
        f"Pre-registered hypothesis: *{HYPOTHESIS}* Primary metric `val_acc`; Welch's t-test, alpha 0.05.",
        f'Registered hypothesis (word for word): "{HYPOTHESIS}" Baseline = no augmentation.',
        "Hypothesis: Cutout raises ResNet-18 validation accuracy above training with no augmentation.",
    ):
        assert await _findings(workspace, mode, _report(said, RESULTS)) == [], said


async def test_a_hypothesis_with_a_threshold_added_is_changed_and_the_finding_says_how(workspace, mode):
    changed = HYPOTHESIS.replace("augmentation.", "augmentation by at least 1 point.")
    found = await _findings(workspace, mode, _report(f"Hypothesis: {changed}", RESULTS))
    assert [f["code"] for f in found] == ["L06"] and found[0]["line"] == 3
    assert "numbers changed (now 1)" in found[0]["message"] and "bounds changed" in found[0]["message"]


async def test_setup_numbers_under_a_paragraph_label_or_in_a_settings_list_are_not_results(workspace, mode):
    text = _report(
        "**Data.** CIFAR-10: 50,000 training images, 10,000 test images, 10 classes, 23 hand-made features.",
        "Model: ResNet-18 (d=512), SGD lr=0.1, 256 SentencePiece-style units, batch 128.",
        "Cutout's patch follows RandAugment's notation (N=2, M=9, T=40 beside F=27).",
        RESULTS,
        "We have not tried 0.35 or higher; the literature uses scale 30.",
    )
    assert await _findings(workspace, mode, text) == []


async def test_a_number_in_a_sentence_about_an_arm_is_still_checked(workspace, mode):
    found = await _findings(workspace, mode, _report(RESULTS, "Cutout reaches 96.35% validation accuracy."))
    assert [f["code"] for f in found] == ["L02"], found


async def test_a_listing_or_a_range_of_an_arms_runs_is_no_cherry_picked_number(workspace, mode):
    text = _report(
        RESULTS,
        "Every run of Cutout: 95.59, 95.33, 95.49, 95.60, 95.74; its seeds range from 95.33% to 95.74%.",
        "The baseline spans 95.01 to 95.33 across seeds, and two of its seeds (95.01 and 95.03) are the lowest.",
    )
    assert await _findings(workspace, mode, text) == []


async def test_a_middle_seed_given_as_the_arms_result_is_a_cherry_picked_number(workspace, mode):
    found = await _findings(workspace, mode, _report(RESULTS, "With Cutout, the ResNet-18 reaches 95.60% accuracy."))
    assert [f["code"] for f in found] == ["L11"], found
    assert "val_acc of run cutout/seed3" in found[0]["message"] and "the arm's result is" in found[0]["message"]


async def test_a_best_seed_in_an_abstract_is_flagged_even_beside_a_threshold_clause(workspace, mode):
    text = _report(
        "## Abstract\n\nCutout reaches 95.74% after 200 epochs, well above the threshold we set for a useful gain.",
        RESULTS,
    )
    found = await _findings(workspace, mode, text)
    assert [f["code"] for f in found] == ["L11"] and "max val_acc of arm cutout" in found[0]["message"]


async def test_a_summary_before_the_table_must_carry_its_spread_but_a_later_mention_need_not(workspace, mode):
    summary = "Cutout reaches 95.55% validation accuracy against 95.15% for the baseline (Welch p = 0.002)."
    before = await _findings(workspace, mode, _report(f"TL;DR: {summary}", RESULTS))
    assert [(f["code"], f["line"]) for f in before] == [("L01", 3)], before
    assert await _findings(workspace, mode, _report(RESULTS, summary)) == []


async def test_a_claim_about_a_secondary_metric_is_held_to_that_metrics_tests(workspace, mode):
    text = _report(
        RESULTS,
        "Cutout also has a significantly lower val_loss than the baseline (Welch's t-test, p < 0.001), while "
        "nothing else differs significantly.",
        "We used an N-BEATS-style schedule.",
    )
    assert await _findings(workspace, mode, text) == []


async def test_a_baseline_with_fewer_seeds_is_flagged_on_its_row_and_a_crash_that_evens_the_count_is_not(
    workspace, mode
):
    rows = [f"no_aug,{s},completed,{ACC['no_aug'][s]},{LOSS['no_aug'][s]}" for s in range(3)]
    rows += [f"cutout,{s},completed,{ACC['cutout'][s]},{LOSS['cutout'][s]}" for s in range(5)]
    table = TABLE.replace(
        "| none (baseline) | 95.15 ± 0.13 | 0.2010 ± 0.0049 | 5 |",
        "| none (baseline) | 95.13 ± 0.10 | 0.2017 ± 0.0015 | 3 |",
    )
    found = await _findings(workspace, mode, _report("## Results\n\nMean ± sample std.\n\n" + table), rows)
    assert [(f["code"], f["line"]) for f in found] == [("L08", 9)], found
    rows = [f"no_aug,{s},completed,{ACC['no_aug'][s]},{LOSS['no_aug'][s]}" for s in range(5)]
    rows += [f"cutout,{s},completed,{ACC['cutout'][s]},{LOSS['cutout'][s]}" for s in range(5)] + ["cutout,5,crashed,,"]
    text = _report(RESULTS, "## Failed attempts\n\nCutout seed 5 crashed (a lost node) and was not rerun.")
    assert await _findings(workspace, mode, text, rows) == []


async def test_a_row_over_hand_picked_seeds_is_an_n_mismatch_that_names_the_seeds(workspace, mode):
    table = TABLE.replace(
        "| Cutout | 95.55 ± 0.15 | 0.1838 ± 0.0040 | 5 |", "| Cutout | 95.61 ± 0.13 | 0.1840 ± 0.0056 | 3 |"
    )
    found = await _findings(workspace, mode, _report("## Results\n\nMean ± sample std.\n\n" + table))
    assert [(f["code"], f["line"]) for f in found] == [("L09", 10)], found
    assert "statistics of seeds 2, 3, 4 only" in found[0]["message"]
