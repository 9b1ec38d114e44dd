"""Puts a diagnosis together from what is known about a run: its output streams (scanned), its metric series,
how it ended (exit code, signal, the runner's reason, the scheduler's state), telemetry, and its
hyperparameters. Evidence is gathered per category, combined into a confidence, and each category above the
threshold becomes a finding with causes and next steps from the playbook, quoting the run's own values."""

from __future__ import annotations

import re
import signal as _signal
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, Field

from experiment_runner.diagnosis import advice, causal, loss_scale
from experiment_runner.diagnosis import hparams as H
from experiment_runner.diagnosis.exception_shape import framed_family, structural_family
from experiment_runner.diagnosis.exceptions import parse as parse_exception
from experiment_runner.diagnosis.logs import (
    FinalError,
    StreamText,
    final_error,
    final_error_evidence,
    nonfinite_losses,
    scan_evidence,
    shell_killed_line,
)
from experiment_runner.diagnosis.metric_checks import analyse
from experiment_runner.diagnosis.model import REPORT_THRESHOLD, Evidence, Finding, ProbeReport, combine
from experiment_runner.diagnosis.playbook import metric_roles, render
from experiment_runner.diagnosis.rules import load_rules
from experiment_runner.diagnosis.unnamed_values import unnamed_nonfinite
from experiment_runner.diagnosis.verdict import Verdict, VerdictOutcome, verdict

#: categories that say why a process died; `unrecognized_error` is kept only when none of them is found
CRASH_CATEGORIES = (
    "out_of_memory",
    "shape_mismatch",
    "dtype_or_device_mismatch",
    "device_side_assert",
    "dataloader_worker_crash",
    "distributed_timeout",
    "disk_full",
    "missing_file_or_module",
    "time_limit",
    "preempted_or_node_failure",
    "process_crash",
    "nan_or_inf_loss",
)
#: An exit the log states itself: PyCharm's `Process finished with exit code 139 (interrupted by signal 11: ...)`,
#: srun's `task 0: Exited with exit code 1`.
_STATED_EXIT = re.compile(
    r"(?:Process finished with exit code|[Ee]xited with exit code) (\d+)(?: \(interrupted by signal (\d+))?"
)
#: a process saying it got a signal: Lightning's `[rank: 0] Received SIGTERM: 15`, submitit's `Caught signal SIGHUP`
_SIGNAL_RECEIVED = re.compile(r"\b(?:received|caught|got|handling|bypassing)\b.{0,30}\b(?:SIG[A-Z0-9]+|signal)\b", re.I)
#: the process saying it got SIGTERM, the stop a time limit, `timeout`, `docker stop` or Kubernetes sends first:
#: Lightning's `Received SIGTERM: 15`, submitit's `Bypassing signal SIGTERM`, a handler's `SIGTERM received at ...`,
#: Python's logging of `signal 15`. A SIGKILL that ends such a run is the stop escalated after its grace period.
_TERM_ACKNOWLEDGED = re.compile(
    r"\b(?:received|receiving|caught|got|handling|bypassing)\b.{0,30}(?:\bSIGTERM\b|\bsignal:? 15\b)"
    r"|\bSIGTERM\b.{0,30}\b(?:received|caught)\b",
    re.I,
)
#: the C++ runtime's last words before it aborts on an uncaught exception (libstdc++; libc++ says `terminating`)
_TERMINATE = re.compile(r"terminate called after throwing an instance of|terminating due to uncaught exception")
_FATAL_SIGNALS: dict[int, str] = {
    _signal.SIGSEGV: "SIGSEGV",
    _signal.SIGABRT: "SIGABRT",
    _signal.SIGBUS: "SIGBUS",
    _signal.SIGILL: "SIGILL",
    _signal.SIGFPE: "SIGFPE",
}


@dataclass
class RunInputs:
    source: str  # "run" | "log_text" | "metrics"
    streams: list[StreamText] = field(default_factory=list)
    series: dict[str, list[tuple[int | None, float]]] = field(default_factory=dict)
    records: list[dict] | None = None  # the metric records in order (pairs each evaluation with its training values)
    run_id: str | None = None
    state: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    reason: str | None = None
    ended_by: str | None = None
    scheduler: dict | None = None
    time_limit_s: float | None = None
    argv: list[str] | None = None
    cwd: str | None = None
    seed: int | None = None
    telemetry: list[dict] = field(default_factory=list)
    hparams: H.Hparams = field(default_factory=H.Hparams)
    probe: ProbeReport | None = None


