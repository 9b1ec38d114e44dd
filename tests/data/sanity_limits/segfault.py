"""build() reads address 0 through ctypes: the child dies of SIGSEGV (verdict crashed)."""

import ctypes


def build():
    return ctypes.string_at(0)
