"""The report rule registry: every rule code is one function with its docstring, in one table that check() walks,
and each code has a test that breaks it through compile_report (here for the codes other files do not cover: H01,
H03, H04, S04, S08; a results file through a real MCP client in both protocol modes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.reports.rules import RULES
from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = pytest.mark.anyio

PLAN = {"primary_metric": "score", "higher_is_better": True, "baseline": "base"}


def _write(ws: Path, rows: list[str]) -> str:
    (ws / "results.csv").write_text("\n".join(rows) + "\n")
    return "results.csv"


async def _violations(ws: Path, mode: str, args: dict) -> dict[str, dict]:
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool("compile_report", {"figures": False, "check_only": True, **args})
    assert not r.is_error, result_text(r)
    return {v["code"]: v for v in r.structured_content["violations"]}


async def test_an_arm_with_one_finite_value_is_reported_without_variance_h01(workspace, mode):
    f = _write(
        workspace,
        [
            "method,seed,status,score",
            "base,0,completed,0.50",
            "base,1,completed,0.52",
            "base,2,completed,0.51",
            "new,0,completed,0.61",
            "new,1,crashed,",
            "new,2,crashed,",
        ],
    )
    v = await _violations(workspace, mode, {"results_file": f, "plan": PLAN})
    assert v["H01"]["severity"] == "hard" and v["H01"]["name"] == "arm_without_variance"
    assert v["H01"]["evidence"] == ["arm new: score has n=1 (completed runs with a finite value) of 3 launched"]


async def test_a_registered_metric_no_completed_run_of_an_arm_recorded_is_missing_h03_not_h01(workspace, mode):
    f = _write(
        workspace,
        [
            "method,seed,status,score,f1",
            "base,0,completed,0.50,0.40",
            "base,1,completed,0.52,0.41",
            "new,0,completed,0.61,",
            "new,1,completed,0.63,",
        ],
    )
    v = await _violations(workspace, mode, {"results_file": f, "plan": {**PLAN, "metrics": ["f1"]}})
    assert v["H03"]["evidence"] == ["f1: none of the 2 completed runs of arm new recorded it"]
    assert "H01" not in v  # the arm's missing f1 is H03's finding, said once


async def test_a_number_in_the_analysis_that_traces_to_no_run_is_untraceable_h04(workspace, mode):
    f = _write(
        workspace,
        [
            "method,seed,status,score",
            "base,0,completed,0.50",
            "base,1,completed,0.52",
            "new,0,completed,0.61",
            "new,1,completed,0.63",
        ],
    )
    traced = await _violations(
        workspace, mode, {"results_file": f, "plan": PLAN, "analysis": "new reached 0.62 on average."}
    )
    assert "H04" not in traced
    v = await _violations(
        workspace, mode, {"results_file": f, "plan": PLAN, "analysis": "new reached 0.87 on average."}
    )
    assert v["H04"]["severity"] == "hard"
    [evidence] = v["H04"]["evidence"]
    assert evidence.startswith("'0.87' in the analysis text: \"new reached 0.87 on average.\" (nearest recorded or")


async def test_several_arms_compared_without_a_correction_are_uncorrected_comparisons_s04(workspace, mode):
    rows = ["method,seed,status,score"]
    for arm, base in (("base", 0.50), ("a", 0.55), ("b", 0.60)):
        rows += [f"{arm},{s},completed,{base + 0.01 * s:.2f}" for s in range(3)]
    f = _write(workspace, rows)
    holm = await _violations(workspace, mode, {"results_file": f, "plan": PLAN})
    assert "S04" not in holm
    v = await _violations(workspace, mode, {"results_file": f, "plan": {**PLAN, "correction": "none"}})
    assert v["S04"]["severity"] == "soft"
    assert v["S04"]["evidence"][0] == "2 arms are compared with base at alpha 0.05 each, with no correction"
    assert "about 0.1 false positives are expected" in v["S04"]["evidence"][1]


async def test_one_seed_completed_twice_in_an_arm_is_a_repeated_seed_s08(workspace, mode):
    f = _write(
        workspace,
        [
            "method,seed,status,score",
            "base,0,completed,0.50",
            "base,1,completed,0.52",
            "new,0,completed,0.61",
            "new,1,completed,0.63",
            "new,1,completed,0.64",
        ],
    )
    v = await _violations(workspace, mode, {"results_file": f, "plan": PLAN})
    assert v["S08"]["name"] == "seed_repeated"
    [evidence] = v["S08"]["evidence"]
    assert evidence.startswith("arm new seed 1: completed runs ")


def test_every_registered_rule_is_a_function_with_its_docstring_and_a_test_that_breaks_it():
    tests = "\n".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py") if p.name != "test_fuzz_tools.py")
    for code, rule in RULES.items():
        assert rule.code == code and rule.severity == ("hard" if code.startswith("H") else "soft")
        assert (rule.check.__doc__ or "").startswith(f"{code}: "), f"{code}'s function needs a docstring"
        assert re.search(rf"""["']{code}["']|- {code} """, tests), f"no test breaks rule {code}"
