"""A Hugging Face Trainer run as a new user writes one: a tiny random-initialised BERT classifier (config built
here, nothing downloaded) on a synthetic task, evaluated each epoch with accuracy, checkpoints each epoch.
Labels: trainer.state.log_history (the Trainer's own record), written to labels.json."""

import json

import numpy as np
import torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments

torch.manual_seed(0)
rng = np.random.default_rng(0)


class Toy(torch.utils.data.Dataset):
    def __init__(self, n):
        self.x = torch.tensor(rng.integers(5, 60, size=(n, 12)))
        self.y = (self.x[:, 0] > 32).long()  # learnable from the first token

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return {"input_ids": self.x[i], "attention_mask": torch.ones(12, dtype=torch.long), "labels": self.y[i]}


cfg = BertConfig(vocab_size=64, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64)
model = BertForSequenceClassification(cfg)


def compute_metrics(p):
    return {"accuracy": float((p.predictions.argmax(-1) == p.label_ids).mean())}


args = TrainingArguments(
    output_dir="out",
    num_train_epochs=3,
    per_device_train_batch_size=16,
    learning_rate=5e-4,
    logging_steps=5,
    eval_strategy="epoch",
    save_strategy="epoch",
    report_to="none",
    seed=0,
    use_cpu=True,
)
trainer = Trainer(model=model, args=args, train_dataset=Toy(320), eval_dataset=Toy(64), compute_metrics=compute_metrics)
trainer.train()
with open("labels.json", "w") as f:
    json.dump({"source": "trainer.state.log_history", "log_history": trainer.state.log_history}, f, indent=1)
