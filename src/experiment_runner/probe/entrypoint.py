"""Load a sanity-check entrypoint in the user's Python and check what `build()` returns. torch + stdlib only.

The contract (DESIGN.md, contract 1): `path/to/file.py:build` or `package.module:build` names a callable that takes
no arguments and returns a dict with
    model        torch.nn.Module
    train_loader iterable of (inputs, targets) batches, both tensors (a DataLoader, a list of pairs, ...)
    loss_fn      callable(outputs, targets) -> scalar tensor
and optionally val_loader (like train_loader), optimizer (callable(params) -> torch.optim.Optimizer),
task ("classification" | "regression"), num_classes (int >= 2).

API (other probes use it; keep it small):
    parse_spec(text) -> EntrySpec                 the spec split into (kind "file"|"module", target, attribute)
    load_build(spec, workdir) -> dict             import, call build(), validate; returns every contract key
                                                  (optional ones None) plus "extra_keys" (sorted list)
    take_batches(loader, name, limit) -> list     the first `limit` batches as (inputs, targets) tuples, validated
    check_loss_value(value, where) -> None        the loss must be a one-element tensor
Every problem raises EntrypointError(stage, message, traceback_tail), stage one of "spec", "import", "build",
"contract", "data". Messages name the bad value and what is expected.

It imports no other probe module, so a probe script can load it by file path (anomaly.py does); the sanity probe
loads the whole folder as a package (see sanity.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import traceback
from collections import namedtuple
from typing import Literal, get_args

#: where loading stopped: the spec itself, importing the file or module, calling build(), what it returned, reading
#: a loader; the probes add the device and their own failure
Stage = Literal["spec", "import", "build", "contract", "data", "device", "probe"]
STAGES: tuple[Stage, ...] = get_args(Stage)

REQUIRED_KEYS = ("model", "train_loader", "loss_fn")
OPTIONAL_KEYS = ("val_loader", "optimizer", "task", "num_classes")
TASKS = ("classification", "regression")

EntrySpec = namedtuple("EntrySpec", "kind target attribute")

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_MODULE = re.compile(rf"^{_IDENT}(\.{_IDENT})*$")
_PROBE_DIR = os.path.dirname(os.path.abspath(__file__))


def _passes_through(exc: BaseException) -> bool:
    """Errors that are not the entrypoint's fault but the process's: interrupts and running out of memory
    (MemoryError, torch's allocator failures, CUDA out of memory). They propagate so the probe can say so."""
    if isinstance(exc, (KeyboardInterrupt, MemoryError)) or type(exc).__name__ == "OutOfMemoryError":
        return True
    text = str(exc)
    return isinstance(exc, RuntimeError) and ("can't allocate memory" in text or "out of memory" in text.lower())


class EntrypointError(Exception):
    """The entrypoint could not be loaded or broke the contract. `stage` says where; `traceback_tail` holds the last
    lines of the user's traceback when their code raised (empty otherwise)."""

    def __init__(self, stage: Stage, message: str, traceback_tail: list | None = None):
        super().__init__(message)
        self.stage = stage
        self.message = message
        self.traceback_tail = list(traceback_tail or [])


def user_traceback(exc: BaseException, limit: int = 12) -> list:
    """The last lines of a traceback, without the frames of this folder (they say nothing about the user's bug)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith(_PROBE_DIR)]
    lines = []
    for f in frames:
        lines.append(f'File "{f.filename}", line {f.lineno}, in {f.name}')
        if f.line:
            lines.append("    " + f.line.strip())
    lines.extend(line.rstrip("\n") for line in traceback.format_exception_only(type(exc), exc))
    return lines[-limit:]


def parse_spec(text: str) -> EntrySpec:
    usage = "use 'path/to/file.py:build' or 'package.module:build'"
    if not isinstance(text, str) or ":" not in text:
        raise EntrypointError("spec", f"entrypoint {text!r} has no ':'; {usage}")
    target, _, attribute = text.rpartition(":")
    if not target:
        raise EntrypointError("spec", f"entrypoint {text!r} names no file or module before ':'; {usage}")
    if not re.match(rf"^{_IDENT}(\.{_IDENT})*$", attribute):
        raise EntrypointError(
            "spec", f"entrypoint {text!r}: {attribute!r} after ':' is not a Python name (e.g. build); {usage}"
        )
    if target.endswith(".py") or "/" in target or os.sep in target:
        if not target.endswith(".py"):
            raise EntrypointError("spec", f"entrypoint {text!r}: {target!r} is a path but not a .py file; {usage}")
        return EntrySpec("file", target, attribute)
    if not _MODULE.match(target):
        raise EntrypointError(
            "spec", f"entrypoint {text!r}: {target!r} is neither a .py file nor a module name; {usage}"
        )
    return EntrySpec("module", target, attribute)


def _import(spec: EntrySpec, workdir: str):
    if workdir not in sys.path:
        sys.path.insert(0, workdir)
    if spec.kind == "module":
        try:
            return importlib.import_module(spec.target)
        except BaseException as e:
            if _passes_through(e):
                raise
            missing = getattr(e, "name", None) if isinstance(e, ModuleNotFoundError) else None
            if missing and (spec.target == missing or spec.target.startswith(missing + ".")):
                raise EntrypointError(
                    "import",
                    f"module {spec.target!r} cannot be found from {workdir} or the interpreter's path "
                    f"({sys.executable}): {e}",
                ) from None
            # the module was found, ran, and raised (possibly a missing import of its own)
            raise EntrypointError(
                "import", f"importing {spec.target!r} raised {type(e).__name__}: {e}", user_traceback(e)
            ) from None
    path = spec.target if os.path.isabs(spec.target) else os.path.join(workdir, spec.target)
    path = os.path.realpath(path)
    if not os.path.isfile(path):
        raise EntrypointError("import", f"entrypoint file {spec.target!r} does not exist (looked at {path})")
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # sibling imports work as they do when the file runs as a script
    name = os.path.splitext(os.path.basename(path))[0]
    if not re.match(rf"^{_IDENT}$", name) or name in sys.modules:
        name = "_experiment_runner_user_" + re.sub(r"\W", "_", name)
    module_spec = importlib.util.spec_from_file_location(name, path)
    if module_spec is None or module_spec.loader is None:  # parse_spec admits .py files only: not expected
        raise EntrypointError("import", f"entrypoint file {spec.target!r} cannot be loaded as a Python module")
    loader = module_spec.loader
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    try:
        loader.exec_module(module)
    except BaseException as e:
        if _passes_through(e):
            raise
        sys.modules.pop(name, None)
        raise EntrypointError(
            "import", f"running {spec.target} raised {type(e).__name__}: {e}", user_traceback(e)
        ) from None
    return module


def _type_name(value) -> str:
    return type(value).__name__


def _loader_problem(name: str, value) -> str | None:
    import torch
    from torch.utils.data import Dataset, IterableDataset

    if isinstance(value, torch.Tensor):
        return (
            f"{name} is a Tensor of shape {list(value.shape)}; expected an iterable of (inputs, targets) batches "
            "such as DataLoader(TensorDataset(x, y), batch_size=32)"
        )
    if isinstance(value, (str, bytes, dict)):
        return (
            f"{name} is a {_type_name(value)}; expected an iterable of (inputs, targets) batches such as a DataLoader"
        )
    if isinstance(value, Dataset) and not isinstance(value, IterableDataset):
        return (
            f"{name} is a Dataset ({_type_name(value)}), which yields single samples; wrap it: "
            f"DataLoader(dataset, batch_size=32)"
        )
    if not hasattr(value, "__iter__"):
        return (
            f"{name} is a {_type_name(value)}, which is not iterable; expected an iterable of (inputs, targets) batches"
        )
    return None


def validate_build(result) -> dict:
    """Check the dict build() returned; raise EntrypointError("contract") listing every problem at once."""
    import torch

    wanted = ", ".join(REQUIRED_KEYS) + " (optional: " + ", ".join(OPTIONAL_KEYS) + ")"
    if not isinstance(result, dict):
        raise EntrypointError(
            "contract", f"build() returned a {_type_name(result)}; it must return a dict with keys {wanted}"
        )
    missing = [k for k in REQUIRED_KEYS if k not in result or result[k] is None]
    problems = [
        f"build() result is missing {k!r} (it has: {', '.join(sorted(map(str, result))) or 'nothing'}); "
        f"required keys: {', '.join(REQUIRED_KEYS)}"
        for k in missing
    ]
    model = result.get("model")
    if model is not None and not isinstance(model, torch.nn.Module):
        problems.append(f"model is a {_type_name(model)}; expected a torch.nn.Module")
    for name in ("train_loader", "val_loader"):
        if result.get(name) is not None:
            problem = _loader_problem(name, result[name])
            if problem:
                problems.append(problem)
    loss_fn = result.get("loss_fn")
    if loss_fn is not None and not callable(loss_fn):
        problems.append(
            f"loss_fn is a {_type_name(loss_fn)}; expected a callable(outputs, targets) -> scalar tensor, "
            "e.g. torch.nn.CrossEntropyLoss()"
        )
    optimizer = result.get("optimizer")
    if isinstance(optimizer, torch.optim.Optimizer):
        problems.append(
            f"optimizer is an already built {_type_name(optimizer)}; the checks rebuild it for each trial, so "
            f"pass a callable: lambda params: torch.optim.{_type_name(optimizer)}(params, lr=...)"
        )
    elif optimizer is not None and not callable(optimizer):
        problems.append(f"optimizer is a {_type_name(optimizer)}; expected a callable(params) -> torch.optim.Optimizer")
    task = result.get("task")
    if task is not None and task not in TASKS:
        problems.append(f"task is {task!r}; expected one of {', '.join(TASKS)} (or leave it out to infer it)")
    num_classes = result.get("num_classes")
    if num_classes is not None and (
        isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 2
    ):
        problems.append(f"num_classes is {num_classes!r}; expected an integer >= 2 (or leave it out)")
    if problems:
        raise EntrypointError("contract", "; ".join(problems))
    out = {k: result.get(k) for k in REQUIRED_KEYS + OPTIONAL_KEYS}
    out["extra_keys"] = sorted(str(k) for k in result if k not in REQUIRED_KEYS + OPTIONAL_KEYS)
    return out


def load_build(spec: str, workdir) -> dict:
    """Import the entrypoint (relative paths and module names resolve from `workdir`), call it, validate the result."""
    parsed = parse_spec(spec)
    workdir = os.path.realpath(os.fspath(workdir))
    module = _import(parsed, workdir)
    fn = module
    for part in parsed.attribute.split("."):
        if not hasattr(fn, part):
            have = sorted(n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n, None)))
            raise EntrypointError(
                "import",
                f"{parsed.target} has no {parsed.attribute!r}; callables it defines: {', '.join(have) or 'none'}",
            )
        fn = getattr(fn, part)
    if not callable(fn):
        raise EntrypointError("import", f"{spec}: {parsed.attribute!r} is a {_type_name(fn)}, not a function to call")
    try:
        result = fn()
    except BaseException as e:
        if _passes_through(e):
            raise
        raise EntrypointError(
            "build", f"{parsed.attribute}() raised {type(e).__name__}: {e}", user_traceback(e)
        ) from None
    return validate_build(result)


def _describe(value) -> str:
    import torch

    if isinstance(value, torch.Tensor):
        return f"Tensor{list(value.shape)}"
    if isinstance(value, dict):
        return f"dict with keys {sorted(map(str, value))}"
    if isinstance(value, (tuple, list)):
        return f"{_type_name(value)} of {len(value)}"
    return _type_name(value)


def batch_pair(batch, name: str, index: int):
    """(inputs, targets) from one batch, or EntrypointError("contract") saying what the batch is instead."""
    import torch

    expected = "expected an (inputs, targets) pair: a tuple or list of two tensors"
    if isinstance(batch, dict):
        raise EntrypointError(
            "contract",
            f"{name} batch {index} is a {_describe(batch)}; {expected} (e.g. yield (batch['image'], batch['label']))",
        )
    if not isinstance(batch, (tuple, list)):
        raise EntrypointError("contract", f"{name} batch {index} is a {_describe(batch)}; {expected}")
    if len(batch) != 2:
        items = ", ".join(_describe(b) for b in batch[:5])
        raise EntrypointError(
            "contract", f"{name} batch {index} is a {_type_name(batch)} of {len(batch)} items ({items}); {expected}"
        )
    for label, value in zip(("inputs", "targets"), batch):
        if not isinstance(value, torch.Tensor):
            raise EntrypointError(
                "contract", f"{name} batch {index}: {label} is a {_describe(value)}; expected a torch.Tensor"
            )
        if value.dim() == 0:
            raise EntrypointError(
                "contract",
                f"{name} batch {index}: {label} is a 0-dimensional tensor; batches need a "
                "leading batch dimension (did the loader yield single samples?)",
            )
    return batch[0], batch[1]


def take_batches(loader, name: str, limit: int) -> list:
    """The first `limit` batches of a loader as validated (inputs, targets) tuples."""
    batches = []
    iterator = None
    try:
        iterator = iter(loader)
        for index in range(limit):
            try:
                batch = next(iterator)
            except StopIteration:
                break
            batches.append(batch_pair(batch, name, index))
    except EntrypointError:
        raise
    except BaseException as e:
        if _passes_through(e):
            raise
        raise EntrypointError(
            "data", f"iterating {name} raised {type(e).__name__} at batch {len(batches)}: {e}", user_traceback(e)
        ) from None
    finally:
        del iterator  # lets DataLoader workers shut down now rather than at exit
    if not batches:
        raise EntrypointError(
            "contract", f"{name} yielded no batches; it must yield at least one (inputs, targets) pair"
        )
    return batches


def check_loss_value(value, where: str = "loss_fn(outputs, targets)") -> None:
    import torch

    if not isinstance(value, torch.Tensor):
        raise EntrypointError(
            "contract",
            f"{where} returned a {_type_name(value)}; it must return a scalar torch.Tensor "
            "(backward() needs one: do not call .item())",
        )
    if value.numel() != 1:
        raise EntrypointError(
            "contract",
            f"{where} returned a tensor of shape {list(value.shape)}; it must return a scalar "
            "(reduce it with .mean(), or use reduction='mean')",
        )
    if not value.is_floating_point():
        raise EntrypointError(
            "contract", f"{where} returned a {value.dtype} tensor; it must return a floating-point scalar"
        )
