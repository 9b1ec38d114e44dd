# Tiny BERT classifier trained with the HF Trainer on synthetic token sequences. The "tokenizer" is a word list
# of 320 words built from the corpus, but the model config keeps vocab_size=256 from an older config file: token
# ids >= 256 index past the embedding table (on CPU: IndexError: index out of range in self).
import argparse, random, torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
ap = argparse.ArgumentParser(); ap.add_argument("--vocab-size", type=int, default=256); ap.add_argument("--epochs", type=int, default=2)
args = ap.parse_args()
random.seed(0); torch.manual_seed(0)
words = [f"w{i}" for i in range(320)]
vocab = {w: i + 2 for i, w in enumerate(words)}  # 0 pad, 1 cls
print(f"tokenizer: {len(vocab) + 2} tokens; model vocab_size={args.vocab_size}")
class DS(torch.utils.data.Dataset):
    def __init__(s, n, seed):
        r = random.Random(seed); s.items = []
        for _ in range(n):
            label = r.randint(0, 1)
            # common words first: rare words (high ids) appear in a few sentences only
            toks = [words[min(int(r.expovariate(1 / 60)), 319)] for _ in range(12)]
            if label: toks[r.randrange(12)] = "w7"
            s.items.append(([1] + [vocab[t] for t in toks], label))
    def __len__(s): return len(s.items)
    def __getitem__(s, i):
        ids, y = s.items[i]
        return {"input_ids": torch.tensor(ids), "attention_mask": torch.ones(len(ids), dtype=torch.long), "labels": torch.tensor(y)}
cfg = BertConfig(vocab_size=args.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64, max_position_embeddings=32, num_labels=2)
model = BertForSequenceClassification(cfg)
ta = TrainingArguments(output_dir="/tmp/b5_hf_vocab", num_train_epochs=args.epochs, per_device_train_batch_size=16, learning_rate=1e-3,
                       logging_steps=10, eval_strategy="epoch", report_to=[], save_strategy="no", use_cpu=True, disable_tqdm=True)
Trainer(model=model, args=ta, train_dataset=DS(800, 1), eval_dataset=DS(200, 2)).train()
