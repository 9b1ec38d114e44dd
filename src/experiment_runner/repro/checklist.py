"""The checklist judged from a manifest: one item per thing needed to re-create the run, each passed / warning /
failed with its evidence (files, lines, hashes, versions) and the fix."""

from __future__ import annotations

import os
from collections import Counter

from experiment_runner.repro.configcheck import path_in_template
from experiment_runner.repro.manifest import CheckItem, Manifest, SeedCall, Status
from experiment_runner.repro.seedflow import fix_for


def _short(h: str | None, n: int = 12) -> str:
    if not h:
        return "-"
    alg, _, hexd = h.partition(":")
    return f"{alg}:{hexd[:n]}…" if hexd else h[:n]


def _list(items: list[str], limit: int = 8) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size}"


# --- seeds -------------------------------------------------------------------------------------------------


def _calls(m: Manifest, *kinds: str) -> list[SeedCall]:
    return [c for c in m.seeds.calls if c.kind in kinds]


def _seed_items(m: Manifest) -> list[CheckItem]:
    out = []
    cfg_seed = m.config.seed
    flow = m.seeds.flow
    if flow is not None and flow.verdict == "seed_not_read":
        out.append(
            CheckItem(
                id="seeds.config",
                title="The config sets a seed",
                status="failed",
                evidence=flow.message + (f" (read at {flow.at})" if flow.at else ""),
                fix=fix_for(flow),
            )
        )
    elif cfg_seed:
        out.append(
            CheckItem(
                id="seeds.config",
                title="The config sets a seed",
                status="passed",
                evidence=f"seed = {cfg_seed['value']!r} at {cfg_seed['at']}"
                + (
                    f"; the command line sets {cfg_seed['override']['at'][6:]} = {cfg_seed['override']['value']}"
                    if cfg_seed.get("override")
                    else ""
                ),
            )
        )
    else:
        where = m.config.files[0].path if m.config.files else "the config file"
        out.append(
            CheckItem(
                id="seeds.config",
                title="The config sets a seed",
                status="failed",
                evidence="no seed key (seed, random_seed, seeds ...) in the config files or the command line",
                fix=f"add `seed: 0` to {where} (or pass --seed) and have the code pass it to its seeding calls",
            )
        )

    reach, elsewhere = _reachable(m)
    entry = m.seeds.flow.entry if m.seeds.flow else None  # known whenever reach is
    uses = set(m.seeds.uses) if reach is None else {u for f in reach for u in m.seeds.uses_by_file.get(f, [])}
    universal = [c for c in _calls(m, "all") if _in(c, reach)]
    found: dict[str, list[SeedCall]] = {
        k: [c for c in _calls(m, k) if _in(c, reach)] for k in ("python", "numpy", "torch", "cuda")
    }
    unseeded_np = [c for c in found["numpy"] if c.value is False]
    found["numpy"] = [c for c in found["numpy"] if c.value is not False]
    lines, missing = [], []
    labels = {"python": "python random", "numpy": "numpy", "torch": "torch", "cuda": "CUDA"}
    fixes = {
        "python": "random.seed(seed)",
        "numpy": "np.random.seed(seed)",
        "torch": "torch.manual_seed(seed)",
        "cuda": "torch.cuda.manual_seed_all(seed)",
    }
    for k in ("python", "numpy", "torch", "cuda"):
        calls = found[k] + universal
        needed = k in uses or (k == "cuda" and "torch" in uses)
        if calls:
            lines.append(f"{labels[k]}: " + ", ".join(f"{c.at} ({c.call})" for c in calls[:3]))
        elif k == "cuda" and found["torch"]:
            lines.append(f"CUDA: by torch.manual_seed at {found['torch'][0].at} (it seeds every device)")
        elif needed:
            lines.append(f"{labels[k]}: NOT SEEDED")
            missing.append(k)
        else:
            lines.append(f"{labels[k]}: not used")
    lines.extend(f"unseeded numpy generator at {c.at} ({c.call})" for c in unseeded_np)
    if m.seeds.files_regex:
        lines.append("read by pattern (did not parse): " + _list(m.seeds.files_regex, 4))
    if elsewhere:
        lines.append(
            f"not counted, outside what {entry} imports: " + _list([f"{c.at} ({c.call})" for c in elsewhere], 4)
        )
    scope = (
        f"{len(reach)} file(s) of the training script {entry} and what it imports"
        if reach is not None
        else f"{m.seeds.files_scanned} Python file(s)"
    )
    evidence = f"{scope} read, none run. " + "; ".join(lines)
    if m.seeds.files_scanned == 0:
        out.append(
            CheckItem(
                id="seeds.code",
                title="The code seeds python, numpy and torch (and CUDA)",
                status="warning",
                evidence=f"no Python source found under {m.project}",
                fix="point `project` at the folder holding the training code",
            )
        )
    elif missing or unseeded_np:
        gist = (f"not seeded: {', '.join(labels[k] for k in missing)}" if missing else "") + (
            ("; " if missing else "") + f"{len(unseeded_np)} unseeded numpy generator(s)" if unseeded_np else ""
        )
        evidence = gist + ". " + evidence
        fix = "at the start of training call " + ", ".join(fixes[k] for k in missing)
        if unseeded_np:
            fix += ("; " if missing else "") + "pass the seed to every default_rng()/RandomState()"
        out.append(
            CheckItem(
                id="seeds.code",
                title="The code seeds python, numpy and torch (and CUDA)",
                status="failed",
                evidence=evidence,
                fix=fix + " (or one seed_everything(seed) from lightning)",
            )
        )
    elif not uses and not any(found.values()) and not universal:
        out.append(
            CheckItem(
                id="seeds.code",
                title="The code seeds python, numpy and torch (and CUDA)",
                status="warning",
                evidence=evidence + " (no use of python random, numpy.random or torch found)",
                fix="if the code uses randomness through another library, seed it explicitly",
            )
        )
    else:
        out.append(
            CheckItem(
                id="seeds.code",
                title="The code seeds python, numpy and torch (and CUDA)",
                status="passed",
                evidence=evidence,
            )
        )

    out.append(_flow_item(m))
    out.append(_determinism(m, uses))
    out.append(_dataloaders(m))
    return out


