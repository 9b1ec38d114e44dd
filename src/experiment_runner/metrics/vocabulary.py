"""The one metric vocabulary: what a metric name means. Every reader of metric names (the parser, health, status,
diagnosis, reports) asks here; the tokens and exceptions are data in prompts/metric_vocabulary.yaml.

A name is read by its structure, not looked up in a list: it is cut into tokens; a split token at its start or end
gives the split (`val_loss`, `loss_val`, `eval/accuracy`, `valid-merror`); the first role (in the data's order)
that one of its tokens has gives the role (`train_samples_per_second`: throughput; `top1_err`: error); a modifier
after that token makes it another quantity (`loss_scale`). A loss whose other tokens are only its split and
aggregators (`loss`, `total_loss`, `train/loss_step`) is a main loss; any other token makes it a component
(`kl_loss`, `loss_cls`, `nll_loss`). Unqualified names are training-split (what a script prints without a
prefix is its training metric)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeVar, get_args

__all__ = [
    "Direction",
    "MetricName",
    "Role",
    "Split",
    "describe",
    "diagnosis_role",
    "direction",
    "eval_loss_rank",
    "is_config",
    "is_grad_norm",
    "is_loss_like",
    "role",
    "split",
    "train_loss_rank",
]

Role = Literal[
    "loss",
    "error",
    "accuracy",
    "learning_rate",
    "grad_norm",
    "throughput",
    "time",
    "memory",
    "counter",
    "config",
    "identifier",
    "other",
]
Split = Literal["train", "val", "test"]
Direction = Literal["min", "max"]

ROLES: tuple[Role, ...] = get_args(Role)
SPLITS: tuple[Split, ...] = get_args(Split)
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)

VOCABULARY_FILE = "metric_vocabulary.yaml"
_TOKENS = re.compile(r"[_/.\-@\s]+")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class MetricName:
    name: str
    role: Role
    split: Split | None  # None: the name carries no split (a script's unqualified metrics are its training ones)
    direction: Direction | None
    main_loss: bool  # a loss with nothing but its split and aggregators: the run's objective, not a component
    aggregation: str | None  # the aggregator token of a loss (`step` in train_loss_step), if any

    @property
    def quality(self) -> bool:
        """A measure of how good the model is (loss, error, accuracy): worth a 'best' value."""
        return self.role in _data().quality

    @property
    def nonnegative(self) -> bool:
        return self.role in _data().nonnegative


_Word = TypeVar("_Word", bound=str)


def _one_of(value: object, allowed: tuple[_Word, ...], what: str) -> _Word:
    """A word of the vocabulary file as one of its Literal's values: a typo fails at load, naming the valid ones."""
    for word in allowed:
        if word == value:
            return word
    raise ValueError(f"{VOCABULARY_FILE}: unknown {what} {value!r}; valid: {', '.join(allowed)}")


class _Data:
    def __init__(self, raw: dict):
        self.splits: dict[str, Split] = {
            tok: _one_of(split, SPLITS, "split") for split, toks in raw["splits"].items() for tok in toks
        }
        self.aggregators = frozenset(raw["aggregators"])
        self.task_kinds = frozenset(raw.get("task_kinds", []))
        self.aggregator_rank = dict(raw.get("aggregator_rank", {}))
        self.roles: list[tuple[Role, dict]] = []
        for name, spec in raw["roles"].items():
            direction = spec.get("direction")
            self.roles.append(
                (
                    _one_of(name, ROLES, "role"),
                    {
                        "words": frozenset(spec.get("words", [])),
                        "suffixes": tuple(spec.get("suffixes", [])),
                        "patterns": [re.compile(p) for p in spec.get("patterns", [])],
                        "norm_with": frozenset(spec.get("norm_with", [])),
                        "pairs": [tuple(p) for p in spec.get("pairs", [])],
                        "direction": None if direction is None else _one_of(direction, DIRECTIONS, "direction"),
                    },
                )
            )
        self.modifiers = frozenset(raw["modifiers"])
        cfg = raw["config"]
        self.config_words = frozenset(cfg["words"])
        self.config_prefixes = tuple(cfg["prefixes"])
        self.config_suffixes = tuple(cfg["suffixes"])
        self.not_config = frozenset(cfg.get("not_config", []))
        self.identifiers = frozenset(raw["identifiers"])
        self.nonnegative = frozenset(raw["nonnegative"])
        self.quality = frozenset(raw["quality"])
        # a config-shaped name is a measurement after all when it holds one of these roles' tokens (max_memory)
        self.measures = ("throughput", "time", "memory", "loss", "error", "accuracy")


@lru_cache(maxsize=1)
def _data() -> _Data:
    from experiment_runner.prompts import load_yaml

    return _Data(load_yaml(VOCABULARY_FILE))


def tokens(name: str) -> list[str]:
    """The name's word tokens (numbers dropped), lowercased."""
    return [t for t in _TOKENS.split(name.lower().replace("'s ", "_")) if t and not _NUMBER.fullmatch(t)]


