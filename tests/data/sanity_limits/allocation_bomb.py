"""build() allocates without bound: the memory cap must stop it (verdict out_of_memory)."""

import torch


def build():
    hoard = []
    while True:
        hoard.append(torch.ones(16 * 2**20))  # 64 MiB each, touched