def _reachable(m: Manifest) -> tuple[set[str] | None, list[SeedCall]]:
    """The files of the training script and the project modules it imports (None when the script is not known),
    and the seeding calls found elsewhere (benchmarks, sampling scripts, tests)."""
    flow = m.seeds.flow
    if flow is None or not flow.entry or not flow.files:
        return None, []
    reach = set(flow.files)
    kinds = ("python", "numpy", "torch", "cuda", "all")
    return reach, [c for c in m.seeds.calls if c.kind in kinds and not _in(c, reach)]


def _in(c: SeedCall, reach: set[str] | None) -> bool:
    return reach is None or c.at.rpartition(":")[0] in reach


_FLOW_STATUS = {
    "seeded": "passed",
    "constant_seed": "warning",
    "seed_not_passed": "warning",
    "unknown": "warning",
    "seed_not_read": "failed",
    "seed_not_used": "failed",
    "unseeded": "failed",
}


def _flow_item(m: Manifest) -> CheckItem:
    title = "The command's seed reaches the random number generators"
    flow = m.seeds.flow
    if flow is None:
        return CheckItem(id="seeds.flow", title=title, status="warning", evidence="not analysed", fix=None)
    status = _FLOW_STATUS[flow.verdict]
    evidence = f"{flow.verdict.replace('_', ' ')}: {flow.message}" + (f" [{flow.at}]" if flow.at else "")
    if flow.notes:
        evidence += "; notes: " + "; ".join(flow.notes[:3])
    return CheckItem(
        id="seeds.flow",
        title=title,
        status=status,
        evidence=evidence,
        fix=fix_for(flow) if status != "passed" else None,
    )


