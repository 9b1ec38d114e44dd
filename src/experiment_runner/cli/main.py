"""`experiment-runner`: serve the MCP server, list and call its tools, run the demo, watch runs."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from experiment_runner import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="experiment-runner",
        description="Run ML experiments the way a careful researcher would: an MCP server and the same tools on the "
        "command line.",
    )
    p.add_argument("--version", action="version", version=f"experiment-runner {__version__}")
    p.add_argument("--root", default=".", help="workspace root: the project folder (default: the current folder)")
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("serve", help="serve the MCP server (stdio by default)")
    s.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    s.add_argument("--host", default="127.0.0.1", help="HTTP bind address (default 127.0.0.1; others need a token)")
    s.add_argument("--port", type=int, default=8765, help="HTTP port (default 8765)")
    s.add_argument("--path", default="/mcp", help="HTTP endpoint path (default /mcp)")
    s.add_argument(
        "--token-env",
        default="EXPERIMENT_RUNNER_TOKEN",
        help="environment variable holding the bearer token HTTP clients must send (default EXPERIMENT_RUNNER_TOKEN; "
        "unset = no token)",
    )
    from experiment_runner.cli.http_limits import HttpLimits

    limits = HttpLimits()
    s.add_argument(
        "--request-timeout",
        type=float,
        default=limits.request_timeout_s,
        help=f"seconds a client has to send a whole request, headers and body (default {limits.request_timeout_s:g})",
    )
    s.add_argument(
        "--idle-timeout",
        type=float,
        default=limits.idle_timeout_s,
        help=f"seconds an idle keep-alive connection stays open (default {limits.idle_timeout_s:g})",
    )
    s.add_argument(
        "--max-body-mb",
        type=float,
        default=limits.max_body_bytes / 2**20,
        help=f"largest request body in MiB, 413 beyond (default {limits.max_body_bytes / 2**20:g})",
    )
    s.add_argument(
        "--max-sessions",
        type=int,
        default=limits.max_sessions,
        help=f"most MCP sessions open at once, 503 beyond (default {limits.max_sessions})",
    )
    s.add_argument(
        "--session-idle-timeout",
        type=float,
        default=limits.session_idle_timeout_s,
        help=f"seconds a session lives without a request (default {limits.session_idle_timeout_s:g})",
    )
    s.add_argument(
        "--max-connections",
        type=int,
        default=limits.max_connections,
        help=f"most HTTP connections served at once, 503 beyond (default {limits.max_connections})",
    )
    s.add_argument(
        "--allow-host",
        action="append",
        default=[],
        help="extra Host header value accepted over HTTP (e.g. a reverse proxy name); repeatable",
    )

    t = sub.add_parser("tools", help="list every tool with its description and input schema")
    t.add_argument("--json", action="store_true", help="print the tools as JSON")

    c = sub.add_parser("call", help="call a tool through a real MCP client session; prints the result as JSON")
    c.add_argument("tool", help="tool name (see `experiment-runner tools`)")
    c.add_argument("--args", default="{}", help="arguments as a JSON object, @file.json, or - for stdin")
    c.add_argument("--quiet", action="store_true", help="no progress display")

    d = sub.add_parser(
        "demo", help="create a fresh workspace and drive every tool through a real MCP client over stdio"
    )
    d.add_argument("--dir", default=None, help="workspace folder to create (default ./er-demo-<time>)")

    from experiment_runner.cli import runs as runs_cli

    runs_cli.add_parsers(sub)
    return p


#: What a shell reports for a writer that a closed pipe stopped (128 + SIGPIPE).
CLOSED_PIPE_EXIT = 141


def _reader_gone() -> int:
    """The reader of stdout went away (`status RUN | head`): stop quietly. stdout is pointed at /dev/null so that
    the interpreter's last flush at exit does not report the same broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return CLOSED_PIPE_EXIT


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        return _reader_gone()


def _main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    from experiment_runner.errors import UserError

    try:
        if args.command == "serve":
            from experiment_runner.cli.serve import serve

            return serve(args)
        if args.command == "tools":
            from experiment_runner.cli.calls import list_tools

            return list_tools(Path(args.root), as_json=args.json)
        if args.command == "call":
            from experiment_runner.cli.calls import call_tool, read_args

            return call_tool(Path(args.root), args.tool, read_args(args.args), quiet=args.quiet)
        if args.command == "demo":
            from experiment_runner.demo import run_demo

            return run_demo(Path(args.dir) if args.dir else None)
        from experiment_runner.cli import runs as runs_cli

        return runs_cli.dispatch(args)
    except UserError as e:
        print(f"experiment-runner: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
