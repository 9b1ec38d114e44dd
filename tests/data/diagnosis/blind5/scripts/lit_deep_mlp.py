# Lightning, a deep plain MLP (no normalisation, no residuals) classifying 5 synthetic Gaussian classes; SGD with
# momentum 0.9 (or --opt adam), no gradient clipping; loss and gradient norm printed every --log-every steps.
import argparse, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
ap = argparse.ArgumentParser(); ap.add_argument("--depth", type=int, default=12); ap.add_argument("--lr", type=float, default=0.01)
ap.add_argument("--epochs", type=int, default=3); ap.add_argument("--init-gain", type=float, default=1.0); ap.add_argument("--log-every", type=int, default=10); ap.add_argument("--opt", default="sgd")
args = ap.parse_args(); L.seed_everything(0)
C = 5; centers = torch.randn(C, 20) * 2
def make(n):
    y = torch.randint(0, C, (n,)); return TensorDataset(centers[y] + torch.randn(n, 20), y)
class Net(L.LightningModule):
    def __init__(s):
        super().__init__(); layers = []; d = 20
        for _ in range(args.depth): layers += [nn.Linear(d, 128), nn.ReLU()]; d = 128
        layers.append(nn.Linear(d, C)); s.net = nn.Sequential(*layers)
        for m in s.net:
            if isinstance(m, nn.Linear): nn.init.kaiming_normal_(m.weight); m.weight.data *= args.init_gain
    def training_step(s, b, i):
        out = s.net(b[0]); loss = nn.functional.cross_entropy(out, b[1]); s.log("train_loss", loss); return loss
    def validation_step(s, b, i):
        out = s.net(b[0]); s.log("val_loss", nn.functional.cross_entropy(out, b[1])); s.log("val_acc", (out.argmax(1) == b[1]).float().mean())
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), lr=args.lr) if args.opt == "adam" else torch.optim.SGD(s.parameters(), lr=args.lr, momentum=0.9)
class Print(L.Callback):
    def on_before_optimizer_step(s, tr, pl, opt):
        if tr.global_step % args.log_every == 0:
            g = torch.norm(torch.stack([p.grad.norm() for p in pl.parameters() if p.grad is not None]))
            print(f"step {tr.global_step} loss {float(tr.callback_metrics.get('train_loss', float('nan'))):.4f} grad_norm {g:.4g}", flush=True)
    def on_validation_epoch_end(s, tr, pl):
        if not tr.sanity_checking: print(f"epoch {tr.current_epoch} val_loss {float(tr.callback_metrics['val_loss']):.4f} val_acc {float(tr.callback_metrics['val_acc']):.4f}", flush=True)
tr = L.Trainer(max_epochs=args.epochs, accelerator="cpu", enable_progress_bar=False, logger=False, enable_checkpointing=False, callbacks=[Print()])
tr.fit(Net(), DataLoader(make(4000), batch_size=64, shuffle=True), DataLoader(make(1000), batch_size=256))
