"""Statistics: tiny hand-computed values, and scipy's reference results to 1e-9 where scipy computes the same
quantity (bootstrap intervals included, from the same generator state)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as st

from experiment_runner.stats.bootstrap import Ordered, bootstrap_cis, bootstrap_means, quantile_mc_se
from experiment_runner.stats.compare import (
    hedges_g,
    holm,
    mann_whitney,
    min_mann_whitney_p,
    probability_of_improvement,
    student_t,
    welch_t,
)
from experiment_runner.stats.curves import learning_curve
from experiment_runner.stats.describe import describe, t_interval
from experiment_runner.stats.power import power_two_sample_t, seeds_needed

X = [0.812, 0.8098, 0.8084, 0.8125, 0.8081, 0.8159]
Y = [0.8388, 0.8378, 0.8272, 0.8228, 0.8233, 0.8279, 0.8301]


def test_describe_gives_mean_sample_std_and_t_interval_computed_by_hand():
    d = describe([1.0, 2.0, 3.0, 4.0])
    assert d.n == 4 and d.mean == 2.5 and d.min == 1.0 and d.max == 4.0 and d.median == 2.5
    assert d.std == pytest.approx(math.sqrt(5 / 3), abs=1e-12)  # ddof=1: (2.25+0.25+0.25+2.25)/3
    # t(0.975, 3) = 3.182 from a printed table; half-width = 3.182 * 1.29099 / 2 = 2.054
    assert d.ci_low == pytest.approx(2.5 - 2.054, abs=1e-3) and d.ci_high == pytest.approx(2.5 + 2.054, abs=1e-3)


def test_describe_matches_scipy_to_1e9():
    d = describe(X)
    lo, hi = st.t.interval(0.95, len(X) - 1, loc=np.mean(X), scale=st.sem(X))
    assert abs(d.std - st.tstd(X)) < 1e-9 and abs(d.sem - st.sem(X)) < 1e-9
    assert abs(d.ci_low - lo) < 1e-9 and abs(d.ci_high - hi) < 1e-9
    assert t_interval(d.mean, d.std, d.n) == pytest.approx((lo, hi), abs=1e-9)


def test_one_value_has_no_spread_and_non_finite_values_are_refused():
    d = describe([0.9])
    assert d.n == 1 and d.mean == 0.9 and math.isnan(d.std) and math.isnan(d.ci_low)
    with pytest.raises(ValueError):
        describe([0.9, float("nan")])


def test_welch_t_by_hand_and_equal_to_scipy():
    t = welch_t([1, 2, 3], [4, 5, 6, 7])
    # se^2 = 1/3 + (5/3)/4 = 0.75; t = -3.5 / sqrt(0.75); df = 0.75^2 / ((1/3)^2/2 + (5/12)^2/3)
    assert t.statistic == pytest.approx(-3.5 / math.sqrt(0.75), abs=1e-12)
    assert t.df == pytest.approx(0.5625 / ((1 / 9) / 2 + (25 / 144) / 3), abs=1e-12)
    ref = st.ttest_ind(X, Y, equal_var=False)
    w = welch_t(X, Y)
    assert abs(w.statistic - ref.statistic) < 1e-9 and abs(w.pvalue - ref.pvalue) < 1e-9 and abs(w.df - ref.df) < 1e-9


def test_student_t_equals_scipy():
    ref = st.ttest_ind(X, Y, equal_var=True)
    s = student_t(X, Y)
    assert abs(s.statistic - ref.statistic) < 1e-9 and abs(s.pvalue - ref.pvalue) < 1e-9 and s.df == len(X) + len(Y) - 2


def test_constant_samples_give_no_t_statistic():
    assert math.isnan(welch_t([1, 1], [1, 1]).pvalue)


def test_mann_whitney_separated_samples_of_three_give_the_exact_minimum_p():
    u = mann_whitney([1, 2, 3], [4, 5, 6])
    assert u.statistic == 0 and u.pvalue == pytest.approx(0.1, abs=1e-12) and u.method == "exact"
    assert min_mann_whitney_p(3, 3) == pytest.approx(2 / 20)
    ref = st.mannwhitneyu(X, Y, alternative="two-sided")
    m = mann_whitney(X, Y)
    assert abs(m.statistic - ref.statistic) < 1e-9 and abs(m.pvalue - ref.pvalue) < 1e-9


def test_hedges_g_by_hand_with_the_exact_correction():
    # pooled var = (2*1 + 3*5/3)/5 = 1.4; d = -3.5/sqrt(1.4); J(5) = Gamma(2.5)/(sqrt(2.5) Gamma(2)) = 0.840747
    g = hedges_g([1, 2, 3], [4, 5, 6, 7])
    assert g == pytest.approx(-3.5 / math.sqrt(1.4) * 0.8407487, abs=1e-6)
    assert math.isnan(hedges_g([2, 2], [2, 2]))


def test_probability_of_improvement_counts_pairs_with_ties_as_half():
    assert probability_of_improvement([2, 3], [2, 1]) == pytest.approx(3.5 / 4)
    assert probability_of_improvement([2, 3], [2, 1], higher_is_better=False) == pytest.approx(0.5 / 4)
    u = st.mannwhitneyu(X, Y).statistic
    assert abs(probability_of_improvement(X, Y) - u / (len(X) * len(Y))) < 1e-12


def test_holm_adjusts_step_down_by_hand_and_keeps_nan_out_of_the_family():
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    out = holm([math.nan, 0.2, 0.01])
    assert math.isnan(out[0]) and out[1:] == pytest.approx([0.2, 0.02])
    assert holm([0.6, 0.7]) == pytest.approx([1.0, 1.0])


def test_seeds_needed_matches_cohens_power_tables():
    # Cohen (1988), two-sided alpha 0.05, power 0.80: d = 0.5 -> 64, 0.8 -> 26, 1.0 -> 17 per group
    assert [seeds_needed(d) for d in (0.5, 0.8, 1.0)] == [64, 26, 17]
    assert seeds_needed(-0.5) == 64 and seeds_needed(0.0) is None
    assert 0.80 <= power_two_sample_t(0.5, 64) < 0.81 < power_two_sample_t(0.5, 70)
    assert power_two_sample_t(0.5, 63) < 0.80


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_bootstrap_of_one_arm_equals_scipy_bootstrap_from_the_same_generator_state(method):
    ours = bootstrap_cis([X], None, n_resamples=9_999, method=method, rng=np.random.default_rng(3), draw="direct")
    ref = st.bootstrap((np.array(X),), np.mean, n_resamples=9_999, method=method, rng=np.random.default_rng(3))
    assert abs(ours.mean_ci[0, 0] - ref.confidence_interval.low) < 1e-9
    assert abs(ours.mean_ci[0, 1] - ref.confidence_interval.high) < 1e-9


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_bootstrap_of_a_difference_equals_scipys_two_sample_bootstrap(method):
    x, y = np.array(X[:6]), np.array(Y[:6])
    ours = bootstrap_cis([x, y], 1, n_resamples=10_000, method=method, rng=np.random.default_rng(5), draw="direct")
    ref = st.bootstrap(
        (x, y),
        lambda a, b, axis=-1: a.mean(axis) - b.mean(axis),
        n_resamples=10_000,
        method=method,
        rng=np.random.default_rng(5),
    )
    assert abs(ours.diff_ci[0, 0] - ref.confidence_interval.low) < 1e-9
    assert abs(ours.diff_ci[0, 1] - ref.confidence_interval.high) < 1e-9
    assert np.all(np.isnan(ours.diff_ci[1]))  # the baseline has no difference from itself


def test_the_direct_draw_of_all_arms_at_once_equals_scipy_called_per_arm():
    rng = np.random.default_rng(11)
    arms = [rng.normal(0.8, 0.01, 10) for _ in range(5)]
    ours = bootstrap_cis(arms, None, n_resamples=10_000, rng=np.random.default_rng(1), draw="direct")
    shared = np.random.default_rng(1)  # scipy, one call per arm, consuming the same stream in turn
    for a, sample in enumerate(arms):
        ref = st.bootstrap((sample,), np.mean, n_resamples=10_000, method="percentile", rng=shared)
        assert abs(ours.mean_ci[a, 0] - ref.confidence_interval.low) < 1e-9
        assert abs(ours.mean_ci[a, 1] - ref.confidence_interval.high) < 1e-9
    # one integers() call for everything: the generator ends where a single (A, B, n) draw leaves it
    g1, g2 = np.random.default_rng(2), np.random.default_rng(2)
    bootstrap_means(arms, 1000, g1, draw="direct")
    g2.integers(0, 10, (5, 1000, 10))
    assert g1.bit_generator.state == g2.bit_generator.state


def test_the_shared_draw_uses_one_draw_per_arm_size_and_one_for_the_baselines_side():
    arms = [np.arange(10.0) + a for a in range(4)] + [np.arange(7.0)]
    g1, g2 = np.random.default_rng(2), np.random.default_rng(2)
    bootstrap_cis(arms, 0, n_resamples=1000, rng=g1)
    for n in (10, 7, 10):  # the 10-value arms, the 7-value arm, the baseline again
        g2.integers(0, n, (n, 1000), dtype=np.uint8)
    assert g1.bit_generator.state == g2.bit_generator.state


def test_a_difference_pairs_the_arm_with_an_independent_resample_of_the_baseline():
    """Were the baseline resampled with the arm's own draw, an arm identical to it would differ by exactly 0."""
    x = np.array([0.80, 0.82, 0.81, 0.85, 0.79, 0.83])
    out = bootstrap_cis([x, x.copy()], 1, n_resamples=20_000, rng=np.random.default_rng(0))
    sd = x.std() / math.sqrt(x.size)  # the bootstrap sd of one mean
    width = out.diff_ci[0, 1] - out.diff_ci[0, 0]
    assert width == pytest.approx(2 * 1.96 * math.sqrt(2) * sd, rel=0.1)


