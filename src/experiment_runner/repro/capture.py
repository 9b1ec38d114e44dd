"""capture_manifest(): gather code, data, environment, config, command and seeding into one Manifest and judge
its checklist. Cheap to repeat: data and work-tree hashes are cached by stat, the environment probe by
interpreter and installed distributions."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from experiment_runner import __version__
from experiment_runner.errors import NotFound, UserError
from experiment_runner.repro.checklist import build_checklist
from experiment_runner.repro.command import record_command
from experiment_runner.repro.configcheck import check_config
from experiment_runner.repro.datahash import ALGORITHMS, dvc_record, hash_data
from experiment_runner.repro.environment import PROBE_TIMEOUT_S, command_interpreter, probe_environment
from experiment_runner.repro.gitinfo import inspect_code
from experiment_runner.repro.gitsafe import reject_flag_like
from experiment_runner.repro.manifest import EnvironmentRecord, InterpreterRecord, Manifest, utc_now
from experiment_runner.repro.seeds import scan_seeds

log = logging.getLogger("experiment_runner.repro")

ProgressFn = Callable[[float, "float | None", "str | None"], None]


def _no_progress(done: float, total: float | None = None, message: str | None = None) -> None:
    return None


def _check_data_paths(ws, data_paths: list[str]) -> None:
    """Every data path exists (or DVC records it) before anything slow starts."""
    for given in data_paths:
        reject_flag_like(given, "data path")
        p = ws.resolve(given, what="data path")
        if not p.exists() and dvc_record(ws, given, p) is None:
            raise NotFound(
                f"data path {given!r} does not exist (looked at {p}); give files or folders inside the workspace"
            )


def _scripts(ws, argv: list[str], cwd: Path) -> list[Path]:
    out = []
    for a in argv[1:]:
        if a.endswith(".py") and not a.startswith("-"):
            p = Path(a) if os.path.isabs(a) else cwd / a
            if p.is_file() and ws.contains(p):
                out.append(Path(os.path.realpath(p)))
    return out


def _read_command(ws, argv: list[str], workdir: Path, project: Path):
    from experiment_runner.repro.seedflow import Command

    try:
        return Command(argv, workdir, project, ws.display)
    except Exception as e:  # noqa: BLE001 - reading the script is an aid to the manifest, never a reason to lose it
        log.warning("the training script could not be read for its command line: %r", e)
        return None


def _seed_flow(argv: list[str], workdir: Path, project: Path, cmd):
    from experiment_runner.repro.manifest import SeedFlowRecord
    from experiment_runner.repro.seedflow import SEED_PLACEHOLDER, analyse

    if cmd is None:
        return SeedFlowRecord(
            verdict="unknown", message="the training script could not be read", style="none", template=False
        )
    try:
        # a command still holding {seed} is a launch's template: judge it the way the launch will fill it
        template = any(SEED_PLACEHOLDER in a for a in argv)
        return analyse(argv, workdir, project, template=template, command=cmd)
    except Exception as e:  # noqa: BLE001 - an analysis failure is reported as such, the capture goes on
        log.warning("seed-flow analysis failed: %r", e)
        return SeedFlowRecord(
            verdict="unknown",
            message=f"the seed-flow analysis failed: {e!r}",
            entry=cmd.script,
            style="none",
            template=False,
        )


def _implicit_config_files(ws, cmd) -> list[str]:
    """Python config files a nanoGPT-style configurator executes (its positional .py arguments): recorded as text."""
    if cmd is None or cmd.interface.style != "configurator":
        return []
    out = []
    for a in cmd.entry.args:
        if "=" not in a and a.endswith(".py"):
            p = Path(a) if os.path.isabs(a) else cmd.cwd / a
            if p.is_file() and ws.contains(p):
                out.append(ws.display(p))
    return out


def _script_defaults(cmd) -> tuple[dict | None, str | None, bool]:
    """The settings the training script gives itself, read from its source: (values, where, whether config files
    override them the way the script applies them)."""
    if cmd is None or cmd.src is None:
        return None, None, False
    it, script = cmd.interface, cmd.script
    where = f" ({cmd.at(it.parse_at)})" if it.parse_at else ""
    if it.style in ("argparse", "click", "typer"):
        values = {o.name: o.default for o in it.options}
        return values or None, f"the {it.style} defaults of {script}{where}", False
    if it.style == "configurator":
        values = {
            o.name: o.default
            for o in it.options
            if o.at.rpartition(":")[0] == script and isinstance(o.default, (int, float, bool, str))
        }
        return values or None, f"the globals of {script} before its configurator{where}", True
    if it.style == "hydra":
        nested: dict = {}
        for o in it.options:
            if o.default_text is None:
                continue
            *parents, leaf = o.name.split(".")
            node = nested
            for part in parents:
                node = node.setdefault(part, {})
                if not isinstance(node, dict):
                    break
            else:
                node[leaf] = o.default
        return nested or None, f"the Hydra config composed for {script}{where}", False
    return None, None, False


def _interpreter_record(env: EnvironmentRecord) -> InterpreterRecord:
    torch = env.torch or {}
    if env.probe_status != "ok":
        torch_text = None
    elif torch.get("installed"):
        torch_text = str(torch.get("version"))
    else:
        torch_text = str(torch.get("error") or "torch is not installed")
    return InterpreterRecord(
        path=env.interpreter,
        source=env.interpreter_source,
        executable=env.python.get("executable"),
        version=env.python.get("version"),
        torch=torch_text,
    )


def capture_manifest(
    ws,
    *,
    project_dir: str | os.PathLike,
    argv: list[str],
    cwd: str | os.PathLike | None = None,
    env: dict[str, str] | None = None,
    config_files: Iterable[str] = (),
    data_paths: Iterable[str] = (),
    experiment: str | None = None,
    hash_algorithm: str = "blake3",
    progress: ProgressFn | None = None,
    probe_timeout: float = PROBE_TIMEOUT_S,
    program: str | None = None,
    set_by_runner: dict[str, str] | None = None,
) -> Manifest:
    """See experiment_runner.repro. Raises UserError (or a subclass) for inputs the caller must fix.

    `program`: the absolute path the launcher executes for argv[0] (resolved here the same way when not given);
    `set_by_runner`: the variables experiment-runner set for the run (recorded as such)."""
    from experiment_runner.workspace import validate_experiment_name

    progress = progress or _no_progress
    if experiment is not None:
        validate_experiment_name(experiment)
    if hash_algorithm not in ALGORITHMS:
        raise UserError(f"hash algorithm {hash_algorithm!r} is not supported; valid: {', '.join(ALGORITHMS)}")
    if not argv or not all(isinstance(a, str) for a in argv):
        raise UserError(
            "the training command must be a non-empty list of strings (argv), e.g. ['python', 'train.py', '--seed', "
            "'0']"
        )
    reject_flag_like(argv[0], "program (argv[0])")
    reject_flag_like(os.fspath(project_dir), "project folder")
    project = ws.resolve(project_dir, must_exist=True, kind="dir", what="project folder")
    if cwd is not None:
        reject_flag_like(os.fspath(cwd), "working directory")
    workdir = ws.resolve(cwd, must_exist=True, kind="dir", what="working directory") if cwd is not None else project
    config_files, data_paths = list(config_files), list(data_paths)
    from experiment_runner.runs import childenv

    run_env = childenv.strip_secrets(os.environ if env is None else env)  # what a run would get: never the token

    cmd = _read_command(ws, argv, workdir, project)
    config_files += [f for f in _implicit_config_files(ws, cmd) if f not in config_files]
    defaults, source, under = _script_defaults(cmd)
    config = check_config(ws, config_files, argv, defaults=defaults, defaults_source=source, defaults_under_files=under)
    _check_data_paths(ws, data_paths)
    command = record_command(ws, argv, workdir, run_env, program=program, set_by_runner=set_by_runner)

    progress(0, None, "code: reading the git repository")
    code, patch = inspect_code(ws, project)
    progress(0, None, "seeds: reading the Python sources")
    seeds = scan_seeds(ws, project, _scripts(ws, argv, workdir))
    seeds.flow = _seed_flow(argv, workdir, project, cmd)

    def on_data(done: int, total: int, label: str) -> None:
        progress(done, total, f"data: hashing {label}")

    data = hash_data(ws, data_paths, hash_algorithm, on_data)
    progress(0, None, "environment: probing the interpreter")
    interpreter = command_interpreter(ws, command.program, command.program_source or "", run_env.get("PATH"))
    environment = probe_environment(ws, run_env, timeout=probe_timeout, interpreter=interpreter)
    command.interpreter = _interpreter_record(environment)

    manifest = Manifest(
        created_at=utc_now(),
        tool_version=__version__,
        experiment=experiment,
        workspace=str(ws.root),
        project=ws.display(project),
        command=command,
        code=code,
        data=data,
        config=config,
        seeds=seeds,
        environment=environment,
    )
    manifest._patch = patch
    manifest.checklist = build_checklist(manifest)
    manifest.id = manifest.content_id()
    return manifest
