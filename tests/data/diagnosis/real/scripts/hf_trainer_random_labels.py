"""transformers Trainer, tiny random BERT on 192 samples whose labels are random (label noise 100%): the model
memorises the training set while the validation loss climbs and the validation accuracy stays at chance."""

import sys

from transformers import Trainer, TrainingArguments, set_seed

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _hf import TokenTask, accuracy, tiny_bert  # noqa: E402

set_seed(0)
args = TrainingArguments(
    output_dir="out",
    learning_rate=2e-3,
    num_train_epochs=30,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    logging_strategy="epoch",
    eval_strategy="epoch",
    save_strategy="no",
    report_to="none",
    use_cpu=True,
    seed=0,
)
trainer = Trainer(
    model=tiny_bert(hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0),
    args=args,
    train_dataset=TokenTask(192, seed=0, label_noise=1.0),
    eval_dataset=TokenTask(400, seed=1, label_noise=1.0),
    compute_metrics=accuracy,
)
trainer.train()
