"""`serve`: stdio by default; `--http` for streamable HTTP bound to loopback, Host/Origin checked, an optional
bearer token (required for any non-loopback address), and limits on slow or greedy clients (cli/http_limits.py)."""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import logging
import os
import sys
from pathlib import Path

from experiment_runner.cli.http_limits import HttpLimits, guarded_h11
from experiment_runner.errors import UserError

log = logging.getLogger("experiment_runner.serve")

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class BearerAuth:
    """ASGI middleware: every HTTP request must carry `Authorization: Bearer <token>` (compared in constant time)."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            header = dict(scope.get("headers") or []).get(b"authorization", b"")
            scheme, _, value = header.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(value.strip(), self.token):
                body = b'{"error": "missing or wrong bearer token"}'
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"www-authenticate", b'Bearer realm="experiment-runner"'),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def security_settings(host: str, port: int, extra_hosts: list[str]):
    from mcp.server.transport_security import TransportSecuritySettings

    hosts = {"127.0.0.1", "localhost", "[::1]"} if is_loopback(host) else {host if ":" not in host else f"[{host}]"}
    hosts.update(extra_hosts)
    allowed_hosts = sorted({h for name in hosts for h in (name, f"{name}:*")})
    allowed_origins = sorted(
        {f"{scheme}://{name}{port_part}" for name in hosts for scheme in ("http", "https") for port_part in ("", ":*")}
    )
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=allowed_hosts, allowed_origins=allowed_origins
    )


def build_http_app(
    root: Path,
    host: str,
    port: int,
    path: str,
    token: str | None,
    extra_hosts: list[str],
    limits: HttpLimits | None = None,
):
    from experiment_runner.server import build_server

    if not is_loopback(host) and not token:
        raise UserError(
            f"refusing to serve HTTP on non-loopback address {host!r} without a bearer token: anyone who can reach "
            "it could run commands in your workspace. Set a token in the environment variable named by --token-env "
            "(default EXPERIMENT_RUNNER_TOKEN), or bind 127.0.0.1"
        )
    limits = limits or HttpLimits()
    server = build_server(root)
    app = server.streamable_http_app(
        streamable_http_path=path,
        host=host,
        transport_security=security_settings(host, port, extra_hosts),
        max_request_body_size=limits.max_body_bytes,
        max_sessions=limits.max_sessions,
        session_idle_timeout=limits.session_idle_timeout_s,
    )
    return BearerAuth(app, token) if token else app


def serve(args: argparse.Namespace) -> int:
    from experiment_runner.runs import childenv

    childenv.add_secret(args.token_env)  # whatever the transport: never handed to a run or a probe
    root = Path(args.root)
    if not args.http:
        from experiment_runner.server import build_server

        server = build_server(root)
        server.run()  # stdio: stdout carries only protocol messages; logs go to stderr
        return 0
    import uvicorn

    token = os.environ.get(args.token_env) or None
    limits = limits_from_args(args)
    app = build_http_app(root, args.host, args.port, args.path, token, args.allow_host, limits)
    print(
        f"experiment-runner: serving MCP over HTTP at http://{args.host}:{args.port}{args.path} "
        f"(workspace {root.resolve()}, {'bearer token required' if token else 'no token'})",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        http=guarded_h11(limits.request_timeout_s),
        timeout_keep_alive=max(1, round(limits.idle_timeout_s)),
        limit_concurrency=limits.max_connections,
    )
    return 0


def limits_from_args(args: argparse.Namespace) -> HttpLimits:
    limits = HttpLimits(
        request_timeout_s=args.request_timeout,
        idle_timeout_s=args.idle_timeout,
        max_body_bytes=int(args.max_body_mb * 2**20),
        max_sessions=args.max_sessions,
        session_idle_timeout_s=args.session_idle_timeout,
        max_connections=args.max_connections,
    )
    for name, value in vars(limits).items():
        if not value > 0:
            raise UserError(f"--{name.replace('_', '-')} must be positive, got {value!r}")
    return limits
