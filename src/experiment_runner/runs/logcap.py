"""A run's output on disk, within a cap per stream: the head and the tail are kept, the middle is cut.

Writer (the supervisor): the first half of the cap goes to `<stream>.log`. Past it, `<stream>.cut.json` records
the head size, and output continues in tail segments `<stream>.tail.<offset>.log` (offset = position in the
whole stream) of a quarter of the cap each; only the two newest are kept, so the tail holds between a quarter and
half of the cap. When the run ends the segments are joined into `<stream>.log` (temp file + rename), with a line
saying how many bytes were cut, then the segments and the sidecar are removed.

Reader (the store, status, follow, resources): `LogReader` gives the same view at any moment, joined or not, and
reads only what it returns (the tail from the end), so a status call costs the same for a 10 KB or a 10 GB log.
A crash between the join's rename and the clean-up is recognised: a `<stream>.log` longer than the recorded head
is already joined."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from experiment_runner.fsutil import atomic_write_json
from experiment_runner.workspace import confine

_SEGMENT = re.compile(r"^(stdout|stderr)\.tail\.(\d+)\.log$")


def cut_marker(cut: int, head: int, cap: int) -> bytes:
    return (
        f"\n[experiment-runner: {cut:,} bytes of output cut here; the log keeps the first {head:,} bytes and the "
        f"last part, within runs.log_cap_mb = {cap / 2**20:g}]\n"
    ).encode()


class CappedLogWriter:
    def __init__(self, run_dir: Path, stream: str, cap_bytes: int):
        self.dir = Path(run_dir)
        self.stream = stream
        self.cap = max(4096, int(cap_bytes))
        self.head_cap = self.cap // 2
        self.segment_cap = max(1024, self.cap // 4)
        self.path = self.dir / f"{stream}.log"
        self.total = 0  # bytes the child wrote
        self._fd = confine.open_fd(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._in_head = True
        self._seg_start = 0
        self._seg_size = 0
        self._segments: list[int] = []  # start offsets of kept segments, oldest first

    def write(self, data: bytes) -> None:
        if not data:
            return
        view = memoryview(data)
        while view:
            if self._in_head:
                room = self.head_cap - self.total
                if len(view) <= room:
                    os.write(self._fd, view)
                    self.total += len(view)
                    return
                # Prefer ending the head at a line end when one is near.
                part = bytes(view[:room])
                nl = part.rfind(b"\n")
                take = nl + 1 if nl >= 0 and room - nl < 65536 else room
                if take:
                    os.write(self._fd, view[:take])
                    self.total += take
                view = view[take:]
                self._start_tail()
                continue
            room = self.segment_cap - self._seg_size
            if room <= 0:
                self._next_segment()
                continue
            chunk = view[:room]
            os.write(self._fd, chunk)
            self._seg_size += len(chunk)
            self.total += len(chunk)
            view = view[len(chunk) :]

    def _start_tail(self) -> None:
        os.close(self._fd)
        head = confine.stat(self.path).st_size
        atomic_write_json(self.dir / f"{self.stream}.cut.json", {"head_bytes": head, "cap_bytes": self.cap})
        self._in_head = False
        self._open_segment(self.total)

    def _open_segment(self, start: int) -> None:
        self._seg_start, self._seg_size = start, 0
        self._segments.append(start)
        self._fd = confine.open_fd(self._segment_path(start), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)

    def _segment_path(self, start: int) -> Path:
        return self.dir / f"{self.stream}.tail.{start}.log"

    def _next_segment(self) -> None:
        os.close(self._fd)
        self._open_segment(self.total)
        while len(self._segments) > 2:
            old = self._segments.pop(0)
            confine.unlink(self._segment_path(old), missing_ok=True)

    def close(self) -> None:
        """Flush and, when the output passed the cap, join head + marker + tail into `<stream>.log`."""
        if self._fd < 0:
            return
        os.close(self._fd)
        self._fd = -1
        if not self._in_head:
            join(self.dir, self.stream)


def _segments(run_dir: Path, stream: str) -> list[tuple[int, Path]]:
    out = []
    try:
        names = confine.listdir(run_dir)
    except FileNotFoundError:
        return []
    for name in names:
        m = _SEGMENT.match(name)
        if m and m.group(1) == stream:
            out.append((int(m.group(2)), run_dir / name))
    return sorted(out)


def join(run_dir: Path, stream: str) -> None:
    """Join a cut log's head and tail segments into `<stream>.log` (idempotent, crash-safe)."""
    reader = LogReader(run_dir, stream)
    parts = reader.parts()
    if parts.joined:
        _cleanup(run_dir, stream)
        return
    tmp = run_dir / f".{stream}.log.joining"
    with confine.open_file(tmp, "wb") as out:
        for path, start, length in parts.pieces:
            if path is None:
                out.write(parts.marker)
                continue
            with confine.open_file(path, "rb") as f:
                f.seek(start)
                remaining = length
                while remaining > 0:
                    block = f.read(min(1 << 20, remaining))
                    if not block:
                        break
                    out.write(block)
                    remaining -= len(block)
        out.flush()
        os.fsync(out.fileno())
    confine.rename(tmp, run_dir / f"{stream}.log")
    _cleanup(run_dir, stream)


