"""Whether the seed a command gives reaches the training script's random number generators, judged by reading the
code (repro/entryscript.py finds the script and what its command line accepts; repro/dataflow.py follows values
to the seeding calls). Verdicts, first that holds wins:

    seed_not_read    the command passes a seed the script does not accept (argparse: unrecognized arguments;
                     nanoGPT's configurator: Unknown config key; Hydra: not in struct; parse_known_args: ignored)
    seed_not_passed  the script takes a seed, but the command never sets it ({seed} absent, or only in another
                     option such as an output path): every run gets the script's default
    constant_seed    a literal reaches the global RNG seeding (torch.manual_seed(1337)), not the given seed
    seed_not_used    the script accepts the seed it is given, but no seeding call receives it
    unseeded         the script takes no seed and seeds nothing
    seeded           the given seed reaches a seeding call
    unknown          the analysis could not tell (no script found, options built at run time ...)

`same_seed_problem(flow, seeds)` is the launch-time rule (kept here, pure, so the launch path can move): the runs of
a launch would get the same effective seed, or would not get theirs at all."""

from __future__ import annotations

import os
import re
from pathlib import Path

from experiment_runner.repro.dataflow import Flow, SeedSources, Sink
from experiment_runner.repro.entryscript import (
    Interface,
    Option,
    Project,
    accepts,
    find_entry,
    lightning_cli_calls,
    project_roots,
    read_interface,
)
from experiment_runner.repro.manifest import SeedFlowRecord, SeedSinkRecord

