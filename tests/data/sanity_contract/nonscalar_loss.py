"""loss_fn returns one loss per sample (reduction='none')."""
from torch import nn

import _tiny


def build():
    out = _tiny.good()
    out["loss_fn"] = nn.CrossEntropyLoss(reduction="none")
    return out
