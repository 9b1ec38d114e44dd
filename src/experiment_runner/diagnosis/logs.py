"""Evidence from a run's output: the exception that ended it (the last traceback in the tail of stderr or stdout,
or, for `raise SystemExit("...")` and friends, the last line of stderr) and the failure patterns the scan found
anywhere in the log. The tail is read from the end of the file (bounded), the head for the printed config."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from experiment_runner.diagnosis.exceptions import ExceptionInfo, Family, with_continuation
from experiment_runner.diagnosis.exceptions import family as exception_family
from experiment_runner.diagnosis.exceptions import parse as parse_exception
from experiment_runner.diagnosis.model import CATEGORIES, Evidence
from experiment_runner.diagnosis.rules import RuleSet
from experiment_runner.diagnosis.scan import ScanResult

TAIL_BYTES = 64 << 10
TAIL_LINES = 80
HEAD_BYTES = 16 << 10
_RANK_PREFIX = re.compile(r"^(?:\[rank\d+\]: ?|\d+: |\[\d+\] )")
_STEP_IN_TEXT = re.compile(r"\b(?:step|iter|iteration|global_step)[ =:]+(\d+)", re.I)
#: lines a failing process or its launcher print after the exception (not more output of the run itself)
_TRAILER = re.compile(
    r"^(?:[ \t]|frame #|Exception raised from|Process finished with exit code|srun: |slurmstepd: |E[0-9]{4} |"
    r"ERROR:torch\.distributed|\[W[0-9]|wandb: |\^+$)"
)
UNTYPED = "untyped error"  # the type given to a traceback's closing line that names none
CONTINUATION_LINES = 40  # lines after an exception read for its message (TensorFlow puts the cause after frames)
#: torch's re-raise of an exception from another process: `Caught KeyError in DataLoader worker process 0.`
_CAUGHT = re.compile(r"Caught \w+ in ")
#: launchers' reports that a child process failed; the child's own traceback comes before them
_CHILD_FAILED = re.compile(r"^(?:ChildFailed|CalledProcess|ProcessRaised|ProcessExited)(?:Error|Exception)$")
TERMINAL_AFTER = 12  # non-trailer lines after an exception that still let it count as the run's end
#: The shell's job report for SIGKILL (strsignal(9), also in the translations glibc ships), with bash's
#: `line N: PID` prefix or zsh's `zsh: ` prefix.
_SHELL_KILLED = re.compile(
    r"^(?:[\w./ -]+: +)*(?:\d+ +)?(?:Killed(?:: 9)?|已杀死|Getötet|Processus arrêté|Terminado \(killed\))"
    r"(?:[ \t]+\S.*)?$|^zsh: killed "
)
KILLED_WITHIN = 4  # the killed report is among this many last non-empty lines (a launcher may add its own after)


@dataclass
class StreamText:
    """What diagnosis reads of one stream: its scan, its last lines and first lines, with line numbers."""

    name: str
    scan: ScanResult
    tail: list[tuple[int, str]]
    head: list[tuple[int, str]]


def split_numbered(data: bytes, first_line: int) -> list[tuple[int, str]]:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [
        (first_line + i, ln.rstrip(b"\r").rsplit(b"\r", 1)[-1].decode("utf-8", "replace")) for i, ln in enumerate(lines)
    ]


def tail_and_head(read_range, size: int, total_lines: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Last and first lines of a stream of `size` bytes and `total_lines` lines, via read_range(start, length)."""
    start = max(0, size - TAIL_BYTES)
    data = read_range(start, size - start)
    if start and b"\n" in data:
        data = data[data.index(b"\n") + 1 :]
    n_tail = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    tail = split_numbered(data, total_lines - n_tail + 1)[-TAIL_LINES:]
    head_data = read_range(0, min(size, HEAD_BYTES))
    if len(head_data) < size and b"\n" in head_data:
        head_data = head_data[: head_data.rindex(b"\n") + 1]
    return tail, split_numbered(head_data, 1)