class Diagnosis(BaseModel):
    healthy: bool = Field(
        description="True when no finding reached the reporting threshold and nothing says the run failed: no "
        "failure found. Whether the log also shows the run working is `verdict`."
    )
    verdict: VerdictOutcome = Field(
        description="failed: a finding, or the exit, signal or final exception says the run failed; healthy: no "
        "failure found and the log shows the run learning (shown_by); undetermined: no failure found, and nothing in "
        "the log shows the run learning either (to_check says what would settle it)."
    )
    shown_by: list[str] = Field(
        default_factory=list, description="What shows a healthy run learning, with its values (verdict healthy)."
    )
    to_check: list[str] = Field(
        default_factory=list,
        description="What the log leaves open and what would settle it (no failure found): a missing series, how "
        "the run ended, the weak signals.",
    )
    outcome: str = Field(description="How the run ended, in words (exit code, signal, the runner's reason).")
    findings: list[Finding] = Field(
        description="Ranked by confidence, highest first, except that a cause comes before the consequence it "
        "explains (its headline names the cause)."
    )
    weak_signals: list[Finding] = Field(
        default_factory=list, description="Categories with some evidence below the threshold."
    )
    metrics_used: dict[str, str] = Field(
        default_factory=dict, description="Which metric played which role (train_loss, val_loss, ...)."
    )
    hyperparameters: dict[str, Any] = Field(
        default_factory=dict, description="Values read from the command, config or log, with their source."
    )
    summary: str


def _signal_name(num: int) -> str:
    try:
        return _signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def _outcome(inp: RunInputs) -> tuple[str, bool | None]:
    """(words, failed): failed is None when nothing says how the run ended (a pasted log without an exit code)."""
    parts = []
    if inp.state:
        parts.append(f"state {inp.state}")
    if inp.signal:
        parts.append(f"killed by {_signal_name(inp.signal)} ({inp.signal})")
    if inp.exit_code is not None:
        parts.append(f"exit code {inp.exit_code}")
    if inp.ended_by and inp.ended_by not in ("exit", "signal"):
        parts.append(f"ended by {inp.ended_by}")
    if inp.reason:
        parts.append(f"reason: {inp.reason}")
    if inp.scheduler:
        sched = ", ".join(f"{k}={v}" for k, v in inp.scheduler.items() if k in ("state", "reason", "job_id") and v)
        if sched:
            parts.append(f"scheduler: {sched}")
    failed: bool | None = None
    if inp.signal or (inp.exit_code not in (None, 0)) or inp.state in ("failed", "lost"):
        failed = True
    elif inp.exit_code == 0 or inp.state == "completed":
        failed = False
    if inp.ended_by in ("nan_loss", "time_limit", "out_of_memory", "node_fail", "preempted", "boot_fail"):
        failed = True
    if _stopped_from_outside(inp):
        failed = True  # a program that catches the scheduler's signal exits 0 all the same
    if inp.ended_by == "stop" or inp.state == "cancelled":
        failed = False  # stopped on request: nothing failed, though nothing completed either
    return ("; ".join(parts) or "unknown (no exit code given)"), failed


#: A stated reason that names a limit on time: `time limit of 25 s reached`, `per-job CPU time limit`, `wall-clock
#: limit of 30 s`, `walltime`, `timed out`, or Slurm's job state TIMEOUT (in capitals: a lowercase timeout may be a
#: collective's)
_TIME_LIMIT_REASON = re.compile(
    r"(?i:\b(?:time|wall[- ]?clock|wall|run[- ]?time)[- ]?limit\b|\bwalltime\b|\btimed out\b)|\bTIMEOUT\b"
)
# What a scheduler or the runner says when something outside the program ended it (the reason given beside the run).
_PREEMPT_REASON = re.compile(r"preempt|node fail|evict|reclaimed|spot (?:instance )?interruption")


def _stopped_from_outside(inp: RunInputs) -> bool:
    """The stated reason says a scheduler or the cloud ended the run. A recorded run that is still running or that
    completed (after a retry) is judged by its state, not by an earlier attempt's reason."""
    return inp.state in (None, "failed", "lost") and bool(_PREEMPT_REASON.search((inp.reason or "").lower()))


