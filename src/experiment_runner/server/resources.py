"""MCP resources: read-only views of what the store holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError

from experiment_runner.errors import UserError
from experiment_runner.workspace import Workspace, confine


def register_resources(server: MCPServer, root: Path) -> None:
    @server.resource(
        "experiments://index",
        name="experiments",
        title="Experiments in this workspace",
        description="Every experiment with its brief versions (and which are pre-registered).",
        mime_type="application/json",
    )
    def experiments_index() -> str:
        from experiment_runner.briefs import store

        ws = Workspace(root)
        out = []
        for name in ws.experiments():
            try:
                recs = [store.load(ws, name, v) for v in store.versions(ws, name)]
                out.append(
                    {
                        "experiment": name,
                        "brief_versions": [r.version for r in recs],
                        "confirmed_versions": [r.version for r in recs if r.status == "confirmed"],
                    }
                )
            except UserError as e:
                out.append({"experiment": name, "error": str(e)})
        return json.dumps(out, indent=2)

    @server.resource(
        "brief://{experiment}",
        name="brief",
        title="Latest brief of an experiment",
        description="The latest version of an experiment's brief, as markdown.",
        mime_type="text/markdown",
    )
    def latest_brief(experiment: str) -> str:
        from experiment_runner.briefs import store

        ws = Workspace(root)
        try:
            record = store.latest(ws, experiment)
        except UserError as e:
            raise ResourceError(str(e)) from None
        if record is None:
            raise ResourceError(f"experiment {experiment!r} has no brief yet (call draft_brief)")
        return _render(record)

    @server.resource(
        "brief://{experiment}/v{version}",
        name="brief_version",
        title="One version of a brief",
        description="A given version of an experiment's brief, as markdown (pre-registered versions show their hash).",
        mime_type="text/markdown",
    )
    def brief_version(experiment: str, version: str) -> str:
        from experiment_runner.briefs import store

        if not version.isdigit():
            raise ResourceError(f"brief version {version!r} is not a number; use e.g. brief://{experiment}/v1")
        try:
            return _render(store.load(Workspace(root), experiment, int(version)))
        except UserError as e:
            raise ResourceError(str(e)) from None


#: Most bytes of a log a resource read returns: the head and the tail around a marker beyond it.
RUN_LOG_RESOURCE_BYTES = 1 << 20
#: Most points per metric a metrics resource returns (evenly downsampled beyond it, first and last kept).
RUN_METRIC_RESOURCE_POINTS = 5000


def register_run_resources(server: MCPServer, root: Path) -> None:
    """A run's logs and metrics as resources: run://{run_id}/log, run://{run_id}/stderr, run://{run_id}/metrics."""

    def _log(run_id: str, stream: str) -> str:
        from experiment_runner.runs.store import RunStore

        try:
            reader = RunStore(Workspace(root)).log_reader(run_id, stream)
        except UserError as e:
            raise ResourceError(str(e)) from None
        size = reader.size()
        if size <= RUN_LOG_RESOURCE_BYTES:
            data = reader.head(size)
        else:
            head_n = RUN_LOG_RESOURCE_BYTES // 8
            tail, start = reader.tail(RUN_LOG_RESOURCE_BYTES - head_n)
            data = (
                reader.head(head_n)
                + f"\n[... {start - head_n:,} bytes not shown here; the whole log is {size:,} bytes ...]\n".encode()
                + tail
            )
        return data.decode("utf-8", "replace")

    @server.resource(
        "run://{run_id}/log",
        name="run_log",
        title="A run's output (stdout)",
        description="The run's standard output as kept on disk (beyond 1 MiB: the start and the end, with a marker).",
        mime_type="text/plain",
    )
    def run_log(run_id: str) -> str:
        return _log(run_id, "stdout")

    @server.resource(
        "run://{run_id}/stderr",
        name="run_stderr",
        title="A run's error output (stderr)",
        description="The run's standard error as kept on disk (beyond 1 MiB: the start and the end, with a marker).",
        mime_type="text/plain",
    )
    def run_stderr(run_id: str) -> str:
        return _log(run_id, "stderr")

    @server.resource(
        "run://{run_id}/metrics",
        name="run_metrics",
        title="A run's metrics",
        description="Every metric of the run as series of [step, value] (values 'nan'/'inf' where not finite; beyond "
        "5000 points a series is evenly downsampled and its full length given), with the run's state.",
        mime_type="application/json",
    )
    def run_metrics(run_id: str) -> str:
        import math

        from experiment_runner.runs.store import RunStore

        def enc(v: float):
            return v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))

        try:
            store = RunStore(Workspace(root))
            view = store.get(run_id)
            series = store.metric_series(run_id)
        except UserError as e:
            raise ResourceError(str(e)) from None
        from experiment_runner.runs.summary import downsample

        out, lengths = {}, {}
        for name, points in sorted(series.items()):
            kept = points
            if len(points) > RUN_METRIC_RESOURCE_POINTS:
                lengths[name] = len(points)
                kept = downsample(points, RUN_METRIC_RESOURCE_POINTS)
            out[name] = [[step, enc(v)] for step, v in kept]
        return json.dumps(
            {
                "run_id": run_id,
                "experiment": view.spec.experiment,
                "arm": view.spec.arm,
                "seed": view.spec.seed,
                "state": view.state.state,
                "series": out,
                "downsampled_from": lengths,
            }
        )


