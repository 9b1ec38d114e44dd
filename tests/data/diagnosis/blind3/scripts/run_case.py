# Runs one case: python run_case.py NAME [--timeout S] [--reason R] -- argv...  (cwd = scripts/)
import json, os, signal, subprocess, sys, time, platform
name = sys.argv[1]; rest = sys.argv[2:]; timeout = None; reason = None
while rest[0] != "--":
    if rest[0] == "--timeout": timeout = int(rest[1])
    if rest[0] == "--reason": reason = rest[1]
    rest = rest[2:]
argv = rest[1:]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases", name); os.makedirs(out, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND="torch", PYTHONUNBUFFERED="1")
py = "/work/fw-i13/venv/bin/python"
cmd = [py if a == "python" else a for a in argv]
if timeout: cmd = ["timeout", "-s", "TERM", str(timeout)] + cmd
t = time.time()
with open(os.path.join(out, "stdout.log"), "w") as so, open(os.path.join(out, "stderr.log"), "w") as se:
    p = subprocess.run(cmd, stdout=so, stderr=se, env=env, cwd=os.path.dirname(os.path.abspath(__file__)))
rc = p.returncode
sig = None
if rc < 0: sig = signal.Signals(-rc).name; rc = 128 - p.returncode
vers = json.loads(subprocess.run([py, "-c", "import json,sys,torch,transformers,lightning,keras,xgboost,numpy,sklearn;print(json.dumps({'python':sys.version.split()[0],'torch':torch.__version__,'transformers':transformers.__version__,'lightning':lightning.__version__,'keras':keras.__version__,'xgboost':xgboost.__version__,'numpy':numpy.__version__,'scikit-learn':sklearn.__version__}))"], capture_output=True, text=True, env=env).stdout)
script = next((a for a in argv if a.endswith(".py")), None)
meta = {"exit_code": rc, "signal": sig, "reason": reason, "argv": (["timeout", str(timeout)] if timeout else []) + argv,
        "ended_by": "time_limit" if (timeout and rc == 124) else ("signal" if sig else "exit"), "time_limit_s": timeout,
        "source": "run", "script": f"scripts/{script}", "versions": vers, "seconds": round(time.time() - t, 2), "trimmed": None}
json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=2)
print(name, "rc", rc, "sig", sig, "s", meta["seconds"])
