"""The environment a run trains in: the user's Python (config `python` in experiment-runner.yaml, else the
server's own), every distribution installed there, and what torch carries and loads at run time, all learned
by running probe/env_probe.py with that interpreter (stdin /dev/null, a time limit, an empty working folder);
GPUs through pynvml and the host (CPU, memory, OS) from this process.

The probe imports torch, which takes seconds, so its result is cached in memory and in
`<store>/.cache/environment.json`, keyed by the interpreter's path and mtime plus LD_LIBRARY_PATH/LD_PRELOAD,
and re-used while the fingerprint of its installed distributions (each site folder's mtime and its
*.dist-info / *.egg-info / *.pth names) is unchanged: launching six runs probes once."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from experiment_runner.repro.gpu import gpu_facts
from experiment_runner.repro.hashcache import store_lock
from experiment_runner.repro.manifest import EnvironmentRecord, HostRecord, ProbeStatus
from experiment_runner.workspace import confine

log = logging.getLogger("experiment_runner.repro")

PROBE_TIMEOUT_S = 120.0
PROBE_FILE = Path(__file__).resolve().parent.parent / "probe" / "env_probe.py"
MARKER = "EXPERIMENT_RUNNER_ENV_PROBE "
_KEY_VARS = ("LD_LIBRARY_PATH", "LD_PRELOAD")
_memo: dict[str, dict] = {}
_lock = threading.Lock()


def user_interpreter(ws) -> tuple[str, str, str | None]:
    """(interpreter path, where it came from, error or None). Relative paths are relative to the workspace root."""
    configured = ws.config.python
    if not configured:
        return sys.executable, "the server's own interpreter (no `python` in experiment-runner.yaml)", None
    source = "`python` in experiment-runner.yaml"
    if os.sep in configured or configured.startswith("."):
        p = Path(configured).expanduser()
        p = p if p.is_absolute() else ws.root / p
        if not p.exists():
            return str(p), source, f"interpreter {configured!r} ({source}) does not exist (looked at {p})"
        return str(p), source, None
    found = shutil.which(configured)
    if not found:
        return configured, source, f"interpreter {configured!r} ({source}) is not on PATH"
    return found, source, None


_PYTHON_NAME = re.compile(r"^(python|pypy)(\d+(\.\d+)?)?[dmu]*$")


def is_python_name(path: str) -> bool:
    return bool(_PYTHON_NAME.match(os.path.basename(path)))


def shebang_python(path: str, path_env: str | None) -> str | None:
    """The Python named in a script's `#!` line (how torchrun, accelerate and deepspeed start), or None."""
    try:
        with open(path, "rb") as f:
            first = f.readline(512)
    except OSError:
        return None
    if not first.startswith(b"#!"):
        return None
    words = first[2:].decode("utf-8", "replace").split()
    if not words:
        return None
    if os.path.basename(words[0]) == "env":
        words = [w for w in words[1:] if not w.startswith("-")]
        if not words or not is_python_name(words[0]):
            return None
        return shutil.which(words[0], path=path_env)
    return words[0] if is_python_name(words[0]) else None


def command_interpreter(
    ws, program: str | None, program_source: str, path_env: str | None
) -> tuple[str, str, str | None]:
    """The Python the command really runs: the program itself when it is a Python interpreter (the configured one for
    `python`/`python3`, as the launcher resolves it), the interpreter in its `#!` line when it is a Python script
    (torchrun, accelerate), else the workspace's user interpreter. (path, where it came from, error or None)."""
    if program and is_python_name(program):
        return program, f"the command's program ({program_source})", None
    if program:
        found = shebang_python(program, path_env)
        if found:
            return found, f"the `#!` line of the command's program {program}", None
    interpreter, source, error = user_interpreter(ws)
    if program:
        source += f"; the command's program {program} is not a Python interpreter"
    return interpreter, source, error


