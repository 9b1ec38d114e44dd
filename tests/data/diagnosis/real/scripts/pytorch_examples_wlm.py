"""Run pytorch/examples' word_language_model/main.py unchanged (from $FW_SRC/examples/word_language_model) on a
small synthetic corpus written to ./corpus first: sentences from a fixed random grammar (a few hundred words, so
the model has something to learn). Arguments go to main.py; --data defaults to ./corpus."""

import os
import random
import runpy
import sys


def write_corpus(folder: str) -> None:
    rnd = random.Random(0)
    nouns = [f"n{i}" for i in range(120)]
    verbs = [f"v{i}" for i in range(60)]
    adjs = [f"a{i}" for i in range(60)]
    dets = ["the", "a", "every", "some", "this", "that"]
    preps = ["of", "in", "on", "with", "near", "under"]
    follows = {v: rnd.sample(nouns, 8) for v in verbs}

    def sentence():
        n1, v = rnd.choice(nouns), rnd.choice(verbs)
        words = [rnd.choice(dets)] + ([rnd.choice(adjs)] if rnd.random() < 0.5 else []) + [n1, v]
        words += [rnd.choice(dets), rnd.choice(follows[v])]
        if rnd.random() < 0.4:
            words += [rnd.choice(preps), rnd.choice(dets), rnd.choice(nouns)]
        return " ".join(words) + " ."

    os.makedirs(folder, exist_ok=True)
    for name, lines in (("train.txt", 6000), ("valid.txt", 600), ("test.txt", 600)):
        with open(os.path.join(folder, name), "w") as f:
            for _ in range(lines):
                f.write(" " + sentence() + " \n")


if __name__ == "__main__":
    write_corpus("corpus")
    root = os.path.join(os.environ.get("FW_SRC", "/work/fw-i13/src"), "examples", "word_language_model")
    sys.path.insert(0, root)
    args = sys.argv[1:]
    if not any(a == "--data" or a.startswith("--data=") for a in args):
        args = ["--data", "corpus", *args]
    sys.argv = ["main.py", *args]
    runpy.run_path(os.path.join(root, "main.py"), run_name="__main__")
