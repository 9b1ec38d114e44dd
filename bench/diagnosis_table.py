"""The diagnosis fixtures as a table: for each training script of tests/data/diagnosis (its saved log, exit code
or signal), the expected top category, what diagnose_failure says, and its confidence. Prints the top-1 and top-3
accuracy on failing runs (overall and per category) and the false findings on healthy ones.

    python bench/diagnosis_table.py [--engine auto|hyperscan|python] [--logs DIR]

Goes through the tool itself (log_text, stderr_text, exit_code, signal, reason, command), not the internals."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "diagnosis"


def fixture_args(name: str, logs: Path) -> dict:
    d = logs / name
    meta = json.loads((d / "meta.json").read_text())
    args = {
        "log_text": (d / "stdout.log").read_text(encoding="utf-8", errors="replace"),
        "stderr_text": (d / "stderr.log").read_text(encoding="utf-8", errors="replace"),
        "command": meta["argv"],
    }
    for key in ("exit_code", "signal", "reason"):
        if meta.get(key) is not None:
            args[key] = meta[key]
    return args


def diagnose_all(logs: Path = DATA / "logs", engine: str = "auto") -> list[dict]:
    import os
    import tempfile

    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.diagnose_failure import SPEC
    from experiment_runner.workspace import Workspace

    if engine != "auto":
        os.environ["EXPERIMENT_RUNNER_SCAN_ENGINE"] = engine
    labels = yaml.safe_load((DATA / "labels.yaml").read_text())
    ctx = ToolContext(workspace=Workspace(tempfile.mkdtemp(prefix="diag-table-")))
    rows = []
    for name, entry in labels.items():
        out = SPEC.call(fixture_args(name, logs), ctx)
        got = out.findings[0].category if out.findings else "healthy"
        conf = out.findings[0].confidence if out.findings else None
        top3 = [f.category for f in out.findings[:3]] or ["healthy"]
        rows.append(
            {
                "script": name,
                "style": entry["style"],
                "expected": entry["expected"],
                "got": got,
                "confidence": conf,
                "ok": got == entry["expected"],
                "top3": entry["expected"] in top3,
                "simulated": bool(entry.get("simulated")),
                "engine": out.scans[0].engine if out.scans else "-",
                "findings": len(out.findings),
                "summary": out.summary,
            }
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="auto", choices=["auto", "hyperscan", "python"])
    ap.add_argument("--logs", type=Path, default=DATA / "logs")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    rows = diagnose_all(args.logs, args.engine)
    print(f"{'script':26s} {'style':10s} {'expected':26s} {'got':26s} {'conf':>5s}  ok")
    for r in rows:
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
        sim = " (simulated)" if r["simulated"] else ""
        print(
            f"{r['script']:26s} {r['style']:10s} {r['expected']:26s} {r['got']:26s} {conf:>5s}  "
            f"{'yes' if r['ok'] else 'NO'}{sim}"
        )
        if args.verbose and not r["ok"]:
            print("    " + r["summary"][:400])
    failing = [r for r in rows if r["expected"] != "healthy"]
    healthy = [r for r in rows if r["expected"] == "healthy"]
    top1 = sum(r["ok"] for r in failing) / len(failing)
    false = sum(r["findings"] > 0 for r in healthy)
    top3 = sum(r["top3"] for r in failing)
    print(f"\nfailing runs: top-1 right on {sum(r['ok'] for r in failing)}/{len(failing)} = {top1:.0%} (bar: >= 90%)")
    print(f"failing runs: top-3 right on {top3}/{len(failing)} = {top3 / len(failing):.0%}")
    print(f"\n{'category':26s} {'n':>3s} {'top-1':>6s} {'top-3':>6s}")
    for cat in sorted({r["expected"] for r in failing}):
        rs = [r for r in failing if r["expected"] == cat]
        print(f"{cat:26s} {len(rs):3d} {sum(r['ok'] for r in rs):6d} {sum(r['top3'] for r in rs):6d}")
    print(f"healthy runs: {len(healthy) - false}/{len(healthy)} without any finding (bar: all)")
    print(f"scan engine: {rows[0]['engine']}")
    return 0 if top1 >= 0.9 and not false else 1


if __name__ == "__main__":
    sys.exit(main())
