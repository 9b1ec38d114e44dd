"""Sanity checks on real model code in sequence layouts: for each case of bench/sanity_real_corpus.yaml, an
entrypoint that imports the repository's own model class from a checkout (nanoGPT's GPT, pytorch/examples'
word_language_model TransformerModel and RNNModel, minGPT's GPT), feeds it next-token data made here (counting
sequences, tests/data/sanity_models/_data.py), and runs run_sanity_checks on a real MCP server; the verdict beside the
label, then the score per split (kept-aside first). Baseline beside it: the verdicts the probe gave before this
change, if --baseline names a checkout of it (its src/ is put first on PYTHONPATH, the same interpreter runs it).

    python bench/sanity_real.py --repos DIR [--split dev|heldout|all] [--baseline CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "bench" / "sanity_real_corpus.yaml"
DATA = REPO / "tests" / "data" / "sanity_models" / "_data.py"

COMMON = """\
import sys
import torch
import torch.nn.functional as F
from torch import nn
sys.path.insert(0, {root!r})
import _data

LOSS = {loss!r}
TARGETS = {targets!r}


def sequence_loss(logits, targets):
    if LOSS == "transposed":
        return F.cross_entropy(logits.transpose(1, 2), targets, ignore_index=-1)
    return F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1), ignore_index=-1)


def data():
    (tx, ty), (vx, vy) = _data.counting_sequences()
    if TARGETS == "same":
        ty, vy = tx.clone(), vx.clone()
    return _data.loaders((tx, ty), (vx, vy))
"""

TEMPLATES = {
    "nanogpt": COMMON
    + """
from model import GPT, GPTConfig


