"""The failure patterns (prompts/failure_patterns.yaml) as validated rules. Every pattern must mean the same to
the Hyperscan engine and to Python's `re`, so constructs only one of them has are refused here.

Plain dataclasses and libyaml when present, not pydantic: a one-shot scan (the CLI, a benchmark) should not pay
for importing a validation framework to read 35 rules."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

PATTERNS_FILE = "failure_patterns.yaml"

#: Constructs Hyperscan lacks or that would let a match cross a line (\s matches a newline in both engines).
_FORBIDDEN = (r"\s", "(?=", "(?!", "(?<", "*?", "+?", "??", "(?s", "^", "$", r"\1", r"\2")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {"id", "category", "pattern", "caseless", "literals", "weight", "examples"}


@cache
def _compiled(pattern: str, caseless: bool) -> re.Pattern[bytes]:
    return re.compile(pattern.encode(), re.IGNORECASE if caseless else 0)


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    pattern: str
    weight: float
    examples: tuple[str, ...]
    caseless: bool = False
    literals: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_data(cls, data: Any) -> Rule:
        if not isinstance(data, dict):
            raise ValueError(f"a rule must be a mapping, got {type(data).__name__}")
        where = f"rule {data.get('id')!r}"
        unknown = sorted(set(data) - _FIELDS)
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {unknown}; valid: {sorted(_FIELDS)}")
        missing = sorted({"id", "category", "pattern", "weight", "examples"} - set(data))
        if missing:
            raise ValueError(f"{where}: missing {missing}")
        for key in ("id", "category"):
            if not isinstance(data[key], str) or not _ID.match(data[key]):
                raise ValueError(f"{where}: {key} {data[key]!r} must be lowercase letters, digits and '_'")
        weight = data["weight"]
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
            raise ValueError(f"{where}: weight {weight!r} must be a number from 0 to 1")
        examples, literals = data["examples"], data.get("literals", [])
        if not isinstance(examples, list) or not examples or not all(isinstance(e, str) for e in examples):
            raise ValueError(f"{where}: examples must be a non-empty list of lines the pattern matches")
        if not isinstance(literals, list) or not all(isinstance(x, str) and x for x in literals):
            raise ValueError(
                f"{where}: literals must be a list of non-empty strings (an empty one lets every line through)"
            )
        rule = cls(
            id=data["id"],
            category=data["category"],
            pattern=str(data["pattern"]),
            weight=float(weight),
            examples=tuple(examples),
            caseless=bool(data.get("caseless", False)),
            literals=tuple(literals),
        )
        rule._check()
        return rule

    def _check(self) -> None:
        for bad in _FORBIDDEN:
            if bad in self.pattern:
                raise ValueError(
                    f"rule {self.id!r}: pattern {self.pattern!r} uses {bad!r}, which the two scan engines do not "
                    "treat alike"
                )
        try:
            re.compile(self.pattern)
        except re.error as e:
            raise ValueError(f"rule {self.id!r}: pattern {self.pattern!r} is not a valid regex: {e}") from None
        # The Python engine runs a caseless pattern, case-sensitively, on the lowercased log: it must be lowercase.
        if self.caseless and self.pattern != self.pattern.lower():
            raise ValueError(f"rule {self.id!r}: a caseless pattern must be written in lowercase: {self.pattern!r}")
        if self.caseless and any(lit != lit.lower() for lit in self.literals):
            raise ValueError(f"rule {self.id!r}: the literals of a caseless rule must be lowercase")

    @property
    def python_regex(self) -> re.Pattern[bytes]:
        """For matching original text (caseless rules ignore case)."""
        return _compiled(self.pattern, self.caseless)

    @property
    def lowered_regex(self) -> re.Pattern[bytes]:
        """For matching text that is already lowercased (no IGNORECASE: twice as fast in `re`)."""
        return _compiled(self.pattern, False)

    def prefilter(self) -> list[bytes]:
        return [lit.encode() for lit in self.literals]


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    @classmethod
    def from_data(cls, data: Any) -> RuleSet:
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise ValueError(f"{PATTERNS_FILE} must hold a mapping with a list under 'rules'")
        rules = tuple(Rule.from_data(r) for r in data["rules"])
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"rule id {r.id!r} appears twice")
            seen.add(r.id)
        return cls(rules)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a pattern changes, so saved scan state made with other rules is not reused."""
        text = "\n".join(f"{r.id}\t{r.caseless}\t{r.pattern}" for r in self.rules)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def by_id(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def categories(self) -> list[str]:
        return sorted({r.category for r in self.rules})


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    from importlib import resources

    import yaml

    text = resources.files("experiment_runner.prompts").joinpath(PATTERNS_FILE).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: 10x faster
    return RuleSet.from_data(yaml.load(text, Loader=loader))
