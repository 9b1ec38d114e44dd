# Lightning fine-tuning script that builds its backbone with timm (pip install timm is in the README, not done here).
import argparse, torch, torch.nn as nn, lightning as L
import timm
ap = argparse.ArgumentParser(); ap.add_argument("--model", default="resnet18"); a = ap.parse_args()
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = timm.create_model(a.model, pretrained=False, num_classes=10)
