"""The training entry of a command and what its command line accepts, read from the source (never run).

`find_entry(argv, cwd)` finds the script a command runs (`python [-u] train.py`, `python -m pkg.train`, `torchrun
... train.py`, `accelerate launch ... train.py`, an executable `./train.py`) and the arguments it receives.
`read_interface(script, ...)` says how that script reads its command line, with the options it accepts, their
defaults and file:line: argparse (add_argument calls in the script and the project modules it imports), nanoGPT's
`exec(open('configurator.py').read())` (module globals, `--key=value`), Hydra (`@hydra.main`, the composed YAML
config, `key=value`), click and typer (decorators and parameters), and Lightning's LightningCLI (`--seed_everything`,
`--model.*`, `--trainer.*` ...). Options built dynamically (a loop, a library's add_argparse_args) make the
interface `open`: what it accepts beyond the options seen is then not known."""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from experiment_runner.workspace import confine

Style = Literal["argparse", "configurator", "hydra", "click", "typer", "lightning_cli", "none"]
STYLES: tuple[Style, ...] = get_args(Style)
Acceptance = Literal["accepted", "rejected", "unknown"]
ACCEPTANCES: tuple[Acceptance, ...] = get_args(Acceptance)

MAX_MODULES = 60
MAX_FILE_BYTES = 2 << 20
_NO_DEFAULT = object()
_INTERPRETER_FLAGS_WITH_VALUE = {"-W", "-X", "-Q"}
_LAUNCHERS_WITH_SCRIPT = {"torchrun", "accelerate", "deepspeed", "horovodrun", "mpirun", "srun"}
_PYTHON = re.compile(r"^(python|pypy)(\d+(\.\d+)?)?$")
_LIGHTNING_CLI = {
    "lightning.pytorch.cli.LightningCLI",
    "pytorch_lightning.cli.LightningCLI",
    "lightning.pytorch.LightningCLI",
    "pytorch_lightning.utilities.cli.LightningCLI",
    "lightning.LightningCLI",
}
_LIGHTNING_CLI_FLAGS = ("--seed_everything", "--config", "-c", "--print_config", "--ckpt_path", "--help", "-h")
_LIGHTNING_CLI_GROUPS = ("--model.", "--data.", "--trainer.", "--optimizer", "--lr_scheduler")
_LIGHTNING_SUBCOMMANDS = ("fit", "validate", "test", "predict")
_HYDRA_FLAGS = ("--multirun", "-m", "--config-name", "-cn", "--config-path", "-cp", "--config-dir", "-cd", "--cfg")


@dataclass
class Option:
    """One setting the command line can give."""

    name: str = ""  # the attribute / key / parameter the code reads (argparse dest, global name, config key path)
    flags: list[str] = field(default_factory=list)  # e.g. ['--seed', '-s'], or ['seed='] for key=value styles
    default: Any = None  # the literal default (None when absent or not a literal)
    default_text: str | None = None  # the default as written
    at: str = ""  # file:line where it is defined


