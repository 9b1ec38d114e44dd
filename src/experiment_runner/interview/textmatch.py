"""Text scanning for the interview: find pattern matches, decide whether a negation governs them, and cut out
the words to quote back. Knows nothing about fields or flags; the rules come in as compiled patterns."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Curly quotes are folded to straight ones (same length, so match offsets still index the original text).
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

EVIDENCE_LIMIT = 300


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    groups: dict[str, str]

    @property
    def value(self) -> str:
        """The words to quote: a pattern's `value` group when it has one (the part after a 'Dataset:' label)."""
        return self.groups.get("value") or self.text


@lru_cache(maxsize=32)
def _breaks(text: str, breaks: re.Pattern) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Start and end offsets of every break in the text, computed once per text (hits look them up by bisection)."""
    spans = [m.span() for m in breaks.finditer(text) if m.end() > m.start()]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def _clause_start(text: str, pos: int, breaks: re.Pattern) -> int:
    _, ends = _breaks(text, breaks)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def negated_before(text: str, pos: int, cues: list[re.Pattern], window: int, breaks: re.Pattern) -> bool:
    """True when a negation cue stands in the last `window` words before `pos`, within the same clause."""
    prefix = text[_clause_start(text, pos, breaks) : pos]
    tail = " ".join(prefix.split()[-window:])
    return any(c.search(tail) for c in cues)


def sentence_span(text: str, pos: int, breaks: re.Pattern) -> tuple[int, int]:
    starts, ends = _breaks(text, breaks)
    i = bisect_right(ends, pos)
    start = ends[i - 1] if i else 0
    j = bisect_left(starts, pos)
    end = starts[j] if j < len(starts) else len(text)
    return start, end


def negated_after(text: str, end: int, rejections: list[re.Pattern], breaks: re.Pattern) -> bool:
    """True when the rest of the sentence rejects what was just said ("..., but I'd rather not")."""
    _, sent_end = sentence_span(text, end, breaks)
    rest = text[end:sent_end]
    return any(r.search(rest) for r in rejections)


def sentence_at(text: str, pos: int, breaks: re.Pattern) -> str:
    start, end = sentence_span(text, pos, breaks)
    return clip(text[start:end])


_CLAUSE_END = re.compile(r"[.;!?](?!\d)|\n")


def clause_from(text: str, pos: int) -> str:
    """The words from `pos` to the end of their clause (a decimal point does not end it)."""
    m = _CLAUSE_END.search(text, pos)
    return clip(text[pos : m.start() if m else len(text)])


def clip(words: str) -> str:
    words = " ".join(words.split()).strip()
    if len(words) > EVIDENCE_LIMIT:
        cut = words[:EVIDENCE_LIMIT].rsplit(" ", 1)[0]
        return cut + " ..."
    return words


def to_word_end(text: str, hit: Hit) -> str:
    """The hit's words, completed to the end of the word it stops in (a pattern may stop mid-word)."""
    end = hit.end
    while end < len(text) and (text[end].isalnum() or text[end] in "_-") and end > 0 and text[end - 1].isalnum():
        end += 1
    return text[hit.start : end]


def tidy(words: str) -> str:
    """Evidence from a match: single-spaced, without trailing punctuation the pattern swallowed."""
    return " ".join(words.split()).strip().rstrip(".,;:").strip()


def find_hits(patterns: Iterable[re.Pattern], text: str) -> list[Hit]:
    """Every match of every pattern, in text order, overlaps resolved in favour of the earlier, longer match."""
    raw: list[Hit] = []
    for p in patterns:
        for m in p.finditer(text):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            raw.append(Hit(m.start(), m.end(), m.group(0), groups))
    raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for h in raw:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def merge_adjacent(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits separated only by spaces read as one phrase ("5-fold" + "cross-validation")."""
    merged: list[Hit] = []
    for h in hits:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and "value" not in prev.groups
            and "value" not in h.groups
            and not text[prev.end : h.start].strip()
        ):
            merged[-1] = Hit(prev.start, h.end, text[prev.start : h.end], {**prev.groups, **h.groups})
        else:
            merged.append(h)
    return merged
