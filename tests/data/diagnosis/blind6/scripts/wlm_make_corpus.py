# Writes a small word-level corpus for pytorch/examples word_language_model (wlm/main.py, copied unmodified):
# sentences drawn from a 400-word vocabulary with a weak bigram structure. train.txt 3000 sentences,
# test.txt 300 fresh ones; valid.txt is what --valid says: 'fresh' (300 new sentences) or 'copy-of-train'
# (the export step had no validation split, so train.txt was copied).
import argparse, random, shutil
from pathlib import Path
p = argparse.ArgumentParser(); p.add_argument("out"); p.add_argument("--valid", default="fresh")
p.add_argument("--n-train", type=int, default=3000)
a = p.parse_args()
rng = random.Random(8)
words = [f"w{i}" for i in range(400)]
nxt = {w: rng.sample(words, 40) for w in words}
def sentence():
    w = rng.choice(words); out = [w]
    for _ in range(rng.randint(5, 12)):
        w = rng.choice(nxt[w]); out.append(w)
    return " ".join(out)
d = Path(a.out); d.mkdir(parents=True, exist_ok=True)
(d / "train.txt").write_text("\n".join(sentence() for _ in range(a.n_train)) + "\n")
(d / "test.txt").write_text("\n".join(sentence() for _ in range(300)) + "\n")
if a.valid == "copy-of-train":
    shutil.copy(d / "train.txt", d / "valid.txt")
else:
    (d / "valid.txt").write_text("\n".join(sentence() for _ in range(300)) + "\n")
print("wrote", d)
