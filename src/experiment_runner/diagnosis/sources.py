"""Where the inputs of a diagnosis come from: a recorded run (through the run store), text pasted from anywhere
(a log, an error output), or metric series given directly. Each gives a RunInputs for diagnose()."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from experiment_runner.diagnosis import hparams as H
from experiment_runner.diagnosis.diagnose import RunInputs
from experiment_runner.diagnosis.logs import StreamText, split_numbered, tail_and_head
from experiment_runner.diagnosis.scan import scan_stream, scan_text
from experiment_runner.errors import UserError
from experiment_runner.workspace import confine

SCAN_STATE_DIR = "diagnosis"  # inside a run's folder: the incremental scan state of each stream
TELEMETRY_SAMPLES = 2000
#: A long `\r` run in pasted text (a tqdm bar written to a file: one line of a whole epoch's updates) yields its
#: latest update once per this many bytes: the position in the text stands in for the clock the live parser uses.
PROGRESS_BYTES = 64 << 10


def parse_records(streams: dict[str, bytes]) -> list[dict]:
    """Metric records from raw output, with the run engine's parser (the same one that fills metrics.jsonl), in
    the order each stream printed them (stdout first)."""
    from experiment_runner.runs.metrics_parse import MetricParser

    records: list[dict] = []
    for data in streams.values():
        fed = 0
        parser = MetricParser(progress_interval_s=1.0, clock=lambda: fed / PROGRESS_BYTES)
        for start in range(0, len(data), PROGRESS_BYTES):
            fed = start
            records.extend(parser.feed(data[start : start + PROGRESS_BYTES]))
        records.extend(parser.flush())
    return records


def parse_metrics_text(streams: dict[str, bytes]) -> dict[str, list[tuple[int | None, float]]]:
    """Metric series from raw output."""
    from experiment_runner.runs.metricsio import series

    return series(parse_records(streams))


def _text_stream(name: str, data: bytes, engine: str) -> StreamText:
    result = scan_text(data, engine=engine)

    def read_range(start: int, length: int) -> bytes:
        return data[start : start + length]

    tail, head = tail_and_head(read_range, len(data), result.lines)
    return StreamText(name, result, tail, head)


def from_text(
    log_text: str | None,
    stderr_text: str | None,
    *,
    exit_code: int | None,
    signal: int | None,
    reason: str | None,
    command: list[str] | None,
    series: dict | None,
    engine: str = "auto",
) -> RunInputs:
    streams: dict[str, bytes] = {}
    if log_text:
        streams["stdout"] = log_text.encode("utf-8", "replace")
    if stderr_text:
        streams["stderr"] = stderr_text.encode("utf-8", "replace")
    texts = [_text_stream(name, data, engine) for name, data in streams.items()]
    from experiment_runner.runs.metricsio import series as to_series

    records = parse_records(streams) if streams else []
    parsed = to_series(records)
    if series:
        parsed.update(series)
        records = []  # series given directly replace the parsed ones: pair evaluations by step
    head = [ln for s in texts for ln in s.head]
    hp = H.collect(command, cwd=None, head_lines=head)
    return RunInputs(
        source="log_text",
        streams=texts,
        series=parsed,
        records=records,
        exit_code=exit_code,
        signal=signal,
        reason=reason,
        argv=command,
        hparams=hp,
    )


def normalise_series(metrics: dict[str, list[Any]]) -> dict[str, list[tuple[int | None, float]]]:
    """Accepts, per metric, numbers (the index is the step), [step, value] pairs or {"step":, "value":} objects;
    values may be null, "nan", "inf", "-inf"."""
    out: dict[str, list[tuple[int | None, float]]] = {}
    for name, points in metrics.items():
        if not isinstance(points, list):
            raise UserError(
                f"metrics[{name!r}] must be a list of values or [step, value] pairs, got {type(points).__name__}"
            )
        pts: list[tuple[int | None, float]] = []
        for i, p in enumerate(points):
            step: Any = None
            value: Any = p
            if isinstance(p, (list, tuple)) and len(p) == 2:
                step, value = p
            elif isinstance(p, dict) and "value" in p:
                step, value = p.get("step"), p["value"]
            if value is None:
                continue
            try:
                v = float(value)
            except (TypeError, ValueError):
                raise UserError(
                    f'metrics[{name!r}][{i}] = {p!r} is not a number, [step, value] pair, "nan", "inf" or "-inf"'
                ) from None
            if step is not None:
                try:
                    step = int(step)
                except (TypeError, ValueError):
                    raise UserError(f"metrics[{name!r}][{i}]: step {step!r} is not an integer") from None
            pts.append((step, v))
        out[name] = pts
    return out


class _ViewFile(io.RawIOBase):
    """A read-only file over a LogReader's composed view (head, cut marker, tail segments)."""

    def __init__(self, reader):
        self._reader = reader
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, pos: int, whence: int = 0) -> int:
        self._pos = pos if whence == 0 else self._pos + pos
        return self._pos

    def tell(self) -> int:
        return self._pos

    def read(self, n: int = -1) -> bytes:
        data = self._reader.read_range(self._pos, n if n >= 0 else 1 << 62)
        self._pos += len(data)
        return data


def _run_stream(store, view, stream: str, engine: str) -> StreamText | None:
    reader = store.log_reader(view.run_id, stream)
    parts = reader.parts()
    if parts.size == 0:
        return None
    if parts.joined:  # one file: scanned incrementally, only new bytes each call
        path = store.log_path(view.run_id, stream)
        state = view.dir / SCAN_STATE_DIR / f"{stream}.scan.json"
        with confine.open_file(path, "rb") as f:
            try:
                result = scan_stream(f, engine=engine, state_path=state)
            except PermissionError:  # a read-only store: scan in full, keep no state
                result = scan_stream(f, engine=engine)
    else:  # still past the cap: scan the composed view as it is now
        result = scan_stream(_ViewFile(reader), engine=engine)
    tail, head = tail_and_head(reader.read_range, parts.size, result.lines)
    return StreamText(stream, result, tail, head)


def from_run(ws, run_id: str, *, engine: str = "auto") -> RunInputs:
    from experiment_runner.runs.store import RunStore

    store = RunStore(ws)
    view = store.get(run_id)
    streams = [s for s in (_run_stream(store, view, name, engine) for name in ("stdout", "stderr")) if s]
    from experiment_runner.runs import metricsio

    records = store.read_metrics(run_id)
    series = metricsio.series(records)
    telemetry = store.telemetry(run_id, last=TELEMETRY_SAMPLES)
    head = [ln for s in streams for ln in s.head]
    cwd = Path(view.spec.cwd)

    def resolve(text: str) -> Path:
        return ws.resolve(text, what="config file")

    hp = H.collect(view.spec.argv, cwd=cwd, head_lines=head, resolve=resolve)
    st = view.state
    return RunInputs(
        source="run",
        streams=streams,
        series=series,
        records=records,
        run_id=run_id,
        state=st.state,
        exit_code=st.exit_code,
        signal=st.signal,
        reason=st.reason,
        ended_by=getattr(st, "ended_by", None),
        scheduler=st.scheduler,
        time_limit_s=view.spec.time_limit_s,
        argv=view.spec.argv,
        cwd=view.spec.cwd,
        seed=view.spec.seed,
        telemetry=telemetry,
        hparams=hp,
    )


__all__ = ["from_text", "from_run", "normalise_series", "parse_metrics_text", "split_numbered"]
