"""Workspace roots and path resolution. Every path a tool reads or writes resolves (symlinks included)
inside the workspace root, or inside the narrower roots an MCP client offered. The root (and its store) are
registered with workspace/confine.py, which opens every such path by descriptor, so a link swapped in after this
check cannot lead outside either."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from experiment_runner.errors import NotFound, OutsideWorkspace, UserError, did_you_mean
from experiment_runner.workspace import confine, names
from experiment_runner.workspace.config import WorkspaceConfig, load_config


def validate_experiment_name(name: str) -> str:
    return names.experiment(name)


def _real(p: Path | str) -> Path:
    return Path(os.path.realpath(p))


class Workspace:
    """The user's project folder. `roots` are where access is allowed: the root itself, or narrower client roots."""

    def __init__(self, root: Path | str, allowed: list[Path] | None = None, config: WorkspaceConfig | None = None):
        root_path = _real(root)
        if not root_path.is_dir():
            raise UserError(f"workspace root {str(root)!r} is not a folder")
        self.root = root_path
        # The default store is a no-link zone from the start; store_root registers a configured one when read.
        confine.register(root_path, root_path / ".experiments")
        self.roots: list[Path] = [_real(a) for a in allowed] if allowed else [root_path]
        if config is not None:
            self.__dict__["config"] = config

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r}, roots={[str(r) for r in self.roots]})"

    @cached_property
    def config(self) -> WorkspaceConfig:
        return load_config(self.root)

    def narrowed(self, client_roots: list[Path]) -> Workspace:
        """The workspace limited to the client's roots (each intersected with the workspace root)."""
        kept: list[Path] = []
        for given in client_roots:
            real = _real(given)
            if real.is_relative_to(self.root):
                kept.append(real)
            elif self.root.is_relative_to(real):
                kept.append(self.root)
        if not kept:
            raise OutsideWorkspace(
                "none of the client's roots ("
                + ", ".join(str(r) for r in client_roots)
                + f") lies inside or around the workspace root {self.root}; start the server with --root set to the "
                "project folder"
            )
        ws = Workspace(self.root, allowed=sorted(set(kept)))
        if "config" in self.__dict__:
            ws.__dict__["config"] = self.__dict__["config"]
        return ws

    def contains(self, path: Path | str) -> bool:
        real = _real(path)
        return any(real.is_relative_to(r) for r in self.roots)

    def resolve(
        self,
        value: str | os.PathLike[str],
        *,
        must_exist: bool = False,
        kind: Literal["any", "file", "dir"] = "any",
        what: str = "path",
    ) -> Path:
        """Resolve a user-given path (relative to the workspace root) to a real path inside the roots."""
        text = os.fspath(value)
        names.path_text(text, what)
        try:
            p = Path(text).expanduser()
        except RuntimeError:  # '~name' of a user this system does not know
            raise UserError(
                f"{what} {text!r} names the home folder of an unknown user; give a workspace path"
            ) from None
        if not p.is_absolute():
            p = self.root / p
        real = _real(p)
        size = len(os.fsencode(str(real)))
        if size > names.PATH_MAX:  # short as given, too long once joined to the root: no call could open it
            raise UserError(
                f"{what} {names.shown(text)} is not a valid path: inside the workspace it is {size} bytes long, more "
                f"than {names.PATH_MAX}"
            )
        if not any(real.is_relative_to(r) for r in self.roots):
            shown = f"{text!r}" + (f" (resolves to {real})" if str(real) != text else "")
            raise OutsideWorkspace(
                f"{what} {shown} is outside the workspace; allowed: "
                + ", ".join(str(r) for r in self.roots)
                + ". Use a path inside the workspace (symlinks are followed)."
            )
        if must_exist or kind != "any":
            if not real.exists():
                if must_exist:
                    raise NotFound(f"{what} {text!r} does not exist (looked at {real})")
            elif kind == "file" and not real.is_file():
                raise UserError(f"{what} {text!r} is not a file")
            elif kind == "dir" and not real.is_dir():
                raise UserError(f"{what} {text!r} is not a folder")
        return real

    def display(self, path: Path | str) -> str:
        """A path as a person reads it: relative to the workspace root when inside it."""
        p = Path(path)
        try:
            return str(p.relative_to(self.root)) or "."
        except ValueError:
            return str(p)

    # --- the experiment store -------------------------------------------------------------

    @cached_property
    def store_root(self) -> Path:
        store = self.config.store
        p = Path(store)
        real = _real(p if p.is_absolute() else self.root / p)
        if not real.is_relative_to(self.root):
            raise OutsideWorkspace(
                f"store {store!r} in experiment-runner.yaml resolves to {real}, outside the workspace root {self.root}"
            )
        confine.register(self.root, real)
        return real

    def experiment_dir(self, name: str, *, create: bool = False, must_exist: bool = False) -> Path:
        validate_experiment_name(name)
        d = self.store_root / name
        if create:
            confine.mkdir(d)
        elif must_exist and not confine.is_dir(d):
            raise NotFound(f"unknown experiment {name!r}; " + did_you_mean(name, self.experiments()))
        return d

    def experiments(self) -> list[str]:
        try:
            found = confine.subdirs(self.store_root)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(e for e in found if names.is_experiment(e))
