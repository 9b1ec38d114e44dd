"""HF Trainer: a small GPT-2 language model on synthetic 'code' token streams, GPT-2 sized vocabulary."""
import argparse, math
import numpy as np, torch
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments

p = argparse.ArgumentParser()
p.add_argument('--init-from', default=None, help='folder of a pretrained checkpoint')
p.add_argument('--train-seqs', type=int, default=640)
p.add_argument('--eval-seqs', type=int, default=512)
p.add_argument('--seq-len', type=int, default=64)
p.add_argument('--max-steps', type=int, default=40)
p.add_argument('--lr', type=float, default=1e-3)
p.add_argument('--accuracy-metric', type=int, default=1)
p.add_argument('--out', default='out/code_lm')
p.add_argument('--eval-steps', type=int, default=20)
a = p.parse_args()
V = 50257
rng = np.random.default_rng(0)
common = rng.choice(V, 400, replace=False)  # the tokens that actually occur
succ = dict(zip(common.tolist(), np.roll(common, 1).tolist()))  # each token has a preferred successor
def make(n):
    x = rng.choice(common, (n, a.seq_len))
    for j in range(1, a.seq_len):
        nxt = np.array([succ[t] for t in x[:, j - 1].tolist()])
        x[:, j] = np.where(rng.uniform(size=n) < 0.8, nxt, x[:, j])
    return [{'input_ids': torch.tensor(r), 'labels': torch.tensor(r)} for r in x]
train, ev = make(a.train_seqs), make(a.eval_seqs)
print(f"train {len(train)} x {a.seq_len} tokens, eval {len(ev)} x {a.seq_len}, vocab {V}")
if a.init_from:
    model = GPT2LMHeadModel.from_pretrained(a.init_from)
else:
    model = GPT2LMHeadModel(GPT2Config(vocab_size=V, n_positions=a.seq_len, n_embd=64, n_layer=2, n_head=2))
print(f"model: {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M parameters")
def acc(ep):
    logits, labels = ep.predictions, ep.label_ids
    pred = logits[:, :-1].argmax(-1)
    return {'token_accuracy': float((pred == labels[:, 1:]).mean())}
args = TrainingArguments(a.out, per_device_train_batch_size=16, per_device_eval_batch_size=16, max_steps=a.max_steps,
                         learning_rate=a.lr, warmup_steps=5, logging_steps=5, eval_strategy='steps', eval_steps=a.eval_steps,
                         save_strategy='no', report_to='none', disable_tqdm=True, use_cpu=True, dataloader_num_workers=0)
tr = Trainer(model=model, args=args, train_dataset=train, eval_dataset=ev, compute_metrics=acc if a.accuracy_metric else None)
tr.train()
print('eval:', tr.evaluate())
