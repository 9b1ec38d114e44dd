"""Active diagnosis probe: re-run a few training steps of the user's model under torch.autograd.detect_anomaly and
forward hooks on every module, and name the first place a NaN or Inf appeared. Runs in the user's Python (torch
and the standard library only; nothing of experiment_runner is imported).

    python anomaly.py --events-fd N --config '{"entrypoint": "model.py:build", "workdir": "/ws", "steps": 30,
                                               "lr": 40.0, "device": "auto", "seed": 0, "memory_mb": 4096}'

Where the first non-finite value can show up, in the order a step runs:
  input      the batch itself holds NaN/Inf
  forward    a module's output is non-finite while its inputs were finite (hooks fire children-first, so the
             first hook that sees it is the innermost module that made it)
  loss       the model's outputs are finite but loss_fn returned NaN/Inf (log(0), a division by zero ...)
  backward   autograd's anomaly mode names the backward function that returned NaN (and where its forward call
             was); gradients that are Inf without a NaN are found by the per-layer gradient norms
  optimizer  every gradient was finite but optimizer.step() made parameters non-finite (an update too large)
Events: hello, device, progress, result {first_nonfinite, steps [{step, loss, grad_norm, layers}], ...}, error."""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import re
import sys
import warnings

MAX_LAYERS = 40  # per-layer gradient norms reported per step (the largest ones)


