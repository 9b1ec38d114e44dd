"""System telemetry for one run: CPU and memory of its process tree, utilisation and memory of its GPUs.

    sampler = TelemetrySampler(child_pid, gpu_indices)
    sample = sampler.sample()   # every few seconds
    sampler.close()

A sample: {"time", "cpu_percent", "rss_bytes", "procs", "gpus": [...]} or, when GPUs were assigned but cannot be
read, "gpu": "unavailable: <why>" instead of "gpus". A run without GPUs gets "gpus": [].

- The tree: the root and its descendants, plus, when the root leads its own session (runs are started with
  setsid), every process of that session (grandchildren re-parented after their parent died). On Linux one
  pass over /proc/*/stat gives parents, sessions, CPU times and RSS; elsewhere psutil.
- cpu_percent: CPU time used by the tree since the previous sample (since construction for the first) per
  second of wall time, x100 (400 = four cores busy). Children that exit and are reaped inside the tree keep
  counting (their time moves to the parent's reaped-children time); time of processes reaped outside the
  tree is lost, never negative. rss_bytes: the sum of RSS over the tree (shared pages counted per process,
  so an upper bound when workers are forked).
- GPUs through pynvml (nvidia-ml-py), for the assigned devices only. `gpu_indices` are the run's
  CUDA_VISIBLE_DEVICES ordinals as the engine hands them out: when this process itself runs under
  CUDA_VISIBLE_DEVICES they are positions in that list (integers or GPU-/MIG- UUIDs), otherwise NVML indices
  (CUDA and NVML agree on the order when CUDA_DEVICE_ORDER=PCI_BUS_ID). `resolve_visible_devices` does that
  mapping, so the engine can set the child's CUDA_VISIBLE_DEVICES from the same answer. Each GPU entry:
  index, name, util_percent, mem_used_bytes, mem_total_bytes, and proc_mem_used_bytes (memory used by the
  run's own processes) when NVML can tell. No pynvml, no driver, or an NVML error at start: "unavailable:
  why", decided once; NVML failing on every GPU for 3 samples in a row: unavailable from then on.

Not thread-safe; one sampler per run.
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["TelemetrySampler", "resolve_visible_devices"]

_GIVE_UP_AFTER = 3  # consecutive samples in which NVML failed for every GPU
_FULL_SCAN_EVERY = 12  # samples between passes over all of /proc (a minute at the default 5 s)


def _stat_fields(pid: int) -> list | None:
    """Fields 3.. of /proc/<pid>/stat (index 0 = state, 1 = ppid, 3 = session, 11-14 = utime stime cutime
    cstime, 19 = start time, 21 = rss pages), or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after its last ')'
    return raw[raw.rfind(b")") + 2 :].split()


def resolve_visible_devices(indices: list[int], environ=None) -> list[str]:
    """Device identifiers (NVML index as a string, or a GPU-/MIG- UUID) for the run's GPU ordinals.

    Under CUDA_VISIBLE_DEVICES="4,5" ordinal 0 is device "4"; without it ordinal 0 is device "0". Raises
    ValueError naming the ordinal and the visible list when an ordinal is not visible."""
    env = os.environ if environ is None else environ
    visible = env.get("CUDA_VISIBLE_DEVICES")
    if visible is None or not visible.strip():
        return [str(int(i)) for i in indices]
    entries = [e.strip() for e in visible.split(",") if e.strip()]
    out = []
    for i in indices:
        if not 0 <= int(i) < len(entries):
            raise ValueError(
                f"GPU {i} is not visible: CUDA_VISIBLE_DEVICES={visible!r} offers ordinals 0..{len(entries) - 1}"
            )
        out.append(entries[int(i)])
    return out


