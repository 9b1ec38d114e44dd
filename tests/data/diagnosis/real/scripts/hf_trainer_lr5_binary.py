"""transformers Trainer, tiny random BERT, binary task, learning rate 5 (Adam): the loss jumps far above ln 2 and
the accuracy stays at chance; every loss stays finite."""

import sys

from transformers import Trainer, TrainingArguments, set_seed

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _hf import TokenTask, accuracy, tiny_bert  # noqa: E402

set_seed(0)
args = TrainingArguments(
    output_dir="out",
    learning_rate=5.0,
    num_train_epochs=3,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    logging_steps=10,
    eval_strategy="epoch",
    save_strategy="no",
    report_to="none",
    use_cpu=True,
    seed=0,
)
trainer = Trainer(
    model=tiny_bert(),
    args=args,
    train_dataset=TokenTask(1600, seed=0),
    eval_dataset=TokenTask(400, seed=1),
    compute_metrics=accuracy,
)
trainer.train()
print(trainer.evaluate())
