"""The interview's data, loaded once from prompts/questions.yaml and prompts/red_flags.yaml into strict models
with every pattern compiled. A typo in a key or a broken regex fails at load with the file and the pattern named,
instead of silently never matching."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, get_args

from pydantic import Field, ValidationError, field_validator

from experiment_runner.interview.model import FieldId, FlagId
from experiment_runner.strictmodel import FrozenStrictModel

# The ids are defined once, as the Literal types of the result models.
FIELD_IDS: tuple[FieldId, ...] = get_args(FieldId)
FLAG_IDS: tuple[FlagId, ...] = get_args(FlagId)

_MACRO = re.compile(r"\{([a-z_]+)\}")


class Group(FrozenStrictModel):
    id: str
    title: str


class BriefTarget(FrozenStrictModel):
    path: str = Field(description="Dotted draft_brief field the answer maps to, e.g. 'data.dataset'.")
    value: Literal["text", "first", "count"] = Field(
        "text", description="The evidence, its first match only, or a count."
    )
    groups_to: str | None = Field(None, description="Dotted field that named groups of matches fill (hyperparameters).")


class FieldSpec(FrozenStrictModel):
    id: str
    group: str
    question: str
    why: str
    evidence: Literal["match", "clause", "sentence"]
    patterns: list[str]
    answer_patterns: list[str] = Field(
        default_factory=list, description="Extra patterns for a direct answer to this question only."
    )
    vague: list[str] = []
    implied_by: list[str] = []
    strict_answers: bool = False
    negatable: bool = Field(True, description="False where 'no X' still names X ('no accuracy loss' names accuracy).")
    brief: BriefTarget


class TextRules(FrozenStrictModel):
    clause_breaks: str
    sentence_breaks: str


class FieldNegation(FrozenStrictModel):
    cues: list[str]
    window_words: int = Field(ge=1)


class QuestionsFile(FrozenStrictModel):
    groups: list[Group]
    text: TextRules
    negation: FieldNegation
    non_answers: list[str]
    number_words: dict[str, int]
    vocab: dict[str, str | list[str]]
    fields: list[FieldSpec]

    @field_validator("fields")
    @classmethod
    def _exact_ids(cls, fields: list[FieldSpec]) -> list[FieldSpec]:
        ids = [f.id for f in fields]
        if sorted(ids) != sorted(FIELD_IDS):
            raise ValueError(f"fields must be exactly {', '.join(FIELD_IDS)}; got {', '.join(ids)}")
        return fields


class FlagNegation(FrozenStrictModel):
    before: list[str]
    window_words: int = Field(ge=1)
    clause_breaks: str
    after: list[str]


class FlagSpec(FrozenStrictModel):
    id: str
    phrase: str
    probe: str
    why: str
    relates_to: str
    patterns: list[str]
    unless: list[str] = []
    unless_answered: list[str] = []
    rejected_by: list[str] = Field(default_factory=list, description="Like negation.after, for this flag only.")


class RedFlagsFile(FrozenStrictModel):
    negation: FlagNegation
    vocab: dict[str, str | list[str]] = {}
    flags: list[FlagSpec]

    @field_validator("flags")
    @classmethod
    def _exact_ids(cls, flags: list[FlagSpec]) -> list[FlagSpec]:
        ids = [f.id for f in flags]
        if sorted(ids) != sorted(FLAG_IDS):
            raise ValueError(f"flags must be exactly {', '.join(FLAG_IDS)}; got {', '.join(ids)}")
        return flags


# --- compiled forms -------------------------------------------------------------------------------------------


class CompiledField:
    def __init__(self, spec: FieldSpec, order: int, compile_one):
        self.spec = spec
        self.order = order
        self.patterns = [compile_one(p) for p in spec.patterns]
        self.answer_patterns = self.patterns + [compile_one(p) for p in spec.answer_patterns]
        self.vague = [compile_one(p) for p in spec.vague]


class CompiledFlag:
    def __init__(self, spec: FlagSpec, compile_one):
        self.spec = spec
        self.patterns = [compile_one(p) for p in spec.patterns]
        self.unless = [compile_one(p) for p in spec.unless]
        self.rejected_by = [compile_one(p) for p in spec.rejected_by]


class Catalog:
    """Everything analyze_request() needs, compiled: fields in priority order, groups, flags, negation rules."""

    def __init__(self, questions: QuestionsFile, flags: RedFlagsFile):
        qc = _compiler("questions.yaml", questions.vocab)
        fc = _compiler("red_flags.yaml", flags.vocab)
        self.groups = {g.id: g for g in questions.groups}
        self.group_order = [g.id for g in questions.groups]
        self.fields = [CompiledField(f, i, qc) for i, f in enumerate(questions.fields)]
        self.field_by_id = {f.spec.id: f for f in self.fields}
        self.flags = [CompiledFlag(f, fc) for f in flags.flags]
        self.clause_breaks = qc(questions.text.clause_breaks)
        self.sentence_breaks = qc(questions.text.sentence_breaks)
        self.field_negation = [qc(p) for p in questions.negation.cues]
        self.field_window = questions.negation.window_words
        self.non_answers = [qc(p) for p in questions.non_answers]
        self.number_words = {k.lower(): v for k, v in questions.number_words.items()}
        self.flag_clause_breaks = fc(flags.negation.clause_breaks)
        self.flag_negation = [fc(p) for p in flags.negation.before]
        self.flag_window = flags.negation.window_words
        self.flag_after = [fc(p) for p in flags.negation.after]
        self._check_references(questions, flags)

    def _check_references(self, questions: QuestionsFile, flags: RedFlagsFile) -> None:
        for f in questions.fields:
            if f.group not in self.groups:
                raise ValueError(
                    f"questions.yaml: field {f.id!r} has unknown group {f.group!r}; groups: {', '.join(self.groups)}"
                )
            bad = [i for i in f.implied_by if i not in FIELD_IDS]
            if bad:
                raise ValueError(f"questions.yaml: field {f.id!r} implied_by unknown field(s) {bad}")
        for fl in flags.flags:
            bad = [i for i in [fl.relates_to, *fl.unless_answered] if i not in FIELD_IDS]
            if bad:
                raise ValueError(
                    f"red_flags.yaml: flag {fl.id!r} names unknown field(s) {bad}; valid: {', '.join(FIELD_IDS)}"
                )


def _compiler(source: str, vocab: dict[str, str | list[str]]):
    expanded: dict[str, str] = {}
    for name, value in vocab.items():
        expanded[name] = value if isinstance(value, str) else "(?:" + "|".join(f"(?:{v})" for v in value) + ")"

    def expand(pattern: str) -> str:
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name not in expanded:
                raise ValueError(
                    f"{source}: pattern {pattern!r} uses unknown vocab {{{name}}}; vocab: {', '.join(expanded)}"
                )
            return expanded[name]

        return _MACRO.sub(sub, pattern)

    def compile_one(pattern: str) -> re.Pattern:
        try:
            return re.compile(expand(pattern), re.IGNORECASE)
        except re.error as e:
            raise ValueError(f"{source}: pattern {pattern!r} is not a valid regular expression: {e}") from None

    return compile_one


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """Load and compile the interview data once per process."""
    from experiment_runner.prompts import load_yaml

    try:
        questions = QuestionsFile.model_validate(load_yaml("questions.yaml"))
        flags = RedFlagsFile.model_validate(load_yaml("red_flags.yaml"))
    except ValidationError as e:
        raise ValueError(f"interview data is invalid: {e}") from None
    return Catalog(questions, flags)
