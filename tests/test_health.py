"""Health signals from metric sequences built here: healthy noisy curves raise nothing, each failure its signal."""

from __future__ import annotations

import math
import random

import pytest

from experiment_runner.runs.health import HealthMonitor, is_grad_norm_name, is_loss_like
from experiment_runner.runs.metrics_parse import MetricParser
from experiment_runner.runs.model import HealthSignal
from experiment_runner.workspace.config import RunsConfig


def monitor(**config) -> HealthMonitor:
    return HealthMonitor(RunsConfig(**config), started_at=0.0)


def feed(hm: HealthMonitor, records, t0: float = 0.0, dt: float = 0.5) -> float:
    """Feed records one per dt seconds; returns the time of the last one."""
    t = t0
    for i, record in enumerate(records):
        t = t0 + i * dt
        hm.observe_metrics(record, t)
    return t


def codes(hm: HealthMonitor, now: float) -> list[str]:
    return [s.code for s in hm.signals(now)]


def by_code(hm: HealthMonitor, now: float) -> dict[str, HealthSignal]:
    return {s.code: s for s in hm.signals(now)}


# -- healthy curves ------------------------------------------------------------------------------------------
def noisy_sgd(seed: int, n: int = 3000, noise: float = 0.3, floor: float = 0.1, scale: float = 400.0):
    """Exponential decay with multiplicative per-batch noise, lognormal grad norms, a validation pass every 100."""
    rng = random.Random(seed)
    for i in range(n):
        level = floor + 2.2 * math.exp(-i / scale)
        record = {
            "step": i,
            "loss": max(1e-6, level * (1 + noise * rng.gauss(0, 1))),
            "grad_norm": math.exp(rng.gauss(0, 0.4)),
            "lr": 3e-4,
        }
        if i % 100 == 99:
            record["val_loss"] = level * 1.1 * (1 + 0.02 * rng.gauss(0, 1))
        yield record


def warmup(seed: int, n: int = 2500):
    """Tiny learning rate for 150 steps (loss barely moves), then a normal decay; grad norms start high."""
    rng = random.Random(seed)
    level = 2.303
    for i in range(n):
        lr = 3e-4 * min(1.0, (i + 1) / 150)
        level -= lr * 4 * (level - 0.2)
        yield {
            "step": i,
            "loss": level * (1 + 0.05 * rng.gauss(0, 1)),
            "grad_norm": (5.0 if i < 50 else 1.0) * math.exp(rng.gauss(0, 0.3)),
            "lr": lr,
        }


def converge_to_zero(seed: int, n: int = 4000):
    """Fast convergence, then a long plateau near zero with large relative noise."""
    rng = random.Random(seed)
    for i in range(n):
        level = 2.3 * math.exp(-i / 40) + 1e-3
        yield {"step": i, "loss": level * math.exp(rng.gauss(0, 0.5)), "val_loss": None}


def cosine(seed: int, n: int = 3000):
    """Cosine-annealed learning rate: fast early progress, slow at the end, validation every epoch of 200."""
    rng = random.Random(seed)
    progress = 0.0
    for i in range(n):
        lr = 0.5 * (1 + math.cos(math.pi * i / n))
        progress += lr
        level = 0.25 + 2.05 * math.exp(-progress / 150)
        record = {
            "step": i,
            "train/loss": level * (1 + 0.15 * rng.gauss(0, 1)),
            "lr": lr,
            "train/grad_norm": 0.5 + 0.1 * rng.random(),
        }
        if i % 200 == 199:
            record["val/loss"] = level * 1.05 + 0.01 * rng.gauss(0, 1)
        yield record


def noisy_plateau(seed: int, n: int = 3000):
    """Learns, then a long plateau with heavy per-batch noise (small batches), occasional fp16 inf grad norms."""
    rng = random.Random(seed)
    for i in range(n):
        level = 0.8 + 1.5 * math.exp(-i / 200)
        grad = math.inf if rng.random() < 0.02 else math.exp(rng.gauss(0, 0.5))
        yield {"step": i, "loss": max(1e-6, level * (1 + 0.45 * rng.gauss(0, 1))), "grad_norm": grad}


def clean(records):
    for r in records:
        yield {k: v for k, v in r.items() if v is not None}


