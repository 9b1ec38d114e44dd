"""The model returns (logits, features), as some libraries do."""

import _tiny
from torch import nn


class Pair(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 2)

    def forward(self, x):
        return self.fc(x), x


def build():
    out = _tiny.good()
    out["model"] = Pair()
    out["loss_fn"] = lambda outputs, targets: nn.functional.cross_entropy(outputs[0], targets)
    return out
