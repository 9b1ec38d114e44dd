# Lightning tiny transformer classifier with learned position embeddings for max_len=64; the tokenizer step was
# changed to max_length=128 (no truncation to the model's limit)
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
MAX_POS = 64; SEQ = 128
class TinyEnc(L.LightningModule):
    def __init__(s):
        super().__init__(); s.tok = nn.Embedding(1000, 32); s.pos = nn.Embedding(MAX_POS, 32)
        s.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(32, 4, 64, batch_first=True), 2); s.head = nn.Linear(32, 3)
    def forward(s, ids):
        pos = torch.arange(ids.size(1)).unsqueeze(0)
        return s.head(s.enc(s.tok(ids) + s.pos(pos)).mean(1))
    def training_step(s, b, i):
        l = nn.functional.cross_entropy(s(b[0]), b[1]); s.log('train_loss', l); return l
    def configure_optimizers(s): return torch.optim.AdamW(s.parameters(), 3e-4)
torch.manual_seed(0); ids = torch.randint(0, 1000, (512, SEQ)); y = torch.randint(0, 3, (512,))
print(f'input_ids {tuple(ids.shape)}, position table {MAX_POS}')
L.Trainer(max_epochs=1, logger=False, enable_checkpointing=False, enable_progress_bar=False).fit(TinyEnc(), DataLoader(TensorDataset(ids, y), batch_size=16))
