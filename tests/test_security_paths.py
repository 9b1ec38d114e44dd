"""The path-escape corpus: links in the store and in the project, odd names, resource URIs, and check-then-open
races. Every case drives the tools and resources through the in-memory MCP client against a workspace whose
`outside` neighbour holds canary-marked look-alikes (see tests/security_util.py); each case asserts 0 reads
outside (no canary in any answer), 0 writes outside (the outside tree unchanged), no act on the crafted run (its
process untouched) and no internal error, and prints how many calls it made."""

from __future__ import annotations

import threading
import time

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text
from tests.security_util import BRIEF, CANARY, EVIL_RUN, RUN_ID, RUN_ID_2, Arena, Tally, exchange

pytestmark = pytest.mark.anyio
PLAN = {"primary_metric": "acc", "higher_is_better": True, "baseline": "other"}
WAIVE = [{"code": "S01", "reason": "a two-seed test arena"}]


def _internal(name: str, text: str) -> bool:
    return text.strip() == f"Error executing tool {name}"


async def _call(c, tally: Tally, label: str, name: str, args: dict) -> None:
    r = await c.call_tool(name, args)
    text = result_text(r) + repr(r.structured_content)
    tally.add(label, r.is_error, text, r.is_error and _internal(name, result_text(r)))


async def _read(c, tally: Tally, uri: str) -> None:
    try:
        res = await c.read_resource(uri)
        text = "".join(getattr(x, "text", "") or "" for x in res.contents)
        tally.add(uri, False, text, False)
    except Exception as e:  # a refused read comes back as an MCP error
        tally.add(uri, True, str(e), "Error executing" in str(e) and ":" not in str(e).split("Error executing")[-1])


def _verdict(arena: Arena, tally: Tally, case: str) -> None:
    changed = arena.outside_changes()
    print(
        f"\n[{case}] {tally.attempts} attempts: {tally.ok} answered, {tally.refused} refused; "
        f"reads outside {len(tally.canary)}, writes outside {len(changed)}, internal errors {len(tally.internal)}"
    )
    assert tally.canary == [], f"read outside the workspace: {tally.canary}"
    assert changed == [], f"wrote outside the workspace: {changed}"
    assert tally.internal == [], f"internal errors: {tally.internal}"
    assert arena.sleeper_alive(), "a tool acted on the crafted run outside the workspace"


@pytest.fixture
def arena(tmp_path):
    a = Arena(tmp_path)
    from experiment_runner.briefs import store as briefs
    from experiment_runner.briefs.model import Brief
    from experiment_runner.workspace import Workspace

    briefs.save_draft(Workspace(a.ws), "e", Brief.model_validate(BRIEF))
    yield a
    a.close()


# --- links in the store ------------------------------------------------------------------------------------------

STORE = ".experiments"
RUN = f"{STORE}/e/runs/{RUN_ID}"
STORE_LINKS = {
    "store root": [(STORE, "store")],
    "experiment folder": [(f"{STORE}/e", "store/e")],
    "brief folder": [(f"{STORE}/e/brief", "store/e/brief")],
    "brief file": [(f"{STORE}/e/brief/v001.json", "store/e/brief/v001.json")],
    "sanity folder": [(f"{STORE}/e/sanity", "store/e/sanity")],
    "runs folder": [(f"{STORE}/e/runs", "store/e/runs")],
    "run folders": [(RUN, f"store/e/runs/{RUN_ID}"), (f"{STORE}/e/runs/{EVIL_RUN}", f"store/e/runs/{EVIL_RUN}")],
    "run state file": [(f"{RUN}/state.json", f"store/e/runs/{RUN_ID}/state.json")],
    "run log file": [(f"{RUN}/stdout.log", "secret.txt")],
    "run metrics file": [(f"{RUN}/metrics.jsonl", f"store/e/runs/{RUN_ID}/metrics.jsonl")],
    "run manifest file": [(f"{RUN}/manifest.json", f"store/e/runs/{RUN_ID}/manifest.json")],
    "scan cache folder": [(f"{RUN}/diagnosis", "empty")],
    "reports folder": [(f"{STORE}/e/reports", "store/e/reports")],
    "_reports folder": [(f"{STORE}/_reports", "empty")],
    "manifests folder": [(f"{STORE}/e/manifests", "store/e/manifests")],
    "_manifests folder": [(f"{STORE}/_manifests", "empty")],
    "launches folder": [(f"{STORE}/e/launches", "store/e/launches")],
    "slots folder": [(f"{STORE}/.slots", "empty")],
    "cache folder": [(f"{STORE}/.cache", "empty")],
    "hash cache files": [
        (f"{STORE}/.cache/hashes.sqlite3", "secret.txt"),
        (f"{STORE}/.cache/hashes.sqlite3-journal", "secret.txt"),
        (f"{STORE}/.cache/environment.json", "secret.txt"),
    ],
}
# Calls that start the interpreter (sanity probe, environment probe) cost seconds: made where they write.
SLOW_CALLS = {
    "run_sanity_checks": {"store root", "experiment folder", "sanity folder"},
    "check_reproducibility": {
        "store root",
        "manifests folder",
        "_manifests folder",
        "cache folder",
        "hash cache files",
    },
    "launch_training": {"store root", "experiment folder", "runs folder", "launches folder", "slots folder"},
}