@dataclass
class FinalError:
    stream: str
    line: int
    text: str  # the exception line (prefixes like [rank0]: removed)
    context: list[tuple[int, str]]  # it and the next few lines of its message
    traceback_line: int | None
    info: ExceptionInfo | None = None  # type and message (continuation lines joined), when it is `Type: message`
    terminal: bool = False  # the output ends with it: an exception that ended the run, whatever the exit code
    wrapped_in: str | None = None  # the wrapper that re-raised it (`Caught ... in DataLoader worker process 0.`)

    @property
    def family(self) -> Family | None:
        return exception_family(self.info) if self.info else None


def final_error(stream: StreamText, *, failed: bool) -> FinalError | None:
    """The exception that ended the run: the last traceback's exception line; without a traceback, the last line
    shaped `Type: message` (a paste that starts at the error); else, when the run failed, its last non-empty
    line."""
    lines = [(n, _RANK_PREFIX.sub("", t)) for n, t in stream.tail]
    tb = [i for i, (_, t) in enumerate(lines) if t.startswith("Traceback (most recent call last)")]
    # Python reports exceptions raised in __del__ or at shutdown as `Exception ignored in: ...` + a traceback: the
    # run went on (or ended) regardless
    ignored = {i for i in tb if any(t.startswith("Exception ignored in") for _, t in lines[max(0, i - 2) : i])}
    skip = {_exception_after(lines, i) for i in ignored}
    tb = [i for i in tb if i not in ignored]
    found = None
    for k in range(len(tb) - 1, -1, -1):
        at = _exception_after(lines, tb[k])
        if at is None:
            continue
        err = _exception_at(stream.name, lines, at, lines[tb[k]][0])
        if found is None:
            found = err
        elif found.info is not None:
            # the last exception was a launcher's report that a child failed: the child's own error, earlier in
            # the output, is what ended the run
            return FinalError(err.stream, err.line, err.text, err.context, err.traceback_line, err.info, True)
        if not (err.info and _CHILD_FAILED.search(err.info.name)):
            break
    if found is not None:
        return _original(stream.name, lines, found)
    shaped = [
        i for i, (_, t) in enumerate(lines) if i not in skip and not t[:1].isspace() and parse_exception(t) is not None
    ]
    if shaped:
        found = _exception_at(stream.name, lines, shaped[-1], None)
        if found.terminal or failed:
            return found
    if not failed:
        return None
    for j in range(len(lines) - 1, -1, -1):
        n, text = lines[j]
        if text.strip() and not text.startswith(("  File ", "    ")):
            return FinalError(
                stream.name, n, text.strip(), [ln for ln in lines[max(0, j - 3) : j + 1] if ln[1].strip()], None
            )
    return None


def _exception_after(lines: list[tuple[int, str]], tb: int) -> int | None:
    """The index of the exception line that ends the traceback starting at `tb`."""
    i = tb + 1
    while i < len(lines) and (not lines[i][1].strip() or lines[i][1][:1].isspace()):
        i += 1
    return i if i < len(lines) else None


def _original(stream: str, lines: list[tuple[int, str]], err: FinalError) -> FinalError:
    """torch re-raises an exception from a DataLoader worker (or another process) as `Caught ValueError in
    DataLoader worker process 0.` followed by its `Original Traceback`: the original exception says what went
    wrong, when its structure puts it in a family; otherwise the wrapper stands."""
    if err.info is None or not _CAUGHT.match(err.info.message):
        return err
    index = next(i for i, (n, _) in enumerate(lines) if n == err.line)
    for j in range(index + 1, len(lines)):
        text = lines[j][1]
        if not text[:1].isspace() and parse_exception(text) is not None:
            inner = _exception_at(stream, lines, j, err.traceback_line)
            if inner.family is not None:
                return FinalError(
                    stream, inner.line, inner.text, inner.context, err.traceback_line, inner.info, True, err.text
                )
            break
    return err


