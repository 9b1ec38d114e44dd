"""HTTP limits against real clients on loopback sockets: slow clients (headers or body a byte at a time, or nothing
at all) are cut off after --request-timeout while a normal client is served, a response longer than the timeout
is never cut, an oversized body gets 413, and sessions beyond --max-sessions get 503."""

from __future__ import annotations

import select
import socket
import threading
import time

import httpx2
import pytest
from mcp import Client

from tests.test_http import HEADERS, INIT, http_server

pytestmark = pytest.mark.anyio

REQUEST_TIMEOUT = 1.5
SLOW_MODEL = "import time\n\ndef build():\n    time.sleep(3)\n    raise RuntimeError('slow on purpose')\n"


def _closed(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        return sock.recv(4096) == b""  # the server closed (a 4xx would come first as bytes: read on)
    except OSError:
        return True


def _slow_client(port: int, opening: bytes, trickle: bytes, out: dict, key: str, cap_s: float = 20) -> None:
    """Connect, send `opening`, then one byte of `trickle` every 0.2 s; record when the server closes."""
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(opening)
        i = 0
        while time.monotonic() - t0 < cap_s:
            if _closed(sock):
                out[key] = time.monotonic() - t0
                return
            if trickle:
                try:
                    sock.send(trickle[i % len(trickle) : i % len(trickle) + 1])
                except OSError:
                    out[key] = time.monotonic() - t0
                    return
                i += 1
            time.sleep(0.2)
    out[key] = None  # still open after the cap


def test_slow_clients_are_cut_off_after_the_request_timeout_while_a_normal_client_is_served(workspace):
    (workspace / "slow_model.py").write_text(SLOW_MODEL)
    body = b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}' + b" " * 1000
    head = (
        b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Accept: application/json, text/event-stream\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    slow = {
        "body a byte at a time": (head, body),
        "body a byte at a time (2)": (head + body[:10], body[10:]),
        "headers a byte at a time": (b"POST /mcp HTTP/1.1\r\n", b"X-Slow: " + b"a" * 400),
        "headers a byte at a time (2)": (b"", head),
        "nothing at all": (b"", b""),
    }
    closed: dict = {}
    args = ["--request-timeout", str(REQUEST_TIMEOUT), "--idle-timeout", "1"]
    with http_server(workspace, *args) as port:
        threads = [
            threading.Thread(target=_slow_client, args=(port, opening, trickle, closed, name))
            for name, (opening, trickle) in slow.items()
        ]
        for t in threads:
            t.start()

        async def normal():
            async with Client(f"http://127.0.0.1:{port}/mcp", mode="legacy") as c:
                listed = await c.list_tools()
                started = time.monotonic()
                # build() sleeps 3 s: the response takes longer than the request timeout and must not be cut
                r = await c.call_tool("run_sanity_checks", {"entrypoint": "slow_model.py:build", "timeout_s": 60})
                return listed, r, time.monotonic() - started

        import anyio

        listed, result, took = anyio.run(normal)
        for t in threads:
            t.join(30)
    assert "draft_brief" in [t.name for t in listed.tools]
    assert not result.is_error and took > REQUEST_TIMEOUT, (took, result.content)
    print("\nslow clients closed after (s):", {k: (round(v, 2) if v else v) for k, v in closed.items()})
    for name, after in closed.items():
        assert after is not None and after < REQUEST_TIMEOUT + 3, f"{name}: still open ({after})"


def test_a_body_over_the_cap_is_refused_with_413(workspace):
    with http_server(workspace, "--max-body-mb", "0.01") as port:
        url = f"http://127.0.0.1:{port}/mcp"
        big = {**INIT, "params": {**INIT["params"], "padding": "x" * 20_000}}
        r = httpx2.post(url, json=big, headers=HEADERS)
        ok = httpx2.post(url, json=INIT, headers=HEADERS)
    assert r.status_code == 413
    assert ok.status_code == 200


def test_sessions_beyond_the_cap_are_refused_with_503_and_open_ones_keep_working(workspace):
    with http_server(workspace, "--max-sessions", "2") as port:
        url = f"http://127.0.0.1:{port}/mcp"
        first = httpx2.post(url, json=INIT, headers=HEADERS)
        second = httpx2.post(url, json=INIT, headers=HEADERS)
        third = httpx2.post(url, json=INIT, headers=HEADERS)
        sid = first.headers.get("mcp-session-id")
        ping = httpx2.post(
            url,
            json={"jsonrpc": "2.0", "id": 2, "method": "ping"},
            headers={**HEADERS, "mcp-session-id": sid, "mcp-protocol-version": "2025-11-25"},
        )
    assert first.status_code == 200 and second.status_code == 200 and sid
    assert third.status_code == 503
    assert ping.status_code == 200


def test_a_limit_that_is_not_positive_is_refused_by_name(workspace):
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "experiment_runner", "--root", str(workspace), "serve", "--http", "--max-sessions", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0 and "--max-sessions must be positive" in proc.stderr
