"""An mmengine Runner run as a new user writes one (its 15-minute tutorial's shape): a small classifier on
synthetic data, epoch-based training with validation every epoch and an accuracy metric, logs every 5 iterations.
mmengine prints its environment and the whole config first. Labels: the scalars.json its LocalVisBackend writes
(mmengine's own record of every logged scalar, with its step)."""

import glob
import json

import torch
from mmengine.evaluator import BaseMetric
from mmengine.model import BaseModel
from mmengine.runner import Runner
from torch import nn

torch.manual_seed(0)


class Toy(torch.utils.data.Dataset):
    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.x = torch.randn(n, 8, generator=g)
        self.y = (self.x[:, 0] + self.x[:, 1] > 0).long()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return dict(inputs=self.x[i], labels=self.y[i])


class Net(BaseModel):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, inputs, labels, mode="tensor"):
        logits = self.net(inputs)
        if mode == "loss":
            return {"loss": nn.functional.cross_entropy(logits, labels)}
        if mode == "predict":
            return logits, labels
        return logits


class Accuracy(BaseMetric):
    def process(self, data_batch, data_samples):
        logits, labels = data_samples
        self.results.append({"correct": int((logits.argmax(1) == labels).sum()), "n": len(labels)})

    def compute_metrics(self, results):
        return {"accuracy": 100 * sum(r["correct"] for r in results) / sum(r["n"] for r in results)}


runner = Runner(
    model=Net(),
    work_dir="work_dir",
    train_dataloader=dict(dataset=Toy(320, 0), sampler=dict(type="DefaultSampler", shuffle=True), batch_size=16, collate_fn=dict(type="default_collate")),
    optim_wrapper=dict(optimizer=dict(type="SGD", lr=0.05, momentum=0.9)),
    train_cfg=dict(by_epoch=True, max_epochs=3, val_interval=1),
    val_dataloader=dict(dataset=Toy(64, 1), sampler=dict(type="DefaultSampler", shuffle=False), batch_size=16, collate_fn=dict(type="default_collate")),
    val_cfg=dict(),
    val_evaluator=dict(type=Accuracy),
    default_hooks=dict(logger=dict(type="LoggerHook", interval=5), checkpoint=dict(type="CheckpointHook", interval=10)),
    randomness=dict(seed=0),
)
runner.train()
scalars = sorted(glob.glob("work_dir/*/vis_data/scalars.json"))[-1]
with open(scalars) as f:
    rows = [json.loads(line) for line in f if line.strip()]
with open("labels.json", "w") as f:
    json.dump({"source": "mmengine vis_data/scalars.json", "scalars": rows}, f, indent=1)