def _exit_evidence(inp: RunInputs, logged: dict[str, list[Evidence]]) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = {}

    def add(cat: str, strength: float, summary: str, **data: Any) -> None:
        out.setdefault(cat, []).append(Evidence(kind="exit", strength=strength, summary=summary, data=data))

    reason = (inp.reason or "").lower()
    sched = {k: str(v).upper() for k, v in (inp.scheduler or {}).items() if isinstance(v, (str, int))}
    sched_state = sched.get("state", "")
    if inp.ended_by == "time_limit" or _TIME_LIMIT_REASON.search(inp.reason or ""):
        add("time_limit", 0.97, f"the run was ended by its time limit ({inp.reason or inp.ended_by})")
    if _stopped_from_outside(inp) and inp.ended_by not in ("preempted", "node_fail", "boot_fail"):
        add("preempted_or_node_failure", 0.95, f"the run's stated reason: {inp.reason}")
    if inp.ended_by == "nan_loss":
        add("nan_or_inf_loss", 0.9, f"the runner stopped the run on a NaN/Inf loss ({inp.reason or 'stop_on_nan'})")
    # What a backend says ended the run (the Slurm backend maps its final job states onto these).
    for ended, cat in (
        ("out_of_memory", "out_of_memory"),
        ("node_fail", "preempted_or_node_failure"),
        ("preempted", "preempted_or_node_failure"),
        ("boot_fail", "preempted_or_node_failure"),
    ):
        if inp.ended_by == ended:
            add(cat, 0.95, f"the backend ended the run: {inp.reason or ended}")
    for key, cat, strength in (
        ("TIMEOUT", "time_limit", 0.97),
        ("OUT_OF_MEMORY", "out_of_memory", 0.95),
        ("PREEMPTED", "preempted_or_node_failure", 0.95),
        ("NODE_FAIL", "preempted_or_node_failure", 0.95),
    ):
        if key in sched_state or key in sched.get("reason", ""):
            out.setdefault(cat, []).append(
                Evidence(
                    kind="scheduler",
                    strength=strength,
                    summary=f"the scheduler reports {key} for the job",
                    data={"scheduler": inp.scheduler},
                )
            )
    stopped_by_us = inp.ended_by in ("stop", "time_limit", "nan_loss") or "stopped by user" in reason
    sig = inp.signal or (inp.exit_code - 128 if inp.exit_code and 128 < inp.exit_code < 160 else None)
    limit_ended = bool({"time_limit", "preempted_or_node_failure"} & set(out))
    term = _term_acknowledged(inp) if sig == _signal.SIGKILL else None
    if term is not None and not stopped_by_us and not limit_ended:
        name, n, text = term
        add(
            "time_limit",
            0.55,
            f"killed by SIGKILL after {name} line {n} logged a SIGTERM ({text[:120]}): the stop escalated after its "
            "grace period (`timeout -k`, a scheduler's kill-wait, `docker stop`), not the OOM killer",
            signal=9,
        )
    elif sig == _signal.SIGKILL and not stopped_by_us and "out_of_memory" not in logged and not limit_ended:
        add(
            "out_of_memory",
            0.6,
            f"killed by SIGKILL ({'exit 137' if inp.exit_code == 137 else 'signal 9'}) with no error "
            "text: the kernel's OOM killer sends exactly this",
            signal=9,
        )
    if sig == _signal.SIGTERM and not stopped_by_us and "time_limit" not in out:
        add(
            "time_limit",
            0.55,
            "terminated by SIGTERM from outside experiment-runner: what a scheduler sends at the time "
            "limit (or on preemption)",
            signal=15,
        )
    if sig == _signal.SIGXCPU and "time_limit" not in out:
        add(
            "time_limit",
            0.9,
            "killed by SIGXCPU: the kernel sends it only to a process that has used up its CPU-time limit "
            "(RLIMIT_CPU: ulimit -t, prlimit --cpu, a batch system's cput limit)",
            signal=int(_signal.SIGXCPU),
        )
    if sig == _signal.SIGABRT and _uncaught_native_exception(inp):
        # std::terminate aborts on an uncaught C++ exception: its what() says why, the abort only how it ended
        add(
            "process_crash",
            0.5,
            "killed by SIGABRT after an uncaught C++ exception (`terminate called after throwing`): the exception's "
            "message is the cause",
            signal=sig,
        )
    elif sig in _FATAL_SIGNALS:
        add("process_crash", 0.85, f"killed by {_FATAL_SIGNALS[sig]}: a crash in native code", signal=sig)
    if inp.exit_code == 124 and not inp.signal:
        add("time_limit", 0.6, "exit code 124: what `timeout` returns when it ends a command at its limit")
    return out


