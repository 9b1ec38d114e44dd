"""The environment: the user's interpreter probed for real (distributions, torch and what it loads), the probe
cache and its invalidation, failures that degrade into checklist items, and GPUs through pynvml (the real
no-GPU path here; a GPU-shaped pynvml is mocked, since no GPU exists on this machine)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import types
from pathlib import Path

import pytest
from repro_util import TRAIN, capture, item, make_repo

from experiment_runner.repro.environment import probe_environment
from experiment_runner.repro.gpu import gpu_facts
from experiment_runner.workspace import Workspace


def test_the_probe_reports_this_interpreter_its_distributions_and_torch(tmp_path):
    import torch

    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    env = m.environment
    assert env.probe_status == "ok"
    assert env.python["version"] == ".".join(map(str, sys.version_info[:3]))
    assert env.interpreter == sys.executable and "server's own" in env.interpreter_source
    versions = {d["name"].lower(): d["version"] for d in env.distributions}
    assert versions["numpy"] == importlib.metadata.version("numpy")
    assert versions["torch"] == importlib.metadata.version("torch")
    assert env.torch["version"] == torch.__version__
    assert env.torch["cuda_compiled"] == torch.version.cuda
    assert env.torch["cuda_available"] == torch.cuda.is_available()
    torch_item = item(m, "env.torch")
    assert torch.__version__ in torch_item.evidence
    if torch.version.cuda is None:
        assert "CPU-only build" in torch_item.evidence and torch_item.status == "passed"
    assert item(m, "env.python").status == "passed"
    host = item(m, "env.host")
    assert host.status == "passed" and str(env.host.cpu_count) in host.evidence


def _venv(tmp_path: Path) -> Path:
    venv = tmp_path / "ws" / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True, timeout=120
    )
    return venv


def test_the_configured_interpreter_is_probed_and_missing_torch_fails_when_the_project_imports_it(tmp_path):
    venv = _venv(tmp_path)
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "experiment-runner.yaml": "python: venv/bin/python\n"})
    ws, m = capture(root)
    assert m.environment.interpreter == str(root / "venv" / "bin" / "python")
    assert "experiment-runner.yaml" in m.environment.interpreter_source
    torch_item = item(m, "env.torch")
    assert torch_item.status == "failed" and "cannot" in torch_item.evidence and "`python:`" in torch_item.fix
    assert venv.exists()


def test_installing_a_distribution_invalidates_the_cached_probe(tmp_path):
    venv = _venv(tmp_path)
    root = make_repo(tmp_path / "ws", {"train.py": "print(1)\n", "experiment-runner.yaml": "python: venv/bin/python\n"})
    ws = Workspace(root)
    first = probe_environment(ws)
    again = probe_environment(ws)
    assert not first.probe_cached and again.probe_cached
    site = Path(first.python["site_dirs"][0])
    assert site.resolve().is_relative_to(venv.resolve())  # the configured interpreter's, not ours
    info = site / "fakepkg-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakepkg\nVersion: 1.2.3\n")
    after = probe_environment(ws)
    assert not after.probe_cached
    assert {"name": "fakepkg", "version": "1.2.3"} in after.distributions


def test_a_probe_that_hangs_is_stopped_and_reported(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "experiment-runner.yaml": "python: ./slowpy\n"})
    slow = root / "slowpy"
    slow.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n")  # a child holding our pipes too
    slow.chmod(0o755)
    ws, m = capture(root, probe_timeout=1)
    env_item = item(m, "env.python")
    assert env_item.status == "failed" and "did not finish within 1 s" in env_item.evidence
    assert m.environment.probe_status == "timeout"


def test_an_interpreter_that_does_not_exist_is_named(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "experiment-runner.yaml": "python: envs/nope/bin/python\n"})
    ws, m = capture(root)
    env_item = item(m, "env.python")
    assert (
        env_item.status == "failed"
        and "'envs/nope/bin/python'" in env_item.evidence
        and "does not exist" in env_item.evidence
    )


def test_without_a_gpu_the_real_nvml_path_says_unavailable_and_why():
    import pynvml

    try:
        pynvml.nvmlInit()
    except pynvml.NVMLError:
        pass
    else:
        pynvml.nvmlShutdown()
        pytest.skip("this machine has an NVIDIA driver; the GPU test covers it")
    rec = gpu_facts()
    assert not rec.available and rec.reason.startswith("unavailable: ") and "driver" in rec.reason


def test_without_pynvml_the_gpu_item_says_so_and_nothing_fails(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", None)
    rec = gpu_facts()
    assert rec.reason == "unavailable: pynvml is not installed (pip install nvidia-ml-py)"
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    assert "pynvml is not installed" in item(m, "env.gpu").evidence


def _fake_pynvml(devices: list[tuple[str, int]]):
    nv = types.ModuleType("pynvml")

    class NVMLError(Exception):
        pass

    class Mem:
        def __init__(self, total):
            self.total = total

    class Pci:
        def __init__(self, i):
            self.busId = f"00000000:0{i}:00.0"

    nv.NVMLError = NVMLError
    nv.nvmlInit = lambda: None
    nv.nvmlShutdown = lambda: None
    nv.nvmlSystemGetDriverVersion = lambda: "550.54.15"
    nv.nvmlSystemGetCudaDriverVersion_v2 = lambda: 12040
    nv.nvmlDeviceGetCount = lambda: len(devices)
    nv.nvmlDeviceGetHandleByIndex = lambda i: i
    nv.nvmlDeviceGetName = lambda h: devices[h][0].encode()  # older bindings return bytes
    nv.nvmlDeviceGetUUID = lambda h: f"GPU-{h}"
    nv.nvmlDeviceGetMemoryInfo = lambda h: Mem(devices[h][1])
    nv.nvmlDeviceGetPciInfo = Pci

    def cc(h):
        raise NVMLError("not supported")  # one field failing leaves the rest

    nv.nvmlDeviceGetCudaComputeCapability = cc
    return nv


def test_gpu_model_driver_and_memory_are_recorded_per_device(tmp_path, monkeypatch):
    gb80 = 81559 * 2**20
    monkeypatch.setitem(sys.modules, "pynvml", _fake_pynvml([("NVIDIA H100 80GB HBM3", gb80)] * 2))
    rec = gpu_facts()
    assert rec.available and rec.driver_version == "550.54.15" and rec.cuda_driver_version == "12.4"
    assert [(d.index, d.name, d.memory_total_mb, d.compute_capability) for d in rec.devices] == [
        (0, "NVIDIA H100 80GB HBM3", 81559.0, None),
        (1, "NVIDIA H100 80GB HBM3", 81559.0, None),
    ]
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    gpu = item(m, "env.gpu")
    assert (
        gpu.status == "passed"
        and "2 GPU(s): 2 x NVIDIA H100 80GB HBM3" in gpu.evidence
        and "driver 550.54.15" in gpu.evidence
    )


def test_a_driver_without_devices_is_unavailable_with_the_reason(monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", _fake_pynvml([]))
    rec = gpu_facts()
    assert not rec.available and rec.reason == "unavailable: the NVIDIA driver reports no GPU"


@pytest.mark.gpu
def test_on_a_gpu_machine_the_loaded_cuda_cudnn_and_nccl_are_recorded(tmp_path):
    import torch

    if not torch.cuda.is_available():
        pytest.skip("needs an NVIDIA GPU and a CUDA build of torch")
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    t = m.environment.torch
    assert t["cuda_available"] and t["device_count"] == torch.cuda.device_count()
    assert t["cuda_runtime"] and t["cudnn"] and t["nccl"]
    assert t["cudnn_version"] == torch.backends.cudnn.version()
    assert any(lib["name"] == "cudart" for lib in t["libraries"])
    assert m.environment.gpu.available and m.environment.gpu.devices[0].name


CAPTURE_SCRIPT = """
import json, sys
from experiment_runner.repro import capture_manifest
from experiment_runner.workspace import Workspace
m = capture_manifest(Workspace(sys.argv[1]), project_dir=".", argv=["python", "train.py"], data_paths=["data"])
print(json.dumps({"probe_cached": m.environment.probe_cached, "bytes_read": m.data.entries[0].bytes_read,
                  "hash": m.data.entries[0].hash}))
