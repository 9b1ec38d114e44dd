"""transformers: the tokenizer folder a config points at was never saved (offline, so nothing is downloaded)."""

from transformers import AutoTokenizer

print("loading tokenizer from ./checkpoints/tokenizer")
tok = AutoTokenizer.from_pretrained("./checkpoints/tokenizer")
print(tok("hello"))
