"""The hyperparameters a next step should quote, read from where a run states them: its command line (`--lr 3e-3`,
`--lr=3e-3`, `lr=3e-3`), the config file the command names (YAML or JSON, nested keys searched), and the first
lines of its log (`config: lr=40 batch_size=64`, a JSON dump, nanoGPT's `Overriding: learning_rate = 6e-4`).
The command wins over the config, the config over the log; each value remembers where it came from and how it
was spelt, so a suggestion can say "lower the learning rate from 3e-3 to 3e-4" in the user's own notation and
rewrite the very argument in the command."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: canonical name -> the spellings scripts use (compared lowercased, '-' read as '_')
ALIASES: dict[str, tuple[str, ...]] = {
    "lr": ("lr", "learning_rate", "base_lr", "max_lr", "init_lr", "peak_lr", "lr0"),
    "batch_size": (
        "batch_size",
        "bs",
        "batch",
        "train_batch_size",
        "per_device_train_batch_size",
        "micro_batch_size",
        "batchsize",
    ),
    "grad_clip": (
        "grad_clip",
        "clip",
        "clip_grad",
        "clip_grad_norm",
        "max_grad_norm",
        "gradient_clip_val",
        "clip_norm",
        "grad_norm_clip",
    ),
    "grad_accum": (
        "gradient_accumulation_steps",
        "grad_accum",
        "accumulate_grad_batches",
        "accum_steps",
        "accumulation_steps",
        "accumulate",
    ),
    "num_workers": ("num_workers", "workers", "dataloader_num_workers", "n_workers", "j"),
    "epochs": ("epochs", "num_epochs", "max_epochs", "n_epochs", "num_train_epochs"),
    "max_steps": ("max_steps", "max_iters", "num_steps", "total_steps", "iters", "steps"),
    "weight_decay": ("weight_decay", "wd"),
    "dropout": ("dropout", "drop_rate", "dropout_rate", "p_dropout"),
    "warmup": ("warmup", "warmup_steps", "warmup_iters"),
    "precision": ("precision", "dtype", "amp", "fp16", "bf16", "mixed_precision"),
    "seed": ("seed", "random_seed"),
    "num_classes": ("num_classes", "n_classes", "classes", "num_labels"),
}
_LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_CONFIG_FLAGS = ("--config", "--cfg", "-c", "--config-file", "--config_file", "--config-path", "--hparams")
_NUMBER = r"[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)"
_LOG_PAIR = re.compile(
    # a value followed by '%' is a share (fairseq's `clip=100%`: the share of clipped updates), never a setting
    r"(?<![\w/.-])([A-Za-z][\w-]*)\s*(?:=|:)\s*("
    + _NUMBER
    + r"|true|false|bf16|fp16|16-mixed|bf16-mixed|32)(?![\w.%])",
    re.I,
)
_OVERRIDE = re.compile(r"Overriding:\s*([A-Za-z_]\w*)\s*=\s*(" + _NUMBER + r")", re.I)
HEAD_LINES = 60


@dataclass
class Value:
    name: str
    value: Any
    text: str  # as written
    source: str  # "command" | "config <path>" | "log line N"
    argv_index: int | None = None  # where the value sits in argv (to rewrite it)
    argv_form: str | None = None  # "separate" (--lr 3e-3) or "joined" (--lr=3e-3 / lr=3e-3)


@dataclass
class Hparams:
    values: dict[str, Value] = field(default_factory=dict)

    def get(self, name: str) -> Value | None:
        return self.values.get(name)

    def number(self, name: str) -> float | None:
        v = self.values.get(name)
        if v is None:
            return None
        try:
            x = float(v.value)
        except (TypeError, ValueError):
            return None
        return x if math.isfinite(x) else None

    def as_dict(self) -> dict:
        return {k: {"value": v.value, "written": v.text, "source": v.source} for k, v in self.values.items()}

    def _offer(self, v: Value) -> None:
        self.values.setdefault(v.name, v)


def canonical(key: str) -> str | None:
    k = key.strip().lstrip("-").lower().replace("-", "_")
    k = k.split(".")[-1].split("/")[-1]
    return _LOOKUP.get(k)


def _parse_scalar(text: str) -> Any:
    t = text.strip().strip("'\"")
    low = t.lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        return int(t)
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        return t


def from_argv(argv: list[str], hp: Hparams) -> list[str]:
    """Values on the command line; returns the config files it names."""
    configs: list[str] = []
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok.startswith("-"):
            key, eq, val = tok.partition("=")
            if key in _CONFIG_FLAGS:
                if eq:
                    configs.append(val)
                elif i + 1 < len(argv):
                    configs.append(argv[i + 1])
                    i += 1
                i += 1
                continue
            name = canonical(key)
            if name and eq:
                hp._offer(Value(name, _parse_scalar(val), val, "command", i, "joined"))
            elif name and i + 1 < len(argv) and not argv[i + 1].startswith("--"):
                hp._offer(Value(name, _parse_scalar(argv[i + 1]), argv[i + 1], "command", i + 1, "separate"))
                i += 1
            elif name and not eq:  # a bare flag: --fp16, --amp
                hp._offer(Value(name, True, tok, "command", i, "flag"))
        elif "=" in tok:  # hydra / nanoGPT style: lr=3e-3, optimizer.lr=3e-3
            key, _, val = tok.partition("=")
            name = canonical(key)
            if key in ("config", "cfg", "config_file"):
                configs.append(val)
            if name:
                hp._offer(Value(name, _parse_scalar(val), val, "command", i, "joined"))
        elif tok.endswith((".yaml", ".yml", ".json")) and i > 0:
            configs.append(tok)
        i += 1
    return list(dict.fromkeys(configs))


def _walk(obj: Any, out: list[tuple[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                _walk(v, out, depth + 1)
            else:
                out.append((str(k), v))
    elif isinstance(obj, list):
        for v in obj[:50]:
            _walk(v, out, depth + 1)


def from_config(path: Path, hp: Hparams, shown: str) -> None:
    try:
        from experiment_runner.workspace import confine

        if confine.stat(path).st_size > 2 << 20:
            return
        text = confine.read_text(path, errors="replace")
        if path.suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (OSError, ValueError, Exception):  # a config we cannot read just gives no values
        return
    pairs: list[tuple[str, Any]] = []
    _walk(data, pairs)
    for key, value in pairs:
        name = canonical(key)
        if name and isinstance(value, (int, float, str, bool)) and value is not None:
            hp._offer(Value(name, value, str(value), f"config {shown}"))


def from_log_head(lines: list[tuple[int, str]], hp: Hparams) -> None:
    """`config: lr=40 ...`, JSON dumps, `Overriding: x = y` in the first lines of the log."""
    for number, line in lines[:HEAD_LINES]:
        stripped = line.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                obj = json.loads(stripped)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and not any(k in obj for k in ("loss", "step", "iter")):
                pairs: list[tuple[str, Any]] = []
                _walk(obj, pairs)
                for key, value in pairs:
                    name = canonical(key)
                    if name and isinstance(value, (int, float, str, bool)):
                        hp._offer(Value(name, value, str(value), f"log line {number}"))
                continue
        for rx in (_OVERRIDE, _LOG_PAIR):
            for m in rx.finditer(line):
                name = canonical(m.group(1))
                if name:
                    hp._offer(Value(name, _parse_scalar(m.group(2)), m.group(2), f"log line {number}"))


def collect(argv: list[str] | None, *, cwd: Path | None, head_lines: list[tuple[int, str]], resolve=None) -> Hparams:
    """All sources, in priority order. `resolve(path_text)` maps a config path to a readable Path inside the
    workspace (or raises); without it configs are not read."""
    hp = Hparams()
    configs = from_argv(argv or [], hp)
    if resolve is not None:
        for text in configs:
            try:
                p = resolve(text if cwd is None or Path(text).is_absolute() else str(cwd / text))
            except Exception:  # outside the workspace or missing: skip, never fail the diagnosis
                continue
            if p.is_file():
                from_config(p, hp, text)
    from_log_head(head_lines, hp)
    return hp


# --- writing values the way the user wrote them -------------------------------------------------------------------


def format_like(x: float, like: str | None) -> str:
    """3e-4 for a user who wrote 3e-3, 0.0003 for one who wrote 0.003; integers stay integers."""
    if like is not None and re.fullmatch(r"[-+]?\d+", like.strip()) and float(x).is_integer():
        return str(int(x))
    if like is not None and "e" in like.lower():
        mantissa, exp = f"{x:.3e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{int(exp)}"
    text = f"{x:.6g}"
    return text


def rewrite_argv(argv: list[str], value: Value, new_text: str) -> list[str] | None:
    """The command with one value replaced, when that value came from the command."""
    if value.source != "command" or value.argv_index is None or value.argv_form == "flag":
        return None
    out = list(argv)
    tok = out[value.argv_index]
    if value.argv_form == "separate":
        out[value.argv_index] = new_text
    else:
        key, _, _ = tok.partition("=")
        out[value.argv_index] = f"{key}={new_text}"
    return out


def add_to_argv(argv: list[str], flag: str, new_text: str) -> list[str]:
    return list(argv) + [flag, new_text]
