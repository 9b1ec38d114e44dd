"""The code version: the commit, whether the work tree differs from it, and a patch that re-creates the exact
tree from the commit (`git apply` on a checkout of it), with untracked source files listed (small ones are
put in the patch too).

Work-tree files are hashed here, as git blobs, never by git: asking git to hash a work-tree file runs the
repository's clean filter. Files whose attributes name a filter are compared through what git would store
without running anything: Git LFS pointers are computed here; any other filter's files are listed as
unverified. CRLF normalisation (text/eol attributes, core.autocrlf) is applied here too. The patch is built
with a throw-away index and object folder (the repository's objects read as an alternate), so the user's
repository is never written to.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_mod
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from experiment_runner.errors import OutsideWorkspace
from experiment_runner.repro.gitsafe import GitError, Repo, locate
from experiment_runner.repro.hashcache import HashCache, now_ns
from experiment_runner.repro.manifest import CodeRecord, FileChange, Unverified

SOURCE_SUFFIXES = {
    ".py",
    ".pyi",
    ".pyx",
    ".pxd",
    ".ipynb",
    ".yaml",
    ".yml",
    ".json",
    ".toml",
    ".cfg",
    ".ini",
    ".conf",
    ".sh",
    ".bash",
    ".txt",
    ".c",
    ".cc",
    ".cpp",
    ".cu",
    ".cuh",
    ".h",
    ".hpp",
    ".jl",
    ".r",
    ".lua",
    ".sql",
    ".jsonnet",
}
SOURCE_NAMES = {"Makefile", "Dockerfile", "Containerfile", "Pipfile", "Snakefile", "MLproject", "dvc.yaml"}
UNTRACKED_IN_PATCH_MAX_BYTES = 1 << 20
UNTRACKED_IN_PATCH_MAX_FILES = 200
PATCH_MAX_BYTES = 32 << 20
LFS_POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {size}\n"


def is_source(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name in SOURCE_NAMES or os.path.splitext(name)[1].lower() in SOURCE_SUFFIXES


@dataclass
class _Entry:
    mode: str
    sha: str
    stage: int = 0


def _z_records(out: bytes) -> list[str]:
    return [r.decode("utf-8", "surrogateescape") for r in out.split(b"\0") if r]


class _Objects:
    """Git blob ids and loose objects, for the repository's object format."""

    def __init__(self, fmt: str):
        self.fmt = fmt if fmt in ("sha1", "sha256") else "sha1"
        self.new: dict[str, bytes] = {}

    def blob_id(self, data: bytes) -> str:
        h = hashlib.new(self.fmt, b"blob %d\0" % len(data))
        h.update(data)
        return h.hexdigest()

    def add(self, data: bytes) -> str:
        oid = self.blob_id(data)
        self.new[oid] = data
        return oid

    def write(self, objdir: Path) -> None:
        for oid, data in self.new.items():
            d = objdir / oid[:2]
            d.mkdir(parents=True, exist_ok=True)
            (d / oid[2:]).write_bytes(zlib.compress(b"blob %d\0" % len(data) + data, 1))


