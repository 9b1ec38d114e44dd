"""Run one case and record it: cases/<name>/{stdout.log,stderr.log,meta.json}.

usage: run_case.py NAME [--wrap "prlimit --as=N" | --wrap "timeout -s TERM 20"] [--reason TEXT]
                   [--kill-after S --kill-sig SIG] [--shell] -- python script.py args...
Runs from scripts/ with the venv's python first on PATH, one at a time, CPU only.
--kill-after: a parent (this runner, standing in for a scheduler) sends the signal after S seconds.
"""
import argparse, json, os, shlex, signal, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = "/work/fw-i13/venv"

def versions():
    code = ("import sys,importlib,json;d={'python':sys.version.split()[0]}\n"
            "for m,k in [('torch','torch'),('transformers','transformers'),('lightning','lightning'),('keras','keras'),"
            "('xgboost','xgboost'),('lightgbm','lightgbm'),('numpy','numpy'),('sklearn','scikit-learn')]:\n"
            " try: d[k]=importlib.import_module(m).__version__\n except Exception: pass\nprint(json.dumps(d))")
    out = subprocess.run([f"{VENV}/bin/python", "-c", code], capture_output=True, text=True, env=env())
    return json.loads(out.stdout.strip().splitlines()[-1])

def env():
    e = dict(os.environ)
    e["PATH"] = f"{VENV}/bin:" + e["PATH"]
    e["CUDA_VISIBLE_DEVICES"] = ""
    e.setdefault("KERAS_BACKEND", "torch")
    e["TQDM_DISABLE"] = e.get("TQDM_DISABLE", "0")
    e["PYTHONUNBUFFERED"] = "1"
    return e

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name"); ap.add_argument("--wrap", default=None); ap.add_argument("--reason", default=None)
    ap.add_argument("--kill-after", type=float, default=None); ap.add_argument("--kill-sig", default="SIGTERM")
    ap.add_argument("--shell", action="store_true", help="argv is a job script run by bash")
    ap.add_argument("--time-limit", type=float, default=None)
    ap.add_argument("argv", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    argv = a.argv[1:] if a.argv and a.argv[0] == "--" else a.argv
    d = ROOT / "cases" / a.name; d.mkdir(parents=True, exist_ok=True)
    full = (shlex.split(a.wrap) if a.wrap else []) + argv
    t0 = time.time()
    with open(d / "stdout.log", "wb") as so, open(d / "stderr.log", "wb") as se:
        p = subprocess.Popen(full, cwd=HERE, stdout=so, stderr=se, env=env())
        try:
            p.wait(timeout=a.kill_after)
        except subprocess.TimeoutExpired:
            p.send_signal(getattr(signal, a.kill_sig))
            try: p.wait(timeout=30)
            except subprocess.TimeoutExpired: p.kill(); p.wait()
    secs = round(time.time() - t0, 2)
    rc = p.returncode
    exit_code, sig = (rc, None) if rc >= 0 else (None, -rc)
    # `timeout` reports a killed child as 128+N (124 for its own TERM): record it as the signal it sent
    if a.wrap and a.wrap.startswith("timeout") and rc == 124:
        sig = getattr(signal, "SIG" + shlex.split(a.wrap)[2].replace("SIG", "")).value; exit_code = 124
    meta = {"exit_code": exit_code, "signal": sig, "reason": a.reason, "argv": argv,
            "ended_by": "signal" if sig else "exit", "time_limit_s": a.time_limit,
            "source": "run", "script": "scripts/" + next((x for x in argv if x.endswith((".py", ".sh"))), argv[-1]).split("/")[-1],
            "wrap": a.wrap, "versions": versions(), "seconds": secs, "trimmed": None}
    (d / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(a.name, "rc", rc, "secs", secs)
    for f in ("stdout.log", "stderr.log"):
        t = (d / f).read_text(errors="replace")
        print(f"--- {f} ({len(t)} chars)"); print(t[-2500:])

main()
