"""Running git on a repository we do not trust. Reading a repository must run none of its programs, so:

- the repository is located by us, not by git: discovery stops at the workspace boundary, and a `.git` file
  (gitdir: ...), a `.git` symlink or a `commondir` that leads outside the workspace is refused;
- git gets GIT_DIR and GIT_WORK_TREE explicitly, a scrubbed environment (no GIT_* from the caller, no system
  config or attributes, no prompts, no optional index writes, no lazy fetches, no replace refs);
- every call overrides what could start a program: hooks, fsmonitor, pager, external diff, transports,
  credential helpers, auto-gc, and every filter/diff driver the configuration names (clean, smudge, process,
  textconv, command);
- only plumbing that never hashes work-tree files through git is used (we hash them ourselves), so a clean
  filter has no occasion to run even if an override were missed; `log` is never used (log.showSignature runs gpg);
- user-supplied values that look like flags are rejected, and paths are passed after `--` or on stdin with -z.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from experiment_runner.errors import OutsideWorkspace, UserError
from experiment_runner.workspace import confine

GIT_TIMEOUT_S = 120

# Settings that could make a read-only git call start a program or write to the repository.
_BASE_OVERRIDES = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.untrackedCache=false",
    "core.splitIndex=false",
    "core.sshCommand=false",
    "core.askPass=",
    "diff.external=",
    "credential.helper=",
    "protocol.allow=never",
    "gc.auto=0",
    "maintenance.auto=false",
    "log.showSignature=false",
    "gpg.program=false",
    "fetch.recurseSubmodules=false",
    "submodule.recurse=false",
)

_DRIVER_KEY = re.compile(r"^(filter|diff|merge)\.(.+)\.(clean|smudge|process|textconv|command|driver)$", re.IGNORECASE)


def reject_flag_like(value: str, what: str) -> str:
    """A value that starts with '-' would be read as an option by the programs it is passed to."""
    if str(value).startswith("-"):
        raise UserError(
            f"{what} {value!r} starts with '-', so it would be read as a command-line option; "
            f"refused. If it really is a name, write it as './{value}'"
        )
    return value


class GitError(Exception):
    pass


@dataclass
class Repo:
    """A located repository: its work tree (top) and git directory, both checked to be inside the workspace."""

    top: Path
    gitdir: Path
    overrides: list[str] = field(default_factory=list)
    config: dict[str, str] = field(default_factory=dict)

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        from experiment_runner.runs import childenv

        env = {k: v for k, v in childenv.strip_secrets(os.environ).items() if not k.startswith("GIT_")}
        env.update(
            GIT_DIR=str(self.gitdir),
            GIT_WORK_TREE=str(self.top),
            GIT_CONFIG_NOSYSTEM="1",
            GIT_ATTR_NOSYSTEM="1",
            GIT_TERMINAL_PROMPT="0",
            GIT_OPTIONAL_LOCKS="0",
            GIT_NO_REPLACE_OBJECTS="1",
            GIT_NO_LAZY_FETCH="1",
            GIT_PAGER="cat",
            PAGER="cat",
            LC_ALL="C",
        )
        env.pop("GIT_EXTERNAL_DIFF", None)
        if extra:
            env.update(extra)
        return env

    def run(
        self,
        args: list[str],
        *,
        paths: list[str] | None = None,
        input: bytes | None = None,
        extra_env: dict[str, str] | None = None,
        ok_codes: tuple[int, ...] = (0,),
    ) -> subprocess.CompletedProcess:
        argv = ["git", "--no-pager", "--no-replace-objects", "--literal-pathspecs"]
        for o in (*_BASE_OVERRIDES, *self.overrides):
            argv += ["-c", o]
        argv += args
        if paths is not None:
            argv.append("--")
            argv += [reject_flag_like(p, "path") for p in paths]
        try:
            proc = subprocess.run(
                argv,
                cwd=self.top,
                env=self.env(extra_env),
                input=input,
                stdin=None if input is not None else subprocess.DEVNULL,
                capture_output=True,
                timeout=GIT_TIMEOUT_S,
                check=False,
            )
        except FileNotFoundError:
            raise GitError("git is not installed (no 'git' on PATH)") from None
        except subprocess.TimeoutExpired:
            raise GitError(f"git {args[0]} took longer than {GIT_TIMEOUT_S} s") from None
        if proc.returncode not in ok_codes:
            msg = proc.stderr.decode("utf-8", "replace").strip()
            raise GitError(f"git {' '.join(args[:3])} failed ({proc.returncode}): {msg}")
        return proc


def _read_gitfile(dotgit: Path) -> Path:
    text = confine.read_bytes(dotgit)[:4096].decode("utf-8", "replace")
    m = re.match(r"gitdir:\s*(.+?)\s*$", text.splitlines()[0] if text else "")
    if not m:
        raise GitError(f"{dotgit} is a file but not a 'gitdir: <path>' link")
    p = Path(m.group(1))
    return p if p.is_absolute() else dotgit.parent / p


def locate(ws, project_dir: Path) -> tuple[Repo | None, str | None]:
    """(repo, None), or (None, why it is not a repository we may read). Raises OutsideWorkspace for a
    repository whose git directory leads outside the workspace."""
    d = Path(project_dir)
    while ws.contains(d):
        dotgit = d / ".git"
        if os.path.lexists(dotgit):
            return _checked(ws, d, dotgit), None
        if d.parent == d:
            break
        d = d.parent
    above = next((p for p in [d, *d.parents] if not ws.contains(p) and os.path.lexists(p / ".git")), None)
    if above is not None:
        return None, (
            f"the nearest repository is {above}, above the workspace root {ws.root}; it is not read "
            "(file access stays inside the workspace)"
        )
    return None, None


def _checked(ws, top: Path, dotgit: Path) -> Repo:
    def inside(p: Path, what: str) -> Path:
        real = Path(os.path.realpath(p))
        if not ws.contains(real):
            raise OutsideWorkspace(
                f"{what} {dotgit} leads to {real}, outside the workspace {ws.root}: refused, because git would read "
                "that repository's configuration (its hooks and filters). Clone the repository inside the workspace"
            )
        return real

    if dotgit.is_symlink():
        gitdir = inside(dotgit, "the .git symlink")
    elif dotgit.is_file():
        gitdir = inside(_read_gitfile(dotgit), "the .git file (gitdir: ...) at")
    else:
        gitdir = inside(dotgit, "the .git folder")
    if not gitdir.is_dir():
        raise GitError(f"{dotgit} points to {gitdir}, which is not a folder")
    commondir = gitdir / "commondir"
    if commondir.is_file():
        rel = confine.read_text(commondir, errors="replace").strip()
        target = Path(rel) if Path(rel).is_absolute() else gitdir / rel
        inside(target, "the commondir of")
    repo = Repo(top=Path(os.path.realpath(top)), gitdir=gitdir)
    repo.config = _read_config(repo)
    repo.overrides = _driver_overrides(repo.config)
    return repo


def _read_config(repo: Repo) -> dict[str, str]:
    """Every configured key (lower-cased) and its last value: reading config runs nothing."""
    proc = repo.run(["config", "--list", "-z"], ok_codes=(0, 1))
    out: dict[str, str] = {}
    for rec in proc.stdout.split(b"\0"):
        if not rec:
            continue
        key, _, value = rec.decode("utf-8", "replace").partition("\n")
        out[key.lower()] = value
    return out


def _driver_overrides(config: dict[str, str]) -> list[str]:
    """Blank every filter/diff/merge driver program the configuration names (defence in depth)."""
    names: set[tuple[str, str]] = set()
    for key in config:
        m = _DRIVER_KEY.match(key)
        if m:
            names.add((m.group(1).lower(), m.group(2)))
    out: list[str] = []
    for section, name in sorted(names):
        if "=" in name or "\n" in name:
            continue
        if section == "filter":
            out += [
                f"filter.{name}.clean=",
                f"filter.{name}.smudge=",
                f"filter.{name}.process=",
                f"filter.{name}.required=false",
            ]
        elif section == "diff":
            out += [f"diff.{name}.textconv=", f"diff.{name}.command="]
        else:
            out += [f"merge.{name}.driver="]
    return out
