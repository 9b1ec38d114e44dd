"""Machine slots for local runs: how many go at once (CPU slots) and which GPUs each gets, kept as fcntl locks in
`<store>/.slots/`. A running run's supervisor holds its slot locks (inherited from the launcher that took them),
so the kernel frees a slot the moment that process ends, however it ends; nothing has to be up to notice.

Launchers waiting for a slot are served in launch order: each holds a ticket (`waiting/<launch time>-<id>`)
only while it is ready to start a run, and only the oldest live ticket may take slots. Taking a CPU slot and
the GPUs happens under `queue.lock`, all or nothing."""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from experiment_runner.runs import procs
from experiment_runner.workspace import confine


@dataclass
class Grant:
    slot: int
    gpus: list[int]
    fds: list[int] = field(default_factory=list)

    def close(self) -> None:
        for fd in self.fds:
            try:
                os.close(fd)
            except OSError:
                pass
        self.fds = []


def _try_lock(path: Path) -> int | None:
    fd = confine.open_fd(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        os.close(fd)
        return None
    return fd


class SlotPool:
    def __init__(self, store_root: Path, cpu_slots: int):
        self.dir = Path(store_root) / ".slots"
        self.cpu_slots = max(1, int(cpu_slots))
        confine.mkdir(self.dir / "waiting")

    @contextmanager
    def _queue_lock(self):
        fd = confine.open_fd(self.dir / "queue.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    # --- tickets --------------------------------------------------------------------------------------------

    def ticket_path(self, created_ns: int, launch_id: str) -> Path:
        return self.dir / "waiting" / f"{created_ns:020d}-{launch_id}.json"

    def hold_ticket(self, created_ns: int, launch_id: str) -> None:
        path = self.ticket_path(created_ns, launch_id)
        if confine.exists(path):
            return
        ident = procs.identity(os.getpid())
        data = {"pid": os.getpid(), "ticks": ident[0] if ident else None, "boot_id": procs.boot_id()}
        confine.atomic_write(path, json.dumps(data).encode())

    def drop_ticket(self, created_ns: int, launch_id: str) -> None:
        confine.unlink(self.ticket_path(created_ns, launch_id), missing_ok=True)

    def _first_live_ticket(self) -> str | None:
        for name in sorted(confine.listdir(self.dir / "waiting")):
            if not name.endswith(".json"):
                continue
            path = self.dir / "waiting" / name
            try:
                data = json.loads(confine.read_bytes(path))
            except (OSError, ValueError):
                continue  # being written
            if procs.check(data.get("pid"), data.get("ticks"), data.get("boot_id")) == "alive":
                return name
            confine.unlink(path, missing_ok=True)  # its launcher is gone: the ticket must not block the queue
        return None

    # --- slots ----------------------------------------------------------------------------------------------

    def try_acquire(self, created_ns: int, launch_id: str, gpus_needed: int, gpu_pool: list[int]) -> Grant | None:
        """Take a CPU slot and `gpus_needed` GPUs from `gpu_pool` if it is this launch's turn and they are free."""
        self.hold_ticket(created_ns, launch_id)
        mine = self.ticket_path(created_ns, launch_id).name
        with self._queue_lock():
            if self._first_live_ticket() != mine:
                return None
            grant = None
            for i in range(self.cpu_slots):
                fd = _try_lock(self.dir / f"cpu-{i}.lock")
                if fd is not None:
                    grant = Grant(slot=i, gpus=[], fds=[fd])
                    break
            if grant is None:
                return None
            for g in gpu_pool:
                if len(grant.gpus) >= gpus_needed:
                    break
                fd = _try_lock(self.dir / f"gpu-{g}.lock")
                if fd is not None:
                    grant.gpus.append(g)
                    grant.fds.append(fd)
            if len(grant.gpus) < gpus_needed:
                grant.close()
                return None
            self.drop_ticket(created_ns, launch_id)
            return grant

    def busy(self) -> dict[str, list[int]]:
        """Which slots and GPUs are held right now (for status displays and tests)."""
        out: dict[str, list[int]] = {"cpu": [], "gpu": []}
        for name in sorted(confine.listdir(self.dir)):
            kind, _, rest = name.partition("-")
            if kind not in ("cpu", "gpu") or not rest.endswith(".lock"):
                continue
            fd = _try_lock(self.dir / name)
            if fd is None:
                out[kind].append(int(rest[: -len(".lock")]))
            else:
                os.close(fd)
        return out
