"""A Hugging Face Trainer (5.x) run evaluated every 8 steps, logging every 4, with no checkpoints (so no
trainer_state.json is written: the printed output is all there is): a tiny random-initialised GPT-2 language
model (config built here, nothing downloaded) on random token sequences. Labels: trainer.state.log_history."""

import json

import torch
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments

torch.manual_seed(0)


class Tokens(torch.utils.data.Dataset):
    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        start = torch.randint(0, 50, (n, 1), generator=g)
        self.x = (start + torch.arange(16)) % 50  # a counting pattern: learnable

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return {"input_ids": self.x[i], "labels": self.x[i]}


cfg = GPT2Config(vocab_size=50, n_positions=16, n_embd=32, n_layer=2, n_head=2)
args = TrainingArguments(
    output_dir="out", max_steps=40, per_device_train_batch_size=8, learning_rate=3e-3, logging_steps=4,
    eval_strategy="steps", eval_steps=8, save_strategy="no", report_to="none", seed=0, use_cpu=True,
)
trainer = Trainer(model=GPT2LMHeadModel(cfg), args=args, train_dataset=Tokens(256, 0), eval_dataset=Tokens(32, 1))
trainer.train()
with open("labels.json", "w") as f:
    json.dump({"source": "trainer.state.log_history", "log_history": trainer.state.log_history}, f, indent=1)
