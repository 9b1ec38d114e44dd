"""Opening files by descriptor inside a workspace, so that neither a symbolic link nor a path swapped for a link
between a check and an open can lead outside it.

A path handed to this module must lie under a root registered with `register` (a workspace root: `Workspace`
registers its own). It is opened relative to a descriptor of that root, never by its string:
- with Linux openat2 and RESOLVE_BENEATH when the kernel has it (one call; the kernel refuses any step outside);
- otherwise, and to say exactly which link was refused, by a walk of one `openat` per component with O_NOFOLLOW,
  each link read and judged before it is taken.
Two policies:
- the store (`.experiments/` or wherever `store:` points) never follows a link, wherever it is: the store is the
  server's own and nothing in it is legitimately a link, while a cloned project could plant one;
- the rest of the workspace follows a link when where it leads stays inside the root (a project's
  `data -> ../shared/data` keeps working), and refuses one that leads out.
A process that writes one folder at high rates (a run's supervisor) `hold`s it: operations on names in a held
folder use its descriptor directly, with no walk. Refusals are `Refused`, a UserError naming the path and the link.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import platform
import secrets
import shutil
import stat as stat_mod
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from experiment_runner.errors import OutsideWorkspace

O_PATH = getattr(os, "O_PATH", os.O_RDONLY)
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | O_DIRECTORY
MAX_LINKS = 40  # the kernel's own limit on links followed while resolving one path

RESOLVE_NO_MAGICLINKS = 0x02
RESOLVE_NO_SYMLINKS = 0x04
RESOLVE_BENEATH = 0x08


class Refused(OutsideWorkspace):
    """A path that would leave its root (through a link, or a link inside the store)."""


# --- openat2 ---------------------------------------------------------------------------------------------------


class _OpenHow(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint64), ("mode", ctypes.c_uint64), ("resolve", ctypes.c_uint64)]


_SYS_OPENAT2 = {"x86_64": 437, "aarch64": 437, "arm64": 437, "riscv64": 437, "ppc64le": 437, "s390x": 437}


class _Openat2:
    """openat2(2) through libc's syscall(); `available` turns False for good at the first ENOSYS (an older kernel,
    a seccomp filter that says so); an EPERM sends that one call to the walk, which then says what refused it."""

    def __init__(self) -> None:
        self.available = False
        self._syscall: Any = None
        number = _SYS_OPENAT2.get(platform.machine().lower())
        if number is None or not hasattr(os, "O_PATH"):
            return
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            self._syscall = libc.syscall
        except (OSError, AttributeError):
            return
        self._syscall.restype = ctypes.c_long
        self._number = number
        self.available = True

    def __call__(self, dir_fd: int, rel: bytes, flags: int, mode: int, resolve: int) -> int:
        how = _OpenHow(flags, mode if flags & os.O_CREAT else 0, resolve)
        fd = self._syscall(
            ctypes.c_long(self._number),
            ctypes.c_int(dir_fd),
            ctypes.c_char_p(rel),
            ctypes.byref(how),
            ctypes.c_size_t(ctypes.sizeof(how)),
        )
        if fd < 0:
            err = ctypes.get_errno()
            if err == errno.ENOSYS:
                self.available = False
            raise OSError(err, os.strerror(err))
        return int(fd)


_openat2 = _Openat2()


# --- roots -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Root:
    real: str  # the root's real path: where its descriptor is opened
    stores: tuple[str, ...]  # paths relative to `real` under which no link is ever followed


_roots: dict[str, _Root] = {}  # by the root's path as registered (real and as given)
_held: dict[str, int] = {}  # directories a process holds open: path -> descriptor
_lock = threading.Lock()


def register(root: str | os.PathLike[str], store: str | os.PathLike[str] | None = None) -> None:
    """Make `root` a root (idempotent); `store`, inside it, is a zone where links are never followed."""
    given = os.path.abspath(os.fspath(root))
    real = os.path.realpath(given)
    with _lock:
        current = _roots.get(real)
        stores = set(current.stores) if current else set()
        if store is not None:
            s = os.path.realpath(os.fspath(store))
            if s == real:
                stores.add("")
            elif s.startswith(real + os.sep):
                stores.add(s[len(real) + 1 :])
        entry = _Root(real, tuple(sorted(stores)))
        _roots[real] = entry
        _roots[given] = entry


def _in_store(root: _Root, rel: str) -> bool:
    return any(not s or rel == s or rel.startswith(s + os.sep) for s in root.stores)


def register_launch(launch_file: str | os.PathLike[str]) -> None:
    """In a run engine process (launcher, supervisor), started with a launch file `<store>/<exp>/launches/<id>.json`:
    the store, inside the folder that holds it. Call before reading anything; the plan's workspace root may be
    registered once the plan is read."""
    store = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(os.fspath(launch_file)))))
    register(os.path.dirname(store), store)


@dataclass(frozen=True)
class Place:
    """Where a path lies: its root, the path relative to the root, and whether links may be followed there."""

    root: _Root
    rel: str
    follow: bool
    shown: str


def locate(path: str | os.PathLike[str]) -> Place:
    """The root a path lies under (the nearest registered), or Refused."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not text.startswith(os.sep):
        text = os.path.join(os.getcwd(), text)
    if "\x00" in text:
        raise Refused(f"path {text!r} contains a NUL character")
    key = text.rstrip(os.sep) or os.sep
    if "//" in key or "/./" in key or "/.." in key or key.endswith("/."):
        parts = [p for p in key.split(os.sep) if p and p != "."]
        if ".." in parts:
            raise Refused(f"path {text!r} has a '..' component; give the path it means (resolved) instead")
        key = os.sep + os.sep.join(parts)
    # Nearest registered ancestor: one dict look-up per folder level, from the path itself upwards.
    end = len(key)
    while end > 0:
        root = _roots.get(key[:end])
        if root is not None:
            rel = key[end + 1 :]
            return Place(root, rel, not _in_store(root, rel), text)
        end = key.rfind(os.sep, 0, end)
    root = _roots.get(os.sep)
    if root is not None:
        rel = key[1:]
        return Place(root, rel, not _in_store(root, rel), text)
    raise Refused(
        f"path {text!r} is not inside the workspace (in this process, no registered root holds it: a Workspace "
        "registers its root when made, confine.register any other)"
    )


