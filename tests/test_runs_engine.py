"""The run engine's must-be behaviours, with real processes: a killed server loses nothing, exits are recorded
while it is down, state writes survive a crash at any point, a reused pid is never signalled, stop_run ends
whole process sessions, runs never see the server's stdin or stdout, and a flooding run stays within its cap."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.runs_util import RawServer, alive, make_workspace, session_of, store, wait_for, wait_states

TICKER = textwrap.dedent("""
    import os, sys, time
    starts = os.path.join(os.environ["TICKER_DIR"], os.environ["EXPERIMENT_RUNNER_RUN_ID"] + ".starts")
    with open(starts, "a") as f:
        f.write(f"{os.getpid()}\\n")
    n = int(sys.argv[1])
    for i in range(n):
        print(f"tick={i} loss={1.0 / (i + 1):.5f}", flush=True)
        time.sleep(0.05)
""")


def _ticker_ws(tmp_path: Path, max_parallel: int) -> Path:
    ws = make_workspace(tmp_path / "ws", {"ticker.py": TICKER}, runs={"max_parallel": max_parallel})
    (ws / "starts").mkdir()
    return ws


@pytest.mark.slow
def test_a_sigkilled_server_loses_nothing_and_a_restart_tracks_the_same_runs_without_relaunching(tmp_path):
    ws = _ticker_ws(tmp_path, max_parallel=2)
    env = {"TICKER_DIR": str(ws / "starts")}
    server = RawServer(ws, env)
    out = server.call(
        "launch_training",
        {"experiment": "crash", "arm": "a", "command": ["python", "ticker.py", "120"], "seeds": [0, 1, 2], "env": env},
    )
    ids = [r["run_id"] for r in out["runs"]]
    # Two go at once (runs.max_parallel = 2); the third waits in the queue when the server dies.
    wait_for(lambda: sum(store(ws).get(r).state.state == "running" for r in ids) == 2, 60, what="two runs running")
    assert [store(ws).get(r).state.state for r in ids].count("queued") == 1
    server.kill()

    running = [v for v in (store(ws).get(r) for r in ids) if v.state.state == "running"]
    assert all(alive(v.state.pid) and alive(v.state.supervisor_pid) for v in running), "runs died with the server"

    server = RawServer(ws, env)
    try:
        listed = server.call("list_runs", {"experiment": "crash"})
        assert sorted(r["run_id"] for r in listed["runs"]) == sorted(ids)
        wait_states(ws, ids, {"completed"}, 120)
        status = server.call("get_run_status", {"experiment": "crash", "log_lines": 0})
        assert status["by_state"] == {"completed": 3}
    finally:
        server.close()

    runs_dir = ws / ".experiments" / "crash" / "runs"
    assert sorted(p.name for p in runs_dir.iterdir()) == sorted(ids), "a run was created twice"
    for r in ids:
        view = store(ws).get(r)
        starts = (ws / "starts" / f"{r}.starts").read_text().split()
        assert starts == [str(view.state.pid)], f"{r} was started {len(starts)} times"
        log = store(ws).log_path(r).read_text().splitlines()
        assert log == [f"tick={i} loss={1.0 / (i + 1):.5f}" for i in range(120)], f"{r}: the log has a gap"
        assert len(store(ws).metric_series(r)["loss"]) == 120


EXITS = textwrap.dedent("""
    import os, sys, time
    seed = int(os.environ["EXPERIMENT_RUNNER_SEED"])
    go = os.path.join(os.environ["GO_DIR"], f"go-{seed}")
    print("waiting", flush=True)
    deadline = time.time() + 120
    while not os.path.exists(go) and time.time() < deadline:
        time.sleep(0.05)
    if seed == 0:
        sys.exit(0)
    if seed == 1:
        sys.exit(3)
    time.sleep(600)
