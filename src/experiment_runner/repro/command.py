"""The training command: argv exactly, the working directory, what argv[0] resolves to, and the environment
variables that change what training does (devices, threads, hashing, determinism, distributed setup, library
paths). Variables whose names look like secrets are never recorded, only named."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from experiment_runner.repro.manifest import CommandRecord

RELEVANT_NAMES = {
    "CUDA_VISIBLE_DEVICES",
    "CUDA_DEVICE_ORDER",
    "CUDA_LAUNCH_BLOCKING",
    "CUDA_MODULE_LOADING",
    "CUBLAS_WORKSPACE_CONFIG",
    "PYTHONHASHSEED",
    "PYTHONPATH",
    "PYTHONOPTIMIZE",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "TOKENIZERS_PARALLELISM",
    "LD_LIBRARY_PATH",
    "LD_PRELOAD",
    "MASTER_ADDR",
    "MASTER_PORT",
    "WORLD_SIZE",
    "RANK",
    "LOCAL_RANK",
    "LOCAL_WORLD_SIZE",
    "NODE_RANK",
    "GROUP_RANK",
    "EXPERIMENT_RUNNER_SEED",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "CONDA_DEFAULT_ENV",
    "WANDB_MODE",
    "HIP_VISIBLE_DEVICES",
    "ROCR_VISIBLE_DEVICES",
    "TF_DETERMINISTIC_OPS",
    "TF_CUDNN_DETERMINISTIC",
    "TF_ENABLE_ONEDNN_OPTS",
    "TF_FORCE_GPU_ALLOW_GROWTH",
    "TF_GPU_ALLOCATOR",
    "TF_XLA_FLAGS",
    "TF_NUM_INTEROP_THREADS",
    "TF_NUM_INTRAOP_THREADS",
}
RELEVANT_PREFIXES = (
    "TORCH_",
    "PYTORCH_",
    "NCCL_",
    "CUDNN_",
    "CUBLAS",
    "KMP_",
    "MKL_",
    "OMP_",
    "NVIDIA_",
    "XLA_",
    "JAX_",
    "HF_",
    "TRANSFORMERS_",
    "ACCELERATE_",
    "DEEPSPEED_",
    "TORCHINDUCTOR_",
    "TRITON_",
    "MIOPEN_",
    "NVTE_",
)
_SECRET = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|ACCESS_KEY|PRIVATE|AUTH|_KEY$", re.IGNORECASE)


def relevant_env(env: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    kept: dict[str, str] = {}
    withheld: list[str] = []
    for name in sorted(env):
        if name in RELEVANT_NAMES or name.startswith(RELEVANT_PREFIXES):
            if _SECRET.search(name):
                withheld.append(name)
            else:
                kept[name] = env[name]
    return kept, withheld


def resolve_program(ws, argv0: str, cwd: Path, env: dict[str, str]) -> tuple[str | None, str]:
    """(what argv[0] runs as, how that was decided). `python` and `python3` run the workspace's user interpreter
    (`python` in experiment-runner.yaml, else the server's own), exactly as the launcher starts them
    (runs.launch.resolve_program), never whatever PATH would find first."""
    if argv0 in ("python", "python3"):
        from experiment_runner.repro.environment import user_interpreter

        interpreter, source, error = user_interpreter(ws)
        return (None if error else interpreter), source
    if os.sep in argv0:
        p = Path(argv0) if os.path.isabs(argv0) else cwd / argv0
        try:
            return (str(p) if p.exists() else None), "the path given"
        except (OSError, ValueError):  # a name too long to exist, a NUL: recorded as not found
            return None, "the path given"
    return shutil.which(argv0, path=env.get("PATH", os.environ.get("PATH"))), "PATH"


def record_command(
    ws,
    argv: list[str],
    cwd: Path,
    env: dict[str, str],
    *,
    program: str | None = None,
    set_by_runner: dict[str, str] | None = None,
) -> CommandRecord:
    """`program`: what the launcher executes for argv[0] (resolved here the same way when not given).
    `set_by_runner`: the variables experiment-runner itself set for the run."""
    kept, withheld = relevant_env(env)
    if program is not None:
        source = "as launched"
    elif argv:
        program, source = resolve_program(ws, argv[0], cwd, env)
    else:
        source = "no command"
    return CommandRecord(
        argv=list(argv),
        cwd=ws.display(cwd),
        cwd_abs=str(cwd),
        program=program,
        program_source=source,
        program_realpath=os.path.realpath(program) if program else None,
        env=kept,
        env_withheld=withheld,
        set_by_runner={k: v for k, v in sorted((set_by_runner or {}).items()) if not _SECRET.search(k)},
    )
