import argparse, numpy as np, torch, shutil
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
p = argparse.ArgumentParser(); p.add_argument('--output-dir', default='out_ticket'); p.add_argument('--epochs', type=float, default=4)
p.add_argument('--save-steps', type=int, default=25); p.add_argument('--lr', type=float, default=5e-4)
p.add_argument('--noise', type=float, default=0.0); p.add_argument('--warmup-steps', type=int, default=0)
p.add_argument('--max-grad-norm', type=float, default=1.0); p.add_argument('--eval-strategy', default='epoch'); p.add_argument('--n', type=int, default=1600)
a = p.parse_args(); torch.manual_seed(0); rng = np.random.default_rng(0)
V, T, C = 800, 24, 4
class DS(torch.utils.data.Dataset):
    def __init__(s, n, seed):
        g = np.random.default_rng(seed); s.ids = g.integers(5, V, (n, T)); s.y = g.integers(0, C, n)
        for i in range(n): s.ids[i, g.integers(1, T, 2)] = 1 + s.y[i]       # a class keyword somewhere in the ticket
        s.ids[:, 0] = 0
        flip = g.random(n) < a.noise; s.y[flip] = g.integers(0, C, flip.sum())
    def __len__(s): return len(s.y)
    def __getitem__(s, i): return {'input_ids': torch.tensor(s.ids[i]), 'attention_mask': torch.ones(T, dtype=torch.long), 'labels': int(s.y[i])}
cfg = BertConfig(vocab_size=V, hidden_size=128, num_hidden_layers=2, num_attention_heads=4, intermediate_size=256, max_position_embeddings=T, num_labels=C)
model = BertForSequenceClassification(cfg)
def metrics(ev): return {'accuracy': float((ev.predictions.argmax(-1) == ev.label_ids).mean())}
args = TrainingArguments(output_dir=a.output_dir, num_train_epochs=a.epochs, per_device_train_batch_size=32, per_device_eval_batch_size=128,
                         learning_rate=a.lr, warmup_steps=a.warmup_steps, max_grad_norm=a.max_grad_norm, logging_steps=10, eval_strategy=a.eval_strategy,
                         save_strategy='steps', save_steps=a.save_steps, report_to='none', use_cpu=True, seed=0, disable_tqdm=True)
tr = Trainer(model=model, args=args, train_dataset=DS(a.n, 1), eval_dataset=DS(400, 2), compute_metrics=metrics)
tr.train()
