"""Telemetry of real process trees; GPUs through a fake pynvml module (no GPU here) and the real degradation path."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
import types

import pytest

from experiment_runner.runs.telemetry import TelemetrySampler, resolve_visible_devices

# A run's root process that grows and shrinks its tree on command, answering "ok <pids>" on stdout.
TREE = r"""
import subprocess, sys, time
SLEEP = [sys.executable, "-c", "import time; time.sleep(120)"]
kids = []
for line in sys.stdin:
    cmd, *args = line.split()
    if cmd == "spawn":
        kids += [subprocess.Popen(SLEEP) for _ in range(int(args[0]))]
        print("ok", *[k.pid for k in kids], flush=True)
    elif cmd == "burn":  # a child that uses CPU for a while, waited for (reaped) here
        code = "import time\nt = time.process_time()\nwhile time.process_time() - t < %s: pass" % args[0]
        subprocess.run([sys.executable, "-c", code])
        print("ok", flush=True)
    elif cmd == "orphan":  # a middle process that starts a grandchild and exits at once
        middle = subprocess.Popen([sys.executable, "-c",
            "import subprocess, sys; p = subprocess.Popen(%r); print(p.pid, flush=True)" % (SLEEP,)],
            stdout=subprocess.PIPE, text=True)
        grandchild = middle.stdout.readline().strip()
        middle.wait()
        print("ok", grandchild, flush=True)
    elif cmd == "kill":
        for k in kids:
            k.kill()
            k.wait()
        kids = []
        print("ok", flush=True)
    elif cmd == "exit":
        break
