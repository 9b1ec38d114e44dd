"""The failure patterns (prompts/failure_patterns.yaml) as validated rules. Every pattern must mean the same to
the Hyperscan engine and to Python's `re`, so constructs only one of them has are refused here."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

PATTERNS_FILE = "failure_patterns.yaml"

#: Constructs Hyperscan lacks or that would let a match cross a line (\s matches a newline in both engines).
_FORBIDDEN = (r"\s", "(?=", "(?!", "(?<", "*?", "+?", "??", "(?s", "^", "$", r"\1", r"\2")


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    pattern: str
    caseless: bool = False
    literals: list[str] = Field(default_factory=list)
    weight: float = Field(ge=0, le=1)
    examples: list[str] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _portable(cls, value: str) -> str:
        for bad in _FORBIDDEN:
            if bad in value:
                raise ValueError(f"pattern {value!r} uses {bad!r}, which the two scan engines do not treat alike")
        re.compile(value)
        return value

    @field_validator("literals")
    @classmethod
    def _literals(cls, value: list[str]) -> list[str]:
        if any(not lit for lit in value):
            raise ValueError("an empty literal would let every line through; leave the list empty instead")
        return value

    def model_post_init(self, __context) -> None:
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
        return [(lit.lower() if self.caseless else lit).encode() for lit in self.literals]


@lru_cache(maxsize=None)
def _compiled(pattern: str, caseless: bool) -> re.Pattern[bytes]:
    return re.compile(pattern.encode(), re.IGNORECASE if caseless else 0)


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule]

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"rule id {r.id!r} appears twice")
            seen.add(r.id)
        return rules

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
    from experiment_runner.prompts import load_yaml

    return RuleSet.model_validate(load_yaml(PATTERNS_FILE))