""")


@pytest.mark.slow
def test_exits_while_the_server_is_down_read_completed_failed_3_and_failed_by_signal_9_after_restart(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"exits.py": EXITS}, runs={"max_parallel": 3})
    env = {"GO_DIR": str(ws)}
    server = RawServer(ws, env)
    out = server.call(
        "launch_training",
        {"experiment": "exits", "arm": "a", "command": ["python", "exits.py"], "seeds": [0, 1, 2], "env": env},
    )
    ids = [r["run_id"] for r in out["runs"]]
    wait_states(ws, ids, {"running"}, 60)
    server.kill()

    victim = store(ws).get(ids[2]).state.pid
    for seed in (0, 1):
        (ws / f"go-{seed}").touch()
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: not alive(victim), 30, what="the killed run to die")

    server = RawServer(ws)
    try:
        wait_for(
            lambda: server.call("get_run_status", {"experiment": "exits", "log_lines": 0})["all_ended"],
            60,
            0.3,
            "every run to end",
        )
        runs = {r["run_id"]: r for r in server.call("get_run_status", {"experiment": "exits", "log_lines": 0})["runs"]}
    finally:
        server.close()
    assert runs[ids[0]]["state"] == "completed" and runs[ids[0]]["exit_code"] == 0
    assert runs[ids[1]]["state"] == "failed" and runs[ids[1]]["exit_code"] == 3 and "code 3" in runs[ids[1]]["reason"]
    killed = runs[ids[2]]
    assert killed["state"] in ("failed", "lost")
    assert killed["signal"] == 9 and "signal 9" in killed["reason"] and "SIGKILL" in killed["reason"]


CRASH_WRITER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from experiment_runner.runs import records
    from experiment_runner.runs.model import RunState
    from experiment_runner.workspace import Workspace

    run_dir, point = Path(sys.argv[1]), sys.argv[2]
    Workspace(run_dir.parents[3])  # the writer's process knows its workspace, as every run engine process does

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    real_open, real_write, real_fsync, real_replace = os.open, os.write, os.fsync, os.replace
    fsyncs = []

    def is_temp(name):
        return str(name).endswith(".tmp")

    def open_(name, flags, *a, **k):
        if point == "before_temp" and is_temp(name):
            die()
        return real_open(name, flags, *a, **k)

    def write(fd, data):
        if point == "mid_temp_write":
            real_write(fd, bytes(data)[: len(data) // 2])
            die()
        return real_write(fd, data)

    def fsync(fd):
        fsyncs.append(fd)
        if point == "before_fsync" and len(fsyncs) == 1:
            die()
        real_fsync(fd)
        if point == "after_fsync" and len(fsyncs) == 1:
            die()
        if point == "after_dir_fsync" and len(fsyncs) == 2:
            die()

    def replace(src, dst, **k):
        if point == "before_rename":
            die()
        real_replace(src, dst, **k)
        if point == "after_rename":
            die()

    os.open, os.write, os.fsync, os.replace = open_, write, fsync, replace
    new = RunState(state="completed", updated_at="2030-01-01T00:00:00Z", exit_code=0, reason="x" * 5000)
    records.write_state(run_dir, new)
    print("wrote")
""")

EXPECTED = {
    "before_temp": "old",
    "mid_temp_write": "old",
    "before_fsync": "old",
    "after_fsync": "old",
    "before_rename": "old",
    "after_rename": "new",
    "after_dir_fsync": "new",
    "none": "new",
}


def _make_run(ws: Path) -> tuple[Path, str]:
    from experiment_runner.runs import launch
    from experiment_runner.runs.model import RunSpec, RunState

    runs_dir = ws / ".experiments" / "crash" / "runs"
    store(ws)  # a Workspace: registers the root this process writes the run into
    spec = RunSpec(
        run_id="a-s0-000001",
        experiment="crash",
        arm="a",
        seed=0,
        argv=["python", "x.py"],
        cwd=str(ws),
        launch_id="l1",
        exploratory=True,
        created_at="2030-01-01T00:00:00Z",
    )
    d = launch.create_run_dir(
        runs_dir, spec, RunState(state="running", updated_at="2030-01-01T00:00:00Z", reason="old")
    )
    return d, spec.run_id


@pytest.mark.parametrize("point", list(EXPECTED))
def test_a_crash_at_any_point_of_a_state_write_leaves_the_old_or_the_new_state_never_a_partial_one(tmp_path, point):
    ws = make_workspace(tmp_path / "ws")
    run_dir, run_id = _make_run(ws)
    script = tmp_path / "writer.py"
    script.write_text(CRASH_WRITER)
    proc = subprocess.run(
        [sys.executable, str(script), str(run_dir), point], check=False, capture_output=True, text=True, timeout=60
    )
    assert (proc.returncode == -signal.SIGKILL) == (point != "none"), proc.stderr
    state = json.loads((run_dir / "state.json").read_text())  # always whole JSON
    seen = store(ws).get(run_id).state
    if EXPECTED[point] == "old":
        assert state["state"] == "running" and state["reason"] == "old" and seen.state == "running"
    else:
        assert state["state"] == "completed" and state["reason"] == "x" * 5000 and seen.state == "completed"
    listed = store(ws).list_runs()
    assert [v.run_id for v in listed] == [run_id], "a leftover temp file must not show up as a run"


