# Lightning Trainer, 10-class classification of synthetic 8x8 "digits" (class templates + noise), CSV-style lines
# printed from on_validation_epoch_end. Options pick what the run does:
#   --opt-bug     configure_optimizers builds Adam over self._make_net().parameters() (a fresh copy, not self.net)
#   --early-stop  EarlyStopping(monitor=val_loss, patience=3, min_delta=0.002)
#   --plots       write a confusion-matrix png each epoch with matplotlib; if that fails, log it and go on
#   --epochs N    max_epochs
import argparse, logging, numpy as np, torch, torch.nn as nn, lightning as L
ap = argparse.ArgumentParser(); ap.add_argument("--opt-bug", action="store_true"); ap.add_argument("--early-stop", action="store_true")
ap.add_argument("--plots", action="store_true"); ap.add_argument("--epochs", type=int, default=10); ap.add_argument("--noise", type=float, default=1.0)
a = ap.parse_args()
log = logging.getLogger("lit_digits"); logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
L.seed_everything(0)
g = torch.Generator().manual_seed(0); T = torch.randn(10, 64, generator=g)
def make(n):
    y = torch.randint(0, 10, (n,), generator=g); return T[y] + a.noise * torch.randn(n, 64, generator=g), y
Xtr, ytr = make(3000); Xva, yva = make(800)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = s._make_net()
    def _make_net(s): return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10))
    def training_step(s, b, i):
        x, y = b; loss = nn.functional.cross_entropy(s.net(x), y); s.log("train_loss", loss, on_epoch=True, prog_bar=True); return loss
    def validation_step(s, b, i):
        x, y = b; out = s.net(x); s.log("val_loss", nn.functional.cross_entropy(out, y)); s.log("val_acc", (out.argmax(1) == y).float().mean())
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if "train_loss_epoch" in m:
            print(f"epoch {s.current_epoch}: train_loss {m['train_loss_epoch']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}", flush=True)
        if a.plots:
            try:
                import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
                plt.figure(); plt.savefig(f"/tmp/b7_cm_{s.current_epoch}.png"); plt.close()
            except Exception:
                log.exception("could not write confusion-matrix plot for epoch %d; continuing without plots", s.current_epoch)
    def configure_optimizers(s):
        params = s._make_net().parameters() if a.opt_bug else s.parameters()
        return torch.optim.Adam(params, lr=1e-3)
dl = lambda X, y, sh: torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=64, shuffle=sh)
cbs = [L.pytorch.callbacks.EarlyStopping(monitor="val_loss", patience=3, min_delta=0.002, verbose=True)] if a.early_stop else []
tr = L.Trainer(max_epochs=a.epochs, accelerator="cpu", logger=False, enable_checkpointing=False, callbacks=cbs, enable_progress_bar=False)
tr.fit(M(), dl(Xtr, ytr, True), dl(Xva, yva, False))
print("training finished at epoch", tr.current_epoch)
