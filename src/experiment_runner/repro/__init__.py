"""Reproducibility capture: everything needed to re-create a run, recorded in a manifest and judged as a checklist.

For the run engine (one call per launched run; cheap to repeat):

    from experiment_runner.repro import capture_manifest, write_manifest

    m = capture_manifest(
        ws,                                   # the Workspace
        project_dir="classify",               # project folder, relative to the workspace root (or absolute inside it)
        argv=["python", "train.py", "--seed", "3"],   # the exact command
        cwd="classify",                       # working directory (default: project_dir)
        env=child_env,                        # the environment the child gets (default: os.environ)
        config_files=["classify/config.yaml"],
        data_paths=["classify/data"],
        experiment="demo-width",              # optional
    )                                         # -> Manifest (m.checklist holds the judged items)
    write_manifest(ws, m, run_dir, name="manifest.json")   # -> <run dir>/manifest.json (+ manifest.patch when dirty)

`write_manifest(ws, m)` without a folder writes `<store>/<experiment>/manifests/<UTC time>-<id>.json` (or
`<store>/_manifests/` without an experiment). Nothing is ever overwritten: an existing name raises
FileExistsError when `name` is given, and gets a numbered variant otherwise.

Cost of a repeated capture: `git` plumbing calls (no work-tree file re-read unless its stat changed), one stat
per data file (hashes cached in `<store>/.cache/hashes.sqlite3` by path, size, mtime, ctime and inode), an AST
read of the project's .py files, and no interpreter start (the environment probe's result is cached by
interpreter path + mtime + installed-distributions fingerprint, in memory and in `<store>/.cache/environment.json`).

Also here: `load_manifest(path)`, `compare_manifests(a, b)` (differences, most consequential first),
`build_checklist(m)` and `summarize(items)`.

Safety: reading the repository runs none of its programs (see gitsafe), the project's code is read, never run,
and symlinks leading outside the workspace are refused, data included."""

from experiment_runner.repro.capture import capture_manifest
from experiment_runner.repro.checklist import build_checklist, summarize
from experiment_runner.repro.compare import compare_manifests
from experiment_runner.repro.manifest import CheckItem, Manifest, load_manifest, manifest_dir, write_manifest

__all__ = [
    "CheckItem",
    "Manifest",
    "build_checklist",
    "capture_manifest",
    "compare_manifests",
    "load_manifest",
    "manifest_dir",
    "summarize",
    "write_manifest",
]
