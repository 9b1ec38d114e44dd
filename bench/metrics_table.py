"""How well runs' metrics are recovered from real framework output: per fixture in tests/data/metrics/ (made by
running the real libraries, or taken from public pastes; see each folder's README/gen.py and VERSIONS) the output
is fed to the parser as the supervisor feeds it (64 KiB chunks per stream), the metric files the run wrote are read
as the supervisor reads them at the run's end, and the merged series are compared with expected.json (written from
the framework's own record before the parser was tuned).

    python bench/metrics_table.py [--text-only] [NAME ...]

Per fixture and overall, for the tuned part and the kept-aside part (tests/data/metrics/SPLIT.yaml) separately:
- names: expected names recovered (at least one matching value) / expected names;
- values: expected points whose value was recovered under that name (to the printed precision) / expected points;
- steps: expected points recovered with the right step / expected points;
- spurious: names produced that are neither expected nor listed as acceptable (also_ok), and how many of them are
  in the fixture's `never` list (config echoes, summaries, placeholders)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from experiment_runner.runs.metrics_parse import MetricParser  # noqa: E402
from experiment_runner.runs.metricsio import series as merge_series  # noqa: E402

DATA = ROOT / "tests" / "data" / "metrics"
CHUNK = 65536


def parsed_records(folder: Path) -> list[dict]:
    out = []
    for stream in ("stdout", "stderr"):
        path = folder / f"{stream}.txt"
        if not path.exists():
            continue
        data = path.read_bytes()
        parser = MetricParser(progress_interval_s=None)
        for i in range(0, len(data), CHUNK):
            out += [{**r, "source": stream} for r in parser.feed(data[i : i + CHUNK])]
        out += [{**r, "source": stream} for r in parser.flush()]
    return out


def file_records(folder: Path, printed: list[dict]) -> list[dict]:
    from experiment_runner.metrics import files as F
    from experiment_runner.runs.metricfiles import choose, records_of
    from experiment_runner.workspace import confine

    files_dir = (folder / "files").resolve()
    if not files_dir.exists():
        return []
    confine.register(files_dir)  # as the supervisor registers the run's workspace: the readers open nothing outside one
    values: dict[str, list[float]] = {}
    for r in printed:
        for k, v in r.items():
            if k not in ("step", "source") and isinstance(v, float):
                values.setdefault(k, []).append(v)
    found = F.find([files_dir], 0.0)
    taken, _ = choose([(p, F.kind_of(p), F.read(p, F.kind_of(p))) for p in found if F.kind_of(p)], values)
    return [{**r, "source": "file"} for r in records_of(taken)]


def close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= max(5e-4 * abs(b), 1e-6) or abs(a - b) <= 0.5 * 10 ** -_decimals(a)


def _decimals(v: float) -> int:
    text = repr(v)
    if "e" in text:
        return 12
    return len(text.split(".")[1]) if "." in text else 0


def score(folder: Path, text_only: bool) -> dict:
    expected = json.loads((folder / "expected.json").read_text())
    printed = parsed_records(folder)
    records = printed + ([] if text_only else file_records(folder, printed))
    got = merge_series(records)
    exp = expected["series"]
    names_ok = values_ok = steps_ok = points = 0
    missing = []
    for name, pts in exp.items():
        have = got.get(name, [])
        found_any = False
        for step, value in pts:
            points += 1
            match = [s for s, v in have if close(v, value)]
            if match:
                values_ok += 1
                found_any = True
                if step in match or (step is None and None in match):
                    steps_ok += 1
        names_ok += found_any
        if not found_any:
            missing.append(name)
    allowed = set(exp) | set(expected.get("also_ok", []))
    spurious = sorted(n for n in got if n not in allowed)
    never = [n for n in spurious if n in set(expected.get("never", []))]
    return {
        "names": (names_ok, len(exp)),
        "values": (values_ok, points),
        "steps": (steps_ok, points),
        "spurious": spurious,
        "never": never,
        "missing": missing,
    }


def main() -> None:
    import yaml

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--text-only", action="store_true", help="the parsed output alone, without the metric files")
    ap.add_argument("--part", choices=("tuned", "kept_aside", "kept_aside_late", "all"), default="tuned")
    args = ap.parse_args()
    split = yaml.safe_load((DATA / "SPLIT.yaml").read_text())
    parts = ["kept_aside_late", "kept_aside", "tuned"] if args.part == "all" else [args.part]
    print(f"metrics_table: {'parsed text only' if args.text_only else 'parsed text + metric files'}")
    for part in parts:
        names = [n for n in split[part] if not args.names or n in args.names]
        print(f"\n[{part}]")
        header = f"  {'fixture':16}{'names':>9}{'values':>12}{'steps':>12}  spurious names (never-list ones marked !)"
        print(header)
        totals = {"names": [0, 0], "values": [0, 0], "steps": [0, 0], "spurious": 0, "never": 0}
        for name in names:
            folder = DATA / name
            if not (folder / "expected.json").exists():
                print(f"  {name:16} (no expected.json)")
                continue
            r = score(folder, args.text_only)
            for k in ("names", "values", "steps"):
                totals[k][0] += r[k][0]
                totals[k][1] += r[k][1]
            totals["spurious"] += len(r["spurious"])
            totals["never"] += len(r["never"])
            spur = ", ".join(n + ("!" if n in r["never"] else "") for n in r["spurious"]) or "-"
            if r["missing"]:
                spur += f"   (missing: {', '.join(r['missing'])})"
            print(
                f"  {name:16}{r['names'][0]:>4}/{r['names'][1]:<4}{r['values'][0]:>6}/{r['values'][1]:<5}"
                f"{r['steps'][0]:>6}/{r['steps'][1]:<5}  {spur}"
            )

        def pct(pair):
            return f"{100 * pair[0] / pair[1]:.1f}%" if pair[1] else "-"

        print(
            f"  {'overall':16}{pct(totals['names']):>9}{pct(totals['values']):>12}{pct(totals['steps']):>12}  "
            f"{totals['spurious']} spurious names, {totals['never']} of them config/summary/placeholder"
        )


if __name__ == "__main__":
    main()
