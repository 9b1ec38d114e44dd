"""transformers Trainer: the model is configured for 3 labels but the dataset gives one-hot float targets over 2
classes, so the model picks multi-label classification and the loss fails on the shapes."""

import sys

import torch
from transformers import Trainer, TrainingArguments, set_seed

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _hf import TokenTask, tiny_bert  # noqa: E402


class OneHot(TokenTask):
    def __getitem__(self, i):
        item = super().__getitem__(i)
        item["labels"] = torch.nn.functional.one_hot(item["labels"], 2).float()
        return item


set_seed(0)
args = TrainingArguments(
    output_dir="out",
    learning_rate=5e-4,
    num_train_epochs=1,
    per_device_train_batch_size=32,
    logging_steps=10,
    save_strategy="no",
    report_to="none",
    use_cpu=True,
)
Trainer(model=tiny_bert(num_labels=3), args=args, train_dataset=OneHot(640, seed=0)).train()