def _term_acknowledged(inp: RunInputs) -> tuple[str, int, str] | None:
    """The last line in the output's tail where the process says it received SIGTERM: (stream, line, text)."""
    found = None
    for stream in inp.streams:
        for n, text in stream.tail:
            if _TERM_ACKNOWLEDGED.search(text):
                found = (stream.name, n, text.strip())
    return found


def _uncaught_native_exception(inp: RunInputs) -> bool:
    """The output shows the C++ runtime ending the process on an exception nobody caught."""
    return any(_TERMINATE.search(text) for stream in inp.streams for _, text in stream.tail)


def _telemetry_evidence(inp: RunInputs, cats: dict[str, list[Evidence]]) -> dict[str, Any]:
    """Peak memory readings; they support an out-of-memory finding that other evidence raised."""
    facts: dict[str, Any] = {}
    rss: list[float] = [s["rss_bytes"] for s in inp.telemetry if isinstance(s.get("rss_bytes"), (int, float))]
    if rss:
        peak = max(rss)
        facts["peak_rss"] = f"{peak / 2**30:.2f} GiB" if peak >= 2**30 else f"{peak / 2**20:.0f} MiB"
        try:
            import psutil

            total = psutil.virtual_memory().total
        except Exception:  # psutil missing or /proc unreadable: no share to report
            total = None
        if "out_of_memory" in cats:
            share = f" ({peak / total:.0%} of this machine's {total / 2**30:.1f} GiB)" if total else ""
            grew = len(rss) >= 2 and rss[-1] > 1.5 * rss[0]
            cats["out_of_memory"].append(
                Evidence(
                    kind="telemetry",
                    strength=0.3 if grew else 0.1,
                    summary=f"resident memory peaked at {facts['peak_rss']}{share}"
                    + (", growing until the end" if grew else ""),
                    value=peak,
                    data={"samples": len(rss), "first_rss": rss[0], "last_rss": rss[-1]},
                )
            )
    gpu_used = [
        g["memory_used"] / g["memory_total"]
        for s in inp.telemetry
        for g in s.get("gpus") or []
        if isinstance(g, dict) and g.get("memory_used") and g.get("memory_total")
    ]
    if gpu_used and "out_of_memory" in cats and max(gpu_used) > 0.9:
        cats["out_of_memory"].append(
            Evidence(kind="telemetry", strength=0.3, summary=f"GPU memory reached {max(gpu_used):.0%} of the device")
        )
    return facts


def _dedupe(evs: list[Evidence]) -> list[Evidence]:
    """One log line is one piece of evidence, however many patterns (or the final-error check) matched it."""
    best: dict[tuple, Evidence] = {}
    for e in evs:
        key = (e.stream, e.line) if e.line is not None else (e.kind, e.summary)
        if key not in best or e.strength > best[key].strength:
            best[key] = e
    return sorted(best.values(), key=lambda e: -e.strength)


def _stated_exit(inp: RunInputs) -> tuple[int | None, int | None]:
    """An exit code (and signal) the log itself states (an IDE's or launcher's last line), for a pasted log."""
    for stream in inp.streams:
        for _, text in reversed(stream.tail[-12:]):
            m = _STATED_EXIT.search(text)
            if m:
                return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    return None, None


def _final_exception(inp: RunInputs, failed: bool | None) -> FinalError | None:
    """The exception that ended the run, stderr first (that is where Python writes it)."""
    for stream in sorted(inp.streams, key=lambda s: s.name != "stderr"):
        final = final_error(stream, failed=bool(failed))
        if final:
            return final
    return None


def _trained_after(inp: RunInputs, final: FinalError) -> bool:
    """Whether the stream that printed the exception goes on to log training metrics after it: an exception that
    reached the top of the program ends the interpreter, so one followed by more epochs or steps was caught and
    logged (a skipped sample, a retried batch), however few lines the run printed after it."""
    return _metric_records_in(_lines_after(inp, final.stream, final.line))


#: families whose line reports the process (or one of its workers) dying: a run cannot train on after its own death
_DEATH_FAMILIES = ("dataloader_worker_crash", "process_crash")


def _survived_crash_lines(inp: RunInputs, cats: dict[str, list[Evidence]]) -> None:
    """A paste with no exit code whose crash lines (a worker's segfault, a native abort) are followed in the same
    stream by more training: the run went on past them, so they did not end it (a worker that died between epochs
    and was replaced, a message a library caught). Their evidence drops below the report threshold and says why."""
    for cat in _DEATH_FAMILIES:
        for e in cats.get(cat, []):
            if e.kind != "log" or e.stream is None or "last_line" not in e.data:
                continue
            if _metrics_after(inp, e.stream, int(e.data["last_line"])):
                e.strength = min(e.strength, 0.3)
                e.summary += "; training goes on after it in the same output, so the run went on past it"


