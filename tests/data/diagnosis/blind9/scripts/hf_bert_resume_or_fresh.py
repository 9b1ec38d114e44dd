# Tiny BERT sequence classifier (from a config) with the HF Trainer. The job script always asks to resume; when the
# output directory holds no checkpoint yet, the error is logged with its traceback and training starts from scratch.
import logging, random, torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"); log = logging.getLogger("train")
random.seed(0); torch.manual_seed(0)
V, T = 300, 32
class DS(torch.utils.data.Dataset):
    def __init__(self, n):
        self.x = torch.randint(3, V, (n, T)); self.y = ((self.x < 40).sum(1) > (self.x > 260).sum(1)).long()
    def __len__(self): return len(self.x)
    def __getitem__(self, i): return {"input_ids": self.x[i], "attention_mask": torch.ones(T, dtype=torch.long), "labels": self.y[i]}
cfg = BertConfig(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128, num_labels=2)
args = TrainingArguments("out_resume", per_device_train_batch_size=32, num_train_epochs=4, learning_rate=5e-4, logging_steps=20,
    eval_strategy="epoch", save_strategy="no", report_to=[], use_cpu=True, disable_tqdm=True, seed=0)
tr = Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS(3000), eval_dataset=DS(500),
             compute_metrics=lambda p: {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())})
try:
    tr.train(resume_from_checkpoint=True)
except ValueError:
    log.exception("could not resume from out_resume/; starting a fresh run")
    tr.train()
log.info("final eval %s", tr.evaluate())
