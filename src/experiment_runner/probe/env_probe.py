"""Run by the user's interpreter (`python env_probe.py`): prints one line, MARKER followed by JSON, describing
this Python, its installed distributions, and what torch carries and loads at run time: the CUDA version it was
built with, and the CUDA runtime, cuDNN and NCCL libraries actually mapped into the process after CUDA is
initialised (read from /proc/self/maps, versions asked from those very libraries through ctypes).

Standard library and torch only; imports nothing of experiment_runner and none of the user's code."""

import json
import os
import platform
import re
import sys

MARKER = "EXPERIMENT_RUNNER_ENV_PROBE "

_LIBS = re.compile(
    r"/(lib(cudart|cudnn|nccl|cublas|cublasLt|cuda|nvrtc|nvJitLink|cufft|curand|cusparse|cusolver)(\.so[.\d]*|-[^/]*\.so[.\d]*))$"
)


def python_facts():
    return {
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "prefix": sys.prefix,
        "base_prefix": getattr(sys, "base_prefix", sys.prefix),
        "venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix),
        "site_dirs": [p for p in sys.path if p and os.path.isdir(p) and ("site-packages" in p or "dist-packages" in p)],
    }


def distributions():
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return []
    seen = {}
    for dist in metadata.distributions():
        try:
            name = dist.metadata["Name"]
            version = dist.version
        except Exception:
            continue
        if not name or name.lower() in seen:
            continue
        entry = {"name": name, "version": version}
        try:
            direct = dist.read_text("direct_url.json")
        except Exception:
            direct = None
        if direct:
            try:
                info = json.loads(direct)
                entry["url"] = info.get("url")
                if info.get("dir_info", {}).get("editable"):
                    entry["editable"] = True
                vcs = info.get("vcs_info")
                if vcs:
                    entry["vcs_commit"] = vcs.get("commit_id")
            except ValueError:
                pass
        seen[name.lower()] = entry
    return sorted(seen.values(), key=lambda e: e["name"].lower())


def _mapped_libraries():
    found = {}
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6:
                    path = parts[-1]
                    m = _LIBS.search(path)
                    if m and path not in found:
                        found[path] = m.group(2)
    except OSError:
        return []
    return [{"name": name, "path": path} for path, name in found.items()]


def _int_version(lib_path, func, restype_size_t=False):
    import ctypes

    try:
        lib = ctypes.CDLL(lib_path)
        fn = getattr(lib, func)
        if restype_size_t:
            fn.restype = ctypes.c_size_t
            return int(fn())
        out = ctypes.c_int(0)
        if fn(ctypes.byref(out)) != 0:
            return None
        return out.value
    except (OSError, AttributeError):
        return None


def cuda_text(v):
    return None if not v else "%d.%d" % (v // 1000, (v % 1000) // 10)


def cudnn_text(v):
    if not v:
        return None
    if v >= 90000:  # cuDNN 9: major*10000 + minor*100 + patch
        return "%d.%d.%d" % (v // 10000, (v % 10000) // 100, v % 100)
    return "%d.%d.%d" % (v // 1000, (v % 1000) // 100, v % 100)


def nccl_text(v):
    if isinstance(v, (tuple, list)):
        return ".".join(str(x) for x in v)
    if not v:
        return None
    if v >= 10000:  # NCCL >= 2.9: major*10000 + minor*100 + patch
        return "%d.%d.%d" % (v // 10000, (v % 10000) // 100, v % 100)
    return "%d.%d.%d" % (v // 1000, (v % 1000) // 100, v % 100)


def torch_facts():
    try:
        import torch
    except ImportError as e:
        return {"installed": False, "error": "torch is not importable: %s" % e}
    except Exception as e:  # a broken install: say how it broke
        return {"installed": False, "error": "importing torch failed: %s: %s" % (type(e).__name__, e)}
    t = {
        "installed": True,
        "version": torch.__version__,
        "git_version": getattr(torch.version, "git_version", None),
        "cuda_compiled": getattr(torch.version, "cuda", None),
        "hip_compiled": getattr(torch.version, "hip", None),
        "debug": bool(getattr(torch.version, "debug", False)),
        "cudnn_compiled_available": None,
        "cuda_available": False,
        "cuda_unavailable_reason": None,
        "device_count": 0,
        "devices": [],
        "cudnn": None,
        "cudnn_version": None,
        "nccl": None,
        "nccl_version": None,
        "cuda_runtime": None,
        "cuda_driver": None,
        "libraries": [],
        "num_threads": torch.get_num_threads(),
    }
    try:
        t["cudnn_compiled_available"] = bool(torch.backends.cudnn.is_available())
    except Exception:
        pass
    try:
        t["cuda_available"] = bool(torch.cuda.is_available())
    except Exception as e:
        t["cuda_unavailable_reason"] = "%s: %s" % (type(e).__name__, e)
    if not t["cuda_available"] and t["cuda_unavailable_reason"] is None:
        if not t["cuda_compiled"] and not t["hip_compiled"]:
            t["cuda_unavailable_reason"] = "this torch is a CPU-only build (torch.version.cuda is None)"
        else:
            try:
                torch.cuda.init()
                t["cuda_unavailable_reason"] = "torch.cuda.is_available() is False"
            except Exception as e:
                t["cuda_unavailable_reason"] = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if t["cuda_available"]:
        try:
            torch.cuda.init()
            torch.zeros(1, device="cuda")  # creates the context, so lazily loaded libraries are mapped
        except Exception as e:
            t["cuda_init_error"] = "%s: %s" % (type(e).__name__, e)
        t["device_count"] = torch.cuda.device_count()
        for i in range(t["device_count"]):
            try:
                p = torch.cuda.get_device_properties(i)
                t["devices"].append(
                    {
                        "index": i,
                        "name": p.name,
                        "capability": "%d.%d" % (p.major, p.minor),
                        "memory_total_mb": round(p.total_memory / 2**20, 1),
                    }
                )
            except Exception as e:
                t["devices"].append({"index": i, "error": str(e)})
        try:
            v = torch.backends.cudnn.version()
            t["cudnn_version"], t["cudnn"] = v, cudnn_text(v)
        except Exception as e:
            t["cudnn_error"] = str(e)
        try:
            v = torch.cuda.nccl.version()
            t["nccl_version"] = list(v) if isinstance(v, tuple) else v
            t["nccl"] = nccl_text(v)
        except Exception as e:
            t["nccl_error"] = "%s: %s" % (type(e).__name__, e)
    libs = _mapped_libraries()
    for lib in libs:
        if lib["name"] == "cudart":
            v = _int_version(lib["path"], "cudaRuntimeGetVersion")
            lib["version"] = cuda_text(v)
            t["cuda_runtime"] = t["cuda_runtime"] or lib["version"]
        elif lib["name"] == "cuda":
            v = _int_version(lib["path"], "cuDriverGetVersion")
            lib["version"] = cuda_text(v)
            t["cuda_driver"] = t["cuda_driver"] or lib["version"]
        elif lib["name"] == "cudnn":
            lib["version"] = cudnn_text(_int_version(lib["path"], "cudnnGetVersion", restype_size_t=True))
        elif lib["name"] == "nccl":
            lib["version"] = nccl_text(_int_version(lib["path"], "ncclGetVersion"))
    t["libraries"] = libs
    return t


def main():
    facts = {"python": python_facts(), "distributions": distributions()}
    if "--no-torch" not in sys.argv:
        facts["torch"] = torch_facts()
    sys.stdout.write(MARKER + json.dumps(facts, default=str) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
