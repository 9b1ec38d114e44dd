"""Numbers in prose, and whether each traces to a recorded run. A written number matches a recorded or computed
value when rounding that value to the written precision gives the written number (so 0.87 matches 0.8734 but
not 0.8799); a percentage also matches a fraction (87.3% matches 0.873). Numbers that are parts of names (ResNet-18,
CIFAR-10, v2), dates, times, versions, hashes, code spans and link targets are not claims and are skipped."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

_MASKS = [
    re.compile(r"```.*?```", re.S),  # fenced code
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"https?://\S+"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?\b"),  # dates, timestamps
    re.compile(r"\b\d{8}T\d{6}Z?\b"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),  # clock times
    re.compile(r"\b\d+(?:\.\d+){2,}\S*"),  # versions 2.13.0
    re.compile(r"\b(?:sha256|blake3|md5):[0-9a-f]+", re.I),
    re.compile(r"\b[0-9a-f]{7,64}\b"),  # commits, hashes
]
_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<exp>[eE][-+]?\d+)?(?P<pct>\s?%)?"
)
_COMPARATOR = re.compile(r"(<=|>=|≤|≥|<|>)\s*$")


@dataclass(frozen=True)
class Number:
    value: float  # as written (a percentage keeps its written value; see `percent`)
    text: str
    decimals: int  # digits after the point in the mantissa
    exponent: int  # power of ten of a scientific literal (0 otherwise)
    percent: bool
    comparator: str | None  # '<', '<=' ... written just before it ('p < 0.001')
    start: int
    end: int

    @property
    def tolerance(self) -> float:
        """Half a unit in the last written digit: the most a correctly rounded value can differ."""
        return 0.5 * 10.0 ** (self.exponent - self.decimals) * (1 + 1e-9) + 1e-12


def _mask(text: str) -> str:
    out = text
    for pattern in _MASKS:
        out = pattern.sub(lambda m: " " * len(m.group(0)), out)
    return out


def find_numbers(text: str) -> list[Number]:
    """Every standalone number in `text` with its written precision, skipping parts of names and the masked
    spans above. Positions refer to `text`."""
    masked = _mask(text)
    found: list[Number] = []
    for m in _NUMBER.finditer(masked):
        start, end = m.start(), m.end()
        sign = m.group("sign")
        before = masked[start - 1] if start > 0 else " "
        if sign and (before.isalnum() or before in "._"):
            continue  # a hyphen glued to a word is part of a name (ResNet-18, CIFAR-10), not a minus sign
        if before.isalnum() or before in "._/\\#@$":
            continue
        after = masked[end] if end < len(masked) else " "
        if after.isalpha() or after in "_/\\" or (after == "." and end + 1 < len(masked) and masked[end + 1].isdigit()):
            continue
        if after == "-" and end + 1 < len(masked) and masked[end + 1].isalnum():  # '64-unit', ranges like 3-5
            continue
        raw = m.group(0)
        number_text = m.group("int").replace(",", "") + (m.group("frac") or "") + (m.group("exp") or "")
        try:
            value = float(number_text)
        except ValueError:
            continue
        if sign in ("-", "\u2212"):
            value = -value
        exp = int(m.group("exp")[1:]) if m.group("exp") else 0
        decimals = len(m.group("frac")) - 1 if m.group("frac") else 0
        cmp_match = _COMPARATOR.search(masked[max(0, start - 4) : start])
        found.append(
            Number(
                value=value,
                text=raw.strip(),
                decimals=decimals,
                exponent=exp,
                percent=bool(m.group("pct")),
                comparator=cmp_match.group(1) if cmp_match else None,
                start=start,
                end=end,
            )
        )
    return found


class Traceable:
    """Values a report may cite: recorded run values and what the report computes from them. Each value keeps a
    label saying where it comes from, for the evidence of a finding."""

    #: Always allowed: zero and one, and the conventional confidence and power levels.
    CONSTANTS = (0.0, 1.0, 95.0, 0.95, 80.0, 0.8, 100.0)

    def __init__(self) -> None:
        self._values: list[float] = []
        self._labels: list[str] = []
        self._sorted: tuple[list[float], list[tuple[float, str]]] | None = None
        self._fuzzy: list[tuple[float, float, str]] = []
        # values citable only where the words before the number say what they are (a step, a seed): every integer up
        # to the last step of a long run would otherwise "trace" any integer at all
        self._contextual: dict[str, tuple[re.Pattern, set[float], str]] = {}
        for c in self.CONSTANTS:
            self.add(c, "a conventional constant")

    def add(self, value, label: str) -> None:
        try:
            v = float(value)
        except (TypeError, ValueError):
            return
        if math.isfinite(v):
            self._values.append(abs(v))
            self._labels.append(label)
            self._sorted = None

    def add_many(self, values, label: str) -> None:
        for v in values:
            self.add(v, label)

    def add_text(self, text: str | None, label: str) -> None:
        """Every number written in `text` (a brief, a command line) is citable as written."""
        if text:
            for n in find_numbers(text):
                self.add(n.value, label)
                if n.percent:
                    self.add(n.value / 100, label)

    def add_in_context(self, value, label: str, words: str) -> None:
        """A value citable only when one of `words` (a regex alternation) comes shortly before the number."""
        try:
            v = abs(float(value))
        except (TypeError, ValueError):
            return
        if not math.isfinite(v):
            return
        entry = self._contextual.get(words)
        if entry is None:
            entry = self._contextual[words] = (
                re.compile(rf"\b(?:{words})\w*\W*(?:\S+\W+){{0,6}}$", re.I),
                set(),
                label,
            )
        entry[1].add(v)

    def add_fuzzy(self, value: float, tolerance: float, label: str) -> None:
        """A value known only up to `tolerance` (a bootstrap endpoint): matches numbers within it."""
        if math.isfinite(value) and math.isfinite(tolerance):
            self._fuzzy.append((abs(float(value)), float(tolerance), label))

    def _index(self) -> tuple[list[float], list[tuple[float, str]]]:
        if self._sorted is None:
            pairs = sorted(zip(self._values, self._labels))
            self._sorted = ([v for v, _ in pairs], pairs)
        return self._sorted

    def match(self, number: Number, before: str = "") -> str | None:
        """The label of a value that rounds to `number`, or None. `before`: the text just before the number, for values
        citable only in context (steps, seeds)."""
        keys, pairs = self._index()
        targets = [(abs(number.value), number.tolerance)]
        if number.percent:
            targets.append((abs(number.value) / 100, number.tolerance / 100))
        for target, tol in targets:
            i = bisect.bisect_left(keys, target - tol)
            if i < len(keys) and keys[i] <= target + tol:
                return pairs[i][1]
        for target, tol in targets:
            for v, ftol, label in self._fuzzy:
                if abs(v - target) <= ftol + tol:
                    return label
        if number.decimals == 0 and not number.percent and before:
            tail = before[-40:]
            for pattern, values, label in self._contextual.values():
                if abs(number.value) in values and pattern.search(tail):
                    return label
        if number.comparator in ("<", "<=", "\u2264"):
            # 'p < 0.001' is true when some computed p-value lies below the bound
            for v, label in pairs[: bisect.bisect_left(keys, abs(number.value))]:
                if label.startswith("p-value"):
                    return label
        return None

    def nearest(self, number: Number, k: int = 2) -> list[str]:
        keys, pairs = self._index()
        target = abs(number.value)
        i = bisect.bisect_left(keys, target)
        near = sorted(pairs[max(0, i - k) : i + k], key=lambda p: abs(p[0] - target))[:k]
        return [f"{v:.6g} ({label})" for v, label in near]

    def __len__(self) -> int:
        return len(self._values)
