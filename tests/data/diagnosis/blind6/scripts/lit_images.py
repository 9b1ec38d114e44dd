# Lightning CNN on an image folder (data/<split>/<class>/*.png) read with PIL in a Dataset, DataLoader workers.
import argparse
from pathlib import Path
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
import lightning as L
from PIL import Image
from torch.utils.data import DataLoader, Dataset

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/shapes")
p.add_argument("--num-workers", type=int, default=2)
p.add_argument("--max-epochs", type=int, default=4)
p.add_argument("--normalize", default="scale", choices=["scale", "none"])
a = p.parse_args()
L.seed_everything(3)

class Folder(Dataset):
    def __init__(self, root):
        self.items = sorted((f, int(f.parent.name)) for f in Path(root).glob("*/*.png"))
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        f, y = self.items[i]
        x = torch.from_numpy(np.array(Image.open(f).convert("L")))[None]
        if a.normalize == "scale":
            x = x.float() / 255.0
        return x, y

class CNN(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(4),
                                 nn.Flatten(), nn.Linear(256, 3))
    def training_step(self, b, i):
        loss = F.cross_entropy(self.net(b[0]), b[1])
        self.log("train_loss", loss, on_epoch=True, prog_bar=True)
        return loss
    def validation_step(self, b, i):
        out = self.net(b[0])
        self.log("val_loss", F.cross_entropy(out, b[1]), prog_bar=True)
        self.log("val_acc", (out.argmax(1) == b[1]).float().mean(), prog_bar=True)
    def on_train_epoch_end(self):
        m = self.trainer.callback_metrics
        print(f"epoch {self.current_epoch}: train_loss {m['train_loss_epoch']:.4f} val_loss {m['val_loss']:.4f} "
              f"val_acc {m['val_acc']:.4f}", flush=True)
    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=3e-3)

train, val = Folder(Path(a.data) / "train"), Folder(Path(a.data) / "val")
print(f"{len(train)} training images, {len(val)} validation images, num_workers={a.num_workers}")
trainer = L.Trainer(max_epochs=a.max_epochs, accelerator="cpu", enable_progress_bar=False, log_every_n_steps=5,
                    logger=L.pytorch.loggers.CSVLogger("out/lit_img"))
trainer.fit(CNN(), DataLoader(train, batch_size=32, shuffle=True, num_workers=a.num_workers),
            DataLoader(val, batch_size=64, num_workers=a.num_workers))
