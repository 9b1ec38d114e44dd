# Language-model head built from a config whose vocab_size was read from the wrong field (a byte count).
import json, torch, torch.nn as nn
cfg = json.loads('{"d_model": 512, "vocab_size": 50257, "vocab_file_bytes": 1042301, "n_layer": 2}')
vocab = cfg["vocab_file_bytes"]   # should be cfg["vocab_size"]
print(f"building model: d_model={cfg['d_model']} vocab={vocab}")
emb = nn.Embedding(vocab, cfg["d_model"])
print(f"embedding ok: {emb.weight.numel()/1e6:.1f}M params")
head = nn.Linear(cfg["d_model"], vocab)
x = torch.randint(0, 50257, (64, 256))
h = emb(x)
logits = head(h)            # (64, 256, vocab) floats
print(logits.shape)
