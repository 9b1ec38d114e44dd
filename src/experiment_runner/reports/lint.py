"""check_report's machinery: lint a markdown report against the runs it describes. Each finding quotes the
sentence (or table row) it is about, with a stable code:

L01 number_without_spread   an arm's result printed without its spread (± std) anywhere in the report, or no n at all
L02 number_untraceable      a number that is no recorded value and no statistic of them, allowing for rounding
L03 claim_without_test      'significant', 'outperforms', 'better than' ... with no test cited beside it
L04 claim_not_supported     such a claim where the plan's test (after its correction) does not support it
L05 failed_runs_unmentioned a failed, crashed, diverged, cancelled or lost run the report never names
L06 hypothesis_changed      a restated hypothesis that differs from the pre-registered one
L07 baseline_missing        the baseline's result absent from the report
L08 baseline_truncated      the baseline trained for fewer steps, or ran fewer seeds, than a compared arm, unsaid
L09 n_mismatch              an n that is not the number of completed runs behind the value
L10 arm_below_two_seeds     an arm reported from a single run
L11 cherry_picked_number    one run's value (the arm's best, worst or any single seed) given as its result

How a number is read: written numbers match recorded values and statistics when rounding the value to the printed
digits gives them; a value of a metric stored as a fraction may be written x 100 (96.06, 96.06%, a difference of
1.71 points, a % that follows the std); a difference computed from rounded means may be one unit off. Numbers that
are the plan's or the method's (hyperparameters `lr=3e-4`, `γ=0.9`, '20 epochs', 'batch 128', '95% CI', a success
criterion's threshold, dates, versions, citations) are recognised from the words around them and not checked. Arms
are recognised by id, by the names a table row or a value ties to them ('the baseline (no MixUp)' in the row that
holds the baseline's mean), and by the word 'baseline' for the plan's baseline; metrics by id however written and by
the headers of the columns holding their means.

What a number is, is read from the report's structure rather than from lists of phrases: the section or the
paragraph's label it sits under (setup, data, models, cost: the method's numbers), a settings list (N=2, M=9), the
clause it sits in (a criterion's threshold, a number attributed to a publication), whether its sentence names an
arm, a metric or a statistic at all (if none, it is no result), whether it lists an arm's runs (a listing or a range
of seeds) or gives one run as the arm's result (L11), and whether the reader has seen the result with its spread
before (a summary ahead of the table must give its own).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from experiment_runner.reports.analyse import Analysis
from experiment_runner.reports.model import Finding
from experiment_runner.reports.numbers import Match, Number, _mask, find_numbers
from experiment_runner.reports.text import Unit, clean_text, split_row, units
from experiment_runner.reports.trace import fraction_metrics

if TYPE_CHECKING:
    from experiment_runner.reports.model import Comparison
    from experiment_runner.reports.secondary import SecondaryTest


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
            "Say there is no significant difference (and how many seeds the effect would need), or run the "
            "pre-registered test with more seeds.",
        ),
        LintCode(
            "L05",
            "failed_runs_unmentioned",
            "List every run that did not complete under Failed Attempts, with its cause.",
        ),
        LintCode(
            "L06",
            "hypothesis_changed",
            "State the pre-registered hypothesis word for word; a new hypothesis makes the report exploratory "
            "and must say so.",
        ),
        LintCode(
            "L07", "baseline_missing", "Report the baseline's result the same way as every other arm (mean ± std, n)."
        ),
        LintCode(
            "L08",
            "baseline_truncated",
            "Give the baseline the same training budget and seeds as the compared arms, or state the "
            "difference plainly.",
        ),
        LintCode(
            "L09",
            "n_mismatch",
            "Give n as the number of completed runs behind the value, and report every completed seed.",
        ),
        LintCode(
            "L10", "arm_below_two_seeds", "Run at least 2 (better: the plan's minimum) seeds before reporting an arm."
        ),
        LintCode(
            "L11",
            "cherry_picked_number",
            "Give the arm's mean ± std (n) as its result; a single seed's value only where the text says it is one "
            "seed's (its best, its worst, seed k).",
        ),
    )
}

# a claim word on its own, not inside a hyphenated name (N-BEATS)
_CLAIM = re.compile(
    r"(?<![\w-])(significant(?:ly)?|outperform(?:s|ed|ing)?|beats?|better than|worse than|superior to|inferior to|"
    r"improv(?:es|ed|ing))(?![\w-])",
    re.I,
)
_NEGATIVE_CLAIM = re.compile(r"(?<![\w-])(worse than|inferior to)(?![\w-])", re.I)
_POSITIVE_CLAIM = re.compile(r"(?<![\w-])(outperform\w*|beats?|better than|superior to|improv\w*)(?![\w-])", re.I)
# where one claim ends and another statement begins: ';', ':', 'while', 'whereas', 'but', ', and' (not a list's comma)
_CLAIM_CUT = re.compile(r"[;:]|\b(?:but|while|whereas)\b|,\s*(?:and|so|yet)\b", re.I)
_NEGATION = re.compile(
    r"\b(not|no|never|without|nor|neither|cannot|can't|didn't|doesn't|don't|isn't|wasn't|fails? to|failed to)\b", re.I
)
_TEST_CITED = re.compile(
    r"(\bp\s*(?:=|<|>|≤|≥|<=|>=)\s*\d|\bp-values?\b|\bwelch|\bt-test|\bmann[- ]whitney|\bwilcoxon|\bu "
    r"test|\bpermutation test|"
    r"\bstudent'?s t|\bsign-flip|\bholm)",
    re.I,
)
# a sentence about the plan (the criterion, the hypothesis, a threshold), not a result or a claim
_PLAN_TALK = re.compile(
    r"(criteri|threshold|\bmargin\b|sesoi|smallest effect|pre-?regist|\bregistered\b|hypothes|\bwould need|"
    r"\bneeds? about|"
    r"\bto detect\b|\bdetectable\b|\bpower\b)",
    re.I,
)
_QUOTED = re.compile(r"[\"“](.+?)[\"”]|(?<![*\w])\*([^*]+)\*(?![*\w])")
_UP = re.compile(r"\b(?:rais\w*|increas\w*|higher|above|exceed\w*|more than|gains?)\b", re.I)
_DOWN = re.compile(r"\b(?:lower\w*|reduc\w*|decreas\w*|below|less than|fewer|drops?)\b", re.I)
_NOT = re.compile(r"\b(?:not|never|cannot|fails? to|failed to)\b|n't\b", re.I)  # a clause negated, not "no X"
_BOUND_WORDS = re.compile(
    r"\b(?:at least|at most|within|no more than|no less than|more than|less than|or more|or less|a minimum of|"
    r"a maximum of)\b|[≥≤]|>=|<=",
    re.I,
)
# the same bound said another way
_BOUND_SAME = {
    "or more": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "≥": "at least",
    ">=": "at least",
    "or less": "at most",
    "no more than": "at most",
    "a maximum of": "at most",
    "≤": "at most",
    "<=": "at most",
}
_BUDGET_WORD = re.compile(r"seed|\bruns?\b|step|epoch|iteration|update|frame|budget|train", re.I)
_BUDGET_AMOUNT = re.compile(
    r"\d[\d.,]*\s*[kKmMbB]?\s+(?:[a-z-]+\s+)?(?:steps|epochs|iterations|updates|frames|seeds|runs|timesteps)\b", re.I
)
_BUDGET_DIFFERS = re.compile(
    r"truncat|fewer|less training|shorter|smaller budget|\bonly\b|unbalanced|unequal|\bhalf\b|\btwice\b|\bdouble\b|"
    r"not matched|unmatched|mismatch|\bS09\b",
    re.I,
)
_PAIRED_WITH = re.compile(r"^\s*(?:vs\.?|versus|and|or|to|[-–—/])\s*[-+]?\d[\d,]*(?:\.\d+)?", re.I)
# a number someone else published: not a result of these runs
_EXTERNAL = re.compile(
    r"\b(?:reported (?:in|by|for)|as reported|published|quoted|in the (?:original )?paper|in the literature|"
    r"prior work|previous work|state of the art|leaderboard|according to)\b",
    re.I,
)
_EVERY = re.compile(r"\b(?:both|all|each|every)\b", re.I)
_CLAUSE_CUT = re.compile(r"[,;:]|\b(?:but|while|whereas)\b", re.I)
_N_EQ = re.compile(r"\bn\s*=\s*(\d+)\b", re.I)
_N_WORDS = re.compile(
    r"\b(?:over|across|from|on|with|of)\s+(\d+)\s+(?:completed\s+|successful\s+)?(?:seeds|runs)\b", re.I
)
_STAT_PREFIX = re.compile(
    r"(±|\+/-|\+-|\bp\s*[=<>≤≥]?\s*$|\bp-value|\bg\s*=|\bd\s*=|\bu\s*=|\bt\s*=|\bdf\b|\bci\b|\[|\bdifference|\bdiff\b|\bstd\b|"
    r"\bsd\b|\bsem?\b|\bn\s*=|\bseeds?\b|\bsteps?\b|\bepochs?\b|\balpha\b|\bmin\b|\bmax\b|\bmedian\b|holm|adjusted|power|"
    r"hedges|cohen|interval|\bby\b|\brun\b|\bto\s*$|\bvs\.?|\bgain|\bchange|\bdelta|Δ|\bdrop|\bimprov|\bminus|\bplus|\bfrom\b|"
    r"\bbest\b|\bworst\b|\bhighest\b|\blowest\b|\brange|\bbetween|error)",
    re.I,
)
_STAT_HEADER = re.compile(
    r"(ci|interval|min|max|median|seed|std|sd|p\b|p used|p-value|hedges|g\b|u\b|welch|mann|differ|improvement|\bn\b|"
    r"steps?|launched|runs|best|worst|range|delta|Δ|gain|change|vs)",
    re.I,
)
_SPREAD_HEADER = re.compile(
    r"(±|\bstd\b|\bsd\b|\bs\.d\.|\bsem?\b|std\.? ?dev|standard dev|\bci\b|interval|\(sd\)|\(std\))", re.I
)
_N_HEADER = re.compile(
    r"^(?!.*\b(?:better|worse|wins?|tied|where|per)\b)\s*(n|\(n\)|n \(.*\)|#\s*seeds?|#\s*runs?|"
    r".*\b(?:seeds|runs)\b.*|completed)\s*$",
    re.I,
)
_FAIL_WORDS = re.compile(
    r"\b(fail\w*|crash\w*|diverg\w*|cancel\w*|lost|nan|inf|killed|error|oom|out of memory|preempt\w*|timed? ?out|"
    r"timeout|abort\w*|did not (?:complete|finish))\b",
    re.I,
)
_LIST_JOIN = re.compile(r"\s*%?\s*(?:,|/|;|\||\band\b|\bto\b|[-–—])\s*(?:and\s+)?", re.I)
_SINGLE_RUN = re.compile(
    r"\b(seed|run|seeds\s+\d|best|worst|max(?:imum)?|min(?:imum)?|highest|lowest|peak|range[ds]?|between|individual|single|"
    r"each|outliers?|per[- ]seed|spread|up to|one of|top)\b",
    re.I,
)
_METHOD_UNIT = re.compile(
    r"^\s*(?:[-–]\s*)?(?:(?:training|train|test|validation|val|held-out|heldout|evaluation|eval|labelled|unlabelled|"
    r"synthetic|random)\s+(?:points|data points|pairs|rows|items|examples|samples|images|sentences|utterances|"
    r"documents|"
    r"tokens|episodes|set|split)\b|epochs?|steps?|iterations?|iters?|updates?|batch(?:es)?|layers?|blocks?|units?|heads?|"
    r"channels?|filters?|dims?|dimensions?|hidden|neurons?|tokens?|words?|images?|examples?|samples?|sentences?|"
    r"documents?|utterances?|hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?|s|ms|days?|gpus?|gpu-?hours?|cpus?|"
    r"cores?|nodes?|workers?|classes|categories|labels?|folds?|resamples?|permutations?|bootstrap|draws?|warm-?up|"
    r"frames?|episodes?|envs?|environments?|timesteps?|games?|tasks?|datasets?|languages?|params?|parameters?|"
    r"trees?|rounds?|estimators?|leaves|features?|k|m|b|gb|gib|mb|tb|px|pixels?|masks?|beams?|shots?|"
    r"environment steps|training steps|rollouts?|parallel|frequency|time|×|x\s*\d)\b",
    re.I,
)
_COUNT_NOUN = re.compile(
    r"^\s*(?:of\s+\d+\s+)?(?:completed\s+|successful\s+|failed\s+|crashed\s+|independent\s+|random\s+|training\s+|"
    r"more\s+|fewer\s+|other\s+)?(?:runs?|seeds?|models?|arms?|trials?|repeats?|replicates?|experiments?|comparisons?|"
    r"configurations?|variants?|methods?)\b",
    re.I,
)
_HYPERPARAM_BEFORE = re.compile(
    r"(?:\b(?:lr|learning rate|weight decay|wd|momentum|dropout|batch size|batch|warmup|label smoothing|temperature|"
    r"epsilon|eps|beta\d?|gamma|lambda|alpha|clip(?:ping)?|max[_ ]norm|block size|beam size|beam|top-?k|heads|layers|"
    r"hidden|width|depth|d_model|embedding|coefficient|coef|max_depth|eta|trees|survival probability|probability|"
    r"factors?|masks?|seq(?:uence)? length|max length|patience|decay|rate|ratio|size|schedule|seed|version|budget|"
    r"split|for|every|after|within|of size|limit)|[α-ωΑ-Ω]\d?)"
    r"\s*(?:of|=|:|to|at|is|was|set to)?\s*(?:[α-ωΑ-Ω]\s*=\s*)?$",
    re.I,
)
_ASSIGN = re.compile(r"([A-Za-z_α-ωΑ-Ω][\w.\-α-ωΑ-Ω]*)\s*(?:=|:)\s*$")
_ANY_ASSIGN = re.compile(r"(?<![\w.])([A-Za-z_α-ωΑ-Ω][\w\-α-ωΑ-Ω]*)\s*=\s*[-+\u2212]?\.?\d")
_STATS_CONTEXT = re.compile(
    r"±|\+/-|\bp\s*[=<>≤≥]|\bp-values?\b|\bci\b|interval|\btests?\b|t-test|welch|mann|wilcoxon|student|cohen|hedges|"
    r"effect size|\bstd\b|\bsd\b|\bmean\b|\bdf\b",
    re.I,
)
_RESULT_WORDS = {
    "p",
    "t",
    "u",
    "n",
    "g",
    "d",
    "df",
    "z",
    "w",
    "r",
    "mean",
    "std",
    "sd",
    "sem",
    "se",
    "ci",
    "diff",
    "difference",
    "delta",
    "acc",
    "accuracy",
    "f1",
    "bleu",
    "wer",
    "cer",
    "loss",
    "error",
    "err",
    "return",
    "reward",
    "score",
    "auc",
    "map",
    "iqm",
    "median",
    "min",
    "max",
    "power",
    "mde",
    "tost",
    "result",
    "results",
    "value",
    "perplexity",
    "ppl",
}
_REFERENCE_BEFORE = re.compile(
    r"\b(?:table|tab\.|fig\.?|figure|section|sec\.|eq\.?|equation|appendix|step|phase|stage|version|v|rank|top|"
    r"exit code|code|signal|line|item|part|chapter|issue|pr|#)\s*$",
    re.I,
)
_CONF_AFTER = re.compile(
    r"^\s*%?\s*(?:bootstrap\s+|two-sided\s+|t-?\s*)?(?:ci\b|confidence|credible|interval|level)", re.I
)
_BOUND_CONTEXT = re.compile(
    r"(\bci\b|interval|confidence|credible|bootstrap|wilson|tost|\[|\bbetween\b|\bto\s*$|[–-]\s*$|,\s*$|\bbounds?\b|"
    r"\blower\b|\bupper\b|\brange\b|\bfrom\b)",
    re.I,
)
_CENTER_HEADER = re.compile(r"\b(mean|avg|average)\b", re.I)
_PRODUCT_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]*[A-Z][\w]*|\b[A-Z]{2,}\w*|\bPython|\bUbuntu|\bDebian|\bLinux|\bmacOS)\s+$"
)
_ABSENCE = re.compile(r"\b(?:no|without|w/o|minus|except)\s+$", re.I)


_RESULTS_SECTION = re.compile(r"result|finding|discussion|summary|conclusion|interpretation|take-?away|tl;?dr|abstract")
_SETUP_SECTION = re.compile(
    r"setup|set-up|method|config|environment|what we ran|training|procedure|\bdata(?:sets?)?\b|\bmodels?\b|"
    r"implementation|recipe|fine-?tun|protocol|hyper-?param|setting|architecture|\barms\b|\bplan\b|regist|"
    r"\bcosts?\b|compute|runtime|run time|efficiency|hardware|resources"
)


def _section_kind(section: str) -> str:
    """What a heading (or a paragraph's label) says its text is: the hypothesis, failed runs, every run, the setup
    (method, data, models, the registered plan: numbers there are the method's), or anything else."""
    s = section.lower()
    if "hypothes" in s:
        return "hypothesis"
    if "fail" in s or "attempt" in s or "crash" in s:
        return "failed"
    if "every run" in s or "per-run" in s or "per run" in s or "per seed" in s or "per-seed" in s or "appendix" in s:
        return "runs"
    if _RESULTS_SECTION.search(s):
        return "other"
    if _SETUP_SECTION.search(s):
        return "setup"
    return "other"


def _kind(u: Unit) -> str:
    """The kind of text a unit sits in: its paragraph's label where that says one, else its section's."""
    if u.lead:
        lead = _section_kind(u.lead)
        if lead != "other" or _RESULTS_SECTION.search(u.lead):
            return lead
    return _section_kind(u.section)


def _metric_pattern(metric: str) -> re.Pattern:
    """A metric id as prose writes it: its parts (split at _ - . /, between letters and digits, at a lower-upper
    case change) in order, joined by nothing, a space or a hyphen; the last part of three or more letters may run on
    ('err' as 'error', 'acc' as 'accuracy')."""
    parts = [
        p.lower()
        for chunk in re.split(r"[_\-./\s]+", metric)
        for p in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", chunk)
        if p
    ]
    if not parts:
        return re.compile(re.escape(metric), re.I)
    body = r"[\s_\-.]?".join(re.escape(p) for p in parts)
    tail = r"[a-z]*" if parts[-1].isalpha() and len(parts[-1]) >= 3 else ""
    return re.compile(rf"(?<![A-Za-z0-9]){body}{tail}(?![A-Za-z0-9])", re.I)


def _arm_pattern(arm: str) -> re.Pattern:
    """An arm's name in prose: 'label_smoothing' also as 'label smoothing' or 'label-smoothing'."""
    body = "[ _-]".join(re.escape(part) for part in re.split(r"[ _-]+", arm) if part) or re.escape(arm)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("“", '"').replace("”", '"').replace("≥", ">=").replace("≤", "<=")
    s = s.replace("—", "-").replace("–", "-")
    s = re.sub(r"[*_`>\"]", " ", s)
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", s)
    s = re.sub(r"[^\w\s.%<>=+-]", " ", s)
    return " ".join(s.split())


def _words(s: str) -> list[str]:
    return [w for w in _norm(s).split() if len(w) > 2 or any(ch.isdigit() for ch in w)]


@dataclass
class _Num:
    unit: Unit
    num: Number
    cands: list[Match]
    header: str | None
    role: str  # 'value' | 'count' | 'skip' | 'center-miss' | 'loose' (until _settle_loose)
    spread: bool = False


@dataclass
class _Doc:
    nums: list[_Num] = field(default_factory=list)
    n_stated: bool = False


class _Lint:
    def __init__(self, an: Analysis, markdown: str):
        self.an = an
        self.md = markdown
        self.units = units(markdown)
        self.findings: list[Finding] = []
        self.arms = list(an.launched)
        self.arm_re = {a: _arm_pattern(a) for a in self.arms}
        self.traceable = an.traceable()
        self.has_series = any(r.series for r in an.source.runs)
        self.metric_words = {w for m in an.metrics for w in re.split(r"[ _-]+", m.lower()) if w}
        self.aliases: dict[str, str] = {}  # normalised phrase -> arm
        self._std_tables: set[tuple] | None = None
        self.metric_res = {m: [_metric_pattern(m)] for m in an.metrics}
        self.doc = _Doc()
        self._read_numbers()
        self._learn_aliases()
        self._settle_loose()

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

    # --- reading ----------------------------------------------------------------------------------------------

    def _cell_index(self, u: Unit):
        """For a table row: the header of the column that holds offset `pos` of the row's clean text."""
        if u.kind != "table_row" or not u.header:
            return lambda pos: None
        bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", u.clean)]

        def header_at(pos: int) -> str | None:
            col = sum(1 for b in bounds if b < pos) - (1 if u.clean.lstrip().startswith("|") else 0)
            return u.header[col] if 0 <= col < len(u.header) else None

        return header_at

    def _context(self, u: Unit, masked: str, header: str | None, start: int) -> str:
        if u.kind != "table_row":
            return masked[:start]
        return f"{header or ''} {masked[masked.rfind('|', 0, start) + 1 : start]}"

    def _role(self, u: Unit, masked: str, n: Number, header: str | None, kind: str) -> str:  # noqa: PLR0911
        """What a written number is: 'count' (of runs, seeds ...), 'skip' (the plan's or the method's, a year, a
        reference, a version) or 'value' (a result or a statistic, which must trace). One reason per return."""
        before, after = masked[max(0, n.start - 60) : n.start], masked[n.end : n.end + 40]
        spread_near = bool(re.match(r"\s*%?\s*\)?\s*(±|\+/-|\+-)", after)) or bool(
            re.search(r"(±|\+/-|\+-)\s*$", before)
        )
        if _COUNT_NOUN.match(after) and n.decimals == 0 and not n.percent:
            return "count"
        if header is not None and _N_HEADER.match(header) and n.decimals == 0:
            return "count"
        product = _PRODUCT_BEFORE.search(before)
        if not spread_near and 0 < n.decimals <= 2 and not n.percent and product and n.text[:1] not in "+-\u2212":
            word = product.group(0).strip().lower()
            # a version (XGBoost 2.1, CUDA 12.1), not a metric or a statistic named in capitals (AUC 0.91, CI 0.74)
            if not self.arms_in(before[-30:]) and not self.metrics_in(word) and word not in _RESULT_WORDS:
                return "skip"
        if n.decimals == 0 and not n.percent and 1900 <= abs(n.value) <= 2100:
            return "skip"  # a year
        if _REFERENCE_BEFORE.search(before) and n.decimals == 0:
            return "skip"
        if n.decimals == 0 and re.match(r"\s*\]", after) and re.search(r"\[\s*$", before):
            return "skip"  # a citation [3]
        if n.percent and _CONF_AFTER.match(after) or (re.match(r"\s*%", after) and _CONF_AFTER.match(after)):
            return "skip"  # a confidence level
        if not n.percent and _CONF_AFTER.match(after) and abs(n.value) in (90, 95, 99):
            return "skip"
        if spread_near:
            return "value"
        if _METHOD_UNIT.match(after) or _METHOD_UNIT.match(_PAIRED_WITH.sub("", after, count=1)):
            return "skip"  # '200 epochs', '18.5 vs 9.7 hours'
        if _EXTERNAL.search(_clause(masked, n.start)):
            return "skip"  # 'the 40.9 ROUGE-L reported for BART-base in the original paper'

        m = _ASSIGN.search(before)
        if m and self._is_setting(m.group(1), masked):
            return "skip"  # a hyperparameter: lr=3e-4, γ=0.9, T=40 beside F=27
        if _HYPERPARAM_BEFORE.search(before[-40:]):
            return "skip"
        if kind in ("setup", "hypothesis"):
            return "skip"
        clause = f"{u.lead}: {_clause(masked, n.start)}"  # a paragraph labelled 'Success criterion:' is about it
        if _PLAN_TALK.search(clause) and "±" not in clause:
            return "skip"  # the criterion's threshold, the registered minimum ...
        if kind == "failed" and re.search(r"\b(step|epoch|iteration|iter|exit|signal|code)\w*\W*$", before, re.I):
            return "skip"
        if not self.has_series and re.search(r"\b(step|epoch|iteration|iter)s?\W*$", before, re.I) and n.decimals == 0:
            return "skip"  # a step a results file does not record
        if u.kind == "sentence" and not self._about_results(masked):
            return "loose"  # decided once the arms' and metrics' names in the report are known (_settle_loose)
        return "value"

    def _settle_loose(self) -> None:
        """A number in a sentence that names no arm, metric, statistic or spread is no result ('we have not tried
        0.35 or higher'): not checked. Run after the names tables give arms and metrics are learned."""
        for x in self.doc.nums:
            if x.role == "loose":
                said = f"{x.unit.intro} {x.unit.clean}"  # a list item is about what its introduction says
                x.role = "value" if self._about_results(_mask(clean_text(said))) else "skip"
                if x.role == "skip":
                    x.cands = []

    def _about_results(self, sentence: str) -> bool:
        """Whether a sentence says what its numbers could be results of: an arm (or the baseline), a metric, a
        statistic or a spread. A number in a sentence naming none of them is no result (a setting, an idea)."""
        return bool(_STATS_CONTEXT.search(sentence) or self.metrics_in(sentence) or self.arms_in(sentence))

    @property
    def _std_rows(self) -> set[tuple]:
        """(header, section) of every table with a row of stds ('| std | 0.4 | ...')."""
        if self._std_tables is None:
            self._std_tables = {
                (x.header, x.section)
                for x in self.units
                if x.kind == "table_row" and re.match(r"\s*\|?\s*(std|sd|s\.d\.|±|stdev|sem)\b", x.clean, re.I)
            }
        return self._std_tables

    def _is_setting(self, name: str, sentence: str) -> bool:
        """Whether `name = value` (or `name: value`) sets something rather than reports a result: not a metric, not an
        arm ('LightGBM: +4.63 points'), and a statistic's letter (t, U, d, n ...) only in a list of settings (T=40
        beside F=27) or a sentence with no statistics in it (a model's d=144)."""
        low = name.lower()
        if low in self.metric_words or any(low == m.lower() for m in self.an.metrics) or self.arms_in(name):
            return False
        if low not in _RESULT_WORDS:
            return True
        return _in_settings_list(name, sentence) or not _STATS_CONTEXT.search(sentence)

    def _read_numbers(self) -> None:
        for u in self.units:
            if u.kind in ("heading", "table_header"):
                continue
            kind = _kind(u)
            masked = _mask(u.clean)
            header_at = self._cell_index(u)
            if (
                _N_EQ.search(masked)
                or _N_WORDS.search(masked)
                or re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:seeds|runs)\b", masked, re.I)
            ):
                self.doc.n_stated = True
            if u.kind == "table_row" and any(_N_HEADER.match(h) for h in u.header):
                self.doc.n_stated = True
            for n in find_numbers(masked):
                header = header_at(n.start)
                role = self._role(u, masked, n, header, kind)
                permille = "‰" in masked[n.end : n.end + 3] or bool(re.search(r"per[- ]?mille", masked, re.I))
                ctx = self._context(u, masked, header, n.start)
                cands = self.traceable.candidates(n, ctx, permille=permille) if role != "skip" else []
                bound_ok = (
                    bool(_BOUND_CONTEXT.search(ctx[-40:]))
                    or bool(header and _SPREAD_HEADER.search(header))
                    # 'the Welch 95% intervals for the difference (LoRA minus full) are -0.68 to +0.07'
                    or (u.kind == "sentence" and bool(_BOUND_CONTEXT.search(_clause(masked[: n.start], n.start))))
                )
                if not bound_ok:
                    cands = [c for c in cands if c.kind != "bound"]
                after_pm = bool(re.match(r"\s*%?\s*\)?\s*(±|\+/-|\+-)", masked[n.end : n.end + 8]))
                before_pm = bool(re.search(r"(±|\+/-|\+-)\s*$", masked[max(0, n.start - 4) : n.start]))
                center = after_pm or (bool(header and _CENTER_HEADER.search(header)) and not before_pm)
                if center and cands and role == "value":
                    # written as an arm's result: only a mean (or a difference, or a single run: L11) fits
                    kept = [
                        c
                        for c in cands
                        if c.kind in ("mean", "text", "const", "run", "extreme", "context") or "difference" in c.label
                    ]
                    role = "value" if kept else "center-miss"
                    cands = kept or cands
                self.doc.nums.append(_Num(u, n, cands, header, role, self._has_spread(u, masked, n)))

    def _has_spread(self, u: Unit, masked: str, n: Number) -> bool:
        after = masked[n.end : n.end + 30]
        if re.match(r"\s*%?\s*\)?\s*(±|\+/-|\+-)", after):
            return True
        if re.match(r"\s*%?\s*[(\[]\s*(?:95% CI:?\s*|CI:?\s*|sd:?\s*|std:?\s*)?[-+]?\d", after, re.I):
            return True  # mean (sd) or mean [low, high]
        # '71.64% test accuracy (SD 0.30, 10 seeds)': the spread named before the next number
        upto = re.split(r"(?<![\w.])[-+]?\d", masked[n.end : n.end + 60], maxsplit=1)[0]
        if re.search(r"[(\[,;]\s*(?:sd|s\.d\.|std|stdev|σ|standard deviation)\s*[=:]?\s*$", upto, re.I):
            return True
        if u.kind == "table_row":
            if any(_SPREAD_HEADER.search(h) for h in u.header) or "±" in masked:
                return True
            # a summary table whose rows hold the means and a later row the std
            if (u.header, u.section) in self._std_rows:
                return True
        return False

    def _learn_aliases(self) -> None:
        """A table row whose first cell is a name and whose numbers include exactly one arm's mean names that arm."""
        for u in self.units:
            if u.kind != "table_row":
                continue
            first = split_row(u.clean)[0] if u.clean else ""
            label = _label(first)
            if not label or label[0].isdigit():
                continue
            arms = {c.arm for x in self.doc.nums if x.unit is u for c in _means(x) if c.arm}
            if len(arms) == 1:
                self.aliases.setdefault(label, next(iter(arms)))
        self._learn_metric_headers()

    def _learn_metric_headers(self) -> None:
        """A table column whose numbers are arms' means of one metric names that metric by its header ('R-L',
        'UA (%)', 'Top-1 err. (%)')."""
        columns: dict[tuple[tuple[str, ...], str], set[str]] = {}
        for x in self.doc.nums:
            if x.unit.kind != "table_row" or not x.header:
                continue
            ms = {c.label[5:].split(" of arm ")[0] for c in _means(x) if c.label.startswith("mean ")}
            if ms:
                key = (x.unit.header, x.header)
                columns[key] = columns.get(key, ms) & ms
        for (_, header), ms in columns.items():
            words = re.findall(r"[^\W_]+", re.sub(r"\([^)]*\)", " ", header))
            if len(ms) == 1 and words and not _STAT_HEADER.fullmatch(header.strip()):
                body = r"[\W_]*".join(map(re.escape, words))
                self.metric_res[next(iter(ms))].append(re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.I))

    # --- arms in text -----------------------------------------------------------------------------------------

    def arm_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, arm) of every way the text names an arm: its id, a learned name, 'baseline' for the plan's
        baseline, or a token of the id no other arm has (not after 'no'/'without', not beside another arm's name)."""
        spans: list[tuple[int, int, str]] = []
        low = text.lower()
        for a, pattern in self.arm_re.items():
            spans += [(m.start(), m.end(), a) for m in pattern.finditer(text)]
        flat = re.sub(r"[^\w]", " ", low)  # same length: offsets stay those of `text`
        for phrase, a in self.aliases.items():
            words = phrase.split()
            for m in re.finditer(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", flat):
                spans.append((m.start(), m.end(), a))
        if "baseline" not in self.arms and self.an.baseline in self.arms:
            for m in re.finditer(r"\b(baselines?|control)\b", text, re.I):
                spans.append((m.start(), m.end(), self.an.baseline))
        tokens: dict[str, set[str]] = {}
        for a in self.arms:
            for t in re.split(r"[ _\-.]+", a.lower()):
                if len(t) >= 3 and not t.isdigit():
                    tokens.setdefault(t, set()).add(a)
        for t, owners in tokens.items():
            if len(owners) != 1:
                continue
            a = next(iter(owners))
            # 'ImageNet-pretrained' names imagenet_pt; 'ResNet-18' is a name of its own, not the arm 'resnet'
            for m in re.finditer(rf"(?<![\w-]){re.escape(t)}(?!\w|-\d)", text, re.I):
                if _ABSENCE.search(text[max(0, m.start() - 12) : m.start()]):
                    continue
                if any(
                    s <= m.start() < e or abs(m.start() - e) <= 2 or abs(s - m.end()) <= 2
                    for s, e, b in spans
                    if b != a
                ):
                    continue
                spans.append((m.start(), m.end(), a))
        return sorted(spans)

    def metrics_in(self, text: str) -> list[str]:
        """The metrics a sentence names, in the order it names them: by id written any common way ('min_dcf' as
        minDCF, 'top1_err' as 'top-1 error', 'rougeL' as ROUGE-L) or by the header of a table column that holds
        the metric's means ('R-L', 'UA (%)')."""
        hits = []
        for m, patterns in self.metric_res.items():
            starts = [h.start() for p in patterns for h in p.finditer(text)]
            if starts:
                hits.append((min(starts), m))
        return [m for _, m in sorted(hits)]

    def arms_in(self, text: str) -> list[str]:
        out: list[str] = []
        for _, _, a in self.arm_spans(text):
            if a not in out:
                out.append(a)
        return out

    def unit_arm(self, u: Unit) -> str | None:
        """The arm a table row is about: its first cell's name, else the one arm whose mean its numbers hold."""
        if u.kind != "table_row":
            return None
        first = split_row(u.clean)[0] if u.clean else ""
        named = self.arms_in(first)
        if len(named) == 1:
            return named[0]
        label = _label(first)
        if label in self.aliases:
            return self.aliases[label]
        arms = {c.arm for x in self.doc.nums if x.unit is u for c in _means(x) if c.arm}
        return next(iter(arms)) if len(arms) == 1 else None

    def arm_before(self, u: Unit, pos: int) -> str | None:
        """In a sentence: the arm named (or whose mean is written) last before offset pos."""
        best, arm = -1, None
        for s, _, a in self.arm_spans(u.clean[:pos]):
            if s > best:
                best, arm = s, a
        for x in self.doc.nums:
            if x.unit is u and x.num.start < pos:
                owners = {c.arm for c in _means(x) if c.arm}
                if len(owners) == 1 and x.num.start > best:
                    best, arm = x.num.start, next(iter(owners))
        return arm

    def _single_run(self, x: _Num) -> tuple[str, str]:
        """A number that equals only single runs, where the text gives no sign it is one run's: its best, its worst
        or any other seed given as the arm's result (L11); a run of an arm the text is not about is a wrong number
        (L02). Returns the code and the finding's item."""
        u = x.unit
        about = self.unit_arm(u) if u.kind == "table_row" else self.arm_before(u, x.num.start)
        own = [c for c in x.cands if about is None or c.arm == about]
        if not own:
            return "L02", f"{x.num.text} (said of {about}, but it equals only {x.cands[0].label})"
        c = next((e for e in own if e.kind == "extreme"), own[0])
        metric = self._label_metric(c.label)
        cell = self.an.cells.get((c.arm, metric)) if c.arm and metric is not None else None
        beside = f"; the arm's result is {cell.text}" if cell is not None else ""
        return "L11", f"{x.num.text} is the {c.label}{beside}"

    def _label_metric(self, label: str) -> str | None:
        """The metric a Traceable label is about ('max eval_return of arm ppo', 'best val_loss of run r3')."""
        return next((m for m in self.an.metrics if f" {m} of " in f" {label}"), None)

    def _run_listings(self) -> set[int]:
        """The written numbers that list one arm's runs: two or more run values of the same arm joined only by ',',
        '/', ';', 'and', 'to' or a dash ('L1 36.52 / 36.31 / 36.41', 'from 91.93% to 93.96%', '(74.9 and 95.2)'). A
        listing or a range of runs says what it is; it is no single run given as the arm's result."""
        out: set[int] = set()
        by_unit: dict[int, list[_Num]] = {}
        for x in self.doc.nums:
            if x.role != "skip":
                by_unit.setdefault(id(x.unit), []).append(x)
        for nums in by_unit.values():
            nums.sort(key=lambda x: x.num.start)
            masked = _mask(nums[0].unit.clean)
            chain = [nums[0]]
            for prev, nxt in zip(nums, [*nums[1:], None]):
                joined = nxt is not None and _LIST_JOIN.fullmatch(masked[prev.num.end : nxt.num.start])
                if nxt is not None and joined:
                    chain.append(nxt)
                    continue
                arms = [{c.arm for c in y.cands if c.kind in ("run", "extreme") and c.arm} for y in chain]
                if len(chain) >= 2 and set.intersection(*arms):
                    out.update(id(y) for y in chain)
                if nxt is not None:
                    chain = [nxt]
        return out

    # --- checks -----------------------------------------------------------------------------------------------

    def numbers(self) -> None:
        """L02 untraceable numbers, L11 single-run values given as results, L01 results without their spread."""
        bad: dict[int, tuple[Unit, list[str]]] = {}
        cherry: dict[int, tuple[Unit, list[str]]] = {}
        spread_labels: dict[str, int] = {}  # a mean given with its spread -> the first line that does
        bare: list[tuple[_Num, set[str]]] = []
        per_run_table = {}
        listed = self._run_listings()
        for x in self.doc.nums:
            u = x.unit
            if id(x) in listed:
                continue  # 'every run: 42.29, 42.28, 42.46', 'seeds ranging from 91.93% to 93.96%'

            if u.kind == "table_row" and u.line not in per_run_table:
                per_run_table[u.line] = (
                    any(re.search(r"\bseed\b|\brun\b", h, re.I) for h in u.header[:2]) or _kind(u) == "runs"
                )
            if x.role == "skip":
                continue
            if not x.cands:
                bad.setdefault(u.line, (u, []))[1].append(
                    f"{x.num.text} (nearest: {'; '.join(self.traceable.nearest(x.num, 1)) or 'none'})"
                )
                continue
            if x.role == "center-miss":
                bad.setdefault(u.line, (u, []))[1].append(
                    f"{x.num.text} (written as a mean, but no arm's mean; it equals only {x.cands[0].label})"
                )
                continue
            if x.role == "count":
                continue
            kinds = {c.kind for c in x.cands}
            if kinds <= {"run", "extreme"}:
                single_ctx = (u.kind == "table_row" and per_run_table.get(u.line)) or bool(
                    _SINGLE_RUN.search(f"{x.header or ''} {u.clean[max(0, x.num.start - 40) : x.num.start]}")
                )
                if not (single_ctx or _kind(u) in ("runs", "failed")):
                    code, text = self._single_run(x)
                    (cherry if code == "L11" else bad).setdefault(u.line, (u, []))[1].append(text)
                continue
            means = {c.label for c in _means(x)}
            if not means or _kind(u) in ("hypothesis", "failed", "runs", "setup"):
                continue
            if u.kind == "table_row" and per_run_table.get(u.line):
                continue
            masked = _mask(u.clean)
            prefix = masked[max(0, x.num.start - 25) : x.num.start]
            if (
                x.header is not None
                and _STAT_HEADER.search(x.header)
                and not re.search(r"mean|avg|average", x.header, re.I)
            ):
                continue
            if _STAT_PREFIX.search(prefix) or x.num.comparator:
                continue
            if x.spread:
                for label in means:
                    spread_labels[label] = min(spread_labels.get(label, u.line), u.line)
            else:
                bare.append((x, means))
        for u, items in bad.values():
            self.add("L02", u, f"number(s) found in no run and in no statistic of them: {', '.join(items)}")
        for u, items in cherry.values():
            self.add("L11", u, "one run's value given as a result: " + "; ".join(items))
        flagged: dict[int, tuple[Unit, list[str]]] = {}
        single = {a for (a, _), c in self.an.cells.items() if c.n < 2}
        for x, means in bare:
            if any(spread_labels.get(label, x.unit.line + 1) <= x.unit.line for label in means):
                # the reader has seen it with its spread already; a summary before the table must carry its own
                continue
            if {c.arm for c in _means(x)} <= single:
                continue  # one run has no spread to give: L10 says so
            flagged.setdefault(x.unit.line, (x.unit, []))[1].append(f"{x.num.text} ({sorted(means)[0]}; no ±)")
        for u, items in flagged.values():
            self.add("L01", u, f"result(s) without their spread: {', '.join(items)}")
        if not self.doc.n_stated and spread_labels:
            first = next((x.unit for x in self.doc.nums if x.spread), None)
            self.add("L01", first, "the report never says over how many seeds (n) its results are")

    def claims(self) -> None:
        an = self.an
        secondary = None
        for u in self.units:
            if u.kind in ("heading", "table_header", "table_row") or _kind(u) == "hypothesis":
                continue
            masked = _mask(u.clean)
            claim = None
            for m in _CLAIM.finditer(masked):
                # about the plan: 'the criterion (+1 point, significant) is not met', 'the criterion asked for +1
                # point, significant under Welch's t-test' (plan words earlier in the same statement, up to a ':')
                before = re.split(r"[:;]", masked[: m.start()])[-1]
                if _PLAN_TALK.search(f"{u.lead}: {_clause(masked, m.start())}") or _PLAN_TALK.search(before):
                    continue
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
            # a claim about a secondary metric only ('a significantly lower sMAPE') is held to that metric's tests
            metrics = self.metrics_in(masked)
            on = ""
            if metrics and an.plan.primary_metric not in metrics:
                if secondary is None:
                    from experiment_runner.reports.secondary import secondary_tests

                    secondary = secondary_tests(an)
                pool: dict[str, SecondaryTest | Comparison] = {
                    a: t for (a, m), t in secondary.items() if m == metrics[0]
                }
                on = f" on {metrics[0]}"
            else:
                pool = {c.arm: c for c in an.comparisons}
            # the arms and the direction of this claim: its own clause ('X is significantly lower (p = 0.03), while
            # Y does not differ significantly' claims nothing of Y)
            said = _clause(masked, claim.start(), _CLAIM_CUT)
            named = [a for a in self.arms_in(said) if a != an.baseline]
            negative = bool(_NEGATIVE_CLAIM.search(said)) and not _POSITIVE_CLAIM.search(said)
            positive = bool(_POSITIVE_CLAIM.search(said))
            targets = [pool.get(a) for a in named] if named else list(pool.values())
            problems = []
            for a, c in zip(named or list(pool), targets):
                if c is None:
                    problems.append(f"{a} has no test against the baseline {an.baseline}{on} (too few values)")
                    continue
                direction_ok = True
                if c.better is not None:
                    direction_ok = c.better if positive else ((not c.better) if negative else True)
                if not (c.significant and direction_ok):
                    p = "n/a" if c.p is None else f"{c.p:.3g}"
                    adj = (
                        ""
                        if c.p_adjusted == c.p or c.p_adjusted is None
                        else f", {len(pool)} comparisons Holm-adjusted: {c.p_adjusted:.3g}"
                    )
                    why = "not significant" if not c.significant else "the difference goes the other way"
                    problems.append(
                        f"{c.arm} vs {c.baseline}{on}: {c.test} p = {p}{adj}; alpha {an.plan.alpha:g}: {why}"
                    )
            if named and problems:
                self.add("L04", u, f"'{claim.group(0)}' is not what the data show: " + "; ".join(problems))
            elif not named and targets and len(problems) == len(targets):
                self.add("L04", u, f"'{claim.group(0)}' but no comparison supports it: " + "; ".join(problems))
            elif not named and problems and _EVERY.search(said):  # 'both alternatives differ significantly'
                self.add(
                    "L04",
                    u,
                    f"'{claim.group(0)}' of every arm, but not every comparison supports it: " + "; ".join(problems),
                )

    def failed_runs(self) -> None:
        missing = []
        for r in self.an.problem_runs:
            if r.status == "completed" and r.included:
                continue
            if r.run_id in self.md:
                continue
            if not any(self._names_failure(u, r) for u in self.units if u.kind not in ("heading",)):
                missing.append(r)
        if not missing:
            return
        anchor = next((u for u in self.units if u.kind == "heading" and _kind(u) == "failed"), None)
        listing = ", ".join(
            f"{r.run_id} (arm {r.arm}, seed {r.seed}, {r.status}" + (f": {r.cause}" if r.cause else "") + ")"
            for r in missing
        )
        self.add("L05", anchor, f"{len(missing)} run(s) without a result are never named: {listing}")

    def _names_failure(self, u: Unit, r) -> bool:
        t = _mask(u.clean)
        arms = self.arms_in(t) + [c.arm for x in self.doc.nums if x.unit is u for c in _means(x) if c.arm]
        if u.kind == "table_row":
            arms = arms or ([arm] if (arm := self.unit_arm(u)) else [])
        seed_hit = r.seed is not None and (
            bool(re.search(rf"\bseeds?\b[^.;]*?(?<![\d.]){r.seed}(?![\d.])", t, re.I))
            or (
                u.kind == "table_row"
                and any(
                    re.search(r"seed", h, re.I) and c.strip() == str(r.seed)
                    for h, c in zip(u.header, split_row(u.clean))
                )
            )
        )
        fail = _FAIL_WORDS.search(t)
        negated = fail is not None and re.search(r"\b(no|none|never|all|every)\b[^.;]{0,30}$", t[: fail.start()], re.I)
        if r.arm in arms and (seed_hit or (fail and not negated)):
            return True
        return bool(seed_hit and fail and not negated and not arms)

    def hypothesis(self) -> None:
        plan = self.an.plan
        registered = plan.registered_hypothesis or (plan.hypothesis if self.an.source.kind == "results_file" else None)
        if not registered:
            return
        section = [u for u in self.units if _kind(u) == "hypothesis" and u.kind != "heading"]
        inline = [
            u
            for u in self.units
            if re.match(
                r"^\W*(?:the\s+)?(?:pre-?registered\s+|registered\s+)?hypothes[ie]s\b[^:.]{0,60}:", u.clean, re.I
            )
        ]
        stated = section + [u for u in inline if u not in section]
        if not stated:
            return  # not restating the hypothesis is no change of it; references ('is supported') are fine
        want = _norm(registered)
        # word for word, and ended there (a period, a closing quote or parenthesis): whatever framing comes before it
        # ('Pre-registered hypothesis: *H.*'), whatever sentence follows; words added to it would change it
        verbatim = re.compile(r"[\W_]+".join(map(re.escape, want.split())) + r"(?=\s*(?:$|[.;!?\"'”’*_)\]]))", re.I)
        if any(verbatim.search(u.clean) for u in stated):
            return
        reg_words = set(_words(registered))
        best, best_u = 0.0, None
        for u in stated:
            if re.search(r"criteri|success|threshold|\bmargin\b|smallest effect", u.clean, re.I) and want not in _norm(
                u.clean
            ):
                continue  # the criterion beside the hypothesis, not a restatement of it
            w = set(_words(u.clean))
            share = len(reg_words & w) / max(1, len(reg_words))
            if share > best:
                best, best_u = share, u
        if best_u is None or best < 0.3:
            return  # the section says something else (the criterion, a reference), not a hypothesis
        changes = _claim_changes(registered, _restated_part(best_u.clean))
        if not changes:
            return  # the same claim in other words: same numbers, direction, bounds and negation
        self.add("L06", best_u, f'differs from the pre-registered hypothesis "{registered}": {"; ".join(changes)}')

    def baseline(self) -> None:
        an = self.an
        base = an.baseline
        reported = any(
            c.arm == base
            for x in self.doc.nums
            if _kind(x.unit) != "hypothesis" and x.role != "skip"
            for c in _means(x)
        )
        if not reported:
            mentions = [u for u in self.units if u.kind != "heading" and base in self.arms_in(_mask(u.clean))]
            self.add(
                "L07",
                mentions[0] if mentions else None,
                f"the baseline {base!r}'s result (mean ± std of its runs) appears nowhere in the report",
            )

        # truncation, from the data: fewer steps or fewer seeds than a compared arm
        def budget(arm):
            steps = [
                r.last_step
                for r in an.source.runs
                if r.arm == arm and r.status == "completed" and r.last_step is not None
            ]
            return statistics.median(steps) if steps else None

        def completed(arm):
            c = an.cells.get((arm, an.plan.primary_metric))
            return c.n if c is not None else 0

        problems = []
        b_steps, b_runs, b_n = budget(base), an.launched.get(base, 0), completed(base)
        for arm in an.arms:
            if arm == base:
                continue
            s = budget(arm)
            if b_steps is not None and s is not None and b_steps < 0.9 * s:
                problems.append(f"the baseline ran a median of {b_steps:g} steps, {arm} {s:g}")
            # fewer seeds launched and fewer completed: a crash in the compared arm that evens the count is no
            # smaller baseline budget in the comparison
            if an.launched.get(arm, 0) > b_runs and completed(arm) > b_n:
                problems.append(
                    f"the baseline has {b_n} completed seeds ({b_runs} launched), {arm} {completed(arm)} "
                    f"({an.launched[arm]} launched)"
                )
        if problems:
            disclosed = any(self._says_budget(u, base) for u in self.units)
            if not disclosed:
                self.add("L08", self._result_unit(base), "; ".join(problems))

    def _says_budget(self, u: Unit, base: str) -> bool:
        """Whether a sentence says the baseline's budget differs: a budget word (seeds, runs, steps ...) with a word of
        difference ('fewer', 'half', 'only', 'unequal' ...), or with the baseline and another arm each named
        and an amount of it ('SAC ran 500k environment steps, REDQ 1M')."""
        text = u.clean
        if not _BUDGET_WORD.search(text):
            return False
        if _BUDGET_DIFFERS.search(text):
            return True
        arms = self.arms_in(_mask(text))
        return base in arms and len(arms) >= 2 and u.kind == "sentence" and bool(_BUDGET_AMOUNT.search(text))

    def _subset_behind(self, u: Unit, arm: str, k: int) -> str | None:
        """The seeds of a k-run subset of the arm whose means and stds give every number the unit writes that traces
        to nothing else (a table row over 3 hand-picked seeds of 5), as text; None when no subset does."""
        written = [x.num for x in self.doc.nums if x.unit is u and x.role in ("value", "center-miss") and not _means(x)]
        if not written or k < 2:
            return None
        fractions = fraction_metrics(self.an)
        cells = [c for (a, _), c in self.an.cells.items() if a == arm and c.n > k]
        if not cells:
            return None
        seeds = cells[0].seeds
        if any(c.seeds != seeds for c in cells):
            return None
        per_subset: dict[tuple, list[float]] = {}
        for c in cells:
            scale = 100.0 if c.metric in fractions else 1.0
            for ss, mean, std in _subset_stats(c.values, c.seeds, k):
                per_subset.setdefault(tuple(ss), []).extend((mean, std, mean * scale, std * scale))
        for ss, stats_ in per_subset.items():
            if all(any(abs(abs(n.value) - v) <= n.tolerance for v in stats_) for n in written):
                return ", ".join(str(s) for s in ss)
        return None

    def _result_unit(self, arm: str) -> Unit | None:
        """Where the report gives an arm's result (its mean; a table row first), else where it first names it."""
        given = [
            x.unit
            for x in self.doc.nums
            if x.role != "skip"
            and _kind(x.unit) not in ("hypothesis", "setup")
            and any(c.arm == arm for c in _means(x))
        ]
        given.sort(key=lambda u: (u.kind != "table_row", u.line))
        if given:
            return given[0]
        return next((u for u in self.units if u.kind != "heading" and arm in self.arms_in(_mask(u.clean))), None)

    def counts(self) -> None:
        an = self.an
        seen_l10: set[str] = set()
        for u in self.units:
            if u.kind in ("heading", "table_header") or _kind(u) in (
                "runs",
                "setup",
                "hypothesis",
                "failed",
            ):
                continue
            masked = _mask(u.clean)
            hits: list[tuple[int, int, int | None]] = []  # (position, k, launched)
            hits += [
                (h.start(), int(h.group(1)), None)
                for h in _N_EQ.finditer(masked)
                if not _in_settings_list(masked[h.start() : h.start() + 1], masked)  # REDQ's N=10, M=2
            ]
            hits += [(h.start(), int(h.group(1)), None) for h in _N_WORDS.finditer(masked)]
            if u.kind == "table_row":
                bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", masked)]
                cells = split_row(masked)
                offset = 1 if masked.lstrip().startswith("|") else 0
                for i, (h, c) in enumerate(zip(u.header, cells)):
                    if not _N_HEADER.match(h):
                        continue
                    m = re.fullmatch(r"\s*(\d+)\s*(?:/\s*(\d+)|of\s+(\d+))?\s*", c)
                    if m:
                        pos = bounds[i - 1 + offset] if 0 <= i - 1 + offset < len(bounds) else 0
                        hits.append(
                            (
                                pos,
                                int(m.group(1)),
                                int(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else None,
                            )
                        )
            for pos, k, of in hits:
                arm = self.unit_arm(u) if u.kind == "table_row" else self.arm_before(u, pos)
                if arm is None or arm not in an.arms:
                    continue
                valid = {an.cells[(arm, m)].n for m in an.metrics if (arm, m) in an.cells}
                if an.across_tasks is not None:  # an n per task
                    valid |= {c.n for c in an.across_tasks.cells if c.arm == arm}
                if k < 2:
                    if arm not in seen_l10:
                        self.add("L10", u, f"arm {arm} is reported from n={k} run(s): no variance can be shown")
                        seen_l10.add(arm)
                elif k not in valid:
                    subset = self._subset_behind(u, arm, k)
                    self.add(
                        "L09",
                        u,
                        f"arm {arm}: n={k} here, but {sorted(valid)} completed run(s) with a value exist "
                        f"(of {an.launched[arm]} seeds launched)"
                        + (f"; its numbers here are the statistics of seeds {subset} only" if subset else ""),
                    )
                    if subset:  # the row's numbers are explained: a subset's statistics, no wrong or single-run ones
                        self.findings = [
                            f for f in self.findings if not (f.code in ("L02", "L11") and f.line == u.line)
                        ]
                elif of is not None and of not in (an.launched.get(arm), an.attempts.get(arm)):
                    self.add("L09", u, f"arm {arm}: {k} of {of} here, but {an.launched[arm]} seeds were launched")
        # an arm whose data hold one completed run, reported with its value
        for arm in an.arms:
            cell = an.cells.get((arm, an.plan.primary_metric))
            if cell is None or cell.n != 1 or arm in seen_l10:
                continue
            for x in self.doc.nums:
                if x.role == "value" and any(m.arm == arm for m in _means(x)):
                    if _kind(x.unit) in ("runs", "failed"):
                        continue
                    self.add("L10", x.unit, f"arm {arm} has one completed run; its value is reported as a result")
                    seen_l10.add(arm)
                    break


def _subset_stats(values: list[float], seeds: list, k: int, limit: int = 5000):
    """(seeds, mean, std) of every k-subset of an arm's runs, up to `limit` subsets."""
    import itertools

    for i, combo in enumerate(itertools.combinations(range(len(values)), k)):
        if i >= limit:
            return
        vs = [values[j] for j in combo]
        yield [seeds[j] for j in combo], statistics.fmean(vs), statistics.stdev(vs)


def _restated_part(text: str) -> str:
    """The hypothesis a unit restates: its quoted or emphasised part when it has one, else what follows its label
    ('Hypothesis: ...'), else the whole unit."""
    quoted = [q for m in _QUOTED.finditer(text) if len(q := m.group(1) or m.group(2)) > 20]
    if quoted:
        return max(quoted, key=len)
    m = re.match(r"^[^:]{1,60}:\s+(.*)$", text)
    return m.group(1) if m else text


def _skeleton(text: str) -> tuple[set[float], bool, bool, bool, set[str]]:
    """What makes a hypothesis the claim it is: its numbers, its direction (up / down), its negation and its bounds
    ('at least', 'within' ...). Two sentences with the same skeleton say the same thing in other words."""
    masked = _mask(text)
    nums = {round(n.value, 9) for n in find_numbers(masked)}
    return (
        nums,
        bool(_UP.search(masked)),
        bool(_DOWN.search(masked)),
        bool(_NOT.search(masked)),
        {_BOUND_SAME.get(m.group(0).lower(), m.group(0).lower()) for m in _BOUND_WORDS.finditer(masked)},
    )


def _claim_changes(registered: str, restated: str) -> list[str]:
    """How a restated hypothesis changes the registered claim (empty: the same claim)."""
    (rn, ru, rd, rneg, rb), (sn, su, sd, sneg, sb) = _skeleton(registered), _skeleton(restated)
    out = []
    if rn != sn:
        gone, new = sorted(rn - sn), sorted(sn - rn)
        out.append(
            "numbers changed"
            + (f" (registered {', '.join(f'{v:g}' for v in gone)})" if gone else "")
            + (f" (now {', '.join(f'{v:g}' for v in new)})" if new else "")
        )
    if (ru, rd) != (su, sd) and (su or sd):
        out.append("the direction of the effect changed")
    if rneg != sneg:
        out.append("a negation " + ("added" if sneg else "dropped"))
    if rb != sb:
        out.append(f"bounds changed ({', '.join(sorted(rb)) or 'none'} -> {', '.join(sorted(sb)) or 'none'})")
    return out


def _clause(text: str, pos: int, cut: re.Pattern | None = None) -> str:
    """The clause of `text` around offset `pos`: up to the nearest ',', ';', ':', 'but', 'while' or 'whereas' on
    either side that is not inside parentheses or brackets ('the criterion (+1 point, significant) is not met' is
    one clause)."""
    depth = [0] * (len(text) + 1)
    d = 0
    for i, ch in enumerate(text):
        if ch in "([":
            d += 1
        elif ch in ")]" and d > 0:
            d -= 1
        depth[i + 1] = d
    cuts = [m for m in (cut or _CLAUSE_CUT).finditer(text) if depth[m.start()] == 0 and depth[m.start() + 1] == 0]
    start = max((m.end() for m in cuts if m.end() <= pos), default=0)
    end = min((m.start() for m in cuts if m.start() >= pos), default=len(text))
    # a position inside parentheses keeps the clause the parentheses sit in
    return text[start:end]


def _in_settings_list(name: str, sentence: str) -> bool:
    """`name=v` sits among settings: the sentence assigns another name that is no statistic ('N=2, M=9')."""
    others = [m.group(1).lower() for m in _ANY_ASSIGN.finditer(sentence) if m.group(1).lower() != name.lower()]
    return any(o not in _RESULT_WORDS for o in others)


def _means(x: _Num) -> list[Match]:
    """The arm means a written number matches; a bare integer (a count, an n) is no evidence of one."""
    if (x.num.decimals == 0 and not x.num.percent) or x.num.text[:1] in "+-\u2212":
        return []  # an integer is a count or an n; a signed number is a difference
    return [c for c in x.cands if c.kind == "mean"]


def _label(cell: str) -> str:
    """A table row's name as words: 'The baseline (no MixUp)' -> 'the baseline no mixup'."""
    return " ".join(re.findall(r"[^\W_]+", cell.lower()))


def lint(an: Analysis, markdown: str) -> list[Finding]:
    """Every finding, in the order of the checks (numbers, claims, failed runs, hypothesis, baseline, counts)."""
    checker = _Lint(an, markdown)
    checker.numbers()
    checker.claims()
    checker.failed_runs()
    checker.hypothesis()
    checker.baseline()
    checker.counts()
    return checker.findings


def untraceable(an: Analysis, text: str) -> list[tuple[Number, str]]:
    """The numbers of a caller's own text (compile_report's analysis and limitations) that trace to nothing, read
    the way check_report reads a report. Returns (number, its sentence)."""
    reader = _Lint(an, text)
    return [(x.num, x.unit.text) for x in reader.doc.nums if x.role != "skip" and not x.cands]
