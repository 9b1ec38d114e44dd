"""Seeding and determinism found by reading the source (never running it), and the config check."""

from __future__ import annotations

import json
import os

import pytest
from repro_util import TRAIN, capture, item, make_repo

from experiment_runner.errors import NotFound, UserError

SEEDED_EVERYTHING = """\
import random
import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.backends import cudnn

def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.use_deterministic_algorithms(True)
    cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False

def loaders(ds, seed):
    g = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=8, shuffle=True, num_workers=4, generator=g, worker_init_fn=lambda i: None)
"""

UNSEEDED = """\
import random
import numpy as np
import torch
import torch.utils.data as tud

rng = np.random.default_rng()
noise = np.random.rand(3)
loader = tud.DataLoader([1, 2, 3], num_workers=2)
torch.backends.cudnn.benchmark = True
x = random.random() + torch.randn(1).item()
"""

ALIASED = """\
from torch import manual_seed as ms
from lightning import seed_everything
import pytorch_lightning as pl
import torch

seed_everything(7)
ms(7)
trainer = pl.Trainer(deterministic=True)
"""

CANARY_ON_IMPORT = "open(__file__ + '.ran', 'w').write('x')\nimport torch\ntorch.manual_seed(0)\n"


def test_seeding_and_determinism_calls_are_reported_with_file_and_line(tmp_path):
    root = make_repo(tmp_path / "ws", {"src/seeding.py": SEEDED_EVERYTHING, "config.yaml": "seed: 3\n"})
    ws, m = capture(root, config_files=["config.yaml"])
    code = item(m, "seeds.code")
    assert code.status == "passed"
    for expected in (
        "src/seeding.py:8 (random.seed(seed))",
        "src/seeding.py:9",
        "src/seeding.py:10",
        "src/seeding.py:11",
    ):
        assert expected in code.evidence
    det = item(m, "seeds.determinism")
    assert det.status == "passed"
    assert (
        "src/seeding.py:12" in det.evidence
        and "src/seeding.py:13" in det.evidence
        and "src/seeding.py:14" in det.evidence
    )
    dl = item(m, "seeds.dataloader")
    assert dl.status == "passed" and "src/seeding.py:18" in dl.evidence and "generator=set" in dl.evidence
    assert item(m, "seeds.config").status == "passed" and "seed = 3" in item(m, "seeds.config").evidence


def test_missing_seeding_and_determinism_are_named_with_the_fix(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": UNSEEDED})
    ws, m = capture(root)
    code = item(m, "seeds.code")
    assert code.status == "failed"
    assert (
        "python random: NOT SEEDED" in code.evidence
        and "numpy: NOT SEEDED" in code.evidence
        and "torch: NOT SEEDED" in code.evidence
    )
    assert "unseeded numpy generator at train.py:6" in code.evidence
    assert (
        "random.seed(seed)" in code.fix and "np.random.seed(seed)" in code.fix and "torch.manual_seed(seed)" in code.fix
    )
    det = item(m, "seeds.determinism")
    assert det.status == "warning" and "train.py:9" in det.evidence and "benchmark" in det.evidence
    assert "use_deterministic_algorithms(True)" in det.fix
    dl = item(m, "seeds.dataloader")
    assert dl.status == "warning" and "train.py:8" in dl.evidence and "num_workers=2" in dl.evidence
    assert item(m, "seeds.config").status == "failed"


def test_imports_under_other_names_and_framework_helpers_are_recognised(tmp_path):
    root = make_repo(tmp_path / "ws", {"fit.py": ALIASED})
    ws, m = capture(root, argv=["python", "fit.py"])
    kinds = {(c.kind, c.at) for c in m.seeds.calls}
    assert (
        ("all", "fit.py:6") in kinds
        and ("torch", "fit.py:7") in kinds
        and ("trainer_deterministic", "fit.py:8") in kinds
    )
    assert item(m, "seeds.code").status == "passed"
    assert item(m, "seeds.determinism").status == "passed"


def test_a_file_that_does_not_parse_is_read_by_pattern_with_line_numbers(tmp_path):
    broken = "import torch\ndef f(:\n    pass\ntorch.manual_seed(1)\nprint 'py2'\n"
    root = make_repo(tmp_path / "ws", {"old.py": broken})
    ws, m = capture(root, argv=["python", "old.py"])
    assert m.seeds.files_regex == ["old.py"]
    assert [(c.kind, c.at) for c in m.seeds.calls] == [("torch", "old.py:4")]
    assert "read by pattern" in item(m, "seeds.code").evidence


def test_the_project_code_is_never_run(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": CANARY_ON_IMPORT, "pkg/__init__.py": CANARY_ON_IMPORT})
    capture(root)
    assert not (root / "train.py.ran").exists() and not (root / "pkg" / "__init__.py.ran").exists()


def test_a_config_without_a_seed_and_keys_lists_what_the_template_misses(tmp_path):
    root = make_repo(
        tmp_path / "ws", {"train.py": TRAIN, "cfg.json": json.dumps({"model": {"arch": "resnet18"}, "bs": 64})}
    )
    ws, m = capture(root, config_files=["cfg.json"])
    template = item(m, "config.template")
    assert template.status == "warning"
    missing = template.evidence.split(";")[0]
    for key in (
        "experiment_name",
        "seed",
        "data_paths",
        "data_version",
        "epochs",
        "learning_rate",
        "optimizer",
        "tracking",
    ):
        assert key in missing
    assert "batch_size" not in missing and "model_architecture" not in missing
    assert "batch_size at bs" in template.evidence
    assert item(m, "seeds.config").status == "failed"


def test_common_spellings_and_command_line_values_count_as_present(tmp_path):
    cfg = (
        "exp_name: x\nseed: 1\ndataset:\n  train_path: d/train.csv\n  version: v2\nmodel:\n  backbone: vit\n  depth: "
        "12\n"
        "trainer:\n  max_epochs: 3\noptim:\n  name: adamw\nlogger: wandb\n"
    )
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "c.yml": cfg})
    ws, m = capture(
        root, config_files=["c.yml"], argv=["python", "train.py", "--lr=3e-4", "--batch-size", "32", "+seed=5"]
    )
    template = item(m, "config.template")
    assert template.status == "passed", template.evidence
    assert "learning_rate at argv: lr" in template.evidence
    assert m.config.command_overrides == {"lr": "3e-4", "batch-size": "32", "seed": "5"}
    # train.py never reads its command line: the seed given there is ignored, whatever the config says
    seeds_config = item(m, "seeds.config")
    assert seeds_config.status == "failed" and "`+seed=5`" in seeds_config.evidence
    assert "never reads its command line" in seeds_config.evidence