@dataclass
class Interface:
    style: Style = "none"
    options: list[Option] = field(default_factory=list)
    parse_at: str | None = None  # where the command line is read (parse_args, exec(configurator), @hydra.main ...)
    open: list[str] = field(default_factory=list)  # why options beyond those seen may be accepted
    ignores_unknown: str | None = None  # parse_known_args: unknown options pass silently (where)
    abbreviations: bool = True  # argparse accepts unique prefixes of long options
    notes: list[str] = field(default_factory=list)

    def find(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


@dataclass
class Entry:
    script: Path | None
    args: list[str]  # what the script receives after its own name
    how: str  # e.g. "python train.py", "python -m pkg.train", "torchrun ... train.py"
    problem: str | None = None


def _is_python(argv0: str) -> bool:
    return bool(_PYTHON.match(os.path.basename(argv0)))


def _is_file(path: Path) -> bool:
    """A regular file inside the workspace (by descriptor: a link leading out is not read)."""
    try:
        return confine.is_file(path)
    except (OSError, confine.Refused):
        return False


def _read_text(path: Path, errors: str = "replace") -> str:
    return confine.read_text(path, errors=errors)


def _module_file(module: str, roots: list[Path]) -> Path | None:
    rel = Path(*module.split("."))
    for root in roots:
        for cand in (root / rel.with_suffix(".py"), root / rel / "__main__.py"):
            if _is_file(cand):
                return cand
    return None


def find_entry(argv: list[str], cwd: Path) -> Entry:
    """The script `argv` runs and the arguments it gets. A script that cannot be found is named in `problem`."""
    if not argv:
        return Entry(None, [], "", "empty command")
    prog = os.path.basename(argv[0])
    rest = list(argv[1:])
    if _is_python(argv[0]):
        i = 0
        while i < len(rest):
            a = rest[i]
            if a == "-m" and i + 1 < len(rest):
                module = rest[i + 1]
                if module in ("torch.distributed.run", "torch.distributed.launch", "accelerate.commands.launch"):
                    return _after_launcher(rest[i + 2 :], cwd, f"python -m {module}")
                f = _module_file(module, [cwd, cwd / "src"])
                return Entry(f, rest[i + 2 :], f"python -m {module}", None if f else f"module {module} not found")
            if a == "-c":
                return Entry(None, rest[i + 2 :], "python -c", "the command runs a -c string, not a script")
            if a in _INTERPRETER_FLAGS_WITH_VALUE:
                i += 2
                continue
            if a.startswith("-"):
                i += 1
                continue
            return _script(a, rest[i + 1 :], cwd, f"{prog} {a}")
        return Entry(None, [], prog, "the command starts Python without a script")
    if prog in _LAUNCHERS_WITH_SCRIPT or prog.startswith("torchrun"):
        if prog == "accelerate" and rest[:1] == ["launch"]:
            rest = rest[1:]
        return _after_launcher(rest, cwd, prog)
    if argv[0].endswith(".py"):
        return _script(argv[0], rest, cwd, argv[0])
    return Entry(None, rest, prog, f"{prog} is not a Python launcher this analysis knows")


def _after_launcher(rest: list[str], cwd: Path, how: str) -> Entry:
    for i, a in enumerate(rest):
        if a.endswith(".py") and not a.startswith("-"):
            return _script(a, rest[i + 1 :], cwd, f"{how} ... {a}")
        if a == "-m" and i + 1 < len(rest):
            f = _module_file(rest[i + 1], [cwd, cwd / "src"])
            return Entry(f, rest[i + 2 :], f"{how} -m {rest[i + 1]}", None if f else f"module {rest[i + 1]} not found")
    return Entry(None, [], how, f"no .py script found in the {how} command")


def _script(given: str, args: list[str], cwd: Path, how: str) -> Entry:
    p = Path(given) if os.path.isabs(given) else cwd / given
    if not _is_file(p):
        return Entry(None, args, how, f"script {given} not found (looked at {p})")
    return Entry(p, args, how)


# --- parsing project files ---------------------------------------------------------------------------------------


class Source:
    """A parsed project file: its tree, its import aliases (name -> dotted name) and its relative name."""

    def __init__(self, path: Path, tree: ast.Module, display: str):
        self.path = path
        self.tree = tree
        self.display = display
        self.aliases: dict[str, str] = {}
        self.import_nodes: list[tuple[str, ast.AST]] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    self.aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
                    self.import_nodes.append((a.name, node))
            elif isinstance(node, ast.ImportFrom):
                base = _relative_base(path, node) if node.level else (node.module or "")
                for a in node.names:
                    full = f"{base}.{a.name}" if base else a.name
                    self.aliases[a.asname or a.name] = full
                    self.import_nodes.append((full, node))
                    if base:
                        self.import_nodes.append((base, node))

    def at(self, node: ast.AST) -> str:
        return f"{self.display}:{getattr(node, 'lineno', 0)}"

    def canonical(self, node: ast.AST) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = self.aliases.get(node.id)
        if base is None:
            return None
        return ".".join([base, *reversed(parts)])


def _relative_base(path: Path, node: ast.ImportFrom) -> str:
    # `from .utils import x` inside pkg/mod.py: resolved against the file's folder, kept as a path marker
    folder = path.parent
    for _ in range(node.level - 1):
        folder = folder.parent
    return "@" + str(folder) + ("." + node.module if node.module else "")


class Project:
    """Parsed files of a project, loaded on demand: the entry script and the modules it imports from the project."""

    def __init__(self, roots: list[Path], display=None):
        self.roots = [r for r in dict.fromkeys(roots) if r.is_dir()]
        self.display = display or str
        self.files: dict[Path, Source | None] = {}
        self._resolved: dict[str, tuple[Source, str] | None] = {}

    def load(self, path: Path) -> Source | None:
        path = Path(os.path.realpath(path))
        if path in self.files:
            return self.files[path]
        src = None
        if len(self.files) < MAX_MODULES:
            try:
                if confine.stat(path).st_size <= MAX_FILE_BYTES:
                    text = _read_text(path)
                    src = Source(path, ast.parse(text, filename=str(path)), self.display(path))
            except (OSError, SyntaxError, ValueError, confine.Refused):
                src = None
        self.files[path] = src
        return src

    def module(self, dotted: str) -> Source | None:
        """A project module by its dotted name (`utils`, `rl.utils`, `src.models.net`), or a relative marker."""
        if dotted.startswith("@"):
            folder, _, rest = dotted[1:].partition(".")
            roots, dotted = [Path(folder)], rest
            if not dotted:
                return self.load(Path(folder) / "__init__.py") if _is_file(Path(folder) / "__init__.py") else None
        else:
            roots = self.roots
        rel = Path(*dotted.split("."))
        for root in roots:
            for cand in (root / rel.with_suffix(".py"), root / rel / "__init__.py"):
                if _is_file(cand):
                    return self.load(cand)
        return None

    def resolve(self, dotted: str) -> tuple[Source, str] | None:
        """(module, attribute path inside it) for a dotted name that lands in a project module."""
        if dotted not in self._resolved:
            self._resolved[dotted] = self._resolve(dotted)
        return self._resolved[dotted]

    def _resolve(self, dotted: str) -> tuple[Source, str] | None:
        parts = dotted.split(".")
        if dotted.startswith("@"):
            head, _, tail = dotted.partition(".")
            folder_parts = [head, *tail.split(".")] if tail else [head]
            for i in range(len(folder_parts), 0, -1):
                src = self.module(".".join(folder_parts[:i]))
                if src is not None:
                    return src, ".".join(folder_parts[i:])
            return None
        for i in range(len(parts), 0, -1):
            src = self.module(".".join(parts[:i]))
            if src is not None:
                return src, ".".join(parts[i:])
        return None

    def imported(self, src: Source) -> list[Source]:
        out = []
        for name, _ in src.import_nodes:
            found = self.resolve(name)
            if found is not None and found[0] is not src and found[0] not in out:
                out.append(found[0])
        return out

    def reachable(self, entry: Source, limit: int = MAX_MODULES) -> list[Source]:
        """The entry and the project modules it imports, transitively."""
        seen = [entry]
        i = 0
        while i < len(seen) and len(seen) < limit:
            for m in self.imported(seen[i]):
                if m not in seen:
                    seen.append(m)
            i += 1
        return seen


def project_roots(script: Path, cwd: Path, project: Path) -> list[Path]:
    """Where `import x` may find project modules: the script's folder (sys.path[0]), the working folder, the project
    folder and its src/ (a package installed in development mode)."""
    return [script.parent, cwd, project, project / "src"]


# --- literal helpers ---------------------------------------------------------------------------------------------


def literal(node: ast.AST | None) -> Any:
    if node is None:
        return _NO_DEFAULT
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _NO_DEFAULT


def is_literal(node: ast.AST | None) -> bool:
    return node is not None and literal(node) is not _NO_DEFAULT


def short(node: ast.AST, limit: int = 100) -> str:
    try:
        text = " ".join(ast.unparse(node).split())
    except Exception:  # noqa: BLE001 - an odd node: its type still says what it was
        text = type(node).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def kw(node: ast.Call, name: str) -> ast.AST | None:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# --- argparse ----------------------------------------------------------------------------------------------------


def _argparse(project: Project, modules: list[Source]) -> Interface | None:
    parsers = [
        (src, node)
        for src in modules
        for node in ast.walk(src.tree)
        if isinstance(node, ast.Call) and (src.canonical(node.func) or "").endswith("ArgumentParser")
    ]
    if not parsers:
        return None
    it = Interface(style="argparse")
    if any(literal(kw(node, "allow_abbrev")) is False for _, node in parsers):
        it.abbreviations = False
    parse_calls = []
    for src in modules:
        for node in ast.walk(src.tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            attr = node.func.attr
            if attr == "add_argument":
                _add_argument(it, src, node)
            elif attr == "set_defaults":
                for k in node.keywords:
                    opt = it.find(k.arg or "")
                    if opt is not None:
                        opt.default, opt.default_text, opt.at = _default_of(k.value), short(k.value), src.at(node)
            elif attr in ("parse_args", "parse_known_args", "parse_intermixed_args"):
                parse_calls.append((src, node))
                if attr == "parse_known_args":
                    it.ignores_unknown = src.at(node)
            elif attr in ("add_argparse_args", "add_model_specific_args", "add_argparse_arguments") or (
                attr.startswith("add_") and attr.endswith("_args") and _passes_parser(node)
            ):
                it.open.append(f"{short(node.func)} adds options this analysis does not see ({src.at(node)})")
    from_argv = [(s, n) for s, n in parse_calls if not n.args and kw(n, "args") is None]
    if parse_calls and not from_argv:
        it.notes.append("parse_args is given an explicit list: the command line is not what it parses")
    chosen = from_argv or parse_calls
    if chosen:
        entry_first = sorted(chosen, key=lambda sn: (sn[0] is not modules[0], getattr(sn[1], "lineno", 0)))
        it.parse_at = entry_first[0][0].at(entry_first[0][1])
    else:
        it.parse_at = parsers[0][0].at(parsers[0][1])
        it.notes.append("an ArgumentParser is built but parse_args is never called in the project's code")
    return it


def _passes_parser(node: ast.Call) -> bool:
    return any(isinstance(a, ast.Name) and "pars" in a.id.lower() for a in node.args)


def _default_of(node: ast.AST) -> Any:
    value = literal(node)
    return None if value is _NO_DEFAULT else value


def _add_argument(it: Interface, src: Source, node: ast.Call) -> None:
    written = [_str(a) for a in node.args]
    if not node.args or any(f is None for f in written):
        it.open.append(f"add_argument with a computed name ({src.at(node)})")
        return
    flags = [f for f in written if f]
    longs = [f for f in flags if f.startswith("--")]
    shorts = [f for f in flags if f.startswith("-") and not f.startswith("--")]
    dest = _str(kw(node, "dest"))
    if not dest:
        if longs:
            dest = longs[0][2:].replace("-", "_")
        elif shorts:
            dest = shorts[0][1:].replace("-", "_")
        else:
            dest = flags[0]
            flags = []  # a positional argument takes no flag
    action = _str(kw(node, "action")) or ""
    default_node = kw(node, "default")
    if default_node is not None:
        default, text = _default_of(default_node), short(default_node)
    elif action == "store_true":
        default, text = False, "False (store_true)"
    elif action == "store_false":
        default, text = True, "True (store_false)"
    else:
        default, text = None, None
    # the line where the flag is written (a call spread over lines starts above it)
    it.options.append(Option(name=dest, flags=flags, default=default, default_text=text, at=src.at(node.args[0])))


# --- nanoGPT's configurator --------------------------------------------------------------------------------------


def _configurator(entry: Source, script_args: list[str], cwd: Path) -> Interface | None:
    exec_node = None
    for node in entry.tree.body:
        call = node.value if isinstance(node, ast.Expr) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "exec"
            and call.args
            and "open(" in short(call.args[0], 400)
        ):
            exec_node = node
            break
    if exec_node is None:
        return None
    it = Interface(style="configurator", parse_at=entry.at(exec_node), abbreviations=False)
    it.notes.append(
        "nanoGPT-style configurator: `--key=value` overrides a module global of the same name (else ValueError); "
        "other arguments are Python config files, executed"
    )
    names: dict[str, Option] = {}
    for node in entry.tree.body:
        if getattr(node, "lineno", 0) >= exec_node.lineno:
            break
        _globals_of(node, entry, names)
    for a in script_args:
        if "=" not in a and a.endswith(".py"):
            p = Path(a) if os.path.isabs(a) else cwd / a
            try:
                tree = ast.parse(_read_text(p))
            except (OSError, SyntaxError, ValueError, confine.Refused):
                it.open.append(f"config file {a} could not be read: it may define more keys")
                continue
            cfg_src = Source(p, tree, a)
            for node in tree.body:
                _globals_of(node, cfg_src, names)
    for name, opt in names.items():
        opt.flags = [f"--{name}="]
        it.options.append(opt)
    return it


def _globals_of(node: ast.AST, src: Source, names: dict[str, Option]) -> None:
    targets: list[ast.expr] = []
    value: ast.expr | None = None
    if isinstance(node, ast.Assign):
        targets, value = node.targets, node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets, value = [node.target], node.value
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for a in node.names:
            name = a.asname or a.name.split(".")[0]
            names.setdefault(name, Option(name=name, default=None, default_text=f"module {a.name}", at=src.at(node)))
        return
    for t in targets:
        if isinstance(t, ast.Name) and value is not None:
            names[t.id] = Option(name=t.id, default=_default_of(value), default_text=short(value), at=src.at(node))


# --- Hydra -------------------------------------------------------------------------------------------------------


def _hydra(entry: Source, script: Path) -> Interface | None:
    for node in ast.walk(entry.tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for dec in node.decorator_list:
            if isinstance(dec, ast.Call) and (entry.canonical(dec.func) or "") in ("hydra.main", "hydra.main.main"):
                it = Interface(style="hydra", parse_at=entry.at(dec), abbreviations=False)
                path = _str(kw(dec, "config_path"))
                name = _str(kw(dec, "config_name"))
                if path is None or name is None:
                    it.open.append("@hydra.main without a literal config_path and config_name")
                    return it
                folder = (script.parent / path).resolve()
                hydra_options(it, folder, name if name.endswith((".yaml", ".yml")) else name + ".yaml")
                return it
    return None


def hydra_options(it: Interface, folder: Path, name: str) -> None:
    """The keys of a Hydra config composed from its defaults list (best effort: `group: option` entries, the
    `# @package _global_` header), each with its value and file:line."""
    seen: set[Path] = set()

    def load(path: Path, prefix: str) -> None:
        if path in seen or not _is_file(path):
            if not _is_file(path):
                it.open.append(f"config {path.name} of the defaults list was not found")
            return
        seen.add(path)
        import yaml

        try:
            text = _read_text(path, errors="strict")
            root = yaml.compose(text)
        except (OSError, ValueError, yaml.YAMLError, confine.Refused) as e:
            it.open.append(f"config {path} could not be read: {e}")
            return
        if any("@package _global_" in line for line in text.splitlines()[:3]):
            prefix = ""
        if not isinstance(root, yaml.MappingNode):
            return
        for key_node, value_node in root.value:
            key = key_node.value
            if key == "defaults" and isinstance(value_node, yaml.SequenceNode):
                for item in value_node.value:
                    _hydra_default(item, folder, load, it)
                continue
            _hydra_keys(f"{prefix}{key}", value_node, path, it)

    load(folder / name, "")


def _hydra_default(item, folder: Path, load, it: Interface) -> None:
    import yaml

    if isinstance(item, yaml.ScalarNode):
        if item.value != "_self_":
            load(folder / f"{item.value}.yaml", "")
        return
    if not isinstance(item, yaml.MappingNode) or not item.value:
        return
    k, v = item.value[0]
    group = k.value.removeprefix("optional ").removeprefix("override ").strip()
    if group.startswith("hydra") or not isinstance(v, yaml.ScalarNode) or v.value in ("null", "~", ""):
        return
    load(folder / group / f"{v.value}.yaml", f"{group.replace('/', '.')}.")


def _hydra_keys(path: str, node, file: Path, it: Interface) -> None:
    import yaml

    value: Any = None
    if isinstance(node, yaml.ScalarNode):
        try:
            value = yaml.safe_load(node.value) if node.value else None
        except yaml.YAMLError:
            value = node.value
    it.options.append(
        Option(
            name=path,
            flags=[f"{path}="],
            default=value,
            default_text=node.value if isinstance(node, yaml.ScalarNode) else None,
            at=f"{file}:{node.start_mark.line + 1}",
        )
    )
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _hydra_keys(f"{path}.{k.value}", v, file, it)


# --- click, typer ------------------------------------------------------------------------------------------------


def _click_typer(entry: Source) -> Interface | None:
    for node in ast.walk(entry.tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        decorators = [entry.canonical(d.func if isinstance(d, ast.Call) else d) or "" for d in node.decorator_list]
        if any(d.startswith("click.") for d in decorators):
            it = Interface(style="click", parse_at=entry.at(node), abbreviations=False)
            for dec in node.decorator_list:
                if isinstance(dec, ast.Call) and (entry.canonical(dec.func) or "").endswith(("option", "argument")):
                    flags = [f for f in (_str(a) for a in dec.args) if f]
                    plain = [f for f in flags if not f.startswith("-")]
                    longs = [f for f in flags if f.startswith("--")]
                    name = plain[0] if plain else (longs or flags or ["?"])[0].lstrip("-").replace("-", "_")
                    default = kw(dec, "default")
                    it.options.append(
                        Option(
                            name=name,
                            flags=[f for f in flags if f.startswith("-")],
                            default=_default_of(default) if default is not None else None,
                            default_text=short(default) if default is not None else None,
                            at=entry.at(dec),
                        )
                    )
            return it
        if any(d.endswith(".command") for d in decorators) or _typer_run(entry, node.name):
            it = Interface(style="typer", parse_at=entry.at(node), abbreviations=False)
            args = node.args
            defaults = [None] * (len(args.args) - len(args.defaults)) + list(args.defaults)
            for a, d in zip(args.args, defaults):
                flag = "--" + a.arg.replace("_", "-")
                default = d
                if isinstance(d, ast.Call) and d.args:
                    default = d.args[0]
                    extra = [f for f in (_str(x) for x in d.args[1:]) if f and f.startswith("-")]
                    flags = extra or [flag]
                else:
                    flags = [flag]
                it.options.append(
                    Option(
                        name=a.arg,
                        flags=flags if d is not None else [],
                        default=_default_of(default) if default is not None else None,
                        default_text=short(default) if default is not None else None,
                        at=entry.at(a),
                    )
                )
            return it
    return None


def _typer_run(entry: Source, func: str) -> bool:
    for node in ast.walk(entry.tree):
        if (
            isinstance(node, ast.Call)
            and (entry.canonical(node.func) or "") == "typer.run"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id == func
        ):
            return True
    return False


# --- LightningCLI ------------------------------------------------------------------------------------------------


def lightning_cli_calls(src: Source) -> list[ast.Call]:
    subclasses = {
        n.name
        for n in ast.walk(src.tree)
        if isinstance(n, ast.ClassDef) and any((src.canonical(b) or "") in _LIGHTNING_CLI for b in n.bases)
    }
    return [
        n
        for n in ast.walk(src.tree)
        if isinstance(n, ast.Call)
        and (
            (src.canonical(n.func) or "") in _LIGHTNING_CLI
            or (isinstance(n.func, ast.Name) and n.func.id in subclasses)
        )
    ]


def _lightning_cli(entry: Source) -> Interface | None:
    calls = lightning_cli_calls(entry)
    if not calls:
        return None
    call = calls[0]
    it = Interface(style="lightning_cli", parse_at=entry.at(call), abbreviations=False)
    node = kw(call, "seed_everything_default")
    default = True if node is None else _default_of(node)
    it.options.append(
        Option(
            name="seed_everything",
            flags=["--seed_everything"],
            default=default,
            default_text=short(node) if node is not None else "True (LightningCLI's default: a random seed, logged)",
            at=entry.at(node if node is not None else call),
        )
    )
    it.notes.append(
        "LightningCLI: --seed_everything, --config, --model.*, --data.*, --trainer.*, --optimizer, --lr_scheduler"
        + (", and the subcommands fit/validate/test/predict" if literal(kw(call, "run")) is not False else "")
    )
    return it


# --- the interface -----------------------------------------------------------------------------------------------


def read_interface(project: Project, entry: Source, script_args: list[str], cwd: Path) -> Interface:
    """How the entry script reads its command line. The first style found wins, in this order: LightningCLI, Hydra,
    nanoGPT's configurator, click/typer, argparse (in the script or the project modules it imports)."""
    for finder in (
        lambda: _lightning_cli(entry),
        lambda: _hydra(entry, entry.path),
        lambda: _configurator(entry, script_args, cwd),
        lambda: _click_typer(entry),
    ):
        it = finder()
        if it is not None:
            return it
    it = _argparse(project, project.reachable(entry))
    if it is not None:
        return it
    reads_argv = any(
        isinstance(n, ast.Attribute) and n.attr == "argv" and isinstance(n.value, ast.Name) and n.value.id == "sys"
        for n in ast.walk(entry.tree)
    )
    out = Interface(style="none")
    if reads_argv:
        out.open.append("the script reads sys.argv itself")
    return out


def accepts(  # noqa: PLR0911 - one answer per command-line style
    it: Interface, key: str, flag_form: str, args: list[str]
) -> tuple[Acceptance, Option | None, str]:
    """Whether the interface takes `key` as given on the command line (`flag_form`: '--key', '--key=' or 'key='),
    the option it lands in, and why."""
    if it.style == "lightning_cli":
        if flag_form.startswith("--") and (
            key in [f[2:] for f in _LIGHTNING_CLI_FLAGS if f.startswith("--")]
            or any(f"--{key}".startswith(g) for g in _LIGHTNING_CLI_GROUPS)
        ):
            return "accepted", it.find(key), "a LightningCLI option"
        return "rejected", None, "LightningCLI (jsonargparse) rejects unrecognized arguments"
    if it.style == "hydra":
        if flag_form.startswith("-"):
            if flag_form.rstrip("=") in _HYDRA_FLAGS:
                return "accepted", None, "a Hydra flag"
            return "rejected", None, "Hydra takes overrides as key=value; other flags are unrecognized arguments"
        bare = key.lstrip("+")
        if key.startswith("+") or bare.startswith("hydra."):
            return "accepted", it.find(bare), "an addition (+key=) or a Hydra setting"
        opt = it.find(bare)
        if opt is not None:
            return "accepted", opt, f"a key of the composed config ({opt.at})"
        if it.open:
            return "unknown", None, "; ".join(it.open)
        return "rejected", None, f"Hydra refuses to override {bare}: the key is not in the config (use +{bare}=...)"
    if it.style == "configurator":
        opt = it.find(key)
        if flag_form != "--key=":
            return "rejected", None, "the configurator takes --key=value (one argument with '=')"
        if opt is not None:
            return "accepted", opt, f"a global of the script ({opt.at})"
        if it.open:
            return "unknown", None, "; ".join(it.open)
        return "rejected", None, f"the configurator raises ValueError: Unknown config key: {key}"
    if it.style in ("argparse", "click", "typer"):
        flag = "--" + key if flag_form.startswith("--") else ("-" + key if flag_form.startswith("-") else None)
        if flag is None:
            return "rejected", None, f"{it.style} takes options as --name; '{key}=...' is a stray positional argument"
        exact = [o for o in it.options if flag in o.flags]
        if exact:
            return "accepted", exact[0], f"option {flag} ({exact[0].at})"
        if it.style == "argparse" and it.abbreviations and flag.startswith("--"):
            prefixed = [o for o in it.options if any(f.startswith(flag) for f in o.flags if f.startswith("--"))]
            if len(prefixed) == 1:
                return "accepted", prefixed[0], f"argparse takes {flag} as an abbreviation of {prefixed[0].flags[0]}"
        if it.open:
            return "unknown", None, "; ".join(it.open)
        if it.ignores_unknown:
            return "rejected", None, f"parse_known_args at {it.ignores_unknown} silently ignores {flag}"
        return "rejected", None, f"{it.style} has no option {flag}: 'error: unrecognized arguments'"
    if it.open:
        return "unknown", None, "; ".join(it.open)
    return (
        "rejected",
        None,
        "it never reads its command line (no argparse, click, Hydra or sys.argv): the value is ignored",
    )
