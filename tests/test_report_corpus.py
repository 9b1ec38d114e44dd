"""check_report on the labelled report corpora (tests/data/report_corpus, written with the linter's first version
and labelled before tuning; tests/data/report_holdout, hand-written later and scored once; tests/data/report_blind1,
written without the linter by someone who saw only the report conventions, scored once untuned, then tuned on;
tests/data/report_round2, written after that tuning in other styles, scored once, then fixed): no
honest text gets a finding, and every planted flaw is found on its line. Through a real MCP client, in both protocol
modes."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import DATA, result_text

pytestmark = pytest.mark.anyio

FOLDERS = ("report_corpus", "report_holdout", "report_blind1", "report_round2")
CASES = [
    (folder, name, case)
    for folder in FOLDERS
    for name, case in yaml.safe_load((DATA / folder / "labels.yaml").read_text()).items()
]


def test_the_corpus_has_at_least_twenty_honest_and_twenty_flawed_texts_covering_every_code():
    honest = [c for _, _, c in CASES if c["honest"]]
    flawed = [c for _, _, c in CASES if not c["honest"]]
    codes = {e["code"] for c in flawed for e in c["expected"]}
    assert len(honest) >= 20 and len(flawed) >= 20
    assert codes >= {"L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10", "CHERRY"}


@pytest.mark.parametrize("folder, name, case", CASES, ids=[f"{f}/{n}" for f, n, _ in CASES])
async def test_each_labelled_text_gets_exactly_its_planted_findings(workspace, mode, folder, name, case):
    shutil.copytree(DATA / folder, workspace / "corpus")
    plan = json.loads((DATA / folder / case["plan"]).read_text())
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool(
            "check_report",
            {"report_path": f"corpus/{case['report']}", "results_file": f"corpus/{case['results']}", "plan": plan},
        )
    assert not r.is_error, result_text(r)
    findings = r.structured_content["findings"]
    got = [(f["code"], f["line"]) for f in findings]
    if case["honest"]:
        assert findings == [], findings
        return
    for e in case["expected"]:
        code = "L11" if e["code"] == "CHERRY" else e["code"]
        line = e.get("line")
        assert any(c == code and (line is None or ln is None or abs(ln - line) <= 2) for c, ln in got), (e, findings)
    lines = (DATA / folder / case["report"]).read_text().splitlines()
    for f in findings:  # each finding quotes its line (a sentence may start at a line's end and wrap to the next)
        if f["line"] is not None:
            here = " ".join(ln.strip() for ln in lines[f["line"] - 1 : f["line"] + 1])
            assert f["sentence"][:30].strip("|").strip()[:20] in here, (f, here)
