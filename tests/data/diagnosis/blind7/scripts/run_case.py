"""Run one case: python run_case.py NAME [--wrap 'prlimit --as=N'] [--reason R] [--signal-after S:SIG] -- script.py args...
Writes ../cases/NAME/{stdout.log,stderr.log,meta.json}. cwd is this scripts/ folder; KERAS_BACKEND=torch."""
import argparse, json, os, shlex, signal, subprocess, sys, time
PY = "/work/fw-i13/venv/bin/python"
VERS = {"python": "3.11.7", "torch": "2.13.0+cpu", "transformers": "5.25.0", "lightning": "2.6.6", "keras": "3.15.1",
        "xgboost": "3.2.0", "numpy": "2.4.6", "scikit-learn": "1.9.1", "accelerate": "1.16.0"}
ap = argparse.ArgumentParser()
ap.add_argument("name"); ap.add_argument("--wrap", default=None); ap.add_argument("--reason", default=None)
ap.add_argument("--signal-after", default=None, help="SECONDS:SIGNAME sent by this parent to the child")
ap.add_argument("--ended-by", default=None); ap.add_argument("--cwd", default=None)
ap.add_argument("cmd", nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "cases", a.name); os.makedirs(out, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND="torch", PYTHONUNBUFFERED="1", TOKENIZERS_PARALLELISM="false",
           HF_HUB_OFFLINE="1", OMP_NUM_THREADS="2")
exe = [PY] if cmd[0] == "python" else ["/work/fw-i13/venv/bin/" + cmd[0]]
real = ([*shlex.split(a.wrap)] if a.wrap else []) + exe + cmd[1:]
script = next(c for c in cmd if c.endswith(".py"))
t0 = time.time()
with open(os.path.join(out, "stdout.log"), "w") as so, open(os.path.join(out, "stderr.log"), "w") as se:
    p = subprocess.Popen(real, cwd=os.path.join(here, a.cwd) if a.cwd else here, env=env, stdout=so, stderr=se, start_new_session=True)
    if a.signal_after:
        secs, sig = a.signal_after.split(":")
        try:
            p.wait(timeout=float(secs))
        except subprocess.TimeoutExpired:
            p.send_signal(getattr(signal, sig))
    rc = p.wait()
secs = round(time.time() - t0, 2)
sig = -rc if rc < 0 else None
if a.wrap and a.wrap.startswith("timeout") and rc == 124:
    pass
meta = {"exit_code": (128 + sig) if sig else rc, "signal": sig, "reason": a.reason, "argv": cmd,
        "ended_by": a.ended_by or ("signal" if sig else "exit"), "wrap": a.wrap, "source": "run",
        "script": "scripts/" + ((a.cwd + "/") if a.cwd else "") + script, "versions": VERS, "seconds": secs, "trimmed": None}
json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=2)
print(a.name, "rc", rc, "sig", sig, secs, "s")
