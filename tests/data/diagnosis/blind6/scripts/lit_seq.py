# Lightning recurrent model on synthetic sensor sequences: predict the running mean of channel 0 at the end of a
# window (regression, MSE). Logs train_loss and the total gradient norm (lightning.pytorch.utilities.grad_norm).
import argparse
import torch, torch.nn as nn, torch.nn.functional as F
import lightning as L
from lightning.pytorch.utilities import grad_norm
from torch.utils.data import DataLoader, TensorDataset

p = argparse.ArgumentParser()
p.add_argument("--cell", default="lstm", choices=["lstm", "rnn_relu"])
p.add_argument("--channels", type=int, default=8, help="channels in the data files")
p.add_argument("--input-size", type=int, default=8, help="model input size (from the model config)")
p.add_argument("--seq-len", type=int, default=50)
p.add_argument("--hidden", type=int, default=32)
p.add_argument("--optimizer", default="adam")
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--clip", type=float, default=None)
p.add_argument("--max-epochs", type=int, default=5)
p.add_argument("--print-every", type=int, default=10)
a = p.parse_args()
L.seed_everything(11)
def make(n):
    x = torch.randn(n, a.seq_len, a.channels) + 1.0
    y = x[:, :, 0].mean(1, keepdim=True) * 3
    return TensorDataset(x, y)
train, val = make(3000), make(500)

class Seq(L.LightningModule):
    def __init__(self):
        super().__init__()
        if a.cell == "lstm":
            self.rnn = nn.LSTM(a.input_size, a.hidden, batch_first=True)
        else:
            self.rnn = nn.RNN(a.input_size, a.hidden, nonlinearity="relu", batch_first=True)
        self.head = nn.Linear(a.hidden, 1)
    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])
    def training_step(self, b, i):
        loss = F.mse_loss(self(b[0]), b[1])
        self.log("train_loss", loss, on_step=True, on_epoch=True)
        if self.global_step % a.print_every == 0:
            print(f"epoch {self.current_epoch} step {self.global_step}: train_loss {loss.item():.6g}", flush=True)
        return loss
    def on_before_optimizer_step(self, optimizer):
        norms = grad_norm(self, norm_type=2)
        self.log_dict(norms)
        if self.global_step % a.print_every == 0:
            print(f"    grad_2.0_norm_total {norms['grad_2.0_norm_total']:.6g}", flush=True)
    def validation_step(self, b, i):
        self.log("val_loss", F.mse_loss(self(b[0]), b[1]))
    def on_train_epoch_end(self):
        m = self.trainer.callback_metrics
        print(f"epoch {self.current_epoch}: train_loss_epoch {m['train_loss_epoch']:.6g} val_loss {m['val_loss']:.6g}",
              flush=True)
    def configure_optimizers(self):
        if a.optimizer == "sgd":
            return torch.optim.SGD(self.parameters(), lr=a.lr, momentum=0.9)
        return torch.optim.Adam(self.parameters(), lr=a.lr)

print(f"config: cell={a.cell} input_size={a.input_size} hidden={a.hidden} optimizer={a.optimizer} lr={a.lr} "
      f"gradient_clip_val={a.clip}; data: {len(train)} windows of {a.seq_len} x {a.channels}")
trainer = L.Trainer(max_epochs=a.max_epochs, accelerator="cpu", enable_progress_bar=False, log_every_n_steps=10,
                    gradient_clip_val=a.clip, logger=L.pytorch.loggers.CSVLogger("out/lit_seq"))
trainer.fit(Seq(), DataLoader(train, batch_size=32, shuffle=True), DataLoader(val, batch_size=256))