class Wrapped(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = GPTConfig(block_size=16, vocab_size=16, n_layer=1, n_head=2, n_embd=32, dropout=0.0, bias=True)
        self.gpt = GPT(cfg)

    def forward(self, idx):
        return self.gpt(idx, idx)[0]  # with targets given, nanoGPT returns the logits of every position


def build():
    train, val = data()
    return {{"model": Wrapped(), "train_loader": train, "val_loader": val, "loss_fn": sequence_loss,
             "optimizer": lambda p: torch.optim.Adam(p, lr=3e-3)}}
""",
    "mingpt": COMMON
    + """
from mingpt.model import GPT


class Wrapped(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = GPT.get_default_config()
        cfg.model_type = None
        cfg.n_layer, cfg.n_head, cfg.n_embd = 1, 2, 32
        cfg.vocab_size, cfg.block_size = 16, 16
        cfg.embd_pdrop = cfg.resid_pdrop = cfg.attn_pdrop = 0.0
        self.gpt = GPT(cfg)

    def forward(self, idx):
        return self.gpt(idx)[0]


def build():
    train, val = data()
    return {{"model": Wrapped(), "train_loader": train, "val_loader": val, "loss_fn": sequence_loss,
             "optimizer": lambda p: torch.optim.Adam(p, lr=3e-3)}}
""",
    "wlm_transformer": COMMON
    + """
from model import TransformerModel

MASK = {mask!r}


def seq_first(loader):
    # word_language_model's own layout: inputs (T, B), targets flattened time-major (T*B,)
    return [(x.t().contiguous(), y.t().reshape(-1)) for x, y in loader]


class Wrapped(nn.Module):
    def __init__(self):
        super().__init__()
        self.m = TransformerModel(16, 32, 2, 64, 1, dropout=0.0)

    def forward(self, x):
        return self.m(x, has_mask=MASK).view(-1, 16)


def build():
    train, val = data()
    return {{"model": Wrapped(), "train_loader": seq_first(train), "val_loader": seq_first(val),
             "loss_fn": nn.NLLLoss(), "optimizer": lambda p: torch.optim.Adam(p, lr=3e-3)}}
""",
    "wlm_lstm": COMMON
    + """
from model import RNNModel


def seq_first(loader):
    return [(x.t().contiguous(), y.t().reshape(-1)) for x, y in loader]


class Wrapped(nn.Module):
    def __init__(self):
        super().__init__()
        self.m = RNNModel("LSTM", 16, 32, 64, 1, dropout=0.0)

    def forward(self, x):
        out, _ = self.m(x, self.m.init_hidden(x.shape[1]))
        return out


def build():
    train, val = data()
    return {{"model": Wrapped(), "train_loader": seq_first(train), "val_loader": seq_first(val),
             "loss_fn": nn.NLLLoss(), "optimizer": lambda p: torch.optim.Adam(p, lr=3e-3)}}
""",
}
MODEL_DIRS = {"nanogpt": "", "mingpt": "", "wlm_transformer": "word_language_model", "wlm_lstm": "word_language_model"}


def _write(ws: Path, case: dict, repo_root: Path) -> str:
    name = case["id"].replace("-", "_")
    root = repo_root / MODEL_DIRS[case["template"]]
    text = TEMPLATES[case["template"]].format(
        root=str(root), loss=case.get("loss", "flat"), targets=case.get("targets", "next"), mask=case.get("mask", True)
    )
    (ws / f"{name}.py").write_text(text, encoding="utf-8")
    return name


def _run(ws: Path, names: list[str], src: Path | None = None) -> dict[str, dict]:
    """run_sanity_checks through a real MCP server of this package, or of the one under `src`."""
    import os

    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    script = """
import json, sys, anyio
from mcp import Client
from experiment_runner.server import build_server
async def main():
    out = {}
    async with Client(build_server(sys.argv[1]), mode="legacy") as c:
        for name in sys.argv[2:]:
            r = await c.call_tool("run_sanity_checks", {"entrypoint": f"{name}.py:build"})
            out[name] = {"tool_error": r.content[0].text} if r.is_error else r.structured_content
    print(json.dumps(out))
anyio.run(main)
"""
    proc = subprocess.run(
        [sys.executable, "-c", script, str(ws), *names],
        capture_output=True,
        text=True,
        timeout=3000,
        check=False,
        env=env,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _verdict(out: dict, expected: str) -> tuple[bool, str]:
    if "tool_error" in out:
        return False, "tool error: " + str(out["tool_error"])[:150]
    failed = [c["name"] for c in out["checks"] if c["status"] in ("failed", "error")]
    ok = (not failed and out["verdict"] == "passed") if expected == "healthy" else expected in failed
    shown = ", ".join(f"{c['name']}: {c['message'][:110]}" for c in out["checks"] if c["status"] in ("failed", "error"))
    return ok, (out["verdict"] + (f" ({shown})" if shown else ""))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repos", required=True, type=Path)
    p.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    p.add_argument("--baseline", type=Path, default=None, help="a source checkout of the version to compare with")
    args = p.parse_args()
    corpus = yaml.safe_load(CORPUS.read_text())
    cases = [c for c in corpus["cases"] if args.split == "all" or c["split"] == args.split]
    with tempfile.TemporaryDirectory() as t:
        ws = Path(t) / "ws"
        ws.mkdir()
        shutil.copy(DATA, ws / "_data.py")
        names = {}
        for c in cases:
            root = args.repos / corpus["repos"][c["repo"]]["github"].replace("/", "+")
            names[c["id"]] = _write(ws, c, root)
        now = _run(ws, list(names.values()))
        before = None
        if args.baseline is not None:
            before = _run(ws, list(names.values()), args.baseline / "src")
    width = max(len(c["id"]) for c in cases)
    print(f"{'case':<{width}}  {'expected':<12} {'now':<5} {'before':<6}  verdict now")
    for split in ("heldout", "dev"):
        part = [c for c in cases if c["split"] == split]
        if not part:
            continue
        right = right_before = 0
        for c in part:
            ok, text = _verdict(now[names[c["id"]]], c["expected"])
            right += ok
            b = "-"
            if before is not None:
                ok_b, _ = _verdict(before[names[c["id"]]], c["expected"])
                right_before += ok_b
                b = "ok" if ok_b else "no"
            print(f"{c['id']:<{width}}  {c['expected']:<12} {'ok' if ok else 'no':<5} {b:<6}  {text[:260]}")
        print(
            f"  {split}: {right}/{len(part)} as labelled"
            + (f"; before this change {right_before}/{len(part)}" if before is not None else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
