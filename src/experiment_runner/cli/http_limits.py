"""Limits of the HTTP transport, so that slow or greedy clients cannot hold the server: a whole request (headers and
body) must arrive within `request_timeout_s` of the connection opening or the previous response ending; an idle
keep-alive connection closes after `idle_timeout_s`; a body is at most `max_body_bytes`; at most `max_sessions`
MCP sessions are open at once (each closed after `session_idle_timeout_s` without a request) and at most
`max_connections` connections are served at once (503 beyond).

uvicorn times out idle keep-alive connections but not a request that is still arriving: a client that sends its
headers (or its body) a byte at a time would hold a connection forever. `guarded_h11` adds that deadline to
uvicorn's h11 protocol; it only watches the client's side, so a long response (a tool's progress stream, the
GET stream of server messages) is never cut."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

log = logging.getLogger("experiment_runner.serve")


@dataclass(frozen=True)
class HttpLimits:
    request_timeout_s: float = 30.0
    idle_timeout_s: float = 5.0
    max_body_bytes: int = 4 << 20
    max_sessions: int = 32
    session_idle_timeout_s: float = 1800.0
    max_connections: int = 64


def guarded_h11(request_timeout_s: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with a deadline on receiving each whole request."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()  # the next request on this connection gets its own deadline

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(request_timeout_s, self._deadline_passed)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _deadline_passed(self) -> None:
            self._deadline = None
            if self.transport.is_closing() or self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
                return  # the request arrived whole: its response may take as long as it needs
            log.info(
                "closing a connection from %s: its request did not arrive within %g s (--request-timeout)",
                self.client,
                request_timeout_s,
            )
            if self.cycle is not None and not self.cycle.response_complete:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()

    return GuardedH11Protocol
