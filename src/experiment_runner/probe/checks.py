"""The sanity probe's main: pick the device, load the entrypoint, read the batches into a Session, run the checks in
their order (data_finite and shapes first: the others build on them), and report each on the event channel.
sanity.py (the file the server runs) describes the configuration and the events."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from typing import Any, Callable

from . import data_checks, entrypoint, init_checks, leaks, runtime, shapes, training_checks
from .entrypoint import EntrypointError
from .results import CHECKS, CheckName, result
from .session import OutOfMemory, Session, is_out_of_memory

CHECK_FUNCTIONS: dict[CheckName, Callable[[Session], dict[str, Any]]] = {
    "data_finite": data_checks.check_data_finite,
    "shapes": shapes.check_shapes,
    "initial_loss": init_checks.check_initial_loss,
    "gradients_flow": init_checks.check_gradients_flow,
    "overfit_one_batch": training_checks.check_overfit_one_batch,
    "beats_baseline": training_checks.check_beats_baseline,
    "label_leak": leaks.check_label_leak,
    "train_val_overlap": data_checks.check_train_val_overlap,
    "lr_range_test": training_checks.check_lr_range_test,
}
NEEDS_FORWARD = ("initial_loss", "gradients_flow", "overfit_one_batch", "beats_baseline", "label_leak", "lr_range_test")
NEEDS_TRAINING = ("overfit_one_batch", "beats_baseline", "lr_range_test")


def plan(names: list[str]) -> list[CheckName]:
    """The order checks run in: data_finite and shapes feed the others, so they run (silently) even when not asked
    for."""
    first: list[CheckName] = ["data_finite", "shapes"]
    return first + [n for n in CHECKS if n in names and n not in first]


def _held_back(s: Session, name: CheckName) -> str | None:
    """Why a check cannot run on what the checks before it found, or None when it can."""
    if name not in NEEDS_FORWARD:
        return None
    if s.train_nonfinite:
        return "the training batches hold NaN/Inf values (see data_finite): fix the data first"
    if s.forward_problem:
        return f"needs a forward pass and loss that fit the targets (shapes failed: {s.forward_problem[:200]})"
    if name in NEEDS_TRAINING and not any(p.requires_grad for p in s.model.parameters()):
        return "the model has no trainable parameters (see gradients_flow)"
    return None


def run_checks(s: Session, names: list[str]) -> dict[str, float]:
    timings: dict[str, float] = {}
    wanted = [n for n in CHECKS if n in names]
    order = plan(names)
    s.progress_done = 1.0
    for name in order:
        s.tick(0.0, f"running {name}", force=True)
        skip = _held_back(s, name)
        start = s.clock()
        if skip:
            res = result(name, "skipped", skip)
        else:
            try:
                res = CHECK_FUNCTIONS[name](s)
            except EntrypointError:
                raise
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as e:
                if is_out_of_memory(e):
                    raise OutOfMemory(f"{name}: {type(e).__name__}: {str(e).strip()[:300]}") from None
                res = result(
                    name,
                    "error",
                    f"{name} could not run: {type(e).__name__}: {str(e).strip()[:300]}",
                    evidence={"traceback": entrypoint.user_traceback(e)},
                )
                try:
                    s.reset()
                except Exception:
                    pass
        res["seconds"] = round(s.clock() - start, 4)
        timings[name] = res["seconds"]
        if name in wanted or res["status"] in ("failed", "error"):
            # an unrequested prerequisite that failed is reported: the checks it holds back say "see shapes"
            s.channel.emit("check", result=res)
        s.progress_done += 1.0
        s.tick(0.0, f"{name}: {res['status']}", force=True)
    return timings


def _device(torch, requested: str):
    available = bool(torch.cuda.is_available())
    if requested == "cuda" and not available:
        build = torch.version.cuda or "none: a CPU-only build"
        raise EntrypointError(
            "device",
            f"device 'cuda' was requested but torch.cuda.is_available() is False in "
            f"{sys.executable} (torch {torch.__version__}, CUDA {build}); use device 'auto' or 'cpu'",
        )
    if requested == "cpu" or not available:
        return torch.device("cpu"), None, available
    device = torch.device("cuda", torch.cuda.current_device())
    torch.zeros(1, device=device)  # creates the context now, so its cost is not charged to a check
    torch.cuda.synchronize(device)
    return device, torch.cuda.get_device_name(device), available


def run(cfg: dict, channel) -> int:
    timings = {}
    t0 = time.perf_counter()
    try:
        import torch
    except ImportError as e:
        channel.emit(
            "error",
            stage="probe",
            kind="missing_torch",
            message=f"torch cannot be imported in {sys.executable}: {e}; "
            "install torch there, or name the interpreter that has it (tool input 'interpreter' or 'python' in "
            "experiment-runner.yaml)",
            traceback=[],
        )
        return 2
    timings["import_torch"] = round(time.perf_counter() - t0, 4)
    device, name, available = _device(torch, cfg.get("device", "auto"))
    torch.ones(64, 64) @ torch.ones(
        64, 64
    )  # starts the CPU thread pool before the cap: its stacks are not the user's memory
    memory: dict[str, Any] = {"mode": "none"}
    if cfg.get("memory_mb"):
        if device.type == "cuda":
            # RLIMIT_AS breaks CUDA's large virtual reservations: the server's RSS watchdog enforces the cap instead.
            rss = runtime._status_kb("VmRSS")
            memory = {"mode": "watchdog", "rss_mb": round((rss or 0) / 1024, 1), "headroom_mb": cfg["memory_mb"]}
        else:
            cap = runtime.cap_memory(cfg["memory_mb"])
            memory = (
                {"mode": "address-space", **cap, "headroom_mb": cfg["memory_mb"]}
                if cap
                else {"mode": "watchdog", "headroom_mb": cfg["memory_mb"]}
            )
    channel.emit(
        "device",
        device=str(device),
        name=name or "CPU",
        requested=cfg.get("device", "auto"),
        cuda_available=available,
        torch=torch.__version__,
        threads=torch.get_num_threads(),
        memory=memory,
    )
    names = cfg.get("checks") or [c for c in CHECKS if c != "lr_range_test"]
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise EntrypointError("probe", f"unknown check(s) {unknown}; valid: {', '.join(CHECKS)}")
    total = float(len(plan(names)) + 1)
    seed = int(cfg.get("seed", 0))
    random.seed(seed)
    torch.manual_seed(seed)
    channel.progress(0.1, total, "loading the entrypoint", force=True)
    t = time.perf_counter()
    built = entrypoint.load_build(cfg["entrypoint"], cfg["workdir"])
    timings["build"] = round(time.perf_counter() - t, 4)
    channel.progress(0.5, total, "reading batches", force=True)
    t = time.perf_counter()
    s = Session(built, device, cfg, channel, torch)
    s.progress_total = total
    timings["read_batches"] = round(time.perf_counter() - t, 4)
    # the first optimizer step imports more of torch (about a second): pay it here, not inside a check's timing
    t = time.perf_counter()
    warm = torch.nn.Parameter(torch.zeros(1))
    warm.grad = torch.ones(1)
    torch.optim.Adam([warm]).step()
    timings["optimizer_warmup"] = round(time.perf_counter() - t, 4)
    channel.emit(
        "loaded",
        loss=s.loss_name,
        train_batches=len(s.train),
        val_batches=len(s.val) if s.val is not None else None,
        optimizer="yours" if s.optimizer_factory is not None else "default Adam(lr=1e-3)",
        extra_keys=s.extra_keys,
    )
    timings.update(run_checks(s, names))
    channel.emit("task", task=s.kind, loss=s.loss_name, num_classes=s.num_classes, notes=s.notes)
    timings["probe_total"] = round(time.perf_counter() - t0, 4)
    channel.emit("done", timings=timings)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="experiment-runner sanity-check probe")
    parser.add_argument("--events-fd", type=int, default=None)
    parser.add_argument("--events-path", default=None)
    parser.add_argument("--config", required=True, help="JSON object")
    args = parser.parse_args(argv)
    channel = (
        runtime.Channel.from_fd(args.events_fd)
        if args.events_fd is not None
        else runtime.Channel.to_path(args.events_path)
    )
    cfg = json.loads(args.config)
    # the probe folder must not shadow user modules named like ours (sanity, entrypoint, runtime)
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != here]
    runtime.watch_deadline(cfg.get("deadline"))
    channel.emit(
        "hello", probe="sanity", version=1, python=sys.version.split()[0], executable=sys.executable, pid=os.getpid()
    )
    try:
        return run(cfg, channel)
    except EntrypointError as e:
        channel.emit("error", stage=e.stage, kind="entrypoint", message=e.message, traceback=e.traceback_tail)
        return 2
    except OutOfMemory as e:
        channel.emit("error", stage="checks", kind="out_of_memory", message=str(e), traceback=[])
        return 3
    except BaseException as e:
        if is_out_of_memory(e):
            channel.emit(
                "error",
                stage="build",
                kind="out_of_memory",
                message=f"{type(e).__name__}: {str(e)[:300]}",
                traceback=entrypoint.user_traceback(e),
            )
            return 3
        import traceback

        channel.emit(
            "error",
            stage="probe",
            kind="internal",
            message=f"{type(e).__name__}: {e}",
            traceback=traceback.format_exception(type(e), e, e.__traceback__)[-20:],
        )
        return 4
