"""The real diagnosis corpus (tests/data/diagnosis/real) is well-formed: every labelled case has its logs and
meta, a known label, a source that can be checked (a script that made it, or the thread it was pasted from), and
a place in the recorded split; and the scorer (bench/diagnosis_real.py) runs on it through the tool. Accuracy is
measured by the scorer, never asserted here."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "tests" / "data" / "diagnosis" / "real"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


scorer = _load(REPO / "bench" / "diagnosis_real.py", "diagnosis_real")
LABELS = yaml.safe_load((REAL / "labels.yaml").read_text())
CASES = LABELS["cases"]


def test_every_case_has_its_logs_meta_and_a_label_from_the_known_vocabulary():
    from experiment_runner.diagnosis.model import CATEGORIES

    known = set(CATEGORIES) | set(LABELS["new_categories"]) | {"healthy"}
    assert {p.name for p in (REAL / "cases").iterdir()} == set(CASES)
    for name, entry in CASES.items():
        d = REAL / "cases" / name
        for f in ("stdout.log", "stderr.log", "meta.json"):
            assert (d / f).is_file(), f"{name}: {f} missing"
        meta = json.loads((d / "meta.json").read_text())
        assert {"argv", "exit_code", "signal", "reason", "source"} <= set(meta), name
        assert meta["source"] == entry["source"], name
        assert (d / "stdout.log").stat().st_size + (d / "stderr.log").stat().st_size > 0, name
        assert entry["expected"] in known, f"{name}: unknown label {entry['expected']!r}"
        assert entry["healthy"] is (entry["expected"] == "healthy"), name
        assert len(entry["rationale"]) > 20, name
        if entry.get("top3_ok"):
            assert entry.get("ambiguity"), f"{name}: top3_ok needs the ambiguity documented"


def test_runs_name_their_script_and_recipe_and_pastes_their_thread_and_its_diagnosis():
    recipes = yaml.safe_load((REAL / "scripts" / "runs.yaml").read_text())
    for name, entry in CASES.items():
        meta = json.loads((REAL / "cases" / name / "meta.json").read_text())
        if entry["source"] == "run":
            assert name in recipes, f"{name}: no recipe in scripts/runs.yaml"
            assert (REAL / entry["script"]).is_file(), name
            assert meta["script"] == entry["script"], name
            assert meta["versions"]["torch"].startswith("2."), name
            assert meta["exit_code"] is not None or meta["signal"] is not None, name
        else:
            assert entry["source"] == "paste", name
            assert entry["url"].startswith("https://github.com/") and "/issues/" in entry["url"], name
            assert meta["url"] == entry["url"], name
            assert entry.get("thread_diagnosis"), f"{name}: say what the thread found (or that it found nothing)"
            assert meta["exit_code"] is None and meta["signal"] is None, f"{name}: a paste has no exit code"


def test_the_corpus_covers_every_category_with_enough_failing_healthy_and_pasted_cases():
    from experiment_runner.diagnosis.model import CATEGORIES

    expected = Counter(e["expected"] for e in CASES.values())
    assert set(CATEGORIES) <= set(expected), set(CATEGORIES) - set(expected)
    assert set(LABELS["new_categories"]) <= set(expected)
    assert sum(n for c, n in expected.items() if c != "healthy") >= 45
    assert expected["healthy"] >= 15
    assert sum(e["source"] == "paste" for e in CASES.values()) >= 25
    size = sum(p.stat().st_size for p in REAL.rglob("*") if p.is_file())
    assert size < 10 << 20, f"the corpus is {size:,} bytes; trim logs the way the log cap does"


def test_the_split_is_recorded_and_puts_each_case_in_exactly_one_part():
    split = LABELS["split"]
    tune, heldout = set(split["tune"]), set(split["heldout"])
    assert not tune & heldout
    assert tune | heldout == set(CASES)
    assert split["seed"] and split["method"]
    assert 0.35 <= len(heldout) / len(CASES) <= 0.45
    for source in ("run", "paste"):
        part = [n for n in heldout if CASES[n]["source"] == source]
        assert part, f"no {source} case kept aside"


def test_the_split_is_what_the_recorded_seed_draws():
    draw = _load(REAL / "scripts" / "draw_split.py", "draw_split").draw
    split = LABELS["split"]
    assert draw(CASES, split["seed"], split["heldout_fraction"]) == {
        "tune": sorted(split["tune"]),
        "heldout": sorted(split["heldout"]),
    }


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_the_scorer_runs_every_case_of_a_split_through_the_tool(split):
    from experiment_runner.diagnosis.model import CATEGORIES

    cases = scorer.select(LABELS, split)
    rows = scorer.diagnose_cases(cases, REAL)
    assert [r["case"] for r in rows] == list(cases)
    for r in rows:
        assert r["got"] in set(CATEGORIES) | {"healthy"}
        assert r["accepted"] >= r["top1_ok"]
    summary = scorer.summarise(rows)
    assert summary["cases"] == len(cases)
    assert summary["failing"] + summary["healthy"] == len(cases)
    assert sum(c["n"] for c in summary["per_category"].values()) == summary["failing"]


@pytest.mark.slow
def test_the_plain_torch_runs_end_the_same_way_when_run_again(tmp_path):
    """The corpus's failing runs that need only torch (the other frameworks are not installed here) are re-run
    with this interpreter: each ends with the same exit code or signal and the same kind of final error."""
    regen = _load(REAL / "scripts" / "regen.py", "diagnosis_real_regen")
    recipes = regen.recipes()
    names = [n for n, e in CASES.items() if e["source"] == "run" and e["framework"] == "torch" and not e["healthy"]]
    names = [n for n in names if json.loads((REAL / "cases" / n / "meta.json").read_text())["exit_code"] != 0]
    assert names
    versions = regen.versions(sys.executable)
    for name in names:
        meta = regen.run_case(name, recipes[name], sys.executable, versions, out_dir=tmp_path)
        saved = json.loads((REAL / "cases" / name / "meta.json").read_text())
        assert (meta["exit_code"], meta["signal"]) == (saved["exit_code"], saved["signal"]), name
        fresh = (tmp_path / name / "stderr.log").read_text().strip().splitlines()
        kept = (REAL / "cases" / name / "stderr.log").read_text().strip().splitlines()
        if kept:
            assert fresh[-1].split(":")[0] == kept[-1].split(":")[0], name
