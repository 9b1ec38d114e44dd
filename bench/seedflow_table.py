"""The seed-flow analysis (repro/seedflow.py) on real repositories: for each case of bench/seedflow_corpus.yaml, the
verdict and decisive line it gives beside the label a reader gave before the analysis existed, then the derived
broken variants (a literal in place of the seed; the seeding lines removed), and the scores per split (kept-aside
first). Baseline beside it: the presence-of-calls scan the checklist used before (seeds.code passes whenever a
seeding call exists anywhere in the project), scored on the same cases.

    python bench/seedflow_table.py --repos DIR [--split dev|heldout|all] [--verbose]

DIR holds one checkout per repository, named owner+name (what the `fetch` tool and `git clone` into such a folder
give), at the commit the corpus names (checked, not changed).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "bench" / "seedflow_corpus.yaml"


def _rel(at: str | None, cwd: str) -> str | None:
    if not at:
        return at
    prefix = "" if cwd in (".", "") else cwd.rstrip("/") + "/"
    return at[len(prefix) :] if prefix and at.startswith(prefix) else at


def _analyse(root: Path, case: dict) -> tuple[str, str | None, str]:
    from experiment_runner.repro.seedflow import analyse

    cwd = root / case["cwd"]

    def display(p: Path) -> str:
        try:
            return str(Path(p).relative_to(root))
        except ValueError:
            return str(p)

    r = analyse(case["command"], cwd, root, display=display, template=True)
    return r.verdict, _rel(r.at, case["cwd"]), r.message


def _baseline(root: Path, case: dict) -> str:
    """What the presence-of-calls scan concluded: 'seeded' when any seeding call exists in the project."""
    import re

    pattern = re.compile(r"\b(manual_seed|np\.random\.seed|random\.seed|seed_everything|set_seed)\s*\(")
    for p in (root / case["cwd"]).rglob("*.py"):
        try:
            if pattern.search(p.read_text(encoding="utf-8", errors="replace")):
                return "seeded"
        except OSError:
            continue
    return "unseeded"


def _derived(root: Path, case: dict, tmp: Path) -> list[tuple[dict, Path]]:
    """Variants made by editing the decisive lines of a seeded case, each in its own copy of the repository."""
    out = []
    sinks = case.get("sinks") or [case["at"]]
    for kind in ("constant", "removed"):
        copy = tmp / f"{case['id']}-{kind}"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git", "*.bin", "*.pt", "data"))
        for at in sinks:
            rel, _, line = at.rpartition(":")
            f = copy / case["cwd"] / rel
            lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
            i = int(line) - 1
            if kind == "constant":
                # the seed argument of the call, not the first occurrence of its name (np.random.seed(seed))
                lines[i] = lines[i].replace(f"({case['seed_expr']})", "(1234)", 1)
            else:
                indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
                lines[i] = indent + "pass\n"
            f.write_text("".join(lines), encoding="utf-8")
        label = (
            {"expected": "constant_seed", "at": sinks[0]}
            if kind == "constant"
            else {"expected": "seed_not_used", "at": case["option_at"]}
        )
        out.append(({**case, **label, "id": f"{case['id']}~{kind}"}, copy))
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repos", required=True, type=Path)
    p.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args()
    corpus = yaml.safe_load(CORPUS.read_text())
    repos = corpus["repos"]
    rows = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for case in corpus["cases"]:
            if args.split != "all" and case["split"] != args.split:
                continue
            info = repos[case["repo"]]
            root = args.repos / info["github"].replace("/", "+")
            if not root.is_dir():
                print(f"  missing {root}: skipped {case['id']}", file=sys.stderr)
                continue
            head = subprocess.run(
                ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
            )
            if head.returncode == 0 and head.stdout.strip() != info["commit"]:
                print(
                    f"  {root} is at {head.stdout.strip()[:12]}, the corpus names {info['commit'][:12]}",
                    file=sys.stderr,
                )
            todo = [(case, root)]
            if case.get("derive"):
                todo += _derived(root, case, tmp)
            for c, r in todo:
                verdict, at, message = _analyse(r, c)
                rows.append((c, verdict, at, message, _baseline(r, c) if "~" not in c["id"] else "seeded"))
    width = max(len(c["id"]) for c, *_ in rows)
    print(f"{'case':<{width}}  {'expected':<16} {'analysis':<16} {'line':<5} {'baseline':<10}")
    for c, verdict, at, message, base in rows:
        line_ok = "-" if c["at"] is None else ("ok" if at == c["at"] else "no")
        mark = "" if verdict == c["expected"] else "   <-- " + (at or "")
        print(f"{c['id']:<{width}}  {c['expected']:<16} {verdict:<16} {line_ok:<5} {base:<10}{mark}")
        if args.verbose or verdict != c["expected"]:
            print(f"{'':<{width}}    {message[:220]}")
    print()
    for split in ("heldout", "dev"):
        part = [r for r in rows if r[0]["split"] == split]
        if not part:
            continue
        for label, sub in (
            ("real", [r for r in part if "~" not in r[0]["id"]]),
            ("derived", [r for r in part if "~" in r[0]["id"]]),
        ):
            if not sub:
                continue
            right = sum(1 for c, v, *_ in sub if v == c["expected"])
            lines = [(c, a) for c, v, a, *_ in sub if c["at"] is not None and v == c["expected"]]
            line_right = sum(1 for c, a in lines if a == c["at"])
            base = sum(1 for c, _v, _a, _m, b in sub if b == c["expected"])
            broken = [r for r in sub if r[0]["expected"] != "seeded"]
            caught = sum(1 for c, v, *_ in broken if v not in ("seeded", "unknown"))
            healthy = [r for r in sub if r[0]["expected"] == "seeded"]
            false = sum(1 for c, v, *_ in healthy if v not in ("seeded", "unknown"))
            print(
                f"{split:>7} {label:<7}: verdict {right}/{len(sub)} ({right / len(sub):.0%}), "
                f"decisive line {line_right}/{len(lines)}; "
                f"broken flagged {caught}/{len(broken)}, seeded given a problem verdict {false}/{len(healthy)}, "
                f"unknown {sum(1 for c, v, *_ in sub if v == 'unknown')}; "
                f"baseline (calls present) verdict {base}/{len(sub)}"
            )
    print(
        "confusion (expected -> analysis):",
        dict(Counter((r[0]["expected"], r[1]) for r in rows if r[0]["expected"] != r[1])),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
