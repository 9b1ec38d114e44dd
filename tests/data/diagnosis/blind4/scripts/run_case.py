"""Run one script of this folder as a real run and record it as a case: cases/<name>/{stdout,stderr}.log, meta.json.
Usage: python run_case.py <case_name> <script.py> [args...]   (run with /work/fw-i13/venv/bin/python, one at a time)"""
import json, os, signal, subprocess, sys, time
from pathlib import Path
HERE = Path(__file__).resolve().parent
name, script, *args = sys.argv[1:]
out = HERE.parent / "cases" / name
out.mkdir(parents=True, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND="torch", PYTHONUNBUFFERED="1", OMP_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false",
           HF_HUB_OFFLINE="1")
t0 = time.time()
with open(out / "stdout.log", "wb") as so, open(out / "stderr.log", "wb") as se:
    p = subprocess.run([sys.executable, str(HERE / script), *args], cwd=HERE / "work", stdout=so, stderr=se, env=env, timeout=300)
dt = time.time() - t0
rc = p.returncode
sig = None
if rc < 0:
    sig = signal.Signals(-rc).name
import importlib
vers = {"python": sys.version.split()[0]}
for m in ["torch", "transformers", "lightning", "keras", "xgboost", "numpy", "sklearn"]:
    try:
        vers["scikit-learn" if m == "sklearn" else m] = importlib.import_module(m).__version__
    except Exception:
        pass
meta = {"exit_code": rc if rc >= 0 else None, "signal": sig, "reason": None if rc >= 0 else "killed by signal",
        "argv": ["python", script, *args], "ended_by": "exit" if rc >= 0 else "signal", "time_limit_s": None,
        "source": "run", "script": f"scripts/{script}", "wrap": None, "versions": vers, "seconds": round(dt, 2),
        "trimmed": None}
(out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
print(name, "rc", rc, "sig", sig, f"{dt:.1f}s")