@pytest.mark.parametrize("n", [2, 3, 5, 40])
def test_the_shared_draw_gives_the_exact_bootstrap_distribution_of_the_mean(n):
    """Values 0..n-1: the resample sum is a sum of n uniform digits, whose exact law is an n-fold convolution. A
    chi-square test against it (totals pooled so every cell expects at least 5) must not reject."""
    B = 200_000
    means = bootstrap_means([np.arange(float(n))], B, np.random.default_rng(n))[0]
    law = np.ones(1)
    for _ in range(n):
        law = np.convolve(law, np.full(n, 1 / n))
    observed = np.bincount(np.rint(means * n).astype(int), minlength=law.size)
    cells_obs, cells_exp, o, e = [], [], 0.0, 0.0
    for k in range(law.size):  # pool neighbouring totals until each cell expects 5 or more
        o, e = o + observed[k], e + law[k] * B
        if e >= 5:
            cells_obs.append(o)
            cells_exp.append(e)
            o = e = 0.0
    cells_obs[-1] += o
    cells_exp[-1] += e
    assert st.chisquare(cells_obs, cells_exp).pvalue > 1e-4


def test_the_shared_draw_agrees_with_the_direct_draw_within_monte_carlo_error():
    rng = np.random.default_rng(8)
    arms = [rng.normal(0.8, 0.02, n) for n in (10, 10, 7, 23)]
    fast = bootstrap_cis(arms, 0, n_resamples=20_000, rng=np.random.default_rng(0))
    slow = bootstrap_cis(arms, 0, n_resamples=20_000, rng=np.random.default_rng(1), draw="direct")
    se = quantile_mc_se(fast.mean_order, [0.025, 0.975])
    assert np.all(np.abs(fast.mean_ci - slow.mean_ci) <= 5 * math.sqrt(2) * se)
    assert np.allclose(fast.mean_distribution.mean(axis=1), [a.mean() for a in arms], atol=1e-3)
    assert fast.diff_rows == [1, 2, 3]
    dse = quantile_mc_se(fast.diff_order, [0.025, 0.975])
    assert np.all(np.abs(fast.diff_ci[1:] - slow.diff_ci[1:]) <= 5 * math.sqrt(2) * dse)


