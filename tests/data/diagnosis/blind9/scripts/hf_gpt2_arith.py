# Tiny GPT-2 (built from a config) trained by the HF Trainer on synthetic "a+b=c" strings, character tokens.
import argparse, random, torch
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments, EarlyStoppingCallback
p = argparse.ArgumentParser(); p.add_argument("--n-train", type=int, default=4000); p.add_argument("--epochs", type=float, default=3)
p.add_argument("--lr", type=float, default=1e-3); p.add_argument("--n-embd", type=int, default=64); p.add_argument("--n-layer", type=int, default=2)
p.add_argument("--early-stop", type=int, default=0); p.add_argument("--eval-steps", type=int, default=50); p.add_argument("--warmup", type=float, default=0.1, help="fraction or steps")
a = p.parse_args(); random.seed(0); torch.manual_seed(0)
chars = "0123456789+=;"; stoi = {c: i + 1 for i, c in enumerate(chars)}; T = 16
def sample():
    x, y = random.randint(0, 999), random.randint(0, 999); return f"{x}+{y}={x + y};"
class DS(torch.utils.data.Dataset):
    def __init__(self, n): self.s = [sample() for _ in range(n)]
    def __len__(self): return len(self.s)
    def __getitem__(self, i):
        ids = [stoi[c] for c in self.s[i]] + [0] * (T - len(self.s[i])); ids = torch.tensor(ids)
        lab = ids.clone(); lab[ids == 0] = -100; return {"input_ids": ids, "labels": lab, "attention_mask": (ids != 0).long()}
cfg = GPT2Config(vocab_size=len(chars) + 1, bos_token_id=0, eos_token_id=0, n_positions=T, n_embd=a.n_embd, n_layer=a.n_layer, n_head=4)
args = TrainingArguments("out_arith", per_device_train_batch_size=32, num_train_epochs=a.epochs, learning_rate=a.lr, warmup_steps=a.warmup,
    lr_scheduler_type="cosine", logging_steps=25, eval_strategy="steps", eval_steps=a.eval_steps, save_strategy="steps", save_steps=a.eval_steps,
    save_total_limit=1, load_best_model_at_end=bool(a.early_stop), metric_for_best_model="eval_loss", report_to=[], use_cpu=True,
    disable_tqdm=True, seed=0)
cb = [EarlyStoppingCallback(early_stopping_patience=a.early_stop)] if a.early_stop else []
tr = Trainer(model=GPT2LMHeadModel(cfg), args=args, train_dataset=DS(a.n_train), eval_dataset=DS(500), callbacks=cb)
tr.train(); print("final eval:", tr.evaluate())