@pytest.mark.parametrize("curve", [noisy_sgd, warmup, converge_to_zero, cosine, noisy_plateau])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_healthy_curves_raise_nothing(curve, seed):
    hm = monitor()
    records = list(clean(curve(seed)))
    # judge at every point along the way, not only at the end
    t = 0.0
    for i, record in enumerate(records):
        t = i * 0.5
        hm.observe_metrics(record, t)
        if i % 97 == 0:
            assert hm.signals(t) == [], (curve.__name__, i)
    assert hm.signals(t) == []
    assert hm.nan_step() is None


def test_a_single_loss_spike_is_not_divergence():
    records = list(noisy_sgd(3, n=1500, noise=0.1))
    records[900]["loss"] = 50.0
    records[901]["loss"] = 20.0
    hm = monitor()
    t = feed(hm, records)
    assert codes(hm, t) == []


# -- failures ------------------------------------------------------------------------------------------------
def test_nan_loss_is_critical_and_names_the_step():
    records = [{"step": s, "loss": 2.3 - s / 1000} for s in range(0, 420, 10)] + [
        {"step": 420, "loss": math.nan},
        {"step": 430, "loss": 2.0},
    ]
    hm = monitor()
    t = feed(hm, records)
    signal = by_code(hm, t)["nan_loss"]
    assert signal.severity == "critical" and signal.step == 420
    assert "loss became nan at step 420" in signal.message and "1.89 at step 410" in signal.message
    assert hm.nan_step() == 420
    assert signal.model_dump_json()  # serialisable (no NaN value)


def test_a_nan_without_a_step_is_still_detected():
    hm = monitor()
    hm.observe_metrics({"step": None, "loss": 0.51, "epoch": 0.02}, 1.0)
    hm.observe_metrics({"step": None, "loss": math.nan, "epoch": 0.04}, 2.0)
    assert hm.nan_detected() and hm.nan_step() is None
    assert "loss became nan at value #2" in by_code(hm, 3.0)["nan_loss"].message
    assert not monitor().nan_detected()


def test_inf_in_a_validation_loss_also_counts_and_only_the_first_is_kept():
    hm = monitor()
    hm.observe_metrics({"step": 5, "val_loss": math.inf}, 1.0)
    hm.observe_metrics({"step": 6, "loss": math.nan}, 2.0)
    signal = by_code(hm, 3.0)["nan_loss"]
    assert signal.step == 5 and "val_loss became inf at step 5" in signal.message
    assert signal.since == 1.0


def test_loss_scale_and_grad_norm_infs_are_not_a_nan_loss():
    hm = monitor()
    hm.observe_metrics({"step": 1, "loss_scale": math.inf, "grad_norm": math.inf, "loss": 1.0}, 1.0)
    assert "nan_loss" not in codes(hm, 1.0)


def diverging_records(seed=0):
    """Down to about 0.41 by step 300, then up to about 2.7 by step 420."""
    rng = random.Random(seed)
    for step in range(0, 300):
        yield {"step": step, "loss": (0.4 + 1.9 * math.exp(-step / 50)) * (1 + 0.03 * rng.gauss(0, 1))}
    for step in range(300, 421):
        yield {"step": step, "loss": (0.41 + 2.29 * ((step - 300) / 120) ** 2) * (1 + 0.03 * rng.gauss(0, 1))}


def test_a_rising_loss_is_diverging_with_where_it_was_best_and_where_it_is():
    hm = monitor()
    t = feed(hm, diverging_records())
    signal = by_code(hm, t)["loss_diverging"]
    assert signal.severity == "critical"
    assert signal.message.startswith("loss rose from 0.4")
    best_step = int(signal.message.split("(step ")[1].split(")")[0])
    assert 250 <= best_step <= 320
    assert 415 <= signal.step <= 420 and 2.0 < signal.value < 3.0  # judged every W/5 values
    # it clears when the loss comes back down
    for step in range(421, 600):
        hm.observe_metrics({"step": step, "loss": 0.42}, t + step)
    assert "loss_diverging" not in codes(hm, t + 600)


def test_loss_flat_from_the_start_is_a_warning():
    rng = random.Random(0)
    hm = monitor()
    t = feed(hm, ({"step": i, "loss": 2.3026 * (1 + 0.01 * rng.gauss(0, 1))} for i in range(300)))
    signal = by_code(hm, t)["loss_flat"]
    assert signal.severity == "warning" and "not improved since the start" in signal.message


