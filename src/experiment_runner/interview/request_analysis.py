"""analyze_request(request, answers): which brief fields the words settle, which questions remain (grouped, most
important first), and which red flags the wording raises. All wording and patterns come from prompts/*.yaml."""

from __future__ import annotations

from experiment_runner.errors import UserError, did_you_mean
from experiment_runner.interview import brief_map, textmatch
from experiment_runner.interview.catalog import FIELD_IDS, Catalog, CompiledField, catalog
from experiment_runner.interview.model import AnsweredField, Question, QuestionGroup, RedFlag, RequestAnalysis

#: A request is a description of an experiment; anything far longer is a pasted document.
MAX_REQUEST_CHARS = 20_000


def _check_inputs(request: object, answers: object) -> dict[str, str]:
    if not isinstance(request, str):
        raise UserError(f"request must be text describing the experiment, got {type(request).__name__}")
    if not request.strip():
        raise UserError(
            "request is empty: describe the experiment in a sentence or more "
            "(what you want to learn, the data, the model), e.g. 'Does label smoothing help ResNet-18 on CIFAR-10?'"
        )
    if len(request) > MAX_REQUEST_CHARS:
        raise UserError(
            f"request is {len(request):,} characters; the interview reads at most {MAX_REQUEST_CHARS:,}: "
            "pass the person's description of the experiment, not whole documents"
        )
    if answers is None:
        return {}
    if not isinstance(answers, dict):
        raise UserError(
            f"answers must map field ids to answer text, got {type(answers).__name__}; "
            f"field ids: {', '.join(FIELD_IDS)}"
        )
    unknown = [k for k in answers if k not in FIELD_IDS]
    if unknown:
        hints = "; ".join(f"{k!r}: " + did_you_mean(str(k), list(FIELD_IDS), limit=3) for k in unknown)
        raise UserError(
            f"answers has unknown field id(s) {', '.join(repr(k) for k in unknown)} ({hints}); "
            f"valid field ids: {', '.join(FIELD_IDS)}"
        )
    bad = [k for k, v in answers.items() if not isinstance(v, str)]
    if bad:
        raise UserError(f"answers must be text; the answer(s) for {', '.join(bad)} are not")
    return dict(answers)


def _field_hits(cat: Catalog, field: CompiledField, text: str, *, as_answer: bool) -> list[textmatch.Hit]:
    patterns = field.answer_patterns if as_answer else field.patterns
    return [
        h
        for h in textmatch.find_hits(patterns, text)
        if not field.spec.negatable
        or not textmatch.negated_before(text, h.start, cat.field_negation, cat.field_window, cat.clause_breaks)
    ]


def _count(cat: Catalog, hit: textmatch.Hit) -> str | None:
    """A seed count read off a match: '3', 'three', 'a single', or a list/range like '0, 1 and 2' or '0-4'."""
    import re

    if "n" in hit.groups:
        word = hit.groups["n"].strip().lower()
        if word.isdigit():
            return str(int(word))
        if word in cat.number_words:
            return str(cat.number_words[word])
        return None
    if "list" in hit.groups:
        numbers = [int(x) for x in re.findall(r"\d+", hit.groups["list"])]
        if (
            len(numbers) == 2
            and re.search(r"\d\s*(?:-|to|–|\.\.)\s*\d", hit.groups["list"])
            and numbers[1] > numbers[0]
        ):
            return str(numbers[1] - numbers[0] + 1)
        return str(len(numbers))
    return None


def _values(cat: Catalog, field: CompiledField, hits: list[textmatch.Hit]) -> dict[str, str]:
    values: dict[str, str] = {}
    if field.spec.brief.value == "count":
        for h in hits:
            n = _count(cat, h)
            if n is not None:
                values["n"] = n
                break
        return values
    for h in hits:
        for k, v in h.groups.items():
            if k not in ("value", "n", "list"):
                values.setdefault(k, v)
    return values


def _evidence(cat: Catalog, field: CompiledField, text: str, hits: list[textmatch.Hit]) -> str:
    if field.spec.evidence == "sentence":
        return textmatch.sentence_at(text, hits[0].start, cat.sentence_breaks)
    if field.spec.evidence == "clause":
        return textmatch.clause_from(text, hits[0].start)
    seen: list[str] = []
    for h in textmatch.merge_adjacent(text, hits):
        words = textmatch.tidy(h.value)
        if words and words.lower() not in (s.lower() for s in seen):
            seen.append(words)
    return textmatch.clip(", ".join(seen))


Found = tuple[AnsweredField, list[textmatch.Hit]]


