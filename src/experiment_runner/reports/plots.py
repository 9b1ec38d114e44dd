"""Figures, with matplotlib's Agg backend (imported here, lazily): per-arm values with error bars and every seed's
point, and learning curves with a band across seeds. Rules: y from 0 for magnitudes (metrics that are never
negative), one y scale shared by every panel of a figure, both axes labelled with units, PNG and SVG."""

from __future__ import annotations

import math
import re
from pathlib import Path

from experiment_runner.reports.analyse import Analysis

ARMS_PER_PANEL = 6


def unit_of(metric: str, values: list[float]) -> str:
    """The unit a metric is measured in, from its name and range."""
    name = metric.lower()
    if re.search(r"(acc|accuracy|f1|precision|recall|auc|iou|dice|top-?\d)", name):
        return "%" if values and max(values) > 1.0 else "fraction"
    if re.search(r"(_s$|seconds|time)", name):
        return "s"
    if re.search(r"(_ms$|latency)", name):
        return "ms"
    if re.search(r"(loss|nll|entropy)", name):
        return "nats, unitless"
    return "as logged"


def _limits(low: float, high: float, *, magnitude: bool) -> tuple[float, float]:
    """y-limits holding every point and interval with a margin; from 0 for a magnitude (values never negative)."""
    pad = 0.05 * ((high - (0.0 if magnitude else low)) or abs(high) or 1.0)
    return (0.0 if magnitude else low - pad), high + pad


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)


def _save(fig, out_dir: Path, stem: str) -> list[Path]:
    import io

    from experiment_runner.fsutil import write_new_bytes

    engine = fig.get_layout_engine()
    if engine is not None:  # lay out once, then keep those positions for both formats (layout measures every text)
        engine.execute(fig)
        fig.set_layout_engine("none")
    paths = []
    for ext in ("png", "svg"):
        buf = io.BytesIO()
        fig.savefig(buf, format=ext, dpi=100, metadata={"Date": None} if ext == "svg" else None)
        path = out_dir / f"{stem}.{ext}"
        write_new_bytes(path, buf.getvalue())
        paths.append(path)
    return paths


