"""Statistics over metric series (tiny hand-computed cases) and the metric checks built on them, plus the
hyperparameters read from a command, a config file and a log head."""

from __future__ import annotations

import math

import pytest

from experiment_runner.diagnosis import hparams as H
from experiment_runner.diagnosis import series as S
from experiment_runner.diagnosis.metric_checks import analyse
from experiment_runner.diagnosis.model import CATEGORIES, combine
from experiment_runner.diagnosis.playbook import metric_roles, playbook


def test_mann_kendall_and_theil_sen_on_a_straight_line_are_exact():
    t = S.trend([0, 1, 2, 3, 4], [10.0, 8.0, 6.0, 4.0, 2.0])
    assert t.tau == pytest.approx(-1.0)
    assert t.p == pytest.approx(2 / 120)  # exact two-sided p of tau=-1 with n=5: 2/5!
    assert t.slope == pytest.approx(-2.0)
    assert (t.start, t.end) == (9.0, 3.0)  # medians of the first and last two points
    assert t.relative_change == pytest.approx(-2 / 3)
    assert t.falling and not t.rising


def test_a_constant_series_has_no_trend():
    t = S.trend([0, 1, 2, 3], [1.0, 1.0, 1.0, 1.0])
    assert (t.tau, t.p, t.slope) == (0.0, 1.0, 0.0)


def test_theil_sen_ignores_one_wild_point():
    t = S.trend(list(range(7)), [0.0, 1.0, 2.0, 300.0, 4.0, 5.0, 6.0])
    assert t.slope == pytest.approx(1.0)


