"""Run commands: list, status, follow, stop.

`list`, `status` and `stop` call the tools through the same in-process MCP client as `call`, so they show what
an assistant sees. `follow` reads the store directly: it streams a log as it grows, which a request/response
tool cannot do. Results for programs go to stdout (`--json`); live progress goes to stderr."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import anyio

from experiment_runner.errors import UserError

COMMANDS = ("list", "status", "follow", "stop")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list runs (filter by experiment, arm, state)")
    p.add_argument("--experiment", "-e", default=None)
    p.add_argument("--arm", "-a", default=None)
    p.add_argument(
        "--state",
        "-s",
        action="append",
        default=None,
        help="repeatable: queued, running, completed, failed, cancelled, lost",
    )
    p.add_argument("--json", action="store_true", help="print the list_runs result as JSON")

    p = sub.add_parser(
        "status", help="status of a run or of an experiment's runs; --watch shows live progress until they end"
    )
    p.add_argument("run_id", nargs="?", default=None)
    p.add_argument("--experiment", "-e", default=None)
    p.add_argument("--arm", "-a", default=None)
    p.add_argument(
        "--watch", "-w", action="store_true", help="redraw one line per run on stderr until every run has ended"
    )
    p.add_argument("--interval", type=float, default=2.0, help="seconds between refreshes with --watch (default 2)")
    p.add_argument("--json", action="store_true", help="print the get_run_status result as JSON")

    p = sub.add_parser("follow", help="print a run's log as it grows (like tail -f) until the run ends")
    p.add_argument("run_id")
    p.add_argument("--stderr", action="store_true", help="follow standard error instead of standard output")
    p.add_argument("--lines", "-n", type=int, default=20, help="lines of existing output to show first (default 20)")

    p = sub.add_parser("stop", help="stop a run, an arm or an experiment (SIGTERM, SIGKILL after the grace period)")
    p.add_argument("run_id", nargs="?", default=None)
    p.add_argument("--experiment", "-e", default=None)
    p.add_argument("--arm", "-a", default=None)
    p.add_argument(
        "--grace", type=float, default=None, help="seconds between SIGTERM and SIGKILL (default runs.stop_grace_s)"
    )
    p.add_argument("--no-wait", action="store_true", help="return once the stop is requested")
    p.add_argument("--json", action="store_true", help="print the stop_run result as JSON")


def dispatch(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.command == "list":
        return cmd_list(root, args)
    if args.command == "status":
        return cmd_status(root, args)
    if args.command == "follow":
        return cmd_follow(root, args)
    if args.command == "stop":
        return cmd_stop(root, args)
    raise UserError(f"unknown command {args.command!r}; valid: serve, tools, call, demo, {', '.join(COMMANDS)}")


def _call(root: Path, tool: str, arguments: dict[str, Any], progress=None) -> dict:
    from experiment_runner.cli.calls import _with_client

    async def go(client):
        return await client.call_tool(tool, arguments, progress_callback=progress)

    result = anyio.run(_with_client, root, go)
    if result.is_error:
        text = "\n".join(getattr(c, "text", "") for c in result.content).strip()
        raise UserError(text.removeprefix(f"Error executing tool {tool}: "))
    return result.structured_content or {}


def _target(args) -> dict[str, Any]:
    if args.run_id and args.experiment:
        raise UserError("give a run id or --experiment, not both")
    if not args.run_id and not args.experiment:
        raise UserError("give a run id, or --experiment NAME (optionally with --arm)")
    if args.run_id:
        return {"run_id": args.run_id}
    return {"experiment": args.experiment, **({"arm": args.arm} if args.arm else {})}


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join(fmt.format(*map(str, r)).rstrip() for r in [header, *rows])


def cmd_list(root: Path, args) -> int:
    arguments = {k: v for k, v in (("experiment", args.experiment), ("arm", args.arm), ("states", args.state)) if v}
    out = _call(root, "list_runs", arguments)
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    rows = [
        [
            r["run_id"],
            r["experiment"],
            r["arm"],
            r["seed"],
            r["state"],
            f"{r['elapsed_s']:.0f}s" if r.get("elapsed_s") is not None else "-",
            (r.get("reason") or "")[:60],
        ]
        for r in out["runs"]
    ]
    if rows:
        print(_table(rows, ["RUN", "EXPERIMENT", "ARM", "SEED", "STATE", "ELAPSED", "REASON"]))
    print(out["summary"], file=sys.stderr)
    return 0


def _status_lines(out: dict) -> tuple[list[str], list]:
    from experiment_runner.runs.status import RunStatus, one_line, progress_key

    runs = [RunStatus.model_validate(r) for r in out["runs"]]
    return [one_line(r) for r in runs] + [out["summary"]], [progress_key(r) for r in runs] + [out["summary"]]


def cmd_status(root: Path, args) -> int:
    arguments = _target(args)
    if args.watch:
        from experiment_runner.terminal import RunBoard

        board = RunBoard()
        watch_args = {**arguments, "curve_points": 0, "log_lines": 0}
        while True:
            out = _status(root, watch_args)
            lines, keys = _status_lines(out)
            board.update(lines, keys=keys, force=out["all_ended"])  # the final state is always shown
            if out["all_ended"]:
                break
            time.sleep(max(0.2, args.interval))
        board.close()
    out = _status(root, arguments)
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for run in out["runs"]:
        print(_describe(run))
        print()
    print(out["summary"])
    return 0


def _status(root: Path, arguments: dict[str, Any]) -> dict:
    """get_run_status with every run of an experiment listed: a terminal is not an inline result, so the pages
    the tool splits a long experiment into are joined here."""
    if "experiment" not in arguments:
        return _call(root, "get_run_status", arguments)
    out = _call(root, "get_run_status", {**arguments, "limit": 1000})
    runs = out["runs"]
    while out.get("next_offset") is not None:
        page = _call(root, "get_run_status", {**arguments, "limit": 1000, "offset": out["next_offset"]})
        runs += page["runs"]
        out["next_offset"] = page["next_offset"]
    out["summary"] = out["summary"].split(" Listed runs ")[0]
    return {**out, "runs": runs}


def _fmt(v) -> str:
    return f"{v:.6g}" if isinstance(v, float) else str(v)


def _describe(run: dict) -> str:
    lines = [
        f"{run['run_id']}  ({run['experiment']} / {run['arm']}, seed {run['seed']}): {run['state']}"
        + (f" after {run['elapsed_s']:.0f} s" if run.get("elapsed_s") is not None else "")
    ]
    if run.get("reason"):
        lines.append(f"  reason: {run['reason']}")
    if run.get("latest"):
        best = run.get("best", {})
        parts = []
        for name, p in run["latest"].items():
            b = best.get(name)
            parts.append(f"{name}={_fmt(p['value'])}" + (f" (best {_fmt(b['value'])} @ {b['step']})" if b else ""))
        lines.append(f"  step {run.get('step')}: " + ", ".join(parts))
    lines.extend(f"  [{h['severity']}] {h['code']}: {h['message']}" for h in run.get("health", []))
    tele = run.get("telemetry")
    if tele:
        gpu = tele.get("gpus") or tele.get("gpu")
        rss_mib = int(tele.get("rss_bytes") or 0) / 2**20
        lines.append(f"  telemetry: cpu {tele.get('cpu_percent')}%, rss {rss_mib:.0f} MiB, gpu {gpu}")
    for stream, tail in run.get("logs", {}).items():
        lines.append(f"  --- {stream} (tail) ---")
        lines.extend("  " + ln for ln in tail["text"].splitlines())
    return "\n".join(lines)


def cmd_follow(root: Path, args) -> int:
    """Stream the log from the store as it grows; one progress line a second on stderr; exit 0 if it completed."""
    from experiment_runner.runs.logcap import LogReader, tail_text
    from experiment_runner.runs.store import RunStore
    from experiment_runner.terminal import ProgressPrinter
    from experiment_runner.workspace import Workspace

    store = RunStore(Workspace(root))
    stream = "stderr" if args.stderr else "stdout"
    view = store.get(args.run_id)
    reader = LogReader(view.dir, stream)
    out = sys.stdout.buffer
    text, before = (
        tail_text(view.dir, stream, max_lines=max(0, args.lines), max_bytes=1 << 20) if args.lines else ("", 0)
    )
    if before:
        out.write(f"[... {before:,} earlier bytes not shown ...]\n".encode())
    if text:
        out.write(text.encode() + b"\n")
    out.flush()
    pos = reader.size()
    printer = ProgressPrinter(min_interval=1.0)
    last_check = 0.0
    try:
        while True:
            size = reader.size()
            pos = min(pos, size)  # smaller: the log was joined or rotated under us; go on from its current end
            if size > pos:
                chunk = reader.read_range(pos, min(size - pos, 1 << 20))
                out.write(chunk)
                out.flush()
                pos += len(chunk)
                continue
            now = time.monotonic()
            if now - last_check >= 1.0:
                last_check = now
                view = store.get(args.run_id)
                if view.terminal:
                    rest = reader.size()
                    if rest > pos:
                        out.write(reader.read_range(pos, rest - pos))
                        out.flush()
                    break
                from experiment_runner.runs.summary import summarize

                s = summarize(view.dir)
                latest = {
                    k: v.latest[1]
                    for k, v in s.series().items()
                    if v.latest is not None and k in ("loss", "val_loss", "val_acc", "acc")
                }
                printer.update(
                    0,
                    None,
                    f"{args.run_id} {view.state.state}, step {s.step()}, "
                    + ", ".join(f"{k}={_fmt(v)}" for k, v in latest.items()),
                )
            time.sleep(0.2)
    finally:
        printer.close()
    st = view.state
    print(f"{args.run_id}: {st.state}" + (f" ({st.reason})" if st.reason else ""), file=sys.stderr)
    return 0 if st.state == "completed" else 1


def cmd_stop(root: Path, args) -> int:
    from experiment_runner.terminal import ProgressPrinter

    arguments = _target(args)
    if args.grace is not None:
        arguments["grace_s"] = args.grace
    if args.no_wait:
        arguments["wait"] = False
    printer = ProgressPrinter()
    try:
        out = _call(root, "stop_run", arguments, progress=printer.callback)
    finally:
        printer.close()
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for r in out["results"]:
        print(
            f"{r['run_id']}: {r['previous_state']} -> {r['state']}"
            + (f" ({r['reason']})" if r.get("reason") else f" ({r['action']})")
        )
    print(out["summary"], file=sys.stderr)
    return 0
