"""Optuna's journal (the study's every change, one JSON line each) kept in the sweep's folder and written through
workspace/confine like every store file. Only the sweep's driver reads and writes it, so no lock is needed; a line
torn by a crash mid-append is dropped when the driver starts again (the change it held never happened)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from experiment_runner.workspace import confine


def journal_storage(path: Path) -> Any:
    """An optuna JournalStorage over `path` (optuna is imported here, never at server start)."""
    from optuna.storages.journal import BaseJournalBackend, JournalStorage

    class ConfinedJournal(BaseJournalBackend):
        def __init__(self) -> None:
            self.logs = _load(path)

        def read_logs(self, log_number_from: int) -> list[dict[str, Any]]:
            return self.logs[log_number_from:]

        def append_logs(self, logs: list[dict[str, Any]]) -> None:
            data = "".join(json.dumps(entry, separators=(",", ":")) + "\n" for entry in logs).encode()
            with confine.open_file(path, "ab") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            self.logs.extend(logs)

    return JournalStorage(ConfinedJournal())


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        data = confine.read_bytes(path)
    except FileNotFoundError:
        return []
    *complete, torn = data.split(b"\n")
    if torn:
        confine.atomic_write(path, b"".join(line + b"\n" for line in complete))
    try:
        return [json.loads(line) for line in complete if line.strip()]
    except ValueError as e:
        raise ValueError(f"{path} holds a line that is not JSON ({e}); it was edited by hand or damaged") from None
