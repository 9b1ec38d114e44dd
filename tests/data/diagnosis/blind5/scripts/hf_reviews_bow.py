# Bag-of-words review classifier (an nn.Module) trained with the HF Trainer. Synthetic "reviews": 2000 labelled
# items whose label follows a few sentiment tokens, with 25% of the labels flipped (annotator noise), so no model
# can score above ~0.75 on fresh data. Augmentation (3 extra copies of every review, each with one token dropped)
# is applied BEFORE the random train/eval split, so copies of the same review land on both sides. A separate
# held-out test file, made the same way but never augmented, is scored at the end.
import argparse, random, numpy as np, torch, torch.nn as nn
from transformers import Trainer, TrainingArguments
ap = argparse.ArgumentParser(); ap.add_argument("--epochs", type=int, default=8); ap.add_argument("--seed", type=int, default=0)
args = ap.parse_args(); random.seed(args.seed); torch.manual_seed(args.seed); np.random.seed(args.seed)
V = 400
def make(n, r):
    out = []
    for _ in range(n):
        toks = [r.randrange(20, V) for _ in range(15)]
        score = sum(1 for t in toks if t < 60) - sum(1 for t in toks if t >= 360)
        y = int(score > 1)
        if r.random() < 0.25: y = 1 - y
        out.append((toks, y))
    return out
r = random.Random(1)
data = make(2000, r); test = make(1000, random.Random(2))
print(f"raw: {len(data)} reviews")
aug = []
for t, y in data:
    for _ in range(3):
        t2 = list(t); t2.pop(r.randrange(len(t2))); aug.append((t2, y))
data = data + aug; r.shuffle(data)
print(f"after augmentation: {len(data)} reviews")
n_eval = len(data) // 5
train, evals = data[n_eval:], data[:n_eval]
print(f"split: train {len(train)} / eval {len(evals)}; test {len(test)}")
class DS(torch.utils.data.Dataset):
    def __init__(s, d): s.d = d
    def __len__(s): return len(s.d)
    def __getitem__(s, i):
        x = torch.zeros(V); x[torch.tensor(s.d[i][0])] += 1
        return {"x": x, "labels": torch.tensor(s.d[i][1])}
class BowNet(nn.Module):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(V, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 2))
    def forward(s, x, labels=None):
        logits = s.net(x)
        return {"loss": nn.functional.cross_entropy(logits, labels), "logits": logits}
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
ta = TrainingArguments(output_dir="/tmp/b5_hf_bow", num_train_epochs=args.epochs, per_device_train_batch_size=32, learning_rate=1e-3,
                       logging_steps=50, eval_strategy="epoch", report_to=[], save_strategy="no", use_cpu=True, disable_tqdm=True)
tr = Trainer(model=BowNet(), args=ta, train_dataset=DS(train), eval_dataset=DS(evals), compute_metrics=acc)
tr.train()
print("final eval:", tr.evaluate())
print("held-out test:", tr.evaluate(DS(test), metric_key_prefix="test"))
