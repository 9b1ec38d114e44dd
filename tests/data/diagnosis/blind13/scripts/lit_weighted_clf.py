import numpy as np, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from sklearn.datasets import make_classification
from sklearn.utils.class_weight import compute_class_weight
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(0)
X, y = make_classification(n_samples=3000, n_features=20, n_classes=3, n_informative=6, weights=[0.7, 0.2, 0.1], random_state=0)
cw = compute_class_weight('balanced', classes=np.unique(y), y=y); print('class weights', cw)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3)); s.register_buffer('w', torch.from_numpy(cw))
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s.net(x), t, weight=s.w); s.log('train_loss', loss, prog_bar=True); return loss
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y))
L.Trainer(max_epochs=3, accelerator='cpu', logger=False, enable_checkpointing=False).fit(M(), DataLoader(ds, batch_size=64, shuffle=True))
