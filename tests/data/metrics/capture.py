"""Make one fixture: run tests/data/metrics/<name>/gen.py with a framework's interpreter in a fresh folder,
keep its stdout and stderr (separately, as the supervisor reads them), the metric files it wrote, the labels it
wrote from the framework's own record, and the versions that made them.

    python tests/data/metrics/capture.py NAME --python /work/fw-i12/v5/bin/python [--env K=V ...]

Not a test: the frameworks are not installed in CI; the tests read what this leaves in NAME/."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# files a run's folder may hold that the metric-file readers read
KEEP = ("metrics.csv", "trainer_state.json", "history.csv", "scalars.json", "summary.csv")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--python", required=True)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--arg", action="append", default=[])
    args = ap.parse_args()
    src = HERE / args.name
    work = Path(tempfile.mkdtemp(prefix=f"fixture-{args.name}-"))
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env.update({"PYTHONUNBUFFERED": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "KERAS_BACKEND": "torch"})
    env.update(dict(e.split("=", 1) for e in args.env))
    with open(src / "stdout.txt", "wb") as out, open(src / "stderr.txt", "wb") as err:
        proc = subprocess.run(
            [args.python, str(src / "gen.py"), *args.arg], cwd=work, stdout=out, stderr=err, env=env, check=False
        )
    print(f"{args.name}: exit {proc.returncode}; work folder {work}")
    files = src / "files"
    if files.exists():
        shutil.rmtree(files)
    for path in sorted(work.rglob("*")):
        rel = path.relative_to(work)
        if path.is_file() and (path.name in KEEP or path.name.startswith("events.out.tfevents")):
            if path.stat().st_size > 512 * 1024:
                print(f"  skipped {rel}: {path.stat().st_size} bytes")
                continue
            (files / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, files / rel)
            print(f"  kept {rel}")
    if (work / "labels.json").exists():
        shutil.copy2(work / "labels.json", src / "labels.json")
    versions = subprocess.run(
        [args.python, "-c", VERSIONS], capture_output=True, text=True, check=False, env=env
    ).stdout
    (src / "VERSIONS").write_text(f"python: {sys.version.split()[0]} (harness)\n{versions}")
    return proc.returncode


VERSIONS = """
import importlib.metadata as m, platform
print("interpreter: python", platform.python_version())
for p in ("torch", "transformers", "accelerate", "lightning", "rich", "tqdm", "keras", "xgboost", "lightgbm", "timm",
          "mmengine", "tensorboard", "numpy"):
    try:
        print(f"{p}: {m.version(p)}")
    except m.PackageNotFoundError:
        pass
"""

if __name__ == "__main__":
    raise SystemExit(main())