# --- opening ---------------------------------------------------------------------------------------------------


def _is_link_error(e: OSError) -> bool:
    return e.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK, errno.EXDEV, errno.EAGAIN)


def _readlink(name: str, dir_fd: int) -> str | None:
    try:
        return os.readlink(name, dir_fd=dir_fd)
    except OSError:
        return None


def _walk(place: Place, root_fd: int, flags: int, mode: int) -> int:
    """Open `place` one component at a time below `root_fd`; links judged by the place's policy."""
    todo = [p for p in reversed(place.rel.split(os.sep)) if p]
    stack = [os.open(".", O_PATH | O_DIRECTORY | O_CLOEXEC, dir_fd=root_fd)]
    walked: list[str] = []
    hops = 0
    try:
        while todo:
            name = todo.pop()
            if name == ".":
                continue
            if name == "..":
                if len(stack) == 1:
                    raise Refused(f"path {place.shown!r} leads above the workspace root {place.root.real}")
                os.close(stack.pop())
                walked.pop()
                continue
            last = not todo
            want = (flags | O_NOFOLLOW) if last else (O_PATH | O_DIRECTORY | O_NOFOLLOW)
            try:
                fd = os.open(name, want | O_CLOEXEC, mode, dir_fd=stack[-1])
                if last and flags & O_PATH and stat_mod.S_ISLNK(os.fstat(fd).st_mode):
                    os.close(fd)
                    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
            except OSError as e:
                if not _is_link_error(e):
                    raise
                target = _readlink(name, stack[-1])
                if target is None:
                    raise
                here_rel = os.sep.join([*walked, name])
                here = os.path.join(place.root.real, here_rel)
                if not place.follow or _in_store(place.root, here_rel):
                    raise Refused(
                        f"{here} is a symbolic link (to {target}); the experiment store never follows links. "
                        "Remove the link, or move the real folder into its place"
                    ) from None
                hops += 1
                if hops > MAX_LINKS:
                    raise OSError(errno.ELOOP, f"too many levels of symbolic links in {place.shown}") from None
                if os.path.isabs(target):
                    real = place.root.real
                    if target != real and not target.startswith(real.rstrip(os.sep) + os.sep):
                        raise Refused(
                            f"{here} is a link to {target}, outside the workspace {real}; "
                            "only links that stay inside the workspace are followed"
                        ) from None
                    while len(stack) > 1:
                        os.close(stack.pop())
                    walked.clear()
                    target = target[len(real) :]
                todo.extend(p for p in reversed(target.split(os.sep)) if p)
                if not todo:
                    todo.append(".")
                continue
            if last:
                return fd
            stack.append(fd)
            walked.append(name)
        return os.open(".", flags | O_CLOEXEC, mode, dir_fd=stack[-1])
    finally:
        for fd in stack:
            os.close(fd)


def _open_root(place: Place) -> int:
    return os.open(place.root.real, O_PATH | O_DIRECTORY | O_CLOEXEC)


