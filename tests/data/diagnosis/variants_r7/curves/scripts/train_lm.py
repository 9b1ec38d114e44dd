# Tiny GPT-2 (transformers) trained with the HF Trainer on sentences from a small synthetic grammar.
# --n-train sentences for training, 200 held out for evaluation; eval and logging by the Trainer itself.
import argparse, random
import torch
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments, set_seed

p = argparse.ArgumentParser()
p.add_argument("--n-train", type=int, default=2000)
p.add_argument("--epochs", type=float, default=3)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--n-embd", type=int, default=64)
p.add_argument("--n-layer", type=int, default=2)
p.add_argument("--dropout", type=float, default=0.1)
p.add_argument("--batch-size", type=int, default=16)
p.add_argument("--warmup-steps", type=int, default=0)
p.add_argument("--logging-steps", type=int, default=20)
p.add_argument("--report-to", default="none")
p.add_argument("--output-dir", default="out/lm")
p.add_argument("--optim", default="adamw_torch")
p.add_argument("--max-grad-norm", type=float, default=1.0)
a = p.parse_args()
set_seed(0)
rng = random.Random(0)
subj = "the cat|a dog|my friend|the teacher|our neighbour|a child|the farmer|his sister".split("|")
verb = "sees|likes|finds|paints|follows|helps|calls|visits".split("|")
obj = "the river|a red house|the old tree|a small boat|the market|a quiet garden|the tall tower|a blue car".split("|")
adv = "today|at night|every morning|in the rain|again|slowly|with joy|before lunch".split("|")
def sent():
    return f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)} {rng.choice(adv)} ."
words = sorted({w for s in subj + verb + obj + adv + ["."] for w in s.split()})
vocab = {w: i + 2 for i, w in enumerate(words)}  # 0 pad, 1 bos
L = 12
def enc(s):
    ids = [1] + [vocab[w] for w in s.split()]
    ids = ids + [0] * (L - len(ids))
    labels = [t if t != 0 else -100 for t in ids]
    return {"input_ids": torch.tensor(ids), "labels": torch.tensor(labels),
            "attention_mask": torch.tensor([1 if t != 0 else 0 for t in ids])}
train = [enc(sent()) for _ in range(a.n_train)]
evals = [enc(sent()) for _ in range(200)]
print(f"vocab {len(vocab) + 2} tokens, {len(train)} train / {len(evals)} eval sentences")
cfg = GPT2Config(vocab_size=len(vocab) + 2, n_positions=L, n_embd=a.n_embd, n_layer=a.n_layer, n_head=4,
                 resid_pdrop=a.dropout, embd_pdrop=a.dropout, attn_pdrop=a.dropout, bos_token_id=1, eos_token_id=1)
model = GPT2LMHeadModel(cfg)
print(f"model parameters: {sum(p.numel() for p in model.parameters())}")
args = TrainingArguments(output_dir=a.output_dir, num_train_epochs=a.epochs, per_device_train_batch_size=a.batch_size,
                         per_device_eval_batch_size=64, learning_rate=a.lr, warmup_steps=a.warmup_steps,
                         logging_steps=a.logging_steps, eval_strategy="epoch", save_strategy="no",
                         report_to=a.report_to, optim=a.optim, max_grad_norm=a.max_grad_norm, use_cpu=True, disable_tqdm=True, seed=0)
trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=evals)
trainer.train()
print("final eval:", trainer.evaluate())