def test_arms_of_unequal_size_share_one_draw_and_agree_with_scipy_within_monte_carlo_error():
    rng = np.random.default_rng(4)
    arms = [rng.normal(0.8, 0.02, n) for n in (3, 5, 8, 12)]
    ours = bootstrap_cis(arms, None, n_resamples=20_000, rng=np.random.default_rng(0))
    for a, sample in enumerate(arms):
        ref = st.bootstrap(
            (sample,), np.mean, n_resamples=20_000, method="percentile", rng=np.random.default_rng(100 + a)
        )
        dist = ours.mean_distribution[a : a + 1]
        for q, mine, theirs in (
            (0.025, ours.mean_ci[a, 0], ref.confidence_interval.low),
            (0.975, ours.mean_ci[a, 1], ref.confidence_interval.high),
        ):
            se = quantile_mc_se(dist, q)[0]
            assert abs(mine - theirs) < 5 * math.sqrt(2) * se + 1e-12, (a, q, mine, theirs, se)
        assert ours.mean_distribution[a].mean() == pytest.approx(
            sample.mean(), abs=4 * sample.std() / math.sqrt(len(sample) * 20_000) + 1e-12
        )


def _distributions():
    rng = np.random.default_rng(11)
    return {
        "normal": rng.normal(0.8, 0.01, (6, 10_000)),
        "skewed": rng.lognormal(0.0, 1.5, (4, 10_000)),
        "heavy tails": rng.standard_cauchy((4, 10_000)),
        "three values": rng.choice([0.1, 0.5, 0.9], (3, 10_000), p=[0.25, 0.5, 0.25]),
        "constant": np.full((2, 10_000), 0.7),
        "mixed rows": np.vstack([rng.normal(0, 1, 10_000), np.full(10_000, 3.0), rng.exponential(1, 10_000)]),
        "short rows": rng.normal(0, 1, (3, 999)),
    }


