"""The diagnosis fixtures: 33 small training scripts of our own (tests/data/diagnosis/scripts) in seven log styles,
each really run to produce its saved log. On the saved logs, through the tool: the top category is right on at
least 90% of the failing runs and no healthy run gets a finding, with either scan engine. The slow test runs the
scripts again and checks that their fresh logs diagnose the same."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from experiment_runner.diagnosis.engines import hyperscan_available

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "diagnosis"
ENGINES = ["python"] + (["hyperscan"] if hyperscan_available() else [])


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


table = _load(REPO / "bench" / "diagnosis_table.py", "diagnosis_table")
regen = _load(DATA / "regen.py", "diagnosis_regen")
LABELS = yaml.safe_load((DATA / "labels.yaml").read_text())


def test_the_fixtures_cover_every_category_in_every_log_style_with_enough_healthy_runs():
    from experiment_runner.diagnosis.model import CATEGORIES

    required = {
        "nan_or_inf_loss",
        "exploding_gradients",
        "loss_not_decreasing",
        "overfitting",
        "data_leakage",
        "out_of_memory",
        "shape_mismatch",
        "dtype_or_device_mismatch",
        "device_side_assert",
        "dataloader_worker_crash",
        "distributed_timeout",
        "disk_full",
        "missing_file_or_module",
        "time_limit",
    }
    expected = {e["expected"] for e in LABELS.values()}
    assert required <= expected and expected - {"healthy"} <= set(CATEGORIES)
    assert len(LABELS) >= 24 and sum(e["expected"] == "healthy" for e in LABELS.values()) >= 5
    assert {e["style"] for e in LABELS.values()} >= {
        "plain",
        "key=value",
        "tqdm",
        "jsonl",
        "lightning",
        "keras",
        "nanogpt",
    }
    for name in LABELS:
        assert (DATA / "scripts" / f"{name}.py").is_file()
        assert (DATA / "logs" / name / "meta.json").is_file(), f"run regen.py {name}"


@pytest.mark.parametrize("engine", ENGINES)
def test_saved_logs_diagnose_right_on_90_percent_of_failures_and_healthy_runs_have_no_finding(engine, monkeypatch):
    monkeypatch.setenv("EXPERIMENT_RUNNER_SCAN_ENGINE", engine)
    rows = table.diagnose_all(DATA / "logs", engine)
    assert {r["engine"] for r in rows} == {engine}
    failing = [r for r in rows if r["expected"] != "healthy"]
    wrong = [(r["script"], r["expected"], r["got"]) for r in failing if not r["ok"]]
    assert len(wrong) <= 0.1 * len(failing), wrong
    assert [r["script"] for r in rows if r["expected"] == "healthy" and r["findings"]] == []


@pytest.mark.slow
def test_rerunning_the_scripts_gives_logs_that_diagnose_the_same(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        metas = dict(zip(LABELS, pool.map(lambda n: regen.run_script(n, LABELS[n], tmp_path), LABELS)))
    for name, meta in metas.items():
        saved = yaml.safe_load((DATA / "logs" / name / "meta.json").read_text())
        assert (meta["exit_code"], meta["signal"]) == (saved["exit_code"], saved["signal"]), name
    rows = table.diagnose_all(tmp_path)
    failing = [r for r in rows if r["expected"] != "healthy"]
    wrong = [(r["script"], r["expected"], r["got"]) for r in failing if not r["ok"]]
    assert len(wrong) <= 0.1 * len(failing), wrong
    assert [r["script"] for r in rows if r["expected"] == "healthy" and r["findings"]] == []