#: a line marking training progress: an epoch, step or iteration with its number (`Train Epoch: 1516 [5%]`)
_PROGRESS = re.compile(r"\b(?:epoch|step|iter(?:ation)?)\b\W{0,5}\d+", re.I)


def _metrics_after(inp: RunInputs, stream_name: str, line: int) -> bool:
    """Whether the named stream goes on training after the given line: a metric record, or a line that marks an
    epoch, step or iteration by its number."""
    later = _lines_after(inp, stream_name, line)
    return any(_PROGRESS.search(t) for t in later) or _metric_records_in(later)


def _lines_after(inp: RunInputs, stream_name: str, line: int) -> list[str]:
    """The lines the named stream printed after the given line (its tail)."""
    return next(([t for n, t in s.tail if n > line] for s in inp.streams if s.name == stream_name), [])


def _metric_records_in(lines: list[str]) -> bool:
    """Whether the lines log a training metric (a name the metric vocabulary gives a role)."""
    from experiment_runner.diagnosis.sources import parse_records

    role = metric_roles()
    records = parse_records({"log": ("\n".join(lines) + "\n").encode("utf-8", "replace")})
    return any(role(k) is not None for r in records for k in r)


def _raised_before(inp: RunInputs, final: FinalError) -> bool:
    """Whether the same exception, raised at the same innermost frame, was printed with its traceback earlier in
    the same stream: a process that went on to raise it again had caught it the first time. Only read when the run
    exited 0 (ranks of a distributed run each print the same fatal traceback once)."""
    for stream in inp.streams:
        if stream.name != final.stream:
            continue
        sites: list[tuple[str | None, str]] = []
        frame: str | None = None
        for _, text in stream.tail:
            if text.startswith("Traceback (most recent call last)"):
                frame = None
            elif text.startswith("  File "):
                frame = text.strip()
            elif frame is not None and not text[:1].isspace():
                info = parse_exception(text)
                if info is not None:
                    sites.append((frame, info.type))
                frame = None
        return len(sites) >= 2 and sites.count(sites[-1]) >= 2
    return False


def _stopped_at_the_end(inp: RunInputs, cats: dict[str, list[Evidence]], rules) -> None:
    """A program that catches the scheduler's stop signal saves and exits 0 (Lightning, submitit): when a line that
    says the run was stopped from outside is followed by the process acknowledging a signal (`Received SIGTERM`,
    `Caught signal SIGHUP`) and by no more training, the exit code says how gracefully it stopped, not that it
    finished, and the line keeps its full weight. A notice the run outlived stays at half."""
    from experiment_runner.diagnosis.sources import parse_records

    role = metric_roles()
    for e in cats.get("preempted_or_node_failure", []):
        stream = next((s for s in inp.streams if s.name == e.stream), None)
        if e.kind != "log" or stream is None or e.line is None or not any(n == e.line for n, _ in stream.tail):
            continue
        after = [t for n, t in stream.tail if n > e.line]
        if not any(_SIGNAL_RECEIVED.search(t) for t in after):
            continue
        records = parse_records({stream.name: ("\n".join(after) + "\n").encode("utf-8", "replace")})
        if not any(role(k) is not None for r in records for k in r):
            e.strength = rules.by_id(e.data["rule"]).weight


def _split_overlap_evidence(inp: RunInputs) -> dict[str, list[Evidence]]:
    from experiment_runner.diagnosis.split_overlap import trained_on_held_out
    from experiment_runner.metrics.vocabulary import describe

    seen: set[tuple[str, int]] = set()
    lines = []
    for stream in inp.streams:
        for n, text in [*stream.head, *stream.tail]:
            if (stream.name, n) not in seen:
                seen.add((stream.name, n))
                lines.append((stream.name, n, text))
    held_out = [name for name in inp.series if describe(name).split == "val"]
    found = trained_on_held_out(lines, held_out)
    return {found[0]: [found[1]]} if found else {}


