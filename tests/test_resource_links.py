"""Large outputs go out as resource links (logs, metrics, reports, figures) that the client can read back, and past
the inline limit the result leaves them out instead of inlining them; both protocol modes."""

from __future__ import annotations

import base64
import json

import mcp.types as types
import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text
from tests.test_compile_report import WAIVERS, confirm_brief, curve, demo_runs, record_run

pytestmark = pytest.mark.anyio


def links(result) -> dict[str, types.ResourceLink]:
    return {c.uri: c for c in result.content if isinstance(c, types.ResourceLink)}


async def read(client, uri: str):
    return (await client.read_resource(uri)).contents[0]


async def test_a_run_status_links_its_log_error_output_and_metrics_and_each_link_reads_back(workspace, mode):
    run_id = record_run(workspace, "e", "base", 0, "failed", curve(0.8), exit_code=1, stderr="boom: bad shape\n")
    (workspace / ".experiments/e/runs" / run_id / "stdout.log").write_text("step=1 loss=2.0\nstep=2 loss=1.5\n")
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("get_run_status", {"run_id": run_id})
        assert not r.is_error, result_text(r)
        got = links(r)
        assert set(got) == {f"run://{run_id}/log", f"run://{run_id}/stderr", f"run://{run_id}/metrics"}
        log = await read(c, f"run://{run_id}/log")
        err = await read(c, f"run://{run_id}/stderr")
        metrics = json.loads((await read(c, f"run://{run_id}/metrics")).text)
    assert got[f"run://{run_id}/log"].size == len(log.text.encode()) == 32
    assert got[f"run://{run_id}/log"].mime_type == "text/plain"
    assert err.text == "boom: bad shape\n" and got[f"run://{run_id}/stderr"].size == 16
    assert metrics["run_id"] == run_id and metrics["series"]["val_acc"][-1][1] == pytest.approx(0.8)
    structured = {ref["uri"] for ref in r.structured_content["resources"]}
    assert structured == set(got)


async def test_an_empty_error_output_is_not_linked(workspace, mode):
    run_id = record_run(workspace, "e", "base", 0, "completed", curve(0.8))
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("get_run_status", {"run_id": run_id})
    assert set(links(r)) == {f"run://{run_id}/log", f"run://{run_id}/metrics"}


async def test_past_the_inline_limit_an_experiment_status_leaves_logs_and_curves_to_the_resources(
    workspace, mode, monkeypatch
):
    import experiment_runner.tools.get_run_status as tool

    ids = [record_run(workspace, "big", "a", s, "completed", curve(0.8, epochs=30)) for s in range(6)]
    bad = record_run(workspace, "big", "b", 0, "failed", curve(0.5), exit_code=1, stderr="Traceback\n")
    for run_id in ids:
        (workspace / ".experiments/big/runs" / run_id / "stdout.log").write_text("epoch done\n" * 50)
    async with Client(build_server(workspace), mode=mode) as c:
        full = await c.call_tool("get_run_status", {"experiment": "big"})
        monkeypatch.setattr(tool, "INLINE_LIMIT_CHARS", len(result_text(full)) // 2)
        trimmed = await c.call_tool("get_run_status", {"experiment": "big"})
        asked = await c.call_tool("get_run_status", {"experiment": "big", "log_lines": 5})
    assert all(r["logs"] and r["curves"] for r in full.structured_content["runs"])
    out = trimmed.structured_content
    assert all(r["logs"] == {} and r["curves"] == {} for r in out["runs"])
    assert "Logs and curves are left out here (7 runs" in out["summary"] and "run://<run_id>/log" in out["summary"]
    assert len(result_text(trimmed)) < len(result_text(full)) // 2
    assert all(r["logs"] for r in asked.structured_content["runs"])  # what the caller asked for is given
    # an experiment's status links the runs worth reading first: here the failed one
    assert set(links(trimmed)) == {f"run://{bad}/log", f"run://{bad}/stderr", f"run://{bad}/metrics"}


async def test_a_report_links_its_markdown_data_and_figures_and_each_reads_back(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        r = await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS})
        assert not r.is_error, result_text(r)
        out = r.structured_content
        stamp = out["report_dir"].rsplit("/", 1)[1]
        base = f"report://demo-width/{stamp}"
        got = links(r)
        md = await read(c, f"{base}/report.md")
        data = await read(c, f"{base}/report.json")
        png = await read(c, f"{base}/figures/values_val_acc.png")
        svg = await read(c, f"{base}/figures/curves_val_acc.svg")
        with pytest.raises(Exception, match="no report.md in report 'nope'"):
            await c.read_resource("report://demo-width/nope/report.md")
    assert set(got) == {
        f"{base}/report.md",
        f"{base}/report.json",
        f"{base}/figures/curves_val_acc.png",
        f"{base}/figures/curves_val_loss.png",
        f"{base}/figures/values_val_acc.png",
        f"{base}/figures/values_val_loss.png",
    }
    assert md.text == out["markdown"] and md.mime_type == "text/markdown"
    assert json.loads(data.text)["label"] == "confirmatory"
    assert png.mime_type == "image/png" and base64.b64decode(png.blob)[:8] == b"\x89PNG\r\n\x1a\n"
    assert got[f"{base}/figures/values_val_acc.png"].size == len(base64.b64decode(png.blob))
    assert svg.mime_type == "image/svg+xml" and "val_acc (fraction)" in svg.text


