"""Audit the metric parser on every real log we hold: what it recovers, and the lines with numbers it left.

For each stdout.log/stderr.log of a diagnosis case (tests/data/diagnosis/*/cases/* and tests/data/diagnosis/real)
and each stdout/stderr fixture of tests/data/metrics, feed the log line by line to one `MetricParser` and print:
the recovered names with their number of points and first/last values, and the lines that hold a decimal number
(or nan/inf) yet yielded no record. A line whose record came out later (a held tqdm bar) may be listed as a gap;
the listing is for reading, not a score.

    python bench/parser_audit.py                      # every log, per log
    python bench/parser_audit.py --sets blind7 real   # some sets only
    python bench/parser_audit.py --shapes             # the gap lines grouped by shape (digits -> #), most logs first
    python bench/parser_audit.py --summary            # per set: logs, logs with metrics, names, gap lines

Lines the parser leaves unread on purpose (_LEFT: a checkpoint callback's best-so-far, an XGBoost eval printed
after training, a bare list of numbers, a progress bar reprinting the previous line's postfix) are listed as LEFT
and counted apart, not as gaps.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --src DIR: audit another checkout's parser (e.g. /work/main/src) on this tree's logs, to diff the listings
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else str(ROOT / "src")
sys.path.insert(0, _SRC)

from experiment_runner.runs.metrics_parse import MetricParser  # noqa: E402

DIAG = ROOT / "tests" / "data" / "diagnosis"
METRICS = ROOT / "tests" / "data" / "metrics"
# A number a person would read as a measurement: a decimal, scientific notation, or a non-finite value.
_MEASURE = re.compile(
    r"(?<![\w.])[-+]?(?:\d+\.\d+|\d+(?:\.\d*)?e[-+]?\d+)(?![\w.])|(?<![a-z])(?:nan|-?inf(?:inity)?)(?![a-z])", re.I
)
# Lines left unread on purpose (each would add a false point to a series), counted apart from the gaps
_LEFT = (
    # Keras ModelCheckpoint/EarlyStopping: the best so far, a second and monotone copy of the epoch line's value
    re.compile(r"\b(?:improved from|did not improve from)\b", re.I),
    # XGBoost Booster.eval() printed after training: its `[0]` is no round, the values repeat the last round's
    re.compile(r"^\D+\[0\]\t[\w-]+:", re.I),
    # a bare list of numbers with no name or header: nothing says what they measure
    re.compile(r"^[\s\[]*[-+]?\d*\.\d+(?:[\s,]+[-+]?\d*\.\d+){3,}[\s,\]]*$"),
)
# a progress bar's postfix after its rate (`2.11it/s, loss=0.158, train_loss=0.149]`): a bar line whose postfix
# repeats the previous line's is a reprint, no new measurement (the parser reads the first only)
_BAR_POSTFIX = re.compile(r"(?:it/s|s/it)\s*,\s*(.*)\]\s*$")
_NOISE = re.compile(r'^\s*(?:file "|traceback|at |\$ |#|\d{4}-\d\d-\d\d[ t]\d\d:\d\d:\d\d(?:[.,]\d+)?\s*$)', re.I)


def logs(sets: list[str] | None) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for set_dir in sorted(p for p in DIAG.iterdir() if p.is_dir()):
        if set_dir.name.startswith("blind") and not (set_dir / "cases").is_dir():
            continue
        if set_dir.name in ("logs", "scripts"):
            continue
        if sets and set_dir.name not in sets:
            continue
        found.extend((set_dir.name, path) for path in sorted(set_dir.rglob("std*.log")))
    if not sets or "metrics" in sets:
        found.extend(("metrics", path) for path in sorted(METRICS.rglob("std*.txt")))
    return found


def audit(path: Path) -> tuple[dict[str, list[float]], list[str]]:
    parser = MetricParser(progress_interval_s=None)
    series: dict[str, list[float]] = defaultdict(list)
    gaps: list[str] = []
    raw = path.read_bytes()
    postfix = None  # the postfix of the last progress-bar line: a bar line reprinting it is left on purpose
    whole = True  # the line is a whole line, not an update of a \r run (which the parser holds, then reads last)
    for line in raw.splitlines(keepends=True):
        whole = whole and line.endswith(b"\n")
        records = parser.feed(line)
        for record in records:
            for name, value in record.items():
                if name != "step":
                    series[name].append(value)
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        last = text.rsplit("\r", 1)[-1]
        if not records and _MEASURE.search(last) and not _NOISE.match(last):
            bar = _BAR_POSTFIX.search(last) if whole else None
            if any(r.search(last.strip()) for r in _LEFT) or (bar is not None and bar.group(1) == postfix):
                gaps.append(_LEFT_MARK + last.strip()[:200])
            else:
                gaps.append(last.strip()[:200])
        bar = _BAR_POSTFIX.search(last) if whole else None
        postfix = bar.group(1) if bar is not None else None
        whole = line.endswith(b"\n")
    for record in parser.flush():
        for name, value in record.items():
            if name != "step":
                series[name].append(value)
    return dict(series), gaps


_LEFT_MARK = "(left on purpose) "


def _fmt(v: float) -> str:
    return repr(v) if not math.isfinite(v) else f"{v:.6g}"


def shape(line: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?", "#", line.lower())[:90]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", help="diagnosis set names (real, blind3, variants_r5 ...) or 'metrics'")
    ap.add_argument("--shapes", action="store_true", help="group the gap lines by shape")
    ap.add_argument("--summary", action="store_true", help="per-set counts only")
    ap.add_argument("--src", default=_SRC, help="the src directory whose parser is audited")
    ap.add_argument("--max-gaps", type=int, default=8, help="gap lines shown per log")
    args = ap.parse_args()
    by_shape: dict[str, set[str]] = defaultdict(set)
    example: dict[str, str] = {}
    per_set: dict[str, Counter] = defaultdict(Counter)
    for set_name, path in logs(args.sets):
        series, gaps = audit(path)
        rel = str(path.relative_to(ROOT))
        c = per_set[set_name]
        c["logs"] += 1
        c["with_metrics"] += bool(series)
        c["names"] += len(series)
        c["points"] += sum(len(v) for v in series.values())
        c["nonfinite"] += sum(1 for v in series.values() for x in v if not math.isfinite(x))
        left = [g for g in gaps if g.startswith(_LEFT_MARK)]
        gaps = [g for g in gaps if not g.startswith(_LEFT_MARK)]
        c["left"] += len(left)
        c["gap_lines"] += len(gaps)
        c["logs_with_gaps"] += bool(gaps)
        for g in gaps:
            by_shape[shape(g)].add(rel)
            example.setdefault(shape(g), f"{rel}: {g}")
        if args.shapes or args.summary:
            continue
        if not series and not gaps and not left:
            continue
        print(f"== {rel}")
        for name, values in series.items():
            print(f"   {name:<28} n={len(values):<5} first={_fmt(values[0]):<12} last={_fmt(values[-1])}")
        for g in left:
            print(f"   LEFT {g[len(_LEFT_MARK) :]}")
        for g in gaps[: args.max_gaps]:
            print(f"   GAP  {g}")
        if len(gaps) > args.max_gaps:
            print(f"   GAP  ... {len(gaps) - args.max_gaps} more")
    if args.shapes:
        for s, where in sorted(by_shape.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(where):4d} logs  {example[s]}")
    if args.summary or not args.shapes:
        print("\nset            logs  w/metrics  names  points  non-finite  gap-lines  logs-with-gaps  left")
        for set_name, c in per_set.items():
            print(
                f"{set_name:<14} {c['logs']:5d} {c['with_metrics']:10d} {c['names']:6d} {c['points']:7d} "
                f"{c['nonfinite']:11d} {c['gap_lines']:10d} {c['logs_with_gaps']:15d} {c['left']:5d}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
