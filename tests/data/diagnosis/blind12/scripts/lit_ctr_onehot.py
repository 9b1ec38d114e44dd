import numpy as np, pandas as pd, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from torch.utils.data import TensorDataset, DataLoader
rng = np.random.default_rng(0)
n = 120000
df = pd.DataFrame({'user_id': rng.integers(0, 90000, n), 'hour': rng.integers(0, 24, n), 'slot': rng.integers(0, 8, n),
                   'price': rng.gamma(2, 10, n)})
df['click'] = (rng.random(n) < 0.05 + 0.03 * (df.slot < 2)).astype('int64')
print('rows', n, 'users', df.user_id.nunique(), 'click rate', round(df.click.mean(), 4), flush=True)
X = pd.get_dummies(df[['user_id', 'hour', 'slot']].astype('category'), dtype='float32')
X['price'] = df.price / df.price.std()
print('design matrix', X.shape, flush=True)
Xt = torch.tensor(X.values); yt = torch.tensor(df.click.values)
class M(L.LightningModule):
    def __init__(s, d): super().__init__(); s.lin = nn.Linear(d, 2)
    def training_step(s, b, i): x, y = b; loss = F.cross_entropy(s.lin(x), y); s.log('train_loss', loss, prog_bar=True); return loss
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
L.Trainer(max_epochs=2, logger=False, enable_checkpointing=False).fit(M(Xt.shape[1]), DataLoader(TensorDataset(Xt, yt), batch_size=512, shuffle=True))