def _cleanup(run_dir: Path, stream: str) -> None:
    for _, path in _segments(run_dir, stream):
        confine.unlink(path, missing_ok=True)
    confine.unlink(run_dir / f"{stream}.cut.json", missing_ok=True)


@dataclass
class Parts:
    pieces: list[tuple[Path | None, int, int]]  # (file, offset, length); None = the cut marker
    marker: bytes
    size: int  # bytes of the composed view
    cut: int  # bytes of output not kept
    total: int  # bytes the child wrote (as far as the files tell)
    joined: bool


class LogReader:
    """The composed view of one stream of one run, whatever stage the cap is at."""

    def __init__(self, run_dir: Path, stream: str):
        self.dir = Path(run_dir)
        self.stream = stream
        self.path = self.dir / f"{stream}.log"

    def parts(self) -> Parts:
        try:
            size = confine.stat(self.path).st_size
        except FileNotFoundError:
            size = 0
        cut_info = None
        sidecar = self.dir / f"{self.stream}.cut.json"
        if confine.is_file(sidecar):
            try:
                cut_info = json.loads(confine.read_bytes(sidecar))
            except (OSError, ValueError):
                cut_info = None
        segs = _segments(self.dir, self.stream) if cut_info else []
        if not cut_info or not segs or size > int(cut_info.get("head_bytes", 0)):
            return Parts([(self.path, 0, size)] if size else [], b"", size, 0, size, True)
        head = int(cut_info["head_bytes"])
        cap = int(cut_info.get("cap_bytes", 0))
        pieces: list[tuple[Path | None, int, int]] = [(self.path, 0, head)]
        first_kept = segs[0][0]
        cut = max(0, first_kept - head)
        marker = cut_marker(cut, head, cap) if cut else b""
        if marker:
            pieces.append((None, 0, len(marker)))
        total = head
        for start, path in segs:
            try:
                length = confine.stat(path).st_size
            except FileNotFoundError:
                continue
            pieces.append((path, 0, length))
            total = start + length
        return Parts(pieces, marker, sum(p[2] for p in pieces), cut, total, False)

    def size(self) -> int:
        return self.parts().size

    def read_range(self, start: int, length: int) -> bytes:
        """Bytes [start, start+length) of the composed view."""
        parts = self.parts()
        out = bytearray()
        pos = 0
        for path, off, plen in parts.pieces:
            if length <= 0:
                break
            if start < pos + plen:
                inner = max(0, start - pos)
                take = min(plen - inner, length)
                if path is None:
                    out += parts.marker[inner : inner + take]
                else:
                    try:
                        with confine.open_file(path, "rb") as f:
                            f.seek(off + inner)
                            out += f.read(take)
                    except FileNotFoundError:  # a segment rotated away under us: stop short rather than fail
                        break
                start += take
                length -= take
            pos += plen
        return bytes(out)

    def tail(self, max_bytes: int) -> tuple[bytes, int]:
        """The last `max_bytes` of the view and how many bytes come before them."""
        size = self.size()
        start = max(0, size - max_bytes)
        return self.read_range(start, size - start), start

    def head(self, max_bytes: int) -> bytes:
        return self.read_range(0, max_bytes)


def tail_text(run_dir: Path, stream: str, *, max_lines: int = 40, max_bytes: int = 8192) -> tuple[str, int]:
    """The last lines of a stream, decoded, within `max_bytes`; and how many bytes before them are not shown.
    A partial first line is dropped so what is shown starts at a line start."""
    data, before = LogReader(run_dir, stream).tail(max_bytes)
    if before and b"\n" in data:
        nl = data.index(b"\n") + 1
        before += nl
        data = data[nl:]
    # tqdm and friends redraw with carriage returns: show the last state of each line.
    lines = [ln.rstrip(b"\r").rsplit(b"\r", 1)[-1] for ln in data.split(b"\n")]
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) > max_lines:
        dropped = lines[: len(lines) - max_lines]
        before += sum(len(d) + 1 for d in dropped)
        lines = lines[-max_lines:]
    return "\n".join(ln.decode("utf-8", "replace") for ln in lines), before
