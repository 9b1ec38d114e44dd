"""Static data flow from a script's inputs to its RNG seeding calls, read from the source (never run).

Every value is abstracted to what matters for seeding (`Val`): does it carry the per-run seed, is it a literal (the
same in every run), drawn at run time (time, random.randint), or unknown; plus the objects it may be (the parsed
argparse namespace, a Hydra config node, a project module, function or class instance). Assignments are followed
flow-insensitively per scope to a fixpoint; calls into the project's own functions are followed with their
arguments bound (context-sensitive, memoised, depth-limited), including methods on `self`, class construction,
`Process(target=f, args=...)` and `spawn(f, args=...)`. Calls into libraries pass the seed through (a seed handed
to an unknown function stays a seed) but lose constness. Each seeding call reached records the value its seed
argument may hold and the chain of call sites that led to it."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from experiment_runner.repro.entryscript import Project, Source, is_literal, short

MAX_DEPTH = 8
MAX_ROUNDS = 6

#: Calls that seed a process-wide generator.
GLOBAL_SINKS = {
    "random.seed",
    "numpy.random.seed",
    "torch.manual_seed",
    "torch.random.manual_seed",
    "torch.cuda.manual_seed",
    "torch.cuda.manual_seed_all",
    "torch.cuda.random.manual_seed",
    "torch.cuda.random.manual_seed_all",
    "transformers.set_seed",
    "transformers.trainer_utils.set_seed",
    "accelerate.utils.set_seed",
    "accelerate.utils.random.set_seed",
    "tensorflow.random.set_seed",
    "tensorflow.keras.utils.set_random_seed",
    "keras.utils.set_random_seed",
    "tensorflow.random.set_random_seed",
    "torch_xla.core.xla_model.set_rng_state",
}
#: Calls that build a generator of their own from a seed.
LOCAL_SINKS = {
    "numpy.random.default_rng",
    "numpy.random.RandomState",
    "numpy.random.Generator",
    "numpy.random.PCG64",
    "random.Random",
    "jax.random.PRNGKey",
    "jax.random.key",
}
#: Values drawn when the program runs.
RANDOM_SOURCES = {
    "random.randint",
    "random.random",
    "random.randrange",
    "random.getrandbits",
    "random.choice",
    "numpy.random.randint",
    "numpy.random.rand",
    "numpy.random.random",
    "time.time",
    "time.time_ns",
    "time.perf_counter",
    "time.monotonic",
    "os.urandom",
    "os.getpid",
    "secrets.randbelow",
    "secrets.randbits",
    "secrets.token_hex",
    "uuid.uuid4",
    "datetime.datetime.now",
    "torch.seed",
    "torch.initial_seed",
    "torch.randint",
}
_PASS_THROUGH = {"int", "float", "str", "abs", "round", "hash", "min", "max", "sum", "bool", "divmod", "pow", "len"}
_CONFIG_LOADS = {
    "yaml.safe_load",
    "yaml.load",
    "yaml.full_load",
    "json.load",
    "json.loads",
    "omegaconf.OmegaConf.load",
    "omegaconf.OmegaConf.create",
    "toml.load",
    "tomllib.load",
    "tomli.load",
}
_PARSE = ("parse_args", "parse_known_args", "parse_intermixed_args")

Kind = Literal["seed", "constant", "random", "unknown"]


@dataclass(frozen=True)
class Val:
    seed: bool = False
    const: bool = False
    random: bool = False
    unknown: bool = False
    objs: frozenset = frozenset()
    text: str | None = None  # a literal or the expression that made the value, for messages

    def __or__(self, other: Val) -> Val:
        return Val(
            self.seed or other.seed,
            self.const or other.const,
            self.random or other.random,
            self.unknown or other.unknown,
            self.objs | other.objs,
            self.text or other.text,
        )

    def scalar(self) -> Val:
        return replace(self, objs=frozenset())

    @property
    def kind(self) -> Kind:
        if self.seed:
            return "seed"
        if self.random:
            return "random"
        if self.const and not self.unknown:
            return "constant"
        return "unknown"


UNKNOWN = Val(unknown=True)
NOTHING = Val()


def union(vals) -> Val:
    out = NOTHING
    for v in vals:
        out = out | v
    return out


@dataclass
class Sink:
    call: str
    at: str
    scope: Literal["global", "local"]
    val: Val
    chain: list[str] = field(default_factory=list)  # call sites from the entry down to the sink (its own line last)
    through: list[str] = field(default_factory=list)  # the calls as written at those sites


@dataclass
class SeedSources:
    """Where the per-run seed enters the program."""

    args_attrs: set[str] = field(default_factory=set)  # argparse dests / click-typer params given the seed
    option_defaults: dict[str, object] = field(default_factory=dict)  # every other option: its literal default
    cfg_keys: set[str] = field(default_factory=set)  # Hydra key paths given the seed
    cfg_defaults: dict[str, object] = field(default_factory=dict)
    globals_: set[str] = field(default_factory=set)  # configurator globals given the seed
    env_names: set[str] = field(default_factory=lambda: {"EXPERIMENT_RUNNER_SEED"})
    argv_indices: set[int] = field(default_factory=set)  # sys.argv[i] given the seed


FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
#: what a name can be bound to by a def or class statement
Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


class _Frame:
    def __init__(self, src: Source, parent: _Frame | None, cls: str | None = None):
        self.src = src
        self.parent = parent
        self.cls = cls
        self.env: dict[str, Val] = {}
        self.defs: dict[str, Definition] = {}
        self.global_names: set[str] = set()
        self.collect: list[Sink] | None = None


def _func_id(src: Source, node: ast.AST) -> tuple:
    return (str(src.path), getattr(node, "lineno", 0), getattr(node, "name", ""))


class Flow:
    """Run `analyse()` once per (project, entry, sources)."""

    def __init__(self, project: Project, entry: Source, sources: SeedSources):
        self.project = project
        self.entry = entry
        self.sources = sources
        self.modules: dict[str, _Frame] = {}
        self.defs: dict[tuple, tuple[Source, Definition]] = {}
        self.memo: dict[tuple, tuple[Val, list[Sink]]] = {}
        self.active: set[tuple] = set()
        self.attr_store: dict[tuple, Val] = {}
        self.changed = False
        self.depth = 0
        self.solved: set[str] = set()
        self.def_parent: dict[tuple, _Frame] = {}

    # --- driver --------------------------------------------------------------------------------------------------
    def analyse(self) -> list[Sink]:
        """The seeding calls the entry reaches, each with the value its seed may hold. Module namespaces and
        attribute stores only grow, so the rounds stop once a round changes neither."""
        sinks: list[Sink] = []
        for _ in range(MAX_ROUNDS):
            self.changed = False
            before = {k: dict(f.env) for k, f in self.modules.items()}
            self.solved = set()
            self.memo.clear()
            sinks = self._module(self.entry, is_main=True, collect=True)
            if not self.changed and before == {k: dict(f.env) for k, f in self.modules.items()}:
                break
        return _dedupe(sinks)

    # --- scopes --------------------------------------------------------------------------------------------------
    def _module(self, src: Source, is_main: bool = False, collect: bool = False) -> list[Sink]:
        key = str(src.path)
        if key in self.solved and not collect:
            return []
        self.solved.add(key)
        frame = self.modules.setdefault(key, _Frame(src, None))
        body = self._body(src.tree.body, is_main)
        if is_main:
            for name in self.sources.globals_:  # nanoGPT's configurator rebinds the global from --name=
                frame.env[name] = frame.env.get(name, NOTHING) | Val(seed=True, text=f"--{name}=")
        self._solve(frame, body)
        if not collect:
            return []
        frame.collect = []
        self._run_calls(frame, body)
        found, frame.collect = frame.collect, None
        return found

    def _body(self, stmts: list[ast.stmt], is_main: bool) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for s in stmts:
            if (
                isinstance(s, ast.If)
                and isinstance(s.test, ast.Compare)
                and isinstance(s.test.left, ast.Name)
                and s.test.left.id == "__name__"
            ):
                if is_main:
                    out.extend(self._body(s.body, is_main))
                continue
            out.append(s)
        return out

    def _solve(self, frame: _Frame, body: list[ast.stmt]) -> None:
        """Bind names to values until nothing changes."""
        stmts = list(_statements(body))
        for s in stmts:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                frame.defs[s.name] = s
                self.defs[_func_id(frame.src, s)] = (frame.src, s)
                if frame.parent is not None or frame is not self.modules.get(str(frame.src.path)):
                    self.def_parent[_func_id(frame.src, s)] = frame
                frame.env[s.name] = Val(objs=frozenset({("def", _func_id(frame.src, s))}))
            elif isinstance(s, ast.Global):
                frame.global_names.update(s.names)
        for _ in range(8):
            before = dict(frame.env)
            for s in stmts:
                self._bind_stmt(frame, s)
            if frame.env == before:
                break

    def _bind_stmt(self, frame: _Frame, s: ast.stmt) -> None:
        if isinstance(s, ast.Assign):
            v = self.eval(frame, s.value)
            for t in s.targets:
                self._assign(frame, t, s.value, v)
        elif isinstance(s, ast.AnnAssign) and s.value is not None:
            self._assign(frame, s.target, s.value, self.eval(frame, s.value))
        elif isinstance(s, ast.AugAssign):
            v = self.eval(frame, s.target) | self.eval(frame, s.value)
            self._assign(frame, s.target, s.value, v.scalar())
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            self._assign(frame, s.target, None, (self.eval(frame, s.iter) | UNKNOWN).scalar())
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                if item.optional_vars is not None:
                    self._assign(frame, item.optional_vars, None, self.eval(frame, item.context_expr))
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.NamedExpr):
            self._assign(frame, s.value.target, s.value.value, self.eval(frame, s.value.value))

    def _assign(self, frame: _Frame, target: ast.AST, value_node: ast.AST | None, v: Val) -> None:
        if isinstance(target, ast.Name):
            where = frame
            if target.id in frame.global_names:
                where = self.modules.get(str(frame.src.path), frame)
            where.env[target.id] = where.env.get(target.id, NOTHING) | v
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value_node, (ast.Tuple, ast.List)) and len(value_node.elts) == len(target.elts):
                for t, e in zip(target.elts, value_node.elts):
                    self._assign(frame, t, e, self.eval(frame, e))
            else:
                for t in target.elts:
                    self._assign(frame, t.value if isinstance(t, ast.Starred) else t, None, v)
        elif isinstance(target, ast.Attribute):
            base = self.eval(frame, target.value)
            for obj in base.objs:
                key = (obj, target.attr)
                old = self.attr_store.get(key, NOTHING)
                new = old | v
                if new != old:
                    self.attr_store[key] = new
                    self.changed = True
        elif isinstance(target, ast.Subscript):
            key_text = _const_key(target.slice)
            if key_text is not None:
                self._assign(frame, ast.Attribute(value=target.value, attr=key_text, ctx=ast.Store()), value_node, v)

    # --- expressions ---------------------------------------------------------------------------------------------
    def lookup(self, frame: _Frame, name: str) -> Val:
        f: _Frame | None = frame
        while f is not None:
            if name in f.env:
                return f.env[name]
            f = f.parent
        module = self.modules.get(str(frame.src.path))
        if module is not None and name in module.env:
            return module.env[name]
        dotted = frame.src.aliases.get(name)
        if dotted is not None:
            return self._dotted(dotted)
        return UNKNOWN

    def _dotted(self, dotted: str) -> Val:
        found = self.project.resolve(dotted)
        if found is not None:
            src, inner = found
            self._module(src)
            if not inner:
                return Val(objs=frozenset({("module", str(src.path))}))
            return self._member(src, inner)
        return Val(objs=frozenset({("ext", dotted)}))

    def _member(self, src: Source, inner: str) -> Val:
        frame = self.modules.get(str(src.path))
        head, _, rest = inner.partition(".")
        v = frame.env.get(head, UNKNOWN) if frame else UNKNOWN
        if rest:
            return self._attribute(v, rest.split(".")[-1], None)
        return v

    def eval(self, frame: _Frame, node: ast.AST | None) -> Val:  # noqa: PLR0911 - one return per kind of node
        if node is None:
            return NOTHING
        if isinstance(node, ast.Constant):
            return Val(const=True, text=repr(node.value)[:60])
        if isinstance(node, ast.Name):
            return self.lookup(frame, node.id)
        if isinstance(node, ast.Attribute):
            return self._attribute(self.eval(frame, node.value), node.attr, frame)
        if isinstance(node, ast.Subscript):
            base = self.eval(frame, node.value)
            if ("ext", "os.environ") in base.objs:
                return self._env_read(_const_key(node.slice))
            if ("ext", "sys.argv") in base.objs:
                index = node.slice.value if isinstance(node.slice, ast.Constant) else None
                if isinstance(node.slice, ast.Slice) or index in self.sources.argv_indices:
                    return Val(seed=bool(self.sources.argv_indices), unknown=True, text="sys.argv")
                return UNKNOWN
            key = _const_key(node.slice)
            if key is not None and base.objs:
                return self._attribute(base, key, frame)
            return (base.scalar() | self.eval(frame, node.slice).scalar()) if not base.objs else UNKNOWN
        if isinstance(node, ast.Call):
            return self.call(frame, node)
        if isinstance(node, (ast.BinOp,)):
            return (self.eval(frame, node.left) | self.eval(frame, node.right)).scalar()
        if isinstance(node, ast.UnaryOp):
            return self.eval(frame, node.operand).scalar()
        if isinstance(node, ast.BoolOp):
            return union(self.eval(frame, v) for v in node.values)
        if isinstance(node, ast.IfExp):
            return self.eval(frame, node.body) | self.eval(frame, node.orelse)
        if isinstance(node, ast.Compare):
            return Val(unknown=True)
        if isinstance(node, ast.JoinedStr):
            return union(self.eval(frame, v) for v in node.values).scalar() | Val(const=True)
        if isinstance(node, ast.FormattedValue):
            return self.eval(frame, node.value)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return union(self.eval(frame, e) for e in node.elts) if node.elts else Val(const=True)
        if isinstance(node, ast.Dict):
            return union(self.eval(frame, v) for v in node.values if v is not None) if node.values else Val(const=True)
        if isinstance(node, ast.NamedExpr):
            v = self.eval(frame, node.value)
            self._assign(frame, node.target, node.value, v)
            return v
        if isinstance(node, ast.Starred):
            return self.eval(frame, node.value)
        return UNKNOWN

    def _attribute(self, base: Val, attr: str, frame: _Frame | None) -> Val:
        out = NOTHING
        plain = base.scalar()
        for obj in base.objs:
            out = out | self._obj_attr(obj, attr)
        if not base.objs:
            return plain if (plain.seed or plain.random) else UNKNOWN
        return out

    def _obj_attr(self, obj: tuple, attr: str) -> Val:  # noqa: PLR0911 - one return per kind of object
        kind = obj[0]
        stored = self.attr_store.get((obj, attr), NOTHING)
        if kind == "args":
            if attr in self.sources.args_attrs:
                return Val(seed=True, text=f"args.{attr}") | stored
            if attr in self.sources.option_defaults:
                return Val(const=True, text=repr(self.sources.option_defaults[attr])) | stored
            return stored if (stored.seed or stored.const) else stored | UNKNOWN
        if kind == "cfg":
            path = ".".join([*obj[1], attr])
            if path in self.sources.cfg_keys:
                return Val(seed=True, text=path) | stored
            if path in self.sources.cfg_defaults:
                value = self.sources.cfg_defaults[path]
                if not isinstance(value, dict):
                    return Val(const=True, text=repr(value)) | stored
            return Val(objs=frozenset({("cfg", (*obj[1], attr))})) | stored
        if kind == "file":
            return Val(const=True, objs=frozenset({obj}), text="a value read from a config file") | stored
        if kind == "module":
            src = self.project.load(Path(obj[1])) if isinstance(obj[1], str) else None
            if src is None:
                return UNKNOWN
            frame = self.modules.get(str(src.path))
            if frame is not None and attr in frame.env:
                return frame.env[attr]
            sub = self.project.module(_module_name(src, attr))
            if sub is not None:
                self._module(sub)
                return Val(objs=frozenset({("module", str(sub.path))}))
            return UNKNOWN
        if kind == "ext":
            return Val(objs=frozenset({("ext", f"{obj[1]}.{attr}")}))
        if kind in ("self", "instance"):
            if stored != NOTHING:
                return stored
            method = self._method(obj[1], attr)
            if method is not None:
                return Val(objs=frozenset({("bound", obj, method)}))
            return UNKNOWN
        return stored if stored != NOTHING else UNKNOWN

    def _env_read(self, name: str | None) -> Val:
        if name is not None and name in self.sources.env_names:
            return Val(seed=True, text=f"${name}")
        return Val(const=True, text=f"${name}" if name else "an environment variable")

    # --- calls ---------------------------------------------------------------------------------------------------
    def call(self, frame: _Frame, node: ast.Call) -> Val:  # noqa: PLR0911 - one return per kind of callee
        src = frame.src
        name = src.canonical(node.func) or ""
        callee = self.eval(frame, node.func)
        for obj in callee.objs:
            if obj[0] == "ext":
                name = name or obj[1]
        args = [self.eval(frame, a) for a in node.args]
        kwargs = {k.arg: self.eval(frame, k.value) for k in node.keywords if k.arg}
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None  # `x` of x.method(...)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        ours = any(o[0] in ("def", "bound") for o in callee.objs)

        sink = None if ours else self._sink(name, method, node, args, kwargs)
        if sink is not None:
            if frame.collect is not None:
                frame.collect.append(replace(sink, at=src.at(node), chain=[src.at(node)], through=[short(node)]))
            return UNKNOWN
        if self._spawn(frame, node, args, kwargs):
            return UNKNOWN
        if name in _PASS_THROUGH or (isinstance(node.func, ast.Name) and node.func.id in _PASS_THROUGH):
            return union(a.scalar() for a in args) if args else Val(const=True)
        if name in RANDOM_SOURCES:
            return Val(random=True, text=short(node))
        if name in ("os.environ.get", "os.getenv") and node.args:
            return self._env_read(_const_key(node.args[0])) | (args[1] if len(args) > 1 else NOTHING)
        if name.endswith("ArgumentParser"):
            return Val(objs=frozenset({("parser",)}))
        if method in _PARSE and owner is not None and any(o[0] == "parser" for o in self.eval(frame, owner).objs):
            return Val(objs=frozenset({("args",)}))
        if name in _CONFIG_LOADS:
            return Val(objs=frozenset({("file",)}))
        if name == "vars" or name.endswith(("OmegaConf.to_container", "OmegaConf.to_object")):
            return args[0] if args else UNKNOWN
        if (name == "getattr" or method == "get") and (node.args or node.keywords):
            base = args[0] if name == "getattr" or owner is None else self.eval(frame, owner)
            key_node = (
                node.args[1] if name == "getattr" and len(node.args) > 1 else (node.args[0] if node.args else None)
            )
            key = _const_key(key_node) if key_node is not None else None
            if key is not None and base.objs:
                default = (
                    args[2]
                    if name == "getattr" and len(args) > 2
                    else (args[1] if method == "get" and len(args) > 1 else NOTHING)
                )
                return self._attribute(base, key, frame) | default
            if ("ext", "os.environ") in base.objs:
                return self._env_read(key)
        if name.endswith("OmegaConf.select") and len(node.args) > 1:
            key = _const_key(node.args[1])
            out = args[0]
            for part in (key or "").split("."):
                out = self._attribute(out, part, frame) if part else out
            return out
        results = [self._invoke(frame, node, obj, args, kwargs) for obj in callee.objs]
        known = [r for r in results if r is not None]
        if known:
            return union(known)
        # a library call: the seed survives it (a seed handed to a library stays a seed), constness does not
        carried = union(a.scalar() for a in [*args, *kwargs.values()])
        for a in node.args:
            self._callback(frame, a)
        return Val(seed=carried.seed, random=carried.random, unknown=True)

    def _sink(self, name: str, method: str | None, node: ast.Call, args: list[Val], kwargs: dict[str, Val]):
        scope: Literal["global", "local"] | None = None
        if name in GLOBAL_SINKS or name.endswith(".seed_everything") or method == "seed_everything":
            scope = "global"
        elif name in LOCAL_SINKS:
            scope = "local"
        elif method in ("manual_seed", "manual_seed_all") and not name.startswith("torch."):
            scope = "local"
        elif name and "seed" in kwargs and not name.startswith(("print", "logging", "log")):
            scope = "local"
        elif method and "seed" in kwargs:
            scope = "local"
        if scope is None:
            return None
        if args:
            v = args[0]
        elif "seed" in kwargs:
            v = kwargs["seed"]
        elif "x" in kwargs:
            v = kwargs["x"]
        else:
            v = Val(random=True, text="no seed argument")
        return Sink(call=short(node), at="", scope=scope, val=v.scalar())

    def _spawn(self, frame: _Frame, node: ast.Call, args: list[Val], kwargs: dict[str, Val]) -> bool:
        """Process(target=f, args=(...)) and spawn(f, args=(...)): f runs with those arguments."""
        target = next((k.value for k in node.keywords if k.arg == "target"), None)
        extra: list[Val] = []
        if target is None and node.args and any(k.arg == "args" for k in node.keywords):
            target, extra = node.args[0], [UNKNOWN]  # spawn passes the process index first
        if target is None:
            return False
        fn = self.eval(frame, target)
        args_node = next((k.value for k in node.keywords if k.arg == "args"), None)
        passed = [self.eval(frame, e) for e in args_node.elts] if isinstance(args_node, ast.Tuple) else []
        hit = False
        for obj in fn.objs:
            if obj[0] == "def":
                self._run_def(frame, node, obj[1], extra + passed, {})
                hit = True
        return hit

    def _callback(self, frame: _Frame, arg: ast.AST) -> None:
        """A project function handed to a library (typer.run(main), map(f, ...)): it runs with unknown arguments."""
        if isinstance(arg, ast.Name):
            for obj in self.lookup(frame, arg.id).objs:
                if obj[0] == "def":
                    self._run_def(frame, arg, obj[1], [], {})

    def _invoke(self, frame: _Frame, node: ast.Call, obj: tuple, args, kwargs) -> Val | None:
        if obj[0] == "def":
            return self._run_def(frame, node, obj[1], args, kwargs)
        if obj[0] == "bound":
            _, self_obj, method_id = obj
            return self._run_def(frame, node, method_id, [Val(objs=frozenset({self_obj})), *args], kwargs)
        return None

    def _method(self, cls_id: tuple, name: str) -> tuple | None:
        entry = self.defs.get(cls_id)
        if entry is None:
            return None
        src, cls = entry
        for s in cls.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == name:
                fid = _func_id(src, s)
                self.defs[fid] = (src, s)
                return fid
        return None

    def _run_def(self, frame: _Frame, site: ast.AST, def_id: tuple, args: list[Val], kwargs) -> Val:
        entry = self.defs.get(def_id)
        if entry is None:
            return UNKNOWN
        src, node = entry
        if isinstance(node, ast.ClassDef):
            inst = Val(objs=frozenset({("instance", def_id)}))
            init = self._method(def_id, "__init__")
            if init is not None:
                self._run_def(frame, site, init, [inst, *args], kwargs)
            return inst
        bound = self._bind(src, node, args, kwargs)
        key = (def_id, tuple(sorted((k, v.scalar(), frozenset(v.objs)) for k, v in bound.items())))
        if key in self.active or self.depth >= MAX_DEPTH:
            return UNKNOWN
        if key not in self.memo:
            self.active.add(key)
            self.depth += 1
            try:
                self.memo[key] = self._function(src, node, bound)
            finally:
                self.depth -= 1
                self.active.discard(key)
        ret, sinks = self.memo[key]
        if frame.collect is not None:
            here = frame.src.at(site)
            for s in sinks:
                frame.collect.append(replace(s, chain=[here, *s.chain], through=[short(site), *s.through]))
        return ret

    def _bind(self, src: Source, node: FunctionNode, args: list[Val], kwargs: dict) -> dict[str, Val]:
        a = node.args
        params = [p.arg for p in a.posonlyargs + a.args]
        bound: dict[str, Val] = {}
        special = self._decorated(src, node)
        for i, p in enumerate(params):
            if special is not None:
                bound[p] = special(i, p)
            elif i < len(args):
                bound[p] = args[i]
            elif p in kwargs:
                bound[p] = kwargs[p]
            else:
                defaults = a.defaults
                j = i - (len(params) - len(defaults))
                bound[p] = Val(const=True, text=short(defaults[j])) if j >= 0 and is_literal(defaults[j]) else UNKNOWN
        for kwonly, d in zip(a.kwonlyargs, a.kw_defaults, strict=True):
            bound[kwonly.arg] = kwargs.get(kwonly.arg) or (Val(const=True) if d is not None else UNKNOWN)
        if a.vararg:
            bound[a.vararg.arg] = union(args[len(params) :]) if len(args) > len(params) else UNKNOWN
        if a.kwarg:
            bound[a.kwarg.arg] = UNKNOWN
        return bound

    def _decorated(self, src: Source, node: FunctionNode):
        """Entry functions whose parameters come from the command line: Hydra's cfg, click and typer options."""
        names = [src.canonical(d.func if isinstance(d, ast.Call) else d) or "" for d in node.decorator_list]
        if any(n.startswith("hydra.main") for n in names):
            return lambda i, p: Val(objs=frozenset({("cfg", ())})) if i == 0 else UNKNOWN
        if (
            any(n.startswith("click.") or n.endswith(".command") for n in names)
            or src is self.entry
            and any(
                isinstance(c, ast.Call)
                and (src.canonical(c.func) or "") == "typer.run"
                and c.args
                and isinstance(c.args[0], ast.Name)
                and c.args[0].id == getattr(node, "name", None)
                for c in ast.walk(src.tree)
            )
        ):
            return self._option_param
        return None

    def _option_param(self, i: int, p: str) -> Val:
        if p in self.sources.args_attrs:
            return Val(seed=True, text=p)
        if p in self.sources.option_defaults:
            return Val(const=True, text=repr(self.sources.option_defaults[p]))
        return UNKNOWN

    def _function(self, src: Source, node: FunctionNode, bound: dict[str, Val]) -> tuple[Val, list[Sink]]:
        self._module(src)
        frame = _Frame(src, self.def_parent.get(_func_id(src, node)))
        frame.env.update(bound)
        body = list(node.body)
        self._solve(frame, body)
        frame.collect = []
        self._run_calls(frame, body)
        ret = (
            union(self.eval(frame, r.value) for r in _returns(body) if r.value is not None)
            if _returns(body)
            else NOTHING
        )
        return ret, frame.collect

    def _run_calls(self, frame: _Frame, body: list[ast.stmt]) -> None:
        """Evaluate every call of the scope once more, now recording the seeding calls reached."""
        for s in _statements(body):
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for call in _calls_in(s):
                self.call(frame, call)


