"""What an interview analysis returns: which brief fields the request (and the answers so far) settle, with the
words that settle them; the questions still open, grouped and ordered; and the red flags with their probes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

FieldId = Literal[
    "goal",
    "hypothesis",
    "success_criteria",
    "dataset",
    "splits",
    "model",
    "baseline",
    "primary_metric",
    "seeds",
    "compute",
    "deadline",
    "fallback_plan",
]
FlagId = Literal[
    "just_run_it", "default_settings", "compare_against", "know_it_when_i_see_it", "should_work", "run_overnight"
]
Source = Literal["request", "answers"]


class AnsweredField(BaseModel):
    field: FieldId = Field(description="The brief field this settles.")
    evidence: str = Field(description="The words in the request or the answers that settle it.")
    source: Source = Field(description="'request' or 'answers'.")
    answer_to: FieldId | None = Field(
        None, description="When the words came from the answers: the question they answered."
    )
    implied_by: FieldId | None = Field(
        None, description="Set when the field follows from another (a stated hypothesis implies the goal)."
    )
    values: dict[str, str] = Field(
        default_factory=dict, description="Values read off the words, e.g. {'n': '3'} for seeds or {'lr': '3e-4'}."
    )


class Question(BaseModel):
    field: FieldId = Field(description="The brief field the question settles.")
    question: str
    why: str = Field(description="Why the answer matters.")


class QuestionGroup(BaseModel):
    id: str
    title: str = Field(
        description="One of: Goal & Hypothesis, Data, Model & Approach, Metrics & Evaluation, Resources & "
        "Constraints, Context & Usage."
    )
    questions: list[Question]


class RedFlag(BaseModel):
    id: FlagId
    trigger: str = Field(description="The exact words that raised the flag.")
    source: Source
    phrase: str = Field(description="The canonical form of the red flag, e.g. 'Just run it and see'.")
    probe: str = Field(description="The question to ask back.")
    why: str
    relates_to: FieldId = Field(description="The brief field the probe helps settle.")


class RequestAnalysis(BaseModel):
    answered: list[AnsweredField] = Field(description="Brief fields the request and answers settle, in priority order.")
    missing: list[FieldId] = Field(description="Brief fields still open, most important first.")
    groups: list[QuestionGroup] = Field(
        description="The open questions, grouped, most important group and question first."
    )
    red_flags: list[RedFlag] = Field(description="Wordings that signal a risk, each with the probe to ask back.")
    brief: dict[str, Any] = Field(
        default_factory=dict,
        description="The answered fields in draft_brief's shape (goal, data.dataset, model.architecture, "
        "constraints.seeds, ...), where the mapping is obvious; pass it to draft_brief as `brief` after the person "
        "confirms it.",
    )

    def open_questions(self) -> list[Question]:
        """The open questions in asking order (most important first), across groups."""
        return [q for g in self.groups for q in g.questions]

    def answered_ids(self) -> list[str]:
        return [a.field for a in self.answered]
