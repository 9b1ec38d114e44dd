# recorder: runs one command from /work/blind9/runs/scripts, writes cases/<name>/{stdout,stderr}.log + meta.json
import json, os, signal, subprocess, sys, time, argparse
p = argparse.ArgumentParser()
p.add_argument("name"); p.add_argument("--script", required=True)
p.add_argument("--kill-after", type=float); p.add_argument("--kill-sig", default="TERM")
p.add_argument("--kill-worker", action="store_true", help="send the signal to a grandchild (DataLoader worker)")
p.add_argument("--reason"); p.add_argument("--wrap"); p.add_argument("--time-limit", type=float)
p.add_argument("cmd", nargs=argparse.REMAINDER)
a = p.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
d = f"/work/blind9/runs/cases/{a.name}"; os.makedirs(d, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false",
           PATH="/work/fw-i13/venv/bin:" + os.environ["PATH"])
t0 = time.time()
with open(f"{d}/stdout.log", "w") as o, open(f"{d}/stderr.log", "w") as e:
    pr = subprocess.Popen(cmd, stdout=o, stderr=e, cwd="/work/blind9/runs/scripts", env=env)
    if a.kill_after:
        time.sleep(a.kill_after)
        sig = getattr(signal, "SIG" + a.kill_sig)
        if a.kill_worker:
            kids = subprocess.run(["pgrep", "-P", str(pr.pid)], capture_output=True, text=True).stdout.split()
            gk = []
            for k in kids: gk += subprocess.run(["pgrep", "-P", k], capture_output=True, text=True).stdout.split()
            target = int((gk or kids)[-1]); print("signalling worker", target, file=sys.stderr)
            os.kill(target, sig)
        else:
            os.kill(pr.pid, sig)
    rc = pr.wait()
secs = round(time.time() - t0, 2)
vers = {"python": "3.11.7", "torch": "2.13.0+cpu", "transformers": "5.25.0", "lightning": "2.6.6", "keras": "3.15.1",
        "xgboost": "3.2.0", "numpy": "2.4.6", "scikit-learn": "1.9.1", "accelerate": "1.16.0"}
meta = {"exit_code": rc if rc >= 0 else None, "signal": signal.Signals(-rc).name if rc < 0 else None,
        "reason": a.reason, "argv": cmd, "ended_by": "signal" if rc < 0 else "exit", "time_limit_s": a.time_limit,
        "source": "run", "script": "scripts/" + a.script, "wrap": a.wrap, "versions": vers, "seconds": secs, "trimmed": None}
json.dump(meta, open(f"{d}/meta.json", "w"), indent=2)
print(a.name, "rc", rc, "secs", secs)
for f in ("stdout.log", "stderr.log"):
    t = open(f"{d}/{f}").read(); print(f"--- {f} ({len(t)} chars)"); print(t[-2500:])
