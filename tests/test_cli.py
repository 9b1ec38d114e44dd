"""The CLI as a subprocess: tools, call (the stable scripting form), exit codes, argument files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import call_cli, run_cli
from tests.runs_util import wait_states


def test_tools_lists_every_tool_with_its_parameters(workspace):
    proc = run_cli("tools", root=workspace)
    assert proc.returncode == 0, proc.stderr
    assert "draft_brief" in proc.stdout and "--experiment: string (required)" in proc.stdout


def test_tools_json_gives_names_descriptions_and_input_schemas(workspace):
    proc = run_cli("tools", "--json", root=workspace)
    tools = json.loads(proc.stdout)
    by_name = {t["name"]: t for t in tools}
    assert "draft_brief" in by_name
    assert by_name["draft_brief"]["inputSchema"]["properties"]["experiment"]["type"] == "string"
    assert by_name["draft_brief"]["description"]


def test_call_prints_the_structured_result_as_json(workspace):
    proc = run_cli("call", "draft_brief", "--args", '{"experiment": "x", "brief": {"goal": "g"}}', root=workspace)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["experiment"] == "x" and out["summary"].startswith("Brief v1")


def test_call_reads_arguments_from_a_file_and_from_stdin(workspace, tmp_path):
    args = tmp_path / "args.json"
    args.write_text(json.dumps({"experiment": "fromfile"}))
    assert run_cli("call", "draft_brief", "--args", f"@{args}", root=workspace).returncode == 0
    proc = run_cli("call", "draft_brief", "--args", "-", root=workspace, input='{"experiment": "fromstdin"}')
    assert proc.returncode == 0 and json.loads(proc.stdout)["experiment"] == "fromstdin"


def test_a_tool_error_exits_1_with_the_message_on_stderr_and_nothing_on_stdout(workspace):
    proc = run_cli("call", "draft_brief", "--args", '{"experiment": "../x"}', root=workspace)
    assert proc.returncode == 1 and proc.stdout == ""
    assert "'../x' is not valid" in proc.stderr


def test_usage_errors_exit_2_and_name_what_is_wrong(workspace):
    bad_json = run_cli("call", "draft_brief", "--args", "{experiment: x}", root=workspace)
    assert bad_json.returncode == 2 and "not valid JSON" in bad_json.stderr
    not_object = run_cli("call", "draft_brief", "--args", "[1]", root=workspace)
    assert not_object.returncode == 2 and "must be a JSON object" in not_object.stderr
    unknown = run_cli("call", "draft_brif", root=workspace)
    assert unknown.returncode == 2 and "did you mean 'draft_brief'" in unknown.stderr
    missing_file = run_cli("call", "draft_brief", "--args", "@/nonexistent.json", root=workspace)
    assert missing_file.returncode == 2 and "/nonexistent.json" in missing_file.stderr
    no_root = run_cli("tools", root=workspace / "nope")
    assert no_root.returncode == 2 and "is not a folder" in no_root.stderr


def test_no_command_prints_help_and_exits_2():
    proc = run_cli()
    assert proc.returncode == 2 and "serve" in proc.stderr and "call" in proc.stderr


def _with_reader_gone(*args: str, root) -> subprocess.CompletedProcess:
    """Run the CLI with a stdout pipe whose reader has already gone (what `... | head` leaves behind)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "experiment_runner", "--root", str(root), *args],
            check=False,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)


def test_output_to_a_closed_pipe_ends_quietly_with_the_sigpipe_status(workspace):
    for args in (("tools",), ("tools", "--json"), ("call", "draft_brief", "--args", '{"experiment": "x"}', "--quiet")):
        proc = _with_reader_gone(*args, root=workspace)
        assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, (args, proc.stderr)
        assert proc.returncode == 141, (args, proc.returncode, proc.stderr)


@pytest.mark.slow
def test_the_run_commands_end_quietly_when_their_reader_goes_away(tmp_path):
    from tests.runs_util import make_workspace

    ws = make_workspace(tmp_path / "ws", {"train.py": "for i in range(200):\n    print(f'step={i} loss={1/(i+1)}')\n"})
    code, out, err = call_cli(
        "launch_training", {"experiment": "pipe", "arm": "a", "command": ["python", "train.py"], "seeds": [0]}, ws
    )
    assert code == 0, err
    rid = out["runs"][0]["run_id"]
    wait_states(ws, [rid], {"completed"}, 60)
    for args in (("list",), ("status", rid), ("status", rid, "--json"), ("follow", rid)):
        proc = _with_reader_gone(*args, root=ws)
        assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, (args, proc.stderr)
        assert proc.returncode == 141, (args, proc.returncode, proc.stderr)
