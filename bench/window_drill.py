"""The window drill: healthy runs, cut into the windows a user would paste, must stay quiet.

A paste is a window of a run: the first lines, a stretch from the middle, the last lines. For every healthy case of
every corpus (each labels.yaml set's `expected: healthy` cases, and each variants_r* folder named `*healthy*`), each
of its stdout/stderr is cut into windows of 3, 5 and 10 lines holding numbers, taken at the first, middle and last
such lines. A window is the contiguous stretch of the log between its first and last numeric line; a traceback it
touches is kept whole (from `Traceback (most recent call last)` to its exception line). Each window goes through the
same call bench/diagnosis_real.py makes (SPEC.call with log_text only, as a paste without exit code or command) and
counts as an alarm when any finding reaches the report threshold.

    python bench/window_drill.py                        # per category and per corpus counts, worst offenders
    python bench/window_drill.py --sets blind9 real     # some corpora only
    python bench/window_drill.py --src /work/main/src   # another tree's code on this tree's logs
    python bench/window_drill.py --list                 # every alarmed window, with its first lines
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --src DIR: run another checkout's diagnosis (e.g. /work/main/src) on this tree's logs
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else str(ROOT / "src")
sys.path.insert(0, _SRC)

import yaml  # noqa: E402

DIAG = ROOT / "tests" / "data" / "diagnosis"
SIZES = (3, 5, 10)
PLACES = ("first", "middle", "last")
# A number a person would read as a measurement, as bench/parser_audit.py counts them: a decimal, scientific
# notation, or a non-finite value (a step count or a date alone makes no metric line)
_MEASURE = re.compile(
    r"(?<![\w.])[-+]?(?:\d+\.\d+|\d+(?:\.\d*)?e[-+]?\d+)(?![\w.])|(?<![a-z])(?:nan|-?inf(?:inity)?)(?![a-z])", re.I
)
_TB_HEAD = re.compile(r"^\s*Traceback \(most recent call last\)")
# The exception line that closes a traceback: an unindented `Name: message` or a bare exception name
_TB_TAIL = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit|Warning|Failure|Fault)?\b(?::|\s*$)")


def healthy_cases(sets: list[str] | None) -> list[tuple[str, str, Path]]:
    """(corpus, case name, case dir) of every healthy case."""
    found: list[tuple[str, str, Path]] = []
    for set_dir in sorted(p for p in DIAG.iterdir() if p.is_dir()):
        if sets and set_dir.name not in sets:
            continue
        labels = set_dir / "labels.yaml"
        if labels.is_file() and (set_dir / "cases").is_dir():
            cases = yaml.safe_load(labels.read_text())["cases"]
            found.extend(
                (set_dir.name, name, set_dir / "cases" / name)
                for name, entry in sorted(cases.items())
                if entry["expected"] == "healthy"
            )
        elif set_dir.name.startswith("variants"):
            found.extend(
                (set_dir.name, str(case.relative_to(set_dir)), case)
                for case in sorted(set_dir.rglob("*healthy*"))
                if case.is_dir() and any(case.glob("std*.log"))
            )
    return found


def traceback_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line index of each traceback: its head to the first unindented line after its frames."""
    blocks = []
    i = 0
    while i < len(lines):
        if _TB_HEAD.match(lines[i]):
            head = i
            i += 1
            while i < len(lines) and not (
                lines[i][:1] not in (" ", "\t", "") and _TB_TAIL.match(lines[i]) and not _TB_HEAD.match(lines[i])
            ):
                i += 1
            blocks.append((head, min(i, len(lines) - 1)))
        i += 1
    return blocks


