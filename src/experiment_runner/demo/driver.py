"""The demo's driver: starts `experiment-runner serve` as a child over stdio, connects the SDK's Client (the
handshake mode today's hosts use), and gives steps a small API to call tools and print what they found."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mcp import Client


class DemoFailed(Exception):
    def __init__(self, step: str, message: str):
        super().__init__(message)
        self.step = step


def examples_dir() -> Path:
    """The shipped examples: inside the wheel, or at the repository top in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_examples", here.parent.parent / "examples"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the examples folder is missing from this installation")


def create_workspace(dest: Path | None) -> Path:
    if dest is None:
        dest = Path.cwd() / time.strftime("er-demo-%Y%m%d-%H%M%S")
        n = 1
        while dest.exists():
            n += 1
            dest = Path.cwd() / time.strftime(f"er-demo-%Y%m%d-%H%M%S-{n}")
    dest = dest.resolve()
    if dest.exists() and any(dest.iterdir()):
        from experiment_runner.errors import UserError

        raise UserError(f"demo folder {dest} exists and is not empty; the demo never overwrites: pick a new --dir")
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(examples_dir(), dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


class Demo:
    def __init__(self, workspace: Path, stream=None):
        self.ws = workspace
        self.stream = stream or sys.stdout
        self.state: dict[str, Any] = {}
        self.written: list[str] = []
        self._client: Client | None = None
        self.step = ""

    # --- output -----------------------------------------------------------------------------
    def out(self, text: str = "") -> None:
        print(text, file=self.stream, flush=True)

    def section(self, number: int, title: str) -> None:
        self.out(f"\n== {number}. {title} ==")

    def say(self, text: str, indent: int = 2) -> None:
        for line in textwrap.wrap(text, 110, subsequent_indent=" " * 2) or [""]:
            self.out(" " * indent + line)

    def wrote(self, path: str, what: str) -> None:
        self.written.append(f"{path}  ({what})")

    # --- calls --------------------------------------------------------------------------------
    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("a step called a tool before Demo.drive connected the client")
        return self._client

    async def call(self, tool: str, args: dict[str, Any], *, progress: bool = False) -> dict[str, Any]:
        from experiment_runner.terminal import ProgressPrinter

        printer = ProgressPrinter(sys.stderr) if progress else None
        try:
            result = await self.client.call_tool(tool, args, progress_callback=printer.callback if printer else None)
        finally:
            if printer:
                printer.close()
        text = "\n".join(getattr(c, "text", "") for c in result.content)
        if result.is_error:
            raise DemoFailed(self.step, f"{tool} returned an error: {text}")
        return result.structured_content or json.loads(text)

    async def call_expecting_error(self, tool: str, args: dict[str, Any]) -> str:
        result = await self.client.call_tool(tool, args)
        text = "\n".join(getattr(c, "text", "") for c in result.content)
        if not result.is_error:
            raise DemoFailed(self.step, f"{tool} was expected to refuse but succeeded: {text[:300]}")
        return text

    async def drive(self, steps: list) -> None:
        from mcp import Client, StdioServerParameters

        params = StdioServerParameters(
            command=sys.executable,
            args=["-u", "-m", "experiment_runner", "--root", str(self.ws), "serve"],
            env=dict(os.environ),
            cwd=str(self.ws),
        )
        async with Client(params, mode="legacy") as client:
            self._client = client
            tools = [t.name for t in (await client.list_tools()).tools]
            self.out(f"server started over stdio with {len(tools)} tools: {', '.join(tools)}")
            for number, module in enumerate(steps, 1):
                self.step = module.TITLE
                self.section(number, module.TITLE)
                await module.run(self)
