"""Small projects shaped like the common ones (an argparse script with a seeding helper in another module, a Hydra
app with a defaults list, a nanoGPT-style configurator, a LightningCLI script, a click command), each in a seeded
variant and in broken ones: a constant seed, a rejected flag, an unused flag, the seed only in an output path.

Each variant: files, the launch command (with {seed}), the verdict a reader gives, and the decisive line, found by
a marker comment in the files (so the tests name lines without counting them)."""

from __future__ import annotations

from dataclasses import dataclass

ARGPARSE_UTILS = """\
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
"""

ARGPARSE_TRAIN = """\
import argparse

import torch
from utils import set_seed


def get_args():
    parser = argparse.ArgumentParser(description="train a small model")
    parser.add_argument("--lr", type=float, default=0.1)
{seed_option}    parser.add_argument("--out_dir", default="out")
    return parser.parse_args()  # MARK:parse


def main():
    args = get_args()
{seeding}    model = torch.nn.Linear(4, 2)
    print(args.lr, model.weight.sum().item())


if __name__ == "__main__":
    main()
"""
SEED_OPTION = '    parser.add_argument("--seed", type=int, default=1)  # MARK:option\n'


def _argparse(seed_option: bool, seeding: str) -> dict[str, str]:
    return {
        "utils.py": ARGPARSE_UTILS,
        "train.py": ARGPARSE_TRAIN.format(seed_option=SEED_OPTION if seed_option else "", seeding=seeding),
    }


HYDRA_TRAIN = """\
import hydra
import torch


@hydra.main(version_base=None, config_path="conf", config_name="config")  # MARK:parse
def main(cfg):
{seeding}    model = torch.nn.Linear(cfg.model.width, 2)
    print(cfg.optim.lr, model.weight.sum().item())


if __name__ == "__main__":
    main()
"""
HYDRA_CONFIG = """\
defaults:
  - model: small
  - _self_

{seed_line}out_dir: outputs
optim:
  lr: 0.1
"""


def _hydra(seed_key: bool, seeding: str) -> dict[str, str]:
    return {
        "train.py": HYDRA_TRAIN.format(seeding=seeding),
        "conf/config.yaml": HYDRA_CONFIG.format(seed_line="seed: 0  # MARK:option\n" if seed_key else ""),
        "conf/model/small.yaml": "width: 4\n",
    }


CONFIGURATOR = """\
import sys
from ast import literal_eval

for arg in sys.argv[1:]:
    if "=" not in arg:
        exec(open(arg).read())
        continue
    key, value = arg[2:].split("=", 1)
    if key not in globals():
        raise ValueError(f"Unknown config key: {key}")
    try:
        globals()[key] = literal_eval(value)
    except (SyntaxError, ValueError):
        globals()[key] = value
"""
CONFIGURATOR_TRAIN = """\
import os

import torch

out_dir = "out"
batch_size = 12
learning_rate = 6e-4
{seed_global}config_keys = [k for k, v in globals().items() if isinstance(v, (int, float, str))]
exec(open("configurator.py").read())  # MARK:parse

rank_offset = int(os.environ.get("RANK", 0))
{seeding}x = torch.randn(batch_size)
print(out_dir, learning_rate, x.sum().item())
"""


def _configurator(seed_global: bool, seeding: str) -> dict[str, str]:
    return {
        "configurator.py": CONFIGURATOR,
        "train.py": CONFIGURATOR_TRAIN.format(
            seed_global="seed = 1337  # MARK:option\n" if seed_global else "", seeding=seeding
        ),
        "config/small.py": "batch_size = 4\nlearning_rate = 1e-3\nout_dir = 'out-small'\n",
    }


LIGHTNING_CLI = """\
import lightning.pytorch as L
import torch
from lightning.pytorch.cli import LightningCLI


class Model(L.LightningModule):
    def __init__(self, width: int = 4, seed: int = 0):
        super().__init__()
        self.seed = seed
        self.layer = torch.nn.Linear(width, 2)

    def training_step(self, batch, batch_idx):
        return self.layer(batch).sum()


def cli_main():
    LightningCLI(Model, seed_everything_default={default})  # MARK:parse MARK:option


if __name__ == "__main__":
    cli_main()
"""

CLICK_TRAIN = """\
import click
import torch


@click.command()
@click.option("--lr", default=0.1)
{seed_option}@click.option("--out-dir", default="out")
def main(lr, out_dir{seed_param}):  # MARK:parse
{seeding}    print(lr, out_dir, torch.randn(2).sum().item())


if __name__ == "__main__":
    main()
"""


def _click(seed_option: bool, seeding: str) -> dict[str, str]:
    return {
        "train.py": CLICK_TRAIN.format(
            seed_option='@click.option("--seed", default=1, type=int)  # MARK:option\n' if seed_option else "",
            seed_param=", seed" if seed_option else "",
            seeding=seeding,
        )
    }


@dataclass
class Variant:
    shape: str
    name: str
    files: dict[str, str]
    command: list[str]
    expected: str
    mark: str | None  # the marker of the decisive line, None when there is none (seeded: the seeding call's line)

    @property
    def id(self) -> str:
        return f"{self.shape}-{self.name}"


def marked_line(files: dict[str, str], mark: str) -> str:
    """'file:line' of the line holding `# MARK:<mark>` (or the seeding call marked SEEDING)."""
    for path, text in files.items():
        for i, line in enumerate(text.splitlines(), 1):
            if f"MARK:{mark}" in line.split():
                return f"{path}:{i}"
    raise AssertionError(f"no line marked {mark}")