def test_a_stall_before_the_loss_halved_is_info_and_says_so():
    rng = random.Random(0)
    records = [{"step": i, "loss": (2.3 - 0.4 * min(i, 100) / 100) * (1 + 0.01 * rng.gauss(0, 1))} for i in range(600)]
    hm = monitor()
    t = feed(hm, records)
    signal = by_code(hm, t)["loss_flat"]
    assert signal.severity == "info" and "stalled at 1.9" in signal.message


def test_the_flat_window_is_configurable():
    rng = random.Random(0)
    records = [{"step": i, "loss": 1.0 + 0.001 * rng.gauss(0, 1)} for i in range(60)]
    short, default = monitor(health_flat_window=50), monitor()
    assert "loss_flat" in codes(short, feed(short, records))
    assert "loss_flat" not in codes(default, feed(default, records))


def grad_records(seed=0, n=600, jump_at=None, jump=50.0, length=10):
    rng = random.Random(seed)
    for i in range(n):
        g = math.exp(rng.gauss(0, 0.3))
        if jump_at is not None and jump_at <= i < jump_at + length:
            g *= jump
        yield {"step": i, "loss": 1.0 / (1 + i / 100), "gradient_norm": g}


def test_an_exploding_gradient_norm_is_reported_then_clears():
    hm = monitor()
    t = feed(hm, grad_records(jump_at=500, n=510))
    signal = by_code(hm, t)["grad_norm_exploding"]
    assert signal.severity == "warning" and "gradient_norm jumped to" in signal.message
    assert signal.value > 20 and signal.step == 509
    t = feed(hm, ({"step": 510 + i, "gradient_norm": 1.0} for i in range(10)), t0=t + 1)
    assert "grad_norm_exploding" not in codes(hm, t)


def test_persistent_nan_gradient_norms_are_exploding():
    hm = monitor()
    t = feed(hm, grad_records(n=100))
    t = feed(hm, ({"step": 100 + i, "grad/norm": 1.0, "gradient_norm": math.nan} for i in range(3)), t0=t + 1)
    signal = by_code(hm, t)["grad_norm_exploding"]
    assert "NaN/Inf in 3 of the last 5" in signal.message


def overfitting(seed=0, n=3000):
    """Training loss keeps falling; validation (every 100 steps) reaches its minimum at step 1099 and rises."""
    rng = random.Random(seed)
    for i in range(n):
        record = {"step": i, "loss": (0.05 + 1.5 * math.exp(-i / 500)) * (1 + 0.1 * rng.gauss(0, 1))}
        if i % 100 == 99:
            base = 0.3 + 1.4 * math.exp(-i / 300)
            record["val_loss"] = base + (0.00012 * (i - 1099) if i > 1099 else 0.0) + 0.003 * rng.gauss(0, 1)
        yield record


def test_validation_rising_while_training_falls_reports_the_onset_step():
    hm = monitor()
    t = feed(hm, overfitting())
    signal = by_code(hm, t)["val_rising"]
    assert signal.severity == "warning"
    assert 1000 <= signal.step <= 1300
    assert "val_loss has risen since step" in signal.message and "while loss fell" in signal.message
    assert signal.value > 0.4


def test_a_noisy_validation_plateau_is_not_overfitting():
    rng = random.Random(5)
    records = []
    for i in range(3000):
        record = {"step": i, "loss": (0.3 + 1.0 * math.exp(-i / 800)) * (1 + 0.1 * rng.gauss(0, 1))}
        if i % 100 == 99:
            record["val_loss"] = 0.45 * (1 + 0.03 * rng.gauss(0, 1))
        records.append(record)
    hm = monitor()
    assert codes(hm, feed(hm, records)) == []


def gpu_sample(util: float) -> dict:
    gpu = {"index": 0, "util_percent": util, "mem_used_bytes": 1, "mem_total_bytes": 2, "name": "H100"}
    return {"time": 0, "cpu_percent": 100.0, "rss_bytes": 1, "procs": 1, "gpus": [gpu]}


