"""Run pytorch/examples' mnist/main.py unchanged (from $FW_SRC/examples/mnist), with the torchvision stand-in in
tv_standin/ first on the path. Arguments go to main.py."""

import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "tv_standin"))
main = os.path.join(os.environ.get("FW_SRC", "/work/fw-i13/src"), "examples", "mnist", "main.py")
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path(main, run_name="__main__")