SEED_PLACEHOLDER = "{seed}"
_SEEDISH = re.compile(r"seed", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^(\+{0,2})([A-Za-z_][\w.\-/@]*)=(.*)$", re.DOTALL)
_NUMBER = re.compile(r"^-?\d+(\.\d*)?([eE][-+]?\d+)?$")


class Setting:
    """One key given on the command line."""

    def __init__(self, index: int, key: str, form: str, value: str | None, text: str):
        self.index, self.key, self.form, self.value, self.text = index, key, form, value, text


def command_settings(args: list[str], it: Interface) -> list[Setting]:
    """`--key value`, `--key=value`, `-k value`, `key=value` (Hydra, +key=), and bare flags, from a script's args."""
    out: list[Setting] = []
    i = 0
    position = 0
    while i < len(args):
        a = args[i]
        if a.startswith("--") and "=" in a:
            key, value = a[2:].split("=", 1)
            out.append(Setting(i, key, "--key=", value, a))
        elif a.startswith("-") and len(a) > 1 and not _NUMBER.match(a) and a != "--":
            key = a.lstrip("-")
            form = "--key" if a.startswith("--") else "-key"
            option = next((o for o in it.options if a in o.flags), None)
            flag_only = option is not None and (option.default_text or "").endswith(("(store_true)", "(store_false)"))
            value = None
            if not flag_only and i + 1 < len(args) and (not args[i + 1].startswith("-") or _NUMBER.match(args[i + 1])):
                value = args[i + 1]
                out.append(Setting(i, key, form, value, f"{a} {value}"))
                i += 1
            else:
                out.append(Setting(i, key, form, None, a))
        else:
            m = _KEY_VALUE.match(a)
            if m:
                out.append(Setting(i, m.group(1) + m.group(2), "key=", m.group(3), a))
            else:
                out.append(Setting(i, str(position), "positional", a, a))
                position += 1
        i += 1
    return out


def _seedish(name: str) -> bool:
    return bool(_SEEDISH.search(name.rsplit(".", 1)[-1]))


def _display_at(at: str, display) -> str:
    path, _, line = at.rpartition(":")
    if path and os.path.isabs(path):
        return f"{display(Path(path))}:{line}"
    return at


class Command:
    """A command read statically: its training script, the project files around it, and its command-line interface."""

    def __init__(self, argv: list[str], cwd: Path, project_dir: Path, display=None):
        self.display = display or str
        self.cwd = cwd
        self.entry = find_entry(argv, cwd)
        self.project: Project | None = None
        self.src = None
        self.interface = Interface()
        self.problem = None if self.entry.script is not None else f"no training script found: {self.entry.problem}"
        if self.entry.script is None:
            return
        self.project = Project(project_roots(self.entry.script, cwd, project_dir), self.display)
        self.src = self.project.load(self.entry.script)
        if self.src is None:
            self.problem = f"{self.display(self.entry.script)} could not be parsed as Python"
            return
        self.interface = read_interface(self.project, self.src, self.entry.args, cwd)

    @property
    def script(self) -> str | None:
        return self.display(self.entry.script) if self.entry.script is not None else None

    def at(self, at: str | None) -> str | None:
        return _display_at(at, self.display) if at else None


def analyse(
    argv: list[str],
    cwd: Path,
    project_dir: Path,
    *,
    display=None,
    template: bool = True,
    command: Command | None = None,
) -> SeedFlowRecord:
    """The seed-flow verdict for one command. With `template`, the seed is what `{seed}` stands for in argv (a
    launch); without, it is the value of the command's seed option (one concrete run). Reads files, runs nothing."""
    cmd = command or Command(argv, cwd, project_dir, display)
    display = cmd.display
    if cmd.problem is not None or cmd.src is None or cmd.project is None:
        return SeedFlowRecord(
            verdict="unknown", message=cmd.problem or "no script", entry=cmd.script, style="none", template=template
        )
    entry, project, src, it, script = cmd.entry, cmd.project, cmd.src, cmd.interface, cmd.script or ""
    settings = command_settings(entry.args, it)
    if template:
        carriers = [s for s in settings if s.value is not None and SEED_PLACEHOLDER in s.value]
        carriers += [s for s in settings if s.value is None and SEED_PLACEHOLDER in s.text]
    else:
        carriers = [s for s in settings if s.form != "positional" and _seedish(s.key.lstrip("+"))]
    record = SeedFlowRecord(
        verdict="unknown",
        message="",
        entry=script,
        style=it.style,
        template=template,
        seed_arguments=[s.text for s in carriers],
        parse_at=_display_at(it.parse_at, display) if it.parse_at else None,
        notes=list(it.notes) + list(it.open),
    )
    record.files = [m.display for m in project.reachable(src)]

    sources = SeedSources()
    filled: list[Option] = []
    uncertain: list[str] = []
    for s in carriers:
        if s.form == "positional":
            option = _positional(it, int(s.key))
            if option is not None:
                filled.append(option)
                sources.args_attrs.add(option.name)
            else:
                sources.argv_indices.add(s.index + 1)  # sys.argv[0] is the script
                record.notes.append(
                    f"`{s.text}` is positional argument {int(s.key) + 1}: followed as sys.argv[{s.index + 1}]"
                )
            continue
        verdict, option, why = accepts(it, s.key, s.form, entry.args)
        if verdict == "rejected":
            record.verdict, record.at = "seed_not_read", record.parse_at
            record.message = f"the command passes `{s.text}` but {script} does not accept it: {why}" + (
                f" (its seed option: {_describe(o, display)})" if (o := _seed_option(it)) else ""
            )
            record.same_for_every_run = None
            return record
        if verdict == "unknown":
            record.notes.append(f"whether {script} accepts `{s.text}` is not known statically: {why}")
            if _seedish(s.key.lstrip("+")):
                uncertain.append(record.notes[-1])
        name = option.name if option is not None else s.key.lstrip("+").lstrip("-").replace("-", "_")
        if option is not None:
            filled.append(option)
        if it.style == "configurator":
            sources.globals_.add(name)
        elif it.style == "hydra":
            sources.cfg_keys.add(name)
        else:
            sources.args_attrs.add(name)
    if it.style == "hydra":
        sources.cfg_defaults = {o.name: o.default for o in it.options if o.name not in sources.cfg_keys}
    else:
        sources.option_defaults = {o.name: o.default for o in it.options if o.name not in sources.args_attrs}

    sinks = Flow(project, src, sources).analyse()
    sinks += _lightning_cli_sink(src, it, sources)
    record.sinks = [_sink_record(s, script) for s in sinks[:20]]
    _verdict(record, it, filled, carriers, sinks, script, display)
    _doubt(record, uncertain)
    return record


def _doubt(record: SeedFlowRecord, open_questions: list[str]) -> None:
    """Where the source leaves open whether the script takes the seed argument the command gives (a parser extended
    by a library, a command line read by hand), a verdict that the seed is lost is not certain: it becomes unknown,
    the reasoning kept (a launch then asks the script's --help)."""
    if not open_questions or record.verdict not in ("constant_seed", "seed_not_passed", "seed_not_used"):
        return
    record.notes.append(f"without the open question it would be {record.verdict.replace('_', ' ')}: {record.message}")
    record.verdict = "unknown"
    record.same_for_every_run = None
    record.message = f"{open_questions[0]}; where the seed goes from there could not be followed ({record.message})"


def _lightning_cli_sink(src, it: Interface, sources: SeedSources) -> list[Sink]:
    if it.style != "lightning_cli":
        return []
    from experiment_runner.repro.dataflow import Val
    from experiment_runner.repro.entryscript import short

    call = lightning_cli_calls(src)[0]
    option = it.find("seed_everything")
    if "seed_everything" in sources.args_attrs:
        val = Val(seed=True, text="--seed_everything")
    elif option is None or option.default is True:
        val = Val(random=True, text="a random seed LightningCLI draws and logs")
    elif option.default in (False, None):
        return []
    else:
        val = Val(const=True, text=repr(option.default))
    at = src.at(call)
    return [Sink(call=short(call), at=at, scope="global", val=val, chain=[at], through=[short(call)])]


def _entry_at(s: Sink, script: str) -> str:
    """The line of the training script closest to the seeding call (the call itself when it is in the script)."""
    inside = [c for c in s.chain if c.rpartition(":")[0] == script]
    return inside[-1] if inside else (s.chain[0] if s.chain else s.at)


def _sink_record(s: Sink, script: str) -> SeedSinkRecord:
    return SeedSinkRecord(
        at=s.at,
        call=s.call,
        scope=s.scope,
        value=s.val.kind,
        value_text=s.val.text,
        reached_from=_entry_at(s, script),
        via=" -> ".join(s.through) if len(s.through) > 1 else None,
    )


def _positional(it: Interface, n: int) -> Option | None:
    """The argparse positional argument a positional token lands in (None where that is not clear)."""
    if it.style != "argparse" or it.open:
        return None
    positionals = [o for o in it.options if not o.flags]
    return positionals[n] if n < len(positionals) else None


def _seed_option(it: Interface) -> Option | None:
    candidates = [o for o in it.options if _seedish(o.name) and not isinstance(o.default, dict)]
    if it.style == "hydra":
        candidates = [o for o in candidates if "." not in o.name or o.name.split(".")[0] not in ("hydra",)]
    return candidates[0] if candidates else None


def _describe(o: Option, display) -> str:
    flag = o.flags[0] if o.flags else o.name
    default = o.default_text if o.default_text is not None else repr(o.default)
    return f"{flag} at {_display_at(o.at, display)}, default {default}"


def _verdict(record: SeedFlowRecord, it, filled, carriers, sinks: list[Sink], script: str, display) -> None:
    seeded = [s for s in sinks if s.val.seed]
    const_global = [s for s in sinks if s.scope == "global" and s.val.kind == "constant"]
    global_sinks = [s for s in sinks if s.scope == "global"]
    seed_option = _seed_option(it)
    filled_seed = [o for o in filled if _seedish(o.name)]
    if seeded:
        first = next((s for s in seeded if s.scope == "global"), seeded[0])
        record.verdict, record.at = "seeded", _entry_at(first, script)
        given = ", ".join(record.seed_arguments) or "$EXPERIMENT_RUNNER_SEED"
        record.message = f"the seed given ({given}) reaches {first.call} at {first.at}" + (
            f" (through {' -> '.join(first.through)})" if len(first.through) > 1 else ""
        )
        record.same_for_every_run = False
        if const_global:
            record.notes.append(
                "also seeded with a constant: " + ", ".join(f"{s.call} at {s.at}" for s in const_global[:3])
            )
        return
    if seed_option is not None and not filled_seed:
        record.verdict = "seed_not_passed"
        record.at = _display_at(seed_option.at, display)
        where = (
            f"{SEED_PLACEHOLDER} appears only in {', '.join(record.seed_arguments)}"
            if record.seed_arguments and record.template
            else ("the command has no " + SEED_PLACEHOLDER if record.template else "the command does not set it")
        )
        record.message = (
            f"{script} takes a seed ({_describe(seed_option, display)}) but {where}: every run gets the default"
        )
        default = seed_option.default
        record.same_for_every_run = default is not None and default is not True
        record.default = repr(default)
        return
    if const_global:
        first = const_global[0]
        record.verdict, record.at = "constant_seed", _entry_at(first, script)
        record.message = (
            f"{first.call} at {first.at} seeds with a constant ({first.val.text}), not with the seed the command gives"
            + (f" (reached through {' -> '.join(first.through)})" if len(first.through) > 1 else "")
        )
        record.same_for_every_run = True
        return
    if carriers:
        option = (filled_seed or filled or [None])[0]
        record.verdict = "seed_not_used"
        record.at = _display_at(option.at, display) if option is not None else record.parse_at
        record.message = (
            f"{script} accepts `{carriers[0].text}`"
            + (f" ({option.name}, defined at {record.at})" if option is not None else "")
            + " but no seeding call receives it"
            + (
                f" (seeding calls found: {', '.join(s.call + ' at ' + s.at for s in global_sinks[:3])})"
                if global_sinks
                else ": random, numpy and torch start from a different state in every run"
            )
        )
        record.same_for_every_run = False
        return
    if not global_sinks:
        record.verdict = "unseeded"
        record.message = (
            f"{script} takes no seed and seeds no global generator: every run starts from a different state"
        )
        record.same_for_every_run = False
        return
    record.verdict = "unknown"
    record.at = _entry_at(global_sinks[0], script)
    record.message = (
        "the value reaching " + ", ".join(f"{s.call} at {s.at}" for s in global_sinks[:3]) + (" could not be followed")
    )


def same_seed_problem(flow: SeedFlowRecord, n_seeds: int) -> str | None:
    """Why the runs of a launch would not each get their own seed, or None. Only what the analysis is sure of."""
    if n_seeds < 2:
        return None
    if flow.verdict == "seed_not_read":
        return f"{flow.message}; the runs would fail or ignore their seed"
    if flow.verdict == "seed_not_passed" and flow.same_for_every_run:
        return f"{flow.message} ({flow.default}), so every run gets the same seed"
    if flow.verdict == "constant_seed":
        return f"{flow.message}, so every run gets the same seed"
    return None


def fix_for(flow: SeedFlowRecord) -> str | None:
    """What to change, per verdict."""
    if flow.verdict == "seed_not_read":
        return (
            "pass the seed through an option the script accepts (see its seed option), or add one (argparse: "
            "parser.add_argument('--seed', type=int, default=0); configurator: a global `seed = 0`; Hydra: `seed: 0` "
            "in the config or +seed={seed}) and hand it to the seeding calls"
        )
    if flow.verdict == "seed_not_passed":
        return f"put {SEED_PLACEHOLDER} in the script's seed option in the command (e.g. --seed {SEED_PLACEHOLDER})"
    if flow.verdict == "constant_seed":
        return (
            "seed from the command's value (torch.manual_seed(args.seed)), not a literal; add a seed option if missing"
        )
    if flow.verdict == "seed_not_used":
        return (
            "hand the seed the script reads to random.seed, np.random.seed and torch.manual_seed (or seed_everything)"
        )
    if flow.verdict == "unseeded":
        return "add a seed option and call random.seed, np.random.seed and torch.manual_seed with it"
    return None


HELP_TIMEOUT_S = 15.0
_HELP_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV", "LD_LIBRARY_PATH", "TMPDIR")


def help_accepts(
    interpreter: str, script: Path, leading: list[str], flag: str, cwd: Path, env: dict[str, str], timeout: float
) -> bool | None:
    """Whether `python script [leading...] --help` lists `flag` (None when the help could not be had in time).
    Runs the user's script, so it is used only where reading the source left the answer open."""
    import signal
    import subprocess

    child_env = {k: v for k, v in os.environ.items() if k in _HELP_ENV}
    child_env.update(env)
    try:
        proc = subprocess.Popen(
            [interpreter, str(script), *leading, "--help"],
            cwd=cwd,
            env=child_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError:
        return None
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        return None
    text = out.decode("utf-8", "replace")
    if proc.returncode != 0 or "usage" not in text.lower():
        return None
    return re.search(rf"(^|[\s,\[]){re.escape(flag)}([\s,=\]]|$)", text, re.MULTILINE) is not None


def launch_check(
    argv: list[str],
    cwd: Path,
    project_dir: Path,
    n_seeds: int,
    *,
    display=None,
    interpreter: str | None = None,
    env: dict[str, str] | None = None,
    help_timeout: float = HELP_TIMEOUT_S,
) -> tuple[SeedFlowRecord, str | None]:
    """The seed-flow verdict for a launch's command template and, when its runs would not each get their own seed,
    why (else None). Where the source leaves open whether a seed flag is accepted (options added by a library),
    the script's own --help decides, run with `interpreter` under a time limit."""
    cmd = Command(argv, cwd, project_dir, display)
    flow = analyse(argv, cwd, project_dir, template=True, command=cmd)
    open_question = [n for n in flow.notes if n.startswith("whether ") and "is not known statically" in n]
    if open_question and interpreter and cmd.entry.script is not None and n_seeds > 1:
        settings = command_settings(cmd.entry.args, cmd.interface)
        leading = [a for a in cmd.entry.args[: min((s.index for s in settings), default=0)] if not a.startswith("-")]
        for s in settings:
            if SEED_PLACEHOLDER not in s.text or not s.form.startswith("-"):
                continue
            flag = ("--" if s.form.startswith("--") else "-") + s.key
            listed = help_accepts(interpreter, cmd.entry.script, leading, flag, cwd, env or {}, help_timeout)
            if listed is False:
                flow.verdict, flow.at = "seed_not_read", flow.parse_at
                flow.message = (
                    f"the command passes `{s.text}` but `{cmd.script} --help` does not list {flag}: "
                    "the script rejects it (unrecognized arguments)"
                )
                flow.same_for_every_run = None
                break
            if listed is True:
                flow.notes.append(f"`{cmd.script} --help` lists {flag}")
    return flow, same_seed_problem(flow, n_seeds)
