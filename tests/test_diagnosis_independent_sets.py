"""The independent diagnosis corpora (tests/data/diagnosis/blind3 ... blindN) are well-formed: every labelled case
has its logs and meta, a label from the known vocabulary with a matching healthy flag, a source that can be
checked, and a place in the split; `decidable_from_log`, where a set has it, is a yes/no on every case; no thread is
labelled twice across sets. Accuracy is measured by bench/diagnosis_real.py, never asserted here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent / "data" / "diagnosis"
SETS = sorted((p for p in ROOT.glob("blind*") if (p / "labels.yaml").is_file()), key=lambda p: int(p.name[5:]))
REAL = yaml.safe_load((ROOT / "real" / "labels.yaml").read_text())


def _labels(path: Path) -> dict:
    return yaml.safe_load((path / "labels.yaml").read_text())


@pytest.mark.parametrize("corpus", SETS, ids=lambda p: p.name)
def test_every_case_has_its_logs_a_known_label_and_a_place_in_the_split(corpus):
    from experiment_runner.diagnosis.model import CATEGORIES

    known = set(CATEGORIES) | set(REAL["new_categories"]) | {"healthy"}
    labels = _labels(corpus)
    cases = labels["cases"]
    assert {p.name for p in (corpus / "cases").iterdir()} == set(cases)
    for name, entry in cases.items():
        d = corpus / "cases" / name
        assert (d / "stdout.log").is_file() and (d / "stderr.log").is_file(), name
        meta = json.loads((d / "meta.json").read_text())
        assert "exit_code" in meta and "signal" in meta, name
        assert entry["expected"] in known, (name, entry["expected"])
        assert entry["healthy"] is (entry["expected"] == "healthy"), name
        assert entry["source"] in ("paste", "run"), name
        assert entry.get("url") or entry.get("script"), name
        assert entry.get("rationale"), name
        if "decidable_from_log" in entry:
            assert entry["decidable_from_log"] in (True, False), name
    split = labels["split"]
    assert set(split["heldout"]) <= set(cases) and not set(split["heldout"]) & set(split.get("tune") or [])


def test_decidable_from_log_is_on_every_case_of_a_set_that_has_it():
    for corpus in SETS:
        cases = _labels(corpus)["cases"].values()
        marked = sum("decidable_from_log" in c for c in cases)
        assert marked in (0, len(cases)), corpus.name


def test_no_thread_is_labelled_twice_across_the_independent_sets():
    seen: dict[str, str] = {}
    for corpus in [ROOT / "real", *SETS]:
        for name, entry in _labels(corpus)["cases"].items():
            url = entry.get("url")
            if not url or entry["source"] != "paste":
                continue
            key = re.sub(r"#.*$|/$", "", url)
            assert key not in seen, f"{corpus.name}/{name} repeats {seen.get(key)} ({url})"
            seen[key] = f"{corpus.name}/{name}"
