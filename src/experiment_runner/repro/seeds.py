"""Where the project's code seeds its random number generators and asks for determinism: found by reading the
Python sources (ast, with a pattern fallback for files that do not parse), never by importing or running them.

Calls are resolved through each file's imports, so `import numpy as np; np.random.seed(0)`,
`from torch import manual_seed as ms; ms(0)` and `from lightning import seed_everything` are all recognised.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from experiment_runner.repro.manifest import SeedCall, SeedScan
from experiment_runner.workspace import confine

MAX_FILES = 5000
MAX_FILE_BYTES = 2 << 20
SKIP_DIRS = {
    "__pycache__",
    "node_modules",
    "site-packages",
    "dist-packages",
    "build",
    "dist",
    "wandb",
    "mlruns",
    "lightning_logs",
}

# canonical dotted name -> kind
_CALLS = {
    "random.seed": "python",
    "numpy.random.seed": "numpy",
    "numpy.random.default_rng": "numpy",
    "numpy.random.RandomState": "numpy",
    "torch.manual_seed": "torch",
    "torch.random.manual_seed": "torch",
    "torch.cuda.manual_seed": "cuda",
    "torch.cuda.manual_seed_all": "cuda",
    "torch.cuda.random.manual_seed": "cuda",
    "torch.cuda.random.manual_seed_all": "cuda",
    "transformers.set_seed": "all",
    "transformers.trainer_utils.set_seed": "all",
    "accelerate.utils.set_seed": "all",
    "accelerate.utils.random.set_seed": "all",
    "torch.use_deterministic_algorithms": "deterministic_algorithms",
    "transformers.enable_full_determinism": "all",
    "transformers.trainer_utils.enable_full_determinism": "all",
}
_SEED_EVERYTHING_MODULES = (
    "lightning",
    "pytorch_lightning",
    "lightning_fabric",
    "lightning.pytorch",
    "lightning.fabric",
)
_TRAINERS = {f"{m}.Trainer" for m in ("lightning", "pytorch_lightning", "lightning.pytorch")}
_DATALOADERS = {"torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader"}
_ASSIGNED = {
    "torch.backends.cudnn.deterministic": "cudnn_deterministic",
    "torch.backends.cudnn.benchmark": "cudnn_benchmark",
}
# Randomness the code uses, which then needs seeding.
_TORCH_RANDOM_USE = re.compile(r"^torch\.")
_NUMPY_RANDOM_USE = re.compile(r"^numpy\.random\.")

_REGEX = [
    (re.compile(r"\brandom\.seed\s*\("), "python"),
    (re.compile(r"\b(np|numpy)\.random\.seed\s*\("), "numpy"),
    (re.compile(r"\bdefault_rng\s*\(\s*[^)\s]"), "numpy"),
    (re.compile(r"\btorch\.(random\.)?manual_seed\s*\("), "torch"),
    (re.compile(r"\bcuda\.manual_seed(_all)?\s*\("), "cuda"),
    (re.compile(r"\b(seed_everything|set_seed|enable_full_determinism)\s*\("), "all"),
    (re.compile(r"\buse_deterministic_algorithms\s*\(\s*True"), "deterministic_algorithms"),
    (re.compile(r"\bcudnn\.deterministic\s*=\s*True"), "cudnn_deterministic"),
    (re.compile(r"\bcudnn\.benchmark\s*=\s*(True|False)"), "cudnn_benchmark"),
    (re.compile(r"\bDataLoader\s*\("), "dataloader"),
]


def _short(node: ast.AST, limit: int = 120) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # noqa: BLE001 - unparse of odd nodes; the line number still says where
        text = type(node).__name__
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _FileScan(ast.NodeVisitor):
    def __init__(self, where: str):
        self.where = where
        self.aliases: dict[str, str] = {}
        self.calls: list[SeedCall] = []
        self.uses: set[str] = set()

    # -- imports ------------------------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            if a.asname:
                self.aliases[a.asname] = a.name
            else:
                top = a.name.split(".")[0]
                self.aliases[top] = top
            self._note_import(a.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            for a in node.names:
                self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
                self._note_import(f"{node.module}.{a.name}")

    def _note_import(self, name: str) -> None:
        top = name.split(".", maxsplit=1)[0]
        if top == "random":
            self.uses.add("python")
        elif top in ("torch", "lightning", "pytorch_lightning", "transformers", "accelerate", "timm", "torchvision"):
            self.uses.add("torch")
        if name.startswith("numpy.random"):
            self.uses.add("numpy")

    # -- names --------------------------------------------------------------------------------------------
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

    def _at(self, node: ast.expr | ast.stmt) -> str:
        return f"{self.where}:{node.lineno}"

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = self.canonical(node)
        if name and _NUMPY_RANDOM_USE.match(name + "."):
            self.uses.add("numpy")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = self.canonical(node.func)
        if name:
            self._call(name, node)
        self.generic_visit(node)

    def _call(self, name: str, node: ast.Call) -> None:
        kind = _CALLS.get(name)
        if (
            kind is None
            and name.endswith(".seed_everything")
            and name.rsplit(".", 1)[0].startswith(_SEED_EVERYTHING_MODULES)
        ):
            kind = "all"
        if kind in ("numpy",) and name.endswith(("default_rng", "RandomState")) and not (node.args or node.keywords):
            self.calls.append(
                SeedCall(
                    kind="numpy",
                    call=_short(node),
                    at=self._at(node),
                    detail="no seed argument: unseeded generator",
                    value=False,
                )
            )
            return
        if kind == "deterministic_algorithms":
            value = _literal_bool(node.args[0]) if node.args else _literal_bool(_kw(node, "mode"))
            self.calls.append(SeedCall(kind=kind, call=_short(node), at=self._at(node), value=value))
            return
        if kind:
            self.calls.append(SeedCall(kind=kind, call=_short(node), at=self._at(node)))
            return
        if name in _TRAINERS and _kw(node, "deterministic") is not None:
            value = _literal_bool(_kw(node, "deterministic"))
            self.calls.append(SeedCall(kind="trainer_deterministic", call=_short(node), at=self._at(node), value=value))
            return
        if name in _DATALOADERS:
            self.calls.append(self._dataloader(node))
            return
        if _TORCH_RANDOM_USE.match(name):
            self.uses.add("torch")
        if _NUMPY_RANDOM_USE.match(name):
            self.uses.add("numpy")

    def _dataloader(self, node: ast.Call) -> SeedCall:
        kws = {k.arg: k.value for k in node.keywords if k.arg}
        workers = kws.get("num_workers")
        if workers is None and len(node.args) >= 6:
            workers = node.args[5]  # DataLoader(dataset, batch_size, shuffle, sampler, batch_sampler, num_workers, ...)
        parts = []
        if workers is None:
            parts.append("num_workers=0 (default)")
        else:
            parts.append(f"num_workers={_short(workers, 40)}")
        parts.append("generator=" + ("set" if "generator" in kws else "missing"))
        parts.append("worker_init_fn=" + ("set" if "worker_init_fn" in kws else "missing"))
        multi = workers is not None and not (isinstance(workers, ast.Constant) and workers.value == 0)
        seeded = "generator" in kws or "worker_init_fn" in kws
        value = True if (seeded or not multi) else False
        return SeedCall(kind="dataloader", call=_short(node), at=self._at(node), detail=", ".join(parts), value=value)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._assigned(target, node.value, node)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._assigned(node.target, node.value, node)
        self.generic_visit(node)

    def _assigned(self, target: ast.AST, value: ast.AST, node: ast.stmt) -> None:
        name = self.canonical(target)
        kind = _ASSIGNED.get(name or "")
        if kind:
            self.calls.append(SeedCall(kind=kind, call=_short(node), at=self._at(node), value=_literal_bool(value)))


def _kw(node: ast.Call, name: str) -> ast.AST | None:
    for k in node.keywords:
        if k.arg == name:
            return k.value
    return None


def _literal_bool(node: ast.AST | None) -> bool | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    return None


def _regex_scan(text: str, where: str) -> tuple[list[SeedCall], set[str]]:
    calls: list[SeedCall] = []
    uses: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]
        if re.search(r"^\s*(import|from)\s+(torch|lightning|pytorch_lightning|transformers)\b", code):
            uses.add("torch")
        if re.search(r"^\s*import\s+random\b|^\s*from\s+random\s+import\b", code):
            uses.add("python")
        if re.search(r"\b(np|numpy)\.random\.", code):
            uses.add("numpy")
        for pattern, kind in _REGEX:
            m = pattern.search(code)
            if m:
                value = None
                if kind in ("cudnn_benchmark",):
                    value = m.group(1) == "True"
                elif kind in ("deterministic_algorithms", "cudnn_deterministic"):
                    value = True
                calls.append(
                    SeedCall(
                        kind=kind,
                        call=code.strip()[:120],
                        at=f"{where}:{lineno}",
                        value=value,
                        detail="found by pattern (the file does not parse)",
                    )
                )
    return calls, uses


def python_files(ws, root: Path, store_root: Path | None = None) -> tuple[list[Path], list[str]]:
    """The project's .py files: hidden folders, virtual environments, caches and the store left out; symlinks
    leading outside the workspace skipped."""
    out: list[Path] = []
    skipped: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        d = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            sub = d / name
            if (
                name.startswith(".")
                or name in SKIP_DIRS
                or (sub / "pyvenv.cfg").exists()
                or (store_root and sub == store_root)
            ):
                continue
            if sub.is_symlink():
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            f = d / name
            if f.is_symlink() and not ws.contains(f):
                skipped.append(f"{ws.display(f)} (symlink leading outside the workspace)")
                continue
            out.append(f)
            if len(out) >= MAX_FILES:
                skipped.append(f"more than {MAX_FILES} Python files: the rest were not read")
                return out, skipped
    return out, skipped


def scan_seeds(ws, project_dir: Path, extra_files: list[Path] | None = None) -> SeedScan:
    files, skipped = python_files(ws, project_dir, ws.store_root)
    for f in extra_files or []:
        if f not in files and ws.contains(f) and f.suffix == ".py" and f.is_file():
            files.append(f)
    scan = SeedScan(skipped=skipped)
    uses: set[str] = set()
    for f in files:
        where = ws.display(f)
        try:
            if confine.stat(f).st_size > MAX_FILE_BYTES:
                scan.skipped.append(f"{where} (larger than {MAX_FILE_BYTES >> 20} MiB)")
                continue
            text = confine.read_text(f, errors="replace")
        except OSError as e:
            scan.skipped.append(f"{where} ({e.strerror or e})")
            continue
        except confine.Refused as e:
            scan.skipped.append(f"{where} ({e})")
            continue
        scan.files_scanned += 1
        try:
            tree = ast.parse(text, filename=where)
        except (SyntaxError, ValueError):
            calls, u = _regex_scan(text, where)
            scan.files_regex.append(where)
            scan.calls.extend(calls)
            uses |= u
            scan.uses_by_file[where] = sorted(u)
            continue
        v = _FileScan(where)
        v.visit(tree)
        scan.calls.extend(v.calls)
        uses |= v.uses
        scan.uses_by_file[where] = sorted(v.uses)
    scan.uses = sorted(uses)
    return scan