def _exception_at(stream: str, lines: list[tuple[int, str]], i: int, tb_line: int | None) -> FinalError:
    n, text = lines[i]
    info = parse_exception(text)
    if info is None and tb_line is not None and text.strip() and not _TRAILER.match(text):
        # the line that closes a traceback is its error even when it has no `Type:` (old torch's `size mismatch,
        # m1: [4 x 32768], m2: [2048 x 196] at ...`, a paste that lost the type): read for its family like any other
        info = ExceptionInfo(UNTYPED, text.strip())
    if info is not None:
        info = with_continuation(info, [t for _, t in lines[i + 1 : i + 1 + CONTINUATION_LINES]])
    after = [t for _, t in lines[i + 1 :] if t.strip() and not _TRAILER.match(t)]
    terminal = info is not None and len(after) <= TERMINAL_AFTER
    return FinalError(stream, n, text.strip(), lines[i : i + 4], tb_line, info, terminal)


def shell_killed_line(stream: StreamText) -> tuple[int, str] | None:
    """The shell's (or srun's) report that the process was killed (SIGKILL), among the stream's last few non-empty
    lines: `Killed`, `bash: line 27:  318 Killed  python train.py`, `srun: error: node1: task 0: Killed`,
    `zsh: killed  python ...`, or the same word in the user's locale."""
    seen = 0
    for n, text in reversed(stream.tail):
        if not text.strip():
            continue
        if _SHELL_KILLED.match(text.strip()):
            return n, text.strip()
        seen += 1
        if seen >= KILLED_WITHIN:
            break
    return None


def step_in(text: str) -> int | None:
    m = _STEP_IN_TEXT.search(text)
    return int(m.group(1)) if m else None


def classify_line(text: str, rules: RuleSet) -> list[str]:
    """Rule ids whose pattern matches this line (used on the final exception, outside the bulk scan)."""
    data = text.encode("utf-8", "replace")
    return [r.id for r in rules.rules if r.python_regex.search(data)]


def final_error_evidence(err: FinalError, rules: RuleSet) -> tuple[dict[str, list[Evidence]], bool]:
    """Evidence from the exception that ended the run: decisive for its category. The family its structure
    puts it in comes first; a failure pattern that matches the same lines adds its category, as decisive when
    the structure names no family, at half weight when it names another (`DataLoader worker ... killed by
    signal: Bus error` is the worker family, not a native crash). Returns (evidence by category,
    recognised)."""
    out: dict[str, list[Evidence]] = {}
    fam = err.family
    if fam is not None and fam.category in CATEGORIES:
        message = err.info.message if err.info else err.text
        out[fam.category] = [
            Evidence(
                kind="final_error",
                strength=0.95,
                stream=err.stream,
                line=err.line,
                text=err.text[:400],
                step=step_in(err.text),
                summary=f"the run ended with {err.info.name if err.info else 'an error'} ({fam.why}): {message[:300]}",
                data={"rule": f"family:{fam.category}", "exception": err.info.type if err.info else None},
            )
        ]
    seen: set[str] = set(out)
    for n, text in err.context:
        for rule_id in classify_line(text, rules):
            rule = rules.by_id(rule_id)
            if rule.category in seen or rule.id in ("python_traceback",) or rule.weight == 0:
                continue
            if rule.id == "nonfinite_value" and not nonfinite_losses(text):
                continue
            seen.add(rule.category)
            out.setdefault(rule.category, []).append(
                Evidence(
                    kind="final_error",
                    # a weak pattern (a bare nan, a NaN gradient norm) stays weak on the last line too
                    strength=(0.95 if rule.weight >= 0.8 else rule.weight)
                    if fam is None or fam.category not in CATEGORIES
                    else 0.5,
                    stream=err.stream,
                    line=n,
                    text=text[:400],
                    step=step_in(text),
                    summary=f"the run ended with: {text[:300]}",
                    data={"rule": rule.id},
                )
            )
    return out, bool(out)


