# Tiny GPT-2 (full 50257-token vocabulary, 2 layers) trained with the HF Trainer on random token streams, with a
# compute_metrics token accuracy computed at each evaluation over 1500 sequences of 64 tokens.
import numpy as np, torch
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments
torch.manual_seed(0)
class DS(torch.utils.data.Dataset):
    def __init__(self, n): g = torch.Generator().manual_seed(n); self.x = torch.randint(0, 3000, (n, 64), generator=g)
    def __len__(self): return len(self.x)
    def __getitem__(self, i): return {"input_ids": self.x[i], "labels": self.x[i]}
def compute_metrics(p):
    preds = p.predictions.argmax(-1)[:, :-1]; labels = p.label_ids[:, 1:]
    return {"token_acc": float((preds == labels).mean())}
cfg = GPT2Config(n_embd=32, n_layer=2, n_head=2, n_positions=64)
args = TrainingArguments("out_evalacc", per_device_train_batch_size=16, per_device_eval_batch_size=16, max_steps=60, logging_steps=10,
    eval_strategy="steps", eval_steps=30, report_to=[], save_strategy="no", use_cpu=True, disable_tqdm=True)
Trainer(model=GPT2LMHeadModel(cfg), args=args, train_dataset=DS(2000), eval_dataset=DS(1500), compute_metrics=compute_metrics).train()