def register_status_resources(server: MCPServer, root: Path) -> None:
    """A run's status and a launch's, as the notification hook gets them: run://{run_id}/status and
    launch://{experiment}/{launch_id}. Subscribing to them is how a client hears that a run or a launch ended."""

    @server.resource(
        "run://{run_id}/status",
        name="run_status",
        title="A run's status",
        description="The run's state, how it ended, its attempts, latest metrics, health and checkpoint disk use "
        "(JSON). Subscribe to hear when it starts another attempt, ends, or a health signal turns critical.",
        mime_type="application/json",
    )
    def run_status(run_id: str) -> str:
        from experiment_runner.runs.digest import run_digest
        from experiment_runner.runs.store import RunStore

        try:
            return json.dumps(run_digest(RunStore(Workspace(root)).get(run_id)))
        except UserError as e:
            raise ResourceError(str(e)) from None

    @server.resource(
        "launch://{experiment}/{launch_id}",
        name="launch_status",
        title="A launch's runs",
        description="The states of the runs one launch_training call started (JSON). Subscribe to hear when each "
        "ends, and so when the launch has.",
        mime_type="application/json",
    )
    def launch_status(experiment: str, launch_id: str) -> str:
        from experiment_runner.runs.digest import launch_digest
        from experiment_runner.runs.store import RunStore

        try:
            views = RunStore(Workspace(root)).launch_runs(experiment, launch_id)
        except UserError as e:
            raise ResourceError(str(e)) from None
        if not views:
            raise ResourceError(f"experiment {experiment!r} has no launch {launch_id!r} (launch_training returns it)")
        return json.dumps(launch_digest(experiment, launch_id, views))


def _render(record) -> str:
    from experiment_runner.prompts import render

    return render(
        "brief.md.j2",
        experiment=record.experiment,
        version=record.version,
        status=record.status,
        confirmed_at=record.confirmed_at,
        content_hash=record.content_hash,
        brief=record.brief,
        problems=[],
    )


_REPORT_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
#: The folder of results-file reports (not an experiment: experiment names start with a letter or digit).
RESULTS_REPORTS = "_reports"


def register_report_resources(server: MCPServer, root: Path) -> None:
    """A compiled report's files as resources: report://{experiment}/{report}/report.md (and report.json,
    figures/{name}.png, figures/{name}.svg); results-file reports under report://_reports/{report}/..."""

    def _read(experiment: str, report: str, inner: str) -> bytes:
        ws = Workspace(root)
        try:
            base = ws.store_root / RESULTS_REPORTS if experiment == RESULTS_REPORTS else ws.experiment_dir(experiment)
        except UserError as e:
            raise ResourceError(str(e)) from None
        if experiment != RESULTS_REPORTS:
            base = base / "reports"
        for part in (report, *inner.split("/")):
            if not _REPORT_PART.match(part):
                raise ResourceError(f"{part!r} is not a report or file name (see compile_report's files)")
        path = base / report / inner
        try:  # by descriptor below the workspace root: a link in the store is refused, never followed
            return confine.read_bytes(path)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            known = sorted(confine.subdirs(base)) if confine.is_dir(base) else []
            raise ResourceError(
                f"no {inner} in report {report!r} of {experiment!r}; reports there: {', '.join(known[-5:]) or 'none'}"
            ) from None
        except confine.Refused as e:
            raise ResourceError(str(e)) from None

    @server.resource(
        "report://{experiment}/{report}/report.md",
        name="report_markdown",
        title="A compiled report",
        description="A report written by compile_report, as markdown (results-file reports: experiment '_reports').",
        mime_type="text/markdown",
    )
    def report_markdown(experiment: str, report: str) -> str:
        return _read(experiment, report, "report.md").decode("utf-8", "replace")

    @server.resource(
        "report://{experiment}/{report}/report.json",
        name="report_json",
        title="A compiled report's data",
        description="The report's numbers for programs: every arm, metric, comparison and run.",
        mime_type="application/json",
    )
    def report_json(experiment: str, report: str) -> str:
        return _read(experiment, report, "report.json").decode("utf-8", "replace")

    @server.resource(
        "report://{experiment}/{report}/figures/{name}.png",
        name="report_figure_png",
        title="A report figure (PNG)",
        description="A figure of a compiled report: per-seed values or learning curves of a metric.",
        mime_type="image/png",
    )
    def report_figure_png(experiment: str, report: str, name: str) -> bytes:
        return _read(experiment, report, f"figures/{name}.png")

    @server.resource(
        "report://{experiment}/{report}/figures/{name}.svg",
        name="report_figure_svg",
        title="A report figure (SVG)",
        description="A figure of a compiled report, as SVG (text stays text).",
        mime_type="image/svg+xml",
    )
    def report_figure_svg(experiment: str, report: str, name: str) -> str:
        return _read(experiment, report, f"figures/{name}.svg").decode("utf-8", "replace")
