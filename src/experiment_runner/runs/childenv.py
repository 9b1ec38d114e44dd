"""The environment a run's command gets: an allowlist of the server's variables (paths, locale, temp dirs, CUDA
and thread settings, caches of the usual ML libraries), then what the caller set, then the runner's own
variables. Anything else in the server's environment (tokens, credentials, the server's own settings) stays out
unless the caller passes it explicitly. The server's own secrets (its bearer token variable, and any variable named
by `serve --token-env`) never pass, not even when a caller sets them or an allowlisted name is one: every child
environment the package builds (runs, sanity and active probes, the environment probe, git, the launcher and
Slurm jobs) goes through `strip_secrets`."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

_EXACT = {
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "LANGUAGE",
    "TZ",
    "TERM",
    "TMPDIR",
    "TEMP",
    "TMP",
    "LD_LIBRARY_PATH",
    "PYTHONPATH",
    "PYTHONHASHSEED",
    "PYTHONWARNINGS",
    "VIRTUAL_ENV",
    "PYTHONHOME",
    "OPENBLAS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "NUMEXPR_MAX_THREADS",
    "CUBLAS_WORKSPACE_CONFIG",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_RUNTIME_DIR",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
}
_PREFIXES = (
    "LC_",
    "CUDA_",
    "NVIDIA_",
    "NCCL_",
    "CUDNN_",
    "CONDA_",
    "OMP_",
    "MKL_",
    "KMP_",
    "HF_",
    "HUGGINGFACE_",
    "TRANSFORMERS_",
    "TORCH_",
    "TORCHINDUCTOR_",
    "TRITON_",
    "XLA_",
    "JAX_",
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

#: Variables the runner sets; a caller may not override them (they are how the run finds its own record).
RUNNER_VARS = (
    "EXPERIMENT_RUNNER_SEED",
    "EXPERIMENT_RUNNER_RUN_ID",
    "EXPERIMENT_RUNNER_EXPERIMENT",
    "EXPERIMENT_RUNNER_ARM",
    "EXPERIMENT_RUNNER_METRICS",
    "EXPERIMENT_RUNNER_CHECKPOINT_DIR",
    "EXPERIMENT_RUNNER_ATTEMPT",  # 1, 2 ... : which start of the run this is (retries and requeues)
    "EXPERIMENT_RUNNER_RESUME",  # from the second attempt: the latest complete checkpoint, when there is one
)


#: The server's bearer token variable (serve --token-env adds the one it was given).
TOKEN_ENV = "EXPERIMENT_RUNNER_TOKEN"
_secret_names: set[str] = {TOKEN_ENV}
_MIN_SECRET_LEN = 8  # shorter values are not matched by value (a "1" elsewhere is no copy of a secret)


def add_secret(name: str) -> None:
    """Treat the variable `name` as the server's secret in every child environment from now on."""
    _secret_names.add(name)


def secret_names() -> frozenset[str]:
    return frozenset(_secret_names)


def strip_secrets(env: Mapping[str, str]) -> dict[str, str]:
    """`env` without the server's secret variables, nor any other variable holding one of their values (a copy
    made with `export X=$EXPERIMENT_RUNNER_TOKEN` is the same secret)."""
    values = {v for name in _secret_names if len(v := os.environ.get(name) or "") >= _MIN_SECRET_LEN}
    return {k: v for k, v in env.items() if k not in _secret_names and v not in values}


def allowed(name: str) -> bool:
    return (name in _EXACT or name.startswith(_PREFIXES)) and name not in _secret_names


def base_env(source: Mapping[str, str] | None = None) -> dict[str, str]:
    src = os.environ if source is None else source
    return strip_secrets({k: v for k, v in src.items() if allowed(k)})


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


def child_env(
    *,
    server_env: Mapping[str, str] | None,
    caller_env: Mapping[str, str],
    defaults: Mapping[str, str],
    runner: Mapping[str, str],
    gpus: list[int] | None,
) -> dict[str, str]:
    env = base_env(server_env)
    for k, v in defaults.items():
        env.setdefault(k, v)
    env.update(caller_env)
    if gpus:
        env["CUDA_VISIBLE_DEVICES"] = ",".join(str(g) for g in gpus)
    env["PYTHONUNBUFFERED"] = "1"
    env = strip_secrets(env)
    env.update(runner)
    return env


def thread_defaults(
    server_env: Mapping[str, str], caller_env: Mapping[str, str], threads: int | None
) -> dict[str, str]:
    """OMP_NUM_THREADS = `threads` (runs.threads_per_run) when neither the caller nor the server chose it: N runs each
    starting one thread per core on the same cores run many times slower than they should (measured: 2 s vs 0.04 s
    an epoch here)."""
    if threads is None or "OMP_NUM_THREADS" in caller_env or "OMP_NUM_THREADS" in server_env:
        return {}
    return {"OMP_NUM_THREADS": str(max(1, threads))}
