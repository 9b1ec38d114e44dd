# Overfitting: transformers Trainer, a tiny randomly initialised BERT (from a config, no download) trained for 40
# epochs on 160 short sequences whose label is a noisy function of the tokens (25% of labels flipped); eval_loss
# bottoms out early and then climbs while the training loss goes to ~0.
import torch, numpy as np
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
from torch.utils.data import Dataset
class DS(Dataset):
    def __init__(s, n, seed):
        r = np.random.default_rng(seed); s.ids = r.integers(10, 60, size=(n, 16)); s.ids[:, 0] = 2
        lab = ((s.ids[:, 1:] < 30).sum(1) > 7).astype(int)
        flip = r.random(n) < 0.25; s.lab = np.where(flip, 1 - lab, lab)
    def __len__(s): return len(s.lab)
    def __getitem__(s, i): return {"input_ids": torch.tensor(s.ids[i]), "attention_mask": torch.ones(16, dtype=torch.long), "labels": int(s.lab[i])}
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
torch.manual_seed(0)
cfg = BertConfig(vocab_size=64, hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128, max_position_embeddings=32, num_labels=2,
                 hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
args = TrainingArguments(output_dir="out_count_tokens", num_train_epochs=40, per_device_train_batch_size=16, learning_rate=1e-3,
                         weight_decay=0.0, logging_strategy="epoch", eval_strategy="epoch", save_strategy="no", report_to=[], seed=0, use_cpu=True,
                         disable_tqdm=True)
Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS(160, 0), eval_dataset=DS(400, 1), compute_metrics=acc).train()
