"""The reproducibility manifest: everything needed to re-create a run (code, data, environment, config, command,
seeding), the checklist judged from it, and where it is written. A manifest is never overwritten; a dirty-tree
patch is written beside it (same stem, `.patch`) and its sha256 recorded inside."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from experiment_runner.repro.entryscript import Style

MANIFEST_VERSION = 1
Status = Literal["passed", "warning", "failed"]
STATUSES: tuple[Status, ...] = get_args(Status)


class _Rec(BaseModel):
    # Manifests are read back by later versions: keep fields we do not know instead of failing.
    model_config = ConfigDict(extra="allow")


class CheckItem(_Rec):
    id: str = Field(description="Stable item id, e.g. 'code.dirty' or 'seeds.code'.")
    title: str
    status: Status
    evidence: str = Field(description="What was found, with files, lines, hashes and values.")
    fix: str | None = Field(None, description="What to do about a warning or failure; empty when passed.")


# --- command -----------------------------------------------------------------------------------------------


class InterpreterRecord(_Rec):
    path: str = Field(description="The interpreter as the command starts it.")
    source: str = Field(description="Why this interpreter: the command's program, its `#!` line, or the configuration.")
    executable: str | None = Field(None, description="sys.executable inside it (a pyenv shim resolves here).")
    version: str | None = None
    torch: str | None = Field(None, description="The torch version it imports, or why it cannot.")


class CommandRecord(_Rec):
    argv: list[str] = Field(description="The training command exactly as given.")
    cwd: str = Field(description="Working directory, relative to the workspace root.")
    cwd_abs: str
    program: str | None = Field(
        None,
        description="What argv[0] runs as: the launcher's resolution (`python`/`python3`: the configured interpreter, "
        "else the server's own), a path, or PATH.",
    )
    program_source: str | None = Field(None, description="How program was decided.")
    program_realpath: str | None = Field(None, description="program with every symlink resolved.")
    interpreter: InterpreterRecord | None = Field(
        None, description="The Python that runs the command, as the environment probe found it."
    )
    env: dict[str, str] = Field(default_factory=dict, description="Variables that affect training, as set for the run.")
    env_withheld: list[str] = Field(
        default_factory=list, description="Relevant variables present but not recorded (look like secrets)."
    )
    set_by_runner: dict[str, str] = Field(
        default_factory=dict,
        description="Variables experiment-runner set for the run itself (OMP_NUM_THREADS from runs.threads_per_run, "
        "CUDA_VISIBLE_DEVICES, PYTHONUNBUFFERED, EXPERIMENT_RUNNER_*).",
    )


# --- code --------------------------------------------------------------------------------------------------


class FileChange(_Rec):
    path: str = Field(description="Path relative to the repository root.")
    change: Literal["modified", "added", "deleted", "mode", "typechange", "conflict"]
    staged: bool = False


class Unverified(_Rec):
    path: str
    why: str


class CodeRecord(_Rec):
    status: Literal["ok", "no_commits", "not_a_repository", "refused", "error"]
    reason: str | None = None
    repo_root: str | None = Field(None, description="Repository top, relative to the workspace root.")
    object_format: str | None = None
    commit: str | None = None
    commit_time: str | None = None
    commit_subject: str | None = None
    branch: str | None = None
    detached: bool = False
    dirty: bool = False
    changes: list[FileChange] = Field(default_factory=list)
    unverified: list[Unverified] = Field(
        default_factory=list, description="Files a repository filter would rewrite; never run, so not compared."
    )
    untracked_source: list[str] = Field(default_factory=list)
    untracked_other: int = 0
    worktree_tree: str | None = Field(None, description="Git tree id of the exact source state (commit plus patch).")
    patch_file: str | None = Field(None, description="The patch's file name, beside the manifest.")
    patch_sha256: str | None = None
    patch_bytes: int = 0
    patch_includes_untracked: list[str] = Field(default_factory=list)
    patch_note: str | None = None
    submodules: list[dict[str, str]] = Field(default_factory=list)
    seconds: float = 0.0


# --- data --------------------------------------------------------------------------------------------------


class RefusedLink(_Rec):
    link: str
    target: str


class DataEntry(_Rec):
    path: str = Field(description="As given, relative to the workspace root.")
    kind: Literal["file", "folder", "dvc", "missing"]
    source: Literal["content", "dvc"] = "content"
    algorithm: str
    hash: str | None = Field(None, description="'<algorithm>:<hex>'.")
    size: int | None = None
    files: int | None = None
    bytes_read: int = 0
    cache_hits: int = 0
    dvc_file: str | None = None
    refused: list[RefusedLink] = Field(default_factory=list)
    error: str | None = None


class DataRecord(_Rec):
    algorithm: str
    scheme: str = Field(description="How file and folder hashes are computed.")
    entries: list[DataEntry] = Field(default_factory=list)
    seconds: float = 0.0


# --- config ------------------------------------------------------------------------------------------------


class ConfigFile(_Rec):
    path: str
    format: Literal["yaml", "json", "toml", "python"]
    sha256: str
    text: str | None = Field(None, description="The file's text (None when over the size limit).")
    not_literal: list[str] = Field(
        default_factory=list, description="Python config files: names bound to non-literals (recorded as text only)."
    )


class TemplateKey(_Rec):
    key: str = Field(description="Template item, e.g. 'learning_rate'.")
    found_at: str | None = Field(None, description="Dotted key path where it was found (or 'argv: --lr').")


class ConfigRecord(_Rec):
    files: list[ConfigFile] = Field(default_factory=list)
    resolved: dict[str, Any] = Field(
        default_factory=dict,
        description="The effective config: the files merged in order (later wins), over the script's own defaults "
        "when no file is given (or when the script's files override its globals, as nanoGPT's do).",
    )
    resolved_from: str | None = Field(None, description="Where resolved comes from when not only from files.")
    defaults: dict[str, Any] = Field(
        default_factory=dict,
        description="The values the training script sets itself (argparse defaults, configurator globals, Hydra "
        "config), read from its source.",
    )
    defaults_source: str | None = None
    command_overrides: dict[str, str] = Field(
        default_factory=dict, description="key=value or --key value pairs from argv."
    )
    template: list[TemplateKey] = Field(default_factory=list)
    seed: dict[str, Any] | None = Field(None, description="{'at': key path, 'value': value} of the seed setting.")


# --- seeds -------------------------------------------------------------------------------------------------


class SeedCall(_Rec):
    kind: Literal[
        "python",
        "numpy",
        "torch",
        "cuda",
        "all",
        "deterministic_algorithms",
        "cudnn_deterministic",
        "cudnn_benchmark",
        "trainer_deterministic",
        "dataloader",
    ]
    call: str = Field(description="The statement as written (shortened).")
    at: str = Field(description="file:line, the file relative to the workspace root.")
    detail: str | None = None
    value: bool | None = Field(None, description="For switches: the literal True/False set, None when not a literal.")


class SeedSinkRecord(_Rec):
    at: str = Field(description="file:line of the seeding call.")
    call: str
    scope: Literal["global", "local"] = Field(
        description="global: seeds a process-wide generator; local: builds a generator of its own."
    )
    value: Literal["seed", "constant", "random", "unknown"] = Field(
        description="What its seed argument holds: the command's seed, a literal, a value drawn at run time, unknown."
    )
    value_text: str | None = None
    reached_from: str = Field(description="The line of the training script from which it is reached.")
    via: str | None = Field(None, description="The calls leading to it, when it is inside another function.")


SeedVerdict = Literal[
    "seeded", "constant_seed", "seed_not_read", "seed_not_passed", "seed_not_used", "unseeded", "unknown"
]
SEED_VERDICTS: tuple[SeedVerdict, ...] = get_args(SeedVerdict)


class SeedFlowRecord(_Rec):
    verdict: SeedVerdict
    message: str
    at: str | None = Field(None, description="file:line of the decisive line.")
    entry: str | None = Field(None, description="The training script the command runs.")
    style: Style = Field(description="How it reads its command line: argparse, configurator, hydra, click, typer ...")
    template: bool = Field(description="True: judged for a launch ({seed} in argv); False: for one concrete run.")
    seed_arguments: list[str] = Field(default_factory=list, description="The command arguments carrying the seed.")
    parse_at: str | None = Field(None, description="Where the script reads its command line.")
    default: str | None = Field(None, description="seed_not_passed: the default every run gets.")
    same_for_every_run: bool | None = Field(
        None, description="Whether every run of a launch would get the same effective seed (None: not known)."
    )
    sinks: list[SeedSinkRecord] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list, description="The script and the project modules it imports.")
    notes: list[str] = Field(default_factory=list)


class SeedScan(_Rec):
    files_scanned: int = 0
    files_regex: list[str] = Field(
        default_factory=list, description="Files that did not parse; scanned with patterns instead."
    )
    skipped: list[str] = Field(default_factory=list)
    uses: list[str] = Field(default_factory=list, description="Randomness sources the code uses: python, numpy, torch.")
    calls: list[SeedCall] = Field(default_factory=list)
    uses_by_file: dict[str, list[str]] = Field(default_factory=dict)
    flow: SeedFlowRecord | None = Field(
        None, description="Whether the command's seed reaches the RNGs of the script it runs (repro/seedflow.py)."
    )


# --- environment -------------------------------------------------------------------------------------------


class GpuDevice(_Rec):
    index: int
    name: str | None = None
    uuid: str | None = None
    memory_total_mb: float | None = None
    pci_bus_id: str | None = None
    compute_capability: str | None = None


class GpuRecord(_Rec):
    available: bool
    reason: str | None = Field(None, description="Why no GPU facts ('unavailable: ...').")
    driver_version: str | None = None
    cuda_driver_version: str | None = None
    devices: list[GpuDevice] = Field(default_factory=list)


class HostRecord(_Rec):
    hostname: str | None = None
    os: str | None = None
    kernel: str | None = None
    machine: str | None = None
    cpu_model: str | None = None
    cpu_count: int | None = None
    cpu_affinity: int | None = None
    memory_total_mb: float | None = None


#: how probing the user's interpreter went
ProbeStatus = Literal["ok", "failed", "timeout", "not_found"]
PROBE_STATUSES: tuple[ProbeStatus, ...] = get_args(ProbeStatus)


class EnvironmentRecord(_Rec):
    interpreter: str = Field(description="The user's Python that was probed (config `python`, else the server's).")
    interpreter_source: str
    probe_status: ProbeStatus
    probe_error: str | None = None
    probe_cached: bool = False
    probe_seconds: float = 0.0
    python: dict[str, Any] = Field(default_factory=dict)
    distributions: list[dict[str, Any]] = Field(default_factory=list)
    torch: dict[str, Any] = Field(default_factory=dict)
    gpu: GpuRecord
    host: HostRecord


# --- the manifest ------------------------------------------------------------------------------------------


class Manifest(_Rec):
    manifest_version: int = MANIFEST_VERSION
    id: str = Field("", description="sha256 (first 16 hex) of the manifest's content, created_at and id excluded.")
    created_at: str
    tool_version: str
    experiment: str | None = None
    workspace: str
    project: str = Field(description="Project folder, relative to the workspace root.")
    command: CommandRecord
    code: CodeRecord
    data: DataRecord
    config: ConfigRecord
    seeds: SeedScan
    environment: EnvironmentRecord
    checklist: list[CheckItem] = Field(default_factory=list)

    _patch: bytes | None = PrivateAttr(default=None)

    @property
    def patch(self) -> bytes | None:
        """The dirty-tree patch, held until write_manifest saves it beside the manifest."""
        return self._patch

    def content_id(self) -> str:
        body = self.model_dump(mode="json", exclude={"id", "created_at"})
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def manifest_dir(ws, experiment: str | None) -> Path:
    """`<store>/<experiment>/manifests/`, or `<store>/_manifests/` without an experiment."""
    if experiment:
        return ws.experiment_dir(experiment, create=True) / "manifests"
    return ws.store_root / "_manifests"


def write_manifest(ws, manifest: Manifest, dest_dir: Path | None = None, *, name: str | None = None) -> Path:
    """Write `manifest` (and its patch, if the tree was dirty) without overwriting anything.

    dest_dir defaults to manifest_dir(ws, manifest.experiment); name defaults to '<UTC time>-<id>.json'
    (the run engine passes its run folder and name='manifest.json'). The patch goes beside it as
    '<stem>.patch'; the manifest records the patch's file name and sha256. Returns the manifest's path."""
    from experiment_runner.fsutil import write_new_bytes, write_new_text
    from experiment_runner.workspace import confine

    target = Path(dest_dir) if dest_dir is not None else manifest_dir(ws, manifest.experiment)
    if not ws.contains(target):
        from experiment_runner.errors import OutsideWorkspace

        raise OutsideWorkspace(f"manifest folder {target} is outside the workspace {ws.root}")
    confine.mkdir(target)
    if not manifest.id:
        manifest.id = manifest.content_id()
    stamp = re.sub(r"[-:]", "", manifest.created_at)
    first = (name[: -len(".json")] if name.endswith(".json") else name) if name else f"{stamp}-{manifest.id[:8]}"
    for attempt in range(1, 1000):
        stem = first if attempt == 1 else f"{first}-{attempt}"
        path, patch_path = target / f"{stem}.json", target / f"{stem}.patch"
        if confine.exists(path) or confine.exists(patch_path):
            if name is not None:
                raise FileExistsError(f"{path} already exists; a manifest is never overwritten")
            continue
        data = manifest.model_copy(deep=True)
        if manifest.patch is not None:
            try:
                write_new_bytes(patch_path, manifest.patch)
            except FileExistsError:
                continue
            data.code.patch_file = patch_path.name
        try:
            write_new_text(
                path, json.dumps(data.model_dump(mode="json"), indent=2, ensure_ascii=False, default=str) + "\n"
            )
        except FileExistsError:
            if data.code.patch_file:
                confine.unlink(patch_path, missing_ok=True)  # ours, written a moment ago for this manifest
            continue
        manifest.code.patch_file = data.code.patch_file
        return path
    raise FileExistsError(f"could not find a free manifest name in {target}")


def load_manifest(path: Path) -> Manifest:
    """Read a manifest file (or a folder holding manifest.json); errors name the file and the problem."""
    from pydantic import ValidationError

    from experiment_runner.errors import UserError
    from experiment_runner.workspace import confine

    p = Path(path)
    if confine.is_dir(p):
        p = p / "manifest.json"
    try:
        raw = json.loads(confine.read_bytes(p))
    except FileNotFoundError:
        from experiment_runner.errors import NotFound

        raise NotFound(f"manifest {str(p)!r} does not exist") from None
    except (OSError, ValueError) as e:
        raise UserError(f"manifest {str(p)!r} is unreadable or not JSON: {e}") from None
    try:
        return Manifest.model_validate(raw)
    except ValidationError as e:
        lines = "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors()[:8])
        raise UserError(f"{p} is not a reproducibility manifest: {lines}") from None
