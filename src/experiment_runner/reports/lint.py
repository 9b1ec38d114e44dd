"""check_report's machinery: lint a markdown report against the runs it describes. Each finding quotes the
sentence (or table row) it is about, with a stable code:

L01 number_without_spread   a result (an arm's mean or one run's value) printed without ± and n
L02 number_untraceable      a number that is no recorded value and no statistic of them, allowing for rounding
L03 claim_without_test      'significant', 'outperforms', 'better than' ... with no test cited beside it
L04 claim_not_supported     such a claim where the plan's test (after its correction) does not support it
L05 failed_runs_unmentioned a failed, crashed, diverged, cancelled or lost run the report never names
L06 hypothesis_changed      a hypothesis that differs from the pre-registered one (or none stated)
L07 baseline_missing        the baseline, or its result, absent from the report
L08 baseline_truncated      the baseline trained for fewer steps, or ran fewer seeds, than a compared arm
L09 n_mismatch              an n that is not the number of completed runs behind the value
L10 arm_below_two_seeds     an arm reported from a single run
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from experiment_runner.reports.analyse import Analysis
from experiment_runner.reports.model import Finding
from experiment_runner.reports.numbers import Traceable, _mask, find_numbers
from experiment_runner.reports.text import Unit, split_row, units


@dataclass(frozen=True)
class LintCode:
    code: str
    name: str
    fix: str


CODES: dict[str, LintCode] = {
    c.code: c
    for c in (
        LintCode("L01", "number_without_spread", "Write every result as mean ± std (n=N) over the completed seeds."),
        LintCode(
            "L02",
            "number_untraceable",
            "Use the recorded values or statistics computed from them; correct or remove this number.",
        ),
        LintCode(
            "L03",
            "claim_without_test",
            "Cite the test behind the claim in the same sentence (test, p, correction), or drop the claim.",
        ),
        LintCode(
            "L04",
            "claim_not_supported",
            "Say there is no significant difference (and how many seeds the effect would need), or run the pre-registered test with more seeds.",
        ),
        LintCode(
            "L05",
            "failed_runs_unmentioned",
            "List every run that did not complete under Failed Attempts, with its cause.",
        ),
        LintCode(
            "L06",
            "hypothesis_changed",
            "State the pre-registered hypothesis word for word; a new hypothesis makes the report exploratory and must say so.",
        ),
        LintCode(
            "L07", "baseline_missing", "Report the baseline's result the same way as every other arm (mean ± std, n)."
        ),
        LintCode(
            "L08",
            "baseline_truncated",
            "Give the baseline the same training budget and seeds as the compared arms, or state the difference plainly.",
        ),
        LintCode(
            "L09",
            "n_mismatch",
            "Give n as the number of completed runs behind the value, and report every completed seed.",
        ),
        LintCode(
            "L10", "arm_below_two_seeds", "Run at least 2 (better: the plan's minimum) seeds before reporting an arm."
        ),
    )
}

_CLAIM = re.compile(
    r"\b(significant(?:ly)?|outperform(?:s|ed|ing)?|beats?|better than|worse than|superior to|inferior to|improv(?:es|ed|ing))\b",
    re.I,
)
_NEGATIVE_CLAIM = re.compile(r"\b(worse than|inferior to)\b", re.I)
_POSITIVE_CLAIM = re.compile(r"\b(outperform\w*|beats?|better than|superior to|improv\w*)\b", re.I)
_NEGATION = re.compile(
    r"\b(not|no|never|without|nor|neither|cannot|can't|didn't|doesn't|don't|isn't|wasn't|fails? to|failed to)\b", re.I
)
_TEST_CITED = re.compile(
    r"(\bp\s*(?:=|<|>|≤|≥|<=|>=)\s*\d|\bp-values?\b|\bwelch|\bt-test|\bmann[- ]whitney|\bwilcoxon|\bu test|\bpermutation test|\bstudent'?s t)",
    re.I,
)
_N_EQ = re.compile(r"\bn\s*=\s*(\d+)\b")
_STAT_PREFIX = re.compile(
    r"(±|\+/-|\+-|\bp\s*[=<>≤≥]?\s*$|\bp-value|\bg\s*=|\bu\s*=|\bt\s*=|\bdf\b|\bci\b|\[|\bdifference|\bdiff\b|\bstd\b|\bsd\b|"
    r"\bsem?\b|\bn\s*=|\bseeds?\b|\bsteps?\b|\bepochs?\b|\balpha\b|\bmin\b|\bmax\b|\bmedian\b|holm|adjusted|power|hedges|"
    r"interval|\bby\b|\brun\b)",
    re.I,
)
_STAT_HEADER = re.compile(
    r"(ci|interval|min|max|median|seed|std|sd|p\b|p used|p-value|hedges|g\b|u\b|welch|mann|differ|improvement|\bn\b|steps?|launched|runs)",
    re.I,
)
_FAIL_WORDS = re.compile(r"\b(fail\w*|crash\w*|diverg\w*|cancel\w*|lost|nan|inf|killed|error|oom)\b", re.I)


def _section_kind(section: str) -> str:
    s = section.lower()
    if "hypothes" in s:
        return "hypothesis"
    if "fail" in s or "attempt" in s:
        return "failed"
    if "every run" in s or "per-run" in s or "per run" in s or "per seed" in s or "per-seed" in s or "appendix" in s:
        return "runs"
    if "setup" in s or "method" in s or "config" in s or "environment" in s:
        return "setup"
    return "other"


def _arm_pattern(arm: str) -> re.Pattern:
    """An arm's name in prose: 'label_smoothing' also as 'label smoothing' or 'label-smoothing'."""
    body = "[ _-]".join(re.escape(part) for part in re.split(r"[ _-]+", arm) if part) or re.escape(arm)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"[*_`>\"]", " ", s)
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", s)
    s = re.sub(r"[^\w\s.%<>=+-]", " ", s)
    return " ".join(s.split())


