"""Planted bug: a hand-written loader pairs each input batch with a target batch one sample short
(an off-by-one in slicing). -> shapes"""

import _data


class Batches:
    def __init__(self, x, y, size=32):
        self.x, self.y, self.size = x, y, size

    def __iter__(self):
        for i in range(0, len(self.x), self.size):
            yield self.x[i : i + self.size], self.y[i + 1 : i + self.size]


def build():
    (tx, ty), (vx, vy) = _data.digits()
    return _data.classification(_data.mlp(), Batches(tx, ty), Batches(vx, vy))
