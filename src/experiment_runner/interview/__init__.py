"""The clarifying interview: read an experiment request against the brief's twelve fields and the red-flag
wordings. The questions, probes and patterns are data in prompts/questions.yaml and prompts/red_flags.yaml."""

from __future__ import annotations

from experiment_runner.interview.catalog import FIELD_IDS, FLAG_IDS
from experiment_runner.interview.model import AnsweredField, Question, QuestionGroup, RedFlag, RequestAnalysis
from experiment_runner.interview.request_analysis import analyze_request

__all__ = [
    "analyze_request",
    "RequestAnalysis",
    "AnsweredField",
    "Question",
    "QuestionGroup",
    "RedFlag",
    "FIELD_IDS",
    "FLAG_IDS",
]