_NONFINITE = re.compile(r"(?<![\w.])[-+]?(?:nan|inf|infinity)(?![\w.])", re.I)
_NAME_BEFORE = re.compile(r"([A-Za-z][\w./-]*)[\W\d]*$")


def nonfinite_losses(text: str) -> list[str]:
    """The names whose value is NaN/Inf on a line: each nan/inf token belongs to the last name before it
    (`loss=nan`, `{'loss': nan}`, `loss nan |`, `grad_norm 1.03 (nan)` -> grad_norm); those the metric vocabulary
    calls a loss are returned."""
    from experiment_runner.metrics.vocabulary import is_loss_like

    owners = []
    for m in _NONFINITE.finditer(text):
        before = _NAME_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        if before and is_loss_like(before.group(1).strip("./-")):
            owners.append(before.group(1))
    return owners


_NAMED_VALUE = re.compile(
    r"([A-Za-z][\w./-]*)['\"]?[ \t]*[:=]?[ \t]*([-+]?(?:\d+(?:\.\d*)?(?:e[-+]?\d+)?|nan|inf)(?![\w.]))", re.I
)


def zero_loss_beside_nonfinite_norm(text: str) -> bool:
    """A line that prints the main loss as exactly 0 and a NaN/Inf gradient norm (`'loss': 0.000, 'grad_norm':
    nan`): the same record as metric_checks' zero loss at a NaN gradient, read from the line when the parser cannot
    read it as a record (a dict pasted without its braces)."""
    from experiment_runner.metrics.vocabulary import describe, is_grad_norm

    zero = nonfinite_norm = False
    for name, value in _NAMED_VALUE.findall(text):
        number = float(value)
        if describe(name).main_loss and number == 0.0:  # a component (`aux_loss: 0.0`) may well be zero
            zero = True
        elif is_grad_norm(name) and not math.isfinite(number):
            nonfinite_norm = True
    return zero and nonfinite_norm


def scan_evidence(stream: StreamText, rules: RuleSet, *, succeeded: bool) -> dict[str, list[Evidence]]:
    """Evidence from every rule the scan matched. A run that completed cannot have died of what a log line says,
    so those lines count half."""
    out: dict[str, list[Evidence]] = {}
    for rule_id, hits in stream.scan.hits.items():
        rule = rules.by_id(rule_id)
        if rule.id == "python_traceback":
            continue
        first = hits.first[0]
        strength = rule.weight
        if rule.weight == 0:
            continue  # a marker line judged in code (loss-scale messages: diagnosis/loss_scale.py)
        if rule.id == "nonfinite_value":
            # A bare "nan" counts when it is the value of a loss; elsewhere it is too common to mean much.
            loss_lines = [h for h in hits.first + ([hits.last] if hits.last else []) if nonfinite_losses(h.text)]
            if loss_lines:
                first = loss_lines[0]
                strength = 0.6
            zeroed = [
                h for h in hits.first + ([hits.last] if hits.last else []) if zero_loss_beside_nonfinite_norm(h.text)
            ]
            if zeroed:
                # a loss of exactly 0 beside a NaN norm: the trainer's filter of non-finite losses left 0 to log
                # (below the same pair read from the series, whose evidence says more when both are there)
                first = zeroed[0]
                strength = 0.85
        if succeeded:
            strength *= 0.5
        count = f"{hits.count}{'' if hits.count_exact else '+'}"
        where = f"{stream.name} line {first.line}"
        more = (
            f" (first of {count} matching lines; last at line {hits.last.line})" if hits.count > 1 and hits.last else ""
        )
        out.setdefault(rule.category, []).append(
            Evidence(
                kind="log",
                strength=round(strength, 3),
                stream=stream.name,
                line=first.line,
                text=first.text[:400],
                count=hits.count,
                step=step_in(first.text),
                summary=f"{where}: {first.text[:240]}{more}",
                data={
                    "rule": rule.id,
                    "count_exact": hits.count_exact,
                    "last_line": hits.last.line if hits.last else first.line,
                },
            )
        )
    return out
