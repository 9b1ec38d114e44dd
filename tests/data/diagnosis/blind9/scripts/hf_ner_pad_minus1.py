# Token classification (NER-style tags) with the HF Trainer on a tiny BERT built from a config; sequences padded to
# 24 with label -1 for padded positions (the collator is hand-written).
import torch, random
from transformers import BertConfig, BertForTokenClassification, Trainer, TrainingArguments
random.seed(0); torch.manual_seed(0)
V, T, TAGS = 200, 24, 5
class DS(torch.utils.data.Dataset):
    def __init__(self, n): self.items = [[random.randrange(5, V) for _ in range(random.randint(6, T))] for _ in range(n)]
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        ids = self.items[i]; return {"ids": ids, "tags": [t % TAGS for t in ids]}
def collate(batch):
    ids = torch.zeros(len(batch), T, dtype=torch.long); lab = torch.full((len(batch), T), -1, dtype=torch.long); att = torch.zeros_like(ids)
    for k, b in enumerate(batch):
        n = len(b["ids"]); ids[k, :n] = torch.tensor(b["ids"]); lab[k, :n] = torch.tensor(b["tags"]); att[k, :n] = 1
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
cfg = BertConfig(vocab_size=V, hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128, num_labels=TAGS)
args = TrainingArguments("out_ner", per_device_train_batch_size=16, num_train_epochs=2, logging_steps=10, report_to=[], save_strategy="no", use_cpu=True, remove_unused_columns=False)
Trainer(model=BertForTokenClassification(cfg), args=args, train_dataset=DS(800), data_collator=collate).train()