def _statements(body: list[ast.stmt]):
    """The statements of a scope, nested blocks included, nested functions and classes not entered."""
    for s in body:
        yield s
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(s, name, None)
            if isinstance(inner, list):
                yield from _statements(inner)
        for h in getattr(s, "handlers", []) or []:
            yield from _statements(h.body)
        for case in getattr(s, "cases", []) or []:
            yield from _statements(case.body)


def _calls_in(stmt: ast.stmt):
    """Calls in one statement's own expressions (not in its nested blocks, which _statements yields separately),
    outermost last, so that arguments are evaluated before the call that takes them."""
    parts: list[ast.AST] = []
    for name, value in ast.iter_fields(stmt):
        if name in ("body", "orelse", "finalbody", "handlers", "cases", "decorator_list"):
            continue
        if isinstance(value, ast.AST):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, ast.AST))
    found: list[ast.Call] = []
    for p in parts:
        for n in ast.walk(p):
            if isinstance(n, ast.Lambda):
                continue
            if isinstance(n, ast.Call):
                found.append(n)
    return [c for c in found if not _inside_other(c, found)]


def _inside_other(call: ast.Call, calls: list[ast.Call]) -> bool:
    # an inner call is evaluated as part of the outer call's arguments; walk yields outer calls first
    return any(other is not call and any(n is call for n in ast.walk(other)) for other in calls)


def _returns(body: list[ast.stmt]) -> list[ast.Return]:
    return [s for s in _statements(body) if isinstance(s, ast.Return)]


def _const_key(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _module_name(src: Source, attr: str) -> str:
    folder = src.path.parent if src.path.name == "__init__.py" else None
    return f"@{folder}.{attr}" if folder else attr


def _dedupe(sinks: list[Sink]) -> list[Sink]:
    out: dict[tuple, Sink] = {}
    for s in sinks:
        key = (tuple(s.chain), s.call)
        if key in out:
            out[key] = replace(out[key], val=out[key].val | s.val)
        else:
            out[key] = s
    return list(out.values())
