"""Cold start: process start -> `tools/list` answered over stdio, experiment-runner vs a minimal one-tool MCPServer.

    python bench/cold_start.py [--runs 9]

Both are timed in the same run, interleaved, with a raw JSON-RPC client on the child's pipes (initialize,
initialized, tools/list), so client overhead is identical. Target: experiment-runner within 1.2x of the minimal
server. Prints each run and the medians."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL = '''
from mcp.server.mcpserver import MCPServer
mcp = MCPServer("minimal")
@mcp.tool()
def ping(x: int) -> int:
    """Return x."""
    return x
mcp.run()
'''

MESSAGES = [
    {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-11-25",
            "capabilities": {},
            "clientInfo": {"name": "bench", "version": "0"},
        },
    },
    {"jsonrpc": "2.0", "method": "notifications/initialized"},
    {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
]


def time_once(argv: list[str], cwd: str) -> tuple[float, int]:
    payload = "".join(json.dumps(m) + "\n" for m in MESSAGES).encode()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)
    proc.stdin.write(payload)
    proc.stdin.flush()
    n_tools = -1
    for line in proc.stdout:
        msg = json.loads(line)
        if msg.get("id") == 2:
            n_tools = len(msg["result"]["tools"])
            break
    elapsed = time.perf_counter() - start
    proc.stdin.close()
    proc.kill()
    proc.wait()
    return elapsed, n_tools


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        ws = Path(tmp) / "ws"
        ws.mkdir()
        ours = [sys.executable, "-m", "experiment_runner", "--root", str(ws), "serve"]
        base = [sys.executable, str(minimal)]
        time_once(ours, tmp), time_once(base, tmp)  # warm the OS file cache for both
        a, b = [], []
        for i in range(args.runs):
            (ta, na), (tb, nb) = time_once(ours, tmp), time_once(base, tmp)
            a.append(ta)
            b.append(tb)
            print(f"run {i + 1}: experiment-runner {ta:.3f} s ({na} tools)   minimal MCPServer {tb:.3f} s ({nb} tool)")
    ma, mb = statistics.median(a), statistics.median(b)
    print(
        f"\nmedian: experiment-runner {ma:.3f} s, minimal one-tool MCPServer {mb:.3f} s, ratio {ma / mb:.2f}x "
        "(target <= 1.2x)"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
