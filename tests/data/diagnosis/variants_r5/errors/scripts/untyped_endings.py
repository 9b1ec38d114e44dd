"""Real tracebacks whose closing line has no `...Error:`-style type: exception classes named without an Error /
Exception suffix. Each is raised at the top of a child interpreter, whose stderr is kept whole, one JSON object per
line: {"name", "family", "text"}. Run from /work/fw-i13/venv: `python untyped_endings.py > ../untyped.jsonl`."""

import json
import subprocess
import sys

PROGRAMS = {
    # family: what the run died of ("unrecognized_error": a failure with no family)
    "stop_iteration_empty_loader": (
        "unrecognized_error",
        "import torch\nloader = torch.utils.data.DataLoader([], batch_size=4)\nprint('epoch 0')\nbatch = next(iter(loader))\n",
    ),
    "dynamo_unsupported_fullgraph": (
        "unrecognized_error",
        "import torch\n\ndef step(x):\n    torch._dynamo.graph_break()\n    return x * 2\n\n"
        "print('compiling')\ntorch.compile(step, backend='eager', fullgraph=True)(torch.ones(3))\n",
    ),
    "jinja_template_not_found": (
        "unrecognized_error",
        "import jinja2\nenv = jinja2.Environment(loader=jinja2.FileSystemLoader('/tmp/r5_templates'))\n"
        "print('rendering report')\nenv.get_template('report.md.j2')\n",
    ),
}


def main():
    for name, (family, code) in PROGRAMS.items():
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        print(json.dumps({"name": name, "family": family, "stdout": p.stdout, "text": p.stderr, "exit": p.returncode}))


if __name__ == "__main__":
    main()
