"""Shared pieces of the transformers scripts: a tiny randomly initialised BERT and a synthetic token task
(label = whether token 7 appears more often than token 8), so nothing is downloaded."""

from __future__ import annotations

import numpy as np
import torch


class TokenTask(torch.utils.data.Dataset):
    def __init__(
        self, n: int, seq: int = 24, vocab: int = 64, seed: int = 0, label_noise: float = 0.0, classes: int = 2
    ):
        g = np.random.default_rng(seed)
        self.ids = g.integers(10, vocab, size=(n, seq))
        counts7 = g.integers(0, 5, size=n)
        counts8 = g.integers(0, 5, size=n)
        for i in range(n):
            pos = g.permutation(seq)
            self.ids[i, pos[: counts7[i]]] = 7
            self.ids[i, pos[counts7[i] : counts7[i] + counts8[i]]] = 8
        self.labels = ((counts7 > counts8).astype(np.int64) + (counts7 == counts8) * (classes - 2)).clip(0, classes - 1)
        flip = g.random(n) < label_noise
        self.labels[flip] = g.integers(0, classes, size=flip.sum())

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return {
            "input_ids": torch.tensor(self.ids[i]),
            "attention_mask": torch.ones(len(self.ids[i]), dtype=torch.long),
            "labels": torch.tensor(self.labels[i]),
        }


def tiny_bert(num_labels: int = 2, **kw):
    from transformers import BertConfig, BertForSequenceClassification

    cfg = BertConfig(
        vocab_size=64,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        num_labels=num_labels,
        **kw,
    )
    return BertForSequenceClassification(cfg)


def accuracy(eval_pred):
    logits, labels = eval_pred
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}