def _determinism(m: Manifest, uses: set[str]) -> CheckItem:
    title = "Determinism settings (deterministic algorithms, cuDNN)"
    if "torch" not in uses:
        return CheckItem(
            id="seeds.determinism", title=title, status="passed", evidence="torch is not used: not applicable"
        )
    da = _calls(m, "deterministic_algorithms")
    cd = _calls(m, "cudnn_deterministic")
    cb = _calls(m, "cudnn_benchmark")
    td = _calls(m, "trainer_deterministic")
    efd = [c for c in _calls(m, "all") if "enable_full_determinism" in c.call]
    on = [c for c in da + td if c.value is True] + efd
    off = [c for c in da + td if c.value is False]
    bench_on = [c for c in cb if c.value is True]
    parts = [f"{c.at}: {c.call}" for c in da + cd + cb + td + efd]
    evidence = (
        "; ".join(parts)
        if parts
        else "no use_deterministic_algorithms, cudnn.deterministic/benchmark or Trainer(deterministic=...) found"
    )
    problems = []
    if not on:
        problems.append(
            "torch.use_deterministic_algorithms(True) is not called" + (f" (set False at {off[0].at})" if off else "")
        )
    if bench_on:
        problems.append(
            f"cudnn.benchmark = True at {bench_on[0].at} picks convolution algorithms by timing, which varies between "
            "runs"
        )
    if not on and not [c for c in cd if c.value is True]:
        problems.append("torch.backends.cudnn.deterministic is not set True")
    if problems:
        return CheckItem(
            id="seeds.determinism",
            title=title,
            status="warning",
            evidence="; ".join(problems) + ". Found: " + evidence,
            fix="call torch.use_deterministic_algorithms(True), set torch.backends.cudnn.deterministic = True and "
            "torch.backends.cudnn.benchmark = False (and CUBLAS_WORKSPACE_CONFIG=:4096:8 on CUDA); or record that the "
            "runs are knowingly non-deterministic",
        )
    return CheckItem(id="seeds.determinism", title=title, status="passed", evidence=evidence)


def _dataloaders(m: Manifest) -> CheckItem:
    title = "DataLoader workers seeded (generator / worker_init_fn)"
    loaders = _calls(m, "dataloader")
    if not loaders:
        return CheckItem(
            id="seeds.dataloader",
            title=title,
            status="passed",
            evidence="no DataLoader is built in the project's source",
        )
    bad = [c for c in loaders if c.value is False]
    evidence = "; ".join(f"{c.at}: {c.detail}" for c in loaders[:8])
    if bad:
        return CheckItem(
            id="seeds.dataloader",
            title=title,
            status="warning",
            evidence=f"{len(bad)} loader(s) start worker processes without worker_init_fn or generator. " + evidence,
            fix="pass generator=torch.Generator().manual_seed(seed) and a worker_init_fn that seeds numpy and random "
            "from torch.initial_seed() to each DataLoader with num_workers > 0",
        )
    return CheckItem(id="seeds.dataloader", title=title, status="passed", evidence=evidence)


# --- code --------------------------------------------------------------------------------------------------