"""


@pytest.mark.slow
def test_runs_capturing_at_once_probe_the_interpreter_and_read_the_data_only_once(tmp_path):
    import json
    import time

    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "data/a.bin": b"a" * 200_000, "data/b.bin": b"b" * 100_000})
    time.sleep(0.25)  # let the data age past the 100 ms window in which files are never cached
    procs = [
        subprocess.Popen([sys.executable, "-c", CAPTURE_SCRIPT, str(root)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outs = [json.loads(p.communicate(timeout=240)[0]) for p in procs]
    assert sorted(o["probe_cached"] for o in outs) == [False, True, True, True]
    assert sorted(o["bytes_read"] for o in outs) == [0, 0, 0, 300_000]
    assert len({o["hash"] for o in outs}) == 1


def test_version_numbers_from_the_loaded_libraries_are_decoded():
    from experiment_runner.probe import env_probe

    assert env_probe.cuda_text(12040) == "12.4" and env_probe.cuda_text(11080) == "11.8"
    assert env_probe.cudnn_text(90100) == "9.1.0" and env_probe.cudnn_text(8902) == "8.9.2"
    assert (
        env_probe.nccl_text(22105) == "2.21.5"
        and env_probe.nccl_text((2, 18, 1)) == "2.18.1"
        and env_probe.nccl_text(2708) == "2.7.8"
    )
    names = {
        "/venv/lib/python3.11/site-packages/nvidia/cudnn/lib/libcudnn.so.9": "cudnn",
        "/venv/lib/python3.11/site-packages/nvidia/cuda_runtime/lib/libcudart.so.12": "cudart",
        "/venv/lib/python3.11/site-packages/nvidia/nccl/lib/libnccl.so.2": "nccl",
        "/usr/lib/x86_64-linux-gnu/libcuda.so.550.54.15": "cuda",
        "/venv/lib/python3.11/site-packages/torch/lib/libcudart-9335f6a2.so.12": "cudart",
    }
    for path, name in names.items():
        m = env_probe._LIBS.search(path)
        assert m and m.group(2) == name, path
    assert env_probe._LIBS.search("/venv/.../nvidia/cudnn/lib/libcudnn_ops.so.9") is None


def test_gpu_shaped_probe_facts_are_judged_and_a_runtime_mismatch_warns(tmp_path):
    from experiment_runner.repro import build_checklist

    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    # What the probe reports on a GPU machine (recorded from its output format; no GPU exists here).
    m.environment.torch = {
        "installed": True,
        "version": "2.5.1+cu124",
        "cuda_compiled": "12.4",
        "cuda_available": True,
        "device_count": 8,
        "cuda_runtime": "12.4",
        "cuda_driver": "12.6",
        "cudnn": "9.1.0",
        "nccl": "2.21.5",
        "libraries": [
            {"name": "cudart", "path": "/x/libcudart.so.12", "version": "12.4"},
            {"name": "cudnn", "path": "/x/libcudnn.so.9", "version": "9.1.0"},
        ],
    }
    torch_item = next(i for i in build_checklist(m) if i.id == "env.torch")
    assert torch_item.status == "passed"
    for text in (
        "CUDA runtime loaded: 12.4",
        "driver API: 12.6",
        "cuDNN 9.1.0",
        "NCCL 2.21.5",
        "/x/libcudnn.so.9",
        "8 device(s)",
    ):
        assert text in torch_item.evidence
    m.environment.torch["cuda_runtime"] = "11.8"
    torch_item = next(i for i in build_checklist(m) if i.id == "env.torch")
    assert torch_item.status == "warning" and torch_item.evidence.startswith("runtime CUDA 11.8 differs")
    m.environment.torch.update(cuda_available=False, cuda_unavailable_reason="Found no NVIDIA driver on your system")
    torch_item = next(i for i in build_checklist(m) if i.id == "env.torch")
    assert torch_item.status == "warning" and torch_item.evidence.startswith(
        "CUDA not available: Found no NVIDIA driver"
    )
