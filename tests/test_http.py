"""Streamable HTTP: loopback by default, Host/Origin checked, optional bearer token, non-loopback needs a token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

pytestmark = pytest.mark.anyio


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def http_server(root, *extra, env=None):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "experiment_runner",
            "--root",
            str(root),
            "serve",
            "--http",
            "--port",
            str(port),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"server exited: {proc.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("HTTP server did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


INIT = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}},
}
HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


async def test_http_serves_tools_on_loopback_and_rejects_a_foreign_host_header(workspace):
    with http_server(workspace) as port:
        url = f"http://127.0.0.1:{port}/mcp"
        async with Client(url, mode="legacy") as c:
            names = [t.name for t in (await c.list_tools()).tools]
        assert "draft_brief" in names
        bad_host = httpx2.post(url, json=INIT, headers={**HEADERS, "Host": "evil.example"})
        bad_origin = httpx2.post(url, json=INIT, headers={**HEADERS, "Origin": "http://evil.example"})
    assert bad_host.status_code == 421
    assert bad_origin.status_code == 403


async def test_http_with_a_token_refuses_requests_without_it(workspace):
    with http_server(workspace, env={"EXPERIMENT_RUNNER_TOKEN": "s3cret"}) as port:
        url = f"http://127.0.0.1:{port}/mcp"
        no_token = httpx2.post(url, json=INIT, headers=HEADERS)
        wrong = httpx2.post(url, json=INIT, headers={**HEADERS, "Authorization": "Bearer nope"})
        async with httpx2.AsyncClient(headers={"Authorization": "Bearer s3cret"}) as http:
            async with Client(streamable_http_client(url, http_client=http), mode="legacy") as c:
                r = await c.call_tool("draft_brief", {"experiment": "via-http"})
    assert no_token.status_code == 401 and wrong.status_code == 401
    assert not r.is_error


def test_binding_a_non_loopback_address_without_a_token_is_refused(workspace):
    env = {k: v for k, v in os.environ.items() if k != "EXPERIMENT_RUNNER_TOKEN"}
    proc = subprocess.run(
        [sys.executable, "-m", "experiment_runner", "--root", str(workspace), "serve", "--http", "--host", "0.0.0.0"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 2
    assert "refusing to serve HTTP on non-loopback address '0.0.0.0' without a bearer token" in proc.stderr
