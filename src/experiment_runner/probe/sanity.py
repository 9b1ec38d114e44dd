"""The seed's Phase 1 sanity checks on the user's own model, run inside the user's Python (torch + stdlib only).

    python sanity.py --events-fd N --config '{"entrypoint": "classify/model.py:build", "workdir": "/ws", ...}'

Config keys: entrypoint, workdir, device (auto|cpu|cuda), checks (names, in order), overfit_steps, train_steps,
max_batches, lr_steps, seed, memory_mb (headroom above the start size; 0 = no cap), deadline (epoch seconds).
Events, one JSON object a line on fd N (never the user's stdout, which their code may print to):
    hello     {probe, version, python, executable, pid}
    device    {device, name, requested, cuda_available, torch, memory}
    loaded    {loss, train_batches, val_batches, optimizer, extra_keys}
    task      {task, loss, num_classes, notes}        (what the first forward pass showed)
    progress  {done, total, message}
    check     {result: {name, status, message, expected, observed, threshold, evidence, fix, seconds}}
    error     {stage, kind, message, traceback}     (then the process exits non-zero)
    done      {timings}

The checks live in the modules of this folder, loaded as one package (see probe_package):
    checks.py           the order, what each check needs first, main()
    session.py          Session: the model, loss, batches and initial weights, and what the first forward pass showed
    results.py          check names and statuses, result() and the fix for each check
    thresholds.py       every threshold a check applies, each with its reason (each result quotes the one it used)
    data_checks.py      data_finite, train_val_overlap
    shapes.py           shapes, and the task, layout and class count it finds for the other checks
    init_checks.py      initial_loss, gradients_flow
    training_checks.py  overfit_one_batch, beats_baseline, lr_range_test
    leaks.py            label_leak, and the near-duplicates for train_val_overlap
    entrypoint.py, runtime.py   loading build() and checking its contract; the event channel and the limits
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

#: the name this folder is loaded under in the user's Python (never a name a user module could have)
PACKAGE = "_experiment_runner_probe"


def probe_package() -> str:
    """Load this folder by path as the package PACKAGE (once) and return its name. In the user's Python the folder
    is not importable (and must not be: user modules named like ours, sanity or session, would collide), so the
    modules of the package find each other through relative imports inside it."""
    if PACKAGE not in sys.modules:
        here = os.path.dirname(os.path.abspath(__file__))
        spec = importlib.util.spec_from_file_location(
            PACKAGE, os.path.join(here, "__init__.py"), submodule_search_locations=[here]
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load the probe folder {here} as a package")
        package = importlib.util.module_from_spec(spec)
        sys.modules[PACKAGE] = package
        spec.loader.exec_module(package)
    return PACKAGE


# This file holds no relative import: it runs as a script (and again as __mp_main__ in DataLoader workers started
# with spawn), where there is no package to be relative to.
if __name__ == "__main__":
    sys.exit(importlib.import_module(probe_package() + ".checks").main())