def _open_place(place: Place, flags: int, mode: int) -> int:
    root_fd = _open_root(place)
    try:
        if _openat2.available and place.rel:
            resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | (0 if place.follow else RESOLVE_NO_SYMLINKS)
            want = flags | O_CLOEXEC | (0 if place.follow else O_NOFOLLOW)
            try:
                fd = _openat2(root_fd, os.fsencode(place.rel), want, mode, resolve)
            except OSError as e:
                if not (_is_link_error(e) or e.errno in (errno.ENOSYS, errno.EPERM, errno.EINVAL)):
                    raise OSError(e.errno, e.strerror, place.shown) from None
            else:
                if not (flags & O_PATH and not place.follow and stat_mod.S_ISLNK(os.fstat(fd).st_mode)):
                    return fd
                os.close(fd)
        try:
            return _walk(place, root_fd, flags, mode)
        except Refused:
            raise
        except OSError as e:
            raise OSError(e.errno, e.strerror, place.shown) from None
    finally:
        os.close(root_fd)


def open_fd(path: str | os.PathLike[str], flags: int = os.O_RDONLY, mode: int = 0o644) -> int:
    """A descriptor for `path` (O_CLOEXEC added), opened inside its root."""
    text = os.fspath(path)
    parent, name = os.path.split(text)
    held = _held.get(parent)
    if held is not None and name not in ("", ".", ".."):
        try:
            return os.open(name, flags | O_NOFOLLOW | O_CLOEXEC, mode, dir_fd=held)
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise Refused(f"{text} is a symbolic link; the experiment store never follows links") from None
            raise OSError(e.errno, e.strerror, text) from None
    return _open_place(locate(text), flags, mode)


def open_file(path: str | os.PathLike[str], mode: str = "rb", *, perm: int = 0o644, buffering: int = -1) -> IO[Any]:
    """Like open() for the modes the server uses: r, rb, w, wb, a, ab, r+b (confined)."""
    flags = {
        "r": os.O_RDONLY,
        "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
        "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
        "r+": os.O_RDWR,
    }[mode.replace("b", "").replace("t", "")]
    fd = open_fd(path, flags, perm)
    try:
        if "b" in mode:
            return os.fdopen(fd, mode, buffering=buffering)
        return os.fdopen(fd, mode, buffering=buffering, encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    fd = open_fd(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], errors: str = "strict") -> str:
    return read_bytes(path).decode("utf-8", errors)


def stat(path: str | os.PathLike[str]) -> os.stat_result:
    """The stat of what `path` names (a link in the workspace is followed inside it; in the store: Refused)."""
    fd = open_fd(path, O_PATH)
    try:
        return os.fstat(fd)
    finally:
        os.close(fd)


