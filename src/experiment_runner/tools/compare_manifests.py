"""compare_manifests: explain why two runs may differ, from their reproducibility manifests."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from experiment_runner.errors import NotFound, did_you_mean
from experiment_runner.repro.compare import Difference
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.workspace import confine, names


class CompareManifestsInput(ToolInput):
    a: str = Field(
        description="First manifest: a path relative to the workspace root (a manifest .json, or a run folder "
        "holding manifest.json), a manifest file name from check_reproducibility, or a run id."
    )
    b: str = Field(description="Second manifest, given the same ways as `a`.")
    limit: int = Field(50, ge=1, le=1000, description="Most differences to return (the most consequential are kept).")


class CompareManifestsOutput(ToolOutput):
    identical: bool = Field(description="True when nothing recorded in both manifests differs.")
    differences: list[Difference] = Field(
        description="Most consequential first: code, data, config, command, then environment and host."
    )
    total: int = Field(description="How many differences there are (the list may be cut at `limit`).")
    a: str
    b: str


def _known(ws) -> dict[str, Path]:
    """Manifest names and run ids in the store -> manifest path."""
    out: dict[str, Path] = {}
    store = ws.store_root

    def listed(folder: Path, folders: bool = False) -> list[str]:
        try:
            return confine.subdirs(folder) if folders else confine.listdir(folder)
        except (FileNotFoundError, NotADirectoryError, confine.Refused):  # a link in the store is never followed
            return []

    for exp in ws.experiments():
        for name in listed(store / exp / "manifests"):
            if name.endswith(".json"):
                out[name[: -len(".json")]] = store / exp / "manifests" / name
    for name in listed(store / "_manifests"):
        if name.endswith(".json"):
            out[name[: -len(".json")]] = store / "_manifests" / name
    for exp in ws.experiments():
        for run_id in listed(store / exp / "runs", folders=True):
            if names.is_run_id(run_id) and confine.is_file(store / exp / "runs" / run_id / "manifest.json"):
                out[run_id] = store / exp / "runs" / run_id / "manifest.json"
    return out


def resolve_manifest(ws, ref: str) -> Path:
    from experiment_runner.repro.gitsafe import reject_flag_like

    reject_flag_like(ref, "manifest")
    path = ws.resolve(ref, what="manifest")
    if confine.is_dir(path) and confine.is_file(path / "manifest.json"):
        return path / "manifest.json"
    if confine.is_file(path):
        return path
    if names.is_manifest_name(ref):
        known = _known(ws)
        stem = ref[: -len(".json")] if ref.endswith(".json") else ref
        if stem in known:
            return known[stem]
        raise NotFound(
            f"no manifest or run {ref!r} in {ws.display(ws.store_root)}; " + did_you_mean(stem, sorted(known))
        )
    raise NotFound(f"manifest {ref!r} does not exist (looked at {path})")


def compare_manifests_tool(inp: CompareManifestsInput, ctx: ToolContext) -> CompareManifestsOutput:
    """Compare two reproducibility manifests (from check_reproducibility or from launched runs) and list what
    differs in code (commit, uncommitted changes), data hashes, config values and seeds, the command and its
    environment variables, the environment (Python, torch, CUDA runtime, cuDNN, NCCL, GPUs, driver, every
    package) and the host, most consequential first, each with both values and why it matters. Read-only."""
    from experiment_runner.repro import compare_manifests, load_manifest

    ws = ctx.workspace
    pa, pb = resolve_manifest(ws, inp.a), resolve_manifest(ws, inp.b)
    diffs = compare_manifests(load_manifest(pa), load_manifest(pb))
    shown = diffs[: inp.limit]
    real = [d for d in diffs if d.status == "differs"]
    unrecorded = len(diffs) - len(real)
    if not real:
        summary = "Everything both manifests record is the same: code, data, config, command and environment."
    else:
        top = "; ".join(f"{d.area} {d.item}: {d.a} -> {d.b}" for d in real[:3])
        summary = f"{len(real)} difference(s), most consequential first: {top}"
        if len(summary) > 400:
            summary = summary[:397] + "..."
    if unrecorded:
        summary += f" ({unrecorded} item(s) recorded in one manifest only: not recorded, not compared.)"
    return CompareManifestsOutput(
        summary=summary,
        identical=not real,
        differences=shown,
        total=len(diffs),
        a=ws.display(pa),
        b=ws.display(pb),
    )


SPEC = ToolSpec(
    name="compare_manifests",
    title="Explain what differs between two runs' manifests",
    fn=compare_manifests_tool,
    input_model=CompareManifestsInput,
    output_model=CompareManifestsOutput,
    read_only=True,
    destructive=False,
    idempotent=True,
)
