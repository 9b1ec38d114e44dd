# Bag-of-words topic classifier (4 topics) trained with the HF Trainer, plus a TrainerCallback that posts each
# log to a team's metrics server over HTTP. The server (127.0.0.1:9) is not up: each post fails with
# ConnectionRefusedError, which the callback catches, logs with its traceback (logging.exception) and after
# the second failure disables itself; the metrics stay in the local log and training goes on.
import json, logging, random, urllib.request, torch, torch.nn as nn
from transformers import Trainer, TrainingArguments, TrainerCallback
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"); log = logging.getLogger("tracker")
torch.manual_seed(0); V, C = 500, 4
def make(n, r):
    out = []
    for _ in range(n):
        y = r.randrange(C); toks = [r.randrange(V) if r.random() < 0.7 else r.randrange(100 * y, 100 * y + 100) for _ in range(20)]
        out.append((toks, y))
    return out
train, evals = make(3000, random.Random(1)), make(500, random.Random(2))
class DS(torch.utils.data.Dataset):
    def __init__(s, d): s.d = d
    def __len__(s): return len(s.d)
    def __getitem__(s, i):
        x = torch.zeros(V); x[torch.tensor(s.d[i][0])] += 1; return {"x": x, "labels": torch.tensor(s.d[i][1])}
class BowNet(nn.Module):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(V, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, C))
    def forward(s, x, labels=None):
        logits = s.net(x); return {"loss": nn.functional.cross_entropy(logits, labels), "logits": logits}
class HttpTracker(TrainerCallback):
    def __init__(s, url): s.url, s.failures, s.enabled = url, 0, True
    def on_log(s, args, state, control, logs=None, **kw):
        if not s.enabled: return
        try:
            req = urllib.request.Request(s.url, data=json.dumps({"step": state.global_step, **(logs or {})}).encode(), headers={"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=2)
        except OSError:
            s.failures += 1
            log.exception("could not post metrics to %s (attempt %d); keeping them in the local log", s.url, s.failures)
            if s.failures >= 2: s.enabled = False; log.warning("metrics tracker disabled for this run")
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
ta = TrainingArguments(output_dir="/tmp/b5_hf_tracker", num_train_epochs=6, per_device_train_batch_size=32, learning_rate=5e-4, warmup_steps=50,
                       logging_steps=25, eval_strategy="epoch", save_strategy="no", report_to=[], use_cpu=True, disable_tqdm=True)
tr = Trainer(model=BowNet(), args=ta, train_dataset=DS(train), eval_dataset=DS(evals), compute_metrics=acc, callbacks=[HttpTracker("http://127.0.0.1:9/api/metrics")])
tr.train(); print("final eval:", tr.evaluate())
