"""check_reproducibility: capture everything needed to re-create a run into a manifest and judge a checklist."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from experiment_runner.repro.manifest import CheckItem
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec


class CheckReproducibilityInput(ToolInput):
    command: list[str] = Field(
        min_length=1,
        description="The training command as an argv list, exactly as it will run, e.g. ['python', 'train.py', "
        "'--config', 'config.yaml', '--seed', '0'].",
    )
    project: str = Field(
        ".", description="Project folder holding the training code (inside the workspace; relative to its root)."
    )
    cwd: str | None = Field(
        None,
        description="Working directory the command runs in, relative to the workspace root (default: the project "
        "folder).",
    )
    config_files: list[str] = Field(
        default_factory=list,
        description="Config files (YAML, JSON, TOML, or Python read as text and never run) the run reads, relative to "
        "the workspace root; merged in order.",
    )
    data_paths: list[str] = Field(
        default_factory=list,
        description="Data files and folders the run reads, relative to the workspace root; each is content-hashed "
        "(or its DVC record used).",
    )
    experiment: str | None = Field(
        None, description="Experiment name; the manifest then goes under that experiment's manifests/ folder."
    )
    env: dict[str, str] = Field(
        default_factory=dict,
        description="Environment variables the run will set on top of this server's environment (e.g. "
        "CUDA_VISIBLE_DEVICES, PYTHONHASHSEED).",
    )
    hash_algorithm: Literal["blake3", "sha256"] = Field(
        "blake3", description="Data hash: blake3 (fast; same as b3sum) or sha256 (same as sha256sum)."
    )


class CheckReproducibilityOutput(ToolOutput):
    checklist: list[CheckItem] = Field(
        description="Each item passed / warning / failed, with its evidence and the fix."
    )
    passed: int
    warnings: int
    failed: int
    manifest_path: str = Field(description="The manifest written, relative to the workspace root.")
    patch_path: str | None = Field(
        None, description="The dirty-tree patch beside the manifest (None when the tree is clean)."
    )
    manifest_id: str


def check_reproducibility(inp: CheckReproducibilityInput, ctx: ToolContext) -> CheckReproducibilityOutput:
    """Check that a training run can be re-created, and record what it needs in a manifest. Reads (never runs)
    the project's code for seeding and determinism calls with file:line, and follows the command's seed into the
    script it runs to the RNG calls (seeds.flow: a constant seed, a seed flag the script rejects, a seed option
    never given, a seed read but unused, each with file:line); records the git commit, and a dirty
    tree as a patch (hash kept) with untracked source files listed; content-hashes every data path (cached, so
    an unchanged dataset is not re-read; DVC records honoured); records Python, every installed distribution,
    torch and the CUDA/cuDNN/NCCL it loads at run time in the interpreter the command runs, GPUs (pynvml), CPU and OS;
    stores the full resolved config (Python config files as text, never run; the script's own argparse/Hydra/
    configurator defaults when no config file is given) and lists missing template keys; records the command, the
    interpreter that runs it (version, torch), the working directory and the environment variables that affect
    training. Returns the checklist (passed / warning / failed, each with
    evidence and fix) and the manifest path. Reading the repository runs none of its hooks, filters or aliases.
    Compare two manifests with compare_manifests."""
    import os

    from experiment_runner.repro import capture_manifest, summarize, write_manifest

    ws = ctx.workspace
    env = dict(os.environ)
    env.update(inp.env)

    def progress(done: float, total: float | None = None, message: str | None = None) -> None:
        ctx.progress(done, total, message)

    manifest = capture_manifest(
        ws,
        project_dir=inp.project,
        argv=inp.command,
        cwd=inp.cwd,
        env=env,
        config_files=inp.config_files,
        data_paths=inp.data_paths,
        experiment=inp.experiment,
        hash_algorithm=inp.hash_algorithm,
        progress=progress,
    )
    path = write_manifest(ws, manifest)
    patch = path.with_suffix(".patch") if manifest.code.patch_file else None
    items = manifest.checklist
    counts = {s: sum(1 for i in items if i.status == s) for s in ("passed", "warning", "failed")}
    return CheckReproducibilityOutput(
        summary=summarize(items) + f". Manifest: {ws.display(path)}",
        checklist=items,
        passed=counts["passed"],
        warnings=counts["warning"],
        failed=counts["failed"],
        manifest_path=ws.display(path),
        patch_path=ws.display(patch) if patch else None,
        manifest_id=manifest.id,
    )


SPEC = ToolSpec(
    name="check_reproducibility",
    title="Check and record what a run needs to be re-created",
    fn=check_reproducibility,
    input_model=CheckReproducibilityInput,
    output_model=CheckReproducibilityOutput,
    read_only=False,
    destructive=False,
    idempotent=False,
)