def _code_items(m: Manifest) -> list[CheckItem]:
    c = m.code
    title = "Code version (git commit)"
    if c.status in ("not_a_repository", "refused", "error"):
        why = c.reason or "no git repository holds the project folder"
        if c.status == "not_a_repository":
            fix = (
                f"make the project a repository: git init && git add <sources> && git commit -m 'initial' "
                f"(inside the workspace {m.workspace})"
            )
        elif c.status == "refused":
            fix = (
                "keep the repository (its .git) inside the workspace, or start the server with --root at a folder "
                "holding both"
            )
        else:
            fix = "check that git is installed and the repository is readable"
        return [
            CheckItem(
                id="code.commit",
                title=title,
                status="failed",
                evidence=("not a git repository: " if c.status == "not_a_repository" else "") + why,
                fix=fix,
            )
        ]
    items = []
    if c.commit:
        where = f"detached HEAD at {c.commit[:12]}" if c.detached else f"commit {c.commit[:12]} on branch {c.branch}"
        items.append(
            CheckItem(
                id="code.commit",
                title=title,
                status="passed",
                evidence=f"{where} ({c.commit_time}, {c.commit_subject!r}); repository at {c.repo_root}",
            )
        )
    else:
        items.append(
            CheckItem(
                id="code.commit",
                title=title,
                status="failed",
                evidence=f"the repository at {c.repo_root} has no commit yet (branch {c.branch})",
                fix="commit the sources: git add <sources> && git commit -m 'initial'",
            )
        )
    base = c.commit[:12] if c.commit else "the empty tree"
    if c.dirty:
        counts = Counter(ch.change for ch in c.changes)
        listing = _list([f"{ch.change[0].upper()} {ch.path}" for ch in c.changes])
        patch = (
            f"patch {c.patch_sha256[:19]}… ({c.patch_bytes} bytes) saved beside the manifest"
            if c.patch_sha256
            else "patch NOT saved: " + (c.patch_note or "unknown reason")
        )
        evidence = (
            f"{len(c.changes)} file(s) differ from {base} ({', '.join(f'{n} {k}' for k, n in counts.items())}): "
            f"{listing}; {patch}; work tree = git tree {c.worktree_tree}"
        )
        if c.patch_note and c.patch_sha256:
            evidence += f" ({c.patch_note})"
        items.append(
            CheckItem(
                id="code.dirty",
                title="Uncommitted changes captured",
                status="warning",
                evidence=evidence,
                fix="commit the changes before the runs you report (the patch re-creates this tree: "
                f"git checkout {base} && git apply <patch>)",
            )
        )
    else:
        evidence = f"the work tree matches {base}"
        status: Status = "passed"
        fix_dirty: str | None = None
        if c.unverified:
            status = "warning"
            evidence += "; not compared: " + _list([f"{u.path} ({u.why.split(':')[0]})" for u in c.unverified], 4)
            fix_dirty = "commit these files (their filter program is never run here, so their changes cannot be seen)"
        items.append(
            CheckItem(
                id="code.dirty", title="Uncommitted changes captured", status=status, evidence=evidence, fix=fix_dirty
            )
        )
    if c.dirty and c.unverified:
        items[-1].evidence += "; not compared (repository filter never run): " + _list(
            [u.path for u in c.unverified], 4
        )
    if c.untracked_source:
        inc = len(c.patch_includes_untracked)
        items.append(
            CheckItem(
                id="code.untracked",
                title="Untracked source files",
                status="warning",
                evidence=f"{len(c.untracked_source)} untracked source file(s): {_list(c.untracked_source)}; "
                f"{inc} of them (each <= 1 MiB) are included in the patch"
                + (f"; {c.untracked_other} other untracked file(s) not listed" if c.untracked_other else ""),
                fix="commit them, or list them in .gitignore if training does not use them",
            )
        )
    else:
        items.append(
            CheckItem(
                id="code.untracked",
                title="Untracked source files",
                status="passed",
                evidence="no untracked source files"
                + (f" ({c.untracked_other} other untracked file(s))" if c.untracked_other else ""),
            )
        )
    return items


# --- data --------------------------------------------------------------------------------------------------


def _data_item(m: Manifest) -> CheckItem:
    title = "Data content hashes"
    d = m.data
    if not d.entries:
        return CheckItem(
            id="data.hashes",
            title=title,
            status="failed",
            evidence="no data paths were given",
            fix="pass data_paths: every file or folder training reads",
        )
    parts, bad = [], []
    for e in d.entries:
        if e.source == "dvc":
            parts.append(f"{e.path}: {e.hash} recorded by DVC in {e.dvc_file} (not re-read)")
        elif e.error:
            bad.append(e)
            extra = "; ".join(f"{r.link} -> {r.target}" for r in e.refused[:4])
            parts.append(f"{e.path}: {e.error}" + (f" ({extra})" if extra else ""))
        else:
            what = f"folder, {e.files} files" if e.kind == "folder" else "file"
            parts.append(
                f"{e.path}: {what}, {_size(e.size)}, {_short(e.hash, 16)} ({_size(e.bytes_read)} read, {e.cache_hits} "
                "from cache)"
            )
    evidence = f"algorithm {d.algorithm}; " + "; ".join(parts)
    if bad:
        evidence = (
            "; ".join(p for p in parts if any(p.startswith(f"{e.path}: {e.error}") for e in bad)) + ". All: " + evidence
        )
        return CheckItem(
            id="data.hashes",
            title=title,
            status="failed",
            evidence=evidence,
            fix="copy the data into the workspace (links leading outside it are refused) or fix the unreadable files",
        )
    return CheckItem(id="data.hashes", title=title, status="passed", evidence=evidence)


