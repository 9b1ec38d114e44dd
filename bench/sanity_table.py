"""The planted-bug model set as a table: for each model of tests/data/sanity_models (expected.yaml), the check that
should flag it, whether it did, the verdict, every failed check, and the time. Goes through run_sanity_checks on
a real MCP server (one child process per model). Baseline beside the results: the expectation table itself
(healthy -> no failed check; planted bug -> its check fails).

    python bench/sanity_table.py [--only NAME ...] [--no-lr-range] [--device cpu]
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "tests" / "data" / "sanity_models"


def planted(name: str) -> str:
    doc = ast.get_docstring(ast.parse((MODELS / f"{name}.py").read_text())) or ""
    first = doc.split("->")[0].replace("Planted bug:", "").replace("Healthy:", "").strip()
    return " ".join(first.split())[:70]


async def run_all(ws: Path, names: list[str], lr: bool, device: str) -> dict[str, tuple[dict, float]]:
    from mcp import Client

    from experiment_runner.server import build_server

    out = {}
    async with Client(build_server(ws), mode="legacy") as c:
        for name in names:
            t = time.perf_counter()
            r = await c.call_tool(
                "run_sanity_checks", {"entrypoint": f"{name}.py:build", "lr_range_test": lr, "device": device}
            )
            took = time.perf_counter() - t
            if r.is_error:
                out[name] = ({"verdict": "tool error", "checks": [], "summary": r.content[0].text}, took)
            else:
                out[name] = (r.structured_content, took)
            print(f"  ran {name} ({took:.1f} s)", file=sys.stderr)
    return out


def main() -> int:
    import anyio

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="*", default=None)
    p.add_argument("--no-lr-range", action="store_true")
    p.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda"])
    args = p.parse_args()
    expected = yaml.safe_load((MODELS / "expected.yaml").read_text())
    names = args.only or list(expected)
    with tempfile.TemporaryDirectory(prefix="sanity-table-") as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(MODELS, ws, ignore=shutil.ignore_patterns("__pycache__"))
        results = anyio.run(run_all, ws, names, not args.no_lr_range, args.device)
    print("| model | what it is | expected | flagged | verdict | failed checks | s |")
    print("|---|---|---|---|---|---|---|")
    hits = healthy_ok = n_planted = n_healthy = 0
    for name in names:
        out, took = results[name]
        status = {c["name"]: c["status"] for c in out["checks"]}
        failed = [c for c, s in status.items() if s in ("failed", "error")]
        want = expected[name]
        if want == "healthy":
            n_healthy += 1
            ok = not failed and out["verdict"] == "passed"
            healthy_ok += ok
            flag = "no failure" if ok else "FALSE FAILURE"
        else:
            n_planted += 1
            ok = status.get(want) == "failed"
            hits += ok
            flag = "yes" if ok else f"NO ({status.get(want)})"
        print(
            f"| {name} | {planted(name)} | {want} | {flag} | {out['verdict']} | {', '.join(failed) or '-'} | "
            f"{took:.1f} |"
        )
    print(
        f"\nplanted bugs flagged by their check: {hits}/{n_planted} (expected {n_planted}/{n_planted}); "
        f"healthy models without a failed check: {healthy_ok}/{n_healthy} (expected {n_healthy}/{n_healthy})"
    )
    return 0 if hits == n_planted and healthy_ok == n_healthy else 1


if __name__ == "__main__":
    sys.exit(main())