LOOP_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from experiment_runner.runs import records
    from experiment_runner.runs.model import RunState
    from experiment_runner.workspace import Workspace
    d = Path(sys.argv[1])
    Workspace(d.parents[3])
    i = 0
    print("ready", flush=True)
    while True:
        i += 1
        records.write_state(d, RunState(state="running", updated_at=str(i), reason="r" * (i % 7000)))
""")


def test_killing_a_writer_at_random_moments_never_leaves_an_unreadable_state(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    run_dir, run_id = _make_run(ws)
    script = tmp_path / "loop.py"
    script.write_text(LOOP_WRITER)
    rng = random.Random(7)
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, str(script), str(run_dir)], stdout=subprocess.PIPE)
        proc.stdout.readline()
        time.sleep(rng.uniform(0.01, 0.15))
        proc.kill()
        proc.wait()
        state = store(ws).get(run_id).state  # parses: never empty, never torn
        assert state.state == "running"
        assert state.reason == "old" or len(state.reason or "") == int(state.updated_at) % 7000


IMPOSTOR = textwrap.dedent("""
    import signal, sys, time
    log = sys.argv[1]
    def record(signum, frame):
        with open(log, "a") as f:
            f.write(f"{signum}\\n")
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2, signal.SIGQUIT,
              signal.SIGCONT):
        signal.signal(s, record)
    print("ready", flush=True)
    time.sleep(120)