def windows(text: str) -> list[tuple[str, str]]:
    """(label, window text) for each distinct window of a log."""
    lines = text.splitlines()
    numeric = [i for i, line in enumerate(lines) if _MEASURE.search(line.rsplit("\r", 1)[-1])]
    blocks = traceback_blocks(lines)
    seen: set[tuple[int, int]] = set()
    out = []
    for size in SIZES:
        if len(numeric) < size:
            continue
        starts = {"first": 0, "middle": (len(numeric) - size) // 2, "last": len(numeric) - size}
        for place in PLACES:
            lo, hi = numeric[starts[place]], numeric[starts[place] + size - 1]
            for first, last in blocks:
                if first <= hi and last >= lo:
                    lo, hi = min(lo, first), max(hi, last)
            if (lo, hi) in seen:
                continue
            seen.add((lo, hi))
            out.append((f"{place}{size}", "\n".join(lines[lo : hi + 1]) + "\n"))
    return out


def drill(cases: list[tuple[str, str, Path]]) -> list[dict]:
    import tempfile

    from experiment_runner.diagnosis.model import REPORT_THRESHOLD
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.diagnose_failure import SPEC
    from experiment_runner.workspace import Workspace

    ctx = ToolContext(workspace=Workspace(tempfile.mkdtemp(prefix="window-drill-")))
    rows = []
    for corpus, name, case_dir in cases:
        for stream in ("stdout.log", "stderr.log"):
            path = case_dir / stream
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for label, window in windows(text):
                out = SPEC.call({"log_text": window}, ctx)
                confident = [f for f in out.findings if f.confidence >= REPORT_THRESHOLD]
                rows.append(
                    {
                        "corpus": corpus,
                        "case": name,
                        "stream": stream.split(".")[0],
                        "window": label,
                        "category": confident[0].category if confident else None,
                        "confidence": confident[0].confidence if confident else None,
                        "text": window,
                    }
                )
    return rows


def report(rows: list[dict], n_healthy: int, show: int, listing: bool) -> None:
    alarms = [r for r in rows if r["category"]]
    n_cases = len({(r["corpus"], r["case"]) for r in rows})
    print(
        f"windows: {len(rows)} from {n_cases} healthy cases ({n_healthy - n_cases} more hold under 3 numeric lines); "
        f"windows raising a finding: {len(alarms)}"
    )
    print(f"\n{'top category':28s} {'windows':>7s} {'cases':>5s}")
    per_cat: dict[str, set] = defaultdict(set)
    for r in alarms:
        per_cat[r["category"]].add((r["corpus"], r["case"]))
    for cat, n in Counter(r["category"] for r in alarms).most_common():
        print(f"{cat:28s} {n:7d} {len(per_cat[cat]):5d}")
    print(f"\n{'corpus':14s} {'cases':>5s} {'windows':>7s} {'alarms':>6s} {'cases alarmed':>13s}")
    for corpus in sorted({r["corpus"] for r in rows}):
        mine = [r for r in rows if r["corpus"] == corpus]
        hit = [r for r in mine if r["category"]]
        print(
            f"{corpus:14s} {len({r['case'] for r in mine}):5d} {len(mine):7d} {len(hit):6d} "
            f"{len({r['case'] for r in hit}):13d}"
        )
    worst = Counter((r["corpus"], r["case"]) for r in alarms).most_common(show)
    if worst:
        print("\nworst offenders (alarmed windows: which)")
    for (corpus, case), n in worst:
        which = [
            f"{r['stream']}:{r['window']}->{r['category']} {r['confidence']:.2f}"
            for r in alarms
            if (r["corpus"], r["case"]) == (corpus, case)
        ]
        print(f"  {n:2d} {corpus}/{case}: {', '.join(which)}")
    if listing:
        for r in alarms:
            print(
                f"\n=== {r['corpus']}/{r['case']} {r['stream']}:{r['window']} -> {r['category']} {r['confidence']:.2f}"
            )
            print("\n".join(r["text"].splitlines()[:14]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", help="corpus names (real, blind9, variants_r5 ...)")
    ap.add_argument("--src", default=_SRC, help="the src directory whose diagnosis is drilled")
    ap.add_argument("--show", type=int, default=15, help="worst offenders shown")
    ap.add_argument("--list", action="store_true", help="print every alarmed window's first lines")
    args = ap.parse_args()
    cases = healthy_cases(args.sets)
    report(drill(cases), len(cases), args.show, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