def test_low_gpu_utilisation_sustained_while_training_is_input_bound():
    hm = monitor()
    hm.observe_metrics({"step": 0, "loss": 1.0}, 0.0)
    for t in range(0, 241, 5):
        hm.observe_telemetry(gpu_sample(8.0 + (t % 3)), float(t))
        hm.observe_output(float(t))
    signal = by_code(hm, 240.0)["low_gpu_util"]
    assert signal.severity == "warning" and "input-bound" in signal.message and "GPU 0: 9%" in signal.message


def test_busy_gpus_short_dips_and_startup_are_not_low_utilisation():
    hm = monitor()
    for t in range(0, 300, 5):  # loading data for 5 minutes before the first metric: not judged
        hm.observe_telemetry(gpu_sample(0.0), float(t))
    hm.observe_metrics({"step": 0, "loss": 1.0}, 300.0)
    for t in range(300, 700, 5):  # busy, with a 60 s dip (evaluation, checkpointing)
        hm.observe_telemetry(gpu_sample(5.0 if 400 <= t < 460 else 90.0), float(t))
        hm.observe_output(float(t))
        assert "low_gpu_util" not in codes(hm, float(t))


def test_unavailable_gpu_telemetry_raises_nothing():
    hm = monitor()
    hm.observe_metrics({"step": 0, "loss": 1.0}, 0.0)
    for t in range(0, 400, 5):
        hm.observe_telemetry(
            {"time": t, "cpu_percent": 1.0, "rss_bytes": 1, "procs": 1, "gpu": "unavailable: no driver"}, float(t)
        )
        hm.observe_output(float(t))
    assert codes(hm, 400.0) == []


def test_no_output_for_the_silence_limit_then_cleared_by_output():
    hm = HealthMonitor(RunsConfig(silence_warn_s=600), started_at=1000.0)
    assert codes(hm, 1599.0) == []
    signal = by_code(hm, 1700.0)["no_output"]
    assert "no output for 11 min 40 s" in signal.message and "since the run started" in signal.message
    assert signal.since == 1600.0
    hm.observe_output(1700.0)
    assert codes(hm, 1701.0) == []
    signal = by_code(hm, 2400.0)["no_output"]
    assert "since the last output" in signal.message and signal.value == pytest.approx(700.0)


def test_metrics_from_the_helper_file_count_as_activity():
    hm = HealthMonitor(RunsConfig(silence_warn_s=60), started_at=0.0)
    hm.observe_metrics({"step": 1, "acc": 0.5, "time": 50.0}, 50.0)
    assert codes(hm, 100.0) == []


def test_heartbeat_lost_is_a_valid_signal_the_monitor_never_raises():
    HealthSignal(code="heartbeat_lost", severity="critical", message="supervisor silent for 30 s")
    hm = monitor()
    t = feed(hm, diverging_records())
    assert "heartbeat_lost" not in codes(hm, t + 10_000)


def test_a_signal_keeps_the_time_it_was_first_raised():
    hm = monitor()
    t = feed(hm, ({"step": i, "loss": 2.3} for i in range(300)), dt=1.0)
    first = by_code(hm, t)["loss_flat"].since
    t = feed(hm, ({"step": 300 + i, "loss": 2.3} for i in range(50)), t0=t + 1, dt=1.0)
    assert by_code(hm, t)["loss_flat"].since == first


# -- which metric is the loss ----------------------------------------------------------------------------------
def test_metric_roles_follow_the_documented_names():
    assert all(is_loss_like(n) for n in ("loss", "val_loss", "train/loss_step", "kl_loss", "eval/loss", "nll_losses"))
    assert not any(is_loss_like(n) for n in ("loss_scale", "loss_weight", "lossless_ratio", "acc", "glossary"))
    assert all(
        is_grad_norm_name(n)
        for n in (
            "grad_norm",
            "gradient_norm",
            "grad/norm",
            "total_norm",
            "train/grad_norm",
            "gradnorm",
            "grad_norm/total",
        )
    )
    assert not any(is_grad_norm_name(n) for n in ("weight_norm", "norm", "grad_norm_clip_ratio"))


def test_the_per_iteration_loss_replaces_an_evaluation_time_train_loss():
    # nanoGPT: `step N: train loss` every 250 iterations, `iter N: loss` every iteration
    hm = monitor()
    hm.observe_metrics({"step": 0, "train_loss": 4.3, "val_loss": 4.3}, 0.0)
    t = feed(hm, diverging_records(), t0=1.0)
    assert by_code(hm, t)["loss_diverging"].message.startswith("loss rose")