def _killed_evidence(inp: RunInputs) -> dict[str, list[Evidence]]:
    for stream in inp.streams:
        killed = shell_killed_line(stream)
        if killed:
            n, text = killed
            term = _term_acknowledged(inp)
            if term is not None and term[0] == stream.name and term[1] < n:
                return {
                    "time_limit": [
                        Evidence(
                            kind="log",
                            strength=0.55,
                            stream=stream.name,
                            line=n,
                            text=text[:400],
                            summary=f"{stream.name} line {n}: {text[:200]}: killed after line {term[1]} logged a "
                            "SIGTERM: the stop escalated after its grace period, not the OOM killer",
                            data={"rule": "shell_killed"},
                        )
                    ]
                }
            ev = Evidence(
                kind="log",
                strength=0.85,
                stream=stream.name,
                line=n,
                text=text[:400],
                summary=f"{stream.name} line {n}: {text[:200]}: the shell reports the process was killed (SIGKILL) "
                "with no error of its own, what the kernel's OOM killer does",
                data={"rule": "shell_killed"},
            )
            return {"out_of_memory": [ev]}
    return {}


def diagnose(inp: RunInputs) -> Diagnosis:
    rules = load_rules()
    if inp.exit_code is None and inp.signal is None and inp.state is None:
        code, sig = _stated_exit(inp)
        inp = replace(inp, exit_code=code, signal=sig)
    outcome, failed = _outcome(inp)
    cats: dict[str, list[Evidence]] = {}
    facts: dict[str, Any] = {}

    def merge(more: dict[str, list[Evidence]]) -> None:
        for cat, evs in more.items():
            cats.setdefault(cat, []).extend(evs)

    # 1. The exception that ended the run: a traceback's last line is a failure whatever the exit code says.
    final = _final_exception(inp, failed)
    if (
        final is not None
        and final.terminal
        and failed is not True
        and (_trained_after(inp, final) or (failed is False and _raised_before(inp, final)))
    ):
        final = replace(final, terminal=False)
    if final is not None and final.terminal and failed is not True:
        outcome += (
            "; the output ends with an exception"
            if failed is None
            else "; the exit code says success but the output ends with an exception"
        )
        failed = True
    recognised = False
    if final is not None and failed is not False:
        ev, recognised = final_error_evidence(final, rules)
        merge(ev)
    # 2. Every pattern the scan found anywhere.
    for stream in inp.streams:
        merge(scan_evidence(stream, rules, succeeded=failed is False))
    if unnamed := [e for s in inp.streams if (e := unnamed_nonfinite(s.name, s.tail))]:
        merge({"nan_or_inf_loss": unnamed})
    if failed is None:
        _survived_crash_lines(inp, cats)
    if failed is False:
        _stopped_at_the_end(inp, cats, rules)
    scheduler_ended = bool({"time_limit", "preempted_or_node_failure"} & set(cats))
    for e in cats.get("out_of_memory", []) if scheduler_ended else []:
        if e.data.get("rule") == "shell_killed":
            e.strength = min(e.strength, 0.3)  # the scheduler's SIGKILL after its SIGTERM is no OOM killer's
    if (final is None or not final.terminal) and not scheduler_ended:
        killed = _killed_evidence(inp)
        if killed and failed is not False:
            merge(killed)
            failed = True
    if final is not None and final.wrapped_in and final.family is not None:
        # the worker that re-raised the error only carried it: its lines say where it happened, not why
        for e in cats.get("dataloader_worker_crash", []):
            if final.family.category != "dataloader_worker_crash":
                e.strength = min(e.strength, 0.5)
    # 3. How it ended.
    merge(_exit_evidence(inp, cats))
    # 4. Metric series, judged against the run's chance level; the mixed-precision loss scale.
    hp = inp.hparams
    mf = analyse(
        inp.series,
        metric_roles(),
        records=inp.records,
        num_classes=hp.number("num_classes"),
        head_lines=[t for s in inp.streams for _, t in s.head],
    )
    merge(mf.evidence)
    merge(_split_overlap_evidence(inp))
    _settled_by_series(cats)
    _placeholder_nan(cats, inp.series)
    by_category = dict(mf.facts)
    scale = loss_scale.judge(inp.streams, inp.series)
    if scale.evidence:
        merge({loss_scale.CATEGORY: scale.evidence})
        by_category[loss_scale.CATEGORY] = scale.facts
    for cat_facts in by_category.values():
        facts.update(cat_facts)
    # 5. Telemetry and the active probe.
    facts.update(_telemetry_evidence(inp, cats))
    if inp.probe is not None and inp.probe.first_nonfinite:
        fn = inp.probe.first_nonfinite
        cats.setdefault("nan_or_inf_loss", []).append(
            Evidence(
                kind="probe",
                strength=0.9 if fn.get("phase") != "input" else 0.6,
                step=fn.get("step"),
                summary=fn.get("summary") or f"the probe saw the first NaN/Inf in {fn.get('module')}",
                data=fn,
            )
        )
    family = final.family if final is not None else None
    if final is not None and failed and not recognised and not _crash_reported(cats):
        merge(_structural_evidence(final, _traceback_code(inp, final)))
    if final is not None and failed and not recognised and not _crash_reported(cats):
        overflow_why = family.why if family is not None and family.category == "numeric_overflow" else None
        cats.setdefault("unrecognized_error", []).append(
            Evidence(
                kind="final_error",
                strength=0.7,
                stream=final.stream,
                line=final.line,
                text=final.text[:400],
                summary=f"the run ended with: {final.text[:300]}" + (f" ({overflow_why})" if overflow_why else ""),
                data={"numeric_overflow": True} if overflow_why else {},
            )
        )
    facts.update(_evidence_facts(cats, facts))
    facts.update(advice.settings(inp, cats))
    fields = advice.fields(inp, facts, final.text if final else None)
    findings = _findings(inp, cats, fields, by_category)
    # A run that did fail always gets its best explanation reported, even when the evidence is thin.
    findings.sort(key=lambda f: (-f.confidence, f.category != "nan_or_inf_loss"))
    strong = [f for f in findings if f.confidence >= REPORT_THRESHOLD]
    weak = [f for f in findings if f.confidence < REPORT_THRESHOLD]
    if failed and not strong and weak:
        strong, weak = weak[:1], weak[1:]
    strong = causal.order(strong)
    healthy = not strong and failed is not True
    judged = verdict(
        failed=not healthy,
        ended_known=failed is not None or inp.state is not None,  # a recorded run: its state says
        series=inp.series,
        roles=mf.roles,
        base=mf.baseline,
        weak=[f"{f.category} ({f.confidence:.2f})" for f in weak],
    )
    summary = _summary(inp, outcome, strong, judged)
    return Diagnosis(
        healthy=healthy,
        verdict=judged.outcome,
        shown_by=judged.shown_by,
        to_check=judged.to_check,
        outcome=outcome,
        findings=strong,
        weak_signals=weak,
        metrics_used=mf.roles,
        hyperparameters=inp.hparams.as_dict(),
        summary=summary,
    )


