"""Build the corpus: results files, plans, reports (from templates/), labels.yaml.

    /work/main/.venv/bin/python scripts/build.py            # build everything
    /work/main/.venv/bin/python scripts/build.py --summary  # print the statistics of every case
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from cases import SPECS  # noqa: E402
from lib import Case  # noqa: E402

OUT = os.path.dirname(HERE)
DATA = os.path.join(OUT, "data")
TPL = os.path.join(HERE, "templates")


def summary(c: Case):
    sp = c.spec
    print(f"== {sp.cid} {sp.slug} ({'honest' if sp.honest else 'flawed'}) test={sp.test} corr={sp.correction}")
    for m, hib, _ in sp.metrics:
        for a in sp.arms:
            x = c.vals(a, m)
            if len(x) == 0:
                continue
            s = f"{c.Sd(a, m):.5f}" if len(x) > 1 else "-"
            print(f"   {m:14s} {a:20s} n={len(x)} mean={c.Mean(a, m):.5f} sd={s} vals={list(x)}")
    for a in c.others():
        w = c.Welch(a, sp.baseline)
        print(f"   {a}: welch p={w[2]:.4f} student p={c.Student(a, sp.baseline)[2]:.4f} mw p={c.MW(a, sp.baseline)[1]:.4f}"
              f" plan p={c.Pv(a):.4f} holm={c.Ph(a):.4f} diff={c.Mean(a) - c.Mean(sp.baseline):.5f}")


def main():
    os.makedirs(DATA, exist_ok=True)
    only_summary = "--summary" in sys.argv
    labels = []
    problems = []
    for sp in SPECS:
        c = Case(sp)
        if only_summary:
            summary(c)
        for desc, fn in sp.checks:
            if not fn(c):
                problems.append(f"{sp.cid}: check failed: {desc}")
        if only_summary:
            continue
        ext = "csv" if sp.fmt == "csv" else "jsonl"
        res = f"data/{sp.cid}_{sp.slug}.{ext}"
        plan = f"data/{sp.cid}_{sp.slug}.plan.json"
        rep = f"{sp.cid}_{sp.slug}.md"
        c.write_results(os.path.join(OUT, res))
        with open(os.path.join(OUT, plan), "w") as f:
            json.dump(c.plan(), f, indent=2)
            f.write("\n")
        tpath = os.path.join(TPL, f"{sp.cid}.md")
        if not os.path.exists(tpath):
            problems.append(f"{sp.cid}: no template")
            continue
        text = c.render(open(tpath).read())
        if "[[" in text or "]]" in text:
            problems.append(f"{sp.cid}: unrendered placeholder")
        with open(os.path.join(OUT, rep), "w") as f:
            f.write(text)
        lines = text.split("\n")
        if text.endswith("\n"):
            lines = lines[:-1]
        expected = []
        for code, needle in sp.flaws:
            if needle is None:
                expected.append({"code": code})
                continue
            hits = [i + 1 for i, ln in enumerate(lines) if needle in ln]
            if len(hits) != 1:
                problems.append(f"{sp.cid}: locator {needle!r} hits {hits}")
                continue
            expected.append({"code": code, "line": hits[0]})
        if sp.honest and sp.flaws:
            problems.append(f"{sp.cid}: honest case with flaws")
        if not sp.honest and not sp.flaws:
            problems.append(f"{sp.cid}: flawed case without flaws")
        if not 15 <= len(lines) <= 60:
            problems.append(f"{sp.cid}: {len(lines)} lines")
        labels.append((sp.cid, dict(report=rep, results=res, plan=plan, honest=sp.honest, expected=expected, note=sp.note)))
    if only_summary:
        print("\n".join(problems) or "all checks pass")
        return
    with open(os.path.join(OUT, "labels.yaml"), "w") as f:
        f.write("# Labels of the blind2 report corpus: case id -> case. `expected` lists the planted flaws with the\n")
        f.write("# 1-based line of the report where each sits (no line for an omission). CHERRY = a cherry-picked number.\n")
        for cid, d in labels:
            f.write(f"{cid}:\n")
            f.write(f"  report: {d['report']}\n  results: {d['results']}\n  plan: {d['plan']}\n")
            f.write(f"  honest: {'true' if d['honest'] else 'false'}\n")
            if not d["expected"]:
                f.write("  expected: []\n")
            else:
                f.write("  expected:\n")
                for e in d["expected"]:
                    f.write(f"    - {{code: {e['code']}" + (f", line: {e['line']}" if "line" in e else "") + "}\n")
            f.write(f"  note: {json.dumps(d['note'], ensure_ascii=False)}\n")
    print("\n".join(problems) or f"built {len(labels)} cases")


if __name__ == "__main__":
    main()