def _from_text(cat: Catalog, field: CompiledField, text: str, source: str, answer_to: str | None) -> Found | None:
    hits = _field_hits(cat, field, text, as_answer=False)
    if not hits:
        return None
    return AnsweredField(
        field=field.spec.id,
        evidence=_evidence(cat, field, text, hits),
        source=source,
        answer_to=answer_to,
        values=_values(cat, field, hits),
    ), hits


def _direct_answer(cat: Catalog, field: CompiledField, answer: str) -> Found | None:
    """A reply to this field's own question: the person's words count unless they say nothing specific."""
    if any(p.search(answer) for p in cat.non_answers):
        return None
    hits = _field_hits(cat, field, answer, as_answer=True)
    if not hits and (field.spec.strict_answers or any(p.search(answer) for p in field.vague)):
        return None
    return AnsweredField(
        field=field.spec.id,
        evidence=textmatch.clip(answer),
        source="answers",
        answer_to=field.spec.id,
        values=_values(cat, field, hits),
    ), hits


def _red_flags(cat: Catalog, texts: list[tuple[str, str]], answered: set[str]) -> list[RedFlag]:
    whole = "\n".join(t for _, t in texts)
    flags: list[RedFlag] = []
    for flag in cat.flags:
        spec = flag.spec
        if answered.intersection(spec.unless_answered) or any(p.search(whole) for p in flag.unless):
            continue
        for source, text in texts:
            hit = next(
                (
                    h
                    for h in textmatch.find_hits(flag.patterns, text)
                    if not textmatch.negated_before(
                        text, h.start, cat.flag_negation, cat.flag_window, cat.flag_clause_breaks
                    )
                    and not textmatch.negated_after(text, h.end, cat.flag_after + flag.rejected_by, cat.sentence_breaks)
                ),
                None,
            )
            if hit is not None:
                flags.append(
                    RedFlag(
                        id=spec.id,
                        trigger=textmatch.tidy(textmatch.to_word_end(text, hit)),
                        source=source,
                        phrase=spec.phrase,
                        probe=spec.probe,
                        why=spec.why,
                        relates_to=spec.relates_to,
                    )
                )
                break
    return flags


def analyze_request(request: str, answers: dict[str, str] | None = None) -> RequestAnalysis:
    """Read a free-text experiment request (and any answers so far, keyed by field id) against the interview
    data: the brief fields it settles with the words that settle them, the open questions grouped and ordered
    most important first, and the red flags its wording raises with the probe to ask back."""
    answers = _check_inputs(request, answers)
    cat = catalog()
    text = textmatch.fold(request)
    replies = {fid: textmatch.fold(a).strip() for fid, a in answers.items() if a and a.strip()}

    found: dict[str, Found] = {}
    for fid, reply in replies.items():  # a direct answer wins over anything read elsewhere
        got = _direct_answer(cat, cat.field_by_id[fid], reply)
        if got is not None:
            found[fid] = got
    for field in cat.fields:
        if field.spec.id not in found:
            got = _from_text(cat, field, text, "request", None)
            if got is not None:
                found[field.spec.id] = got
    for fid, reply in replies.items():  # one answer often settles other fields too ("CIFAR-10, official split")
        for field in cat.fields:
            if field.spec.id not in found:
                got = _from_text(cat, field, reply, "answers", fid)
                if got is not None:
                    found[field.spec.id] = got
    for field in cat.fields:
        if field.spec.id not in found:
            source = next((found[i][0] for i in field.spec.implied_by if i in found), None)
            if source is not None:
                implied = source.model_copy(update={"field": field.spec.id, "implied_by": source.field, "values": {}})
                found[field.spec.id] = (implied, [])

    open_fields = [f for f in cat.fields if f.spec.id not in found]
    by_group: dict[str, list[CompiledField]] = {}
    for f in open_fields:
        by_group.setdefault(f.spec.group, []).append(f)
    ordered = sorted(by_group.items(), key=lambda kv: min(f.order for f in kv[1]))
    groups = [
        QuestionGroup(
            id=gid,
            title=cat.groups[gid].title,
            questions=[Question(field=f.spec.id, question=f.spec.question, why=f.spec.why) for f in fields],
        )
        for gid, fields in ordered
    ]

    texts = [("request", text)] + [("answers", reply) for reply in replies.values()]
    pairs = [pair for f in cat.fields if f.spec.id in found for pair in brief_map.entries(f, *found[f.spec.id])]
    return RequestAnalysis(
        answered=[found[f.spec.id][0] for f in cat.fields if f.spec.id in found],
        missing=[f.spec.id for f in open_fields],
        groups=groups,
        red_flags=_red_flags(cat, texts, set(found)),
        brief=brief_map.build(pairs),
    )
