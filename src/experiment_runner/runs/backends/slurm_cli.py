"""The Slurm commands experiment-runner uses (sbatch, scontrol, sacct, scancel), run as argument lists with
timeouts, and their output parsed. Errors say which command failed and why: not installed, or the controller did
not answer."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass

from experiment_runner.errors import UserError

TIMEOUT_S = 30.0
_PAIR = re.compile(r"(\w+)=(.*?)(?= \w+=|$)")
_UNREACHABLE = (
    "unable to contact slurm controller",
    "slurm_load_jobs error: unable to contact",
    "connection refused",
    "socket timed out",
    "communication connection failure",
    "zero bytes were transmitted",
)


class SlurmUnavailable(UserError):
    """Slurm commands are missing, or the controller does not answer."""


def _which(cmd: str) -> str:
    path = shutil.which(cmd)
    if path is None:
        raise SlurmUnavailable(
            f"the Slurm command {cmd!r} is not installed or not on PATH ({os.environ.get('PATH', '')}); install the "
            "Slurm client tools (Debian: slurm-client) on the machine that runs experiment-runner, or use backend "
            "'local'"
        )
    return path


def run(cmd: str, *args: str, check: bool = True, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess:
    argv = [_which(cmd), *args]
    try:
        proc = subprocess.run(
            argv, check=False, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise SlurmUnavailable(
            f"`{' '.join([cmd, *args])}` did not answer within {timeout:g} s: the Slurm controller is not responding "
            "(check `scontrol ping` and slurmctld on the controller host)"
        ) from None
    if check and proc.returncode != 0:
        err = (proc.stderr or proc.stdout).strip()
        if any(marker in err.lower() for marker in _UNREACHABLE):
            raise SlurmUnavailable(
                f"the Slurm controller does not answer (`{cmd}` said: {err}); check `scontrol ping`, that slurmctld "
                "runs, and that SLURM_CONF points at the right slurm.conf"
            )
        raise UserError(f"`{' '.join([cmd, *args])}` failed (exit {proc.returncode}): {err}")
    return proc


def sbatch(script: str, extra_args: list[str]) -> str:
    """Submit a job script (its text goes on stdin, never through a shell string); return the job id."""
    from experiment_runner.runs import childenv

    argv = [_which("sbatch"), "--parsable", *extra_args]
    # sbatch exports its own environment to the job (--export=ALL): the job, its supervisors and runs never get
    # the server's secrets.
    env = childenv.strip_secrets(os.environ)
    try:
        proc = subprocess.run(
            argv, input=script, check=False, capture_output=True, text=True, timeout=TIMEOUT_S, env=env
        )
    except subprocess.TimeoutExpired:
        raise SlurmUnavailable(
            f"sbatch did not answer within {TIMEOUT_S:g} s: the Slurm controller is not responding"
        ) from None
    if proc.returncode != 0:
        err = (proc.stderr or proc.stdout).strip()
        if any(marker in err.lower() for marker in _UNREACHABLE):
            raise SlurmUnavailable(f"the Slurm controller does not answer (sbatch said: {err}); check `scontrol ping`")
        raise UserError(f"sbatch refused the job: {err}")
    # --parsable prints "<jobid>" or "<jobid>;<cluster>"
    return proc.stdout.strip().split(";")[0]


def scancel(job_id: str, *, signal_name: str | None = None) -> str:
    args = ([f"--signal={signal_name}"] if signal_name else []) + [job_id]
    proc = run("scancel", *args, check=False)
    return (proc.stderr or proc.stdout).strip()


@dataclass
class JobInfo:
    job_id: str  # as recorded: "123" or "123_4"
    state: str  # Slurm JobState, e.g. PENDING RUNNING COMPLETED FAILED TIMEOUT CANCELLED OUT_OF_MEMORY
    reason: str | None
    exit_code: int | None
    exit_signal: int | None
    node: str | None
    time_limit: str | None
    source: str  # scontrol | sacct
    raw: dict


def parse_scontrol_line(line: str) -> dict[str, str]:
    return dict(_PAIR.findall(line.strip()))


def _task_in(spec: str, task: int) -> bool:
    """Is array task `task` in an ArrayTaskId spec like '2', '1-3', '0-9%2', '1,4-5'?"""
    spec = spec.split("%", maxsplit=1)[0]
    for part in spec.split(","):
        if "-" in part:
            lo, _, hi = part.partition("-")
            if lo.isdigit() and hi.isdigit() and int(lo) <= task <= int(hi):
                return True
        elif part.isdigit() and int(part) == task:
            return True
    return False


def _exit(value: str | None) -> tuple[int | None, int | None]:
    if not value or ":" not in value:
        return None, None
    code, _, sig = value.partition(":")
    try:
        return int(code), (int(sig) or None)
    except ValueError:
        return None, None


class JobTable:
    """Every job slurmctld knows (`scontrol show job -o`), read at most once per `ttl` seconds, so listing many
    runs costs one call. It holds nothing between calls that matters: the store stays the record."""

    def __init__(self, ttl: float = 2.0):
        self.ttl = ttl
        self._at = 0.0
        self._rows: list[dict[str, str]] = []

    def rows(self) -> list[dict[str, str]]:
        now = time.monotonic()
        if now - self._at > self.ttl:
            proc = run("scontrol", "show", "job", "-o")
            text = proc.stdout.strip()
            self._rows = (
                []
                if not text or text.startswith("No jobs")
                else [parse_scontrol_line(ln) for ln in text.splitlines() if ln.strip()]
            )
            self._at = now
        return self._rows

    def invalidate(self) -> None:
        self._at = 0.0

    def find(self, job_id: str) -> JobInfo | None:
        base, _, task = job_id.partition("_")
        for row in self.rows():
            if task:
                if row.get("ArrayJobId") != base:
                    continue
                if not _task_in(row.get("ArrayTaskId", ""), int(task)):
                    continue
            elif row.get("JobId") != base:
                continue
            return _info_from_scontrol(job_id, row)
        return None


def _info_from_scontrol(job_id: str, row: dict[str, str]) -> JobInfo:
    code, sig = _exit(row.get("ExitCode"))
    reason = row.get("Reason")
    return JobInfo(
        job_id=job_id,
        state=(row.get("JobState") or "UNKNOWN").split()[0],
        reason=None if reason in (None, "None") else reason,
        exit_code=code,
        exit_signal=sig,
        node=row.get("BatchHost") or row.get("NodeList") or None,
        time_limit=row.get("TimeLimit"),
        source="scontrol",
        raw=row,
    )


def sacct_info(job_id: str) -> JobInfo | None:
    """The accounting record of a job slurmctld has forgotten, when accounting is enabled; None otherwise."""
    if shutil.which("sacct") is None:
        return None
    proc = run(
        "sacct", "-n", "-P", "-X", "-j", job_id, "--format=JobID,State,ExitCode,Reason,NodeList,Timelimit", check=False
    )
    if proc.returncode != 0 or "accounting storage is disabled" in (proc.stderr + proc.stdout).lower():
        return None
    for line in proc.stdout.splitlines():
        parts = line.split("|")
        if len(parts) < 6 or parts[0] != job_id:
            continue
        code, sig = _exit(parts[2])
        return JobInfo(
            job_id=job_id,
            state=parts[1].split()[0],
            reason=parts[3] or None,
            exit_code=code,
            exit_signal=sig,
            node=parts[4] or None,
            time_limit=parts[5] or None,
            source="sacct",
            raw={"sacct": line},
        )
    return None