def _crash_reported(cats: dict[str, list[Evidence]]) -> bool:
    """Whether a category that says why the process died stands at the report threshold: a hint below it (library
    frames in the traceback, a weak line) does not explain the exception that ended the run, which then still
    reads as an error of its own rather than leaving the failed run with no finding at all."""
    return any(
        combine([e.strength for e in _dedupe(cats[c])]) >= REPORT_THRESHOLD for c in CRASH_CATEGORIES if c in cats
    )


def _traceback_code(inp: RunInputs, final: FinalError) -> list[str]:
    """The source lines the traceback that ended the run quotes, innermost last."""
    if final.traceback_line is None:
        return []
    stream = next(s for s in inp.streams if s.name == final.stream)
    return [
        text.strip()
        for n, text in stream.tail
        if final.traceback_line < n < final.line
        and text.startswith("    ")
        and text.strip()
        and not set(text.strip()) <= set("^~ ")
    ]


def _structural_evidence(final: FinalError, code: list[str]) -> dict[str, list[Evidence]]:
    """An exception no family or pattern knows, placed by the literals its message quotes (shapes, type names,
    devices, paths) or by the source line that raised it: below a family's weight, since its wording was never
    seen."""
    if final.info is None:
        return {}
    fam = structural_family(final.info) or framed_family(final.info, code)
    if fam is None:
        return {}
    ev = Evidence(
        kind="final_error",
        strength=0.8,
        stream=final.stream,
        line=final.line,
        text=final.text[:400],
        summary=f"the run ended with {final.info.name} ({fam.why}): {final.info.message[:300]}",
        data={"rule": f"structure:{fam.category}", "exception": final.info.type},
    )
    return {fam.category: [ev]}


def _settled_by_series(cats: dict[str, list[Evidence]]) -> None:
    """A log line that prints a non-finite gradient norm says no more than the series it belongs to: when that
    series is finite again afterwards, the line was one skipped step, and its pattern's weight drops to match."""
    metric = [e for e in cats.get("exploding_gradients", []) if e.kind == "metric" and "recovered" in e.data]
    if not metric or not all(e.data["recovered"] for e in metric):
        return
    cap = max(e.strength for e in metric)
    for e in cats["exploding_gradients"]:
        if e.data.get("rule") == "grad_norm_nonfinite":
            e.strength = min(e.strength, cap)


