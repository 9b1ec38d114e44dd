"""The metric files frameworks write (read from the fixtures real runs made), which of them are a run's, and how
their exact series meet the parsed ones."""

from __future__ import annotations

import json
import math
import os
import struct
from pathlib import Path

import pytest

from experiment_runner.metrics import files as F
from experiment_runner.runs.metricfiles import choose, ingest
from experiment_runner.runs.metricsio import read_records, series
from experiment_runner.workspace import confine

DATA = Path(__file__).parent / "data" / "metrics"


@pytest.fixture(autouse=True)
def _roots(tmp_path):
    """The readers open files inside a registered root only (the server registers its workspace)."""
    confine.register(DATA)
    confine.register(tmp_path)


def test_lightning_csvlogger_rows_keep_their_steps_and_leave_out_empty_cells():
    (path,) = F.find([DATA / "lightning_tqdm" / "files" / "logs"], 0.0)
    recs = F.read(path, "csv")
    assert recs[0] == {"step": 4, "epoch": 0.0, "train_loss_step": recs[0]["train_loss_step"]}
    val = [r for r in recs if "val_loss" in r]
    assert [r["step"] for r in val] == [14, 29, 44, 59] and all("train_loss_step" not in r for r in val)


def test_tensorboard_event_files_give_the_same_scalars_as_the_csv():
    events = sorted(F.find([DATA / "lightning_tqdm" / "files" / "tb_logs"], 0.0))
    assert all(F.kind_of(p) == "tfevents" for p in events)
    tb = series([{**r, "source": "file"} for p in events for r in F.read(p, "tfevents")])
    (csv_path,) = F.find([DATA / "lightning_tqdm" / "files" / "logs"], 0.0)
    csv = series([{**r, "source": "file"} for r in F.read(csv_path, "csv")])
    assert "hp_metric" not in tb  # Lightning's -1 placeholder
    for name in ("val_loss", "train_loss_step", "val_acc"):
        assert [s for s, _ in tb[name]] == [s for s, _ in csv[name]]
        assert all(abs(a - b) < 1e-6 for (_, a), (_, b) in zip(tb[name], csv[name]))  # float32 in the events


def test_a_truncated_event_file_gives_its_complete_records_only(tmp_path):
    (first, *_) = sorted(F.find([DATA / "lightning_tqdm" / "files" / "tb_logs"], 0.0))
    data = first.read_bytes()
    whole = list(F.read_tfevents(data))
    cut = tmp_path / "events.out.tfevents.1.cut"
    cut.write_bytes(data[:-7])  # a record being written
    assert list(F.read_tfevents(cut.read_bytes())) == whole[:-1] or list(F.read_tfevents(cut.read_bytes())) == whole
    junk = tmp_path / "events.out.tfevents.2.junk"
    junk.write_bytes(struct.pack("<Q", 5) + b"\0" * 4 + b"\xff" * 5 + b"\0" * 4)
    assert F.read(junk, "tfevents") == []


def test_keras_csvlogger_has_no_steps_and_gives_way_to_the_parsed_epoch_lines():
    (path,) = F.find([DATA / "keras" / "files"], 0.0)
    recs = F.read(path, "csv")
    assert len(recs) == 5 and all(r["step"] is None for r in recs) and "val_accuracy" in recs[0]
    parsed = [{"step": 20 * (i + 1), "loss": round(r["loss"], 4), "source": "stdout"} for i, r in enumerate(recs)]
    merged = series(parsed + [{**r, "source": "file"} for r in recs])
    assert [s for s, _ in merged["loss"]] == [20, 40, 60, 80, 100]  # the parsed steps are kept
    assert [s for s, _ in merged["val_accuracy"]] == [None] * 5  # only in the file: taken as it is


def test_a_csv_that_is_no_metrics_table_is_not_read(tmp_path):
    assert F.read_csv("id,name,price\n1,apple,0.5\n") == []  # no step or epoch column
    assert F.read_csv("epoch,batch_size,lr\n0,32,0.1\n") == []  # no measure of quality


