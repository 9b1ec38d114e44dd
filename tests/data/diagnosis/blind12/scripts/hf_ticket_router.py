import torch, numpy as np
from torch.utils.data import Dataset
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
torch.manual_seed(0); rng = np.random.default_rng(1)
V, L = 200, 16
def make(n):
    true = rng.integers(0, 3, n)
    ids = rng.integers(10, V, (n, L))
    for i in range(n): ids[i, rng.integers(2, L)] = 3 + true[i] if rng.random() < 0.8 else rng.integers(10, V)
    label = np.where(rng.random(n) < 0.25, rng.integers(0, 3, n), true)       # agents' tags
    ids[:, 0] = 1; ids[:, 1] = 6 + label          # ticket header field: queue the ticket was routed to
    return ids, label, true
class DS(Dataset):
    def __init__(s, ids, y): s.ids, s.y = ids, y
    def __len__(s): return len(s.y)
    def __getitem__(s, i): return {'input_ids': torch.tensor(s.ids[i]), 'attention_mask': torch.ones(L, dtype=torch.long), 'labels': int(s.y[i])}
i1, y1, t1 = make(2400); i2, y2, t2 = make(600)
print('labels: agent tags; audit of 600 tickets: tag agrees with expert label %.3f' % (y2 == t2).mean())
print('input: [CLS] [queue field] + 14 body tokens')
cfg = BertConfig(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128, max_position_embeddings=32, num_labels=3)
model = BertForSequenceClassification(cfg)
def metrics(p): return {'accuracy': float((p.predictions.argmax(-1) == p.label_ids).mean())}
args = TrainingArguments(output_dir='out_router', num_train_epochs=4, per_device_train_batch_size=32, learning_rate=1e-3, warmup_steps=40,
                         eval_strategy='epoch', logging_steps=25, save_strategy='no', report_to=[], use_cpu=True, seed=0, disable_tqdm=True)
Trainer(model=model, args=args, train_dataset=DS(i1, y1), eval_dataset=DS(i2, y2), compute_metrics=metrics).train()
