"""Verdicts on broken-but-finite runs, through the tool, on logs in the formats real frameworks print: a loss far
above the chance loss ln C, a loss pinned at ln C, accuracy at chance or frozen at one value, a decisive
train/validation gap from one evaluation, underfitting (not leakage), leakage only on positive evidence, a loss
frozen after the gradient norm went NaN; and healthy runs that look alarming at a glance stay healthy."""

from __future__ import annotations

import pytest

from experiment_runner.diagnosis.baselines import baseline, ln_classes
from tests.conftest import diagnose

pytestmark = pytest.mark.anyio


def categories(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"]]


def mnist_log(losses: list[float], tests: list[tuple[float, int]]) -> str:
    """pytorch/examples mnist's output: 5 batch lines per epoch, then the test line."""
    lines, per = [], len(losses) // len(tests)
    for epoch, (test_loss, correct) in enumerate(tests, 1):
        for j, loss in enumerate(losses[(epoch - 1) * per : epoch * per]):
            lines.append(f"Train Epoch: {epoch} [{j * 640}/3000 ({j * 21}%)]\tLoss: {loss:.6f}")
        lines.append(f"\nTest set: Average loss: {test_loss:.4f}, Accuracy: {correct}/1000 ({correct // 10}%)\n")
    return "\n".join(lines) + "\n"


async def test_a_finite_loss_far_above_ln_c_is_a_divergence_and_accuracy_at_chance_its_consequence(workspace, mode):
    log = mnist_log(
        [2.299652, 62.505451, 43.623405, 34.170769, 31.368114, 21.700617, 11.884563, 16.878319, 12.027649, 8.802507],
        [(25.7766, 103), (11.9726, 94)],
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0, command=["python", "main.py", "--lr", "10000"])
    top = out["findings"][0]
    assert top["category"] == "exploding_gradients" and top["confidence"] >= 0.9
    assert "ln 10" in top["headline"] and "every value finite" in top["headline"]
    assert top["next_steps"][0] == "lower the learning rate from 10000 to 1000"
    chance = out["findings"][1]
    assert chance["category"] == "loss_not_decreasing" and "a consequence of gradients exploding" in chance["headline"]


async def test_a_cross_entropy_no_number_of_classes_explains_is_a_blow_up(workspace, mode):
    lines = [
        "{'loss': '50.28', 'grad_norm': '4.842', 'learning_rate': '4.7', 'epoch': '0.2'}",
        "{'loss': '25.94', 'grad_norm': '2.862', 'learning_rate': '4.367', 'epoch': '0.4'}",
        "{'eval_loss': '8.718', 'eval_accuracy': '0.3625', 'epoch': '1'}",
        "{'loss': '7.947', 'grad_norm': '2.307', 'learning_rate': '3.033', 'epoch': '1.2'}",
        "{'eval_loss': '1.071', 'eval_accuracy': '0.6375', 'epoch': '2'}",
    ]
    out = await diagnose(workspace, mode, log_text="\n".join(lines) + "\n", exit_code=0)
    top = out["findings"][0]
    assert top["category"] == "exploding_gradients" and "no chance level explains" in top["headline"]
    assert "at logged value 1 of" in top["headline"]  # no step was logged: no made-up step number


async def test_a_loss_pinned_at_ln_2_after_an_early_spike_is_a_dead_model_first(workspace, mode):
    losses = [0.6773, 2.4587, 5.3353, 1.0234, 10.6901, 1.9899, 3.5713, 0.6869] + [0.6931] * 20
    log = "".join(f"= >   step: {i} loss: {v:.4f} accuracy:0.6{i % 10}\n" for i, v in enumerate(losses))
    out = await diagnose(workspace, mode, log_text=log)
    top = out["findings"][0]
    assert top["category"] == "loss_not_decreasing" and "= ln 2" in top["headline"]
    assert "exploding_gradients" in categories(out)[1:]


async def test_validation_accuracy_frozen_at_one_value_means_a_constant_answer(workspace, mode):
    log = "".join(
        f"Epoch {e}/7\n100/100 - 57s - loss: {5.2 - 0.03 * e:.4f} - accuracy: 0.02{e} - "
        f"val_loss: {4.97 - 0.002 * e:.4f} - val_accuracy: 0.0361\n"
        for e in range(1, 8)
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    top = out["findings"][0]
    assert top["category"] == "loss_not_decreasing" and "exactly 0.0361" in top["headline"]


async def test_one_epoch_with_a_decisive_train_validation_gap_is_overfitting(workspace, mode):
    log = (
        "Epoch 1/1\n938/938 - 12s - 13ms/step - accuracy: 0.9912 - loss: 0.0351 - val_accuracy: 0.5903 - "
        "val_loss: 2.6822\n"
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    top = out["findings"][0]
    assert top["category"] == "overfitting" and "0.9912" in top["headline"] and "0.5903" in top["headline"]


async def test_a_small_gap_at_one_evaluation_is_not_overfitting(workspace, mode):
    log = "Epoch 1/1\n938/938 - 12s - accuracy: 0.9612 - loss: 0.1151 - val_accuracy: 0.9503 - val_loss: 0.1622\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True


def lightning_lines(train: list[float], val: list[float], acc: list[float]) -> str:
    return "".join(
        f"Epoch {i}: train_loss_epoch={t:.4f}, val_acc={a:.4f}, val_loss={v:.4f}\n"
        for i, (t, v, a) in enumerate(zip(train, val, acc))
    )


async def test_train_and_validation_levelling_off_together_far_from_perfect_is_underfitting(workspace, mode):
    train = [1.4135, 1.2539, 1.2232, 1.2119, 1.2093, 1.2068, 1.2095, 1.2066, 1.2081, 1.2071]
    val = [1.2844, 1.2411, 1.2276, 1.2319, 1.2286, 1.2267, 1.2286, 1.2273, 1.2303, 1.2312]
    acc = [0.359, 0.416, 0.425, 0.443, 0.426, 0.437, 0.443, 0.43, 0.431, 0.439]
    out = await diagnose(workspace, mode, log_text=lightning_lines(train, val, acc), exit_code=0)
    assert out["findings"][0]["category"] == "underfitting"
    assert "data_leakage" not in categories(out)
    assert any("larger model" in s for s in out["findings"][0]["next_steps"])


async def test_a_converging_run_is_not_underfitting(workspace, mode):
    train = [0.9 * 0.7**i + 0.05 for i in range(10)]
    val = [t * 1.03 for t in train]
    acc = [0.6 + 0.035 * i for i in range(10)]
    out = await diagnose(workspace, mode, log_text=lightning_lines(train, val, acc), exit_code=0)
    assert out["healthy"] is True


async def test_validation_identical_to_training_at_every_epoch_is_leakage(workspace, mode):
    log = "lr=0.05 batch_size=50 epochs=8\n" + "".join(
        f"epoch={e} step={20 * e} train_loss={0.31 - 0.012 * e:.4f} train_acc={0.89 + 0.003 * e:.4f} "
        f"val_loss={0.31 - 0.012 * e:.4f} val_acc={0.89 + 0.003 * e:.4f}\n"
        for e in range(1, 9)
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    top = out["findings"][0]
    assert top["category"] == "data_leakage" and "the validation set is the training set" in top["headline"]


async def test_validation_better_than_training_under_dropout_is_no_false_alarm(workspace, mode):
    rows = [(2.6313, 0.3137, 1.0136, 0.6627), (1.1172, 0.6313, 0.5623, 0.826), (0.7672, 0.744, 0.4229, 0.8727)]
    rows += [(0.609, 0.7977, 0.3668, 0.8827), (0.5345, 0.8153, 0.3338, 0.894), (0.4892, 0.8368, 0.3188, 0.8927)]
    log = "".join(
        f"Epoch {i}/6\n94/94 - 1s - accuracy: {a:.4f} - loss: {t:.4f} - val_accuracy: {va:.4f} - val_loss: {v:.4f}\n"
        for i, (t, a, v, va) in enumerate(rows, 1)
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True
    assert [w["category"] for w in out["weak_signals"]] == ["data_leakage"]


async def test_a_loss_frozen_after_the_gradient_norm_went_nan_is_a_nan_in_the_weights(workspace, mode):
    log = (
        "{'loss': 0.2051, 'grad_norm': nan, 'learning_rate': 9.77e-06, 'epoch': 0.53}\n"
        "{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 9.76e-06, 'epoch': 0.53}\n"
        "{'loss': 0.0, 'grad_norm': nan, 'learning_rate': 9.75e-06, 'epoch': 0.54}\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    top = out["findings"][0]
    assert top["category"] == "nan_or_inf_loss" and "frozen at 0" in top["headline"]


async def test_a_slow_start_near_ln_c_that_then_learns_is_healthy(workspace, mode):
    losses = [2.299652, 2.311194, 2.303179, 2.297312, 2.290652, 2.277625, 2.265358, 2.234895, 2.184574, 2.142289]
    losses += [2.053362, 1.97442, 1.95, 1.92, 1.881413, 1.85, 1.7, 1.64653, 1.572149, 1.644843]
    log = mnist_log(losses, [(2.2847, 129), (2.0675, 271), (1.7716, 371), (1.7113, 383)])
    out = await diagnose(workspace, mode, log_text=log, exit_code=0, command=["python", "main.py", "--epochs", "4"])
    assert out["healthy"] is True


def test_the_number_of_classes_comes_from_a_setting_the_printed_model_or_the_first_loss():
    series = {"loss": [(0, 2.3), (1, 1.2)], "val_acc": [(1, 0.5)]}
    assert baseline(series, "loss", num_classes=100).classes == 100
    head = ["Net(", "  (fc2): Linear(in_features=128, out_features=7, bias=True)", ")"]
    assert baseline(series, "loss", head_lines=head).classes == 7
    assert baseline({"loss": [(0, 2.2997)], "val_acc": [(1, 0.1)]}, "loss").classes == 10
    assert baseline({"loss": [(0, 2.0)], "val_acc": [(1, 0.1)]}, "loss").classes is None  # e**2 is no class count
    assert baseline({"train-logloss": [(0, 0.6)]}, "train-logloss").classes == 2
    assert baseline({"mse": [(0, 40.0)]}, "mse").task == "regression"
    assert (
        ln_classes(0.6931, max_classes=12, tolerance=0.001) == 2
        and ln_classes(3.0, max_classes=12, tolerance=0.001) is None
    )


async def test_a_summed_loss_that_starts_high_while_accuracy_climbs_is_no_blow_up(workspace, mode):
    log = "".join(
        f"epoch {e} train_loss {1500 * 0.5**e:.2f} train_acc {min(0.99, 0.2 + 0.1 * e):.3f}\n" for e in range(10)
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]


async def test_a_converged_loss_printed_with_two_decimals_is_not_pinned(workspace, mode):
    log = "".join(f"step {i} loss {v}\n" for i, v in enumerate([0.9, 0.7, 0.5, 0.42, 0.38, 0.36] + [0.35] * 10))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]


async def test_a_high_accuracy_that_stays_put_on_a_small_validation_set_is_a_converged_model(workspace, mode):
    log = "".join(
        f"Epoch {e}/8\n10/10 - 0s - accuracy: {0.9 + 0.01 * e:.4f} - loss: {0.3 - 0.02 * e:.4f} - "
        f"val_accuracy: 0.8800 - val_loss: {0.35 - 0.01 * e:.4f}\n"
        for e in range(1, 9)
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]


async def test_one_odd_batch_of_a_loss_of_unknown_kind_is_no_blow_up_but_a_climb_that_stays_is(workspace, mode):
    once = [1.0, 0.9, 0.85, 12.0, 0.8, 0.78, 0.75, 0.74, 0.72, 0.7]
    out = await diagnose(workspace, mode, log_text="".join(f"step {i} loss {v}\n" for i, v in enumerate(once)))
    assert out["healthy"] is True, out["findings"]
    stays = [1.0, 0.9, 2.5, 12.0, 15.0, 18.0, 30.0, 45.0, 60.0, 80.0]
    out = await diagnose(workspace, mode, log_text="".join(f"step {i} loss {v}\n" for i, v in enumerate(stays)))
    assert out["findings"][0]["category"] == "exploding_gradients"


async def test_a_gradient_norm_that_is_nan_once_and_finite_again_is_a_skipped_step_not_a_failure(workspace, mode):
    # mmcv-style lines: the fp16 optimizer hook skips the overflowed step and reports its norm as nan
    log = "".join(
        f"Epoch [1][{i * 100}/62598]\tlr: 1.000e-03, time: 0.539, loss_ce: {1.3 / i:.4f}, loss: {1.9 / i:.4f}, "
        f"grad_norm: {'nan' if i == 1 else f'{4.0 + 0.1 * i:.4f}'}\n"
        for i in range(1, 7)
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert out["healthy"] is True, out["findings"]


async def test_a_gradient_norm_that_stays_nan_while_the_loss_is_frozen_is_still_a_failure(workspace, mode):
    log = "".join(
        f"step {i * 10} | loss {2.0 - 0.1 * i if i < 4 else 1.6:.4f} | grad_norm {'nan' if i >= 4 else 1.0}\n"
        for i in range(12)
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert out["findings"] and out["findings"][0]["category"] == "nan_or_inf_loss", out["findings"]


async def test_the_first_steps_of_a_run_whose_loss_is_falling_faster_at_the_end_are_no_plateau(workspace, mode):
    # TensorFlow's slim learning loop, each line printed twice (tf logging and absl)
    losses = [37.9278, 38.2249, 38.1697, 37.3754, 36.9365, 36.6026, 36.3448, 35.3725]
    log = "".join(
        f"INFO:tensorflow:global step {i}: loss = {v} (0.35 sec/step)\n"
        f"I0401 14:10:33.120939 139834 learning.py:507] global step {i}: loss = {v} (0.35 sec/step)\n"
        for i, v in enumerate(losses)
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert out["healthy"] is True, out["findings"]


async def test_a_loss_that_drops_early_then_sits_still_for_the_rest_of_the_run_has_stalled(workspace, mode):
    import random

    rnd = random.Random(0)
    losses = [2.2 - 0.15 * i for i in range(6)] + [1.39 + rnd.uniform(-0.04, 0.04) for _ in range(60)]
    log = "".join(f"step {i}: loss={v:.4f}\n" for i, v in enumerate(losses))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert "loss_not_decreasing" in categories(out), out["findings"]


def keras_epochs(rows: list[tuple[float, float]], steps: int = 63) -> str:
    """Keras 3's fit output: one line per epoch, then the test evaluation."""
    lines = []
    for i, (loss, acc) in enumerate(rows, 1):
        lines.append(f"Epoch {i}/{len(rows)}")
        lines.append(f"{steps}/{steps} ━━━━━━━━━━━━━━━━━━━━ 1s 9ms/step - accuracy: {acc:.4f} - loss: {loss:.4f}")
    return "\n".join(lines) + "\n"


async def test_a_loss_repeating_five_printed_digits_epoch_after_epoch_is_pinned_with_its_accuracy(workspace, mode):
    log = keras_epochs([(11.3729, 0.2828)] + [(11.4882, 0.2873)] * 5)
    log += "test loss 11.8146 test accuracy 0.2670\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    top = out["findings"][0]
    assert top["category"] == "loss_not_decreasing", out["findings"]
    assert "11.49" in top["headline"]
    assert any("accuracy is exactly 0.2873" in e["summary"] for e in top["evidence"])


async def test_a_converging_keras_run_whose_printed_loss_keeps_changing_is_not_pinned(workspace, mode):
    log = keras_epochs([(2.0 * 0.8**i, min(0.99, 0.3 + 0.1 * i)) for i in range(8)])
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["healthy"] is True, out["findings"]


def lightning_epochs(rows: list[tuple[float, float, float]]) -> str:
    """Lightning's end-of-epoch bar (train_loss, val_loss, val_acc), then its test table."""
    lines = [
        f"Epoch {i}: 100%|██████████| 13/13 [00:00<00:00, 90.1it/s, v_num=0, train_loss={t:.4f}, val_loss={v:.4f}, "
        f"val_acc={a:.4f}]"
        for i, (t, v, a) in enumerate(rows)
    ]
    return "\n".join(lines) + "\n"


def lightning_test_table(acc: float, loss: float) -> str:
    return (
        "────────────────────────────────────────────\n       Test metric             DataLoader 0\n"
        "────────────────────────────────────────────\n"
        f"        test_acc            {acc}\n        test_loss           {loss}\n"
        "────────────────────────────────────────────\n"
    )


async def test_validation_near_perfect_while_the_test_split_is_at_chance_is_leakage(workspace, mode):
    rows = [(1.4 * 0.85**i, 1.35 * 0.85**i, min(1.0, 0.3 + 0.03 * i)) for i in range(30)]
    out = await diagnose(
        workspace, mode, log_text=lightning_epochs(rows) + lightning_test_table(0.22, 4.9639), exit_code=0
    )
    top = out["findings"][0]
    assert top["category"] == "data_leakage", out["findings"]
    assert "the two held-out splits disagree" in top["headline"]
    assert not any("truly held-out" in s for s in top["next_steps"])


async def test_a_test_split_a_little_worse_than_validation_is_no_leakage(workspace, mode):
    rows = [(1.4 * 0.9**i, 1.45 * 0.9**i + 0.2, min(0.9, 0.3 + 0.03 * i)) for i in range(20)]
    out = await diagnose(
        workspace, mode, log_text=lightning_epochs(rows) + lightning_test_table(0.86, 0.41), exit_code=0
    )
    assert "data_leakage" not in categories(out), out["findings"]


async def test_a_loss_that_makes_no_new_low_after_its_first_drop_despite_spikes_has_stalled_at_too_high_an_lr(
    workspace, mode
):
    import random

    rnd = random.Random(1)
    losses = [3.97, 3.51, 3.31, 3.25]
    losses += [3.3 + rnd.uniform(0.0, 0.4) for _ in range(8)] + [4.5, 5.7, 7.3, 4.4]
    losses += [3.25 + rnd.uniform(-0.02, 0.05) for _ in range(15)]
    log = "".join(f"iter {i * 10}: loss {v:.4f}, time 30.00ms, mfu 0.01%\n" for i, v in enumerate(losses))
    out = await diagnose(
        workspace, mode, log_text=log, exit_code=0, command=["python", "train.py", "--learning_rate=1.0"]
    )
    top = out["findings"][0]
    assert top["category"] == "loss_not_decreasing", out["findings"]
    assert "lower the learning rate from 1.0 to 0.1" in top["next_steps"]
    assert any("climbed to 7.3" in c for c in top["likely_causes"])
    assert not any("10" in s.split("learning rate")[-1] for s in top["next_steps"] if "around the current" in s)