def test_the_change_point_of_a_v_is_its_bottom():
    xs = list(range(10))
    ys = [9.0, 7.0, 5.0, 3.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    cp = S.change_point(xs, ys)
    assert cp.index == 5 and cp.step == 5.0
    assert cp.slope_before == pytest.approx(-2.0) and cp.slope_after == pytest.approx(1.0)
    assert cp.sse == pytest.approx(0.0, abs=1e-9) and cp.sse_one_line > 10


def test_growth_of_a_geometric_series_is_its_ratio():
    g = S.growth([0, 1, 2, 3, 4], [1.0, 10.0, 100.0, 1000.0, 10000.0])
    assert g.factor_per_step == pytest.approx(10.0)
    assert g.steps_per_tenfold == pytest.approx(1.0)
    assert g.ratio == pytest.approx(1e4)


def test_first_nonfinite_keeps_the_points_before_it():
    bad = S.first_nonfinite([(1, 2.0), (2, 1.5), (3, math.inf), (4, math.nan)])
    assert (bad.index, bad.step, bad.value) == (2, 3, math.inf)
    assert bad.before == [(1, 2.0), (2, 1.5)]


def test_too_few_points_say_nothing():
    assert S.trend([0, 1], [1.0, 2.0]) is None
    assert S.change_point([0, 1, 2], [1.0, 2.0, 3.0]) is None
    assert S.growth([0, 1], [1.0, 2.0]) is None


def test_confidence_combines_independent_evidence():
    assert combine([0.5, 0.5]) == 0.75
    assert combine([0.95, 0.95, 0.95]) == 0.99  # capped


def test_every_category_has_a_playbook_entry_and_metric_roles_come_from_the_vocabulary():
    assert set(CATEGORIES) <= set(playbook()["categories"])
    assert "metric_roles" not in playbook()  # one vocabulary, no second list of names
    roles = metric_roles()
    assert [roles(n) for n in ("loss", "eval_loss", "val_accuracy", "gnorm", "kl_loss", "lr")] == [
        "train_loss", "val_loss", "val_acc", "grad_norm", None, None,
    ]  # fmt: skip


def _series(values, start=1):
    return [(start + i, float(v)) for i, v in enumerate(values)]


def test_a_flat_loss_is_not_decreasing_with_its_statistics():
    mf = analyse(
        {"loss": _series([1.386, 1.385, 1.387, 1.386, 1.384, 1.386, 1.385, 1.386, 1.385, 1.386])}, metric_roles()
    )
    ev = mf.evidence["loss_not_decreasing"][0]
    assert ev.strength >= 0.8 and "flat from the start" in ev.summary
    assert mf.facts["loss_not_decreasing"]["flat_from_start"] is True


def test_a_converging_loss_is_not_flagged():
    mf = analyse({"loss": _series([2.3 * 0.6**i + 0.05 for i in range(20)])}, metric_roles())
    assert not mf.evidence


def test_a_nan_stops_the_trend_checks_and_records_the_growth_before_it():
    mf = analyse({"loss": _series([1.0, 0.9, 0.95, 3.0, 40.0, 900.0, math.nan, math.nan])}, metric_roles())
    # a thousandfold finite growth first: the divergence is evidence of its own, the NaN its end
    assert set(mf.evidence) == {"nan_or_inf_loss", "exploding_gradients"}
    facts = mf.facts["nan_or_inf_loss"]
    assert facts["bad_step"] == 7 and facts["diverged_before_nan"] is True and facts["pre_nan_growth"] == "1e+03"
    growth = mf.evidence["exploding_gradients"][0]
    assert growth.data["start_step"] == 2 and growth.strength == 0.9


def test_a_loss_that_breaks_from_an_ordinary_value_is_a_nan_without_a_divergence():
    mf = analyse({"loss": _series([1.0, 0.9, 0.95, 0.93, 0.91, math.nan])}, metric_roles())
    assert list(mf.evidence) == ["nan_or_inf_loss"]
    assert mf.facts["nan_or_inf_loss"]["abrupt_nan"] is True


def test_validation_tracking_training_down_to_almost_nothing_is_leakage_too_good_to_be_true():
    train = [2.0 * 0.5**i for i in range(10)]
    mf = analyse({"train_loss": _series(train), "val_loss": _series([t * 1.005 for t in train])}, metric_roles())
    assert mf.evidence["data_leakage"][0].strength == 0.75
    assert mf.facts["data_leakage"]["leak_kind"] == "too_good"
    assert "overfitting" not in mf.evidence


def test_validation_identical_to_training_at_every_evaluation_is_the_training_set():
    train = [1.2 - 0.05 * i for i in range(8)]
    mf = analyse({"train_loss": _series(train), "val_loss": _series(train)}, metric_roles())
    assert mf.evidence["data_leakage"][0].strength == 0.85
    assert "the validation set is the training set" in mf.evidence["data_leakage"][0].summary


def test_validation_tracking_training_at_a_level_far_from_perfect_is_no_evidence_of_leakage():
    train = [2.0 * 0.8**i for i in range(10)]
    mf = analyse({"train_loss": _series(train), "val_loss": _series([t * 1.005 for t in train])}, metric_roles())
    assert "data_leakage" not in mf.evidence


def test_a_zero_training_loss_is_not_read_as_validation_equal_to_training():
    train = [0.44, 0.0013] + [0.0] * 10
    val = [0.70, 1.49, 3.29] + [3.98] * 9
    mf = analyse({"train-logloss": _series(train), "validation-logloss": _series(val)}, metric_roles())
    assert "data_leakage" not in mf.evidence and "overfitting" in mf.evidence


def test_gradient_norms_growing_tenfold_every_two_steps_are_exploding():
    mf = analyse(
        {"grad_norm": _series([10 ** (i / 2) for i in range(12)]), "loss": _series([1.0] * 12)}, metric_roles()
    )
    ev = mf.evidence["exploding_gradients"][0]
    assert ev.strength >= 0.9
    assert ev.data["steps_per_tenfold"] == pytest.approx(2.0)


# --- hyperparameters ------------------------------------------------------------------------------------------------


def test_the_command_line_gives_values_in_every_common_spelling_and_can_be_rewritten():
    argv = [
        "python",
        "train.py",
        "--learning-rate=3e-3",
        "--bs",
        "64",
        "max_grad_norm=5",
        "--fp16",
        "--config",
        "c.yaml",
    ]
    hp = H.Hparams()
    configs = H.from_argv(argv, hp)
    assert configs == ["c.yaml"]
    assert hp.number("lr") == 3e-3 and hp.number("batch_size") == 64 and hp.number("grad_clip") == 5
    assert hp.get("precision").value is True
    lower = H.format_like(hp.number("lr") / 10, hp.get("lr").text)
    assert lower == "3e-4"
    assert H.rewrite_argv(argv, hp.get("lr"), lower)[2] == "--learning-rate=3e-4"
    assert H.rewrite_argv(argv, hp.get("batch_size"), "32")[4] == "32"


def test_a_config_file_and_the_log_head_fill_what_the_command_lacks(tmp_path):
    from experiment_runner.workspace import confine

    confine.register(tmp_path)  # config files are read only inside a registered root, as in a workspace
    cfg = tmp_path / "c.yaml"
    cfg.write_text("training:\n  optimizer:\n    lr: 0.001\n  batch_size: 128\nmodel:\n  dropout: 0.1\n")
    head = [(1, "Overriding: weight_decay = 0.05"), (2, "config: lr=0.5 num_workers=8")]
    hp = H.collect(
        ["python", "t.py", "--config", "c.yaml"], cwd=tmp_path, head_lines=head, resolve=lambda p: tmp_path / p
    )
    assert hp.get("lr").source == "config c.yaml" and hp.number("lr") == 0.001  # the config wins over the log
    assert hp.number("batch_size") == 128 and hp.number("dropout") == 0.1
    assert hp.get("weight_decay").source == "log line 1" and hp.number("num_workers") == 8


def test_numbers_are_written_the_way_the_user_wrote_them():
    assert H.format_like(0.0003, "0.003") == "0.0003"
    assert H.format_like(4.0, "40") == "4"
    assert H.format_like(6e-5, "6e-4") == "6e-5"
