"""GPU model, driver and memory per device through NVML (package nvidia-ml-py, `import pynvml`). Without pynvml,
without a driver, or without a device, the record says `unavailable: <why>`; it never raises."""

from __future__ import annotations

import logging

from experiment_runner.repro.manifest import GpuDevice, GpuRecord

log = logging.getLogger("experiment_runner.repro")


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _cuda_version(v: int | None) -> str | None:
    return None if not v else f"{v // 1000}.{(v % 1000) // 10}"


def _reason(pynvml, err: Exception) -> str:
    names = {
        "NVMLError_LibraryNotFound": "the NVIDIA driver library (libnvidia-ml.so.1) was not found: no NVIDIA driver "
        "on this machine",
        "NVMLError_DriverNotLoaded": "the NVIDIA kernel driver is not loaded",
        "NVMLError_NoPermission": "no permission to query the NVIDIA driver",
        "NVMLError_Uninitialized": "NVML is not initialised",
    }
    return names.get(type(err).__name__, f"NVML error: {err}")


def gpu_facts() -> GpuRecord:
    try:
        import pynvml
    except ImportError:
        return GpuRecord(available=False, reason="unavailable: pynvml is not installed (pip install nvidia-ml-py)")
    try:
        pynvml.nvmlInit()
    except Exception as e:  # noqa: BLE001 - NVMLError subclasses, or OSError from a broken library
        return GpuRecord(available=False, reason="unavailable: " + _reason(pynvml, e))
    try:
        return _query(pynvml)
    except Exception as e:  # noqa: BLE001 - a driver that fails mid-query still must not fail the check
        log.warning("GPU query failed: %s", e)
        return GpuRecord(available=False, reason=f"unavailable: querying the GPUs failed: {e}")
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:  # noqa: BLE001
            pass


def _query(pynvml) -> GpuRecord:
    def attempt(fn, *args):
        try:
            return fn(*args)
        except Exception:  # noqa: BLE001 - one missing field (old driver, MIG) leaves the rest
            return None

    driver = attempt(pynvml.nvmlSystemGetDriverVersion)
    cuda_fn = getattr(pynvml, "nvmlSystemGetCudaDriverVersion_v2", None) or getattr(
        pynvml, "nvmlSystemGetCudaDriverVersion", None
    )
    cuda = attempt(cuda_fn) if cuda_fn else None
    count = pynvml.nvmlDeviceGetCount()
    rec = GpuRecord(
        available=count > 0, driver_version=_text(driver) if driver else None, cuda_driver_version=_cuda_version(cuda)
    )
    if count == 0:
        rec.reason = "unavailable: the NVIDIA driver reports no GPU"
    for i in range(count):
        h = pynvml.nvmlDeviceGetHandleByIndex(i)
        name = attempt(pynvml.nvmlDeviceGetName, h)
        uuid = attempt(pynvml.nvmlDeviceGetUUID, h)
        mem = attempt(pynvml.nvmlDeviceGetMemoryInfo, h)
        pci = attempt(pynvml.nvmlDeviceGetPciInfo, h)
        cc = attempt(pynvml.nvmlDeviceGetCudaComputeCapability, h)
        rec.devices.append(
            GpuDevice(
                index=i,
                name=_text(name) if name is not None else None,
                uuid=_text(uuid) if uuid is not None else None,
                memory_total_mb=round(mem.total / 2**20, 1) if mem is not None else None,
                pci_bus_id=_text(getattr(pci, "busId", "")) or None if pci is not None else None,
                compute_capability=f"{cc[0]}.{cc[1]}" if cc else None,
            )
        )
    return rec