def test_a_training_summary_does_not_replace_the_running_loss():
    # HuggingFace: `loss` while training, one `train_loss` average at the end
    hm = monitor()
    t = feed(hm, diverging_records())
    hm.observe_metrics({"step": None, "train_loss": 0.5, "train_runtime": 600.0}, t + 1)
    assert by_code(hm, t + 1)["loss_diverging"].message.startswith("loss rose")


def test_parsed_output_feeds_the_monitor_end_to_end():
    lines = []
    rng = random.Random(1)
    for i, record in enumerate(diverging_records()):
        lines.append(
            f"iter {record['step']}: loss {record['loss']:.4f}, time 45.{rng.randint(10, 99)}ms, mfu 12.{i % 10}%"
        )
    lines.append("iter 421: loss nan, time 45.00ms, mfu 12.0%")
    parser = MetricParser()
    hm = monitor()
    t = 0.0
    for chunk_start in range(0, len(lines), 37):
        data = ("\n".join(lines[chunk_start : chunk_start + 37]) + "\n").encode()
        hm.observe_output(t)
        for record in parser.feed(data):
            hm.observe_metrics(record, t)
        t += 1.0
    found = by_code(hm, t)
    assert {"loss_diverging", "nan_loss"} <= set(found)
    assert hm.nan_step() == 421


def test_memory_stays_bounded_whatever_the_run_logs():
    hm = monitor()
    for i in range(20_000):
        hm.observe_metrics(
            {"step": i, f"custom_loss_{i}": 1.0, "loss": 1.0 / (i + 1), "grad_norm": 1.0, "val_loss": 0.5}, float(i)
        )
        if i % 10 == 0:
            hm.observe_telemetry(gpu_sample(90.0), float(i))
    assert len(hm._roles) <= 4097
    assert len(hm._train.values) == 25 and len(hm._grad) == 30 and len(hm._val) <= 64
    assert len(hm._gpu) <= (180 + 60) // 10 + 2


# -- the batch path the supervisor uses ------------------------------------------------------------------------
def _mixed_records(seed: int, n: int = 6000):
    """Records of several shapes and every kind of value the parser or a run's own log() can give: NaN and Inf
    losses, strings, bools, ints, missing steps, float steps, gradient norms, a better-ranked loss appearing late."""
    rng = random.Random(seed)
    for i in range(n):
        level = 0.2 + 2.0 * math.exp(-i / 500) + (0.002 * (i - 4000) if i > 4000 else 0.0)
        r = {"step": i, "loss": level * (1 + 0.2 * rng.gauss(0, 1)), "acc": rng.random(), "lr": 3e-4}
        roll = rng.random()
        if roll < 0.1:
            r["grad_norm"] = math.exp(rng.gauss(0, 1)) * (50 if 3000 < i < 3100 else 1)
        if roll < 0.02:
            r["val_loss"] = level * 1.1
        if roll < 0.005:
            r["loss"] = rng.choice([math.nan, math.inf, "nan", True, 3])
        if 0.5 < roll < 0.51:
            del r["step"]
        if 0.6 < roll < 0.605:
            r["step"] = float(i)
        if i > 2000 and roll > 0.97:
            r = {"train_loss": r.get("loss", 1.0), "step": i}  # a better-ranked name for the training loss
        yield r


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_observing_a_batch_has_exactly_the_effect_of_observing_each_record(seed):
    records = list(_mixed_records(seed))
    one, batch = monitor(), monitor()
    t = 0.0
    for start in range(0, len(records), 97):
        chunk = records[start : start + 97]
        t = start * 0.01
        for r in chunk:
            one.observe_metrics(r, t)
        batch.observe_batch(chunk, t)
        if start % (97 * 10) == 0:
            assert one.signals(t) == batch.signals(t)
    assert one.signals(t) == batch.signals(t)
    assert (one._nan, one._loss_values, one.nan_step()) == (batch._nan, batch._loss_values, batch.nan_step())
    assert one._train.name == batch._train.name and list(one._train.values) == list(batch._train.values)
    assert list(one._val) == list(batch._val) and list(one._grad) == list(batch._grad)
    assert any(isinstance(r.get("loss"), float) and not math.isfinite(r["loss"]) for r in records)
