"""loss_fn returns one loss per sample (reduction='none')."""

import _tiny
from torch import nn


def build():
    out = _tiny.good()
    out["loss_fn"] = nn.CrossEntropyLoss(reduction="none")
    return out
