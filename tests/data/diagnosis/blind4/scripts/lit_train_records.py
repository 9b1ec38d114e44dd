# Healthy: a Lightning run whose dataset logs and skips unreadable records (caught exception, traceback printed),
# with the usual Lightning warnings; loss falls normally, exit 0.
import logging, traceback, sys, torch, torch.nn as nn, lightning as L
from torch.utils.data import Dataset, DataLoader
log = logging.getLogger("data"); logging.basicConfig(level=logging.INFO)
class Recs(Dataset):
    def __init__(s, n, seed):
        g = torch.Generator().manual_seed(seed); s.x = torch.randn(n, 12, generator=g); s.y = (s.x[:, :3].sum(1) > 0).long()
        s.bad = {37, 911} if seed == 0 else set()
    def __len__(s): return len(s.x)
    def __getitem__(s, i):
        try:
            if i in s.bad: raise OSError(f"[Errno 5] Input/output error: 'shard-00{i%7}.rec' record {i}")
        except OSError:
            log.warning("unreadable record %d, substituting the next one\n%s", i, traceback.format_exc()); i = (i + 1) % len(s.x)
        return s.x[i], s.y[i]
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 2))
    def training_step(s, b, _):
        x, y = b; loss = nn.functional.cross_entropy(s.net(x), y); s.log("train_loss", loss, prog_bar=True, on_epoch=True, on_step=False); return loss
    def validation_step(s, b, _):
        x, y = b; out = s.net(x); s.log("val_loss", nn.functional.cross_entropy(out, y), prog_bar=True); s.log("val_acc", (out.argmax(1) == y).float().mean(), prog_bar=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), lr=3e-3)
    def on_train_epoch_end(s):
        m = s.trainer.callback_metrics; print(f"epoch {s.current_epoch} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}")
L.seed_everything(0)
t = L.Trainer(max_epochs=8, accelerator="cpu", enable_checkpointing=False, logger=False, enable_progress_bar=False)
t.fit(M(), DataLoader(Recs(2000, 0), batch_size=32, shuffle=True), DataLoader(Recs(500, 1), batch_size=128))
print("training finished")
