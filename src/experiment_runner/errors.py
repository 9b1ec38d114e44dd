"""Errors a caller can fix. Tools raise these; the MCP adapter turns them into ToolError results and the CLI
into a message on stderr. Every message names the bad value and what would be valid."""


class UserError(Exception):
    """A problem with the caller's input or workspace that the caller can fix."""


class NotFound(UserError):
    """Something the caller named (an experiment, a run, a brief version) does not exist."""


class OutsideWorkspace(UserError):
    """A path resolves outside every workspace root."""


def did_you_mean(value: str, valid: list[str] | tuple[str, ...], limit: int = 8) -> str:
    """', valid ones: a, b, c' with close matches first, for messages naming what would be valid."""
    import difflib

    if not valid:
        return "there are none yet"
    close = difflib.get_close_matches(value, list(valid), n=3, cutoff=0.6)
    rest = [v for v in sorted(valid) if v not in close]
    shown = close + rest[: max(0, limit - len(close))]
    more = len(valid) - len(shown)
    text = ", ".join(shown) + (f" (and {more} more)" if more > 0 else "")
    return (f"did you mean {close[0]!r}? valid: " if close else "valid: ") + text
