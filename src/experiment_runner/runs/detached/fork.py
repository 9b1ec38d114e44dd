"""Leaving the caller behind: a detached process (launcher, sweep driver) forks, and the child starts its own session
so that it outlives the server; the parent waits only until the child says it has recorded itself."""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Callable

#: How long the parent waits for the child's word that it has recorded itself.
READY_TIMEOUT_S = 60


def detach(body: Callable[[int], int]) -> int:
    """Fork. The child, in a new session, runs body(ready_fd) and exits with its code; body writes b"1" to ready_fd
    (and closes it) once it is on record. The parent returns 0 when that came within READY_TIMEOUT_S, else 1."""
    r, w = os.pipe()
    pid = os.fork()
    if pid > 0:
        os.close(w)
        ok = b""
        readable, _, _ = select.select([r], [], [], READY_TIMEOUT_S)
        if readable:
            ok = os.read(r, 1)
        os.close(r)
        os.waitpid(pid, os.WNOHANG)
        return 0 if ok == b"1" else 1
    os.close(r)
    os.setsid()
    code = 1
    try:
        code = body(w)
    finally:
        sys.stderr.flush()
        os._exit(code)