def _palette(n: int):
    import matplotlib

    cmap = matplotlib.colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def values_figure(an: Analysis, metric: str):
    """Every arm's mean with a 95% t-interval, and every seed's value as a point. Returns the Figure. All points are
    one scatter and all intervals one errorbar call, so 50 arms draw as fast as 2."""
    use_agg()
    import matplotlib.pyplot as plt
    import numpy as np

    arms = an.arms
    cells = [an.cells[(a, metric)] for a in arms]
    all_values = [v for c in cells for v in c.values]
    many = len(arms) > 8
    labels = arms if many else [f"{a}\n(n={c.n}/{c.n_launched})" for a, c in zip(arms, cells)]
    # margins from the longest label instead of a layout engine: measuring every label costs more than the plot
    bottom_in = (0.09 * max(len(a) for a in arms) + 0.7) if many else 0.95
    height = 3.4 + bottom_in
    fig, ax = plt.subplots(figsize=(max(5.0, 0.3 * len(arms) + 2), height))
    fig.subplots_adjust(
        left=0.9 / fig.get_figwidth(),
        right=1 - 0.2 / fig.get_figwidth(),
        top=1 - 0.4 / height,
        bottom=bottom_in / height,
    )
    colors = _palette(len(arms))
    rng = np.random.default_rng(0)  # fixed jitter, so the same data draw the same figure
    xs = (
        np.concatenate([np.full(len(c.values), i, dtype=float) for i, c in enumerate(cells)])
        if all_values
        else np.empty(0)
    )
    if all_values:
        ax.scatter(
            xs + rng.uniform(-0.12, 0.12, xs.size),
            all_values,
            s=12,
            alpha=0.75,
            zorder=3,
            label="each seed",
            c=[colors[i] for i, c in enumerate(cells) for _ in c.values],
        )
    # (position, mean, low, high) of the arms with an interval
    shown = [
        (i, c.mean, c.ci_t.low, c.ci_t.high)
        for i, c in enumerate(cells)
        if c.mean is not None and c.ci_t.low is not None and c.ci_t.high is not None
    ]
    if shown:
        ax.errorbar(
            [i for i, *_ in shown],
            [mean for _, mean, _, _ in shown],
            yerr=[[mean - low for _, mean, low, _ in shown], [high - mean for _, mean, _, high in shown]],
            fmt="_",
            color="black",
            markersize=12,
            capsize=3,
            zorder=4,
            label="mean ± 95% t-CI",
        )
    ax.set_xticks(range(len(arms)))
    ax.set_xlim(-0.6, len(arms) - 0.4)
    ax.set_xticklabels(labels, rotation=90 if many else 0, fontsize=7 if many else 9)
    ax.set_ylabel(f"{metric} ({unit_of(metric, all_values)})")
    ax.set_xlabel("arm" if many else "arm (completed / launched runs)")
    if all_values:
        ends = all_values + [low for _, _, low, _ in shown] + [high for *_, high in shown]
        ax.set_ylim(*_limits(min(ends), max(ends), magnitude=min(all_values) >= 0))
    ax.set_title(f"{metric}: every seed, mean and 95% t-interval", fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def curves_figure(an: Analysis, metric: str):
    """Per-step mean of the completed runs of each arm with a ±1 std band; panels of a few arms share both axes,
    and the baseline is drawn in every panel for reference. Returns the Figure, or None without curves."""
    use_agg()
    import matplotlib.pyplot as plt
    import numpy as np

    from experiment_runner.stats.curves import learning_curve

    included = {r.run_id for r in an.selection.included}
    curves = {}
    for arm in an.arms:
        series = [
            r.series.get(metric, [])
            for r in an.source.runs
            if r.arm == arm and r.run_id in included and r.status == "completed" and r.series.get(metric)
        ]
        if series:
            curves[arm] = (learning_curve(series), len(series))
    if not curves or all(c.steps.size < 2 for c, _ in curves.values()):
        return None
    others = [a for a in an.arms if a in curves and a != an.baseline]
    groups = [others[i : i + ARMS_PER_PANEL] for i in range(0, len(others), ARMS_PER_PANEL)] or [[]]
    ncols = min(3, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(5.6 * ncols, 3.8 * nrows), sharex=True, sharey=True, squeeze=False, layout="constrained"
    )
    colors = dict(zip(an.arms, _palette(len(an.arms))))
    values = np.concatenate([c.mean[np.isfinite(c.mean)] for c, _ in curves.values()])
    unit = unit_of(metric, values.tolist())
    for k, ax in enumerate(axes.flat):
        if k >= len(groups):
            ax.axis("off")
            continue
        for arm in ([an.baseline] if an.baseline in curves else []) + groups[k]:
            c, n = curves[arm]
            style = "--" if arm == an.baseline else "-"
            ax.plot(c.steps, c.mean, style, color=colors[arm], lw=1.6, label=f"{arm} (n={n})")
            band = c.n >= 2
            ax.fill_between(
                c.steps,
                np.where(band, c.mean - c.std, np.nan),
                np.where(band, c.mean + c.std, np.nan),
                color=colors[arm],
                alpha=0.2,
                lw=0,
            )
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
        ax.set_xlabel(f"training {an.source.step_axis} (count)")
        ax.set_ylabel(f"{metric} ({unit})")
    if values.size:
        tops = np.concatenate([np.where(c.n >= 2, c.mean + c.std, c.mean) for c, _ in curves.values()])
        lows = np.concatenate([np.where(c.n >= 2, c.mean - c.std, c.mean) for c, _ in curves.values()])
        axes.flat[0].set_ylim(
            *_limits(float(np.nanmin(lows)), float(np.nanmax(tops)), magnitude=values.min() >= 0)
        )  # shared y
    fig.suptitle(f"{metric}: mean of completed runs, band ±1 std across seeds", fontsize=9)
    return fig


def use_agg() -> None:
    import matplotlib

    matplotlib.use("Agg", force=True)
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text in SVG: searchable and accessible
    matplotlib.rcParams["svg.hashsalt"] = "experiment-runner"  # stable ids: the same data draw the same SVG


def write_figures(an: Analysis, out_dir: Path) -> list[Path]:
    import matplotlib.pyplot as plt

    use_agg()
    from experiment_runner.workspace import confine

    confine.mkdir(out_dir)
    paths: list[Path] = []
    for metric in an.metrics:
        figures = []
        if any(an.cells[(a, metric)].values for a in an.arms):
            figures.append((f"values_{_safe(metric)}", values_figure(an, metric)))
        if an.source.kind == "experiment":
            figures.append((f"curves_{_safe(metric)}", curves_figure(an, metric)))
        for stem, fig in figures:
            if fig is None:
                continue
            try:
                paths += _save(fig, out_dir, stem)
            finally:
                plt.close(fig)
    return paths
