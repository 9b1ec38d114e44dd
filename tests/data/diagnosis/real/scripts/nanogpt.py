"""Run karpathy/nanoGPT's own scripts unchanged (from $FW_SRC/nanoGPT) in the current folder, the way its README
says: `python data/shakespeare_char/prepare.py`, then `python train.py config/train_shakespeare_char.py ...`.

    nanogpt.py train [train.py args]        write data/shakespeare_char/input.txt, prepare it, then train
    nanogpt.py train-unprepared [args]      train without preparing the data first
    nanogpt.py prepare DATASET              only run data/DATASET/prepare.py

input.txt is written here (nothing is downloaded): sentences from a fixed random grammar, as characters."""

import os
import random
import runpy
import shutil
import sys


def write_text(path: str) -> None:
    rnd = random.Random(0)
    nouns = ["king", "queen", "lord", "lady", "servant", "fool", "duke", "knight", "maid", "friar", "ghost", "witch"]
    verbs = ["loves", "hates", "serves", "fears", "follows", "betrays", "mourns", "praises", "seeks", "forgives"]
    adjs = ["noble", "gentle", "wretched", "bold", "fair", "false", "old", "young", "sweet", "bitter"]
    lines = []
    for _ in range(9000):
        who = rnd.choice(nouns).upper()
        s = f"{who}:\nThe {rnd.choice(adjs)} {rnd.choice(nouns)} {rnd.choice(verbs)} the {rnd.choice(nouns)}"
        if rnd.random() < 0.5:
            s += f", and {rnd.choice(verbs)} the {rnd.choice(adjs)} {rnd.choice(nouns)}"
        lines.append(s + rnd.choice([".", "!", "?"]) + "\n")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def setup() -> None:
    src = os.path.join(os.environ.get("FW_SRC", "/work/fw-i13/src"), "nanoGPT")
    for name in ("train.py", "model.py", "configurator.py"):
        shutil.copy(os.path.join(src, name), name)
    shutil.copytree(os.path.join(src, "config"), "config", dirs_exist_ok=True)
    shutil.copytree(os.path.join(src, "data"), "data", dirs_exist_ok=True)
    sys.path.insert(0, os.getcwd())


def run(script: str, args: list[str]) -> None:
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    setup()
    if mode == "train":
        write_text("data/shakespeare_char/input.txt")
        run("data/shakespeare_char/prepare.py", [])
        run("train.py", rest)
    elif mode == "train-unprepared":
        run("train.py", rest)
    elif mode == "prepare":
        run(f"data/{rest[0]}/prepare.py", [])
    else:
        raise SystemExit(f"unknown mode {mode!r}: train, train-unprepared or prepare DATASET")