class _Inspector:
    def __init__(self, ws, repo: Repo, cache: HashCache):
        self.ws, self.repo, self.cache = ws, repo, cache
        self.top = repo.top
        self._dir_ok: dict[str, bool] = {}
        fmt = repo.run(["rev-parse", "--show-object-format"], ok_codes=(0, 128, 129)).stdout.decode().strip()
        self.objects = _Objects(fmt or "sha1")
        self.filemode = repo.config.get("core.filemode", "true").lower() not in ("false", "no", "off", "0")
        self.autocrlf = repo.config.get("core.autocrlf", "false").lower() in ("true", "input", "yes", "on", "1")

    # -- safe access to work-tree files ----------------------------------------------------------------

    def _parent_inside(self, rel: str) -> bool:
        """False when a leading folder of `rel` is a symlink (git then treats the file as gone) or leaves the
        workspace."""
        parent = rel.rsplit("/", 1)[0] if "/" in rel else ""
        if parent not in self._dir_ok:
            expected = os.path.normpath(self.top / parent) if parent else str(self.top)
            real = os.path.realpath(expected)
            self._dir_ok[parent] = real == expected and self.ws.contains(real)
        return self._dir_ok[parent]

    def _read(self, rel: str) -> bytes:
        from experiment_runner.workspace import confine

        return confine.read_bytes(self.top / rel)

    def worktree_blob(self, rel: str, st: os.stat_result) -> str:
        algo = f"git-blob-{self.objects.fmt}"
        real = str(self.top / rel)
        hit = self.cache.get(algo, real, st)
        if hit is not None:
            return hit
        started = now_ns()
        oid = self.objects.blob_id(self._read(rel))
        self.cache.put(algo, real, st, oid, started)
        return oid

    def attributes(self, paths: list[str]) -> dict[str, dict[str, str]]:
        if not paths:
            return {}
        data = b"".join(p.encode("utf-8", "surrogateescape") + b"\0" for p in paths)
        out = self.repo.run(["check-attr", "-z", "--stdin", "filter", "text", "eol"], input=data).stdout
        recs = _z_records(out)
        attrs: dict[str, dict[str, str]] = {}
        for i in range(0, len(recs) - 2, 3):
            attrs.setdefault(recs[i], {})[recs[i + 1]] = recs[i + 2]
        return attrs

    # -- the comparison ---------------------------------------------------------------------------------

    def run(self, rec: CodeRecord, store_root: Path) -> bytes | None:
        repo = self.repo
        head = repo.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"], ok_codes=(0, 1, 128)).stdout.decode().strip()
        sym = repo.run(["symbolic-ref", "-q", "HEAD"], ok_codes=(0, 1, 128)).stdout.decode().strip()
        rec.object_format = self.objects.fmt
        rec.branch = sym[len("refs/heads/") :] if sym.startswith("refs/heads/") else (sym or None)
        head_tree = None
        if head:
            rec.commit = head
            rec.detached = not sym
            head_tree = self._parse_commit(rec, head)
        else:
            rec.status = "no_commits"
            rec.reason = "the repository has no commit yet"

        index: dict[str, _Entry] = {}
        conflicts: set[str] = set()
        for r in _z_records(repo.run(["ls-files", "-s", "-z"]).stdout):
            meta, _, path = r.partition("\t")
            mode, sha, stage = meta.split()
            if int(stage):
                conflicts.add(path)
            else:
                index[path] = _Entry(mode, sha)
        head_entries: dict[str, _Entry] = {}
        if head:
            for r in _z_records(repo.run(["ls-tree", "-r", "-z", "--full-tree", head]).stdout):
                meta, _, path = r.partition("\t")
                mode, _type, sha = meta.split()
                head_entries[path] = _Entry(mode, sha)

        work: dict[str, _Entry] = {}
        candidates: list[str] = []
        for path, e in index.items():
            if e.mode == "160000":
                rec.submodules.append({"path": path, "commit": e.sha})
                work[path] = e
                continue
            got = self._worktree_entry(path, e)
            if got is None:
                continue  # deleted (or hidden behind a symlinked folder)
            if got == "candidate":
                candidates.append(path)
                work[path] = e
            else:
                work[path] = got
        for path in sorted(conflicts):
            full = self.top / path
            if self._parent_inside(path) and full.is_file() and not full.is_symlink():
                work[path] = _Entry(self._mode_of(full.lstat(), "100644"), self.objects.add(self._read(path)))

        attrs = self.attributes(candidates)
        for path in candidates:
            self._resolve_candidate(path, index[path], attrs.get(path, {}), work, rec)

        for path in sorted(set(head_entries) | set(work)):
            h, w = head_entries.get(path), work.get(path)
            idx = index.get(path)
            staged = ((idx.mode, idx.sha) if idx else None) != ((h.mode, h.sha) if h else None)
            if path in conflicts:
                rec.changes.append(FileChange(path=path, change="conflict", staged=False))
            elif h is None:
                rec.changes.append(FileChange(path=path, change="added", staged=staged))
            elif w is None:
                rec.changes.append(FileChange(path=path, change="deleted", staged=staged))
            elif h.sha != w.sha or h.mode != w.mode:
                kind = (
                    "typechange"
                    if (h.mode == "120000") != (w.mode == "120000")
                    else ("modified" if h.sha != w.sha else "mode")
                )
                rec.changes.append(FileChange(path=path, change=kind, staged=staged))
        rec.dirty = bool(rec.changes)

        include = self._untracked(rec, store_root)
        for path in include:
            full = self.top / path
            work[path] = _Entry(self._mode_of(full.lstat(), "100644"), self.objects.add(self._read(path)))
        rec.patch_includes_untracked = include
        if not rec.changes and not include:
            rec.worktree_tree = head_tree
            return None
        return self._patch(rec, head, work)

    def _mode_of(self, st: os.stat_result, default: str) -> str:
        if not self.filemode:
            return default
        return "100755" if st.st_mode & stat_mod.S_IXUSR else "100644"

    def _worktree_entry(self, path: str, e: _Entry):
        """The entry as the work tree has it now; None when gone; 'candidate' when the bytes differ."""
        if not self._parent_inside(path):
            return None
        try:
            st = os.lstat(self.top / path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        if e.mode == "120000":
            if not stat_mod.S_ISLNK(st.st_mode):
                return self._typechanged(path, st)
            return _Entry("120000", self.objects.add(os.readlink(os.fsencode(self.top / path))))
        if stat_mod.S_ISLNK(st.st_mode):
            return _Entry("120000", self.objects.add(os.readlink(os.fsencode(self.top / path))))
        if not stat_mod.S_ISREG(st.st_mode):
            return None
        mode = self._mode_of(st, e.mode)
        if self.worktree_blob(path, st) == e.sha:
            return _Entry(mode, e.sha)
        return "candidate"

    def _typechanged(self, path: str, st: os.stat_result):
        if stat_mod.S_ISREG(st.st_mode):
            return _Entry(self._mode_of(st, "100644"), self.objects.add(self._read(path)))
        return None

    def _resolve_candidate(self, path: str, e: _Entry, attrs: dict[str, str], work: dict, rec: CodeRecord) -> None:
        full = self.top / path
        data = self._read(path)
        mode = self._mode_of(full.lstat(), e.mode)
        filt = attrs.get("filter", "unspecified")
        if filt not in ("unspecified", "unset"):
            if filt == "lfs":
                pointer = LFS_POINTER.format(oid=hashlib.sha256(data).hexdigest(), size=len(data)).encode()
                oid = self.objects.blob_id(pointer)
                work[path] = _Entry(mode, e.sha if oid == e.sha else self.objects.add(pointer))
            else:
                rec.unverified.append(
                    Unverified(
                        path=path,
                        why=f"filter={filt} in .gitattributes: the repository's filter program is never run, so what "
                        "git would store for this file is unknown; compared as unchanged",
                    )
                )
                work[path] = _Entry(mode, e.sha)
            return
        text, eol = attrs.get("text", "unspecified"), attrs.get("eol", "unspecified")
        binary = b"\0" in data[:8000]
        normalise = text == "set" or (
            text != "unset" and not binary and (text == "auto" or eol != "unspecified" or self.autocrlf)
        )
        if normalise and b"\r\n" in data:
            data = data.replace(b"\r\n", b"\n")
        oid = self.objects.blob_id(data)
        work[path] = _Entry(mode, e.sha if oid == e.sha else self.objects.add(data))

    def _untracked(self, rec: CodeRecord, store_root: Path) -> list[str]:
        args = ["ls-files", "-z", "--others", "--exclude-standard"]
        store_rel = None
        if store_root.is_relative_to(self.top) and store_root != self.top:
            store_rel = store_root.relative_to(self.top).as_posix()
            args.append(f"--exclude=/{store_rel}/")
        include: list[str] = []
        for path in _z_records(self.repo.run(args).stdout):
            if store_rel and (path == store_rel or path.startswith(store_rel + "/")):
                continue
            if not is_source(path):
                rec.untracked_other += 1
                continue
            rec.untracked_source.append(path)
            full = self.top / path
            if len(include) >= UNTRACKED_IN_PATCH_MAX_FILES or not self._parent_inside(path):
                continue
            try:
                st = full.lstat()
            except OSError:
                continue
            if stat_mod.S_ISREG(st.st_mode) and st.st_size <= UNTRACKED_IN_PATCH_MAX_BYTES:
                include.append(path)
        return include

    def _parse_commit(self, rec: CodeRecord, commit: str) -> str | None:
        """The commit's tree; its time and subject go into `rec`."""
        raw = self.repo.run(["cat-file", "commit", commit]).stdout.decode("utf-8", "replace")
        header, _, message = raw.partition("\n\n")
        tree = None
        for line in header.splitlines():
            if line.startswith("tree "):
                tree = line[5:].strip()
            elif line.startswith("committer "):
                try:
                    _, ts, tz = line.rsplit(" ", 2)
                    sign = -1 if tz.startswith("-") else 1
                    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
                    rec.commit_time = datetime.fromtimestamp(int(ts), timezone(offset)).isoformat()
                except (ValueError, IndexError):
                    pass
        rec.commit_subject = (message.strip().splitlines() or [""])[0][:200] or None
        return tree

    def _patch(self, rec: CodeRecord, head: str, work: dict[str, _Entry]) -> bytes | None:
        repo = self.repo
        objects_dir = repo.run(["rev-parse", "--git-path", "objects"]).stdout.decode().strip()
        objects_dir = str((self.top / objects_dir).resolve()) if not os.path.isabs(objects_dir) else objects_dir
        with tempfile.TemporaryDirectory(prefix="er-patch-") as tmp:
            objdir = Path(tmp) / "objects"
            objdir.mkdir()
            self.objects.write(objdir)
            env = {
                "GIT_OBJECT_DIRECTORY": str(objdir),
                "GIT_ALTERNATE_OBJECT_DIRECTORIES": objects_dir,
                "GIT_INDEX_FILE": str(Path(tmp) / "index"),
            }
            info = b"".join(
                f"{e.mode} {e.sha}\t".encode() + p.encode("utf-8", "surrogateescape") + b"\0"
                for p, e in sorted(work.items())
            )
            repo.run(["update-index", "-z", "--index-info"], input=info, extra_env=env)
            tree = repo.run(["write-tree"], extra_env=env).stdout.decode().strip()
            rec.worktree_tree = tree
            base = head or repo.run(["mktree"], input=b"", extra_env=env).stdout.decode().strip()
            diff = [
                "diff-tree",
                "-r",
                "-p",
                "--full-index",
                "--no-ext-diff",
                "--no-textconv",
                "--no-color",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                "--no-renames",
            ]
            patch = repo.run([*diff, "--binary", base, tree], extra_env=env).stdout
            if len(patch) > PATCH_MAX_BYTES:
                patch = repo.run([*diff, base, tree], extra_env=env).stdout
                rec.patch_note = (
                    "binary file contents left out of the patch (it would exceed 32 MiB); text changes are complete"
                )
            if len(patch) > PATCH_MAX_BYTES:
                rec.patch_note = (
                    f"patch not saved: {len(patch) / 2**20:.0f} MiB exceeds the 32 MiB limit; commit the changes "
                    "instead"
                )
                return None
        rec.patch_sha256 = "sha256:" + hashlib.sha256(patch).hexdigest()
        rec.patch_bytes = len(patch)
        return patch


def inspect_code(ws, project_dir: Path) -> tuple[CodeRecord, bytes | None]:
    """The code record for the repository holding `project_dir`, and the dirty-tree patch (None when clean)."""
    t0 = time.monotonic()
    try:
        repo, why = locate(ws, project_dir)
    except OutsideWorkspace as e:
        return CodeRecord(status="refused", reason=str(e), seconds=round(time.monotonic() - t0, 4)), None
    except (GitError, OSError) as e:
        return CodeRecord(status="error", reason=str(e)), None
    if repo is None:
        return CodeRecord(status="not_a_repository", reason=why, seconds=round(time.monotonic() - t0, 4)), None
    rec = CodeRecord(status="ok", repo_root=ws.display(repo.top))
    patch = None
    try:
        with HashCache.for_workspace(ws) as cache:
            patch = _Inspector(ws, repo, cache).run(rec, ws.store_root)
    except GitError as e:
        rec.status, rec.reason = "error", str(e)
    except OSError as e:  # a tracked file that cannot be read: say which, keep the rest of the check
        rec.status, rec.reason = "error", f"cannot read {e.filename or 'a file'} in the work tree: {e.strerror or e}"
    rec.seconds = round(time.monotonic() - t0, 4)
    return rec, patch
