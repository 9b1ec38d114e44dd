# Shape mismatch: fine-tuning script loads a checkpoint saved from a model with hidden=128 into a hidden=256 model.
import os, torch, torch.nn as nn
def make(h): return nn.Sequential(nn.Linear(32, h), nn.ReLU(), nn.Linear(h, 10))
if not os.path.exists("pretrained_h128.pt"):
    torch.save(make(128).state_dict(), "pretrained_h128.pt")
print("building model: in=32 hidden=256 classes=10")
model = make(256)
print("loading pretrained weights from pretrained_h128.pt")
sd = torch.load("pretrained_h128.pt")
model.load_state_dict(sd)
print("starting fine-tuning")