def test_files_of_another_run_in_the_same_folder_are_left_out():
    recs = [{"step": 10, "val_loss": 0.5123}, {"step": 20, "val_loss": 0.4410}]
    other = [{"step": 10, "val_loss": 0.6001}, {"step": 20, "val_loss": 0.5500}]
    printed = {"val_loss": [0.512, 0.441]}
    taken, index = choose([(Path("a/metrics.csv"), "csv", recs), (Path("b/metrics.csv"), "csv", other)], printed)
    assert [str(p) for p, _ in taken] == ["a/metrics.csv"]
    assert index[1]["taken"] is False and "disagree" in index[1]["why"]
    # a few equal values are not enough: accuracies on a small validation set coincide across seeds
    printed = {"val_acc": [0.9812, 0.975], "val_loss": [0.0798, 0.0811]}
    mine = [{"step": 20, "val_acc": 0.98125, "val_loss": 0.07981}, {"step": 40, "val_acc": 0.975, "val_loss": 0.08107}]
    seed1 = [{"step": 20, "val_acc": 0.98125, "val_loss": 0.0912}, {"step": 40, "val_acc": 0.96875, "val_loss": 0.0877}]
    taken, _ = choose([(Path("a.csv"), "csv", seed1), (Path("b.csv"), "csv", mine)], printed)
    assert [str(p) for p, _ in taken] == ["b.csv"]
    # nothing to compare with: one such file is taken, two are ambiguous and both left out
    taken, _ = choose([(Path("a/metrics.csv"), "csv", recs)], {})
    assert len(taken) == 1
    taken, index = choose([(Path("a/metrics.csv"), "csv", recs), (Path("b/metrics.csv"), "csv", other)], {})
    assert taken == [] and all("shares no metric" in e["why"] for e in index)


def test_exact_file_values_beat_parsed_ones_and_later_parsed_steps_are_kept():
    recs = [
        {"step": 10, "loss": 0.9, "source": "stdout"},
        {"step": 20, "loss": 0.8, "source": "stdout"},
        {"step": 30, "loss": 0.7, "source": "stdout"},
        {"step": 10, "loss": 0.90012, "source": "file"},
        {"step": 20, "loss": 0.80034, "source": "file"},
    ]
    assert series(recs)["loss"] == [(10, 0.90012), (20, 0.80034), (30, 0.7)]
    assert series(recs + [{"step": 5, "loss": 1.5, "source": "user"}])["loss"] == [(5, 1.5)]


def test_the_ingest_appends_the_runs_files_with_their_source_and_writes_an_index(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "metrics.jsonl").write_text(
        json.dumps({"step": 5, "time": 1.0, "source": "stdout", "loss": 0.694}) + "\n"
    )
    work = tmp_path / "work"
    for name in ("checkpoint-20", "checkpoint-60"):
        src = DATA / "hf_trainer_v5" / "files" / "out" / name / "trainer_state.json"
        (work / "out" / name).mkdir(parents=True)
        (work / "out" / name / "trainer_state.json").write_bytes(src.read_bytes())
    old = work / "out" / "old_metrics.csv"
    old.write_text("epoch,loss\n0,0.5\n")
    os.utime(old, (1, 1))  # written before the run started: not its file
    ingest(run_dir, [work], since=100.0, now=2.0)
    stored = read_records(run_dir / "metrics.jsonl")
    assert {r["source"] for r in stored} == {"stdout", "file"}
    loss = series(stored)["loss"]
    assert [s for s, _ in loss] == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]
    index = json.loads((run_dir / "metric_files.json").read_text())
    assert [(Path(e["path"]).parent.name, e["taken"]) for e in index] == [
        ("checkpoint-20", False),
        ("checkpoint-60", True),
    ]
    assert not any(math.isnan(v) for _, v in loss)


def test_the_same_scalars_in_a_csv_and_event_files_are_stored_once():
    from experiment_runner.runs.metricfiles import records_of

    found = F.find([DATA / "lightning_tqdm" / "files"], 0.0)
    printed = {"val_loss": [0.688, 0.664, 0.639, 0.613]}  # what the run's progress bar showed
    taken, _ = choose([(p, F.kind_of(p), F.read(p, F.kind_of(p))) for p in found], printed)
    assert {F.kind_of(p) for p, _ in taken} == {"csv", "tfevents"}
    merged = series([{**r, "source": "file"} for r in records_of(taken)])
    assert [s for s, _ in merged["val_loss"]] == [14, 29, 44, 59]
    assert [s for s, _ in merged["train_loss_step"]] == [4, 9, 14, 19, 24, 29, 34, 39, 44, 49, 54, 59]
