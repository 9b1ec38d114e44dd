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


Kind = str  # 'stat' (a statistic of an arm or a comparison), 'mean' (an arm's mean), 'run' (one run's value),
# 'extreme' (an arm's min or max: one run's value), 'count', 'plan', 'const', 'text' (written in a brief or a command)


@dataclass(frozen=True)
class Match:
    label: str
    kind: Kind
    value: float
    arm: str | None = None
    scaled: bool = False  # matched as value x 100 (percent or points) or x 1000 (per mille)


class Traceable:
    """Values a report may cite: recorded run values and what the report computes from them. Each value keeps a
    label saying where it comes from (for the evidence of a finding), a kind (what it is: a statistic, an arm's
    mean, one run's value ...), the arm it belongs to, and whether it may be written scaled: a value of a metric
    stored as a fraction (accuracy 0.9606) is commonly written x 100 (96.06, 96.06%, a difference of 1.71 points)."""

    #: Always allowed: zero and one, and the conventional confidence and power levels.
    CONSTANTS = (0.0, 1.0, 95.0, 0.95, 80.0, 0.8, 100.0)

    def __init__(self) -> None:
        self._entries: list[
            tuple[float, str, str, str | None, bool, float]
        ] = []  # (|v|, label, kind, arm, scalable, slack)
        self._sorted: tuple[list[float], list[tuple]] | None = None
        self._fuzzy: list[tuple[float, float, str, bool]] = []
        self._fuzzy_index: tuple[list[float], list[tuple[float, float, str, bool]], float] = ([], [], 0.0)
        self._pvalues: list[tuple] = []
        # values citable only where the words before the number say what they are (a step, a seed): every integer up
        # to the last step of a long run would otherwise "trace" any integer at all
        self._contextual: dict[str, tuple[re.Pattern, set[float], str]] = {}
        for c in self.CONSTANTS:
            self.add(c, "a conventional constant", kind="const")

    def add(
        self,
        value,
        label: str,
        *,
        kind: Kind = "stat",
        arm: str | None = None,
        scalable: bool = False,
        slack: float = 1.0,
    ) -> None:
        """slack: how many times the written number's rounding tolerance the value may be off (a difference people
        compute from two rounded means is off by up to one unit in the last digit: slack 3)."""
        try:
            v = float(value)
        except (TypeError, ValueError):
            return
        if math.isfinite(v):
            self._entries.append((abs(v), label, kind, arm, scalable, slack))
            self._sorted = None

    def add_many(self, values, label: str, **kw) -> None:
        for v in values:
            self.add(v, label, **kw)

    def add_text(self, text: str | None, label: str) -> None:
        """Every number written in `text` (a brief, a command line) is citable as written."""
        if text:
            for n in find_numbers(text):
                self.add(n.value, label, kind="text")
                if n.percent:
                    self.add(n.value / 100, label, kind="text")

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

    def add_fuzzy(self, value: float, tolerance: float, label: str, *, scalable: bool = False) -> None:
        """A value known only up to `tolerance` (a bootstrap endpoint): matches numbers within it."""
        if math.isfinite(value) and math.isfinite(tolerance):
            self._fuzzy.append((abs(float(value)), float(tolerance), label, scalable))
            self._sorted = None

    def _index(self) -> tuple[list[float], list[tuple]]:
        if self._sorted is None:
            import numpy as np

            pairs = sorted(self._entries, key=lambda e: e[0])
            self._sorted = ([e[0] for e in pairs], pairs)
            # a written number with few digits can round from thousands of values (every run near 0.80): they are
            # matched as arrays, and only one per group (kind, arm, and for means the label, for other statistics
            # whether it is a difference) is kept; a finding needs no more than that
            groups: dict[tuple, int] = {}
            gid = [
                groups.setdefault((k, a, lab if k == "mean" else ("difference" in lab)), len(groups))
                for _, lab, k, a, _, _ in pairs
            ]
            self._arrays = (
                np.array([e[0] for e in pairs], dtype=float),
                np.array([e[5] for e in pairs], dtype=float),
                np.array([e[4] for e in pairs], dtype=bool),
                np.array(gid, dtype=np.int64),
            )
            fuzzy = sorted(self._fuzzy)
            self._fuzzy_index = ([f[0] for f in fuzzy], fuzzy, max((f[1] for f in fuzzy), default=0.0))
            self._pvalues = sorted((e for e in pairs if e[1].startswith("p-value")), key=lambda e: e[0])
        return self._sorted

    def _targets(self, number: Number, permille: bool) -> list[tuple[float, float, bool]]:
        """(target, tolerance, scaled) readings of a written number: as written; a percentage as a fraction; any
        number as x 100 (percent or points) of a fraction-valued metric; x 1000 where per mille is written."""
        x, tol = abs(number.value), number.tolerance
        out = [(x, tol, False)]
        out.append((x / 100, tol / 100, True))
        if permille:
            out.append((x / 1000, tol / 1000, True))
        return out

    def candidates(self, number: Number, before: str = "", *, permille: bool = False) -> list[Match]:
        """Every value the written number can be (rounding to its printed digits, scaling where allowed), one per
        group (see _index)."""
        _, entries = self._index()
        out: list[Match] = []
        import numpy as np

        vals, slacks, scalables, gids = self._arrays
        for target, tol, scaled in self._targets(number, permille):
            lo = int(np.searchsorted(vals, target - 3 * tol, "left"))
            hi = int(np.searchsorted(vals, target + 3 * tol, "right"))
            ok = np.abs(vals[lo:hi] - target) <= tol * slacks[lo:hi]
            if scaled and not number.percent:
                ok &= scalables[lo:hi]
            idx = lo + np.flatnonzero(ok)
            idx = idx[np.argsort(np.abs(vals[idx] - target), kind="stable")]  # the closest value of each group first
            _, first = np.unique(gids[idx], return_index=True)
            for i in idx[np.sort(first)]:
                v, label, kind, arm, _, _ = entries[i]
                out.append(Match(label, kind, v, arm, scaled and not number.percent))
            fkeys, fuzzy, widest = self._fuzzy_index
            j = bisect.bisect_left(fkeys, target - tol - widest)
            while j < len(fkeys) and fkeys[j] <= target + tol + widest:
                v, ftol, label, scalable = fuzzy[j]
                j += 1
                if abs(v - target) <= ftol + tol and (not scaled or scalable or number.percent):
                    out.append(Match(label, "bound", v, None, scaled))
        if number.decimals == 0 and not number.percent and before:
            tail = before[-40:]
            for pattern, values, label in self._contextual.values():
                if abs(number.value) in values and pattern.search(tail):
                    out.append(Match(label, "context", abs(number.value)))
        if number.comparator in ("<", "<=", "\u2264", ">", ">=", "\u2265"):
            below = number.comparator in ("<", "<=", "\u2264")
            # 'p < 0.001' is true when some computed p-value lies below the bound ('p > 0.05': above it)
            ps = self._pvalues
            if ps:
                v, label, _, arm, _, _ = ps[0] if below else ps[-1]
                if (v < abs(number.value)) if below else (v > abs(number.value)):
                    out.append(Match(label, "stat", v, arm))
        return out

    def match(self, number: Number, before: str = "") -> str | None:
        """The label of a value that rounds to `number` (or a statistic bound it states), or None. `before`: the text
        just before the number, for values citable only in context (steps, seeds)."""
        found = self.candidates(number, before)
        return found[0].label if found else None

    def nearest(self, number: Number, k: int = 2) -> list[str]:
        keys, entries = self._index()
        target = abs(number.value)
        i = bisect.bisect_left(keys, target)
        near = sorted(entries[max(0, i - k) : i + k], key=lambda e: abs(e[0] - target))[:k]
        return [f"{e[0]:.6g} ({e[1]})" for e in near]

    def __len__(self) -> int:
        return len(self._entries)