VARIANTS: list[Variant] = [
    # --- argparse, the seed handed to a helper in another module ---------------------------------------------
    Variant("argparse", "seeded", _argparse(True, "    set_seed(args.seed)  # MARK:sink\n"),
            ["python", "train.py", "--seed", "{seed}"], "seeded", "sink"),
    Variant("argparse", "constant", _argparse(True, "    set_seed(0)  # MARK:sink\n"),
            ["python", "train.py", "--seed", "{seed}"], "constant_seed", "sink"),
    Variant("argparse", "rejected", _argparse(False, "    set_seed(0)\n"),
            ["python", "train.py", "--seed", "{seed}"], "seed_not_read", "parse"),
    Variant("argparse", "unused", _argparse(True, ""),
            ["python", "train.py", "--seed", "{seed}"], "seed_not_used", "option"),
    Variant("argparse", "output-path", _argparse(True, "    set_seed(args.seed)\n"),
            ["python", "train.py", "--out_dir", "out-{seed}"], "seed_not_passed", "option"),
    # --- Hydra app: a config with a defaults list --------------------------------------------------------------
    Variant("hydra", "seeded", _hydra(True, "    torch.manual_seed(cfg.seed)  # MARK:sink\n"),
            ["python", "train.py", "seed={seed}"], "seeded", "sink"),
    Variant("hydra", "constant", _hydra(True, "    torch.manual_seed(42)  # MARK:sink\n"),
            ["python", "train.py", "seed={seed}"], "constant_seed", "sink"),
    Variant("hydra", "rejected", _hydra(False, "    torch.manual_seed(42)\n"),
            ["python", "train.py", "seed={seed}"], "seed_not_read", "parse"),
    Variant("hydra", "unused", _hydra(True, ""),
            ["python", "train.py", "seed={seed}"], "seed_not_used", "option"),
    Variant("hydra", "output-path", _hydra(True, "    torch.manual_seed(cfg.get('seed'))\n"),
            ["python", "train.py", "out_dir=outputs-{seed}"], "seed_not_passed", "option"),
    # --- nanoGPT-style configurator ------------------------------------------------------------------------------
    Variant("configurator", "seeded", _configurator(True, "torch.manual_seed(seed + rank_offset)  # MARK:sink\n"),
            ["python", "train.py", "config/small.py", "--seed={seed}"], "seeded", "sink"),
    Variant("configurator", "constant", _configurator(True, "torch.manual_seed(1337 + rank_offset)  # MARK:sink\n"),
            ["python", "train.py", "config/small.py", "--seed={seed}"], "constant_seed", "sink"),
    Variant("configurator", "rejected", _configurator(False, "torch.manual_seed(1337 + rank_offset)\n"),
            ["python", "train.py", "config/small.py", "--seed={seed}"], "seed_not_read", "parse"),
    Variant("configurator", "unused", _configurator(True, ""),
            ["python", "train.py", "--seed={seed}"], "seed_not_used", "option"),
    Variant("configurator", "output-path", _configurator(True, "torch.manual_seed(seed)\n"),
            ["python", "train.py", "--out_dir=out-{seed}"], "seed_not_passed", "option"),
    # --- LightningCLI ------------------------------------------------------------------------------------------
    Variant("lightning-cli", "seeded", {"train.py": LIGHTNING_CLI.format(default="1234")},
            ["python", "train.py", "fit", "--seed_everything", "{seed}"], "seeded", "parse"),
    Variant("lightning-cli", "constant", {"train.py": LIGHTNING_CLI.format(default="1234")},
            ["python", "train.py", "fit", "--trainer.max_epochs", "1"], "seed_not_passed", "option"),
    Variant("lightning-cli", "rejected", {"train.py": LIGHTNING_CLI.format(default="1234")},
            ["python", "train.py", "fit", "--seed", "{seed}"], "seed_not_read", "parse"),
    Variant("lightning-cli", "unused", {"train.py": LIGHTNING_CLI.format(default="False")},
            ["python", "train.py", "fit", "--model.seed", "{seed}"], "seed_not_passed", "option"),
    Variant("lightning-cli", "output-path", {"train.py": LIGHTNING_CLI.format(default="1234")},
            ["python", "train.py", "fit", "--trainer.default_root_dir", "out-{seed}"], "seed_not_passed", "option"),
    # --- click -------------------------------------------------------------------------------------------------
    Variant("click", "seeded", _click(True, "    torch.manual_seed(seed)  # MARK:sink\n"),
            ["python", "train.py", "--seed", "{seed}"], "seeded", "sink"),
    Variant("click", "constant", _click(True, "    torch.manual_seed(3)  # MARK:sink\n"),
            ["python", "train.py", "--seed", "{seed}"], "constant_seed", "sink"),
    Variant("click", "rejected", _click(False, "    torch.manual_seed(3)\n"),
            ["python", "train.py", "--seed", "{seed}"], "seed_not_read", "parse"),
    Variant("click", "unused", _click(True, ""),
            ["python", "train.py", "--seed", "{seed}"], "seed_not_used", "option"),
    Variant("click", "output-path", _click(True, "    torch.manual_seed(seed)\n"),
            ["python", "train.py", "--out-dir", "out-{seed}"], "seed_not_passed", "option"),
]  # fmt: skip
