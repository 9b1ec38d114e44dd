"""The probe's entrypoint API (probe/entrypoint.py), which other probes reuse: loading `file.py:build` or
`module:build` and the exact messages for each way a build() result can break the contract. These run in-process
(the probe is torch + stdlib, so the test interpreter can load it like the user's would)."""

from __future__ import annotations

import ast
import importlib.util
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO

CONTRACT = DATA / "sanity_contract"
PROBE = REPO / "src" / "experiment_runner" / "probe"


@pytest.fixture
def ep():
    """probe/entrypoint.py loaded by file path, as a probe in the user's Python loads it."""
    spec = importlib.util.spec_from_file_location("_test_probe_entrypoint", PROBE / "entrypoint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _restore_import_state(tmp_path):
    """Forget the user modules a test imported (torch's own lazily imported modules stay: they cannot be
    re-imported)."""
    path, modules = list(sys.path), set(sys.modules)
    yield
    sys.path[:] = path
    for name in set(sys.modules) - modules:
        origin = str(getattr(sys.modules[name], "__file__", "") or "")
        if origin.startswith((str(DATA), str(tmp_path))):
            del sys.modules[name]


def error_of(ep, fn, *args):
    with pytest.raises(ep.EntrypointError) as info:
        fn(*args)
    return info.value


def test_the_probe_folder_imports_nothing_of_the_package():
    for path in PROBE.glob("*.py"):
        text = path.read_text()
        assert "experiment_runner" not in "".join(
            line for line in text.splitlines() if line.lstrip().startswith(("import ", "from "))
        ), path.name


def test_the_probe_files_parse_as_the_oldest_python_they_run_on():
    paths = sorted(PROBE.glob("*.py"))
    assert {"sanity.py", "env_probe.py", "checks.py"} <= {p.name for p in paths}  # the split files are all there
    for path in paths:  # ast.parse raises SyntaxError on syntax newer than `oldest`
        oldest = (3, 7) if path.name == "env_probe.py" else (3, 8)
        ast.parse(path.read_text(), filename=str(path), feature_version=oldest)


def _python38() -> str | None:
    """A Python 3.8 that runs (a pyenv shim on PATH may name a version that is not selected)."""
    pyenv = Path.home() / ".pyenv" / "versions"
    candidates = [str(p) for p in sorted(pyenv.glob("3.8*/bin/python3.8"))] + [shutil.which("python3.8")]
    for python in filter(None, candidates):
        probe = [python, "-c", "import sys; print(sys.version_info[:2] == (3, 8))"]
        ran = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
        if ran.stdout.strip() == "True":
            return python
    return None


def test_the_sanity_probe_loads_all_its_modules_under_python_3_8(tmp_path):
    """checks.py imports every check module before it imports torch: reaching the torch import (or past it) proves
    the package loads; a missing torch is then reported as an event, not a crash."""
    python = _python38()
    if python is None:
        pytest.skip("no python3.8 on this machine (looked on PATH and under ~/.pyenv/versions)")
    events = tmp_path / "events.jsonl"
    config = json.dumps({"entrypoint": "missing.py:build", "workdir": str(tmp_path), "device": "cpu"})
    done = subprocess.run(
        [python, str(PROBE / "sanity.py"), "--config", config, "--events-path", str(events)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    kinds = [json.loads(line) for line in events.read_text().splitlines()]
    assert kinds[0]["event"] == "hello" and kinds[0]["python"].startswith("3.8"), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert kinds[-1]["event"] == "error" and kinds[-1]["kind"] in ("missing_torch", "entrypoint"), kinds[-1]


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("classify/model.py:build", ("file", "classify/model.py", "build")),
        ("model.py:make.build", ("file", "model.py", "make.build")),
        ("pkg.models:build", ("module", "pkg.models", "build")),
        ("/abs/path/m.py:build", ("file", "/abs/path/m.py", "build")),
    ],
)
def test_specs_split_into_file_or_module_and_attribute(ep, spec, expected):
    assert tuple(ep.parse_spec(spec)) == expected


@pytest.mark.parametrize(
    "spec, needle",
    [
        ("model.py", "has no ':'"),
        ("model.py:", "is not a Python name"),
        (":build", "names no file or module"),
        ("data/model:build", "not a .py file"),
        ("my-module:build", "neither a .py file nor a module name"),
    ],
)
def test_a_bad_spec_says_what_is_wrong_and_shows_the_valid_forms(ep, spec, needle):
    err = error_of(ep, ep.parse_spec, spec)
    assert err.stage == "spec"
    assert needle in err.message and "path/to/file.py:build" in err.message and "package.module:build" in err.message


def test_a_valid_entrypoint_loads_with_every_contract_key(ep):
    built = ep.load_build("_tiny.py:good", CONTRACT)
    assert set(built) == set(ep.REQUIRED_KEYS + ep.OPTIONAL_KEYS) | {"extra_keys"}
    assert built["val_loader"] is None and built["extra_keys"] == []


def test_a_module_entrypoint_is_imported_from_the_workdir(ep, tmp_path):
    pkg = tmp_path / "proj"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "net.py").write_text(
        textwrap.dedent("""
        import torch
        def build():
            return {"model": torch.nn.Linear(2, 2), "train_loader": [(torch.zeros(4, 2), torch.zeros(4).long())],
                    "loss_fn": torch.nn.CrossEntropyLoss(), "surprise": 1}
    """)
    )
    built = ep.load_build("proj.net:build", tmp_path)
    assert built["extra_keys"] == ["surprise"]


