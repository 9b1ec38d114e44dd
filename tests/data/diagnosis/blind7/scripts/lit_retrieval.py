# Lightning Trainer, metric learning for product retrieval: 2 epochs on 60000 items, then validation computes
# recall@10 with the full pairwise distance matrix torch.cdist(emb, emb) over all 60000 validation embeddings.
import torch, torch.nn as nn, lightning as L
L.seed_everything(0)
N = 60000; X = torch.randn(N, 32); Y = torch.randint(0, 500, (N,))
print(f"items: {N}, embedding dim 64, recall@10 over all validation items", flush=True)
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 64))
    def training_step(s, b, i):
        x, y = b; e = nn.functional.normalize(s.net(x), dim=1); logits = e @ e.t() / 0.1
        same = (y[:, None] == y[None, :]).float(); loss = -(same * logits.log_softmax(1)).sum(1).div(same.sum(1)).mean()
        s.log("train_loss", loss, prog_bar=False)
        if i % 40 == 0: print(f"epoch {s.current_epoch} step {i}: train_loss {loss.item():.4f}", flush=True)
        return loss
    def on_validation_epoch_start(s): s.embs, s.labs = [], []
    def validation_step(s, b, i): s.embs.append(s.net(b[0])); s.labs.append(b[1])
    def on_validation_epoch_end(s):
        e = torch.cat(s.embs); y = torch.cat(s.labs); print(f"validation: computing distances for {len(e)} embeddings", flush=True)
        d = torch.cdist(e, e); d.fill_diagonal_(float("inf")); nn_idx = d.topk(10, largest=False).indices
        s.log("recall@10", (y[nn_idx] == y[:, None]).any(1).float().mean())
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
dl = lambda sh: torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batch_size=256, shuffle=sh)
L.Trainer(max_epochs=2, accelerator="cpu", logger=False, enable_checkpointing=False, enable_progress_bar=False,
          num_sanity_val_steps=0, limit_train_batches=120).fit(M(), dl(True), dl(False))
