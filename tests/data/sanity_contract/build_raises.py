"""build() raises while reading its data."""


def load_table(path):
    with open(path) as f:
        return f.read()


def build():
    load_table("data/missing.csv")
