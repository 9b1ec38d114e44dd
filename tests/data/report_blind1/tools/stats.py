"""Statistics used for every number printed in the reports (numpy/scipy only)."""
import math
import numpy as np
from scipy import stats
from scipy.special import gammaln


def describe(v):
    v = np.asarray(v, float)
    n = len(v)
    m = v.mean()
    s = v.std(ddof=1) if n > 1 else float("nan")
    sem = s / math.sqrt(n) if n > 1 else float("nan")
    h = stats.t.ppf(0.975, n - 1) * sem if n > 1 else float("nan")
    return dict(n=n, mean=m, std=s, sem=sem, ci=(m - h, m + h), min=v.min(), max=v.max(), median=float(np.median(v)))


def hedges_g(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    na, nb = len(a), len(b)
    df = na + nb - 2
    sp = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / df)
    d = (a.mean() - b.mean()) / sp
    j = math.exp(gammaln(df / 2) - math.log(math.sqrt(df / 2)) - gammaln((df - 1) / 2))
    return d * j


def welch_diff_ci(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    d = a.mean() - b.mean()
    h = stats.t.ppf(0.975, df) * se
    return d - h, d + h


def boot_diff_ci(a, b, resamples=10000, seed=0):
    rng = np.random.default_rng(seed)
    a, b = np.asarray(a, float), np.asarray(b, float)
    ia = rng.integers(0, len(a), (resamples, len(a)))
    ib = rng.integers(0, len(b), (resamples, len(b)))
    d = a[ia].mean(1) - b[ib].mean(1)
    return tuple(np.percentile(d, [2.5, 97.5]))


def compare(a, b, higher_is_better=True):
    """a: arm values, b: baseline values."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    w = stats.ttest_ind(a, b, equal_var=False)
    s = stats.ttest_ind(a, b, equal_var=True)
    mw = stats.mannwhitneyu(a, b, alternative="two-sided")
    return dict(
        diff=a.mean() - b.mean(),
        welch_t=w.statistic, welch_p=w.pvalue, welch_df=w.df,
        student_t=s.statistic, student_p=s.pvalue,
        mw_u=mw.statistic, mw_p=mw.pvalue,
        diff_ci_welch=welch_diff_ci(a, b),
        diff_ci_boot=boot_diff_ci(a, b),
        hedges_g=hedges_g(a, b),
        better=(a.mean() > b.mean()) == higher_is_better,
    )


def holm(ps):
    ps = np.asarray(ps, float)
    order = np.argsort(ps)
    m = len(ps)
    adj = np.empty(m)
    run = 0.0
    for rank, i in enumerate(order):
        run = max(run, min(1.0, (m - rank) * ps[i]))
        adj[i] = run
    return adj
