# Tiny BERT (transformers) sequence classifier trained with the HF Trainer on synthetic token sequences:
# the label is which of the "class tokens" occurs most often. Labels are read from a label column that the
# data preparation numbers from --label-base (0 or 1). --tracker-url posts each log to a metrics server
# (errors there are caught and logged, training goes on).
import argparse, json, logging, random, urllib.request
import numpy as np, torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments, TrainerCallback, set_seed

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("train_clf")
p = argparse.ArgumentParser()
p.add_argument("--num-labels", type=int, default=4)
p.add_argument("--label-base", type=int, default=0)
p.add_argument("--n-train", type=int, default=2000)
p.add_argument("--epochs", type=float, default=4)
p.add_argument("--lr", type=float, default=5e-4)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--tracker-url", default=None)
p.add_argument("--output-dir", default="out/clf")
a = p.parse_args()
set_seed(1)
rng = np.random.default_rng(1)
K, L, V = a.num_labels, 16, 30
def make(n):
    ids = rng.integers(3 + K, V, size=(n, L))
    y = rng.integers(0, K, size=n)
    for i in range(n):
        pos = rng.choice(np.arange(1, L), size=4, replace=False)
        ids[i, pos[:3]] = 3 + y[i]
        ids[i, pos[3]] = 3 + rng.integers(0, K)
    ids[:, 0] = 2
    return [{"input_ids": torch.tensor(r), "labels": torch.tensor(int(t) + a.label_base)} for r, t in zip(ids, y)]
train, evals = make(a.n_train), make(400)
print(f"{len(train)} train / {len(evals)} eval sequences, {K} classes, label column range "
      f"{min(int(d['labels']) for d in train)}..{max(int(d['labels']) for d in train)}")
cfg = BertConfig(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
                 max_position_embeddings=L, num_labels=K)
model = BertForSequenceClassification(cfg)

class Tracker(TrainerCallback):
    def on_log(self, args, state, control, logs=None, **kw):
        try:
            req = urllib.request.Request(a.tracker_url, data=json.dumps({"step": state.global_step, **logs}).encode(),
                                         headers={"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=2)
        except Exception:
            log.exception("could not send metrics of step %d to %s; continuing without the tracker",
                          state.global_step, a.tracker_url)

def acc(ev):
    return {"accuracy": float((ev.predictions.argmax(-1) == ev.label_ids).mean())}
args = TrainingArguments(output_dir=a.output_dir, num_train_epochs=a.epochs, per_device_train_batch_size=a.batch_size,
                         learning_rate=a.lr, warmup_steps=25, logging_steps=20, eval_strategy="epoch",
                         save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True, seed=1)
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=evals, compute_metrics=acc,
                  callbacks=[Tracker()] if a.tracker_url else [])
trainer.train()
print("final eval:", trainer.evaluate())