@pytest.mark.parametrize("kind", list(_distributions()))
def test_ordering_only_the_tails_gives_the_quantiles_a_full_sort_gives(kind):
    x = _distributions()[kind]
    qs = [0.0, 0.015, 0.025, 0.035, 0.965, 0.975, 0.985, 1.0]
    full = np.quantile(x, qs, axis=1).T
    tails = Ordered(x.copy(), inplace=True, tail=0.037)
    assert np.array_equal(tails.quantiles(qs), full)
    # an order statistic outside the tails sorts the rows in full, and still answers exactly
    assert np.array_equal(tails.quantiles([0.5, 0.025]), np.quantile(x, [0.5, 0.025], axis=1).T)
    assert np.array_equal(tails.full, np.sort(x, axis=1))
    assert np.array_equal(Ordered(x, tail=0.037).quantiles(qs), full)  # not in place: the input left as it was
    assert np.array_equal(x, _distributions()[kind])


def test_an_arm_with_one_value_gets_no_interval():
    out = bootstrap_cis([[0.5], [0.1, 0.2, 0.3]], 1, n_resamples=1000, rng=np.random.default_rng(0))
    assert np.all(np.isnan(out.mean_ci[0])) and np.all(np.isnan(out.diff_ci[0])) and np.all(np.isfinite(out.mean_ci[1]))


def test_learning_curve_is_the_per_step_mean_and_spread_of_the_runs_that_logged_there():
    c = learning_curve([[(0, 1.0), (1, 2.0)], [(0, 3.0), (1, 4.0), (2, 5.0)], [(1, float("nan"))]])
    assert c.steps.tolist() == [0, 1, 2] and c.mean.tolist() == [2.0, 3.0, 5.0] and c.n.tolist() == [2, 2, 1]
    assert c.std[:2] == pytest.approx([math.sqrt(2), math.sqrt(2)]) and math.isnan(c.std[2])


# --- paired, equivalence, proportions, aggregates, detectable differences (issue 14) ---------------------------------


def test_paired_t_and_the_exact_sign_flip_test_equal_scipy():
    import numpy as np
    from scipy import stats as st

    from experiment_runner.stats.paired import paired_t, sign_flip_test

    rng = np.random.default_rng(0)
    x = rng.normal(0.9, 0.01, 6)
    y = x - rng.normal(0.004, 0.004, 6)
    ref = st.ttest_rel(x, y)
    got = paired_t(x - y)
    assert abs(got.statistic - ref.statistic) < 1e-9 and abs(got.pvalue - ref.pvalue) < 1e-9 and got.df == 5
    perm = st.permutation_test(
        (x, y), lambda a, b, axis: np.mean(a - b, axis=axis), permutation_type="samples", vectorized=True
    )
    flip = sign_flip_test(x - y)
    assert flip.exact and flip.n_patterns == 64 and abs(flip.pvalue - perm.pvalue) < 1e-9
    # by hand: 3 differences, all positive: only 2 of the 8 sign patterns are as extreme, two-sided p = 2 * 1/8
    assert sign_flip_test([1.0, 2.0, 3.0]).pvalue == 0.25


def test_a_sampled_sign_flip_test_is_seeded_and_close_to_the_exact_one():
    import numpy as np

    from experiment_runner.stats.paired import sign_flip_test

    d = np.random.default_rng(1).normal(0.3, 1.0, 14)
    exact = sign_flip_test(d, n_resamples=2**14)
    a = sign_flip_test(d, n_resamples=4000, rng=np.random.default_rng(5))
    b = sign_flip_test(d, n_resamples=4000, rng=np.random.default_rng(5))
    assert exact.exact and not a.exact and a.pvalue == b.pvalue and abs(a.pvalue - exact.pvalue) < 0.03