def _store_battery(case: str) -> list[tuple[str, str, dict]]:
    calls = [
        ("draft_brief", {"experiment": "e", "brief": BRIEF}),
        ("draft_brief", {"experiment": "e", "brief": BRIEF, "confirm": True}),
        ("get_run_status", {"run_id": RUN_ID}),
        ("get_run_status", {"run_id": EVIL_RUN}),
        ("get_run_status", {"experiment": "e"}),
        ("list_runs", {}),
        ("list_runs", {"experiment": "e"}),
        ("stop_run", {"run_id": EVIL_RUN, "wait": False}),
        ("stop_run", {"run_id": RUN_ID, "wait": False}),
        ("diagnose_failure", {"run_id": RUN_ID}),
        ("compile_report", {"experiment": "e", "figures": False, "plan": {**PLAN, "baseline": None}, "waivers": WAIVE}),
        ("compile_report", {"results_file": "results.csv", "figures": False, "plan": PLAN, "waivers": WAIVE}),
        ("check_report", {"report": "# r\nacc 0.8", "experiment": "e", "plan": {**PLAN, "baseline": None}}),
        ("compare_manifests", {"a": RUN_ID, "b": RUN_ID_2}),
        ("compare_manifests", {"a": EVIL_RUN, "b": RUN_ID_2}),
        ("run_sanity_checks", {"entrypoint": "model.py:build", "experiment": "e", "timeout_s": 60}),
        (
            "check_reproducibility",
            {"command": ["python", "train.py"], "experiment": "e", "data_paths": ["results.csv"]},
        ),
        ("check_reproducibility", {"command": ["python", "train.py"]}),
        ("launch_training", {"experiment": "e", "arm": "x", "command": ["python", "train.py"], "seeds": [0]}),
    ]
    return [(n, n, a) for n, a in calls if n not in SLOW_CALLS or case in SLOW_CALLS[n]]


RESOURCES = [
    "experiments://index",
    "brief://e",
    "brief://e/v1",
    f"run://{RUN_ID}/log",
    f"run://{RUN_ID}/stderr",
    f"run://{RUN_ID}/metrics",
    f"run://{EVIL_RUN}/log",
    f"run://{EVIL_RUN}/metrics",
]


def _ids(table: dict, battery) -> list[str]:
    return [
        f"{case} ({len(battery(case)) + (len(RESOURCES) if battery is _store_battery else 0)} calls)" for case in table
    ]