def site_fingerprint(site_dirs: list[str]) -> str:
    h = hashlib.sha256()
    for d in sorted(site_dirs):
        h.update(d.encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(str(os.stat(d).st_mtime_ns).encode())
            names = sorted(n for n in os.listdir(d) if n.endswith((".dist-info", ".egg-info", ".pth", ".egg-link")))
        except OSError:
            h.update(b"missing")
            continue
        for n in names:
            h.update(n.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def host_facts() -> HostRecord:
    host = HostRecord(
        hostname=socket.gethostname(),
        os=platform.platform(),
        kernel=platform.release(),
        machine=platform.machine(),
        cpu_count=os.cpu_count(),
    )
    try:
        host.cpu_affinity = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        pass
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.lower().startswith(("model name", "hardware", "cpu model")):
                    host.cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    host.cpu_model = host.cpu_model or platform.processor() or None
    try:
        import psutil

        host.memory_total_mb = round(psutil.virtual_memory().total / 2**20, 1)
    except Exception:  # noqa: BLE001 - psutil missing or unsupported platform: memory stays unknown
        pass
    return host


def _cache_file(ws) -> Path:
    return ws.store_root / ".cache" / "environment.json"


def _cache_key(interpreter: str, env: dict[str, str]) -> str:
    try:
        mtime = os.stat(interpreter).st_mtime_ns
    except OSError:
        mtime = 0
    extra = "|".join(f"{k}={env.get(k, '')}" for k in _KEY_VARS)
    return f"{interpreter}|{mtime}|{extra}"


def _lookup(ws, key: str) -> dict | None:
    with _lock:
        entry = _memo.get(key)
    if entry is None:
        try:
            entry = json.loads(confine.read_bytes(_cache_file(ws))).get(key)
        except (OSError, ValueError, AttributeError):
            entry = None
    if not entry or site_fingerprint(entry.get("site_dirs", [])) != entry.get("fingerprint"):
        return None
    with _lock:
        _memo[key] = entry
    return entry


def _store(ws, key: str, entry: dict) -> None:
    from experiment_runner.fsutil import atomic_write_json

    with _lock:
        _memo[key] = entry
    path = _cache_file(ws)
    try:
        data = json.loads(confine.read_bytes(path)) if confine.exists(path) else {}
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[key] = entry
    if len(data) > 20:  # keep the newest few interpreters
        data = dict(sorted(data.items(), key=lambda kv: kv[1].get("probed_at", 0))[-20:])
    try:
        atomic_write_json(path, data)
    except OSError as e:
        log.warning("environment cache not written: %s", e)


def run_probe(interpreter: str, env: dict[str, str], timeout: float) -> tuple[dict | None, str | None, ProbeStatus]:
    """(facts, error, status) from running the probe file with `interpreter`."""
    from experiment_runner.runs import childenv

    probe_env = childenv.strip_secrets(os.environ)  # the interpreter's site hooks run here: no server secret
    for k in _KEY_VARS + ("CUDA_VISIBLE_DEVICES",):
        if k in env:
            probe_env[k] = env[k]
    probe_env.pop("PYTHONSTARTUP", None)
    probe_env["PYTHONDONTWRITEBYTECODE"] = "1"
    probe_env["PYTHONSAFEPATH"] = "1"
    with tempfile.TemporaryDirectory(prefix="er-probe-") as cwd:
        try:
            # Own session, so a timeout kills everything the interpreter started (and frees our pipes).
            proc = subprocess.Popen(
                [interpreter, str(PROBE_FILE)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=cwd,
                env=probe_env,
                start_new_session=True,
            )
        except OSError as e:
            return None, f"cannot run interpreter {interpreter!r}: {e.strerror or e}", "failed"
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            return (
                None,
                f"the environment probe did not finish within {timeout:g} s (importing torch with {interpreter})",
                "timeout",
            )
    out = stdout.decode("utf-8", "replace")
    line = next((ln for ln in reversed(out.splitlines()) if ln.startswith(MARKER)), None)
    if line is None:
        err = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return (
            None,
            f"the environment probe failed under {interpreter} (exit {proc.returncode}): " + " / ".join(err),
            "failed",
        )
    try:
        return json.loads(line[len(MARKER) :]), None, "ok"
    except ValueError as e:
        return None, f"the environment probe printed unreadable output: {e}", "failed"


def probe_environment(
    ws,
    env: dict[str, str] | None = None,
    *,
    timeout: float = PROBE_TIMEOUT_S,
    use_cache: bool = True,
    interpreter: tuple[str, str, str | None] | None = None,
) -> EnvironmentRecord:
    """Probe `interpreter` ((path, source, error) from command_interpreter), by default the workspace's user
    interpreter."""
    env = dict(os.environ if env is None else env)
    python, source, error = interpreter or user_interpreter(ws)
    record = EnvironmentRecord(
        interpreter=python,
        interpreter_source=source,
        probe_status="ok",
        gpu=gpu_facts(),
        host=host_facts(),
    )
    if error:
        record.probe_status, record.probe_error = "not_found", error
        return record
    key = _cache_key(python, env)
    entry = _lookup(ws, key) if use_cache else None
    if entry is None:
        # Supervisors of one launch capture at the same moment: one probes, the others wait and read its result.
        with store_lock(ws.store_root / ".cache" / "environment.lock", wait_s=timeout + 30):
            entry = _lookup(ws, key) if use_cache else None
            record.probe_cached = entry is not None
            if entry is None:
                t0 = time.monotonic()
                probed, err, status = run_probe(python, env, timeout)
                record.probe_seconds = round(time.monotonic() - t0, 3)
                if probed is None:
                    record.probe_status, record.probe_error = status, err
                    return record
                site_dirs = probed.get("python", {}).get("site_dirs", [])
                entry = {
                    "site_dirs": site_dirs,
                    "fingerprint": site_fingerprint(site_dirs),
                    "facts": probed,
                    "probed_at": time.time(),
                }
                _store(ws, key, entry)
    else:
        record.probe_cached = True
    facts = entry["facts"]
    record.python = facts.get("python", {})
    record.distributions = facts.get("distributions", [])
    record.torch = facts.get("torch", {})
    return record
