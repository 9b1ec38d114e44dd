"""The run's configuration: every config file stored (text and sha256), merged in order into the resolved config,
overrides taken from the command line (`--lr 0.1`, `--lr=0.1`, `lr=0.1`, `+training.lr=0.1`), and the keys of
the seed's config template that are missing (experiment name, seed, data paths and version, model architecture
and hyperparameters, epochs, batch size, learning rate, optimizer, tracking), matched under common spellings."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from experiment_runner.errors import UserError
from experiment_runner.repro.manifest import ConfigFile, ConfigRecord, TemplateKey

MAX_TEXT_BYTES = 1 << 20
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".py": "python"}

# Template item -> accepted key spellings (compared lower-cased with '-' read as '_').
SPELLINGS: dict[str, set[str]] = {
    "experiment_name": {
        "experiment_name",
        "experiment",
        "exp_name",
        "name",
        "run_name",
        "project",
        "project_name",
        "exp",
    },
    "seed": {"seed", "seeds", "random_seed", "rng_seed", "manual_seed", "global_seed", "seed_value"},
    "data_paths": {
        "data_path",
        "data_paths",
        "data_dir",
        "data_root",
        "dataset_path",
        "dataset_dir",
        "train_path",
        "train_file",
        "train_files",
        "train_data",
        "data_files",
        "val_path",
        "valid_path",
        "test_path",
        "train",
        "val",
        "path",
        "paths",
        "root",
        "dir",
        "files",
        "dataset",
    },
    "data_version": {
        "data_version",
        "dataset_version",
        "version",
        "revision",
        "data_hash",
        "dataset_hash",
        "md5",
        "sha256",
        "tag",
    },
    "model_architecture": {
        "architecture",
        "arch",
        "model_name",
        "model_type",
        "backbone",
        "network",
        "net",
        "model",
        "name",
        "type",
    },
    "model_hyperparameters": {
        "hyperparameters",
        "hparams",
        "model_params",
        "model_kwargs",
        "model_args",
        "hidden",
        "hidden_size",
        "hidden_dim",
        "d_model",
        "num_layers",
        "n_layers",
        "layers",
        "depth",
        "width",
        "dropout",
        "n_heads",
        "num_heads",
        "embed_dim",
        "channels",
        "kernel_size",
    },
    "epochs": {
        "epochs",
        "num_epochs",
        "n_epochs",
        "max_epochs",
        "num_train_epochs",
        "max_steps",
        "steps",
        "train_steps",
        "total_steps",
        "iterations",
        "max_iters",
        "num_steps",
        "max_iter",
    },
    "batch_size": {
        "batch_size",
        "bs",
        "batchsize",
        "train_batch_size",
        "per_device_train_batch_size",
        "micro_batch_size",
        "global_batch_size",
        "batch",
    },
    "learning_rate": {"learning_rate", "lr", "base_lr", "max_lr", "init_lr", "initial_lr", "peak_lr", "eta"},
    "optimizer": {"optimizer", "optim", "opt", "optimizer_name", "optimiser", "optimizer_type"},
    "tracking": {
        "tracking",
        "logging",
        "logger",
        "loggers",
        "wandb",
        "mlflow",
        "tensorboard",
        "log_dir",
        "logdir",
        "metrics_file",
        "tracker",
        "report_to",
        "output_dir",
        "comet",
        "neptune",
        "aim",
    },
}
# Keys that only count inside a section of this name (e.g. 'version' only under 'data').
_SECTION_ONLY = {
    "data_paths": ({"train", "val", "path", "paths", "root", "dir", "files"}, {"data", "dataset", "datasets"}),
    "data_version": ({"version", "revision", "md5", "sha256", "tag"}, {"data", "dataset", "datasets"}),
    "model_architecture": ({"name", "type"}, {"model", "network", "net", "arch"}),
    "model_hyperparameters": (
        {
            "hidden",
            "hidden_size",
            "hidden_dim",
            "d_model",
            "num_layers",
            "n_layers",
            "layers",
            "depth",
            "width",
            "dropout",
            "n_heads",
            "num_heads",
            "embed_dim",
            "channels",
            "kernel_size",
        },
        {"model", "network", "net", "arch", "architecture"},
    ),
}


def _norm(key: str) -> str:
    return str(key).strip().lower().replace("-", "_")


def load_config_file(ws, given: str) -> tuple[ConfigFile, Any]:
    from experiment_runner.repro.gitsafe import reject_flag_like

    reject_flag_like(given, "config file")
    path = ws.resolve(given, must_exist=True, kind="file", what="config file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UserError(
            f"config file {given!r} has an unknown format {path.suffix or '(no suffix)'!r}; valid: .yaml, .yml, .json, "
            ".toml, .py (read as text, never run)"
        )
    from experiment_runner.workspace import confine

    raw = confine.read_bytes(path)
    text = raw.decode("utf-8", errors="replace")
    not_literal: list[str] = []
    try:
        if fmt == "python":
            data, not_literal = python_assignments(text, given)
        elif fmt == "yaml":
            import yaml

            data = yaml.safe_load(text)
        elif fmt == "json":
            data = json.loads(text)
        else:
            import tomllib

            data = tomllib.loads(text)
    except Exception as e:  # noqa: BLE001 - yaml/json/toml each raise their own error type
        raise UserError(f"config file {given!r} is not valid {fmt.upper()}: {e}") from None
    record = ConfigFile(
        path=ws.display(path),
        format=fmt,
        sha256="sha256:" + hashlib.sha256(raw).hexdigest(),
        text=text if len(raw) <= MAX_TEXT_BYTES else None,
        not_literal=not_literal,
    )
    return record, data


def python_assignments(text: str, given: str) -> tuple[dict[str, Any], list[str]]:
    """A Python config file (nanoGPT's config/*.py) read as data, never run: its top-level `name = <literal>`
    assignments; names bound to anything else are listed, not evaluated."""
    import ast

    try:
        tree = ast.parse(text, filename=given)
    except SyntaxError as e:
        raise UserError(f"config file {given!r} is not valid Python: {e.msg} (line {e.lineno})") from None
    data: dict[str, Any] = {}
    other: list[str] = []
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        for t in targets:
            if not isinstance(t, ast.Name) or value is None:
                continue
            try:
                data[t.id] = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                other.append(t.id)
    return data, other


def deep_merge(base: Any, update: Any) -> Any:
    if isinstance(base, dict) and isinstance(update, dict):
        out = dict(base)
        for k, v in update.items():
            out[k] = deep_merge(out[k], v) if k in out else v
        return out
    return update


def argv_overrides(argv: list[str]) -> dict[str, str]:
    """`--key value`, `--key=value`, `key=value` and Hydra's `+key=value` / `++key=value` from a command line."""
    out: dict[str, str] = {}
    i = 0
    while i < len(argv):
        a = argv[i]
        m = re.match(r"^--([A-Za-z_][\w.\-]*)=(.*)$", a)
        if m:
            out[m.group(1)] = m.group(2)
        elif re.match(r"^--[A-Za-z_][\w.\-]*$", a) and i + 1 < len(argv) and not argv[i + 1].startswith("--"):
            out[a[2:]] = argv[i + 1]
            i += 1
        else:
            m = re.match(r"^\+{0,2}([A-Za-z_][\w.\-]*)=(.*)$", a)
            if m and "/" not in m.group(1):
                out[m.group(1)] = m.group(2)
        i += 1
    return out


def _flatten(data: Any, prefix: str = "") -> list[tuple[list[str], Any]]:
    out: list[tuple[list[str], Any]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            path = [*prefix.split("."), str(k)] if prefix else [str(k)]
            out.append((path, v))
            out.extend(_flatten(v, ".".join(path)))
    return out


def _matches(item: str, path: list[str], value: Any) -> bool:
    leaf = _norm(path[-1])
    sections = {_norm(p) for p in path[:-1]}
    if leaf not in SPELLINGS[item]:
        return False
    only = _SECTION_ONLY.get(item)
    if only and leaf in only[0] and not (sections & only[1]):
        return False
    if item == "model_architecture" and leaf == "model" and isinstance(value, dict):
        return False  # a model section is not itself an architecture name
    if item == "data_paths" and leaf == "dataset" and isinstance(value, dict):
        return False
    if item in ("experiment_name",) and sections:
        return leaf in ("experiment_name", "exp_name", "run_name") or (
            sections <= {"experiment", "exp", "run", "project"}
        )
    if item == "tracking":
        return True
    if item == "seed":
        return not isinstance(value, dict)
    return True


def template_keys(resolved: dict, overrides: dict[str, str]) -> list[TemplateKey]:
    flat = _flatten(resolved)
    flat += [(["argv"] + k.split("."), v) for k, v in overrides.items()]
    out: list[TemplateKey] = []
    for item in SPELLINGS:
        found = next(
            (
                ".".join(p) if p[0] != "argv" else "argv: " + ".".join(p[1:])
                for p, v in flat
                if _matches(item, p, v) and v not in (None, "", [], {})
            ),
            None,
        )
        if found is None and item == "model_hyperparameters":
            # any non-name key inside a model section counts as a hyperparameter
            found = next(
                (
                    ".".join(p)
                    for p, v in flat
                    if len(p) == 2
                    and _norm(p[0]) in {"model", "network", "net"}
                    and _norm(p[1]) not in SPELLINGS["model_architecture"]
                    and not isinstance(v, dict)
                ),
                None,
            )
        out.append(TemplateKey(key=item, found_at=found))
    return out


def _seed_setting(resolved: dict, overrides: dict[str, str]) -> dict[str, Any] | None:
    """Where the seed is set: the config key, and a command-line value that overrides it (either may be absent)."""
    found: dict[str, Any] | None = None
    for path, v in _flatten(resolved):
        if _norm(path[-1]) in SPELLINGS["seed"] and not isinstance(v, dict) and v not in (None, ""):
            found = {"at": ".".join(path), "value": v}
            break
    for k, v in overrides.items():
        if _norm(k.split(".")[-1]) in SPELLINGS["seed"]:
            over = {"at": f"argv: {k}", "value": v}
            if found is None:
                return over
            found["override"] = over
            break
    return found


def check_config(
    ws,
    config_files: list[str],
    argv: list[str],
    *,
    defaults: dict[str, Any] | None = None,
    defaults_source: str | None = None,
    defaults_under_files: bool = False,
) -> ConfigRecord:
    """The files merged in order into `resolved`. `defaults` are the values the training script sets itself (its
    argparse defaults, its configurator globals, its Hydra config), read statically; they are the effective config
    when no file is given, and the base the files override when the script works that way
    (`defaults_under_files`, nanoGPT's configurator)."""
    record = ConfigRecord()
    resolved: Any = {}
    for given in config_files:
        file_record, data = load_config_file(ws, given)
        record.files.append(file_record)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise UserError(
                f"config file {given!r} holds a {type(data).__name__} at the top level; a config must be a mapping of "
                "keys to values"
            )
        resolved = deep_merge(resolved, data)
    if defaults:
        record.defaults = json.loads(json.dumps(defaults, default=str))
        record.defaults_source = defaults_source
        if not config_files or defaults_under_files:
            resolved = deep_merge(record.defaults, resolved)
            record.resolved_from = (defaults_source or "the script's defaults") + (
                " overridden by the config files" if config_files else ""
            )
    record.resolved = json.loads(json.dumps(resolved, default=str))
    record.command_overrides = argv_overrides(argv[1:])
    record.template = template_keys(record.resolved, record.command_overrides)
    record.seed = _seed_setting(record.resolved, record.command_overrides)
    return record


def path_in_template(item: str) -> str:
    return {
        "experiment_name": "experiment_name",
        "seed": "seed",
        "data_paths": "data.train / data.val",
        "data_version": "data.version",
        "model_architecture": "model.architecture",
        "model_hyperparameters": "model.<hyperparameter> (e.g. model.hidden)",
        "epochs": "training.epochs",
        "batch_size": "training.batch_size",
        "learning_rate": "training.learning_rate",
        "optimizer": "training.optimizer",
        "tracking": "tracking (e.g. tracking.metrics_file)",
    }[item]
