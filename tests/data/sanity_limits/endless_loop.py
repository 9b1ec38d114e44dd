"""build() never returns: the time limit must end it (verdict timeout)."""


def build():
    n = 0
    while True:
        n += 1
