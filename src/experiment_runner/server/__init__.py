"""The MCP adapter: builds the MCPServer from the tool specs, resources and prompts. Nothing imports it."""

from experiment_runner.server.app import build_server

__all__ = ["build_server"]