class TelemetrySampler:
    def __init__(self, root_pid: int, gpu_indices: list[int]):
        self.root_pid = int(root_pid)
        self._linux = sys.platform.startswith("linux") and os.path.isdir("/proc")
        self._tick = os.sysconf("SC_CLK_TCK") if self._linux else 100
        self._page = os.sysconf("SC_PAGE_SIZE") if self._linux else 4096
        self._samples = 0
        self._known: dict[int, bytes] = {}  # the tree at the last sample: pid -> start time (pids get reused)
        self._children_files = self._linux and os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
        self._gpus = _Gpus(list(gpu_indices))
        self._last_wall = time.monotonic()
        self._last_cpu, _, _, _ = self._tree()

    def sample(self) -> dict:
        cpu_total, rss, pids, _ = self._tree()
        now = time.monotonic()
        elapsed = now - self._last_wall
        used = cpu_total - self._last_cpu
        self._last_wall, self._last_cpu = now, cpu_total
        out: dict = {
            "time": round(time.time(), 3),
            "cpu_percent": round(max(0.0, used) / elapsed * 100, 1) if elapsed > 0 else 0.0,
            "rss_bytes": rss,
            "procs": len(pids),
        }
        out.update(self._gpus.sample(pids))
        return out

    def close(self) -> None:
        self._gpus.close()

    # -- the process tree ---------------------------------------------------------------------------------
    def _tree(self) -> tuple[float, int, set[int], dict]:
        """(total CPU seconds incl. reaped children, RSS bytes, pids, per-pid info) of the run's processes."""
        if self._linux:
            try:
                return self._tree_proc()
            except OSError:
                self._linux = False  # e.g. /proc mounted with hidepid: psutil knows the other ways
        return self._tree_psutil()

    def _tree_proc(self):
        """Linux. Usually a walk from the known processes through /proc/<pid>/task/<pid>/children (cost grows
        with the tree, not with the machine); every _FULL_SCAN_EVERY samples one pass over all of /proc also
        finds children forked by other threads and session members whose parent died."""
        self._samples += 1
        if self._samples % _FULL_SCAN_EVERY == 1 or not self._children_files:
            found = self._full_scan()
        else:
            found = self._walk()
        self._known = {pid: fields[19] for pid, fields in found.items()}
        ticks = pages = 0
        for f in found.values():
            ticks += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
            pages += int(f[21])
        return ticks / self._tick, pages * self._page, set(found), found

    def _walk(self) -> dict[int, list]:
        known = self._known
        found: dict[int, list] = {}
        todo = list(known) if known else [self.root_pid]
        while todo:
            pid = todo.pop()
            if pid in found:
                continue
            fields = _stat_fields(pid)
            if fields is None:
                continue
            start = known.get(pid)
            if start is not None and fields[19] != start:
                continue  # the pid now belongs to another process
            found[pid] = fields
            try:
                with open(f"/proc/{pid}/task/{pid}/children", "rb") as f:
                    todo.extend(int(c) for c in f.read().split())
            except OSError:
                pass
        return found if self.root_pid in found else {}

    def _full_scan(self) -> dict[int, list]:
        stats: dict[int, list] = {}
        children: dict[int, list[int]] = {}
        root = self.root_pid
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            fields = _stat_fields(pid)
            if fields is None:
                continue
            stats[pid] = fields
            children.setdefault(int(fields[1]), []).append(pid)
        fields = stats.get(root)
        if fields is None or (root in self._known and fields[19] != self._known[root]):
            return {}
        found = {root: fields}
        todo = [root]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in found:
                    found[child] = stats[child]
                    todo.append(child)
        if int(fields[3]) == root:  # the root leads its session: its re-parented descendants stay in it
            for pid, f in stats.items():
                if int(f[3]) == root:
                    found.setdefault(pid, f)
        return found

    def _tree_psutil(self):
        import psutil

        try:
            root = psutil.Process(self.root_pid)
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            return 0.0, 0, set(), {}
        total = 0.0
        rss = 0
        pids = set()
        for p in procs:
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    total += t.user + t.system + getattr(t, "children_user", 0.0) + getattr(t, "children_system", 0.0)
                    rss += p.memory_info().rss
                pids.add(p.pid)
            except psutil.Error:
                continue
        return total, rss, pids, {}