def _load(name):
    """A probe module that imports no other (runtime, entrypoint), loaded by file path under a private name: this
    folder is not importable in the user's Python, and a user module named like ours must not stand in for it."""
    key = "_experiment_runner_probe_" + name
    if key not in sys.modules:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name + ".py")
        spec = importlib.util.spec_from_file_location(key, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load the probe module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


runtime = _load("runtime")
entrypoint = _load("entrypoint")


def _tensors(value):
    import torch

    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _tensors(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _tensors(v)


def _bad_count(t) -> tuple[int, int]:
    import torch

    if not t.is_floating_point() and not t.is_complex():
        return 0, 0
    return int(torch.isnan(t).sum()), int(torch.isinf(t).sum())


def _all_finite(value) -> bool:
    return all(_bad_count(t) == (0, 0) for t in _tensors(value))


def _max_abs(value) -> float | None:
    import torch

    best = None
    for t in _tensors(value):
        if t.is_floating_point() and t.numel():
            finite = t.detach()[torch.isfinite(t.detach())]
            if finite.numel():
                m = float(finite.abs().max())
                best = m if best is None else max(best, m)
    return best


def _user_frames(text: str) -> list[str]:
    """File/line frames of a forward traceback that are not inside torch (where the user's op was called)."""
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)\n\s+(.+)', text)
    keep = [
        f"{os.path.basename(f)}:{line} in {fn}: {code.strip()}"
        for f, line, fn, code in frames
        if "/torch/" not in f and "anomaly.py" not in f
    ]
    return keep[-3:]


def _op_watcher(probe):
    """A dispatch mode that sees every tensor operation of the forward pass and the loss: the first one whose
    output is non-finite while its inputs were finite is named with the user's line that called it. Built on
    torch.utils._python_dispatch (present since torch 1.13); without it, module hooks alone are used."""
    try:
        from torch.utils._python_dispatch import TorchDispatchMode
    except ImportError:
        return None

    class Watch(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            if probe.first is None and not _all_finite(out) and _all_finite(args) and _all_finite(kwargs or {}):
                nan = inf = 0
                for t in _tensors(out):
                    n, i = _bad_count(t)
                    nan, inf = nan + n, inf + i
                import traceback

                frames = [
                    f
                    for f in traceback.extract_stack()[:-1]
                    if "/torch/" not in f.filename and not f.filename.endswith("anomaly.py")
                ]
                where = (
                    f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}: {(frames[-1].line or '').strip()}"
                    if frames
                    else None
                )
                op = str(getattr(func, "__name__", func)).split(".")[0]
                probe.first = {
                    "phase": probe.phase,
                    "step": probe.step,
                    "operation": op,
                    "code": where,
                    "module": None,
                    "nan_count": nan,
                    "inf_count": inf,
                    "input_max_abs": _max_abs(args),
                }
            return out

    return Watch()


class Probe:
    def __init__(self, cfg, channel, torch):
        self.cfg = cfg
        self.channel = channel
        self.torch = torch
        self.first = None
        self.step = 0
        self.phase = "forward"
        self.names = {}

    def hook(self, module, inputs, output):
        first = self.first
        if (
            first is not None
            and first.get("phase") == "forward"
            and first.get("module") is None
            and "operation" in first
        ):
            # the op watcher saw it first; the innermost module whose output carries it is this one
            first["module"] = self.names.get(id(module)) or "(model)"
            first["module_type"] = type(module).__name__
            return
        if first is not None:
            return
        if _all_finite(output):
            return
        nan = inf = 0
        for t in _tensors(output):
            n, i = _bad_count(t)
            nan += n
            inf += i
        inputs_finite = _all_finite(inputs)
        if not inputs_finite:
            return  # not where it started: an earlier module (or the data) made it, and its hook has reported
        name = self.names.get(id(module), "?")
        big = _max_abs(inputs)
        kind = type(module).__name__
        self.first = {
            "phase": "forward",
            "step": self.step,
            "module": name or "(model)",
            "module_type": kind,
            "nan_count": nan,
            "inf_count": inf,
            "input_max_abs": big,
            "summary": f"step {self.step}: the output of {name or 'the model'} ({kind}) became "
            f"{'NaN' if nan else 'Inf'} ({nan} NaN, {inf} Inf values) while its inputs were finite"
            + (f" (largest |input| {big:.3g})" if big is not None else ""),
        }

    def run(self) -> int:
        torch = self.torch
        cfg = self.cfg
        device = self._device()
        built = entrypoint.load_build(cfg["entrypoint"], cfg["workdir"])
        model = built["model"].to(device)
        model.train()
        loss_fn = built["loss_fn"]
        self.names = {id(m): n for n, m in model.named_modules()}
        handles = [m.register_forward_hook(self.hook) for m in model.modules()]
        params = [p for p in model.parameters() if p.requires_grad]
        if built.get("optimizer") is not None:
            opt = built["optimizer"](params)
            opt_source = "build()"
        else:
            opt = torch.optim.SGD(params, lr=cfg.get("lr") or 0.01)
            opt_source = "default SGD"
        if cfg.get("lr"):
            for group in opt.param_groups:
                group["lr"] = float(cfg["lr"])
        lr = opt.param_groups[0].get("lr")
        steps = int(cfg.get("steps", 30))
        batches = entrypoint.take_batches(built["train_loader"], "train_loader", min(steps, 64))
        history = []
        self.channel.progress(0, steps, "probe steps", force=True)
        for i in range(steps):
            self.step = i + 1
            x, y = batches[i % len(batches)]
            x, y = x.to(device), y.to(device)
            if not _all_finite(x) or not _all_finite(y):
                which = "inputs" if not _all_finite(x) else "targets"
                n, inf = _bad_count(x if which == "inputs" else y)
                self.first = {
                    "phase": "input",
                    "step": self.step,
                    "module": f"(batch {which})",
                    "module_type": "data",
                    "nan_count": n,
                    "inf_count": inf,
                    "summary": f"step {self.step}: the batch's {which} already hold {n} NaN and {inf} Inf values",
                }
                break
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                with torch.autograd.detect_anomaly(check_nan=True):
                    watcher = _op_watcher(self)
                    if watcher is not None:
                        with watcher:
                            self.phase = "forward"
                            out = model(x)
                            self.phase = "loss"
                            loss = loss_fn(out, y)
                    else:
                        out = model(x)
                        loss = loss_fn(out, y)
                    entrypoint.check_loss_value(loss)
                    loss_value = float(loss.detach())
                    if self.first is not None:
                        self.first["loss"] = loss_value
                        self._describe(self.first)
                        break
                    if not math.isfinite(loss_value):
                        self.first = {
                            "phase": "loss",
                            "step": self.step,
                            "module": "(loss_fn)",
                            "module_type": type(loss_fn).__name__,
                            "loss": loss_value,
                            "output_max_abs": _max_abs(out),
                            "summary": f"step {self.step}: the model's outputs were finite (largest |output| "
                            f"{_max_abs(out) or 0:.3g}) but loss_fn returned {loss_value}",
                        }
                        break
                    opt.zero_grad(set_to_none=True)
                    try:
                        loss.backward()
                    except RuntimeError as e:
                        msg = str(e)
                        m = re.search(r"Function '(\w+)' returned nan values in its (\d+)th output", msg)
                        if not m:
                            raise
                        forward = "\n".join(str(w.message) for w in caught)
                        frames = _user_frames(forward)
                        self.first = {
                            "phase": "backward",
                            "step": self.step,
                            "module": None,
                            "operation": m.group(1),
                            "output_index": int(m.group(2)),
                            "loss": loss_value,
                            "forward_call": frames,
                            "summary": f"step {self.step}: backward of {m.group(1)} returned NaN"
                            + (f" (its forward call: {frames[-1]})" if frames else ""),
                        }
                        break
            layers, total, bad_layers = self._grad_norms(model)
            record = {"step": self.step, "loss": loss_value, "grad_norm": total, "layers": layers}
            if bad_layers:
                record["nonfinite_grad_layers"] = bad_layers
                self.first = {
                    "phase": "backward",
                    "step": self.step,
                    "module": bad_layers[0],
                    "module_type": "parameters",
                    "loss": loss_value,
                    "layers": bad_layers,
                    "summary": f"step {self.step}: gradients of {', '.join(bad_layers[:3])} are non-finite "
                    f"while the loss ({loss_value:.4g}) is finite",
                }
                history.append(record)
                break
            opt.step()
            history.append(record)
            broken = self._nonfinite_params(model)
            if broken:
                self.first = {
                    "phase": "optimizer",
                    "step": self.step,
                    "module": broken[0],
                    "module_type": "parameters",
                    "lr": lr,
                    "grad_norm": total,
                    "layers": broken,
                    "summary": f"step {self.step}: optimizer.step() (lr {lr}) made the parameters of "
                    f"{', '.join(broken[:3])} non-finite; the gradient norm was {total:.3g}",
                }
                break
            self.channel.progress(self.step, steps, f"probe step {self.step}")
        for h in handles:
            h.remove()
        self.channel.emit(
            "result",
            first_nonfinite=self.first,
            steps=history,
            lr=lr,
            optimizer=type(opt).__name__,
            optimizer_source=opt_source,
            steps_run=self.step,
            device=str(device),
        )
        return 0

    def _describe(self, first):
        if first.get("summary"):
            return
        module = first.get("module")
        where = (
            f"in {module} ({first.get('module_type')})"
            if module and module != "(model)"
            else ("in loss_fn" if first["phase"] == "loss" else "in the model's forward")
        )
        code = f" at {first['code']}" if first.get("code") else ""
        big = first.get("input_max_abs")
        first["summary"] = (
            f"step {first['step']}: {first.get('operation')} {where}{code} produced "
            f"{'NaN' if first.get('nan_count') else 'Inf'} ({first.get('nan_count', 0)} NaN, "
            f"{first.get('inf_count', 0)} Inf) from finite inputs"
            + (f" (largest |input| {big:.3g})" if big is not None else "")
        )

    def _grad_norms(self, model):
        squares = {}  # layer -> sum of its parameters' squared gradient norms (inf/nan kept as such)
        total_sq = 0.0
        bad = []
        for name, p in model.named_parameters():
            if p.grad is None:
                continue
            layer = name.rsplit(".", 1)[0] if "." in name else name
            norm = float(p.grad.detach().float().norm())
            if not math.isfinite(norm) and layer not in bad:
                bad.append(layer)
            if math.isfinite(norm):
                total_sq += norm * norm
            squares[layer] = squares.get(layer, 0.0) + norm * norm
        per_layer = {k: math.sqrt(v) if math.isfinite(v) else v for k, v in squares.items()}
        largest = sorted(per_layer.items(), key=lambda kv: -(kv[1] if math.isfinite(kv[1]) else math.inf))[:MAX_LAYERS]
        return {k: round(v, 6) if math.isfinite(v) else v for k, v in largest}, math.sqrt(total_sq), bad

    def _nonfinite_params(self, model):
        out = []
        for name, p in model.named_parameters():
            if not _all_finite(p.detach()):
                layer = name.rsplit(".", 1)[0] if "." in name else name
                if layer not in out:
                    out.append(layer)
        return out

    def _device(self):
        torch = self.torch
        want = self.cfg.get("device", "auto")
        if want == "cpu" or not torch.cuda.is_available():
            dev = torch.device("cpu")
        else:
            dev = torch.device("cuda", torch.cuda.current_device())
        cap = None
        if self.cfg.get("memory_mb") and dev.type == "cpu":
            cap = runtime.cap_memory(int(self.cfg["memory_mb"]))
        self.channel.emit("device", device=str(dev), memory_cap=cap)
        return dev


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="experiment-runner anomaly probe")
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
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != here]  # never shadow the user's modules
    runtime.watch_deadline(cfg.get("deadline"))
    channel.emit("hello", probe="anomaly", version=1, python=sys.version.split()[0], pid=os.getpid())
    try:
        import torch
    except ImportError as e:
        channel.emit(
            "error", stage="probe", kind="missing_torch", message=f"torch cannot be imported in {sys.executable}: {e}"
        )
        return 2
    torch.manual_seed(int(cfg.get("seed", 0)))
    try:
        return Probe(cfg, channel, torch).run()
    except entrypoint.EntrypointError as e:
        channel.emit("error", stage=e.stage, kind="entrypoint", message=e.message, traceback=e.traceback_tail)
        return 2
    except BaseException as e:  # the user's code raised: report it, it is evidence too
        channel.emit(
            "error",
            stage="training",
            kind=type(e).__name__,
            message=f"{type(e).__name__}: {str(e)[:500]}",
            traceback=entrypoint.user_traceback(e),
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
