# HF Trainer, small BERT from config (4 layers, dropout 0, no weight decay) on 160 short synthetic "reviews" whose
# labels are 30% noise, trained 40 epochs with eval every 2 epochs: it memorises the training set.
import numpy as np, torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
rng = np.random.default_rng(3)
cfg = BertConfig(vocab_size=300, hidden_size=96, num_hidden_layers=4, num_attention_heads=4, intermediate_size=192,
                 max_position_embeddings=32, num_labels=2, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
def make(n):
    ids = rng.integers(5, 300, (n, 24)); score = (ids[:, :8] < 60).sum(1) - (ids[:, :8] > 240).sum(1)
    lab = (score > 0).astype(int); flip = rng.random(n) < 0.3; lab[flip] = 1 - lab[flip]
    return ids, lab
class DS(torch.utils.data.Dataset):
    def __init__(s, n): s.ids, s.lab = make(n)
    def __len__(s): return len(s.lab)
    def __getitem__(s, i): return {"input_ids": torch.tensor(s.ids[i]), "labels": torch.tensor(int(s.lab[i]))}
def acc(p): return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}
print("train 160 reviews, eval 400 reviews; dropout 0.0, weight_decay 0.0, epochs 40")
args = TrainingArguments(output_dir="/tmp/b7_hf_rev", per_device_train_batch_size=16, num_train_epochs=40,
                         learning_rate=1e-3, weight_decay=0.0, logging_steps=20, eval_strategy="steps", eval_steps=20,
                         save_strategy="no", report_to=[], seed=0, disable_tqdm=True, use_cpu=True)
Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS(160), eval_dataset=DS(400),
        compute_metrics=acc).train()
