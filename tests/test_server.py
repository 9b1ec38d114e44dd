"""The MCP server as clients see it: tools with titles, annotations, described inputs and structured outputs;
resources; workspace roots from the client; stdio transport."""

from __future__ import annotations

import sys
import time

import pytest
from mcp import Client, StdioServerParameters
from mcp.types import ListRootsResult, Root

from experiment_runner.server import build_server
from experiment_runner.tools import TOOL_MODULES, all_tools
from tests.conftest import result_text

pytestmark = pytest.mark.anyio


def _undescribed(schema: dict, defs: dict, path: str, seen: set) -> list[str]:
    missing = []
    for name, prop in (schema.get("properties") or {}).items():
        here = f"{path}.{name}" if path else name
        if "description" not in prop:
            missing.append(here)
        ref = prop.get("$ref") or next(
            (a.get("$ref") for a in prop.get("anyOf", []) + prop.get("allOf", []) if "$ref" in a), None
        )
        items = prop.get("items", {})
        ref = ref or items.get("$ref")
        if ref and ref not in seen:
            seen.add(ref)
            missing += _undescribed(defs[ref.split("/")[-1]], defs, here, seen)
    return missing


async def test_every_tool_has_a_title_annotations_a_described_input_and_a_structured_output(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        tools = (await c.list_tools()).tools
    assert [t.name for t in tools] == [s.name for s in all_tools()]
    for t in tools:
        assert t.title and t.description and len(t.description) > 40, t.name
        assert t.annotations is not None and t.annotations.read_only_hint is not None, t.name
        assert t.input_schema.get("additionalProperties") is False, f"{t.name} must reject unknown arguments"
        assert _undescribed(t.input_schema, t.input_schema.get("$defs", {}), "", set()) == [], t.name
        assert t.output_schema and "summary" in t.output_schema["properties"], t.name
        assert "summary" in t.output_schema.get("required", []), t.name


async def test_the_tool_list_is_in_workflow_order_every_time_with_a_cache_hint_on_2026(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        first = await c.list_tools(cache_mode="refresh")
        second = await c.list_tools(cache_mode="refresh")
        prompts = await c.list_prompts()
    assert [t.name for t in first.tools] == [t.name for t in second.tools] == list(TOOL_MODULES)
    if mode == "auto":
        assert first.ttl_ms == 3_600_000 and first.cache_scope == "public"
        assert prompts.ttl_ms == 3_600_000
    else:  # cache hints are 2026-07-28 fields, not sent on handshake connections
        assert first.ttl_ms == 0


async def test_read_only_tools_are_marked_so_and_writers_are_not(workspace):
    async with Client(build_server(workspace)) as c:
        tools = {t.name: t for t in (await c.list_tools()).tools}
    assert tools["draft_brief"].annotations.read_only_hint is False
    for spec in all_tools():
        assert tools[spec.name].annotations.read_only_hint is spec.read_only


async def test_resources_list_the_experiments_and_serve_brief_versions(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await c.call_tool("draft_brief", {"experiment": "e1", "brief": {"goal": "learn x"}})
        templates = {t.uri_template for t in (await c.list_resource_templates()).resource_templates}
        index = (await c.read_resource("experiments://index")).contents[0].text
        latest = (await c.read_resource("brief://e1")).contents[0].text
        v1 = (await c.read_resource("brief://e1/v1")).contents[0].text
    assert {"brief://{experiment}", "brief://{experiment}/v{version}"} <= templates
    assert '"experiment": "e1"' in index
    assert latest == v1 and "learn x" in latest


async def test_a_client_root_outside_the_workspace_is_refused(workspace, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    async def roots(context):
        return ListRootsResult(roots=[Root(uri=elsewhere.as_uri(), name="elsewhere")])

    async with Client(build_server(workspace), mode="legacy", list_roots_callback=roots) as c:
        r = await c.call_tool("draft_brief", {"experiment": "e1"})
    assert r.is_error and "none of the client's roots" in result_text(r)


async def test_a_client_root_inside_the_workspace_is_accepted(workspace):
    (workspace / "proj").mkdir()

    async def roots(context):
        return ListRootsResult(roots=[Root(uri=(workspace / "proj").as_uri(), name="proj")])

    async with Client(build_server(workspace), mode="legacy", list_roots_callback=roots) as c:
        r = await c.call_tool("draft_brief", {"experiment": "e1"})
    assert not r.is_error, result_text(r)


async def test_on_2026_connections_the_workspace_is_the_root_whatever_roots_the_client_has(workspace, tmp_path):
    """Roots are deprecated from 2026-07-28 and cannot be asked for (no server-to-client requests): the --root rules."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    asked = []

    async def roots(context):
        asked.append(context)
        return ListRootsResult(roots=[Root(uri=elsewhere.as_uri(), name="elsewhere")])

    async with Client(build_server(workspace), mode="auto", list_roots_callback=roots) as c:
        r = await c.call_tool("draft_brief", {"experiment": "e1"})
    assert not r.is_error, result_text(r)
    assert asked == [] and (workspace / ".experiments/e1/brief/v001.json").is_file()


async def test_the_server_answers_over_stdio(workspace):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "experiment_runner", "--root", str(workspace), "serve"]
    )
    started = time.monotonic()
    async with Client(params, mode="legacy") as c:
        names = [t.name for t in (await c.list_tools()).tools]
        r = await c.call_tool("draft_brief", {"experiment": "over-stdio", "brief": {"goal": "g"}})
    assert "draft_brief" in names
    assert not r.is_error and r.structured_content["version"] == 1
    assert (workspace / ".experiments/over-stdio/brief/v001.json").is_file()
    assert time.monotonic() - started < 60


def test_building_the_server_imports_no_heavy_library(tmp_path):
    import subprocess

    code = (
        "import sys; from experiment_runner.server import build_server; build_server(sys.argv[1]);"
        "heavy=[m for m in ('torch','scipy','numpy','matplotlib','git','pandas') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"heavy modules imported at server start: {out.stdout}"


async def test_the_prompts_are_listed_and_the_brief_prompt_names_the_experiment(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        prompts = {p.name: p for p in (await c.list_prompts()).prompts}
        brief = await c.get_prompt(
            "experiment_brief", {"experiment": "cifar-ls", "notes": "label smoothing on CIFAR-10"}
        )
    assert {"clarifying_interview", "experiment_brief"} <= set(prompts)
    assert [a.name for a in prompts["experiment_brief"].arguments] == ["experiment", "notes"]
    text = brief.messages[0].content.text
    assert 'experiment="cifar-ls"' in text and "label smoothing on CIFAR-10" in text and "confirm=true" in text