def _placeholder_nan(cats: dict[str, list[Evidence]], series: dict[str, list]) -> None:
    """A log line that prints a loss as NaN says no more than that loss's series: when each loss the line names is
    NaN/Inf at its first value only and finite at every later one, the NaN stood in for a measurement not made yet
    (an evaluation loss printed before the first evaluation), and the line's weight drops below the report."""
    import math

    from experiment_runner.diagnosis.series import placeholder_first
    from experiment_runner.runs.metrics_parse import normalise_name

    def placeholder(name: str) -> bool:
        pts = series.get(normalise_name(name)) or []
        return placeholder_first(pts, 3) and not math.isfinite(pts[0][1])

    for e in cats.get("nan_or_inf_loss", []):
        if e.kind != "log" or e.data.get("rule") != "nonfinite_value" or not e.text:
            continue
        names = nonfinite_losses(e.text)
        if names and all(placeholder(n) for n in names):
            e.strength = min(e.strength, 0.3)


def _evidence_facts(cats: dict[str, list[Evidence]], facts: dict[str, Any]) -> dict[str, Any]:
    """What kind of out-of-memory, assert or NaN the evidence shows: facts the playbook conditions on."""
    rule_ids = {e.data.get("rule") for evs in cats.values() for e in evs}
    out: dict[str, Any] = {}
    out["gpu_oom"] = bool({"cuda_oom"} & rule_ids) or any(
        "CUDA" in (e.text or "") or "cuda" in (e.text or "") for e in cats.get("out_of_memory", [])
    )
    out["host_oom"] = bool({"cpu_allocator", "python_memory_error"} & rule_ids)
    out["killed_silently"] = (
        any(
            e.kind == "exit" or e.data.get("rule") in ("shell_killed", "worker_sigkill")
            for e in cats.get("out_of_memory", [])
        )
        and not out["gpu_oom"]
        and not out["host_oom"]
    )
    out["cuda_assert"] = "device_side_assert" in rule_ids
    if "bad_step" not in facts:
        steps = [e.step for e in cats.get("nan_or_inf_loss", []) if e.step is not None]
        if steps:
            out["bad_step"] = min(steps)
    return out


def _findings(
    inp: RunInputs, cats: dict[str, list[Evidence]], fields: dict[str, Any], by_category: dict[str, dict[str, Any]]
) -> list[Finding]:
    """One finding per category: its evidence (one per log line), combined confidence and the playbook's advice."""
    findings = []
    for cat, found in cats.items():
        evs = _dedupe(found)
        title, causes, steps, cheapest = render(cat, fields, fields)
        findings.append(
            Finding(
                category=cat,
                title=title,
                confidence=combine([e.strength for e in evs]),
                headline=f"{title}: {evs[0].summary}",
                evidence=evs[:8],
                likely_causes=causes,
                next_steps=steps,
                cheapest_experiment=cheapest,
                suggested_command=advice.suggested_command(cat, inp),
                facts={k: v for k, v in by_category.get(cat, {}).items() if v is not None and not isinstance(v, bool)},
            )
        )
    return findings


def _summary(inp: RunInputs, outcome: str, findings: list[Finding], judged: Verdict) -> str:
    who = f"Run {inp.run_id}" if inp.run_id else "The run"
    if (inp.ended_by == "stop" or inp.state == "cancelled") and not findings:
        return f"{who} was stopped on request ({outcome}); nothing in its output or metrics points at a failure."
    if judged.outcome == "healthy":
        more = f" ({len(judged.shown_by) - 1} more in shown_by)" if len(judged.shown_by) > 1 else ""
        return f"{who} looks healthy: no failure found ({outcome}), and {judged.shown_by[0]}{more}."
    if judged.outcome == "undetermined":
        return (
            f"{who}: undetermined. No failure found ({outcome}), but nothing in the log shows it learning either. "
            f"To settle it: {judged.to_check[0]}."
        )
    if not findings:
        return (
            f"{who} failed ({outcome}) but nothing in its output, metrics or exit explains why; read the log's last "
            "lines."
        )
    top = findings[0]
    rest = ", ".join(f"{f.category} ({f.confidence:.2f})" for f in findings[1:4])
    text = f"{who}: {top.category} (confidence {top.confidence:.2f}). {top.headline}"
    if top.next_steps:
        text += f" First step: {top.next_steps[0]}."
    if rest:
        text += f" Also: {rest}."
    return text