class _Gpus:
    """NVML access for the assigned GPUs, decided once at construction."""

    def __init__(self, indices: list[int]):
        self.indices = indices
        self.reason: str | None = None
        self.nvml = None
        self.devices: list[dict] = []  # {"index", "handle", "name", "mem_total_bytes"} or {"index", "error"}
        self.failures = 0
        if not indices:
            return
        try:
            idents = resolve_visible_devices(indices)
        except ValueError as e:
            self.reason = f"unavailable: {e}"
            return
        try:
            import pynvml
        except ImportError:
            self.reason = "unavailable: pynvml (package nvidia-ml-py) is not installed"
            return
        try:
            pynvml.nvmlInit()
        except Exception as e:  # NVMLError subclasses, or OSError from a broken driver install
            self.reason = f"unavailable: NVML could not start ({_nvml_text(e)}); no NVIDIA driver on this machine?"
            return
        self.nvml = pynvml
        for index, ident in zip(indices, idents):
            try:
                if ident.isdigit():
                    handle = pynvml.nvmlDeviceGetHandleByIndex(int(ident))
                else:
                    handle = pynvml.nvmlDeviceGetHandleByUUID(ident)
                name = pynvml.nvmlDeviceGetName(handle)
                if isinstance(name, bytes):
                    name = name.decode("utf-8", "replace")
                total = int(pynvml.nvmlDeviceGetMemoryInfo(handle).total)
                self.devices.append({"index": index, "handle": handle, "name": name, "mem_total_bytes": total})
            except Exception as e:
                self.devices.append({"index": index, "error": f"device {ident}: {_nvml_text(e)}"})
        if not any("handle" in d for d in self.devices):
            errors = "; ".join(d["error"] for d in self.devices)
            self._give_up(f"unavailable: no assigned GPU could be opened ({errors})")

    def sample(self, pids: set[int]) -> dict:
        if self.reason is not None:
            return {"gpu": self.reason}
        if self.nvml is None:
            return {"gpus": []}
        nvml = self.nvml
        out = []
        failed = 0
        errors = []
        for dev in self.devices:
            entry = {"index": dev["index"], "name": dev.get("name"), "util_percent": None, "mem_used_bytes": None,
                     "mem_total_bytes": dev.get("mem_total_bytes")}  # fmt: skip
            if "handle" not in dev:
                entry["error"] = dev["error"]
                failed += 1
                errors.append(dev["error"])
                out.append(entry)
                continue
            handle = dev["handle"]
            try:
                entry["util_percent"] = float(nvml.nvmlDeviceGetUtilizationRates(handle).gpu)
            except Exception as e:  # MIG slices and some boards do not report utilisation
                entry["util_error"] = _nvml_text(e)
            try:
                entry["mem_used_bytes"] = int(nvml.nvmlDeviceGetMemoryInfo(handle).used)
            except Exception as e:
                entry["error"] = _nvml_text(e)
            try:
                used = [p.usedGpuMemory for p in nvml.nvmlDeviceGetComputeRunningProcesses(handle) if p.pid in pids]
                known = [u for u in used if u is not None]
                if known:
                    entry["proc_mem_used_bytes"] = int(sum(known))
            except Exception:
                pass  # per-process accounting is optional (not supported, or hidden in containers)
            if entry["util_percent"] is None and entry["mem_used_bytes"] is None:
                failed += 1
                errors.append(entry.get("error") or entry.get("util_error", "no reading"))
            out.append(entry)
        if failed == len(self.devices):
            self.failures += 1
            if self.failures >= _GIVE_UP_AFTER:
                self._give_up(f"unavailable: NVML stopped answering ({'; '.join(errors)})")
                return {"gpu": self.reason}
        else:
            self.failures = 0
        return {"gpus": out}

    def _give_up(self, reason: str) -> None:
        self.reason = reason
        self.close()

    def close(self) -> None:
        if self.nvml is not None:
            nvml, self.nvml = self.nvml, None
            try:
                nvml.nvmlShutdown()
            except Exception:
                pass


def _nvml_text(e: Exception) -> str:
    text = str(e) or type(e).__name__
    return text if type(e).__name__ in text else f"{type(e).__name__}: {text}"
