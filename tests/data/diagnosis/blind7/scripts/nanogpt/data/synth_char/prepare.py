# Builds a char-level corpus for nanoGPT (train.bin, val.bin, meta.pkl in nanoGPT's format) from a synthetic
# grammar of short sentences, locally (no download). Seeded.
import os, pickle, random, numpy as np
random.seed(0)
subj = ["the cat", "a dog", "my friend", "the old man", "her sister", "the king", "a bird"]
verb = ["sees", "likes", "follows", "calls", "finds", "watches"]
obj = ["the river", "a red ball", "the quiet town", "his horse", "the tall tree", "a small boat"]
text = "".join(f"{random.choice(subj)} {random.choice(verb)} {random.choice(obj)}.\n" for _ in range(30000))
chars = sorted(set(text)); stoi = {c: i for i, c in enumerate(chars)}
n = len(text); tr, va = text[: int(n * 0.9)], text[int(n * 0.9):]
d = os.path.dirname(__file__)
np.array([stoi[c] for c in tr], dtype=np.uint16).tofile(os.path.join(d, "train.bin"))
np.array([stoi[c] for c in va], dtype=np.uint16).tofile(os.path.join(d, "val.bin"))
pickle.dump({"vocab_size": len(chars), "itos": dict(enumerate(chars)), "stoi": stoi}, open(os.path.join(d, "meta.pkl"), "wb"))
print(len(chars), "chars,", len(tr), "train,", len(va), "val")