""")


def test_a_recorded_pid_that_now_belongs_to_another_process_is_marked_lost_and_never_signalled(tmp_path):
    from experiment_runner.runs import records
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.get_run_status import SPEC as STATUS
    from experiment_runner.tools.stop_run import SPEC as STOP
    from experiment_runner.workspace import Workspace

    ws = make_workspace(tmp_path / "ws", {"sleep.py": "import time\nprint('up', flush=True)\ntime.sleep(600)\n"})
    from experiment_runner.tools.launch_training import SPEC as LAUNCH

    ctx = ToolContext(workspace=Workspace(ws))
    rid = (
        LAUNCH.call({"experiment": "reuse", "arm": "a", "command": ["python", "sleep.py"], "seeds": [0]}, ctx)
        .runs[0]
        .run_id
    )
    view = wait_states(ws, [rid], {"running"}, 60)[rid]
    # The supervisor and the run die together (as in a machine-wide kill), leaving a non-terminal record behind.
    os.kill(view.state.supervisor_pid, signal.SIGKILL)
    os.killpg(view.state.pid, signal.SIGKILL)
    wait_for(lambda: not alive(view.state.pid) and not alive(view.state.supervisor_pid), 30, what="both to die")

    # Another process, in a session of its own, now holds the recorded pids.
    log = tmp_path / "signals.txt"
    (tmp_path / "impostor.py").write_text(IMPOSTOR)
    impostor = subprocess.Popen(
        [sys.executable, str(tmp_path / "impostor.py"), str(log)], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        impostor.stdout.readline()
        state = records.read_state(view.dir)
        records.write_state(view.dir, state.model_copy(update={"pid": impostor.pid, "supervisor_pid": impostor.pid}))

        status = STATUS.call({"run_id": rid}, ctx).runs[0]
        assert status.state == "lost" and status.ended_by == "pid_reused"
        assert f"pid {impostor.pid}" in status.reason and "another process" in status.reason
        stopped = STOP.call({"run_id": rid, "grace_s": 0.5}, ctx).results[0]
        assert stopped.state == "lost" and "nothing sent" in stopped.action
        time.sleep(0.5)  # bounded: give any stray signal time to land before checking none did
        assert impostor.poll() is None, "the impostor was killed"
        assert not log.exists(), f"signals reached the impostor: {log.read_text()}"
    finally:
        impostor.kill()
        impostor.wait()


SPAWNER = textwrap.dedent("""
    import os, signal, subprocess, sys, time
    if os.environ.get("IGNORE_TERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    ignore = "signal.signal(signal.SIGTERM, signal.SIG_IGN)\\n" if os.environ.get("IGNORE_TERM") else ""
    code = "import signal, time\\n" + ignore + "time.sleep(600)"
    kids = [subprocess.Popen([sys.executable, "-c", code]),
            subprocess.Popen([sys.executable, "-c", code], process_group=0)]  # its own group, same session
    # A grandchild of a grandchild, orphaned: reparented away from the run's process tree, still in its session.
    sleeper = "[sys.executable, '-c', 'import time; time.sleep(600)']"
    spawn = f"import subprocess, sys; p = subprocess.Popen({sleeper}); print(p.pid)"
    sub = subprocess.Popen([sys.executable, "-c", spawn], stdout=subprocess.PIPE, text=True)
    orphan = int(sub.stdout.readline())
    sub.wait()
    with open(os.environ["PIDS_FILE"], "w") as f:
        f.write(" ".join(str(p) for p in [k.pid for k in kids] + [orphan]))
    print("spawned", flush=True)
    time.sleep(600)
""")


@pytest.mark.parametrize("ignore_term", [False, True], ids=["honours-sigterm", "ignores-sigterm"])
def test_stop_run_ends_every_process_of_the_run_session_and_records_whether_sigkill_was_needed(tmp_path, ignore_term):
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.launch_training import SPEC as LAUNCH
    from experiment_runner.tools.stop_run import SPEC as STOP
    from experiment_runner.workspace import Workspace

    ws = make_workspace(tmp_path / "ws", {"spawner.py": SPAWNER})
    pids_file = tmp_path / "pids.txt"
    env = {"PIDS_FILE": str(pids_file), **({"IGNORE_TERM": "1"} if ignore_term else {})}
    ctx = ToolContext(workspace=Workspace(ws))
    rid = (
        LAUNCH.call(
            {"experiment": "stop", "arm": "a", "command": ["python", "spawner.py"], "seeds": [0], "env": env}, ctx
        )
        .runs[0]
        .run_id
    )
    wait_for(lambda: pids_file.exists() and pids_file.read_text().strip(), 60, what="grandchildren to start")
    view = store(ws).get(rid)
    leader = view.state.pid
    grandchildren = [int(p) for p in pids_file.read_text().split()]
    assert len(session_of(leader)) >= 4 and all(alive(p) for p in grandchildren)

    t0 = time.monotonic()
    result = STOP.call({"run_id": rid, "grace_s": 1.0}, ctx).results[0]
    took = time.monotonic() - t0
    assert result.state == "cancelled"
    assert session_of(leader) == [] and not any(alive(p) for p in grandchildren)
    state = store(ws).get(rid).state
    assert state.ended_by == "stop"
    if ignore_term:
        assert state.stop_signal == "SIGKILL" and "SIGKILL after the 1 s grace period" in state.reason
        assert took >= 1.0
    else:
        assert state.stop_signal == "SIGTERM" and "SIGKILL" not in state.reason


STDIN_READER = "import sys\ndata = sys.stdin.read()\nprint(f'stdin_bytes={len(data)}', flush=True)\n"


def test_a_run_that_reads_stdin_gets_end_of_file_at_once(tmp_path):
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.launch_training import SPEC as LAUNCH
    from experiment_runner.workspace import Workspace

    ws = make_workspace(tmp_path / "ws", {"reader.py": STDIN_READER})
    rid = (
        LAUNCH.call(
            {"experiment": "stdin", "arm": "a", "command": ["python", "reader.py"], "seeds": [0]},
            ToolContext(workspace=Workspace(ws)),
        )
        .runs[0]
        .run_id
    )
    view = wait_states(ws, [rid], {"completed", "failed"}, 60)[rid]
    assert view.state.state == "completed"
    assert store(ws).log_path(rid).read_text().strip() == "stdin_bytes=0"


NOISY = textwrap.dedent("""
    import os, sys, time
    for i in range(300):
        print(f"noise {i} loss={i / 300:.3f} {'{'}\\"not\\": \\"json-rpc\\"{'}'}", flush=True)
        print(f"err {i}", file=sys.stderr, flush=True)
        os.write(1, b"raw fd1 write\\n")
        os.write(2, b"raw fd2 write\\n")
        time.sleep(0.005)
""")


def test_over_stdio_every_byte_the_server_writes_is_a_protocol_message_while_noisy_runs_go(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"noisy.py": NOISY}, runs={"max_parallel": 2})
    server = RawServer(ws)
    try:
        out = server.call(
            "launch_training", {"experiment": "noise", "arm": "a", "command": ["python", "noisy.py"], "seeds": [0, 1]}
        )
        ids = [r["run_id"] for r in out["runs"]]
        for _ in range(200):
            status = server.call("get_run_status", {"experiment": "noise", "log_lines": 5})
            server.request("resources/read", {"uri": f"run://{ids[0]}/log"})
            if status["all_ended"]:
                break
            time.sleep(0.1)
        assert status["all_ended"] and status["by_state"] == {"completed": 2}
        server.call("list_runs", {})
    finally:
        server.close()
    assert server.lines, "the server wrote nothing"
    for line in server.lines:
        msg = json.loads(line)  # raises on any non-protocol byte
        assert msg.get("jsonrpc") == "2.0", line[:200]
    log = store(ws).log_path(ids[0]).read_text()
    assert log.count("raw fd1 write") == 300 and log.count("noise ") == 300  # the noise was real, and went to the log


FLOOD = textwrap.dedent("""
    import os, sys
    total = int(sys.argv[1])
    line = b"flood " + b"x" * 120 + b"\\n"
    block = line * (65536 // len(line))
    os.write(1, b"FIRST LINE\\n")
    written = 0
    while written < total:
        written += os.write(1, block)
    os.write(1, b"LAST LINE\\n")
""")


def _dir_bytes(d: Path) -> int:
    return sum(p.stat().st_size for p in d.iterdir() if p.is_file() and p.name.startswith("stdout"))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_run_flooding_gigabytes_keeps_its_log_within_the_cap_and_status_stays_fast(tmp_path):
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.get_run_status import SPEC as STATUS
    from experiment_runner.tools.launch_training import SPEC as LAUNCH
    from experiment_runner.workspace import Workspace

    cap_mb = 4
    ws = make_workspace(tmp_path / "ws", {"flood.py": FLOOD}, runs={"log_cap_mb": cap_mb})
    ctx = ToolContext(workspace=Workspace(ws))
    total = 2 * 2**30
    rid = (
        LAUNCH.call(
            {"experiment": "flood", "arm": "a", "command": ["python", "flood.py", str(total)], "seeds": [0]}, ctx
        )
        .runs[0]
        .run_id
    )
    run_dir = store(ws).get(rid).dir
    slowest, peak, checks = 0.0, 0, 0
    deadline = time.monotonic() + 840
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        s = STATUS.call({"run_id": rid, "log_lines": 20}, ctx).runs[0]
        slowest = max(slowest, time.monotonic() - t0)
        peak = max(peak, _dir_bytes(run_dir))
        checks += 1
        if s.state not in {"running", "queued"}:
            break
        time.sleep(0.5)
    assert s.state == "completed", s.reason
    assert checks >= 5
    state = store(ws).get(rid).state
    assert state.output_bytes["stdout"] >= total
    cap = cap_mb * 2**20
    assert peak <= cap + 65536, f"the log reached {peak} bytes on disk with a cap of {cap}"
    log = store(ws).log_path(rid)
    assert log.stat().st_size <= cap + 4096 and not list(run_dir.glob("stdout.tail.*"))
    with open(log, "rb") as f:
        head = f.read(11)
        f.seek(-10, os.SEEK_END)
        tail = f.read()
    assert head == b"FIRST LINE\n" and tail == b"LAST LINE\n"
    assert b"bytes of output cut here" in log.read_bytes()
    assert slowest < 2.0, f"a status call took {slowest:.2f} s during the flood"


@pytest.mark.anyio
async def test_the_sdk_stdio_client_keeps_working_while_noisy_runs_write_to_their_own_stdout(tmp_path):
    import anyio
    from mcp import Client, StdioServerParameters

    ws = make_workspace(tmp_path / "ws", {"noisy.py": NOISY}, runs={"max_parallel": 2})
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "experiment_runner", "--root", str(ws), "serve"],
        env=dict(os.environ),
        cwd=str(ws),
    )
    async with Client(params, mode="legacy") as c:
        r = await c.call_tool(
            "launch_training", {"experiment": "noise", "arm": "a", "command": ["python", "noisy.py"], "seeds": [0, 1]}
        )
        assert not r.is_error
        for _ in range(300):
            status = await c.call_tool("get_run_status", {"experiment": "noise", "log_lines": 3})
            assert not status.is_error
            if status.structured_content["all_ended"]:
                break
            await anyio.sleep(0.1)
    assert status.structured_content["by_state"] == {"completed": 2}
    tail = status.structured_content["runs"][0]["logs"]["stdout"]["text"]
    assert "noise 299 " in tail and tail.endswith("raw fd1 write")  # the runs' stdout went to their logs, not the wire
