"""The run store: every run of every experiment under `<store>/<experiment>/runs/<run_id>/` (files described in
runs/model.py). Readers go through this module; the launcher and supervisors write through runs/records.py.

Contract other parts of the package code against (keep it exactly):

    from experiment_runner.runs.store import RunStore
    store = RunStore(workspace)                      # a Workspace from experiment_runner.workspace
    store.list_runs(experiment=None, arm=None, states=None) -> list[RunView]   # fast over 1000s of runs
    store.get(run_id) -> RunView                     # NotFound naming close run ids
    store.view_at(folder) -> RunView                 # a folder run_dirs(experiment) listed, not looked up again
    store.launch_runs(experiment, launch_id) -> list[RunView]   # the runs of one launch_training call
    RunView: .spec (RunSpec), .state (RunState, after liveness reconciliation), .dir (Path)
    (each reader below takes a run id, or a RunView already read: then its folder is used, not looked up again)
    store.read_metrics(run_id) -> list[dict]         # records of metrics.jsonl, "nan"/"inf" strings decoded to floats
    store.metric_series(run_id) -> dict[str, list[tuple[int | None, float]]]
    store.metric_points(run_id) -> dict[str, list[tuple[int | None, float, int]]]   # ... and the attempt of each
    store.log_path(run_id, "stdout" | "stderr") -> Path
    store.manifest(run_id) -> dict | None

Reconciliation: a run that is not terminal is checked against its backend each time it is read (for local runs:
supervisor pid + start ticks, then the child's, then the launcher's for queued runs). What is found is written
back atomically, so every reader sees the same verdict. `RunView.state.heartbeat_at` is the mtime of the run's
heartbeat file. Run ids are unique across the store's experiments.

`log_path` is the log file itself. Once a run has ended it holds the whole kept log (head, a line saying how much
was cut, tail). While a run that passed the log cap still goes, its newest output is in tail segments beside it:
`store.log_tail(...)` and `store.log_reader(...)` give the composed view at any moment."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from experiment_runner.errors import NotFound, UserError, did_you_mean
from experiment_runner.runs import metricsio, records
from experiment_runner.runs.logcap import LogReader, tail_text
from experiment_runner.runs.model import RUN_STATES, TERMINAL_STATES, HealthSignal, RunView
from experiment_runner.workspace import Workspace, confine, names

STREAMS = ("stdout", "stderr")


# A run named by its id (looked up in the store) or a view already read (its folder is used as it is).
RunRef = str | RunView

__all__ = ["RunStore", "RunView"]  # RunView lives in runs/model.py; importing it from here keeps working


class RunStore:
    def __init__(self, workspace: Workspace):
        self.ws = workspace
        self.root = workspace.store_root

    # --- locating ----------------------------------------------------------------------------------------------

    def runs_dir(self, experiment: str) -> Path:
        return self.ws.experiment_dir(experiment) / "runs"

    def _experiment_names(self) -> list[str]:
        return self.ws.experiments()

    def run_dirs(self, experiment: str | None = None) -> Iterable[Path]:
        names = [experiment] if experiment is not None else self._experiment_names()
        for name in names:
            d = self.runs_dir(name)
            try:
                entries = confine.subdirs(d)  # a link where a run folder should be is never listed
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                if entry.startswith("."):
                    continue  # a run being created (temp folder) or other hidden file
                yield d / entry

    def find_dir(self, run_id: str) -> Path:
        names.run_id(run_id)
        for name in self._experiment_names():
            d = self.runs_dir(name) / run_id
            if confine.is_file(d / records.SPEC):
                return d
        known = [p.name for p in self.run_dirs()]
        raise NotFound(f"no run {run_id!r} in this workspace; " + did_you_mean(run_id, known))

    # --- reading -----------------------------------------------------------------------------------------------

    def _load(self, d: Path, *, reconcile: bool = True) -> RunView | None:
        try:
            spec = records.read_spec(d)
            state = records.read_state(d)
        except FileNotFoundError:
            return None
        except (ValueError, OSError) as e:
            raise UserError(
                f"run folder {d} holds an unreadable record ({e}); it was not written by experiment-runner or was "
                "edited by hand"
            ) from None
        view = RunView(spec=spec, state=state, dir=d)
        if reconcile and state.state not in TERMINAL_STATES:
            self._reconcile(view)
        if view.state.state == "running":
            hb = records.heartbeat_time(d)
            if hb is not None:
                view.state = view.state.model_copy(update={"heartbeat_at": hb})
        return view

    def _reconcile(self, view: RunView) -> None:
        from experiment_runner.runs.backends import get_backend

        try:
            backend = get_backend(view.spec.backend)
        except UserError:
            return  # a backend this installation lacks: show the record as it is
        new = backend.reconcile(view)
        if new is None:
            return
        # Record the verdict unless a writer got there first with a final state.
        try:
            current = records.read_state(view.dir)
        except (OSError, ValueError):
            current = view.state
        if current.state in TERMINAL_STATES:
            view.state = current
            return
        if new.state in TERMINAL_STATES or new != current:
            records.write_state(view.dir, new)
        view.state = new
        if new.state in TERMINAL_STATES:  # found ended here (lost, or the scheduler's verdict): tell the hook
            from experiment_runner.runs import notify

            try:
                notify.fire_for(view.dir, view.spec.launch_id, "run_ended")
            except OSError:
                pass  # a hook that cannot start must not break reading the store

    def get(self, run_id: str) -> RunView:
        return self.view_at(self.find_dir(run_id))

    def view_at(self, d: Path) -> RunView:
        """The run in folder d (one that run_dirs listed), read without looking its id up again."""
        view = self._load(d)
        if view is None:
            raise NotFound(f"run {d.name!r} is incomplete on disk ({d} lacks spec.json or state.json)")
        return view

    def _dir(self, run: RunRef) -> Path:
        """The folder of a run: a view's own, or the one its id names."""
        return run.dir if isinstance(run, RunView) else self.find_dir(run)

    def list_runs(
        self, experiment: str | None = None, arm: str | None = None, states: Iterable[str] | None = None
    ) -> list[RunView]:
        """Runs in launch order (creation time, then id), filtered. `states` filters after reconciliation."""
        wanted = set(states) if states else None
        if wanted:
            bad = sorted(wanted - set(RUN_STATES))
            if bad:
                raise UserError(f"unknown run state(s) {', '.join(map(repr, bad))}; valid: {', '.join(RUN_STATES)}")
        if experiment is not None and experiment not in self._experiment_names():
            raise NotFound(f"unknown experiment {experiment!r}; " + did_you_mean(experiment, self._experiment_names()))
        out = []
        for d in self.run_dirs(experiment):
            view = self._load(d)
            if view is None:
                continue
            if arm is not None and view.spec.arm != arm:
                continue
            if wanted and view.state.state not in wanted:
                continue
            out.append(view)
        out.sort(key=lambda v: (v.spec.created_at, v.spec.run_id))
        return out

    def launch_runs(self, experiment: str, launch_id: str) -> list[RunView]:
        """The runs one launch_training call started (they share RunSpec.launch_id), in launch order. Read from the
        run records alone, so it holds however the launch itself is carried out."""
        out = []
        for d in self.run_dirs(experiment):
            try:
                if records.read_spec(d).launch_id != launch_id:
                    continue
            except (OSError, ValueError):
                continue  # incomplete or unreadable: list_runs and get report those
            view = self._load(d)
            if view is not None:
                out.append(view)
        out.sort(key=lambda v: (v.spec.created_at, v.spec.run_id))
        return out

    def arms(self, experiment: str) -> list[str]:
        return sorted({v.spec.arm for d in self.run_dirs(experiment) if (v := self._load(d, reconcile=False))})

    # --- a run's data ------------------------------------------------------------------------------------------

    def read_metrics(self, run: RunRef) -> list[dict]:
        return metricsio.read_records(self._dir(run) / records.METRICS)

    def metric_series(self, run: RunRef) -> dict[str, list[tuple[int | None, float]]]:
        """Per metric, (step, value): one series across a retried run's attempts (see metricsio.merged_series)."""
        return metricsio.series(self.read_metrics(run))

    def metric_points(self, run: RunRef) -> dict[str, list[tuple[int | None, float, int]]]:
        """metric_series with the attempt that logged each value."""
        return metricsio.merged_series(self.read_metrics(run))

    def log_path(self, run: RunRef, stream: str = "stdout") -> Path:
        _check_stream(stream)
        return self._dir(run) / f"{stream}.log"

    def log_reader(self, run: RunRef, stream: str = "stdout") -> LogReader:
        _check_stream(stream)
        return LogReader(self._dir(run), stream)

    def log_tail(
        self, run: RunRef, stream: str = "stdout", *, max_lines: int = 40, max_bytes: int = 8192
    ) -> tuple[str, int]:
        """The last lines of a log (within max_bytes) and how many bytes before them are not shown."""
        _check_stream(stream)
        return tail_text(self._dir(run), stream, max_lines=max_lines, max_bytes=max_bytes)

    def manifest(self, run: RunRef) -> dict | None:
        try:
            data = records.read_json(self._dir(run) / records.MANIFEST)
        except FileNotFoundError:
            return None
        except ValueError as e:
            raise UserError(f"the manifest of run {self._dir(run).name!r} is not valid JSON: {e}") from None
        return data if isinstance(data, dict) else None

    def health(self, run: RunRef) -> list[HealthSignal]:
        try:
            data = records.read_json(self._dir(run) / records.HEALTH)
        except (FileNotFoundError, ValueError):
            return []
        out = []
        for item in data if isinstance(data, list) else []:
            try:
                out.append(HealthSignal.model_validate(item))
            except ValueError:
                continue
        return out

    def telemetry(self, run: RunRef, last: int = 1) -> list[dict]:
        """The last `last` telemetry samples (read from the end of the file)."""
        path = self._dir(run) / records.TELEMETRY
        try:
            with confine.open_file(path, "rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                f.seek(max(0, size - 4096 * max(1, last)))
                data = f.read()
        except FileNotFoundError:
            return []
        out = []
        import json

        for line in data.split(b"\n")[-(last + 1) :]:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                out.append(obj)
        return out[-last:]


def _check_stream(stream: str) -> None:
    if stream not in STREAMS:
        raise UserError(f"log stream {stream!r} is not valid; valid: {', '.join(STREAMS)}")
