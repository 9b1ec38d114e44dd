"""What the training script itself says, in the manifest: Python config files kept as text (never run), the
script's argparse defaults as the effective config when no config file is given, the seed-flow verdict in the
checklist, seeding counted only in the files the training script uses, and compare_manifests ranking a missing
record as not recorded, after the real differences."""

from __future__ import annotations

import pytest
from mcp import Client
from repro_util import capture, item, make_repo
from seedflow_projects import CONFIGURATOR, VARIANTS

from experiment_runner.repro import compare_manifests
from experiment_runner.server import build_server

pytestmark = pytest.mark.anyio

NANO_TRAIN = next(v for v in VARIANTS if v.id == "configurator-rejected").files["train.py"]
SINK_LINE = next(i for i, line in enumerate(NANO_TRAIN.splitlines(), 1) if "manual_seed" in line)
BENCH = "import torch\nseed = 1337\ntorch.manual_seed(seed)\nimport numpy as np\nnp.random.seed(seed)\n"
RAN = "open(__file__ + '.ran', 'w').write('x')\nbatch_size = 4\nlearning_rate = 1e-3\nwarmup = max(1, 2)\n"


def _nano(tmp_path):
    return make_repo(
        tmp_path / "ws",
        {
            "train.py": NANO_TRAIN,
            "configurator.py": CONFIGURATOR,
            "config/small.py": RAN,
            "bench.py": BENCH,
            "sample.py": BENCH,
        },
    )


async def test_a_nanogpt_style_project_is_judged_on_its_training_script_and_its_python_config(tmp_path, mode):
    root = _nano(tmp_path)
    async with Client(build_server(root), mode=mode) as c:
        r = await c.call_tool(
            "check_reproducibility", {"command": ["python", "train.py", "config/small.py", "--seed=0"]}
        )
    assert not r.is_error, r.content[0].text
    items = {i["id"]: i for i in r.structured_content["checklist"]}
    assert (
        items["seeds.config"]["status"] == "failed" and "Unknown config key: seed" in items["seeds.config"]["evidence"]
    )
    assert items["seeds.flow"]["status"] == "failed" and "[train.py:9]" in items["seeds.flow"]["evidence"]
    code = items["seeds.code"]["evidence"]
    assert "training script train.py" in code and "not counted" in code and "bench.py:3" in code
    assert "torch: train.py:" in code and "numpy: not used" in code  # numpy is seeded only in bench.py and sample.py
    stored = items["config.stored"]
    assert stored["status"] == "passed" and "config/small.py (python" in stored["evidence"]
    assert "not literals: warmup" in stored["evidence"]
    assert not (root / "config" / "small.py.ran").exists()  # read as text, never run


def test_the_python_config_overrides_the_scripts_globals_in_the_effective_config(tmp_path):
    root = _nano(tmp_path)
    ws, m = capture(root, argv=["python", "train.py", "config/small.py", "--out_dir=o"])
    assert [f.path for f in m.config.files] == ["config/small.py"] and m.config.files[0].format == "python"
    assert m.config.resolved["batch_size"] == 4 and m.config.resolved["out_dir"] == "out"
    assert (
        "globals of train.py" in m.config.resolved_from and "overridden by the config files" in m.config.resolved_from
    )
    assert m.seeds.flow.verdict == "constant_seed" and m.seeds.flow.at == f"train.py:{SINK_LINE}"
    assert item(m, "seeds.flow").status == "warning"


ARGPARSE = """\
import argparse
import torch

p = argparse.ArgumentParser()
p.add_argument("--lr", type=float, default=0.1)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--optimizer", default="sgd")
p.add_argument("--seed", type=int, default=0)
args = p.parse_args()
torch.manual_seed(args.seed)
"""


def test_argparse_defaults_are_the_effective_config_and_the_learning_rate_difference_ranks_first(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": ARGPARSE, "data/x.csv": "a\n1\n"})
    ws, a = capture(root, argv=["python", "train.py", "--lr", "0.1", "--seed", "0"], data_paths=["data"])
    ws, b = capture(root, argv=["python", "train.py", "--lr", "0.01", "--seed", "0"])
    stored = item(a, "config.stored")
    assert stored.status == "passed" and "argparse defaults of train.py (train.py:10)" in stored.evidence
    assert a.config.resolved == {"lr": 0.1, "batch_size": 32, "epochs": 3, "optimizer": "sgd", "seed": 0}
    template = item(a, "config.template").evidence
    assert "learning_rate at lr" in template and "batch_size at batch_size" in template
    assert item(a, "seeds.config").status == "passed" and item(a, "seeds.flow").status == "passed"
    diffs = compare_manifests(a, b)
    assert (diffs[0].item, diffs[0].status) == ("argv: lr", "differs")
    data = next(d for d in diffs if d.area == "data")
    assert data.status == "not_recorded" and "not recorded in the second manifest" in data.why
    assert diffs[-1].status == "not_recorded" and all(d.status == "differs" for d in diffs[: diffs.index(data)])