"""


class Tree:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-c", TREE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, start_new_session=True)  # fmt: skip
        self.pid = self.proc.pid

    def do(self, command: str, timeout: float = 30.0) -> list[int]:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        assert ready, f"the tree did not answer {command!r} within {timeout} s"
        answer = self.proc.stdout.readline().split()
        assert answer and answer[0] == "ok", answer
        return [int(a) for a in answer[1:]]

    def close(self):
        try:
            os.killpg(self.pid, 9)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)


@pytest.fixture
def tree():
    t = Tree()
    yield t
    t.close()


def wait_for(predicate, timeout: float = 10.0, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


def test_a_process_tree_is_counted_with_its_memory(tree):
    tree.do("spawn 3")
    sampler = TelemetrySampler(tree.pid, [])
    sample = sampler.sample()
    assert sample["procs"] == 4
    assert sample["rss_bytes"] > 4 * 4_000_000  # four Python interpreters
    assert sample["gpus"] == []
    assert abs(sample["time"] - time.time()) < 60
    sampler.close()


def test_cpu_of_children_counts_even_after_they_exit_and_are_reaped(tree):
    sampler = TelemetrySampler(tree.pid, [])
    started = time.monotonic()
    tree.do("burn 0.6")  # the child is gone (and reaped) before the sample
    elapsed = time.monotonic() - started
    sample = sampler.sample()
    assert sample["procs"] == 1
    assert sample["cpu_percent"] >= 0.5 * (0.6 / elapsed) * 100
    idle = sampler.sample()
    assert idle["cpu_percent"] < 50


def test_children_that_appear_and_disappear_are_followed(tree):
    sampler = TelemetrySampler(tree.pid, [])
    assert sampler.sample()["procs"] == 1
    tree.do("spawn 2")
    assert sampler.sample()["procs"] == 3
    tree.do("kill")
    assert sampler.sample()["procs"] == 1
    assert all(sampler.sample()["cpu_percent"] >= 0 for _ in range(3))


@pytest.mark.parametrize("sampler_first", [True, False], ids=["sampler-already-running", "sampler-started-after"])
def test_grandchildren_left_behind_by_their_parent_are_still_counted(tree, sampler_first):
    sampler = TelemetrySampler(tree.pid, []) if sampler_first else None
    (grandchild,) = tree.do("orphan")
    if sampler is None:
        sampler = TelemetrySampler(tree.pid, [])
    assert wait_for(lambda: sampler.sample()["procs"] == 2), "root + re-parented grandchild"
    os.kill(grandchild, 9)
    assert wait_for(lambda: sampler.sample()["procs"] == 1)


def test_the_psutil_path_agrees_where_proc_is_not_used(tree):
    tree.do("spawn 2")
    sampler = TelemetrySampler(tree.pid, [])
    sampler._linux = False  # as on macOS
    sample = sampler.sample()
    assert sample["procs"] == 3 and sample["rss_bytes"] > 0


def test_a_root_that_is_gone_gives_an_empty_sample():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    sampler = TelemetrySampler(proc.pid, [])
    proc.wait()
    sample = sampler.sample()
    assert sample["procs"] == 0 and sample["rss_bytes"] == 0 and sample["cpu_percent"] == 0.0


# -- GPUs: the real degradation path ---------------------------------------------------------------------------
def nvml_starts() -> bool:
    try:
        import pynvml

        pynvml.nvmlInit()
        pynvml.nvmlShutdown()
        return True
    except Exception:
        return False


def test_without_a_driver_gpus_are_unavailable_with_the_reason_and_nothing_breaks():
    if nvml_starts():
        pytest.skip("NVML works on this machine: the no-driver path needs one without an NVIDIA driver")
    sampler = TelemetrySampler(os.getpid(), [0])
    first = sampler.sample()
    assert first["gpu"].startswith("unavailable: NVML could not start") and "gpus" not in first
    started = time.perf_counter()
    assert all(sampler.sample()["gpu"] == first["gpu"] for _ in range(20))
    assert time.perf_counter() - started < 2.0  # decided once, not retried per sample
    sampler.close()
    sampler.close()


def test_without_pynvml_gpus_are_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", None)  # what an import of a missing module does
    sample = TelemetrySampler(os.getpid(), [0]).sample()
    assert sample["gpu"] == "unavailable: pynvml (package nvidia-ml-py) is not installed"


@pytest.mark.gpu
def test_a_real_gpu_reports_utilisation_and_memory():
    if not nvml_starts():
        pytest.skip("needs an NVIDIA GPU with its driver (NVML does not start here)")
    sampler = TelemetrySampler(os.getpid(), [0])
    (gpu,) = sampler.sample()["gpus"]
    assert gpu["index"] == 0 and gpu["name"] and 0 <= gpu["util_percent"] <= 100
    assert 0 < gpu["mem_used_bytes"] <= gpu["mem_total_bytes"]
    sampler.close()


# -- GPUs: a fake pynvml (the only stand-in: there is no GPU here) -------------------------------------------
class FakeNVML:
    """The parts of pynvml the sampler uses, over a made-up machine of 8 GPUs; counts every call."""

    class NVMLError(Exception):
        pass

    def __init__(self, run_pids=(), init_error=None):
        self.calls: dict[str, int] = {}
        self.init_error = init_error
        self.run_pids = list(run_pids)
        self.lost: set[int] = set()
        self.no_util: set[int] = set()
        self.module = types.ModuleType("pynvml")
        for name in ("nvmlInit", "nvmlShutdown", "nvmlDeviceGetHandleByIndex", "nvmlDeviceGetHandleByUUID",
                     "nvmlDeviceGetName", "nvmlDeviceGetMemoryInfo", "nvmlDeviceGetUtilizationRates",
                     "nvmlDeviceGetComputeRunningProcesses"):  # fmt: skip
            setattr(self.module, name, self._counted(name, getattr(self, name)))
        self.module.NVMLError = self.NVMLError

    def _counted(self, name, fn):
        def wrapper(*args):
            self.calls[name] = self.calls.get(name, 0) + 1
            return fn(*args)

        return wrapper

    def nvmlInit(self):
        if self.init_error:
            raise self.NVMLError(self.init_error)

    def nvmlShutdown(self):
        pass

    def nvmlDeviceGetHandleByIndex(self, i):
        if not 0 <= i < 8:
            raise self.NVMLError("Invalid Argument")
        return ("handle", i)

    def nvmlDeviceGetHandleByUUID(self, uuid):
        return ("handle", int(uuid.rsplit("-", 1)[1]))

    def nvmlDeviceGetName(self, handle):
        return f"NVIDIA H100 80GB HBM3 #{handle[1]}".encode()  # older pynvml returns bytes

    def _check(self, handle):
        if handle[1] in self.lost:
            raise self.NVMLError("GPU is lost")

    def nvmlDeviceGetMemoryInfo(self, handle):
        self._check(handle)
        return types.SimpleNamespace(total=80 * 2**30, used=(10 + handle[1]) * 2**30, free=0)

    def nvmlDeviceGetUtilizationRates(self, handle):
        self._check(handle)
        if handle[1] in self.no_util:
            raise self.NVMLError("Not Supported")
        return types.SimpleNamespace(gpu=10 * handle[1], memory=5)

    def nvmlDeviceGetComputeRunningProcesses(self, handle):
        self._check(handle)
        ours = [types.SimpleNamespace(pid=p, usedGpuMemory=2**30) for p in self.run_pids]
        return ours + [
            types.SimpleNamespace(pid=999_999_999, usedGpuMemory=50 * 2**30),
            types.SimpleNamespace(pid=os.getpid(), usedGpuMemory=None),
        ]


@pytest.fixture
def fake_nvml(monkeypatch):
    def install(**kw):
        fake = FakeNVML(**kw)
        monkeypatch.setitem(sys.modules, "pynvml", fake.module)
        return fake

    monkeypatch.delenv("CUDA_VISIBLE_DEVICES", raising=False)
    return install


def test_assigned_gpus_map_through_cuda_visible_devices_with_the_runs_own_memory(tree, fake_nvml, monkeypatch):
    (child,) = tree.do("spawn 1")
    fake = fake_nvml(run_pids=[tree.pid, child])
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "3,5")
    sampler = TelemetrySampler(tree.pid, [0, 1])
    gpus = sampler.sample()["gpus"]
    assert [(g["index"], g["name"], g["util_percent"]) for g in gpus] == [
        (0, "NVIDIA H100 80GB HBM3 #3", 30.0),
        (1, "NVIDIA H100 80GB HBM3 #5", 50.0),
    ]
    assert gpus[0]["mem_used_bytes"] == 13 * 2**30 and gpus[0]["mem_total_bytes"] == 80 * 2**30
    assert gpus[0]["proc_mem_used_bytes"] == 2 * 2**30  # our two processes, not the stranger's 50 GiB
    assert fake.calls["nvmlInit"] == 1 and fake.calls["nvmlDeviceGetName"] == 2  # names once, not per sample
    sampler.sample()
    assert fake.calls["nvmlDeviceGetName"] == 2
    sampler.close()
    sampler.close()
    assert fake.calls["nvmlShutdown"] == 1


def test_gpu_uuids_in_cuda_visible_devices_are_opened_by_uuid(fake_nvml, monkeypatch):
    fake = fake_nvml()
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "GPU-8f1c2a-6, GPU-77aa01-2")
    (gpu,) = TelemetrySampler(os.getpid(), [1]).sample()["gpus"]
    assert gpu["index"] == 1 and gpu["name"].endswith("#2") and "proc_mem_used_bytes" not in gpu
    assert fake.calls["nvmlDeviceGetHandleByUUID"] == 1 and "nvmlDeviceGetHandleByIndex" not in fake.calls


def test_an_nvml_that_cannot_start_is_asked_once(fake_nvml):
    fake = fake_nvml(init_error="Driver Not Loaded")
    sampler = TelemetrySampler(os.getpid(), [0])
    samples = [sampler.sample() for _ in range(5)]
    assert all(
        s["gpu"]
        == "unavailable: NVML could not start (NVMLError: Driver Not Loaded); no NVIDIA driver on this machine?"
        for s in samples
    )
    assert fake.calls == {"nvmlInit": 1}


def test_a_gpu_lost_mid_run_is_reported_then_given_up_without_more_calls(fake_nvml):
    fake = fake_nvml()
    sampler = TelemetrySampler(os.getpid(), [0, 1])
    assert len(sampler.sample()["gpus"]) == 2
    fake.lost = {1}
    gpus = sampler.sample()["gpus"]  # one GPU failing: reported on that GPU, the other still read
    assert gpus[0]["util_percent"] == 0.0 and gpus[1]["error"] == "NVMLError: GPU is lost"
    fake.lost = {0, 1}
    assert "gpus" in sampler.sample() and "gpus" in sampler.sample()
    gave_up = sampler.sample()
    assert gave_up["gpu"].startswith("unavailable: NVML stopped answering (NVMLError: GPU is lost")
    calls = dict(fake.calls)
    assert calls["nvmlShutdown"] == 1
    for _ in range(5):
        assert sampler.sample()["gpu"] == gave_up["gpu"]
    assert fake.calls == calls


def test_a_gpu_without_utilisation_counters_still_reports_memory(fake_nvml):
    fake = fake_nvml()
    fake.no_util = {0}  # e.g. a MIG slice
    sampler = TelemetrySampler(os.getpid(), [0])
    for _ in range(4):
        (gpu,) = sampler.sample()["gpus"]
    assert gpu["util_percent"] is None and gpu["util_error"] == "NVMLError: Not Supported"
    assert gpu["mem_used_bytes"] == 10 * 2**30


def test_an_assigned_gpu_that_is_not_visible_is_unavailable_with_the_visible_list(fake_nvml, monkeypatch):
    fake = fake_nvml()
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "0,1")
    sample = TelemetrySampler(os.getpid(), [2]).sample()
    assert sample["gpu"] == "unavailable: GPU 2 is not visible: CUDA_VISIBLE_DEVICES='0,1' offers ordinals 0..1"
    assert fake.calls == {}


def test_an_index_nvml_does_not_know_is_unavailable_with_nvmls_words(fake_nvml):
    fake_nvml()
    sample = TelemetrySampler(os.getpid(), [9]).sample()
    assert sample["gpu"] == "unavailable: no assigned GPU could be opened (device 9: NVMLError: Invalid Argument)"


def test_resolve_visible_devices():
    assert resolve_visible_devices([0, 2], environ={}) == ["0", "2"]
    assert resolve_visible_devices([1], environ={"CUDA_VISIBLE_DEVICES": "4,5"}) == ["5"]
    assert resolve_visible_devices([0], environ={"CUDA_VISIBLE_DEVICES": "MIG-abc"}) == ["MIG-abc"]
    with pytest.raises(ValueError, match="GPU 1 is not visible"):
        resolve_visible_devices([1], environ={"CUDA_VISIBLE_DEVICES": "3"})
