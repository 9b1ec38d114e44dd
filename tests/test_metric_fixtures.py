"""Metrics from the output real frameworks printed (tests/data/metrics/<framework>/: stdout, stderr and the metric
files of a real run, the script that made them, VERSIONS, and expected.json written from the framework's own
record before the parser was tuned). The frameworks are not needed here: the tests read the fixtures."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from experiment_runner.metrics import files as F
from experiment_runner.runs.metricfiles import choose, records_of
from experiment_runner.runs.metrics_parse import MetricParser
from experiment_runner.runs.metricsio import series as merge
from experiment_runner.workspace import confine

DATA = Path(__file__).parent / "data" / "metrics"


@pytest.fixture(autouse=True)
def _roots(tmp_path):
    """The readers open files inside a registered root only (the server registers its workspace)."""
    confine.register(DATA)
    confine.register(tmp_path)


SPLIT = yaml.safe_load((DATA / "SPLIT.yaml").read_text())
TUNED_NAMES = SPLIT["tuned"]
# The kept-aside fixtures are scored once by bench/metrics_table.py; tests read them only for their files' presence.
ALL = SPLIT["tuned"] + SPLIT["kept_aside"] + SPLIT["kept_aside_late"]


def parsed(name: str) -> list[dict]:
    """Records as the supervisor makes them: one parser per stream, fed 64 KiB at a time."""
    out = []
    for stream in ("stdout", "stderr"):
        path = DATA / name / f"{stream}.txt"
        if path.exists():
            data = path.read_bytes()
            p = MetricParser(progress_interval_s=None)
            for i in range(0, len(data), 65536):
                out += [{**r, "source": stream} for r in p.feed(data[i : i + 65536])]
            out += [{**r, "source": stream} for r in p.flush()]
    return out


def with_files(name: str) -> list[dict]:
    printed = parsed(name)
    values: dict[str, list[float]] = {}
    for r in printed:
        for k, v in r.items():
            if isinstance(v, float):
                values.setdefault(k, []).append(v)
    folder = DATA / name / "files"
    found = F.find([folder], 0.0) if folder.exists() else []
    taken, _ = choose([(p, F.kind_of(p), F.read(p, F.kind_of(p))) for p in found], values)
    return printed + [{**r, "source": "file"} for r in records_of(taken)]


def expected(name: str) -> dict:
    return json.loads((DATA / name / "expected.json").read_text())


def close(printed: float, exact: float) -> bool:
    """Equal to the printed precision (0.0010 for 0.000996) or within 0.05 %."""
    if math.isnan(printed) or math.isnan(exact):
        return math.isnan(printed) and math.isnan(exact)
    text = repr(printed)
    decimals = 12 if "e" in text else len(text.split(".")[1]) if "." in text else 0
    return abs(printed - exact) <= max(5e-4 * abs(exact), 1e-6, 0.5 * 10**-decimals)


def test_every_fixture_has_its_output_script_versions_and_expected_series():
    for name in ALL:
        folder = DATA / name
        assert (folder / "stdout.txt").exists() and (folder / "expected.json").exists(), name
        assert (folder / "gen.py").exists() or (folder / "README.md").exists(), name
        assert (folder / "gen.py").exists() == (folder / "VERSIONS").exists(), name


@pytest.mark.parametrize("name", TUNED_NAMES)
def test_config_echoes_summaries_and_placeholders_never_become_metrics(name):
    got = merge(with_files(name))
    assert not set(got) & set(expected(name)["never"])
    for metric, points in got.items():
        if metric in ("mfu", "lr", "learning_rate"):
            assert all(v >= 0 for _, v in points), metric  # no placeholder (-100 %) kept


# (fixture, names the run's record holds that its output and files cannot give, with why)
TUNED = [
    ("hf_trainer_v4", {"total_flos"}),  # never printed; logged after the last checkpoint's trainer_state.json
    ("hf_trainer_v5", {"total_flos"}),
    ("lightning_tqdm", set()),
    ("keras", set()),
    ("xgboost", set()),
    ("mnist", set()),
    ("nanogpt", set()),
    ("mmengine", {"val_time"}),  # `time` is the store's own key, so a parsed `time` is dropped before its split
]


@pytest.mark.parametrize(("name", "unrecoverable"), TUNED)
def test_a_real_run_gives_its_train_and_eval_curves_with_their_steps_and_nothing_else(name, unrecoverable):
    exp = expected(name)
    got = merge(with_files(name))
    allowed = set(exp["series"]) | set(exp["also_ok"])
    assert set(got) <= allowed, set(got) - allowed
    for metric, points in exp["series"].items():
        if metric in unrecoverable:
            continue
        have = got.get(metric, [])
        placed = [p for p in points if any(s == p[0] and close(v, p[1]) for s, v in have)]
        # every value at its step, except a run-end summary HF prints after its last checkpoint (no step in text)
        assert len(placed) >= len(points) - 1, (metric, points, have)


def test_transformers_5_quoted_numbers_are_read_like_transformers_4_numbers():
    v4 = [r for r in parsed("hf_trainer_v4") if r["source"] == "stdout"]
    v5 = [r for r in parsed("hf_trainer_v5") if r["source"] == "stdout"]
    assert [sorted(r) for r in v4] == [sorted(r) for r in v5]
    assert v5[0] == {"step": None, "loss": 0.694, "grad_norm": 0.385, "learning_rate": 0.0004667, "epoch": 0.25,
                     "source": "stdout"}  # fmt: skip
    evals = [r for r in v5 if "eval_accuracy" in r]
    assert [r["eval_accuracy"] for r in evals] == [0.7812, 0.9531, 0.9531]


def test_trainer_state_json_gives_hf_its_steps_and_the_latest_checkpoint_wins():
    folder = DATA / "hf_trainer_v5" / "files"
    found = F.find([folder], 0.0)
    assert [p.parent.name for p in found] == ["checkpoint-20", "checkpoint-40", "checkpoint-60"]
    taken, index = choose([(p, F.kind_of(p), F.read(p, F.kind_of(p))) for p in found], {"loss": [0.694]})
    assert [p.parent.name for p, _ in taken] == ["checkpoint-60"]
    assert [e["taken"] for e in index] == [False, False, True]
    loss = merge([{**r, "source": "file"} for _, recs in taken for r in recs])["loss"]
    assert [s for s, _ in loss] == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]


def test_mnist_train_lines_count_samples_across_epochs_and_the_test_line_gives_accuracy_as_a_fraction():
    got = merge(parsed("mnist"))
    assert [s for s, _ in got["loss"][:6]] == [0, 320, 640, 960, 1280, 1400]
    assert got["test_accuracy"][0] == (1400, pytest.approx(151 / 397))
    assert got["test_average_loss"][0] == (1400, 1.8465)


def test_keras_epoch_lines_are_placed_at_the_end_of_their_epoch():
    recs = parsed("keras")
    assert [(r["step"], r["epoch"]) for r in recs] == [(20, 1.0), (40, 2.0), (60, 3.0), (80, 4.0), (100, 5.0)]
    assert set(recs[0]) == {"step", "epoch", "accuracy", "loss", "val_accuracy", "val_loss", "source"}


def test_lightning_tqdm_bar_gives_each_epoch_with_its_own_validation_and_the_rich_test_table():
    recs = [r for r in parsed("lightning_tqdm") if r["source"] == "stdout"]
    per_epoch = [r for r in recs if "val_loss" in r]
    assert [(r["epoch"], r["step"]) for r in per_epoch] == [(0.0, 15), (1.0, 30), (2.0, 45), (3.0, 60)]
    csv = {int(s): v for s, v in merge(with_files("lightning_tqdm"))["val_loss"]}
    for r, step in zip(per_epoch, (14, 29, 44, 59)):  # the bar shows the epoch's own validation, rounded
        assert abs(r["val_loss"] - csv[step]) < 1e-3
    # the epoch bar's postfix keeps the last validation values: shown again in the next epoch, they are not new
    assert [r.get("val_loss") for r in recs if r["step"] == 30] == [None, 0.664]
    table = [r for r in recs if "test_acc" in r or "test_loss" in r]  # the Rich table trainer.test() prints
    assert [(r["step"], {k: v for k, v in r.items() if k.startswith("test")}) for r in table] == [
        (None, {"test_acc": 0.859375}),
        (None, {"test_loss": 0.5495919585227966}),
    ]


def test_xgboost_rounds_are_steps_and_its_params_dict_is_no_metric():
    got = merge(parsed("xgboost"))
    assert set(got) == {"train_mlogloss", "train_merror", "valid_mlogloss", "valid_merror"}
    assert [s for s, _ in got["valid_merror"]] == [0, 5, 10, 15, 20, 25, 29]


def test_nanogpt_config_file_echo_gives_no_metric_and_its_curves_keep_their_iterations():
    got = merge(parsed("nanogpt"))
    assert set(got) == {"train_loss", "val_loss", "loss", "mfu"}
    assert [s for s, _ in got["val_loss"]] == [0, 50, 100, 150, 200]
    assert got["loss"][0] == (0, 3.4946)
    assert got["mfu"][0][0] == 10  # iteration 0 printed the -100 % placeholder


def test_mmengine_validation_lines_get_their_split_and_the_end_of_their_epoch():
    got = merge(parsed("mmengine"))
    assert [s for s, _ in got["val_accuracy"]] == [20, 40, 60]
    assert [s for s, _ in got["loss"]][:5] == [5, 10, 15, 20, 25]
    assert "accuracy" not in got


@pytest.mark.parametrize("name", TUNED_NAMES)
def test_a_real_log_gives_the_same_records_however_the_pipe_cuts_it(name):
    import random

    data = (DATA / name / "stdout.txt").read_bytes()[:200_000]
    whole = MetricParser(progress_interval_s=None)
    expected_records = whole.feed(data) + whole.flush()
    rng = random.Random(12)
    for _ in range(3):
        p = MetricParser(progress_interval_s=None)
        got, pos = [], 0
        while pos < len(data):
            size = rng.choice((1, 7, 300, 5000, 70000))
            got += p.feed(data[pos : pos + size])
            pos += size
        assert got + p.flush() == expected_records
