"""Run one case and store cases/<name>/stdout.log, stderr.log, meta.json.

usage: python run_case.py NAME --script S [--argv JSON] [--reason R] [--ended-by E] [--time-limit N] -- CMD...
CMD runs in scripts/ with the venv's bin first on PATH; argv (what the user typed) defaults to CMD.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = "/work/fw-i13/venv/bin"


def versions():
    code = ("import importlib.metadata as m, platform, json; d={'python': platform.python_version()}\n"
            "for p in ['torch','transformers','lightning','keras','xgboost','lightgbm','accelerate','numpy','scikit-learn']:\n"
            "    try: d[p]=m.version(p)\n    except Exception: pass\nprint(json.dumps(d))")
    return json.loads(subprocess.check_output([f"{VENV}/python", "-c", code], text=True))


def main():
    argv = sys.argv[1:]
    cut = argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("name"); ap.add_argument("--script", required=True); ap.add_argument("--argv")
    ap.add_argument("--reason"); ap.add_argument("--ended-by"); ap.add_argument("--time-limit", type=float); ap.add_argument("--cwd", default=".")
    a = ap.parse_args(argv[:cut]); cmd = argv[cut + 1:]
    out = HERE.parent / "cases" / a.name; out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PATH=f"{VENV}:{os.environ['PATH']}", PYTHONUNBUFFERED="1", OMP_NUM_THREADS="1")
    t0 = time.time()
    with open(out / "stdout.log", "wb") as so, open(out / "stderr.log", "wb") as se:
        rc = subprocess.run(cmd, cwd=HERE / a.cwd, env=env, stdout=so, stderr=se).returncode
    secs = round(time.time() - t0, 2)
    meta = {
        "exit_code": rc if rc >= 0 else None,
        "signal": -rc if rc < 0 else None,
        "reason": a.reason,
        "argv": json.loads(a.argv) if a.argv else cmd,
        "ended_by": a.ended_by or ("signal" if rc < 0 else "exit"),
        "time_limit_s": a.time_limit,
        "source": "run",
        "script": a.script,
        "versions": versions(),
        "seconds": secs,
        "trimmed": None,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(a.name, "rc", rc, "s", secs)


if __name__ == "__main__":
    main()
