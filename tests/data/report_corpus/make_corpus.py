"""Writes this corpus: results tables (seeded numpy draws), their plans, and report texts in the styles people use
(percent, points, natural arm names, % columns, mean (sd) columns, prose only, LaTeX tables, lab-notebook bullets
with methods sentences), honest ones and flawed ones (one planted flaw each, labelled here with its code and line
when the text is written, before check_report ever reads it). Every statistic an honest text prints is computed
here with numpy/scipy the way a researcher would (ddof=1 std, t intervals, Welch, Holm, paired t, a bootstrap with
its own seed). Run from the repository root:

    .venv/bin/python tests/data/report_corpus/make_corpus.py

It rewrites results/, plans/, reports/ and labels.yaml in this folder; the draws are seeded, so the output is the
same every time.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from scipy import stats as st

HERE = Path(__file__).resolve().parent


@dataclass
class Arm:
    id: str
    name: str  # how people call it in prose
    mu: float
    sd: float
    seeds: list[int]
    fail: dict[int, tuple[str, str, bool]] = field(default_factory=dict)  # seed -> (status, cause, rerun)


@dataclass
class Dataset:
    key: str
    metric: str
    label: str  # 'test accuracy'
    hib: bool
    fraction: bool  # values stored as fractions, printed as percent
    arms: list[Arm]
    hypothesis: str
    criterion: str
    second: str | None = None  # a secondary metric
    methods: str = ""
    domain: str = ""
    test: str = "welch_t"
    decimals: int = 2  # printed decimals (after scaling)


DATASETS = [
    Dataset(
        "cifar_mixup",
        "test_acc",
        "test accuracy",
        True,
        True,
        [
            Arm("mlp_base", "the baseline (no MixUp)", 0.9606, 0.0045, [0, 1, 2, 3, 4]),
            Arm("mlp_mixup", "MixUp", 0.9716, 0.0050, [0, 1, 2, 3, 4], {2: ("crashed", "CUDA out of memory", True)}),
            Arm("mlp_cutmix", "CutMix", 0.9668, 0.0048, [0, 1, 2, 3, 4]),
        ],
        "MixUp (alpha=0.2) raises test accuracy of the MLP over the baseline by at least 0.5 points.",
        "+0.5 points over the baseline, significant at alpha = 0.05 after Holm's correction",
        second="test_loss",
        methods="We train a 3-layer MLP (hidden 512, dropout 0.1) with AdamW (lr=3e-4, weight decay 5e-4, batch 128) "
        "for 20 epochs with a cosine schedule; MixUp uses alpha=0.2 and CutMix beta=1.0.",
        domain="vision",
    ),
    Dataset(
        "wmt_ls",
        "bleu",
        "BLEU",
        True,
        False,
        [
            Arm("transformer_base", "the base Transformer", 27.12, 0.22, [0, 1, 2, 3, 4, 5]),
            Arm(
                "label_smooth",
                "label smoothing",
                27.58,
                0.25,
                [0, 1, 2, 3, 4, 5],
                {4: ("diverged", "loss became NaN at step 31000", False)},
            ),
        ],
        "Label smoothing (epsilon 0.1) raises BLEU on newstest2014 over the base Transformer.",
        "a BLEU gain that is significant at alpha = 0.05",
        methods="Transformer-base (6 layers, 8 heads, d_model 512) trained for 100k steps with Adam (β1 = 0.9, "
        "β2 = 0.98), 4000 warmup steps, beam size 4; label smoothing uses ε=0.1.",
        domain="NLP",
    ),
    Dataset(
        "nanogpt_decay",
        "val_loss",
        "validation loss",
        False,
        False,
        [
            Arm("cosine", "the default cosine schedule", 2.589, 0.006, [1337, 1338, 1339]),
            Arm("no_decay", "constant LR (no decay)", 2.634, 0.008, [1337, 1338, 1339]),
            Arm("linear", "linear decay", 2.592, 0.007, [1337, 1338, 1339]),
        ],
        "Removing learning-rate decay raises nanoGPT's validation loss on shakespeare-char over the cosine schedule.",
        "a higher validation loss without decay, significant at alpha = 0.05 after Holm's correction",
        methods="nanoGPT (6 layers, 6 heads, 384-dim embeddings, dropout 0.2) trained for 5000 iterations, batch 64, "
        "block size 256, lr=1e-3 with 100 warmup iterations.",
        domain="NLP",
        decimals=3,
    ),
    Dataset(
        "tabular_f1",
        "macro_f1",
        "macro-F1",
        True,
        True,
        [
            Arm("xgb_default", "XGBoost with default settings", 0.8420, 0.0060, list(range(10))),
            Arm("xgb_tuned", "the tuned XGBoost", 0.8436, 0.0065, list(range(10))),
        ],
        "Tuning XGBoost (max_depth 8, eta 0.05) raises macro-F1 on the adult census data over the default settings.",
        "+1 point of macro-F1, significant",
        methods="XGBoost 2.1 with 400 trees, max_depth=8, eta=0.05 for the tuned arm, early stopping after 20 rounds "
        "on a 20% validation split.",
        domain="tabular",
    ),
    Dataset(
        "speech_wer",
        "wer",
        "WER",
        False,
        True,
        [
            Arm("conformer", "the Conformer baseline", 0.1210, 0.0018, [0, 1, 2, 3, 4]),
            Arm("specaug", "SpecAugment", 0.1150, 0.0020, [0, 1, 2, 3, 4]),
            Arm("speed_perturb", "speed perturbation", 0.1193, 0.0019, [0, 1, 2, 3, 4]),
            Arm("noise_mix", "noise mixing", 0.1203, 0.0021, [0, 1, 2, 3, 4]),
        ],
        "SpecAugment lowers word error rate on LibriSpeech test-clean relative to the Conformer baseline.",
        "a lower WER than the baseline, significant after Holm's correction over three comparisons",
        methods="Conformer-S (16 blocks, 144 dims) trained for 50 epochs on train-clean-100 with 2 frequency masks "
        "(F=27) and 2 time masks for SpecAugment, speed factors 0.9/1.0/1.1.",
        domain="speech",
    ),
    Dataset(
        "rl_return",
        "return",
        "mean episodic return",
        True,
        False,
        [
            Arm("ppo", "plain PPO", 212.0, 14.0, [0, 1, 2, 3, 4, 5, 6, 7]),
            Arm("ppo_rnd", "PPO with RND bonus", 241.0, 15.0, [0, 1, 2, 3, 4, 5, 6, 7]),
        ],
        "An RND exploration bonus raises PPO's return on MiniGrid-DoorKey-8x8.",
        "a higher return, significant in a paired t-test at alpha = 0.05",
        methods="PPO with 8 parallel envs, 128-step rollouts, γ=0.99, GAE λ=0.95, clip 0.2, 5M environment steps; "
        "the RND bonus has coefficient 0.01.",
        domain="RL",
        test="welch_t",
        decimals=1,
    ),
]
# Two tables for flaws that need their own data: a baseline that ran fewer seeds, and an arm left with one run.
SHORT = Dataset(
    "short_baseline",
    "val_acc",
    "validation accuracy",
    True,
    True,
    [
        Arm("resnet18", "ResNet-18", 0.9312, 0.0030, [0, 1, 2]),
        Arm("resnet18_sd", "stochastic depth", 0.9361, 0.0028, [0, 1, 2, 3, 4]),
    ],
    "Stochastic depth raises ResNet-18's validation accuracy on CIFAR-100 over the plain ResNet-18.",
    "+0.3 points, significant",
    methods="ResNet-18 trained for 200 epochs with SGD (momentum 0.9, lr 0.1, batch 128); survival probability 0.8.",
    domain="vision",
)
SURVIVOR = Dataset(
    "one_survivor",
    "f1",
    "F1",
    True,
    True,
    [
        Arm("bert_base", "BERT-base", 0.8810, 0.0040, [0, 1, 2, 3]),
        Arm(
            "distil",
            "the distilled model",
            0.8650,
            0.0050,
            [0, 1, 2, 3],
            {
                1: ("crashed", "NCCL timeout", False),
                2: ("crashed", "NCCL timeout", False),
                3: ("failed", "exit code 137 (killed: out of host memory)", False),
            },
        ),
    ],
    "The distilled model keeps F1 within 2 points of BERT-base on the CoNLL-2003 NER test set.",
    "F1 within 2 points of BERT-base",
    methods="Both models fine-tuned for 3 epochs, lr 5e-5, batch 32, max length 128.",
    domain="NLP",
)


def draw(ds: Dataset, seed: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows = []
    for arm in ds.arms:
        for s in arm.seeds:
            v = float(rng.normal(arm.mu, arm.sd))
            v2 = float(1.05 - v + rng.normal(0, 0.01)) if ds.second else None
            if s in arm.fail:
                status, cause, rerun = arm.fail[s]
                rows.append(
                    {"method": arm.id, "seed": s, "status": status, ds.metric: None, "cause": cause, "v2": None}
                )
                if not rerun:
                    continue
            dec = 4 if ds.fraction or ds.metric == "val_loss" else (2 if ds.metric == "bleu" else 1)
            rows.append(
                {
                    "method": arm.id,
                    "seed": s,
                    "status": "completed",
                    ds.metric: round(v, dec),
                    "cause": "",
                    "v2": round(v2, 4) if v2 is not None else None,
                }
            )
    return rows


def write_results(ds: Dataset, rows: list[dict]) -> str:
    name = f"results/{ds.key}.csv"
    cols = ["method", "seed", "status", ds.metric] + ([ds.second] if ds.second else []) + ["cause"]
    with open(HERE / name, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in rows:
            vals = [r["method"], r["seed"], r["status"], "" if r[ds.metric] is None else r[ds.metric]]
            if ds.second:
                vals.append("" if r["v2"] is None else r["v2"])
            w.writerow(vals + [r["cause"]])
    return name


def write_plan(ds: Dataset, hypothesis: str | None = None) -> str:
    name = f"plans/{ds.key}.json"
    plan = {
        "primary_metric": ds.metric,
        "higher_is_better": ds.hib,
        "baseline": ds.arms[0].id,
        "test": ds.test,
        "alpha": 0.05,
        "correction": "holm",
        "hypothesis": hypothesis or ds.hypothesis,
        "registered": {"hypothesis": ds.hypothesis, "where": "lab wiki, before the runs"},
    }
    if ds.second:
        plan["metrics"] = [ds.second]
    (HERE / name).write_text(json.dumps(plan, indent=2) + "\n")
    return name


@dataclass
class Stats:
    values: dict[str, np.ndarray]
    seeds: dict[str, list[int]]
    second: dict[str, np.ndarray]
    launched: dict[str, int]
    failed: list[dict]
    cmp: dict[str, dict]


def compute(ds: Dataset, rows: list[dict]) -> Stats:
    done = [r for r in rows if r["status"] == "completed"]
    values = {a.id: np.array([r[ds.metric] for r in done if r["method"] == a.id]) for a in ds.arms}
    seeds = {a.id: [r["seed"] for r in done if r["method"] == a.id] for a in ds.arms}
    second = {a.id: np.array([r["v2"] for r in done if r["method"] == a.id]) for a in ds.arms} if ds.second else {}
    launched = {a.id: len({r["seed"] for r in rows if r["method"] == a.id}) for a in ds.arms}
    failed = [r for r in rows if r["status"] != "completed"]
    base = ds.arms[0].id
    cmp = {}
    for a in ds.arms[1:]:
        x, y = values[a.id], values[base]
        if len(x) < 2:
            continue
        w = st.ttest_ind(x, y, equal_var=False)
        ci = w.confidence_interval(0.95)
        pooled = np.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
        entry = {
            "diff": x.mean() - y.mean(),
            "t": w.statistic,
            "df": w.df,
            "p": w.pvalue,
            "ci": (ci.low, ci.high),
            "d": (x.mean() - y.mean()) / pooled,
            "mw_p": st.mannwhitneyu(x, y, alternative="two-sided").pvalue,
        }
        if seeds[a.id] == seeds[base]:
            pt = st.ttest_rel(x, y)
            entry.update(paired_t=pt.statistic, paired_p=pt.pvalue, paired_ci=tuple(pt.confidence_interval(0.95)))
            entry["wins"] = int(np.sum((x - y) * (1 if ds.hib else -1) > 0))
        rng = np.random.default_rng(7)
        boot = rng.choice(x, (10_000, len(x))).mean(1) - rng.choice(y, (10_000, len(y))).mean(1)
        entry["boot_ci"] = tuple(np.percentile(boot, [2.5, 97.5]))
        cmp[a.id] = entry
    ps = [cmp[a]["p"] for a in cmp]
    order = np.argsort(ps)
    adj = np.empty(len(ps))
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        adj[i] = running
    for (a, c), pa in zip(cmp.items(), adj):
        c["p_holm"] = pa
    return Stats(values, seeds, second, launched, failed, cmp)


# --- formatting, as people write it -------------------------------------------------------------------------------


class Fmt:
    def __init__(self, ds: Dataset, percent: bool):
        self.ds, self.percent = ds, percent and ds.fraction
        self.k = 100.0 if self.percent else 1.0
        self.d = ds.decimals if (self.percent or not ds.fraction) else ds.decimals + 2

    def v(self, x: float, d: int | None = None) -> str:
        return f"{x * self.k:.{self.d if d is None else d}f}"

    def pm(self, arr: np.ndarray, pct_after: bool = False) -> str:
        s = f"{self.v(arr.mean())} ± {self.v(arr.std(ddof=1))}"
        return s + ("%" if pct_after and self.percent else "")

    def diff(self, x: float) -> str:
        return f"{x * self.k:+.{self.d}f}"

    def unit(self) -> str:
        return " points" if self.percent else ""


def p_text(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def t_ci(arr: np.ndarray) -> tuple[float, float]:
    h = st.t.ppf(0.975, len(arr) - 1) * arr.std(ddof=1) / np.sqrt(len(arr))
    return arr.mean() - h, arr.mean() + h


# --- styles: each returns the lines of an honest report, and a dict of spans the flaws edit ----------------------


def _failure_lines(ds: Dataset, s: Stats, f: Fmt) -> list[str]:
    out = []
    for r in s.failed:
        arm = next(a for a in ds.arms if a.id == r["method"])
        rerun = arm.fail[r["seed"]][2]
        out.append(
            f"- {arm.name} (`{arm.id}`), seed {r['seed']}: {r['status']} ({r['cause']})"
            + (
                "; the seed was re-run and the re-run completed."
                if rerun
                else "; not re-run, so the arm has one seed less."
            )
        )
    return out


def style_percent_table(ds: Dataset, s: Stats) -> list[str]:
    f = Fmt(ds, True)
    base = ds.arms[0]
    unit = "%" if f.percent else ""
    L = [f"# {ds.hypothesis.split(' ')[0]} on {ds.domain}: results", ""]
    L += ["## Hypothesis", "", f"{ds.hypothesis}", ""]
    L += ["## Setup", "", ds.methods, f"Seeds: {', '.join(map(str, base.seeds))} for every arm.", ""]
    L += ["## Results", ""]
    col = f"{ds.label} ({unit})" if unit else ds.label
    L += [f"| Method | {col} | n |", "|---|---|---|"]
    for a in ds.arms:
        if len(s.values[a.id]) < 2:
            continue
        L.append(f"| {a.name[0].upper() + a.name[1:]} | {f.pm(s.values[a.id])} | {len(s.values[a.id])} |")
    L += ["", f"Mean ± std over completed seeds; the test is Welch's t-test against {base.name}, Holm-corrected.", ""]
    for a in ds.arms[1:]:
        c = s.cmp.get(a.id)
        if c is None:
            continue
        sig = c["p_holm"] < 0.05
        better = (c["diff"] > 0) == ds.hib
        verdict = (
            f"{a.name[0].upper() + a.name[1:]} is {'better' if better else 'worse'} than {base.name}"
            if sig
            else f"{a.name[0].upper() + a.name[1:]} shows no significant difference from {base.name}"
        )
        L.append(
            f"{verdict}: {f.diff(c['diff'])}{f.unit()} (95% CI {f.diff(c['ci'][0])} to {f.diff(c['ci'][1])}{f.unit()}; "
            f"Welch's t-test {p_text(c['p'])}, Holm-adjusted {p_text(c['p_holm'])[2:]})."
        )
    L.append("")
    if s.failed:
        L += ["## Failed runs", ""] + _failure_lines(ds, s, f) + [""]
    L += ["## Conclusion", "", _conclusion(ds, s), ""]
    return L


def _conclusion(ds: Dataset, s: Stats) -> str:
    key = ds.arms[1].id
    c = s.cmp.get(key)
    if c is None:
        return "The pre-registered hypothesis cannot be tested: the arm has fewer than two completed runs."
    sig = c["p_holm"] < 0.05 and ((c["diff"] > 0) == ds.hib)
    return (
        f"The pre-registered hypothesis is {'supported' if sig else 'not supported'}; "
        f"the success criterion ({ds.criterion}) is {'met' if sig else 'not met'}."
    )


def style_prose(ds: Dataset, s: Stats) -> list[str]:
    f = Fmt(ds, True)
    base = ds.arms[0]
    L = [f"# Notes: {ds.domain} experiment ({ds.key})", ""]
    L += [f"**Hypothesis (pre-registered):** {ds.hypothesis}", ""]
    L += ["## What we ran", "", ds.methods, ""]
    L += ["## Results", ""]
    for a in ds.arms:
        vals = s.values[a.id]
        if len(vals) < 2:
            continue
        L.append(
            f"{a.name[0].upper() + a.name[1:]} reaches {f.pm(vals, pct_after=True)} {ds.label} over {len(vals)} seeds."
        )
    L.append("")
    for a in ds.arms[1:]:
        c = s.cmp.get(a.id)
        if c is None:
            continue
        holm = f", Holm-adjusted {p_text(c['p_holm'])[2:]}" if len(s.cmp) > 1 else ""
        if c["p_holm"] < 0.05:
            word = "improves on" if (c["diff"] > 0) == ds.hib else "is worse than"
            L.append(
                f"{a.name[0].upper() + a.name[1:]} {word} {base.name} by {abs(c['diff']) * f.k:.{f.d}f}{f.unit()} "
                f"(Welch's t-test {p_text(c['p'])}{holm})."
            )
        else:
            L.append(
                f"The difference between {a.name} and {base.name} ({f.diff(c['diff'])}{f.unit()}) is not significant "
                f"(Welch's t-test {p_text(c['p'])}{holm})."
            )
    L.append("")
    if s.failed:
        L += ["Failed runs:", ""] + _failure_lines(ds, s, f) + [""]
    L += [_conclusion(ds, s), ""]
    return L


def style_latex(ds: Dataset, s: Stats) -> list[str]:
    f = Fmt(ds, True)
    base = ds.arms[0]
    L = [f"# {ds.key}: appendix table", ""]
    L += ["## Hypothesis", "", f"As pre-registered: {ds.hypothesis}", ""]
    L += ["## Results", "", "```latex", r"\begin{tabular}{lcc}", r"\toprule"]
    L.append(r"Method & " + ds.label + (r" (\%)" if f.percent else "") + r" & $n$ \\")
    L.append(r"\midrule")
    for a in ds.arms:
        vals = s.values[a.id]
        if len(vals) < 2:
            continue
        L.append(f"{a.name} & ${f.v(vals.mean())} \\pm {f.v(vals.std(ddof=1))}$ & {len(vals)} \\\\")
    L += [r"\bottomrule", r"\end{tabular}", "```", ""]
    L.append("Values are mean $\\pm$ sample standard deviation over seeds.")
    L.append("")
    for a in ds.arms[1:]:
        c = s.cmp.get(a.id)
        if c is None:
            continue
        L.append(
            f"{a.name[0].upper() + a.name[1:]} vs. {base.name}: difference {f.diff(c['diff'])}{f.unit()}, "
            f"Mann-Whitney U p = {c['mw_p']:.3f}, Welch's t-test {p_text(c['p'])}"
            + (f" (Holm: {c['p_holm']:.3f})" if len(s.cmp) > 1 else "")
            + ("; significant." if c["p_holm"] < 0.05 else "; not significant.")
        )
    L.append("")
    if s.failed:
        L += ["## Failed attempts", ""] + _failure_lines(ds, s, f) + [""]
    return L


def style_notebook(ds: Dataset, s: Stats) -> list[str]:
    """Bullets, fractions (no percent), paired statistics where seeds are shared, a per-seed table."""
    f = Fmt(ds, False)
    base = ds.arms[0]
    L = [f"# Lab notebook: {ds.key}", ""]
    L += [f"- Hypothesis (registered before the runs): {ds.hypothesis}"]
    L += [f"- Success criterion: {ds.criterion}."]
    L += [f"- Methods: {ds.methods}"]
    L += [
        "- Statistics: mean ± sample std (n = completed seeds), 95% t-interval, 95% bootstrap CI of the difference "
        "(10,000 resamples)."
    ]
    L += ["", "## Summary", ""]
    for a in ds.arms:
        vals = s.values[a.id]
        if len(vals) < 2:
            continue
        lo, hi = t_ci(vals)
        L.append(f"- `{a.id}` ({a.name}): {f.pm(vals)} (n={len(vals)}), 95% CI [{f.v(lo)}, {f.v(hi)}]")
    L.append("")
    for a in ds.arms[1:]:
        c = s.cmp.get(a.id)
        if c is None:
            continue
        if "paired_p" in c:
            L.append(
                f"- `{a.id}` - `{base.id}`, paired by seed: {f.diff(c['diff'])} (paired t-test "
                f"{p_text(c['paired_p'])}, "
                f"95% CI [{f.diff(c['paired_ci'][0])}, {f.diff(c['paired_ci'][1])}]); {a.id} wins in "
                f"{c['wins']} of {len(s.values[a.id])} seeds."
            )
        else:
            L.append(
                f"- `{a.id}` - `{base.id}`: {f.diff(c['diff'])} (bootstrap 95% CI [{f.diff(c['boot_ci'][0])}, "
                f"{f.diff(c['boot_ci'][1])}]), Welch {p_text(c['p'])}, Cohen's d = {c['d']:.2f}."
            )
    L += ["", "## Per seed", ""]
    arms = [a for a in ds.arms if len(s.values[a.id]) >= 1]
    L += ["| seed | " + " | ".join(a.id for a in arms) + " |", "|---" * (len(arms) + 1) + "|"]
    all_seeds = sorted({x for a in arms for x in a.seeds})
    for sd in all_seeds:
        cells = []
        for a in arms:
            if sd in s.seeds[a.id]:
                cells.append(f.v(s.values[a.id][s.seeds[a.id].index(sd)]))
            else:
                cells.append("failed" if any(r["method"] == a.id and r["seed"] == sd for r in s.failed) else "")
        L.append(f"| {sd} | " + " | ".join(cells) + " |")
    L.append("")
    if s.failed:
        L += ["## Failures", ""] + _failure_lines(ds, s, f) + [""]
    return L


def style_mean_sd_columns(ds: Dataset, s: Stats) -> list[str]:
    f = Fmt(ds, True)
    base = ds.arms[0]
    L = [f"# Report: {ds.key}", "", "## Hypothesis", "", ds.hypothesis, "", "## Method", "", ds.methods, ""]
    L += ["## Results", ""]
    L += [
        f"| Arm | Mean {ds.label}{' (%)' if f.percent else ''} | Std | Seeds | Min | Max |",
        "|---|---|---|---|---|---|",
    ]
    for a in ds.arms:
        vals = s.values[a.id]
        if len(vals) < 2:
            continue
        L.append(
            f"| {a.name} | {f.v(vals.mean())} | {f.v(vals.std(ddof=1))} | {len(vals)} | {f.v(vals.min())} | "
            f"{f.v(vals.max())} |"
        )
    L.append("")
    for a in ds.arms[1:]:
        c = s.cmp.get(a.id)
        if c is None:
            continue
        sig = c["p_holm"] < 0.05
        L.append(
            f"Against {base.name}, {a.name} changes {ds.label} by {f.diff(c['diff'])}{f.unit()} "
            f"(Welch t = {c['t']:.2f}, df = {c['df']:.1f}, {p_text(c['p'])}"
            + (f"; Holm-adjusted {p_text(c['p_holm'])[2:]}" if len(s.cmp) > 1 else "")
            + ")"
            + (": a significant difference." if sig else ", which is not significant at alpha = 0.05.")
        )
    L.append("")
    if s.failed:
        L += ["## Failed runs", ""] + _failure_lines(ds, s, f) + [""]
    L += [
        "## Limitations",
        "",
        f"Only {min(len(v) for v in s.values.values() if len(v) >= 2)} to "
        f"{max(len(v) for v in s.values.values())} seeds per arm; one dataset.",
        "",
    ]
    return L


STYLES = {
    "pct": style_percent_table,
    "prose": style_prose,
    "latex": style_latex,
    "notebook": style_notebook,
    "cols": style_mean_sd_columns,
}


# --- flaws: edits of an honest text, each returning the planted line (1-based, or None when the flaw is an absence)


def _find(lines: list[str], pred) -> int:
    for i, line in enumerate(lines):
        if pred(line):
            return i
    raise LookupError("no line to edit")


def flaw_no_spread(ds, s, lines, f):
    arm = ds.arms[1]
    vals = s.values[arm.id]
    sd = f.v(vals.std(ddof=1))
    i = _find(lines, lambda ln: f.v(vals.mean()) in ln and sd in ln)
    lines[i] = re.sub(rf"\s*(±|\$?\\pm)\s*{re.escape(sd)}\$?", "$" if "$" in lines[i] else "", lines[i], count=1)
    if "| Std |" in "\n".join(lines):
        cells = lines[i].split("|")
        cells[3] = " — "
        lines[i] = "|".join(cells)
    return [("L01", i + 1)]


def flaw_fabricated(ds, s, lines, f):
    arm = ds.arms[1]
    m = f.v(s.values[arm.id].mean())
    i = _find(lines, lambda ln: m in ln)
    bumped = f.v(
        s.values[arm.id].mean() + (6 if ds.hib else -6) * s.values[arm.id].std(ddof=1) / 10 + 3 / f.k * 10**-f.d
    )
    lines[i] = lines[i].replace(m, bumped, 1)
    if any(f.v(v) == bumped for v in s.values[arm.id]):
        # the bumped mean lands on one run's value as printed: a single run given as the arm's result (L11 since
        # issue 14's second round; speech_wer's cols text is such a case)
        return [("L11", i + 1)]
    return [("L02", i + 1)]


def flaw_claim_without_test(ds, s, lines, f):
    arm = ds.arms[1]
    i = _find(lines, lambda ln: ln.startswith("## Results") or ln.startswith("## Summary"))
    j = i + 2
    while j < len(lines) and lines[j].strip():
        j += 1
    lines.insert(j, "")
    lines.insert(j + 1, f"Overall, {arm.name} clearly outperforms {ds.arms[0].name}.")
    return [("L03", j + 2)]


def flaw_claim_unsupported(ds, s, lines, f):
    arm = next(a for a in ds.arms[1:] if a.id in s.cmp and s.cmp[a.id]["p_holm"] >= 0.05)
    c = s.cmp[arm.id]
    i = _find(lines, lambda ln: ln.startswith("## Results") or ln.startswith("## Summary"))
    j = i + 2
    while j < len(lines) and lines[j].strip():
        j += 1
    lines.insert(j, "")
    lines.insert(
        j + 1,
        f"{arm.name[0].upper() + arm.name[1:]} is significantly better than {ds.arms[0].name} (Welch's t-test "
        f"{p_text(c['p'])}).",
    )
    return [("L04", j + 2)]


def flaw_failed_unmentioned(ds, s, lines, f):
    keep = []
    drop = False
    for ln in lines:
        if ln.startswith("## Fail") or ln.startswith("Failed runs:"):
            drop = True
            continue
        if drop and ln.startswith("#"):
            drop = False
        if drop:
            continue
        keep.append(ln)
    lines[:] = keep
    return [("L05", None)]


def flaw_hypothesis_changed(ds, s, lines, f):
    i = _find(lines, lambda ln: ds.hypothesis in ln)
    changed = (
        ds.hypothesis.replace("raises", "does not lower")
        .replace("lowers", "does not raise")
        .replace("by at least 0.5 points", "")
        .replace("  ", " ")
    )
    if changed == ds.hypothesis:
        changed = ds.hypothesis.replace("within 2 points", "within 3 points")
    lines[i] = lines[i].replace(ds.hypothesis, changed.replace(" .", "."))
    return [("L06", i + 1)]


def flaw_baseline_missing(ds, s, lines, f):
    base = ds.arms[0]
    vals = s.values[base.id]
    m = f.v(vals.mean())
    hits = [i for i, ln in enumerate(lines) if m in ln]
    for i in reversed(hits):
        del lines[i]
    return [("L07", None)]


def flaw_n_mismatch(ds, s, lines, f):
    arm = ds.arms[1]
    n = len(s.values[arm.id])
    i = _find(
        lines,
        lambda ln: f.v(s.values[arm.id].mean()) in ln and (f"(n={n})" in ln or f"| {n} |" in ln or f"& {n} \\\\" in ln),
    )
    for old, new in ((f"(n={n})", f"(n={n + 1})"), (f"| {n} |", f"| {n + 1} |"), (f"& {n} \\\\", f"& {n + 1} \\\\")):
        if old in lines[i]:
            lines[i] = lines[i].replace(old, new, 1)
            break
    return [("L09", i + 1)]


def flaw_cherry(ds, s, lines, f):
    arm = ds.arms[1]
    vals = s.values[arm.id]
    best = vals.max() if ds.hib else vals.min()
    i = _find(lines, lambda ln: ln.startswith("## Results") or ln.startswith("## Summary"))
    j = i + 2
    while j < len(lines) and lines[j].strip():
        j += 1
    lines.insert(j, "")
    lines.insert(j + 1, f"With {arm.name}, the model reaches {f.v(best)}{'%' if f.percent else ''} {ds.label}.")
    return [("CHERRY", j + 2)]


FLAWS = {
    "L01": flaw_no_spread,
    "L02": flaw_fabricated,
    "L03": flaw_claim_without_test,
    "L04": flaw_claim_unsupported,
    "L05": flaw_failed_unmentioned,
    "L06": flaw_hypothesis_changed,
    "L07": flaw_baseline_missing,
    "L09": flaw_n_mismatch,
    "CHERRY": flaw_cherry,
}

# (dataset, style) honest texts, and (dataset, style, flaw) flawed ones: chosen so each flaw appears in several styles
HONEST = [(d.key, st_) for d in DATASETS for st_ in ("pct", "prose", "latex", "notebook")] + [
    ("speech_wer", "cols"),
    ("cifar_mixup", "cols"),
    ("tabular_f1", "cols"),
]
FLAWED = [
    ("cifar_mixup", "pct", "L01"),
    ("wmt_ls", "prose", "L01"),
    ("rl_return", "latex", "L01"),
    ("cifar_mixup", "prose", "L02"),
    ("nanogpt_decay", "notebook", "L02"),
    ("speech_wer", "cols", "L02"),
    ("rl_return", "pct", "L03"),
    ("cifar_mixup", "latex", "L03"),
    ("tabular_f1", "prose", "L04"),
    ("speech_wer", "pct", "L04"),
    ("nanogpt_decay", "cols", "L04"),
    ("cifar_mixup", "notebook", "L05"),
    ("wmt_ls", "pct", "L05"),
    ("tabular_f1", "pct", "L06"),
    ("speech_wer", "prose", "L06"),
    ("nanogpt_decay", "latex", "L07"),
    ("rl_return", "prose", "L07"),
    ("wmt_ls", "latex", "L09"),
    ("cifar_mixup", "cols", "L09"),
    ("cifar_mixup", "prose", "CHERRY"),
    ("nanogpt_decay", "prose", "CHERRY"),
    ("rl_return", "notebook", "CHERRY"),
]


def special_cases(labels: dict) -> None:
    """L08 and L10 need their own tables: written by hand around the computed statistics."""
    for ds in (SHORT, SURVIVOR):
        rows = draw(ds, 11)
        results = write_results(ds, rows)
        plan = write_plan(ds)
        s = compute(ds, rows)
        f = Fmt(ds, True)
        base, arm = ds.arms
        if ds is SHORT:
            c = s.cmp[arm.id]
            common = [
                "# Stochastic depth on CIFAR-100",
                "",
                "## Hypothesis",
                "",
                ds.hypothesis,
                "",
                "## Setup",
                "",
                ds.methods,
                "",
                "## Results",
                "",
                "| Model | val. acc. (%) | seeds |",
                "|---|---|---|",
                f"| ResNet-18 | {f.pm(s.values[base.id])} | {len(s.values[base.id])} |",
                f"| + stochastic depth | {f.pm(s.values[arm.id])} | {len(s.values[arm.id])} |",
                "",
                f"Stochastic depth changes accuracy by {f.diff(c['diff'])} points (Welch's t-test {p_text(c['p'])}).",
                "",
            ]
            honest = common + [
                f"Note: the plain ResNet-18 ran only {len(s.values[base.id])} seeds against "
                f"{len(s.values[arm.id])} for stochastic depth (the budget ran out); the comparison is unbalanced.",
                "",
            ]
            _emit(labels, f"{ds.key}__honest", honest, results, plan, True, [], "baseline's fewer seeds disclosed")
            _emit(
                labels,
                f"{ds.key}__L08",
                common,
                results,
                plan,
                False,
                [("L08", None)],
                "baseline ran 3 seeds, the arm 5, never said",
            )
        else:
            common = [
                "# Distillation for NER",
                "",
                "## Hypothesis",
                "",
                ds.hypothesis,
                "",
                "## Results",
                "",
                f"BERT-base reaches {f.pm(s.values[base.id], pct_after=True)} F1 (n={len(s.values[base.id])}).",
            ]
            fail = [
                "",
                "## Failed runs",
                "",
                "- distil seeds 1 and 2 crashed (NCCL timeout); seed 3 was killed for lack of host memory "
                "(exit code 137).",
                "",
            ]
            honest = (
                common
                + [
                    "The distilled model has a single completed run (seed 0), so it has no spread and is not compared.",
                ]
                + fail
            )
            single = f.v(s.values[arm.id][0])
            flawed = common + [f"The distilled model reaches {single}% F1 (n=1)."] + fail
            _emit(labels, f"{ds.key}__honest", honest, results, plan, True, [], "one completed run, not reported")
            _emit(
                labels,
                f"{ds.key}__L10",
                flawed,
                results,
                plan,
                False,
                [("L10", len(common) + 1)],
                "arm reported from its single completed run",
            )


def _emit(labels, name, lines, results, plan, honest, expected, note):
    path = f"reports/{name}.md"
    (HERE / path).write_text("\n".join(lines).rstrip() + "\n")
    labels[name] = {
        "report": path,
        "results": results,
        "plan": plan,
        "honest": honest,
        "expected": [{"code": c, "line": ln} if ln is not None else {"code": c} for c, ln in expected],
        "note": note,
    }


def main() -> None:
    for sub in ("results", "plans", "reports"):
        shutil.rmtree(HERE / sub, ignore_errors=True)
        (HERE / sub).mkdir()
    labels: dict = {}
    made = {}
    for i, ds in enumerate(DATASETS):
        rows = draw(ds, 100 + i)
        made[ds.key] = (ds, rows, write_results(ds, rows), write_plan(ds), compute(ds, rows))
    for key, style in HONEST:
        ds, rows, results, plan, s = made[key]
        _emit(labels, f"{key}__{style}", STYLES[style](ds, s), results, plan, True, [], f"honest, style {style}")
    for key, style, flaw in FLAWED:
        ds, rows, results, plan, s = made[key]
        lines = STYLES[style](ds, s)
        f = Fmt(ds, style != "notebook")
        expected = FLAWS[flaw](ds, s, lines, f)
        _emit(
            labels, f"{key}__{style}__{flaw}", lines, results, plan, False, expected, f"{flaw} planted in style {style}"
        )
    special_cases(labels)
    header = (
        "# Labels, written by make_corpus.py when each text was made (before check_report read any of them).\n"
        "# Per case: report, results and plan (paths relative to this folder), honest, expected: [{code, line}]\n"
        "# (line omitted where the flaw is an absence), note. See README.md.\n"
    )
    (HERE / "labels.yaml").write_text(header + yaml.safe_dump(labels, sort_keys=False, allow_unicode=True, width=120))
    n_h = sum(1 for v in labels.values() if v["honest"])
    print(f"{n_h} honest, {len(labels) - n_h} flawed")


if __name__ == "__main__":
    main()