def test_a_missing_module_is_named_with_where_it_was_looked_for(ep, tmp_path):
    err = error_of(ep, ep.load_build, "nowhere.models:build", tmp_path)
    assert err.stage == "import" and "'nowhere.models' cannot be found" in err.message and str(tmp_path) in err.message


def test_a_missing_attribute_lists_the_callables_the_file_defines(ep):
    err = error_of(ep, ep.load_build, "build_raises.py:make", CONTRACT)
    assert err.stage == "import" and "has no 'make'" in err.message and "build, load_table" in err.message


def test_a_missing_key_is_named_with_the_keys_present(ep):
    err = error_of(ep, ep.load_build, "missing_key.py:build", CONTRACT)
    assert err.stage == "contract"
    assert "missing 'loss_fn' (it has: model, train_loader)" in err.message


def test_a_tuple_instead_of_a_dict_is_refused_listing_the_keys(ep):
    err = error_of(ep, ep.load_build, "returns_tuple.py:build", CONTRACT)
    assert "build() returned a tuple; it must return a dict with keys model, train_loader, loss_fn" in err.message


def test_build_raising_gives_the_users_traceback_without_probe_frames(ep):
    err = error_of(ep, ep.load_build, "build_raises.py:build", CONTRACT)
    assert err.stage == "build" and "FileNotFoundError" in err.message
    assert any('build_raises.py", line' in line for line in err.traceback_tail)
    assert not any(str(PROBE) in line for line in err.traceback_tail)


def test_an_optimizer_instance_is_refused_with_the_callable_to_write_instead(ep):
    err = error_of(ep, ep.load_build, "optimizer_instance.py:build", CONTRACT)
    assert "already built SGD" in err.message and "lambda params: torch.optim.SGD(params" in err.message


def test_every_type_problem_is_reported_at_once(ep):
    import torch

    x = torch.zeros(8, 3)
    err = error_of(
        ep,
        ep.validate_build,
        {
            "model": "resnet",
            "train_loader": x,
            "val_loader": torch.utils.data.TensorDataset(x, x),
            "loss_fn": 3,
            "task": "segmentation",
            "num_classes": 1,
        },
    )
    for needle in (
        "model is a str; expected a torch.nn.Module",
        "train_loader is a Tensor of shape [8, 3]",
        "val_loader is a Dataset (TensorDataset)",
        "loss_fn is a int",
        "task is 'segmentation'",
        "num_classes is 1",
    ):
        assert needle in err.message


@pytest.mark.parametrize(
    "batch, needle",
    [
        ("triple", "train_loader batch 0 is a tuple of 3 items (Tensor[16, 5], Tensor[16], Tensor[16])"),
        ("dict", "train_loader batch 0 is a dict with keys ['label', 'pixels']"),
        ("list_inputs", "train_loader batch 0: inputs is a list of 2; expected a torch.Tensor"),
        ("scalar", "train_loader batch 0: targets is a 0-dimensional tensor"),
    ],
)
def test_batches_that_are_not_input_target_pairs_are_described(ep, batch, needle):
    import torch

    x, y = torch.zeros(16, 5), torch.zeros(16).long()
    loader = {
        "triple": [(x, y, torch.ones(16))],
        "dict": [{"pixels": x, "label": y}],
        "list_inputs": [([1.0, 2.0], y)],
        "scalar": [(x, torch.tensor(3))],
    }[batch]
    err = error_of(ep, ep.take_batches, loader, "train_loader", 5)
    assert err.stage == "contract" and needle in err.message


def test_an_empty_loader_and_a_loader_that_raises_are_reported(ep):
    assert "yielded no batches" in error_of(ep, ep.take_batches, [], "val_loader", 3).message

    def broken():
        import torch

        yield torch.zeros(2, 2), torch.zeros(2)
        raise OSError("disk gone")

    err = error_of(ep, ep.take_batches, broken(), "train_loader", 5)
    assert err.stage == "data" and "iterating train_loader raised OSError at batch 1: disk gone" in err.message


def test_take_batches_stops_at_the_limit(ep):
    import torch

    loader = [(torch.zeros(2, 2), torch.zeros(2)) for _ in range(10)]
    assert len(ep.take_batches(loader, "train_loader", 3)) == 3


def test_a_loss_that_is_not_a_scalar_is_refused(ep):
    import torch

    assert (
        "returned a tensor of shape [16]; it must return a scalar"
        in error_of(ep, ep.check_loss_value, torch.zeros(16)).message
    )
    assert "returned a float" in error_of(ep, ep.check_loss_value, 0.5).message
    assert "floating-point" in error_of(ep, ep.check_loss_value, torch.tensor(1)).message
    ep.check_loss_value(torch.tensor([0.3]))


def test_out_of_memory_in_build_is_not_disguised_as_a_build_error(ep, tmp_path):
    (tmp_path / "oom.py").write_text("def build():\n    raise MemoryError('no room')\n")
    with pytest.raises(MemoryError):
        ep.load_build("oom.py:build", tmp_path)
