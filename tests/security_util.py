"""An arena for path-escape tests: a workspace with a real experiment (brief, finished runs with logs, metrics and a
manifest), and an `outside` folder next to it holding crafted look-alikes (a run record whose pid is a live
process, a brief, logs, a results file) that all carry a canary string. A tool that reads outside shows the canary;
one that writes outside changes the outside tree's snapshot; one that acts on the crafted run signals the sleeper."""

from __future__ import annotations

import ctypes
import functools
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.runs_util import make_workspace

CANARY = "CANARY-7f3e91"
EVIL_RUN = "evil-s0-aaaaaa"
RUN_ID = "base-s0-000001"
RUN_ID_2 = "base-s1-000002"
RESULTS_CSV = "".join(
    f"{row}\n" for row in ("method,seed,status,acc", "base,0,completed,0.8", "base,1,completed,0.82",
                           "other,0,completed,0.7", "other,1,completed,0.71")
)  # fmt: skip
EVIL_CSV = f"method,seed,status,acc\n{CANARY},0,completed,0.5\n{CANARY},1,completed,0.6\n"
MODEL = "def build():\n    raise RuntimeError('no model here')\n"
TRAIN = "print('step 1 loss 0.5')\n"
BRIEF = {"goal": "learn whether base beats other", "metrics": {"primary": "acc"}}


@functools.cache
def real_manifest() -> dict:
    """One manifest made by the real capture (once per test process), for runs written by hand."""
    import tempfile

    from experiment_runner.repro import capture_manifest
    from experiment_runner.workspace import Workspace

    ws = make_workspace(Path(tempfile.mkdtemp(prefix="er-manifest-")), {"train.py": TRAIN})
    return capture_manifest(Workspace(ws), project_dir=".", argv=["python", "train.py"]).model_dump(mode="json")


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds").replace("+00:00", "Z")


def record_run(ws: Path, experiment: str, run_id: str, seed: int, *, pid: int | None = None, reason: str = "") -> Path:
    """A finished (or, with `pid`, running) run written by the run engine's own writers."""
    from experiment_runner.runs import metricsio, records
    from experiment_runner.runs.launch import create_run_dir
    from experiment_runner.runs.model import RunSpec, RunState
    from experiment_runner.workspace import Workspace

    now = datetime.now(UTC)
    spec = RunSpec(
        run_id=run_id,
        experiment=experiment,
        arm=run_id.split("-s", maxsplit=1)[0],
        seed=seed,
        argv=["python", "train.py"],
        cwd=str(ws),
        launch_id="l-test",
        exploratory=True,
        created_at=_iso(now),
    )
    if pid is None:
        state = RunState(
            state="completed", updated_at=_iso(now), started_at=_iso(now), ended_at=_iso(now + timedelta(seconds=5)),
            exit_code=0, reason=reason or None,
        )  # fmt: skip
    else:
        from experiment_runner.runs import procs

        ident = procs.identity(pid)
        state = RunState(
            state="running", updated_at=_iso(now), started_at=_iso(now), pid=pid, supervisor_pid=pid,
            pid_start_ticks=ident[0] if ident else None, supervisor_start_ticks=ident[0] if ident else None,
            boot_id=procs.boot_id(), reason=reason or None,
        )  # fmt: skip
    Workspace(ws)
    d = create_run_dir(ws / ".experiments" / experiment / "runs", spec, state)
    lines = [metricsio.encode_record({"step": i, "acc": 0.5 + i / 100}, "user", f"{time.time():.6f}") for i in range(5)]
    (d / records.METRICS).write_text("".join(line for line in lines if line))
    (d / "stdout.log").write_text(f"step 1 loss 0.5 {reason}\n")
    (d / "stderr.log").write_text(f"{reason}\n")
    manifest = real_manifest()
    manifest = {**manifest, "id": f"m-{run_id}", "command": {**manifest["command"], "argv": ["python", reason or "x"]}}
    (d / records.MANIFEST).write_text(json.dumps(manifest))
    return d


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root (links not followed) with its kind, size, mtime and content digest."""
    import hashlib

    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            digest = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not p.is_symlink() else ""
            out[str(p.relative_to(root))] = (st.st_mode, st.st_size, st.st_mtime_ns, digest)
    return out


@dataclass
class Arena:
    root: Path
    ws: Path = field(init=False)
    outside: Path = field(init=False)
    sleeper: subprocess.Popen = field(init=False)

    def __post_init__(self) -> None:
        self.ws = make_workspace(self.root / "ws", {"model.py": MODEL, "train.py": TRAIN, "results.csv": RESULTS_CSV})
        self.outside = self.root / "outside"
        self.sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        store = self.ws / ".experiments"
        record_run(self.ws, "e", RUN_ID, 0)
        record_run(self.ws, "e", RUN_ID_2, 1)
        # the crafted look-alikes, made by the same writers in a scratch workspace, then moved outside
        scratch = make_workspace(self.root / "scratch")
        record_run(scratch, "e", EVIL_RUN, 0, pid=self.sleeper.pid, reason=CANARY)
        record_run(scratch, "e", RUN_ID, 0, pid=self.sleeper.pid, reason=CANARY)
        self.outside.mkdir()
        shutil.move(scratch / ".experiments", self.outside / "store")
        evil_e = self.outside / "store" / "e"
        (evil_e / "brief").mkdir()
        brief = {"experiment": "e", "version": 1, "status": "draft", "created_at": "2030-01-01T00:00:00Z",
                 "content_hash": "sha256:0", "brief": {"goal": CANARY}}  # fmt: skip
        (evil_e / "brief" / "v001.json").write_text(json.dumps(brief))
        for name in ("sanity", "reports", "manifests", "launches"):
            (evil_e / name).mkdir()
        (self.outside / "results.csv").write_text(EVIL_CSV)
        (self.outside / "secret.txt").write_text(CANARY + "\n")
        (self.outside / "empty").mkdir()
        self.ws_store = store
        self.before = snapshot(self.outside)

    # --- links ---------------------------------------------------------------------------------------------

    def link(self, inside: str, target: Path) -> Path:
        """Replace `inside` (relative to the workspace; made if missing) by a symlink to `target`."""
        p = self.ws / inside
        if p.is_symlink() or p.is_file():
            p.unlink()
        elif p.is_dir():
            shutil.rmtree(p)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.symlink_to(target)
        return p

    # --- verdicts ------------------------------------------------------------------------------------------

    def outside_changes(self) -> list[str]:
        after = snapshot(self.outside)
        changed = sorted(k for k in set(self.before) | set(after) if self.before.get(k) != after.get(k))
        return changed

    def sleeper_alive(self) -> bool:
        return self.sleeper.poll() is None

    def close(self) -> None:
        if self.sleeper.poll() is None:
            self.sleeper.kill()
        self.sleeper.wait()


def exchange(a: Path, b: Path) -> None:
    """Swap two names atomically (Linux renameat2 RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, rename_exchange = -100, 2
    if libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(a))


@dataclass
class Tally:
    """Outcomes of the calls of one case: ok / refused (clean error) / internal (a crash the SDK hid)."""

    attempts: int = 0
    ok: int = 0
    refused: int = 0
    internal: list[str] = field(default_factory=list)
    canary: list[str] = field(default_factory=list)

    def add(self, label: str, is_error: bool, text: str, internal: bool) -> None:
        self.attempts += 1
        if internal:
            self.internal.append(label)
        elif is_error:
            self.refused += 1
        else:
            self.ok += 1
        if CANARY in text:
            self.canary.append(f"{label}: {text[:300]}")
