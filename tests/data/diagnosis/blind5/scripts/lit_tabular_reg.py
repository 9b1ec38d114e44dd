# Lightning MLP regressor on a tabular CSV-like table (synthetic: 12 numeric features, y = smooth function + noise),
# features standardised with the training mean/std; a callback prints the logged metrics every epoch.
# --csv-gap: the feature table has an empty cell (read as NaN) in row 3713, as a real export often does.
# --epochs/--sleep: a longer run (sleep per batch simulates a slower data source).
import argparse, time, numpy as np, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
ap = argparse.ArgumentParser(); ap.add_argument("--epochs", type=int, default=10); ap.add_argument("--lr", type=float, default=3e-3)
ap.add_argument("--csv-gap", action="store_true"); ap.add_argument("--sleep", type=float, default=0.0); ap.add_argument("--ckpt-dir", default="/tmp/b5_lit_ckpt"); ap.add_argument("--log-every", type=int, default=25)
args = ap.parse_args(); L.seed_everything(0)
rng = np.random.default_rng(0)
X = rng.normal(size=(5000, 12)); y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] + 0.3 * X[:, 3] + rng.normal(0, 0.1, 5000)
if args.csv_gap: X[3713, 5] = np.nan
Xtr, ytr, Xva, yva = X[:4000], y[:4000], X[4000:], y[4000:]
mu, sd = np.nanmean(Xtr, 0), np.nanstd(Xtr, 0)
Xtr, Xva = (Xtr - mu) / sd, (Xva - mu) / sd
print(f"loaded table: {X.shape[0]} rows x {X.shape[1]} features; train {len(Xtr)}, val {len(Xva)}")
t = lambda a: torch.tensor(a, dtype=torch.float32)
class Net(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(12, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    def training_step(s, b, i):
        if args.sleep: time.sleep(args.sleep)
        loss = nn.functional.mse_loss(s.net(b[0]).squeeze(1), b[1]); s.log("train_loss", loss, on_step=True, on_epoch=True); return loss
    def validation_step(s, b, i): s.log("val_loss", nn.functional.mse_loss(s.net(b[0]).squeeze(1), b[1]))
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), args.lr)
class Print(L.Callback):
    def on_train_batch_end(s, tr, pl, out, b, i):
        if tr.global_step == 1 or tr.global_step % args.log_every == 0: print(f"step {tr.global_step} train_loss {float(out['loss']):.4f}", flush=True)
    def on_validation_epoch_end(s, tr, pl):
        if tr.sanity_checking: return
        m = tr.callback_metrics; te = f"{float(m['train_loss_epoch']):.4f}" if 'train_loss_epoch' in m else "n/a"
        print(f"epoch {tr.current_epoch} val_loss {float(m['val_loss']):.4f} train_loss_epoch(prev) {te}", flush=True)
ck = L.pytorch.callbacks.ModelCheckpoint(dirpath=args.ckpt_dir, save_last=True, monitor="val_loss")
tr = L.Trainer(max_epochs=args.epochs, accelerator="cpu", enable_progress_bar=False, callbacks=[Print(), ck], logger=False)
tr.fit(Net(), DataLoader(TensorDataset(t(Xtr), t(ytr)), batch_size=32, shuffle=True), DataLoader(TensorDataset(t(Xva), t(yva)), batch_size=256))
print("best val_loss", float(ck.best_model_score), "checkpoint", ck.best_model_path)
