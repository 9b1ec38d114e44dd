"""Markdown read as units a finding can quote: sentences of prose and list items, table rows (with their header),
headings; each with its line number, the section it sits in and the label its paragraph starts with ('**Setup.**',
'Data:'), which says what the paragraph is about as a heading would. A list item runs on over the lines that follow
it until a blank line. Fenced code is skipped, except LaTeX tables (`a & b \\\\` rows), which are read as table rows
wherever they are. Each unit keeps its text as written (for the
quote) and a clean form for reading: LaTeX markup (`$96.1 \\pm 0.4$`, `\\%`, `\\textbf{}`) and markdown emphasis
undone."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a sentence ends at . ! ? and whatever closes there (a quote, emphasis, a parenthesis): 'as registered: "H." Next'
_CLOSE = "[\"'”’*_)]"
_SENTENCE_END = re.compile(rf"(?:(?<=[.!?])|(?<=[.!?]{_CLOSE})|(?<=[.!?]{_CLOSE}{_CLOSE}))\s+(?=[A-Z0-9(\[*_\"'`])")
# a paragraph's label: '**Setup.**', '**Data:**', '*Results.*', 'Model:' (a few words before the colon)
_LEAD = re.compile(
    r"^\s*(?:(?P<b>\*\*|__|\*|_)(?P<bold>[^*_\n]{1,60}?)[.:]?(?P=b)[.:]?|(?P<plain>[A-Z][\w;'’/()\- ]{0,40}?):)(?=\s)"
)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Unit:
    text: str
    line: int  # 1-based line where it starts
    section: str  # the heading it sits under, lowercased ('' before any heading)
    kind: str  # 'heading' | 'table_header' | 'table_row' | 'sentence'
    header: tuple[str, ...] = ()  # a table row's header cells (clean)
    clean: str = ""  # the text with LaTeX and emphasis markup undone (a LaTeX row as '| a | b |')
    lead: str = ""  # the label the unit's paragraph starts with, lowercased ('setup', 'data'), else ''
    intro: str = ""  # for a list item: the sentence ending in ':' that introduces the list ('Return, mean (sd):')

    def __post_init__(self):
        if not self.clean:
            object.__setattr__(self, "clean", clean_text(self.text))

    def cells(self) -> list[str]:
        return split_row(self.clean)


_LATEX_ROW = re.compile(r"&.*\\\\\s*(\\(?:hline|midrule|bottomrule)\s*)?$")
_LATEX_RULE = re.compile(r"^\s*\\(?:toprule|midrule|bottomrule|hline|cline\{[^}]*\})\s*$")


def clean_text(s: str) -> str:
    """LaTeX math and markdown emphasis undone, so '$96.06 \\pm 0.45$' and '**96.06** ± 0.45' read as 96.06 ± 0.45."""
    s = re.sub(r"\$?\\pm\$?", " ± ", s)
    s = s.replace("\\%", "%").replace("\\times", "×").replace("\\,", " ").replace("\\;", " ").replace("~", " ")
    s = re.sub(r"\\(?:textbf|textit|emph|mathbf|mathrm|text|underline|textsc)\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\\(?:hline|midrule|toprule|bottomrule)", " ", s)
    s = s.replace("$", " ").replace("**", "").replace("__", " ")
    s = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", s)
    return s


def _latex_cells(line: str) -> str:
    body = re.sub(r"\\\\\s*(\\(?:hline|midrule|bottomrule)\s*)?$", "", line.strip())
    return "| " + " | ".join(c.strip() for c in clean_text(body).split("&")) + " |"


def split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def lead_of(paragraph: str) -> str:
    """The label a paragraph starts with ('**Setup.** We train ...' -> 'setup'), or ''."""
    m = _LEAD.match(paragraph)
    if not m:
        return ""
    label = (m.group("bold") or m.group("plain") or "").strip()
    return label.lower() if len(label.split()) <= 5 else ""


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a paragraph."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start : m.start()].strip()
        if piece:
            out.append((start, piece))
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append((start, tail))
    return out


def units(markdown: str) -> list[Unit]:
    lines = markdown.splitlines()
    out: list[Unit] = []
    section = ""
    in_code = False
    header: tuple[str, ...] = ()
    para: list[tuple[int, str]] = []
    item = [False]  # whether the paragraph being read is a list item
    intro = [""]  # the sentence ending in ':' before the current list, if any

    def flush():
        if not para:
            return
        first = para[0][0]
        joined = " ".join(t.strip() for _, t in para)
        lead = lead_of(joined)
        # sentences keep the line they start on, approximately: count the lines consumed so far
        offsets = []
        pos = 0
        for ln, t in para:
            offsets.append((pos, ln))
            pos += len(t.strip()) + 1
        for off, s in _sentences(joined):
            line = first
            for p, ln in offsets:
                if p <= off:
                    line = ln
            out.append(Unit(s, line, section, "sentence", lead=lead, intro=intro[0] if item[0] else ""))
        if not item[0]:
            last = out[-1].text.rstrip() if out else ""
            intro[0] = last if last.endswith(":") else ""
        para.clear()
        item[0] = False

    latex_header: tuple[str, ...] | None = None
    for i, raw in enumerate(lines, 1):
        if raw.strip().startswith("```"):
            flush()
            in_code = not in_code
            latex_header = None
            continue
        if _LATEX_ROW.search(raw) and "&" in raw:
            flush()
            clean = _latex_cells(raw)
            if latex_header is None:
                latex_header = tuple(split_row(clean))
                out.append(Unit(raw.strip(), i, section, "table_header", clean=clean))
            else:
                out.append(Unit(raw.strip(), i, section, "table_row", header=latex_header, clean=clean))
            continue
        if in_code or _LATEX_RULE.match(raw) or raw.strip().startswith(("\\begin{tab", "\\end{tab")):
            if raw.strip().startswith("\\end{tab"):
                latex_header = None
            continue
        h = _HEADING.match(raw)
        if h:
            flush()
            intro[0] = ""
            section = h.group(2).strip().lower()
            out.append(Unit(h.group(2).strip(), i, section, "heading"))
            header = ()
            continue
        stripped = raw.strip()
        if stripped.startswith("|"):
            flush()
            if _TABLE_SEP.match(stripped):
                continue
            nxt = lines[i] if i < len(lines) else ""
            if _TABLE_SEP.match(nxt.strip()):
                header = tuple(split_row(clean_text(stripped)))
                out.append(Unit(stripped, i, section, "table_header", header=()))
            else:
                out.append(Unit(stripped, i, section, "table_row", header=header))
            continue
        if not stripped:
            flush()
            header = ()
            continue
        if _LIST.match(raw):
            flush()
            para.append((i, _LIST.sub("", raw, count=1)))  # the lines up to a blank one continue the item
            item[0] = True
            continue
        para.append((i, stripped.lstrip("> ").strip()))
    flush()
    return out


def sentence_at(text: str, pos: int, limit: int = 240) -> str:
    """The sentence of plain `text` around offset `pos`, trimmed to `limit` characters."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= pos]
    start = starts[-1]
    m = _SENTENCE_END.search(text, pos)
    end = m.start() if m else len(text)
    nl_before = text.rfind("\n", start, pos)
    if nl_before != -1:
        start = nl_before + 1
    nl_after = text.find("\n", pos)
    if nl_after != -1 and nl_after < end:
        end = nl_after
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 3] + "..."