# --- environment -------------------------------------------------------------------------------------------


_KEY_PACKAGES = (
    "torch",
    "numpy",
    "scipy",
    "scikit-learn",
    "transformers",
    "lightning",
    "pytorch-lightning",
    "jax",
    "tensorflow",
)


def _env_items(m: Manifest) -> list[CheckItem]:
    env = m.environment
    items = []
    if env.probe_status != "ok":
        items.append(
            CheckItem(
                id="env.python",
                title="Python and installed distributions",
                status="failed",
                evidence=f"the environment of {env.interpreter} ({env.interpreter_source}) was not recorded: "
                f"{env.probe_error}",
                fix="set `python:` in experiment-runner.yaml to the interpreter that trains, and check that it starts",
            )
        )
    else:
        py = env.python
        venv = "virtual environment" if py.get("venv") else "no venv"
        versions = {d["name"].lower(): d["version"] for d in env.distributions}
        key = [f"{p} {versions[p]}" for p in _KEY_PACKAGES if p in versions]
        items.append(
            CheckItem(
                id="env.python",
                title="Python and installed distributions",
                status="passed",
                evidence=f"Python {py.get('version')} at {env.interpreter} ({venv}; "
                f"{env.interpreter_source}); {len(env.distributions)} distributions recorded with versions"
                + (f" ({', '.join(key)})" if key else "")
                + ("; probe result cached" if env.probe_cached else ""),
            )
        )
        items.append(_torch_item(m))
    items.append(_gpu_item(m))
    h = env.host
    mem = f", {h.memory_total_mb / 1024:.1f} GiB RAM" if h.memory_total_mb else ""
    items.append(
        CheckItem(
            id="env.host",
            title="CPU and operating system",
            status="passed",
            evidence=f"{h.cpu_model or 'CPU model unknown'}, {h.cpu_count} CPUs ({h.cpu_affinity} usable){mem}; "
            f"{h.os}; host {h.hostname}",
        )
    )
    return items


def _torch_item(m: Manifest) -> CheckItem:
    title = "torch and the CUDA, cuDNN and NCCL it loads"
    t = m.environment.torch
    interp = m.environment.interpreter
    if not t.get("installed"):
        if "torch" in m.seeds.uses:
            return CheckItem(
                id="env.torch",
                title=title,
                status="failed",
                evidence=f"the project imports torch but {interp} cannot: {t.get('error')}",
                fix="set `python:` in experiment-runner.yaml to the interpreter that trains (with torch installed)",
            )
        return CheckItem(
            id="env.torch",
            title=title,
            status="passed",
            evidence=f"torch is not installed in {interp} and the project does not import it",
        )
    parts = [f"torch {t.get('version')}", f"built with CUDA {t.get('cuda_compiled') or 'none'}"]
    status, fix = "passed", None
    if t.get("cuda_available"):
        parts.append(f"CUDA runtime loaded: {t.get('cuda_runtime') or '?'}; driver API: {t.get('cuda_driver') or '?'}")
        parts.append(f"cuDNN {t.get('cudnn') or 'not loaded'}; NCCL {t.get('nccl') or 'not available'}")
        libs = [
            f"{lib['name']} {lib.get('version') or ''} ({lib['path']})".replace("  ", " ")
            for lib in t.get("libraries", [])
            if lib["name"] in ("cudart", "cudnn", "nccl")
        ]
        if libs:
            parts.append("mapped: " + _list(libs, 4))
        rt, built = t.get("cuda_runtime"), t.get("cuda_compiled")
        if rt and built and rt.split(".")[:1] != str(built).split(".")[:1]:
            status, fix = "warning", "install the torch build that matches the CUDA runtime on this machine"
            parts.insert(0, f"runtime CUDA {rt} differs in major version from the build's {built}")
        parts.append(f"{t.get('device_count')} device(s) visible")
    elif t.get("cuda_compiled"):
        status, fix = (
            "warning",
            "this torch is built for CUDA but finds no GPU: runs will use the CPU unless that is fixed",
        )
        parts.insert(0, f"CUDA not available: {t.get('cuda_unavailable_reason')}")
    else:
        parts.append(f"CUDA not available: {t.get('cuda_unavailable_reason')}")
    return CheckItem(id="env.torch", title=title, status=status, evidence="; ".join(parts), fix=fix)