def test_the_bca_interval_of_paired_differences_equals_scipy_from_the_same_generator():
    import numpy as np
    from scipy import stats as st

    from experiment_runner.stats.paired import bca_paired_interval

    d = np.random.default_rng(2).normal(0.01, 0.004, 7)
    ref = st.bootstrap((d,), np.mean, n_resamples=5000, method="BCa", rng=np.random.default_rng(11)).confidence_interval
    low, high = bca_paired_interval(d, n_resamples=5000, rng=np.random.default_rng(11))
    assert abs(low - ref.low) < 1e-9 and abs(high - ref.high) < 1e-9


def test_tost_is_two_one_sided_welch_tests_as_scipy_computes_them():
    import numpy as np
    from scipy import stats as st

    from experiment_runner.stats.equivalence import tost

    rng = np.random.default_rng(3)
    x, y = rng.normal(0.900, 0.002, 8), rng.normal(0.9005, 0.002, 6)
    got = tost(x, y, 0.01)
    lower = st.ttest_ind(x + 0.01, y, equal_var=False, alternative="greater").pvalue
    upper = st.ttest_ind(x - 0.01, y, equal_var=False, alternative="less").pvalue
    assert (
        abs(got.p_lower - lower) < 1e-9
        and abs(got.p_upper - upper) < 1e-9
        and abs(got.pvalue - max(lower, upper)) < 1e-9
    )
    ci = st.ttest_ind(x, y, equal_var=False).confidence_interval(0.90)
    assert abs(got.low - ci.low) < 1e-9 and abs(got.high - ci.high) < 1e-9  # the (1 - 2 alpha) interval
    assert got.pvalue < 0.05 and tost(x, y, 0.001).pvalue > 0.05  # within 1 point shown; within 0.1 point not
    paired = tost(x[:6], y, 0.01, paired=True)
    ref = st.ttest_1samp(x[:6] - y + 0.01, 0, alternative="greater").pvalue
    assert abs(paired.p_lower - ref) < 1e-9


def test_wilson_intervals_equal_scipy_and_a_hand_computed_value():
    from scipy import stats as st

    from experiment_runner.stats.proportions import wilson

    for k, n in ((912, 1000), (0, 20), (20, 20), (37, 50)):
        ref = st.binomtest(k, n).proportion_ci(0.95, method="wilson")
        low, high = wilson(k, n)
        assert abs(low - ref.low) < 1e-9 and abs(high - ref.high) < 1e-9
    # 8 of 10 by hand: center (0.8 + 1.96^2/20) / (1 + 1.96^2/10), half-width 1.96 sqrt(.16/10 + 1.96^2/400) / (...)
    low, high = wilson(8, 10)
    assert round(low, 4) == 0.4902 and round(high, 4) == 0.9433


def test_iqm_equals_scipy_trim_mean_and_the_stratified_bootstrap_keeps_every_task():
    import numpy as np
    from scipy import stats as st

    from experiment_runner.stats.aggregate import iqm, stratified_bootstrap_iqm

    assert iqm([1, 2, 3, 4, 5, 6, 7, 100]) == 4.5  # the middle half: 3, 4, 5, 6
    rng = np.random.default_rng(4)
    scores = {"a": rng.normal(0.5, 0.05, 5), "b": rng.normal(0.8, 0.05, 5), "c": rng.normal(0.2, 0.05, 5)}
    point, low, high = stratified_bootstrap_iqm(scores, n_resamples=2000, rng=np.random.default_rng(0))
    assert abs(point - st.trim_mean(np.concatenate(list(scores.values())), 0.25)) < 1e-12
    assert low < point < high
    again = stratified_bootstrap_iqm(scores, n_resamples=2000, rng=np.random.default_rng(0))
    assert again == (point, low, high)


def test_the_minimum_detectable_difference_is_where_the_power_reaches_80_percent():
    from experiment_runner.stats.power import min_detectable_difference, power_two_sample_t, seeds_needed

    for n in (3, 5, 10):
        d = min_detectable_difference(1.0, n, n)
        assert abs(power_two_sample_t(d, n) - 0.8) < 1e-9
        assert seeds_needed(d * 1.001) <= n and seeds_needed(d * 0.95) > n  # consistent with the power table
    assert min_detectable_difference(0.01, 5, 5) == pytest.approx(0.01 * min_detectable_difference(1.0, 5, 5))
    assert min_detectable_difference(0.0, 5, 5) is None and min_detectable_difference(1.0, 1, 5) is None
    paired = min_detectable_difference(1.0, 6, paired=True)
    assert paired is not None and paired < min_detectable_difference(1.0, 6, 6) * 1.5
