# Tiny GPT-2 language model (vocab 8000, 2 layers, width 64) trained with the HF Trainer on synthetic token
# streams (a random Markov chain), with evaluation every 50 steps and compute_metrics for token accuracy. The
# Trainer gathers all eval logits (N x 128 x 8000 float32) before compute_metrics; no eval_accumulation_steps
# or preprocess_logits_for_metrics. Run under a job memory cap (prlimit --as).
import argparse, torch, numpy as np
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments
ap = argparse.ArgumentParser(); ap.add_argument("--n-eval", type=int, default=800); ap.add_argument("--max-steps", type=int, default=120)
args = ap.parse_args(); torch.manual_seed(0); rng = np.random.default_rng(0)
V, T = 8000, 128
nxt = rng.integers(0, V, (V, 4))
def stream(n):
    out = np.empty((n, T), dtype=np.int64); cur = rng.integers(0, V, n)
    for t in range(T): out[:, t] = cur; cur = nxt[cur, rng.integers(0, 4, n)]
    return out
class DS(torch.utils.data.Dataset):
    def __init__(s, a): s.a = torch.tensor(a)
    def __len__(s): return len(s.a)
    def __getitem__(s, i): return {"input_ids": s.a[i], "labels": s.a[i]}
train, evals = DS(stream(4000)), DS(stream(args.n_eval))
print(f"train {len(train)} x {T} tokens, eval {len(evals)} x {T} tokens, vocab {V}")
model = GPT2LMHeadModel(GPT2Config(vocab_size=V, n_positions=T, n_embd=64, n_layer=2, n_head=2))
def metrics(p):
    pred = p.predictions[:, :-1].argmax(-1); return {"token_acc": float((pred == p.label_ids[:, 1:]).mean())}
ta = TrainingArguments(output_dir="/tmp/b5_gpt2", max_steps=args.max_steps, per_device_train_batch_size=16, per_device_eval_batch_size=16,
                       learning_rate=2e-3, logging_steps=10, eval_strategy="steps", eval_steps=50, report_to=[], save_strategy="no",
                       use_cpu=True, disable_tqdm=True)
Trainer(model=model, args=ta, train_dataset=train, eval_dataset=evals, compute_metrics=metrics).train()