def _gpu_item(m: Manifest) -> CheckItem:
    title = "GPU model, driver and memory"
    g = m.environment.gpu
    t = m.environment.torch or {}
    if g.available:
        models = Counter(
            f"{d.name} ({d.memory_total_mb:.0f} MiB, cc {d.compute_capability})" if d.memory_total_mb else str(d.name)
            for d in g.devices
        )
        listing = ", ".join(f"{n} x {k}" for k, n in models.items())
        return CheckItem(
            id="env.gpu",
            title=title,
            status="passed",
            evidence=f"{len(g.devices)} GPU(s): {listing}; driver {g.driver_version}, CUDA driver "
            f"{g.cuda_driver_version}",
        )
    if t.get("cuda_available"):
        return CheckItem(
            id="env.gpu",
            title=title,
            status="warning",
            evidence=f"{g.reason}; torch sees {t.get('device_count')} device(s): "
            + ", ".join(str(d.get("name")) for d in t.get("devices", [])),
            fix="install nvidia-ml-py so the driver version and memory are recorded",
        )
    return CheckItem(id="env.gpu", title=title, status="passed", evidence=f"gpu: {g.reason} (recorded as such)")


# --- config and command ------------------------------------------------------------------------------------


def _config_items(m: Manifest) -> list[CheckItem]:
    c = m.config
    items = []
    if not c.files and c.defaults:
        over = (
            f"; command-line values: {', '.join(f'{k}={v}' for k, v in c.command_overrides.items())}"
            if c.command_overrides
            else ""
        )
        items.append(
            CheckItem(
                id="config.stored",
                title="Full config stored",
                status="passed",
                evidence=f"no config file: the effective config is {c.defaults_source}, {len(c.defaults)} setting(s) "
                f"recorded ({_list([f'{k}={v!r}' for k, v in list(c.defaults.items())[:6]], 6)}){over}; they come "
                "from the training script's code, whose version the code items record",
            )
        )
    elif not c.files:
        items.append(
            CheckItem(
                id="config.stored",
                title="Full config stored",
                status="failed",
                evidence="no config file was given and no defaults were found in the training script"
                + (f"; command-line values: {c.command_overrides}" if c.command_overrides else ""),
                fix="keep every hyperparameter in a YAML, JSON, TOML or Python config file and pass it as "
                "config_files, or define them as argparse options with defaults",
            )
        )
    else:
        files = "; ".join(
            f"{f.path} ({f.format}, {_short(f.sha256, 12)}, "
            + ("text kept" if f.text is not None else "too large to keep")
            + (f"; not literals: {', '.join(f.not_literal[:4])}" if f.not_literal else "")
            + ")"
            for f in c.files
        )
        over = (
            f"; command-line overrides: {', '.join(f'{k}={v}' for k, v in c.command_overrides.items())}"
            if c.command_overrides
            else ""
        )
        base = f" over {c.resolved_from}" if c.resolved_from else ""
        items.append(
            CheckItem(
                id="config.stored",
                title="Full config stored",
                status="passed",
                evidence=f"{len(c.files)} file(s) stored: {files}; resolved config has {len(c.resolved)} top-level "
                f"keys{base}{over}",
            )
        )
    missing = [k.key for k in c.template if not k.found_at]
    found = [f"{k.key} at {k.found_at}" for k in c.template if k.found_at]
    if missing:
        items.append(
            CheckItem(
                id="config.template",
                title="Config template keys present",
                status="warning",
                evidence=f"missing: {', '.join(missing)}" + (f"; found: {_list(found, 11)}" if found else ""),
                fix="add " + ", ".join(path_in_template(k) for k in missing) + " to the config",
            )
        )
    else:
        items.append(
            CheckItem(
                id="config.template",
                title="Config template keys present",
                status="passed",
                evidence="found: " + _list(found, 11),
            )
        )
    return items


