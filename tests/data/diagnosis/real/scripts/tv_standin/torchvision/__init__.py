"""A stand-in for the two torchvision pieces pytorch/examples' mnist/main.py uses (datasets.MNIST, transforms),
so their training code runs unchanged here: the torchvision wheels on this machine's package index are CUDA
builds whose C ops do not load against the CPU torch build, and MNIST cannot be downloaded offline. The images
are synthetic digits: a fixed random stroke pattern per class, shifted by up to four pixels, plus noise."""

from . import datasets, transforms  # noqa: F401

__version__ = "stand-in"
