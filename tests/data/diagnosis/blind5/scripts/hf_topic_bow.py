# Bag-of-words topic classifier (4 topics, an nn.Module) trained with the HF Trainer on synthetic documents with
# 10% label noise; evaluation every epoch. --early-stop: EarlyStoppingCallback(patience 2) with
# load_best_model_at_end on eval_loss. --report-to: passed to TrainingArguments.report_to. --resume: trainer.train(
# resume_from_checkpoint=True), i.e. continue from the newest checkpoint-* in --output-dir.
import argparse, random, torch, torch.nn as nn
from transformers import Trainer, TrainingArguments, EarlyStoppingCallback
ap = argparse.ArgumentParser(); ap.add_argument("--epochs", type=int, default=20); ap.add_argument("--early-stop", action="store_true")
ap.add_argument("--report-to", default="none"); ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--resume", action="store_true"); ap.add_argument("--output-dir", default="/tmp/b5_hf_topic")
args = ap.parse_args(); torch.manual_seed(0)
V, C = 500, 4
def make(n, r):
    out = []
    for _ in range(n):
        y = r.randrange(C)
        toks = [r.randrange(V) if r.random() < 0.75 else r.randrange(100 * y, 100 * y + 100) for _ in range(20)]
        if r.random() < 0.10: y = r.randrange(C)
        out.append((toks, y))
    return out
train, evals = make(1200, random.Random(1)), make(400, random.Random(2))
class DS(torch.utils.data.Dataset):
    def __init__(s, d): s.d = d
    def __len__(s): return len(s.d)
    def __getitem__(s, i):
        x = torch.zeros(V); x[torch.tensor(s.d[i][0])] += 1
        return {"x": x, "labels": torch.tensor(s.d[i][1])}
class BowNet(nn.Module):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(V, 256), nn.ReLU(), nn.Linear(256, C))
    def forward(s, x, labels=None):
        logits = s.net(x)
        return {"loss": nn.functional.cross_entropy(logits, labels), "logits": logits}
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
ta = TrainingArguments(output_dir=args.output_dir, num_train_epochs=args.epochs, per_device_train_batch_size=32, learning_rate=args.lr,
                       logging_steps=19, eval_strategy="epoch", save_strategy="epoch", save_total_limit=2, report_to=args.report_to,
                       load_best_model_at_end=args.early_stop, metric_for_best_model="eval_loss", greater_is_better=False,
                       use_cpu=True, disable_tqdm=True)
cbs = [EarlyStoppingCallback(early_stopping_patience=2)] if args.early_stop else []
tr = Trainer(model=BowNet(), args=ta, train_dataset=DS(train), eval_dataset=DS(evals), compute_metrics=acc, callbacks=cbs)
tr.train(resume_from_checkpoint=True if args.resume else None)
print("best checkpoint:", tr.state.best_model_checkpoint, "best eval_loss:", tr.state.best_metric)
print("final eval:", tr.evaluate())
