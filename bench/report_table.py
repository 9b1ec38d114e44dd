"""The fixture table for compile_report and check_report, and the score of check_report on a labelled corpus.

    python bench/report_table.py                      # tests/data/results, tests/data/reports, tests/data/report_corpus
    python bench/report_table.py --reports DIR        # only the corpus in DIR (same layout as tests/data/report_corpus)
    python bench/report_table.py --reports DIR -v     # ... with every finding

1. compile_report on every result set in tests/data/results/cases.yaml: the codes that refuse it, against the labels.
2. check_report on every text in tests/data/reports/cases.yaml (the unit fixtures): the codes found, against the labels.
3. check_report on a corpus folder laid out as tests/data/report_corpus/README.md says (labels.yaml with, per case,
   report, results, plan, honest, expected [{code, line}]): false-positive findings per honest text (goal 0) and the
   share of planted flaws found (goal >= 0.95). A planted flaw counts as found when a finding has its code (CHERRY
   means L11) and, where the label gives a line, the finding's line is within 2 lines of it (a sentence that wraps
   starts on an earlier line).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
ALIASES = {"CHERRY": "L11"}
LINE_SLACK = 2


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
            # a report past the inline limit is not inlined: read the report.md it wrote
            md = written.markdown or (ws / written.report_dir / "report.md").read_text()
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
        codes = sorted({f.code for f in out.findings})
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


# --- a labelled corpus ----------------------------------------------------------------------------------------------


def read_labels(path: Path) -> dict[str, dict]:
    """A corpus's labels by case name: the mapping form (case name -> case), or a `cases:` list whose items carry an
    `id`."""
    raw = yaml.safe_load(path.read_text())
    if isinstance(raw, dict) and isinstance(raw.get("cases"), list):
        return {str(c.get("id") or Path(c["report"]).stem): c for c in raw["cases"]}
    if not isinstance(raw, dict):
        raise SystemExit(f"{path}: labels must be a mapping of case name -> case, or a `cases:` list")
    return raw


def _found(expected: dict, findings: list) -> bool:
    code = ALIASES.get(str(expected["code"]).upper(), str(expected["code"]).upper())
    line = expected.get("line")
    for f in findings:
        if f.code != code:
            continue
        if line is None or f.line is None or abs(f.line - int(line)) <= LINE_SLACK:
            return True
    return False


def score_corpus(folder: Path, verbose: bool = False) -> dict:
    """check_report on every case of a labelled corpus folder; prints a row per case and returns the figures."""
    from experiment_runner.errors import UserError
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.check_report import SPEC
    from experiment_runner.workspace import Workspace

    labels = read_labels(folder / "labels.yaml")
    ws = Path(tempfile.mkdtemp(prefix="er-corpus-"))
    try:
        shutil.copytree(folder, ws / "corpus")
        ctx = ToolContext(workspace=Workspace(ws))
        honest_fp: dict[str, int] = {}
        planted = found = 0
        extra_on_flawed = 0
        errors: list[str] = []
        crashed: list[str] = []
        missed: list[str] = []
        w = max(len(n) for n in labels)
        print(f"\ncheck_report on {folder} ({len(labels)} cases)\n")
        print(f"{'case':<{w}}  {'expected':<18}  {'found':<24}  ok")
        for name, case in labels.items():
            plan_path = folder / case["plan"]
            plan = (
                json.loads(plan_path.read_text())
                if plan_path.suffix == ".json"
                else yaml.safe_load(plan_path.read_text())
            )
            args = {"report_path": f"corpus/{case['report']}", "plan": plan}
            if case.get("experiment"):
                args["experiment"] = case["experiment"]
            else:
                args["results_file"] = f"corpus/{case['results']}"
            try:
                out = SPEC.call(args, ctx)
            except UserError as e:
                errors.append(f"{name}: {e}")
                print(f"{name:<{w}}  refused as input: {str(e)[:100]}")
                continue
            except Exception as e:  # a crash on one text is a result to see, not the end of the scoring
                crashed.append(f"{name}: {type(e).__name__}: {e}")
                print(f"{name:<{w}}  CRASHED: {type(e).__name__}: {str(e)[:100]}")
                continue
            got = ", ".join(f"{f.code}@{f.line}" for f in out.findings) or "clean"
            expected = case.get("expected") or []
            if case.get("honest"):
                honest_fp[name] = len(out.findings)
                ok = not out.findings
                exp = "clean"
            else:
                hits = [_found(e, out.findings) for e in expected]
                planted += len(expected)
                found += sum(hits)
                missed += [f"{name}: {e}" for e, h in zip(expected, hits) if not h]
                matched = {ALIASES.get(str(e["code"]).upper(), str(e["code"]).upper()) for e in expected}
                extra_on_flawed += sum(1 for f in out.findings if f.code not in matched)
                ok = all(hits)
                exp = ", ".join(f"{e['code']}@{e.get('line', '-')}" for e in expected)
            print(f"{name:<{w}}  {exp:<18}  {got[:60]:<24}  {'yes' if ok else 'NO'}")
            if verbose and out.findings:
                for f in out.findings:
                    print(f"      {f.code} line {f.line}: {f.sentence[:90]!r}: {f.message[:160]}")
    finally:
        shutil.rmtree(ws, ignore_errors=True)
    n_honest = len(honest_fp)
    fp = sum(honest_fp.values())
    figures = {
        "honest_texts": n_honest,
        "false_positive_findings": fp,
        "false_positives_per_honest_text": fp / n_honest if n_honest else 0.0,
        "honest_texts_with_a_finding": sum(1 for v in honest_fp.values() if v),
        "flawed_texts": sum(1 for c in labels.values() if not c.get("honest")),
        "planted_flaws": planted,
        "planted_found": found,
        "share_found": found / planted if planted else 1.0,
        "other_findings_on_flawed_texts": extra_on_flawed,
        "refused_as_input": len(errors),
        "crashed": len(crashed),
    }
    print(
        f"\nhonest: {n_honest} texts, {fp} false-positive findings "
        f"({figures['false_positives_per_honest_text']:.2f} per "
        f"text, goal 0), {figures['honest_texts_with_a_finding']} texts with any"
    )
    print(
        f"flawed: {figures['flawed_texts']} texts, {found} of {planted} planted flaws found "
        f"({figures['share_found']:.2f}, goal >= 0.95); {extra_on_flawed} findings besides the planted codes"
    )
    for m in missed:
        print(f"  missed {m}")
    for e in errors:
        print(f"  refused {e}")
    for e in crashed:
        print(f"  crashed {e}")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=Path, help="only score this labelled corpus folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    args = ap.parse_args()
    t = time.perf_counter()
    if args.reports is not None:
        fig = score_corpus(args.reports.resolve(), args.verbose)
        print(f"\n{time.perf_counter() - t:.1f} s")
        ok = fig["false_positive_findings"] == 0 and fig["share_found"] >= 0.95 and not fig["crashed"]
        return 0 if ok else 1
    ws = _workspace()
    try:
        bad = _print("compile_report on tests/data/results (expected = codes that refuse the report)", results_rows(ws))
        bad += _print("check_report on tests/data/reports (expected = lint codes found)", report_rows(ws))
    finally:
        shutil.rmtree(ws, ignore_errors=True)
    fig = score_corpus(DATA / "report_corpus", args.verbose)
    print(f"\n{time.perf_counter() - t:.1f} s")
    return 1 if bad or fig["false_positive_findings"] or fig["share_found"] < 0.95 else 0


if __name__ == "__main__":
    sys.exit(main())