def _role_of_token(data: _Data, token: str, toks: list[str]) -> list[Role]:
    """Roles a token has (in the data's order); `toks` are the name's other tokens (for `grad` + `norm`)."""
    found: list[Role] = []
    for role_name, spec in data.roles:
        if (
            token in spec["words"]
            or (spec["suffixes"] and token.endswith(spec["suffixes"]))
            or any(p.fullmatch(token) for p in spec["patterns"])
            or (token == "norm" and spec["norm_with"] and any(t in spec["norm_with"] for t in toks))
            or any(token == b and a in toks for a, b in spec["pairs"])
        ):
            found.append(role_name)
    return found


@lru_cache(maxsize=8192)
def describe(name: str) -> MetricName:
    """What a metric name means (role, split, direction, main loss or component). Cached."""
    data = _data()
    low = name.lower().strip()
    toks = tokens(low)
    split_: Split | None = None
    if toks and toks[0] in data.splits:
        split_ = data.splits[toks[0]]
        rest = toks[1:]
    elif len(toks) > 1 and toks[-1] in data.splits:
        split_ = data.splits[toks[-1]]
        rest = toks[:-1]
    else:
        rest = toks
    if low in data.identifiers or (toks and "_".join(toks) in data.identifiers):
        return MetricName(low, "identifier", split_, None, False, None)
    # the role: the whole name first (`samples/s`, `grad_norm`), then each token, roles in the data's order
    best: tuple[int, int, Role] | None = None  # (role order, token index, role)
    order = {r: i for i, (r, _) in enumerate(data.roles)}
    whole_roles = _role_of_token(data, low, toks) if ("/" in low or "_" in low) else []
    if whole_roles:
        best = (order[whole_roles[0]], len(rest), whole_roles[0])
    for i, tok in enumerate(rest):
        for r in _role_of_token(data, tok, rest):
            if best is None or order[r] < best[0]:
                best = (order[r], i, r)
            break
    if _config_shape(data, low, toks) and (best is None or best[2] not in data.measures):
        return MetricName(low, "config", split_, None, False, None)
    if best is None:
        return MetricName(low, "other", split_, None, False, None)
    _, at, role_name = best
    if any(t in data.modifiers for t in rest[at + 1 :]):
        return MetricName(low, "other", split_, None, False, None)
    spec = dict(data.roles)[role_name]
    main = False
    aggregation = None
    if role_name == "loss":
        others = [t for t in rest if t not in data.aggregators and t not in data.task_kinds]
        main = len(others) == 1 and "loss" in _role_of_token(data, others[0], rest)
        aggs = [t for t in rest if t in data.aggregators]
        aggregation = aggs[-1] if aggs else None
    return MetricName(low, role_name, split_, spec["direction"], main, aggregation)


def _config_shape(data: _Data, low: str, toks: list[str]) -> bool:
    if low in data.not_config:
        return False
    joined = "_".join(toks)
    if low in data.config_words or joined in data.config_words or (toks and toks[0] in data.config_words):
        return True
    return joined.startswith(data.config_prefixes) or joined.endswith(data.config_suffixes)


def role(name: str) -> Role:
    return describe(name).role


def split(name: str) -> Split | None:
    return describe(name).split


def direction(name: str) -> Direction | None:
    return describe(name).direction


def is_config(name: str) -> bool:
    return describe(name).role in ("config", "identifier")


def is_loss_like(name: str) -> bool:
    """Any loss, main or component (`loss`, `val_loss`, `kl_loss`): a NaN in one means the run broke."""
    return describe(name).role == "loss"


def is_grad_norm(name: str) -> bool:
    return describe(name).role == "grad_norm"


def train_loss_rank(name: str) -> int | None:
    """None unless the name is a main training loss; else its preference (lower first): per-step before plain
    before per-epoch before end-of-training summaries, an unqualified name before an explicit `train_` one
    (nanoGPT's per-iteration `loss` beats its eval-time `train loss`; HuggingFace's `loss` beats its final
    `train_loss`)."""
    d = describe(name)
    if d.role != "loss" or not d.main_loss or d.split not in (None, "train"):
        return None
    return _loss_rank(d)


def eval_loss_rank(name: str) -> int | None:
    """None unless the name is a main validation (or, after those, test) loss; else its preference."""
    d = describe(name)
    if d.role != "loss" or not d.main_loss or d.split not in ("val", "test"):
        return None
    return _loss_rank(d) + (100 if d.split == "test" else 0)


DiagnosisRole = Literal["train_loss", "val_loss", "train_acc", "val_acc", "grad_norm"]


def diagnosis_role(name: str) -> DiagnosisRole | None:
    """The series role diagnosis reads a metric in: the main training or validation loss, training or held-out
    accuracy, or the gradient norm; None for every other name (component losses, rates, counters)."""
    d = describe(name)
    if d.role == "loss" and d.main_loss:
        return "train_loss" if d.split in (None, "train") else "val_loss"
    if d.role == "accuracy" and d.name.split("/")[-1] not in ("reward", "return", "score"):
        return "train_acc" if d.split in (None, "train") else "val_acc"
    if d.role == "grad_norm":
        return "grad_norm"
    return None


def _loss_rank(d: MetricName) -> int:
    data = _data()
    agg = data.aggregator_rank.get(d.aggregation, 1) if d.aggregation else 1
    return 10 * agg + (1 if d.split is not None else 0) + (2 if "/" in d.name else 0)