class _Lint:
    def __init__(self, an: Analysis, markdown: str):
        self.an = an
        self.md = markdown
        self.units = units(markdown)
        self.findings: list[Finding] = []
        self.arms = list(an.launched)
        self.arm_re = {a: _arm_pattern(a) for a in self.arms}
        self.traceable = an.traceable()
        self.results = Traceable()  # arm means and single-run values: the numbers that need ± and n
        for (arm, metric), c in an.cells.items():
            self.results.add(c.mean, f"mean {metric} of arm {arm}")
        for r in an.source.runs:
            for m, v in r.values.items():
                self.results.add(v, f"{m} of run {r.run_id}")

    def add(self, code: str, unit: Unit | None, message: str) -> None:
        c = CODES[code]
        sentence = unit.text if unit is not None else "(no sentence: the report never says it)"
        if len(sentence) > 300:
            sentence = sentence[:297] + "..."
        self.findings.append(
            Finding(
                code=code, name=c.name, line=unit.line if unit else None, sentence=sentence, message=message, fix=c.fix
            )
        )

    def arms_in(self, text: str) -> list[str]:
        return [a for a in self.arms if self.arm_re[a].search(text)]

    # --- checks ---------------------------------------------------------------------------------------------

    def numbers(self) -> None:
        for u in self.units:
            kind = _section_kind(u.section)
            masked = _mask(u.text)
            nums = find_numbers(u.text)
            cell_of = self._cell_index(u)
            if kind != "hypothesis":
                # the words before a number, and for a table cell its column's title ('Seed', 'step'), say what it is
                bad = [n for n in nums if self.traceable.match(n, self._context(u, masked, cell_of, n.start)) is None]
                if bad:
                    shown = ", ".join(
                        f"{n.text} (nearest: {'; '.join(self.traceable.nearest(n, 1)) or 'none'})" for n in bad
                    )
                    self.add("L02", u, f"number(s) found in no run and in no statistic of them: {shown}")
            if kind in ("hypothesis", "failed", "runs", "setup") or u.kind in ("heading", "table_header"):
                continue
            if u.kind == "table_row" and any(re.search(r"\bseed\b|\brun\b", h, re.I) for h in u.header[:2]):
                continue  # a per-run table: single values are what it lists
            if u.kind == "sentence" and (
                re.search(r"\bseeds?\s*\d", masked, re.I) or any(r.run_id in u.text for r in self.an.source.runs)
            ):
                continue  # a sentence about one named run
            bare = []
            for n in nums:
                if n.comparator or (n.decimals == 0 and not n.percent and abs(n.value) < 10):
                    continue
                if u.kind == "table_row":
                    header = cell_of(n.start)
                    if header is not None and _STAT_HEADER.search(header):
                        continue
                prefix = masked[max(0, n.start - 25) : n.start]
                if _STAT_PREFIX.search(prefix):
                    continue
                if self.results.match(n) is None:
                    continue
                after = masked[n.end : n.end + 4]
                has_pm = bool(re.match(r"\s*(±|\+/-|\+-)", after))
                has_n = bool(_N_EQ.search(masked)) or (
                    u.kind == "table_row" and any(re.fullmatch(r"n|\(n\)|n \(.*\)", h.strip(), re.I) for h in u.header)
                )
                if not (has_pm and has_n):
                    bare.append(n.text + ("" if has_pm else " (no ±)") + ("" if has_n else " (no n)"))
            if bare:
                self.add("L01", u, f"result(s) without their spread and n: {', '.join(bare)}")

    @staticmethod
    def _context(u: Unit, masked: str, cell_of, start: int) -> str:
        """The words before a number: in a table cell, the column's title and the cell's own text before it."""
        if u.kind != "table_row":
            return masked[:start]
        return f"{cell_of(start) or ''} {masked[masked.rfind('|', 0, start) + 1 : start]}"

    def _cell_index(self, u: Unit):
        """For a table row: the header of the column that holds offset `pos` of the row text."""
        if u.kind != "table_row" or not u.header:
            return lambda pos: None
        bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", u.text)]

        def header_at(pos: int) -> str | None:
            col = sum(1 for b in bounds if b < pos) - (1 if u.text.lstrip().startswith("|") else 0)
            return u.header[col] if 0 <= col < len(u.header) else None

        return header_at

    def claims(self) -> None:
        an = self.an
        by_arm = {c.arm: c for c in an.comparisons}
        for u in self.units:
            if u.kind in ("heading", "table_header") or _section_kind(u.section) == "hypothesis":
                continue
            masked = _mask(u.text)
            claim = None
            for m in _CLAIM.finditer(masked):
                clause = re.split(r"[,;:]|\bbut\b|\bwhile\b", masked[: m.start()])[-1]
                if _NEGATION.search(clause) or masked[max(0, m.start() - 4) : m.start()].lower().endswith("non-"):
                    continue
                claim = m
                break
            if claim is None:
                continue
            if not _TEST_CITED.search(masked):
                self.add("L03", u, f"'{claim.group(0)}' with no test cited in the sentence")
                continue
            named = [a for a in self.arms_in(masked) if a != an.baseline]
            negative = bool(_NEGATIVE_CLAIM.search(masked)) and not _POSITIVE_CLAIM.search(masked)
            positive = bool(_POSITIVE_CLAIM.search(masked))
            targets = [by_arm.get(a) for a in named] if named else list(an.comparisons)
            problems = []
            for a, c in zip(named or [c.arm for c in an.comparisons], targets):
                if c is None:
                    problems.append(f"{a} has no test against the baseline {an.baseline} (too few values)")
                    continue
                direction_ok = (c.better is True) if positive else ((c.better is False) if negative else True)
                if not (c.significant and direction_ok):
                    p = "n/a" if c.p is None else f"{c.p:.3g}"
                    adj = (
                        ""
                        if c.p_adjusted == c.p or c.p_adjusted is None
                        else f", {len(an.comparisons)} comparisons Holm-adjusted: {c.p_adjusted:.3g}"
                    )
                    why = "not significant" if not c.significant else "the difference goes the other way"
                    problems.append(f"{c.arm} vs {c.baseline}: {c.test} p = {p}{adj}; alpha {an.plan.alpha:g}: {why}")
            if named and problems:
                self.add("L04", u, f"'{claim.group(0)}' is not what the data show: " + "; ".join(problems))
            elif not named and targets and len(problems) == len(targets):
                self.add("L04", u, f"'{claim.group(0)}' but no comparison supports it: " + "; ".join(problems))

    def failed_runs(self) -> None:
        missing = []
        for r in self.an.problem_runs:
            if r.run_id in self.md:
                continue
            seed_hit = False
            if r.seed is not None:
                for u in self.units:
                    t = _mask(u.text)
                    if self.arm_re[r.arm].search(t) and re.search(
                        rf"\bseeds?\b[^.;]*?(?<![\d.]){r.seed}(?![\d.])", t, re.I
                    ):
                        seed_hit = True
                        break
            if not seed_hit:
                missing.append(r)
        if not missing:
            return
        anchor = next((u for u in self.units if u.kind == "heading" and _section_kind(u.section) == "failed"), None)
        if anchor is None:
            arms = {r.arm for r in missing}
            anchor = next(
                (
                    u
                    for u in self.units
                    if u.kind != "heading"
                    and self.arms_in(_mask(u.text))
                    and set(self.arms_in(_mask(u.text))) & arms
                    and find_numbers(u.text)
                ),
                None,
            )
        listing = ", ".join(
            f"{r.run_id} (arm {r.arm}, seed {r.seed}, {r.status}" + (f": {r.cause}" if r.cause else "") + ")"
            for r in missing
        )
        self.add(
            "L05",
            anchor or (self.units[0] if self.units else None),
            f"{len(missing)} run(s) without a result are never named: {listing}",
        )

    def hypothesis(self) -> None:
        plan = self.an.plan
        registered = plan.registered_hypothesis or (plan.hypothesis if self.an.source.kind == "results_file" else None)
        if not registered:
            return
        section = [u for u in self.units if _section_kind(u.section) == "hypothesis" and u.kind != "heading"]
        inline = [u for u in self.units if re.match(r"^\W*hypothes[ie]s\W*:", u.text, re.I)]
        stated = section or inline
        if not stated:
            self.add("L06", None, f'the report states no hypothesis; the pre-registered one is: "{registered}"')
            return
        got = _norm(" ".join(u.text for u in stated))
        want = _norm(registered)
        if want in got:
            return
        first = next((u for u in stated if not u.text.lower().startswith("success")), stated[0])
        self.add("L06", first, f'differs from the pre-registered hypothesis "{registered}"')

    def baseline(self) -> None:
        an = self.an
        base = an.baseline
        mentions = [
            u
            for u in self.units
            if u.kind != "heading"
            and _section_kind(u.section) != "hypothesis"
            and self.arm_re[base].search(_mask(u.text))
        ]
        if not mentions:
            anchor = next((u for u in self.units if u.kind == "heading" and "result" in u.section), None)
            self.add("L07", anchor, f"the baseline arm {base!r} is never named outside the hypothesis")
        else:
            means = Traceable()
            for m in an.metrics:
                c = an.cells.get((base, m))
                if c is not None:
                    means.add(c.mean, f"mean {m}")
            reported = any(
                means.match(n) is not None and not n.decimals == 0 for u in mentions for n in find_numbers(u.text)
            )
            if not reported:
                self.add(
                    "L07", mentions[0], f"the baseline {base!r} is named but its result (mean ± std) is not reported"
                )

        # truncation, from the data: fewer steps or fewer seeds than a compared arm
        def budget(arm):
            steps = [
                r.last_step
                for r in an.source.runs
                if r.arm == arm and r.status == "completed" and r.last_step is not None
            ]
            return statistics.median(steps) if steps else None

        problems = []
        b_steps, b_runs = budget(base), an.launched.get(base, 0)
        for arm in an.arms:
            if arm == base:
                continue
            s = budget(arm)
            if b_steps is not None and s is not None and b_steps < 0.9 * s:
                problems.append(f"the baseline ran a median of {b_steps:g} steps, {arm} {s:g}")
            if an.launched.get(arm, 0) > b_runs:
                problems.append(f"the baseline has {b_runs} runs, {arm} {an.launched[arm]}")
        if problems:
            disclosed = any(
                re.search(r"truncat|fewer (training )?(steps|seeds|runs)|shorter|less training|\bS09\b", u.text, re.I)
                for u in self.units
            )
            if not disclosed:
                self.add("L08", mentions[0] if mentions else None, "; ".join(problems))

    def counts(self) -> None:
        an = self.an
        for u in self.units:
            if u.kind in ("heading", "table_header") or _section_kind(u.section) in ("runs",):
                continue
            masked = _mask(u.text)
            hits = list(_N_EQ.finditer(masked))
            if not hits:
                continue
            first_cell = split_row(u.text)[0] if u.kind == "table_row" else ""
            for h in hits:
                before = masked[: h.start()]
                arm = None
                last = -1
                for a in self.arms:
                    for m in self.arm_re[a].finditer(before):
                        if m.start() > last:
                            last, arm = m.start(), a
                if arm is None and first_cell:
                    arm = next((a for a in self.arms if self.arm_re[a].search(first_cell)), None)
                if arm is None or arm not in an.arms:
                    continue
                k = int(h.group(1))
                valid = {an.cells[(arm, m)].n for m in an.metrics if (arm, m) in an.cells}
                if k < 2:
                    self.add("L10", u, f"arm {arm} is reported from n={k} run(s): no variance can be shown")
                elif k not in valid:
                    self.add(
                        "L09",
                        u,
                        f"arm {arm}: n={k} here, but {sorted(valid)} completed run(s) with a value exist "
                        f"(of {an.launched[arm]} launched)",
                    )
        # an arm whose data hold one completed run, reported with a number
        flagged = {f.line for f in self.findings if f.code == "L10"}
        for arm in an.arms:
            c = an.cells.get((arm, an.plan.primary_metric))
            if c is None or c.n != 1 or flagged:
                continue
            single = Traceable()
            single.add(c.values[0], "the single run")
            for u in self.units:
                if self.arm_re[arm].search(_mask(u.text)) and any(
                    single.match(n) for n in find_numbers(u.text) if n.decimals > 0
                ):
                    self.add("L10", u, f"arm {arm} has one completed run; its value is reported as a result")
                    break


def lint(an: Analysis, markdown: str) -> list[Finding]:
    """Every finding, in the order of the checks (numbers, claims, failed runs, hypothesis, baseline, counts)."""
    l = _Lint(an, markdown)
    l.numbers()
    l.claims()
    l.failed_runs()
    l.hypothesis()
    l.baseline()
    l.counts()
    return l.findings
