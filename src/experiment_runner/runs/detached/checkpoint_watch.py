"""The supervisor's look at its run's checkpoint folder every checkpoints.check_s: disk use (recorded in
checkpoints.json for status), the keep-last/keep-best policy (each deletion recorded there with its reason), and
the 'disk_filling' health signal before the folder's disk runs out."""

from __future__ import annotations

import bisect
import math
import time
from collections import deque
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import checkpoints, records
from experiment_runner.runs.model import HealthSignal
from experiment_runner.workspace.config import CheckpointConfig

GIB = 1 << 30
GROWTH_WINDOW_S = 1800.0  # checkpoint growth is judged over the last half hour
HORIZON_S = 3600.0  # warn when the disk would fill within this at the current growth
MAX_DELETIONS_KEPT = 200


class CheckpointWatch:
    def __init__(self, run_dir: Path, ckpt_dir: Path, policy: CheckpointConfig):
        self.run_dir = run_dir
        self.dir = ckpt_dir
        self.policy = policy
        best = checkpoints.parse_keep_best(policy.keep_best_by)
        self.best_name: str | None = best[0] if best else None
        goal = best[1] if best else None
        if self.best_name is not None and goal is None:
            from experiment_runner.metrics import vocabulary

            goal = vocabulary.direction(self.best_name)
        self.goal = goal
        self.history: list[tuple[float, float]] = []  # (time, value) of the keep-best metric
        self.samples: deque[tuple[float, int]] = deque()  # (time, bytes in the folder)
        self.deleted: list[dict] = []
        self.signal: HealthSignal | None = None
        self._written: dict | None = None

    def observe(self, recs: list[dict], now: float) -> None:
        """The keep-best metric's values as they are logged (a checkpoint is judged by the latest before it)."""
        name = self.best_name
        for r in recs:
            v = r.get(name)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                self.history.append((float(r["time"]) if isinstance(r.get("time"), float) else now, float(v)))

    def value_at(self, when: float) -> float | None:
        i = bisect.bisect_right(self.history, (when, float("inf")))
        return self.history[i - 1][1] if i else None

    def look(self, now: float | None = None, *, settled: bool = False) -> HealthSignal | None:
        """`settled`: the run's command has exited, so nothing in the folder is still being written."""
        now = time.time() if now is None else now
        found = checkpoints.entries(self.dir)
        if self.policy.keep_last is not None and len(found) > self.policy.keep_last:
            self._prune(found, now, 0.0 if settled else checkpoints.SETTLE_S)
            found = checkpoints.entries(self.dir)
        used, files = checkpoints.usage(self.dir)
        free = checkpoints.free_bytes(self.dir)
        self.samples.append((now, used))
        while self.samples and now - self.samples[0][0] > GROWTH_WINDOW_S:
            self.samples.popleft()
        newest = found[0] if found else None
        self.signal = self._disk_signal(free, newest.bytes if newest else 0, now)
        record = {
            "folder": str(self.dir),
            "bytes": used,
            "files": files,
            "checkpoints": len(found),
            "newest": newest.name if newest else None,
            "newest_bytes": newest.bytes if newest else None,
            "free_bytes": free,
            "policy": self.policy.model_dump(mode="json", exclude={"check_s"}),
            "deleted": self.deleted[-MAX_DELETIONS_KEPT:],
        }
        if record != self._written:
            atomic_write_json(self.run_dir / records.CHECKPOINTS, {**record, "checked_at": records.utc_now()})
            self._written = record
        return self.signal

    def _prune(self, found: list[checkpoints.Entry], now: float, settle_s: float) -> None:
        doomed = checkpoints.to_delete(
            found,
            self.policy.keep_last or len(found),
            value_at=self.value_at if self.best_name else None,
            goal=self.goal,
            keep_best=self.policy.keep_best,
            now=now,
            settle_s=settle_s,
        )
        for entry, why in doomed:
            said = why
            try:
                checkpoints.remove(entry)
            except OSError as e:
                said = f"not deleted ({e}); it was {why}"
            self.deleted.append({"name": entry.name, "bytes": entry.bytes, "why": said, "at": records.utc_now()})

    def _disk_signal(self, free: int | None, newest: int, now: float) -> HealthSignal | None:
        if free is None:
            return None
        rate = 0.0
        if len(self.samples) >= 2 and self.samples[-1][0] > self.samples[0][0]:
            rate = max(0.0, (self.samples[-1][1] - self.samples[0][1]) / (self.samples[-1][0] - self.samples[0][0]))
        floor = self.policy.min_free_gb * GIB
        reasons = []
        if free < floor:
            reasons.append(f"less than checkpoints.min_free_gb = {self.policy.min_free_gb:g} GiB")
        if newest and free < 2 * newest:
            reasons.append(f"room for fewer than two more checkpoints of {newest / GIB:.2f} GiB")
        if rate > 0 and free / rate < HORIZON_S:
            reasons.append(f"it fills in about {free / rate / 60:.0f} min at the checkpoints' {rate / 2**20:.1f} MiB/s")
        if not reasons:
            return None
        critical = bool(newest) and free < newest
        return HealthSignal(
            code="disk_filling",
            severity="critical" if critical else "warning",
            message=f"{free / GIB:.2f} GiB free on the disk of {self.dir}: "
            + "; ".join(reasons)
            + (" (the next checkpoint will not fit)" if critical else ""),
            value=float(free),
            since=self.signal.since if self.signal is not None else now,
        )
