# Healthy: transformers Trainer on a tiny randomly initialised BERT (built from a config, no download), a toy
# token-classification-free sequence task: does the sequence contain token 7? Warm-up then linear decay; the loss
# sits near ln 2 for a while during warm-up and then falls.
import torch, numpy as np
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
from torch.utils.data import Dataset
class DS(Dataset):
    def __init__(s, n, seed):
        r = np.random.default_rng(seed); s.ids = r.integers(10, 60, size=(n, 16)); s.lab = r.integers(0, 2, size=n)
        for i in range(n):
            if s.lab[i]: s.ids[i, r.integers(1, 16)] = 7
        s.ids[:, 0] = 2
    def __len__(s): return len(s.lab)
    def __getitem__(s, i): return {"input_ids": torch.tensor(s.ids[i]), "attention_mask": torch.ones(16, dtype=torch.long), "labels": int(s.lab[i])}
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
torch.manual_seed(0)
cfg = BertConfig(vocab_size=64, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64, max_position_embeddings=32, num_labels=2)
args = TrainingArguments(output_dir="out_token7", num_train_epochs=4, per_device_train_batch_size=32, learning_rate=1e-3,
                         warmup_steps=60, logging_steps=10, eval_strategy="epoch", save_strategy="no", report_to=[], seed=0, use_cpu=True)
Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS(2000, 0), eval_dataset=DS(400, 1), compute_metrics=acc).train()
