"""The labelled fixtures: every flawed result set is refused with exactly the right codes, every valid one is
written; every flawed report text is flagged with the right lint codes and the honest ones pass. Through a real
MCP client, in both protocol modes."""

from __future__ import annotations

import shutil

import pytest
import yaml
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import DATA, result_text

pytestmark = pytest.mark.anyio

RESULT_CASES = yaml.safe_load((DATA / "results" / "cases.yaml").read_text())
REPORT_CASES = yaml.safe_load((DATA / "reports" / "cases.yaml").read_text())


@pytest.fixture
def ws(workspace):
    shutil.copytree(DATA / "results", workspace / "results")
    shutil.copytree(DATA / "reports", workspace / "reports")
    return workspace


def test_there_are_enough_labelled_fixtures_of_both_kinds():
    valid = [n for n, c in RESULT_CASES.items() if c.get("expect") == []]
    flawed = [n for n, c in RESULT_CASES.items() if c.get("expect")]
    assert len({c["file"] for c in RESULT_CASES.values()}) >= 13 and len(RESULT_CASES) >= 15
    assert len(valid) >= 5 and len(flawed) >= 10
    assert len(REPORT_CASES) >= 8 and sum(1 for c in REPORT_CASES.values() if not c["expect"]) >= 2


@pytest.mark.parametrize("name", list(RESULT_CASES))
async def test_each_result_set_is_refused_with_its_labelled_codes_or_written(ws, mode, name):
    case = RESULT_CASES[name]
    args = {
        "results_file": f"results/{case['file']}",
        "plan": case["plan"],
        **(case.get("options") or {}),
        "figures": False,
    }
    async with Client(build_server(ws), mode=mode) as c:
        if "error" in case:
            r = await c.call_tool("compile_report", args)
            assert r.is_error and case["error"] in result_text(r)
            return
        checked = await c.call_tool("compile_report", {**args, "check_only": True})
        assert not checked.is_error, result_text(checked)
        out = checked.structured_content
        got = sorted(v["code"] for v in out["violations"] if not v["waived"])
        assert got == sorted(case["expect"]), [(v["code"], v["evidence"]) for v in out["violations"]]
        assert out["status"] == "checked" and out["files"] == [] and not (ws / ".experiments").exists()
        r = await c.call_tool("compile_report", args)
    if case["expect"]:
        text = result_text(r)
        assert r.is_error and "nothing was written" in text
        for code in case["expect"]:
            assert f"- {code} " in text  # each broken rule listed with its code ...
        assert "evidence:" in text and "fix:" in text  # ... its evidence and its fix
        assert not (ws / ".experiments" / "_reports").exists()
    else:
        assert not r.is_error, result_text(r)
        md = r.structured_content["markdown"]
        written = (ws / r.structured_content["report_dir"] / "report.md").read_text()
        if md is None:  # a report past the inline limit is offered as a resource link instead
            links = [c.uri for c in r.content if getattr(c, "type", None) == "resource_link"]
            assert any(str(u).endswith("report.md") for u in links), links
            md = written
        for s in case.get("contains", []):
            assert s in md
        for s in case.get("lacks", []):
            assert s not in md
        assert written == md


@pytest.mark.parametrize("name", list(REPORT_CASES))
async def test_each_report_text_is_flagged_with_its_labelled_codes(ws, mode, name):
    case = REPORT_CASES[name]
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool(
            "check_report",
            {"report_path": f"reports/{name}", "results_file": f"results/{case['against']}", "plan": case["plan"]},
        )
    assert not r.is_error, result_text(r)
    out = r.structured_content
    assert sorted({f["code"] for f in out["findings"]}) == sorted(case["expect"]), out["findings"]
    text = (DATA / "reports" / name).read_text().splitlines()
    for f in out["findings"]:
        if f["line"] is not None:  # the quote is the sentence on that line of the report
            assert f["sentence"][:40].strip("|").strip() in text[f["line"] - 1] or f["sentence"][:40] in " ".join(text)
    assert out["ok"] is (not case["expect"])


@pytest.mark.parametrize("name", [n for n, c in RESULT_CASES.items() if c.get("expect") == []])
async def test_a_compiled_report_passes_check_report_against_the_same_data(ws, mode, name):
    case = RESULT_CASES[name]
    args = {"results_file": f"results/{case['file']}", "plan": case["plan"], **(case.get("options") or {})}
    async with Client(build_server(ws), mode=mode) as c:
        written = await c.call_tool("compile_report", {**args, "figures": False})
        assert not written.is_error, result_text(written)
        report_dir = ws / written.structured_content["report_dir"]
        r = await c.call_tool(
            "check_report",
            {
                "report": (report_dir / "report.md").read_text(),
                "results_file": args["results_file"],
                "plan": case["plan"],
                "exclude": args.get("exclude", []),
            },
        )
    assert r.structured_content["findings"] == [], r.structured_content["findings"]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("method,seed,status,acc\nbase,0,completed,0.8\nbase,x,completed,0.9\n", "line 3: seed 'x' is not an integer"),
        (
            "method,seed,status,acc\nbase,0,finished,0.8\n",
            "line 2: status 'finished' is not one of completed, failed, diverged",
        ),
        ("method,seed,acc\nbase,0,0.8\n", "lacks the column(s) status"),
        ("method,seed,status,acc\nbase,0,completed,high\n", "line 2: column 'acc' holds 'high', which is not a number"),
    ],
)
async def test_a_malformed_results_file_is_refused_naming_the_line_and_what_is_valid(
    workspace, mode, content, expected
):
    (workspace / "r.csv").write_text(content)
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool(
            "compile_report", {"results_file": "r.csv", "plan": {"primary_metric": "acc", "higher_is_better": True}}
        )
    assert r.is_error and expected in result_text(r), result_text(r)


async def test_seed_numbers_trace_in_a_seed_column_but_not_as_counts_in_prose(workspace, mode):
    rows = ["method,seed,status,acc"] + [
        f"{m},{s},completed,{0.8 + 0.01 * i + 0.001 * j}"
        for i, m in enumerate(["baseline", "x"])
        for j, s in enumerate([42, 1337, 2024])
    ]
    (workspace / "r.csv").write_text("\n".join(rows) + "\n")
    plan = {"primary_metric": "acc", "higher_is_better": True, "baseline": "baseline"}
    async with Client(build_server(workspace), mode=mode) as c:
        md = (
            await c.call_tool("compile_report", {"results_file": "r.csv", "plan": plan, "figures": False})
        ).structured_content["markdown"]
        clean = (
            await c.call_tool("check_report", {"report": md, "results_file": "r.csv", "plan": plan})
        ).structured_content
        padded = (
            await c.call_tool(
                "check_report",
                {"report": md + "\nWe trained 1337 models in total.\n", "results_file": "r.csv", "plan": plan},
            )
        ).structured_content
    assert "| `x/seed1337` | x | 1337 |" in md and clean["findings"] == []
    assert [(f["code"], f["sentence"]) for f in padded["findings"]] == [("L02", "We trained 1337 models in total.")]