def _command_items(m: Manifest) -> list[CheckItem]:
    cmd = m.command
    import shlex

    text = shlex.join(cmd.argv)
    items = []
    if cmd.program:
        runs_as = f"{cmd.argv[0]} -> {cmd.program}"
        if cmd.program_realpath and cmd.program_realpath != cmd.program:
            runs_as += f" (file {cmd.program_realpath})"
        it = cmd.interpreter
        if it is not None:
            facts = [f"Python {it.version}" if it.version else "Python version not recorded"]
            if it.torch:
                facts.append(f"torch {it.torch}" if it.torch[:1].isdigit() else it.torch)
            if it.executable and os.path.realpath(it.executable) != os.path.realpath(it.path):
                facts.append(f"running as {it.executable}")
            where = "this interpreter" if it.path == cmd.program else f"interpreter {it.path}"
            runs_as += f"; {where}: {', '.join(facts)} ({it.source})"
        items.append(
            CheckItem(
                id="command.recorded",
                title="Training command recorded",
                status="passed",
                evidence=f"`{text}` in {cmd.cwd} ({runs_as})",
            )
        )
    else:
        items.append(
            CheckItem(
                id="command.recorded",
                title="Training command recorded",
                status="warning",
                evidence=f"{cmd.argv[0]!r} is not on PATH nor in the working folder ({cmd.program_source}); command "
                f"`{text}` in {cmd.cwd}",
                fix="check the program name (and `python:` in experiment-runner.yaml); runs will fail to start as "
                "written",
            )
        )
    env = cmd.env
    problems, fixes = [], []
    if "PYTHONHASHSEED" not in env:
        problems.append(
            "PYTHONHASHSEED is not set, so str/bytes hashes (set and dict-of-set orders) change every process"
        )
        fixes.append("set PYTHONHASHSEED=0 for the runs")
    deterministic = any(
        c.value is True for c in m.seeds.calls if c.kind in ("deterministic_algorithms", "trainer_deterministic")
    )
    if deterministic and "CUBLAS_WORKSPACE_CONFIG" not in env:
        on_gpu = m.environment.gpu.available or (m.environment.torch or {}).get("cuda_available")
        problems.append(
            "use_deterministic_algorithms(True) is on but CUBLAS_WORKSPACE_CONFIG is not set; on CUDA >= 10.2 "
            "cuBLAS then raises at the first matmul" + ("" if on_gpu else " (matters when it runs on a GPU)")
        )
        fixes.append("set CUBLAS_WORKSPACE_CONFIG=:4096:8")
    recorded = ", ".join(f"{k}={v}" for k, v in list(env.items())[:12]) or "none of the known ones set"
    evidence = (
        f"recorded: {recorded}"
        + (
            "; set by experiment-runner: " + ", ".join(f"{k}={v}" for k, v in cmd.set_by_runner.items())
            if cmd.set_by_runner
            else ""
        )
        + (f"; present but not recorded (look like secrets): {', '.join(cmd.env_withheld)}" if cmd.env_withheld else "")
    )
    if problems:
        items.append(
            CheckItem(
                id="command.env",
                title="Environment variables that affect training",
                status="warning",
                evidence="; ".join(problems) + ". " + evidence,
                fix="; ".join(fixes),
            )
        )
    else:
        items.append(
            CheckItem(
                id="command.env", title="Environment variables that affect training", status="passed", evidence=evidence
            )
        )
    return items


def build_checklist(m: Manifest) -> list[CheckItem]:
    return [*_seed_items(m), *_code_items(m), _data_item(m), *_env_items(m), *_config_items(m), *_command_items(m)]


def summarize(items: list[CheckItem]) -> str:
    n = Counter(i.status for i in items)
    head = f"{n['passed']} passed, {n['warning']} warning{'s' if n['warning'] != 1 else ''}, {n['failed']} failed"
    flagged = [i for i in items if i.status == "failed"] + [i for i in items if i.status == "warning"]
    if not flagged:
        return head

    def brief(i: CheckItem) -> str:
        first = i.evidence.split("; ")[0].split(". ")[0]
        return f"{i.id} ({first[:90]}{'…' if len(first) > 90 else ''})"

    return head + ": " + "; ".join(brief(i) for i in flagged)
