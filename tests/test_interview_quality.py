"""The quality bar for the clarifying interview, measured on hand-labelled requests (tests/data/requests.yaml):
red-flag precision and recall (micro over all flags) >= 0.9 and answered-field accuracy (every request x field
decision) >= 0.85. A failure prints every misclassified case. bench/interview_quality.py prints the full table."""

from __future__ import annotations

from collections import Counter

import pytest

from experiment_runner.interview.catalog import FIELD_IDS, FLAG_IDS
from experiment_runner.interview.quality import load_cases, score
from tests.conftest import DATA

CASES = load_cases(DATA / "requests.yaml")


@pytest.fixture(scope="module")
def measured():
    return score(CASES)


def test_the_labelled_set_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"
    domains = Counter(c.domain for c in CASES)
    for domain in ("vision", "nlp", "rl", "tabular", "speech"):
        assert domains[domain] >= 5, f"too few {domain} requests: {domains}"
    assert sum(1 for c in CASES if not c.red_flags) >= 10, "several requests must raise no red flag"
    flag_counts = Counter(f for c in CASES for f in c.red_flags)
    assert all(flag_counts[f] >= 5 for f in FLAG_IDS), f"every flag needs several positive cases: {flag_counts}"
    field_counts = Counter(f for c in CASES for f in c.answered)
    assert all(field_counts[f] >= 5 for f in FIELD_IDS), f"every field needs several answered cases: {field_counts}"


def _report(s) -> str:
    return "\n".join(["misclassified:"] + [f"  {m}" for m in s.mistakes])


def test_red_flag_precision_is_at_least_0_9(measured):
    assert measured.flags.precision >= 0.9, f"precision {measured.flags.precision:.3f}\n{_report(measured)}"


def test_red_flag_recall_is_at_least_0_9(measured):
    assert measured.flags.recall >= 0.9, f"recall {measured.flags.recall:.3f}\n{_report(measured)}"


def test_answered_field_accuracy_is_at_least_0_85(measured):
    assert measured.accuracy >= 0.85, f"accuracy {measured.accuracy:.3f}\n{_report(measured)}"
