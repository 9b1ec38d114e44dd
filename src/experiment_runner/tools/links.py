"""Resource references tools put in their results instead of inlining large things: a run's logs and metrics, a
report's files. The URIs are the ones the MCP server serves (server/resources.py); tests read every link back."""

from __future__ import annotations

from pathlib import Path

from experiment_runner.runs import records
from experiment_runner.runs.logcap import LogReader
from experiment_runner.runs.store import RunView
from experiment_runner.tools.base import ResourceRef
from experiment_runner.workspace import Workspace

MIME = {".md": "text/markdown", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml"}
#: Report files worth a link: the report for people, the one for programs, and the raster figures (the SVGs
#: beside them draw the same).
REPORT_LINKED = (".md", ".json", ".png")


def run_log(view: RunView, stream: str = "stdout") -> ResourceRef:
    uri_part = "log" if stream == "stdout" else stream
    return ResourceRef(
        uri=f"run://{view.run_id}/{uri_part}",
        name=f"{uri_part} of {view.run_id}",
        mime_type="text/plain",
        size=LogReader(view.dir, stream).size(),
        description=f"The run's standard {'output' if stream == 'stdout' else 'error'} (beyond 1 MiB: start and end).",
    )


def run_metrics(view: RunView) -> ResourceRef:
    try:
        size = (view.dir / records.METRICS).stat().st_size
    except FileNotFoundError:
        size = 0
    return ResourceRef(
        uri=f"run://{view.run_id}/metrics",
        name=f"metrics of {view.run_id}",
        mime_type="application/json",
        size=size,
        description="Every metric of the run as [step, value] series, with its state.",
    )


def run_refs(view: RunView) -> list[ResourceRef]:
    """A run's output, its error output when it has any, and its metrics."""
    refs = [run_log(view, "stdout")]
    err = run_log(view, "stderr")
    if err.size:
        refs.append(err)
    refs.append(run_metrics(view))
    return refs


def report_refs(ws: Workspace, report_dir: Path, files: list[Path]) -> list[ResourceRef]:
    """report://<experiment>/<report>/<file> (results-file reports: report://_reports/<report>/<file>)."""
    rel = report_dir.relative_to(ws.store_root).parts
    base = f"report://{rel[0]}/{rel[-1]}"
    refs = []
    for path in files:
        if path.suffix not in REPORT_LINKED:
            continue
        inner = path.relative_to(report_dir).as_posix()
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue
        refs.append(ResourceRef(uri=f"{base}/{inner}", name=inner, mime_type=MIME.get(path.suffix), size=size))
    return refs
