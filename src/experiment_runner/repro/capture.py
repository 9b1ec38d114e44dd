"""capture_manifest(): gather code, data, environment, config, command and seeding into one Manifest and judge
its checklist. Cheap to repeat: data and work-tree hashes are cached by stat, the environment probe by
interpreter and installed distributions."""

from __future__ import annotations

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
            "the training command must be a non-empty list of strings (argv), e.g. ['python', 'train.py', '--seed', '0']"
        )
    reject_flag_like(argv[0], "program (argv[0])")
    reject_flag_like(os.fspath(project_dir), "project folder")
    project = ws.resolve(project_dir, must_exist=True, kind="dir", what="project folder")
    if cwd is not None:
        reject_flag_like(os.fspath(cwd), "working directory")
    workdir = ws.resolve(cwd, must_exist=True, kind="dir", what="working directory") if cwd is not None else project
    config_files, data_paths = list(config_files), list(data_paths)
    run_env = dict(os.environ if env is None else env)

    config = check_config(ws, config_files, argv)
    _check_data_paths(ws, data_paths)
    command = record_command(ws, argv, workdir, run_env, program=program, set_by_runner=set_by_runner)

    progress(0, None, "code: reading the git repository")
    code, patch = inspect_code(ws, project)
    progress(0, None, "seeds: reading the Python sources")
    seeds = scan_seeds(ws, project, _scripts(ws, argv, workdir))

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
