"""A run that logs every iteration: diagnose_failure reads its whole log in bounded memory. Theil-Sen's pairwise
slopes and the change point's search over every split run on block medians of a long series (series.thinned); the
answers stay those of the full series. Before, a 200,000-iteration log asked numpy for 298 GiB and failed."""

from __future__ import annotations

import math
import random

import pytest
from conftest import diagnose

from experiment_runner.diagnosis import series as S


def test_a_short_series_is_not_thinned():
    xs, ys = [0.0, 1.0, 2.0], [3.0, 2.0, 1.0]
    assert S.thinned(xs, ys) == (xs, ys)


def test_thinning_keeps_a_long_series_trend_and_its_ends():
    n = 50_000
    xs = [float(i) for i in range(n)]
    ys = [5.0 - 4e-5 * i + (0.5 if i % 2 else -0.5) for i in range(n)]  # a line under heavy alternating noise
    tx, ty = S.thinned(xs, ys)
    assert len(tx) == len(ty) == S.MAX_FIT_POINTS
    assert tx[0] < 50 and tx[-1] > n - 50  # the blocks cover the whole series, in order
    assert all(a < b for a, b in zip(tx, tx[1:]))
    t = S.trend(xs, ys)
    assert t is not None and t.n == n and t.falling
    assert t.slope == pytest.approx(-4e-5, rel=0.02)  # Theil-Sen on the block medians: the line's own slope


def test_the_change_point_of_a_long_series_is_found_at_its_knee_in_full_series_indices():
    n, knee = 30_000, 21_000
    xs = [float(i) for i in range(n)]
    ys = [2.0 - 1e-4 * min(i, knee) for i in range(n)]  # falls, then flat from the knee on
    cp = S.change_point(xs, ys)
    assert cp is not None
    assert abs(cp.index - knee) <= n / S.MAX_FIT_POINTS + 1  # within one block of the knee
    assert abs(cp.step - knee) <= n / S.MAX_FIT_POINTS + 1
    assert cp.slope_before == pytest.approx(-1e-4, rel=0.05) and abs(cp.slope_after) < 1e-6


def test_growth_of_a_long_diverging_series_is_its_rate():
    xs = [float(i) for i in range(40_000)]
    ys = [10 ** (i / 10_000) for i in range(40_000)]  # tenfold every 10,000 steps
    g = S.growth(xs, ys)
    assert g is not None and g.steps_per_tenfold == pytest.approx(10_000, rel=0.01)


def _iteration_log(n: int, blow_up_at: int | None = None) -> str:
    random.seed(0)
    lines = []
    for i in range(n):
        loss = 3.0 * math.exp(-i / (n / 4)) + 0.1 + random.gauss(0, 0.03)
        if blow_up_at is not None and i >= blow_up_at:
            loss = float("nan")
        lines.append(f"iter {i}: loss {loss:.4f}, time 12.3ms, mfu 31.2%")
    return "\n".join(lines) + "\n"


@pytest.mark.anyio
async def test_a_200k_iteration_log_is_diagnosed(workspace, mode):
    healthy = await diagnose(workspace, mode, log_text=_iteration_log(200_000), exit_code=0)
    assert healthy["findings"] == [] and healthy["verdict"] == "healthy", healthy["summary"]
    assert "over 200000 points" in healthy["shown_by"][0]
    broken = await diagnose(workspace, mode, log_text=_iteration_log(200_000, blow_up_at=199_000))
    assert broken["findings"][0]["category"] == "nan_or_inf_loss", broken["summary"]
    assert broken["findings"][0]["facts"]["bad_step"] == 199_000, broken["findings"][0]


def _tqdm_file(n: int, loss_at) -> str:
    """One epoch's tqdm bar as a file holds it (`python train.py > train.log`): every update after a `\\r`, one
    newline when the bar closes."""
    updates = (
        f"\rEpoch 0: {100 * i // n:3d}%|{'#' * (10 * i // n):10s}| {i}/{n} [00:{i % 60:02d}<00:10, 9.1it/s, "
        f"loss={loss_at(i)}, v_num=0]"
        for i in range(1, n + 1)
    )
    return "".join(updates) + "\n"


@pytest.mark.anyio
async def test_a_tqdm_bar_written_to_a_file_is_read_along_its_length(workspace, mode):
    n = 60_000
    falling = _tqdm_file(n, lambda i: f"{2.3 * 0.99995**i:.4f}")
    out = await diagnose(workspace, mode, log_text=falling, exit_code=0)
    assert out["verdict"] == "healthy", out["summary"]
    shown = out["shown_by"][0]
    assert shown.startswith("loss fell") and int(shown.split(" over ")[1].split()[0]) > 50, shown
    broken = _tqdm_file(n, lambda i: f"{2.3 * 0.99995**i:.4f}" if i < 40_000 else "nan")
    out = await diagnose(workspace, mode, log_text=broken)
    assert out["findings"][0]["category"] == "nan_or_inf_loss", out["summary"]


def test_a_flat_series_with_a_step_logged_twice_gives_a_slope_without_a_numpy_warning():
    import warnings

    # a Keras loss pinned at 0.0266 whose log repeats one step (two excerpts joined): Theil-Sen's interval variance
    # goes below 0 and numpy warned on every call
    xs = [8902.0, 13353.0, 17804.0, 22255.0, 26706.0, 31157.0, 35608.0, 40059.0, 40059.0, 253707.0, 258158.0]
    ys = [0.0266] * len(xs)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        t = S.trend(xs, ys)
        g = S.growth(xs, ys)
    assert t is not None and t.slope == 0 and not t.falling and g is not None and g.factor_per_step == 1