def test_several_config_files_are_stored_and_merged_in_order(tmp_path):
    root = make_repo(
        tmp_path / "ws",
        {"train.py": TRAIN, "base.yaml": "a: 1\nopt:\n  lr: 0.1\n  wd: 0\n", "over.toml": "[opt]\nlr = 0.5\n"},
    )
    ws, m = capture(root, config_files=["base.yaml", "over.toml"])
    assert m.config.resolved == {"a": 1, "opt": {"lr": 0.5, "wd": 0}}
    assert [f.path for f in m.config.files] == ["base.yaml", "over.toml"]
    assert m.config.files[0].text == "a: 1\nopt:\n  lr: 0.1\n  wd: 0\n"
    assert item(m, "config.stored").status == "passed"


def test_no_config_file_fails_the_stored_item(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    assert item(m, "config.stored").status == "failed" and "config_files" in item(m, "config.stored").fix


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.yaml", "a: [1,\n", "is not valid YAML"),
        ("bad.ini", "[a]\n", "unknown format '.ini'; valid: .yaml, .yml, .json, .toml"),
        ("list.yaml", "- 1\n- 2\n", "holds a list at the top level"),
    ],
)
def test_unreadable_configs_are_refused_naming_the_file(tmp_path, name, content, message):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, name: content})
    with pytest.raises(UserError) as e:
        capture(root, config_files=[name])
    assert name in str(e.value) and message in str(e.value)


def test_a_missing_config_or_data_path_is_named(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    with pytest.raises(NotFound, match="config file 'nope.yaml' does not exist"):
        capture(root, config_files=["nope.yaml"])
    with pytest.raises(NotFound, match="data path 'data/none' does not exist"):
        capture(root, data_paths=["data/none"])


def test_the_command_records_argv_cwd_and_training_variables_but_never_secrets(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "sub/x.txt": "x"})
    env = {
        "PATH": os.environ["PATH"],
        "CUDA_VISIBLE_DEVICES": "1",
        "PYTHONHASHSEED": "0",
        "OMP_NUM_THREADS": "4",
        "HF_TOKEN": "hf_secret",
        "WANDB_API_KEY": "k",
        "HOME": "/root",
        "NCCL_DEBUG": "INFO",
    }
    ws, m = capture(root, argv=["python", "../train.py", "--seed", "0"], cwd="sub", env=env)
    assert m.command.argv == ["python", "../train.py", "--seed", "0"] and m.command.cwd == "sub"
    assert m.command.env == {
        "CUDA_VISIBLE_DEVICES": "1",
        "NCCL_DEBUG": "INFO",
        "OMP_NUM_THREADS": "4",
        "PYTHONHASHSEED": "0",
    }
    assert m.command.env_withheld == ["HF_TOKEN"]
    assert "hf_secret" not in m.model_dump_json()
    assert item(m, "command.env").status == "passed"
    assert item(m, "command.recorded").status == "passed"


def test_unset_pythonhashseed_and_deterministic_algorithms_without_cublas_config_warn(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": "import torch\ntorch.use_deterministic_algorithms(True)\n"})
    ws, m = capture(root, env={"PATH": "/usr/bin:/bin"})
    env_item = item(m, "command.env")
    assert env_item.status == "warning"
    assert "PYTHONHASHSEED=0" in env_item.fix and "CUBLAS_WORKSPACE_CONFIG=:4096:8" in env_item.fix