async def _ended_runs(c) -> None:
    """Runs a case launched end before the arena goes (bounded)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        r = await c.call_tool("list_runs", {"experiment": "e"})
        if r.is_error or all(x["state"] not in ("queued", "running") for x in r.structured_content.get("runs", [])):
            return
        time.sleep(0.2)


@pytest.mark.parametrize("case", list(STORE_LINKS), ids=_ids(STORE_LINKS, _store_battery))
async def test_a_link_anywhere_in_the_store_is_never_followed_for_a_read_a_write_or_a_stop(arena, case):
    for inside, target in STORE_LINKS[case]:
        arena.link(inside, arena.outside / target)
    tally = Tally()
    async with Client(build_server(arena.ws), mode="legacy") as c:
        for label, name, args in _store_battery(case):
            await _call(c, tally, label, name, args)
        for uri in RESOURCES:
            await _read(c, tally, uri)
        await _ended_runs(c)
    _verdict(arena, tally, case)
    assert tally.refused >= 1, "no call met the link: the case tests nothing"


# --- links in the project ----------------------------------------------------------------------------------------


def _repro(**kw) -> tuple[str, dict]:
    return "check_reproducibility", {"command": ["python", "train.py"], **kw}


def _report(**kw) -> tuple[str, dict]:
    return "compile_report", {"figures": False, "plan": PLAN, "waivers": WAIVE, "check_only": True, **kw}


def _launch(**kw) -> tuple[str, dict]:
    return "launch_training", {"experiment": "e", "arm": "x", "command": ["python", "train.py"], "seeds": [0], **kw}


PROJECT_LINKS = {
    "data folder": ("data", "store", [_repro(data_paths=["data"])]),
    "data file in a linked folder": ("data", "store", [_repro(data_paths=["data/e/brief/v001.json"])]),
    "config file": ("cfg.yaml", "secret.txt", [_repro(config_files=["cfg.yaml"])]),
    "results file": (
        "linked.csv",
        "results.csv",
        [_report(results_file="linked.csv"), ("check_report", {"report": "# r", "results_file": "linked.csv"})],
    ),
    "report file": ("report.md", "secret.txt", [("check_report", {"report_path": "report.md", "experiment": "e"})]),
    "entrypoint file": (
        "evil_model.py",
        "secret.txt",
        [
            ("run_sanity_checks", {"entrypoint": "evil_model.py:build"}),
            ("diagnose_failure", {"log_text": "loss nan", "entrypoint": "evil_model.py:build"}),
        ],
    ),
    "working folder": ("sub", "empty", [_launch(cwd="sub"), _repro(cwd="sub")]),
    "checkpoint folder": ("ckpt", "empty", [_launch(checkpoint_dir="ckpt")]),
    "manifest file": (
        "m.json",
        f"store/e/runs/{RUN_ID}/manifest.json",
        [("compare_manifests", {"a": "m.json", "b": RUN_ID_2})],
    ),
    "workspace config": (
        "experiment-runner.yaml",
        "secret.txt",
        [("draft_brief", {"experiment": "e", "brief": BRIEF}), ("list_runs", {})],
    ),
    "program": ("tool.sh", "secret.txt", [_launch(command=["./tool.sh"])]),
}


@pytest.mark.parametrize(
    "case", list(PROJECT_LINKS), ids=[f"{k} ({len(v[2])} calls)" for k, v in PROJECT_LINKS.items()]
)
async def test_a_project_link_leading_outside_is_refused_by_every_tool_that_meets_it(arena, case):
    inside, target, calls = PROJECT_LINKS[case]
    arena.link(inside, arena.outside / target)
    tally = Tally()
    async with Client(build_server(arena.ws), mode="legacy") as c:
        for name, args in calls:
            await _call(c, tally, name, name, args)
        await _ended_runs(c)
    _verdict(arena, tally, case)
    assert tally.refused == tally.attempts, "every call meets the link and is refused"


async def test_links_that_stay_inside_the_workspace_keep_working_for_code_and_data(arena, mode):
    (arena.ws / "shared").mkdir()
    (arena.ws / "shared" / "train.csv").write_text("x,y\n1,2\n")
    arena.link("data", arena.ws / "shared")  # absolute, inside
    arena.link("alias.csv", arena.ws / "results.csv")
    (arena.ws / "rel.csv").symlink_to("results.csv")  # relative, inside
    tally = Tally()
    async with Client(build_server(arena.ws), mode=mode) as c:
        for name, args in [
            _report(results_file="alias.csv"),
            _report(results_file="rel.csv"),
            _repro(data_paths=["data", "data/train.csv"]),
        ]:
            r = await c.call_tool(name, args)
            assert not r.is_error, f"{name} {args}: {result_text(r)}"
            tally.add(name, False, result_text(r), False)
    _verdict(arena, tally, "links inside")


# --- odd names ---------------------------------------------------------------------------------------------------

ODD = ["exp\n", "e\n", "\n", "", ".", "..", "../e", "e/../e", "/etc", "a/b", "-rf", "e\x00", "e\t", " e", "e ",
       "ｅ", "x" * 81, "x" * 5000, "e\u202e", "e\x7f", "\\e"]  # fmt: skip


def _odd_calls() -> list[tuple[str, str, dict]]:
    out = []
    for v in ODD:
        out += [
            (f"experiment={v!r}", "draft_brief", {"experiment": v, "brief": BRIEF}),
            (f"arm={v!r}", "launch_training", {"experiment": "e", "arm": v, "command": ["python", "train.py"]}),
            (f"experiment={v!r}", "launch_training", {"experiment": v, "arm": "a", "command": ["python", "train.py"]}),
            (f"run_id={v!r}", "get_run_status", {"run_id": v}),
            (f"run_id={v!r}", "stop_run", {"run_id": v}),
            (f"run_id={v!r}", "diagnose_failure", {"run_id": v}),
            (f"experiment={v!r}", "list_runs", {"experiment": v}),
            (f"experiment={v!r}", "compile_report", {"experiment": v}),
            (f"manifest={v!r}", "compare_manifests", {"a": v, "b": RUN_ID}),
            (f"experiment={v!r}", "run_sanity_checks", {"entrypoint": "model.py:build", "experiment": v}),
            (f"path={v!r}", "check_report", {"report_path": v}),
        ]
    return out


async def test_odd_names_are_clean_refusals_and_never_become_folders(arena, mode):
    tally = Tally()
    async with Client(build_server(arena.ws), mode=mode) as c:
        for label, name, args in _odd_calls():
            r = await c.call_tool(name, args)
            text = result_text(r)
            tally.add(f"{name} {label}", r.is_error, text, r.is_error and _internal(name, text))
            if name != "compare_manifests" and label not in ("run_id=''",):
                assert r.is_error, f"{name} {label} was accepted: {text[:200]}"
        for uri in ["brief://..", "brief://e%0A", "brief://%2e%2e", "brief://e/v0", "brief://e/v99999999999999999999",
                    "run://../log", "run://%2e%2e/log", "run://a%0A/log", f"run://{'x' * 300}/log"]:  # fmt: skip
            await _read(c, tally, uri)
    names = {p.name for p in (arena.ws / ".experiments").iterdir()}
    assert names <= {"e", ".cache", ".slots"}, f"odd folders in the store: {names}"
    _verdict(arena, tally, f"odd names ({len(ODD)} values)")


async def test_a_path_short_as_given_but_too_long_inside_the_workspace_is_a_clean_refusal(arena, mode):
    # 4,058 bytes as given (under PATH_MAX) and over it once joined to the workspace root: found by the fuzzer
    long = "x/" * 2029
    calls = [
        ("check_reproducibility", {"command": ["e"], "project": long}),
        ("check_report", {"report_path": long}),
        ("run_sanity_checks", {"entrypoint": long.rstrip("/") + ".py:build"}),
    ]
    async with Client(build_server(arena.ws), mode=mode) as c:
        for name, args in calls:
            r = await c.call_tool(name, args)
            text = result_text(r)
            assert r.is_error and "more than 4096" in text and "filesystem" not in text, f"{name}: {text[:300]}"


# --- races -------------------------------------------------------------------------------------------------------


class Swapper(threading.Thread):
    """Swaps `real` and `link` (a symlink to outside) as fast as it can, until stopped."""

    def __init__(self, real, link):
        super().__init__(daemon=True)
        self.real, self.link, self.swaps = real, link, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            exchange(self.real, self.link)
            self.swaps += 1
            time.sleep(0.0002)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(10)
        if self.swaps % 2:  # leave the real one in place
            exchange(self.real, self.link)


RACES = {
    "results file read by compile_report": ("results.csv", "results.csv", _report(results_file="results.csv")),
    "run folder read by get_run_status": (RUN, f"store/e/runs/{RUN_ID}", ("get_run_status", {"run_id": RUN_ID})),
    "runs folder read by compile_report": (
        ".experiments/e/runs",
        "store/e/runs",
        _report(experiment="e", plan={**PLAN, "baseline": None}),
    ),
    "brief folder written by draft_brief": (
        ".experiments/e/brief",
        "store/e/brief",
        ("draft_brief", {"experiment": "e", "brief": BRIEF}),
    ),
}
RACE_CALLS = 200


@pytest.mark.parametrize("case", list(RACES), ids=[f"{k} ({RACE_CALLS} calls)" for k in RACES])
async def test_a_path_swapped_for_a_link_during_the_calls_never_leads_outside(arena, case):
    inside, target, (name, args) = RACES[case]
    real = arena.ws / inside
    link = real.with_name(real.name + ".swap")
    link.symlink_to(arena.outside / target)
    tally = Tally()
    swapper = Swapper(real, link)
    async with Client(build_server(arena.ws), mode="legacy") as c:
        swapper.start()
        try:
            for i in range(RACE_CALLS):
                await _call(c, tally, f"{name}#{i}", name, args)
        finally:
            swapper.stop()
    print(f"\n[{case}] {swapper.swaps} swaps during {RACE_CALLS} calls")
    _verdict(arena, tally, case)
    assert tally.ok >= 1 and tally.refused >= 1, f"the race was not met ({tally.ok} ok, {tally.refused} refused)"


# --- interpreters ------------------------------------------------------------------------------------------------


async def test_diagnose_failure_runs_only_an_interpreter_that_run_sanity_checks_would_run(arena, mode):
    marker = arena.root / "ran"
    evil = arena.ws / "tools" / "evil"
    evil.parent.mkdir()
    evil.write_text(f"#!/bin/sh\ntouch {marker}\n")
    evil.chmod(0o755)
    named_python = arena.ws / "tools" / "python\n"
    named_python.write_text(f"#!/bin/sh\ntouch {marker}\n")
    named_python.chmod(0o755)
    tally = Tally()
    async with Client(build_server(arena.ws), mode=mode) as c:
        for interpreter in ["/bin/sh", "sh", "bash", "./tools/evil", "tools/python\n", "/usr/bin/env", "x" * 300]:
            for name, args in [
                ("diagnose_failure", {"log_text": "loss nan", "entrypoint": "model.py:build"}),
                ("run_sanity_checks", {"entrypoint": "model.py:build"}),
            ]:
                r = await c.call_tool(name, {**args, "interpreter": interpreter})
                text = result_text(r)
                tally.add(f"{name} {interpreter!r}", r.is_error, text, r.is_error and _internal(name, text))
                assert r.is_error and "interpreter" in text, f"{name} ran {interpreter!r}: {text[:200]}"
        alone = await c.call_tool("diagnose_failure", {"log_text": "loss nan", "interpreter": "/bin/sh"})
    assert alone.is_error and "only used by the active probe" in result_text(alone)
    assert not marker.exists(), "a program that is no Python interpreter was run"
    _verdict(arena, tally, "interpreters")


# --- kernels without openat2 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["runs folder", "run folders", "brief folder", "run log file"])
async def test_without_openat2_the_component_walk_refuses_the_same_store_links(arena, case, monkeypatch):
    from experiment_runner.workspace import confine

    monkeypatch.setattr(confine._openat2, "available", False)  # a kernel before 5.6, or a seccomp filter
    await test_a_link_anywhere_in_the_store_is_never_followed_for_a_read_a_write_or_a_stop(arena, case)


async def test_without_openat2_links_inside_the_workspace_still_work_and_links_out_are_refused(arena, monkeypatch):
    from experiment_runner.workspace import confine

    monkeypatch.setattr(confine._openat2, "available", False)
    await test_links_that_stay_inside_the_workspace_keep_working_for_code_and_data(arena, "legacy")
    arena.link("linked.csv", arena.outside / "results.csv")
    async with Client(build_server(arena.ws), mode="legacy") as c:
        r = await c.call_tool(*_report(results_file="linked.csv"))
    assert r.is_error and CANARY not in result_text(r)
