"""Helpers for the run engine tests: workspaces with small scripts, bounded waiting, a raw stdio server (to kill
it and to read every byte it writes), and process facts from /proc."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from experiment_runner.runs.store import RunStore
from experiment_runner.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent


def make_workspace(root: Path, scripts: dict[str, str] | None = None, runs: dict | None = None, **config) -> Path:
    """A workspace with scripts and an experiment-runner.yaml. Manifests are off unless a test turns them on:
    they are tested on their own, and their first capture probes the interpreter (seconds per workspace)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, body in (scripts or {}).items():
        (root / name).write_text(body, encoding="utf-8")
    cfg = {"runs": {"manifest": False, "heartbeat_s": 0.5, "telemetry_s": 1.0, **(runs or {})}, **config}
    (root / "experiment-runner.yaml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return root


def store(ws: Path) -> RunStore:
    return RunStore(Workspace(ws))


def wait_for(predicate, timeout: float, interval: float = 0.1, what: str = "condition"):
    """Poll until predicate() is truthy (returned) or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


def wait_states(ws: Path, run_ids: list[str], states: set[str], timeout: float) -> dict:
    def check():
        views = {r: store(ws).get(r) for r in run_ids}
        return views if all(v.state.state in states for v in views.values()) else None

    return wait_for(check, timeout, 0.2, f"runs {run_ids} to reach {sorted(states)}")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return False
    return data[data.rfind(b")") + 2 :].split()[0] not in (b"Z", b"X")


def session_of(sid: int) -> list[int]:
    from experiment_runner.runs.procs import session_members

    return session_members(sid)


def server_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.update(extra or {})
    return env


class RawServer:
    """`experiment-runner serve` over stdio, driven with hand-written JSON-RPC lines. Every line it writes to
    stdout is kept, so a test can check that each one is a protocol message."""

    def __init__(self, ws: Path, env: dict | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-m", "experiment_runner", "--root", str(ws), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=server_env(env),
            cwd=str(ws),
        )
        self.lines: list[bytes] = []
        self.responses: dict[int, dict] = {}
        self._cv = threading.Condition()
        self._next = 0
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.request(
            "initialize",
            {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw-test", "version": "0"}},
            timeout=60,
        )
        self.notify("notifications/initialized")

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._cv:
                self.lines.append(line)
                try:
                    msg = json.loads(line)
                except ValueError:
                    msg = None
                if isinstance(msg, dict) and "id" in msg and ("result" in msg or "error" in msg):
                    self.responses[msg["id"]] = msg
                self._cv.notify_all()

    def _drain_stderr(self) -> None:
        for line in self.proc.stderr:
            self._stderr.append(line)

    def _send(self, msg: dict) -> None:
        self.proc.stdin.write((json.dumps(msg) + "\n").encode())
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self._send({"jsonrpc": "2.0", "method": method, **({"params": params} if params else {})})

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self._next += 1
        rid = self._next
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        with self._cv:
            if not self._cv.wait_for(lambda: rid in self.responses, timeout):
                raise AssertionError(
                    f"no answer to {method} within {timeout} s; stderr: {b''.join(self._stderr)[-2000:]!r}"
                )
            msg = self.responses[rid]
        if "error" in msg:
            raise AssertionError(f"{method} failed: {msg['error']}")
        return msg["result"]

    def call(self, tool: str, args: dict, timeout: float = 60) -> dict:
        result = self.request("tools/call", {"name": tool, "arguments": args}, timeout)
        if result.get("isError"):
            raise AssertionError(f"{tool} returned an error: {result['content']}")
        return result["structuredContent"]

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def result_text(result) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)