async def test_past_the_inline_limit_a_report_is_read_from_its_resource_instead(workspace, mode, monkeypatch):
    import experiment_runner.tools.compile_report as tool

    monkeypatch.setattr(tool, "INLINE_LIMIT_CHARS", 2000)
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        r = await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS, "figures": False})
        out = r.structured_content
        uri = f"report://demo-width/{out['report_dir'].rsplit('/', 1)[1]}/report.md"
        md = await read(c, uri)
    assert out["markdown"] is None and f"read {uri}" in out["summary"]
    assert md.text == (workspace / out["report_dir"] / "report.md").read_text()


async def test_a_results_file_report_is_linked_under_the_results_reports(workspace, mode):
    (workspace / "r.csv").write_text(
        "method,seed,status,acc\nA,0,completed,0.81\nA,1,completed,0.82\nB,0,completed,0.85\nB,1,completed,0.86\n"
    )
    plan = {"primary_metric": "acc", "higher_is_better": True, "baseline": "A"}
    waivers = [{"code": "S01", "reason": "a toy table with two seeds per arm"}]
    args = {"results_file": "r.csv", "plan": plan, "figures": False, "waivers": waivers}
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("compile_report", args)
        assert not r.is_error, result_text(r)
        uri = next(u for u in links(r) if u.endswith("/report.md"))
        md = await read(c, uri)
    assert uri.startswith("report://_reports/r-") and md.text == r.structured_content["markdown"]


async def test_a_diagnosis_of_a_run_links_its_logs(workspace, mode):
    run_id = record_run(
        workspace, "e", "base", 0, "failed", [{"step": 1, "loss": float("nan")}], exit_code=1, stderr="nan loss\n"
    )
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", {"run_id": run_id})
        pasted = await c.call_tool("diagnose_failure", {"log_text": "step 1 loss nan"})
    assert not r.is_error, result_text(r)
    assert f"run://{run_id}/stderr" in links(r) and f"run://{run_id}/metrics" in links(r)
    assert links(pasted) == {}


async def test_a_long_experiment_status_fits_inline_by_pages_whose_counts_cover_every_run(workspace, mode):
    from experiment_runner.tools.base import INLINE_LIMIT_CHARS

    ids = {record_run(workspace, "sweep", f"t{i:02d}", 0, "completed", curve(0.8, epochs=20)) for i in range(70)}
    ids |= {record_run(workspace, "sweep", "bad", s, "failed", curve(0.5), exit_code=1) for s in range(3)}
    seen: list[str] = []
    async with Client(build_server(workspace), mode=mode) as c:
        first = await c.call_tool("get_run_status", {"experiment": "sweep"})
        out = first.structured_content
        offset = out["next_offset"]
        seen += [r["run_id"] for r in out["runs"]]
        while offset is not None:
            page = (await c.call_tool("get_run_status", {"experiment": "sweep", "offset": offset})).structured_content
            assert page["by_state"] == out["by_state"] and page["total_runs"] == 73
            seen += [r["run_id"] for r in page["runs"]]
            offset = page["next_offset"]
        asked = (
            await c.call_tool("get_run_status", {"experiment": "sweep", "limit": 5, "offset": 70})
        ).structured_content
        past = await c.call_tool("get_run_status", {"experiment": "sweep", "offset": 73})
        one = await c.call_tool("get_run_status", {"run_id": sorted(ids)[0], "offset": 2})
    assert len(result_text(first)) <= INLINE_LIMIT_CHARS
    assert out["total_runs"] == 73 and out["by_state"] == {"completed": 70, "failed": 3}
    assert 0 < len(out["runs"]) < 73 and out["next_offset"] == len(out["runs"])
    assert f"Listed runs 1-{len(out['runs'])} of 73: ask again with offset={len(out['runs'])}" in out["summary"]
    assert sorted(seen) == sorted(ids)  # every run listed once across the pages
    assert len(asked["runs"]) == 3 and asked["next_offset"] is None and "Listed runs" not in asked["summary"]
    assert past.is_error and "offset 73 is past the end: experiment 'sweep' has 73 runs" in result_text(past)
    assert one.is_error and "with run_id leave them out" in result_text(one)
