import torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(0)
BATCH = 32; T = 20
X = torch.randn(2000, T, 8); y = (X[:, :, 0].mean(1) > 0).long()
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.conv = nn.Conv1d(8, 16, 3, padding=1); s.fc = nn.Linear(16 * T, 2)
    def forward(s, x):
        h = F.relu(s.conv(x.transpose(1, 2)))
        return s.fc(h.reshape(BATCH, -1))
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s(x), t); s.log('train_loss', loss, prog_bar=True); return loss
    def validation_step(s, b, i):
        x, t = b; out = s(x); s.log('val_loss', F.cross_entropy(out, t), prog_bar=True); s.log('val_acc', (out.argmax(1) == t).float().mean(), prog_bar=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
tr = TensorDataset(X[:1610], y[:1610]); va = TensorDataset(X[1610:], y[1610:])
L.Trainer(max_epochs=5, accelerator='cpu', logger=False, enable_checkpointing=False).fit(M(), DataLoader(tr, batch_size=BATCH, shuffle=True), DataLoader(va, batch_size=BATCH, drop_last=True))
