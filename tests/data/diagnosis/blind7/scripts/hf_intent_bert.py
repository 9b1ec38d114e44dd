# HF Trainer fine-tuning a small BERT (from config) for 5-way intent classification on synthetic token ids.
# --max-length is the padding/truncation length of the (synthetic) tokenizer; the model config has
# max_position_embeddings=64. With --max-length 96 the position ids run past the position-embedding table.
# --unlabeled-frac F marks that fraction of training utterances as unlabelled with label -1 (the annotation tool's
# convention), and they are kept in the training set.
import argparse, numpy as np, torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
ap = argparse.ArgumentParser(); ap.add_argument("--max-length", type=int, default=48); ap.add_argument("--epochs", type=int, default=2); ap.add_argument("--unlabeled-frac", type=float, default=0.0)
a = ap.parse_args()
cfg = BertConfig(vocab_size=500, hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
                 max_position_embeddings=64, num_labels=5)
print(cfg.to_json_string()[:0] + f"model: bert layers=2 hidden=64 max_position_embeddings={cfg.max_position_embeddings} num_labels=5")
rng = np.random.default_rng(1)
class DS(torch.utils.data.Dataset):
    def __init__(s, n):
        s.lab = rng.integers(0, 5, n); s.ids = rng.integers(10, 500, (n, a.max_length))
        s.ids[:, 1] = 100 + s.lab; s.ids[:, 0] = 2
        if n == 1000 and a.unlabeled_frac: s.lab[rng.random(n) < a.unlabeled_frac] = -1; print(f'labels: {(s.lab == -1).sum()} of {n} unlabelled (-1)')
    def __len__(s): return len(s.lab)
    def __getitem__(s, i):
        return {"input_ids": torch.tensor(s.ids[i]), "attention_mask": torch.ones(a.max_length, dtype=torch.long),
                "labels": torch.tensor(int(s.lab[i]))}
print(f"tokenized 1200 utterances, padded/truncated to max_length={a.max_length}")
args = TrainingArguments(output_dir="/tmp/b7_hf_intent", per_device_train_batch_size=16, num_train_epochs=a.epochs,
                         learning_rate=5e-4, logging_steps=10, eval_strategy="epoch", save_strategy="no",
                         report_to=[], seed=0, disable_tqdm=True, use_cpu=True)
Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS(1000), eval_dataset=DS(200)).train()
