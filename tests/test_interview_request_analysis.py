"""experiment_runner.interview.request_analysis (analyze_request), the library behind ask_clarifying_questions and
the interview prompt: specific words answer a field and vague ones do not, negation and rejection silence a red
flag, and the data in prompts/ holds the exact field ids and probes the issue fixes."""

from __future__ import annotations

import pytest

from experiment_runner.errors import UserError
from experiment_runner.interview import FIELD_IDS, FLAG_IDS, analyze_request
from experiment_runner.interview.catalog import catalog
from experiment_runner.prompts import load_yaml

PROBES = {
    "just_run_it": "What would make the result useful vs useless?",
    "default_settings": "Have those been validated for your data?",
    "compare_against": "Is X a fair baseline? Same compute budget?",
    "know_it_when_i_see_it": "Can we define a concrete success threshold?",
    "should_work": "What's your backup plan if it doesn't?",
    "run_overnight": "Do we have checkpointing if it crashes at hour 7?",
}


def answered(text: str, answers=None) -> dict[str, str]:
    return {a.field: a.evidence for a in analyze_request(text, answers).answered}


def flags(text: str, answers=None) -> dict[str, str]:
    return {f.id: f.trigger for f in analyze_request(text, answers).red_flags}


def test_the_data_holds_exactly_the_issues_field_ids_and_probes():
    assert sorted(f["id"] for f in load_yaml("questions.yaml")["fields"]) == sorted(FIELD_IDS)
    data = {f["id"]: f for f in load_yaml("red_flags.yaml")["flags"]}
    assert set(data) == set(FLAG_IDS)
    assert {k: v["probe"] for k, v in data.items()} == PROBES
    cat = catalog()
    assert catalog() is cat, "the data is loaded and compiled once"
    assert all(p.pattern and p.flags for f in cat.fields for p in f.patterns)


@pytest.mark.parametrize(
    "text, field, evidence",
    [
        ("Train it on CIFAR-10.", "dataset", "CIFAR-10"),
        ("Run 3 seeds per arm.", "seeds", "3 seeds"),
        ("Use lr 3e-4 with AdamW on ResNet-50.", "model", "lr 3e-4, AdamW, ResNet-50"),
        ("Data is in data/train.csv.", "dataset", "data/train.csv"),
        ("We have one A100 until 6pm today.", "compute", "one A100"),
        ("We have one A100 until 6pm today.", "deadline", "until 6pm today"),
        ("Evaluate with 5-fold cross-validation.", "splits", "5-fold cross-validation"),
        ("Metric: top-1 accuracy.", "primary_metric", "top-1 accuracy"),
    ],
)
def test_specific_words_answer_a_field(text, field, evidence):
    assert answered(text).get(field) == evidence


@pytest.mark.parametrize(
    "text, field",
    [
        ("Train it on some dataset.", "dataset"),
        ("Use a few seeds.", "seeds"),
        ("Use a good model.", "model"),
        ("There is no baseline yet.", "baseline"),
        ("It should be much better.", "success_criteria"),
        ("Generate 10k examples from our 200 seed prompts.", "seeds"),
        ("Predict loan default with the usual features.", "hypothesis"),
    ],
)
def test_vague_or_absent_words_leave_a_field_open(text, field):
    assert field not in answered(text)


def test_a_direct_answer_counts_unless_it_says_nothing():
    assert answered("Train a CNN.", {"dataset": "our March support tickets"})["dataset"] == "our March support tickets"
    for nothing in ("don't know", "TBD", "some dataset", "?"):
        assert "dataset" not in answered("Train a CNN.", {"dataset": nothing}), nothing
    assert "seeds" not in answered("Train a CNN.", {"seeds": "several"})
    assert answered("Train a CNN.", {"seeds": "5"})["seeds"] == "5"
    assert "success_criteria" not in answered("Train a CNN.", {"success_criteria": "when it looks good"})


def test_a_stated_hypothesis_implies_the_goal_but_the_brief_does_not_invent_goal_text():
    result = analyze_request("I expect label smoothing to raise accuracy by 1 point on CIFAR-10.")
    goal = next(a for a in result.answered if a.field == "goal")
    assert goal.implied_by == "hypothesis"
    assert "goal" not in result.brief and "hypothesis" in result.brief


@pytest.mark.parametrize(
    "text, flag",
    [
        ("Let's just try it and look at what comes out.", "just_run_it"),
        ("Keep the stock hyperparameters.", "default_settings"),
        ("Leave it running while I sleep.", "run_overnight"),
        ("See if our model beats the vendor's API.", "compare_against"),
        ("We'll eyeball the samples.", "know_it_when_i_see_it"),
        ("There's no reason it wouldn't work.", "should_work"),
    ],
)
def test_paraphrased_red_flags_are_raised(text, flag):
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "We don't want to just run it and see.",
        "I don't trust the default settings for this data.",
        "I was going to run it overnight but I'd rather not.",
        "'I'll know it when I see it' isn't a success criterion, so: accuracy >= 0.9.",
        "It should take about six hours.",
        "Predict loan default with XGBoost.",
        "Compared to last year, churn went up.",
        "The default learning rate of 0.1 diverges here.",
        "Run it overnight; it saves checkpoints every 30 minutes.",
        "Compare it against XGBoost with the same tuning budget.",
    ],
)
def test_negated_rejected_or_addressed_wording_raises_no_red_flag(text):
    assert flags(text) == {}


def test_bad_input_names_the_problem_and_the_valid_values():
    with pytest.raises(UserError, match="request is empty"):
        analyze_request("  \n ")
    with pytest.raises(UserError, match=r"'datset'.*did you mean 'dataset'.*valid field ids: goal, hypothesis"):
        analyze_request("Train a CNN.", {"datset": "MNIST"})
    with pytest.raises(UserError, match="request is 20,001 characters; the interview reads at most 20,000"):
        analyze_request("x" * 20_001)
    with pytest.raises(UserError, match="answers must be text"):
        analyze_request("Train a CNN.", {"seeds": 3})  # type: ignore[dict-item]
