# Lightning: the feature store keeps embeddings in bfloat16 to halve RAM; the model is left in float32
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
feats = torch.randn(20000, 256).to(torch.bfloat16); labels = torch.randint(0, 5, (20000,))
print(f'feature store: {feats.shape} {feats.dtype}, {feats.numel() * feats.element_size() / 2**20:.1f} MiB')
class Head(L.LightningModule):
    def __init__(s): super().__init__(); s.mlp = nn.Sequential(nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 5))
    def training_step(s, b, i):
        x, y = b; loss = nn.functional.cross_entropy(s.mlp(x), y); s.log('train_loss', loss); return loss
    def configure_optimizers(s): return torch.optim.AdamW(s.parameters(), 1e-3)
L.Trainer(max_epochs=2, logger=False, enable_checkpointing=False, enable_progress_bar=False).fit(Head(), DataLoader(TensorDataset(feats, labels), batch_size=256, shuffle=True))
