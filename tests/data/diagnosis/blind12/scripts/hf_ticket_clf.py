import torch, numpy as np, argparse
ap = argparse.ArgumentParser(); ap.add_argument('--label_smoothing_factor', type=float, default=0.0); ap.add_argument('--freeze_encoder', action='store_true'); a = ap.parse_args()
from torch.utils.data import Dataset
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
torch.manual_seed(0); rng = np.random.default_rng(0)
V, L, N = 200, 16, 2400
def make(n):
    y = rng.integers(0, 3, n); ids = rng.integers(10, V, (n, L))
    for i in range(n): ids[i, rng.integers(1, L)] = 3 + y[i]      # a class keyword somewhere in the ticket
    ids[:, 0] = 1
    return ids, y
class DS(Dataset):
    def __init__(s, ids, y): s.ids, s.y = ids, y
    def __len__(s): return len(s.y)
    def __getitem__(s, i): return {'input_ids': torch.tensor(s.ids[i]), 'attention_mask': torch.ones(L, dtype=torch.long), 'labels': int(s.y[i])}
tr, ev = DS(*make(N)), DS(*make(600))
cfg = BertConfig(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128, max_position_embeddings=32, num_labels=3)
model = BertForSequenceClassification(cfg)
if a.freeze_encoder:
    for p in model.bert.parameters(): p.requires_grad = False
    print('trainable params:', sum(p.numel() for p in model.parameters() if p.requires_grad), 'of', sum(p.numel() for p in model.parameters()))
def metrics(p): return {'accuracy': float((p.predictions.argmax(-1) == p.label_ids).mean())}
args = TrainingArguments(output_dir='out_tickets', num_train_epochs=6, per_device_train_batch_size=32, learning_rate=1e-3, warmup_steps=40,
                         label_smoothing_factor=a.label_smoothing_factor, eval_strategy='epoch', logging_steps=25, save_strategy='no', report_to=[],
                         use_cpu=True, seed=0, disable_tqdm=True)
Trainer(model=model, args=args, train_dataset=tr, eval_dataset=ev, compute_metrics=metrics).train()
