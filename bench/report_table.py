"""The fixture table for compile_report and check_report: every result set in tests/data/results/cases.yaml and
every report text in tests/data/reports/cases.yaml, with the codes expected (labelled by hand) and the codes got.

    python bench/report_table.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _workspace() -> Path:
    ws = Path(tempfile.mkdtemp(prefix="er-table-"))
    shutil.copytree(DATA / "results", ws / "results")
    shutil.copytree(DATA / "reports", ws / "reports")
    return ws


def results_rows(ws: Path) -> list[tuple[str, str, str, bool]]:
    from experiment_runner.errors import UserError
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.compile_report import SPEC
    from experiment_runner.workspace import Workspace

    ctx = ToolContext(workspace=Workspace(ws))
    cases = yaml.safe_load((DATA / "results" / "cases.yaml").read_text())
    rows = []
    for name, case in cases.items():
        args = {
            "results_file": f"results/{case['file']}",
            "plan": case["plan"],
            **(case.get("options") or {}),
            "figures": False,
        }
        if "error" in case:
            try:
                SPEC.call(args, ctx)
                got, ok = "accepted", False
            except UserError as e:
                got, ok = "input error", case["error"] in str(e)
            rows.append((name, f"error: {case['error']}", got, ok))
            continue
        checked = SPEC.call({**args, "check_only": True}, ctx)
        codes = sorted(v.code for v in checked.violations if not v.waived)
        ok = codes == sorted(case["expect"])
        if ok and not codes:
            written = SPEC.call(args, ctx)
            md = written.markdown or ""
            ok = all(s in md for s in case.get("contains", [])) and not any(s in md for s in case.get("lacks", []))
        rows.append((name, ", ".join(sorted(case["expect"])) or "passes", ", ".join(codes) or "passes", ok))
    return rows


def report_rows(ws: Path) -> list[tuple[str, str, str, bool]]:
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.check_report import SPEC
    from experiment_runner.workspace import Workspace

    ctx = ToolContext(workspace=Workspace(ws))
    cases = yaml.safe_load((DATA / "reports" / "cases.yaml").read_text())
    rows = []
    for name, case in cases.items():
        out = SPEC.call(
            {
                "report_path": f"reports/{name}",
                "results_file": f"results/{case['against']}",
                "plan": case["plan"],
                **(case.get("options") or {}),
            },
            ctx,
        )
        codes = sorted(set(f.code for f in out.findings))
        rows.append(
            (
                name,
                ", ".join(sorted(case["expect"])) or "clean",
                ", ".join(codes) or "clean",
                codes == sorted(case["expect"]),
            )
        )
    return rows


def _print(title: str, rows) -> int:
    w = max(len(r[0]) for r in rows)
    e = max(len(r[1]) for r in rows + [("", "expected", "", True)])
    print(f"\n{title}\n")
    print(f"{'case':<{w}}  {'expected':<{e}}  {'got':<{e}}  ok")
    for name, exp, got, ok in rows:
        print(f"{name:<{w}}  {exp:<{e}}  {got:<{e}}  {'yes' if ok else 'NO'}")
    bad = sum(1 for r in rows if not r[3])
    print(f"\n{len(rows) - bad} of {len(rows)} as labelled")
    return bad


def main() -> int:
    ws = _workspace()
    try:
        t = time.perf_counter()
        bad = _print("compile_report on tests/data/results (expected = codes that refuse the report)", results_rows(ws))
        bad += _print("check_report on tests/data/reports (expected = lint codes found)", report_rows(ws))
        print(f"\n{time.perf_counter() - t:.1f} s")
        return 1 if bad else 0
    finally:
        shutil.rmtree(ws, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
