"""Generate a results table for each case, compute its statistics, render report templates.

Templates hold [[ expression ]] placeholders, evaluated with the helpers of `Case.namespace()`; every number an
honest report prints comes from here (numpy / scipy), never typed by hand.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

COMPLETED = "completed"


@dataclass
class Arm:
    seeds: list[int]
    mu: dict[str, float]
    sd: dict[str, float]
    status: dict[int, str] = field(default_factory=dict)  # seed -> non-completed status (no value)
    reruns: dict[int, str] = field(default_factory=dict)  # seed -> status of an earlier attempt, then a completed row
    extra: dict[str, object] = field(default_factory=dict)  # constant columns, e.g. steps
    cause: dict[int, str] = field(default_factory=dict)


@dataclass
class Spec:
    cid: str
    slug: str
    honest: bool
    fmt: str  # csv | jsonl
    rng: int
    metrics: list[tuple[str, bool, int]]  # (name, higher_is_better, decimals stored)
    arms: dict[str, Arm]
    baseline: str
    test: str = "welch_t"
    alpha: float = 0.05
    correction: str = "none"
    hypothesis: str = ""
    seed_sd: dict[str, float] = field(default_factory=dict)  # shared per-seed effect (paired designs)
    disp: dict[str, tuple[float, int]] = field(default_factory=dict)  # metric -> (scale, decimals) default display
    plan_extra: dict = field(default_factory=dict)
    where: str = ""
    checks: list = field(default_factory=list)  # (description, callable(case) -> bool)
    flaws: list = field(default_factory=list)  # (code, substring or None)
    note: str = ""
    overrides: dict = field(default_factory=dict)  # (arm, seed, metric) -> value, after generation


def fmt(x: float, d: int) -> str:
    s = f"{x:.{d}f}"
    if re.fullmatch(r"-0\.?0*", s):
        s = s[1:]
    return s


def sfmt(x: float, d: int) -> str:
    s = fmt(x, d)
    return s if s.startswith("-") else "+" + s


def holm(ps: list[float]) -> list[float]:
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out = [0.0] * m
    run = 0.0
    for k, i in enumerate(order):
        run = max(run, min(1.0, ps[i] * (m - k)))
        out[i] = run
    return out


class Case:
    def __init__(self, spec: Spec):
        self.spec = spec
        self.primary = spec.metrics[0][0]
        self.higher = {m: h for m, h, _ in spec.metrics}
        rng = np.random.default_rng(spec.rng)
        all_seeds = sorted({s for a in spec.arms.values() for s in a.seeds})
        seed_eff = {m: {s: rng.normal(0, spec.seed_sd.get(m, 0.0)) for s in all_seeds} for m, _, _ in spec.metrics}
        self.rows: list[dict] = []
        for arm, a in spec.arms.items():
            for s in a.seeds:
                if s in a.reruns:
                    self.rows.append(self._row(arm, s, a.reruns[s], {}, a, rng, seed_eff, failed=True))
                st = a.status.get(s, COMPLETED)
                self.rows.append(self._row(arm, s, st, {}, a, rng, seed_eff, failed=st != COMPLETED))
        for (arm, seed, m), v in spec.overrides.items():
            for r in self.rows:
                if r["method"] == arm and r["seed"] == seed and r["status"] == COMPLETED:
                    r[m] = v

    def _row(self, arm, s, status, _, a, rng, seed_eff, failed):
        r = {"method": arm, "seed": s, "status": status}
        for k, v in a.extra.items():
            r[k] = v
        for m, _h, dec in self.spec.metrics:
            if failed:
                r[m] = None
            else:
                r[m] = round(float(a.mu[m] + seed_eff[m][s] + rng.normal(0, a.sd[m])), dec)
        if a.cause:
            r["cause"] = a.cause.get(s, "") if failed else ""
        return r

    # ---- numeric accessors
    def vals(self, arm, m=None):
        m = m or self.primary
        return np.array([r[m] for r in self.rows if r["method"] == arm and r["status"] == COMPLETED and r[m] is not None])

    def seeds_done(self, arm, m=None):
        m = m or self.primary
        return [r["seed"] for r in self.rows if r["method"] == arm and r["status"] == COMPLETED and r[m] is not None]

    def value(self, arm, seed, m=None):
        m = m or self.primary
        for r in self.rows:
            if r["method"] == arm and r["seed"] == seed and r["status"] == COMPLETED:
                return r[m]
        raise KeyError((arm, seed, m))

    def Mean(self, a, m=None):
        return float(np.mean(self.vals(a, m)))

    def Sd(self, a, m=None):
        return float(np.std(self.vals(a, m), ddof=1))

    def Ci(self, a, m=None, level=0.95):
        x = self.vals(a, m)
        h = stats.t.ppf(0.5 + level / 2, len(x) - 1) * np.std(x, ddof=1) / math.sqrt(len(x))
        return float(np.mean(x) - h), float(np.mean(x) + h)

    def Welch(self, a, b, m=None):
        x, y = self.vals(a, m), self.vals(b, m)
        r = stats.ttest_ind(x, y, equal_var=False)
        vx, vy = np.var(x, ddof=1) / len(x), np.var(y, ddof=1) / len(y)
        df = (vx + vy) ** 2 / (vx**2 / (len(x) - 1) + vy**2 / (len(y) - 1))
        d = float(np.mean(x) - np.mean(y))
        h = stats.t.ppf(0.975, df) * math.sqrt(vx + vy)
        return float(r.statistic), float(df), float(r.pvalue), (d - h, d + h)

    def Student(self, a, b, m=None):
        x, y = self.vals(a, m), self.vals(b, m)
        r = stats.ttest_ind(x, y, equal_var=True)
        return float(r.statistic), len(x) + len(y) - 2, float(r.pvalue)

    def MW(self, a, b, m=None):
        x, y = self.vals(a, m), self.vals(b, m)
        r = stats.mannwhitneyu(x, y, alternative="two-sided")
        return float(r.statistic), float(r.pvalue)

    def Paired(self, a, b, m=None):
        sa, sb = self.seeds_done(a, m), self.seeds_done(b, m)
        shared = [s for s in sa if s in sb]
        d = np.array([self.value(a, s, m) - self.value(b, s, m) for s in shared])
        r = stats.ttest_rel([self.value(a, s, m) for s in shared], [self.value(b, s, m) for s in shared])
        h = stats.t.ppf(0.975, len(d) - 1) * np.std(d, ddof=1) / math.sqrt(len(d))
        return float(np.mean(d)), float(r.pvalue), (float(np.mean(d) - h), float(np.mean(d) + h)), len(d), float(r.statistic)

    def Pv(self, a, b=None, m=None, test=None):
        b = b or self.spec.baseline
        test = test or self.spec.test
        if test == "welch_t":
            return self.Welch(a, b, m)[2]
        if test == "student_t":
            return self.Student(a, b, m)[2]
        if test == "mann_whitney":
            return self.MW(a, b, m)[1]
        raise ValueError(test)

    def others(self):
        return [a for a in self.spec.arms if a != self.spec.baseline and len(self.vals(a)) >= 2]

    def Ph(self, a, m=None):
        arms = self.others()
        ps = [self.Pv(x, m=m) for x in arms]
        return holm(ps)[arms.index(a)]

    def Cohen(self, a, b, m=None):
        x, y = self.vals(a, m), self.vals(b, m)
        sp = math.sqrt(((len(x) - 1) * np.var(x, ddof=1) + (len(y) - 1) * np.var(y, ddof=1)) / (len(x) + len(y) - 2))
        return float((np.mean(x) - np.mean(y)) / sp)

    # ---- template namespace (all return strings)
    def namespace(self):
        S = self

        def sc(m, s):
            m = m or S.primary
            return s if s is not None else S.spec.disp.get(m, (1, 2))[0]

        def dd(m, d):
            m = m or S.primary
            return d if d is not None else S.spec.disp.get(m, (1, 2))[1]

        def mean(a, m=None, d=None, s=None):
            return fmt(S.Mean(a, m) * sc(m, s), dd(m, d))

        def sd(a, m=None, d=None, s=None):
            return fmt(S.Sd(a, m) * sc(m, s), dd(m, d))

        def ms(a, m=None, d=None, s=None, pm=" ± "):
            return mean(a, m, d, s) + pm + sd(a, m, d, s)

        def n(a, m=None):
            return str(len(S.vals(a, m)))

        def ci(a, m=None, d=None, s=None, sep=", ", level=0.95):
            lo, hi = S.Ci(a, m, level)
            return fmt(lo * sc(m, s), dd(m, d)) + sep + fmt(hi * sc(m, s), dd(m, d))

        def diff(a, b=None, m=None, d=None, s=None, sign=True):
            b = b or S.spec.baseline
            x = (S.Mean(a, m) - S.Mean(b, m)) * sc(m, s)
            return sfmt(x, dd(m, d)) if sign else fmt(x, dd(m, d))

        def adiff(a, b=None, m=None, d=None, s=None):
            b = b or S.spec.baseline
            return fmt(abs(S.Mean(a, m) - S.Mean(b, m)) * sc(m, s), dd(m, d))

        def dci(a, b=None, m=None, d=None, s=None, sep=" to ", sign=True):
            b = b or S.spec.baseline
            lo, hi = S.Welch(a, b, m)[3]
            f = sfmt if sign else fmt
            return f(lo * sc(m, s), dd(m, d)) + sep + f(hi * sc(m, s), dd(m, d))

        def dcihi(a, b=None, m=None, d=None, s=None):
            b = b or S.spec.baseline
            return sfmt(S.Welch(a, b, m)[3][1] * sc(m, s), dd(m, d))

        def pfmt(p, d=3):
            if p < 0.001:
                return "< 0.001"
            return "= " + fmt(p, d)

        def p(a, b=None, m=None, test=None, d=3):
            return pfmt(S.Pv(a, b, m, test), d)

        def pn(a, b=None, m=None, test=None, d=3):  # bare number
            x = S.Pv(a, b, m, test)
            assert x >= 10 ** -d, (a, b, x)
            return fmt(x, d)

        def pb(a, b=None, m=None, test=None, d=3):  # table cell: bare number or "< 0.001"
            x = S.Pv(a, b, m, test)
            return "< 0.001" if x < 0.001 else fmt(x, d)

        def phb(a, m=None, d=3):
            x = S.Ph(a, m)
            return "< 0.001" if x < 0.001 else fmt(x, d)

        def ph(a, m=None, d=3):
            return pfmt(S.Ph(a, m), d)

        def phn(a, m=None, d=3):
            x = S.Ph(a, m)
            assert x >= 10 ** -d, (a, x)
            return fmt(x, d)

        def t(a, b=None, m=None, d=2):
            return fmt(S.Welch(a, b or S.spec.baseline, m)[0], d)

        def df(a, b=None, m=None, d=1):
            return fmt(S.Welch(a, b or S.spec.baseline, m)[1], d)

        def tstud(a, b=None, m=None, d=2):
            return fmt(S.Student(a, b or S.spec.baseline, m)[0], d)

        def u(a, b=None, m=None):
            return fmt(S.MW(a, b or S.spec.baseline, m)[0], 1 if S.MW(a, b or S.spec.baseline, m)[0] % 1 else 0)

        def v(a, seed, m=None, d=None, s=None):
            return fmt(S.value(a, seed, m) * sc(m, s), dd(m, d))

        def vmax(a, m=None, d=None, s=None):
            return fmt(float(np.max(S.vals(a, m))) * sc(m, s), dd(m, d))

        def vmin(a, m=None, d=None, s=None):
            return fmt(float(np.min(S.vals(a, m))) * sc(m, s), dd(m, d))

        def rel(a, b=None, m=None, d=1):
            b = b or S.spec.baseline
            return fmt(abs(S.Mean(a, m) - S.Mean(b, m)) / abs(S.Mean(b, m)) * 100, d)

        def pdiff(a, b=None, m=None, d=None, s=None):
            return sfmt(S.Paired(a, b or S.spec.baseline, m)[0] * sc(m, s), dd(m, d))

        def pp(a, b=None, m=None, d=3):
            return pfmt(S.Paired(a, b or S.spec.baseline, m)[1], d)

        def pci(a, b=None, m=None, d=None, s=None, sep=" to "):
            lo, hi = S.Paired(a, b or S.spec.baseline, m)[2]
            return sfmt(lo * sc(m, s), dd(m, d)) + sep + sfmt(hi * sc(m, s), dd(m, d))

        def pnum(a, b=None, m=None):
            return str(S.Paired(a, b or S.spec.baseline, m)[3])

        def cohen(a, b=None, m=None, d=2):
            return fmt(S.Cohen(a, b or S.spec.baseline, m), d)

        def wins(a, b=None, m=None):
            b = b or S.spec.baseline
            m2 = m or S.primary
            sa, sb = S.seeds_done(a, m), S.seeds_done(b, m)
            shared = [x for x in sa if x in sb]
            hib = S.higher[m2]
            w = sum(1 for x in shared if (S.value(a, x, m) > S.value(b, x, m)) == hib)
            return str(w)

        ns = {k: val for k, val in locals().items() if callable(val) and not k.startswith("_")}
        ns["S"] = S
        return ns

    def render(self, text: str) -> str:
        ns = self.namespace()

        def sub(mt):
            return str(eval(mt.group(1), ns))

        return re.sub(r"\[\[(.+?)\]\]", sub, text)

    # ---- files
    def columns(self):
        cols = ["method", "seed", "status"]
        for a in self.spec.arms.values():
            for k in a.extra:
                if k not in cols:
                    cols.append(k)
        cols += [m for m, _, _ in self.spec.metrics]
        if any("cause" in r for r in self.rows):
            cols.append("cause")
        return cols

    def write_results(self, path):
        cols = self.columns()
        if self.spec.fmt == "csv":
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(cols)
                for r in self.rows:
                    w.writerow(["" if r.get(c) is None else r.get(c, "") for c in cols])
        else:
            with open(path, "w") as f:
                for r in self.rows:
                    f.write(json.dumps({c: r.get(c) for c in cols if c in r and not (c == "cause" and not r[c])}) + "\n")

    def plan(self):
        sp = self.spec
        metrics = [m for m, _, _ in sp.metrics[1:]]
        base = {
            "primary_metric": self.primary,
            "higher_is_better": sp.metrics[0][1],
            "baseline": sp.baseline,
            "metrics": metrics,
            "test": sp.test,
            "alpha": sp.alpha,
            "correction": sp.correction,
            "hypothesis": sp.hypothesis,
        }
        reg = {
            "hypothesis": sp.hypothesis,
            "primary_metric": self.primary,
            "higher_is_better": sp.metrics[0][1],
            "metrics": metrics,
            "test": sp.test,
            "alpha": sp.alpha,
            "correction": sp.correction,
        }
        for k, val in sp.plan_extra.items():
            base[k] = val
            reg[k] = val
        if sp.where:
            reg["where"] = sp.where
        base["registered"] = reg
        return base

    def all_stats(self, scale):
        """Every statistic a report could print, at a display scale (for checking a planted number is not one)."""
        out = set()
        arms = list(self.spec.arms)
        for m, _, _ in self.spec.metrics:
            for a in arms:
                x = self.vals(a, m)
                if len(x) == 0:
                    continue
                out.update(float(v) * scale for v in x)
                out.add(float(np.mean(x)) * scale)
                out.add(float(np.median(x)) * scale)
                if len(x) > 1:
                    out.add(float(np.std(x, ddof=1)) * scale)
                    out.add(float(np.std(x, ddof=0)) * scale)
                    lo, hi = self.Ci(a, m)
                    out.update([lo * scale, hi * scale])
                for b in arms:
                    if b != a and len(self.vals(b, m)):
                        dlt = (self.Mean(a, m) - self.Mean(b, m)) * scale
                        out.update([dlt, abs(dlt), abs(dlt) / abs(self.Mean(b, m) * scale) * 100])
        return out