def _kind(path: str | os.PathLike[str], test) -> bool:
    try:
        return test(stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def exists(path: str | os.PathLike[str]) -> bool:
    return _kind(path, lambda m: True)


def is_file(path: str | os.PathLike[str]) -> bool:
    return _kind(path, stat_mod.S_ISREG)


def is_dir(path: str | os.PathLike[str]) -> bool:
    return _kind(path, stat_mod.S_ISDIR)


@contextlib.contextmanager
def parent_dir(path: str | os.PathLike[str], *, create: bool = False) -> Iterator[tuple[int, str]]:
    """(descriptor of the folder that holds `path`, the final name); the folder is created when asked."""
    text = os.fspath(path)
    parent, name = os.path.split(text)
    if name in ("", ".", ".."):
        raise Refused(f"path {text!r} does not end in a file name")
    held = _held.get(parent)
    if held is not None:
        yield held, name
        return
    fd = makedirs(parent) if create else open_fd(parent, _DIR_FLAGS)
    try:
        yield fd, name
    finally:
        os.close(fd)


def makedirs(path: str | os.PathLike[str], mode: int = 0o755) -> int:
    """Create the folder and any missing parents inside its root; return a descriptor of it (caller closes)."""
    text = os.fspath(path)
    try:
        return open_fd(text, _DIR_FLAGS)
    except FileNotFoundError:
        pass
    with parent_dir(text, create=True) as (pfd, name):
        try:
            os.mkdir(name, mode, dir_fd=pfd)
        except FileExistsError:
            pass
    return open_fd(text, _DIR_FLAGS)


def mkdir(path: str | os.PathLike[str], mode: int = 0o755, *, parents: bool = True, exist_ok: bool = True) -> None:
    if parents:
        with parent_dir(path, create=True) as (pfd, name):
            try:
                os.mkdir(name, mode, dir_fd=pfd)
            except FileExistsError:
                if not exist_ok:
                    raise
        if exist_ok and not is_dir(path):
            raise FileExistsError(errno.EEXIST, "exists and is not a folder", os.fspath(path))
        return
    with parent_dir(path) as (pfd, name):
        try:
            os.mkdir(name, mode, dir_fd=pfd)
        except FileExistsError:
            if not exist_ok:
                raise


def listdir(path: str | os.PathLike[str]) -> list[str]:
    fd = open_fd(path, _DIR_FLAGS)
    try:
        return os.listdir(fd)
    finally:
        os.close(fd)


def subdirs(path: str | os.PathLike[str]) -> list[str]:
    """Names of the real folders in `path` (links and files left out), from one directory read."""
    fd = open_fd(path, _DIR_FLAGS)
    try:
        with os.scandir(fd) as it:
            return [e.name for e in it if e.is_dir(follow_symlinks=False)]
    finally:
        os.close(fd)


def unlink(path: str | os.PathLike[str], *, missing_ok: bool = False) -> None:
    with parent_dir(path) as (pfd, name):
        try:
            os.unlink(name, dir_fd=pfd)
        except FileNotFoundError:
            if not missing_ok:
                raise


def rename(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """os.replace inside roots (neither end is followed if a link: rename never follows its final names)."""
    with parent_dir(src) as (sfd, sname), parent_dir(dst) as (dfd, dname):
        os.replace(sname, dname, src_dir_fd=sfd, dst_dir_fd=dfd)


def rename_noreplace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """os.rename inside roots (a folder onto an empty folder, as os.rename allows)."""
    with parent_dir(src) as (sfd, sname), parent_dir(dst) as (dfd, dname):
        os.rename(sname, dname, src_dir_fd=sfd, dst_dir_fd=dfd)


def rmtree(path: str | os.PathLike[str]) -> None:
    """Remove a folder tree by descriptors (shutil's fd-based walk: links inside are removed, never followed)."""
    with parent_dir(path) as (pfd, name):
        try:
            st = os.stat(name, dir_fd=pfd, follow_symlinks=False)
        except FileNotFoundError:
            return
        if stat_mod.S_ISLNK(st.st_mode):
            os.unlink(name, dir_fd=pfd)
            return
        shutil.rmtree(name, dir_fd=pfd, ignore_errors=True)


def rmdir(path: str | os.PathLike[str]) -> None:
    with parent_dir(path) as (pfd, name):
        os.rmdir(name, dir_fd=pfd)


def touch(path: str | os.PathLike[str]) -> None:
    """Create `path` if missing and set its times to now (a heartbeat)."""
    with parent_dir(path) as (pfd, name):
        try:
            os.utime(name, dir_fd=pfd, follow_symlinks=False)
        except FileNotFoundError:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644, dir_fd=pfd)
            os.close(fd)


def chmod(path: str | os.PathLike[str], mode: int) -> None:
    fd = open_fd(path, os.O_RDONLY)
    try:
        os.fchmod(fd, mode)
    finally:
        os.close(fd)


# --- writing ---------------------------------------------------------------------------------------------------


def _fsync_dir(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.fsync(fd)


def _write_temp(pfd: int, name: str, data: bytes, mode: int, durable: bool = True) -> str:
    tmp = f".{name[:200]}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600, dir_fd=pfd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
        os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=pfd)
        raise
    os.close(fd)
    return tmp


def atomic_write(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o644, durable: bool = True) -> None:
    """Replace `path` with `data`: temp file, fsync, rename, fsync of the folder, all relative to its descriptor.
    `durable=False` (a cache) skips the fsyncs: a crash may lose the new content, never tear it."""
    with parent_dir(path, create=True) as (pfd, name):
        tmp = _write_temp(pfd, name, data, mode, durable)
        try:
            os.replace(tmp, name, src_dir_fd=pfd, dst_dir_fd=pfd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=pfd)
            raise
        if durable:
            _fsync_dir(pfd)


def write_new(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o644) -> None:
    """Create `path` with `data`; FileExistsError if the name is taken (a link there counts as taken)."""
    with parent_dir(path, create=True) as (pfd, name):
        tmp = _write_temp(pfd, name, data, mode)
        try:
            os.link(tmp, name, src_dir_fd=pfd, dst_dir_fd=pfd, follow_symlinks=False)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp, dir_fd=pfd)
        _fsync_dir(pfd)


# --- held folders ----------------------------------------------------------------------------------------------


def hold(path: str | os.PathLike[str]) -> int:
    """Keep a descriptor of the folder `path` (opened inside its root) for this process's later operations on the
    names in it: one walk for the folder's lifetime instead of one per operation."""
    text = os.fspath(path)
    with _lock:
        fd = _held.get(text)
        if fd is None:
            fd = open_fd(text, _DIR_FLAGS)
            _held[text] = fd
    return fd


def release(path: str | os.PathLike[str]) -> None:
    with _lock:
        fd = _held.pop(os.fspath(path), None)
    if fd is not None:
        os.close(fd)
