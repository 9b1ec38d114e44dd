import json, os, subprocess, sys, time
# usage: run_case.py NAME WRAP_JSON -- argv...   (env CASE_REASON, CASE_TL optional)
name = sys.argv[1]; wrap = json.loads(sys.argv[2]) or []; argv = sys.argv[sys.argv.index('--') + 1:]
d = f'/work/blind11/runs/cases/{name}'; os.makedirs(d, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND='torch', OMP_NUM_THREADS='1', HF_HUB_OFFLINE='1', TOKENIZERS_PARALLELISM='false',
           PATH='/work/blind11/venv/bin:' + os.environ['PATH'])
full = wrap + argv
t = time.time()
with open(f'{d}/stdout.log', 'wb') as o, open(f'{d}/stderr.log', 'wb') as e:
    p = subprocess.Popen(full, stdout=o, stderr=e, cwd='/work/blind11/runs/scripts', env=env)
    ka = os.environ.get('CASE_KILL_AFTER')  # 'SECONDS:SIGNAME': an outside agent (node drain / spot reclaim)
    if ka:
        import signal as S
        secs, nm = ka.split(':')
        try: p.wait(timeout=float(secs))
        except subprocess.TimeoutExpired: p.send_signal(getattr(S, 'SIG' + nm))
    p.wait()
sec = round(time.time() - t, 2)
rc = p.returncode; sig = None
if rc < 0: sig = -rc; rc = 128 + sig
elif wrap and 128 < rc < 160: sig = rc - 128
out = subprocess.run(['/work/blind11/venv/bin/python', '-c', '''
import sys, json, importlib.metadata as md
v = {"python": sys.version.split()[0]}
for k in ["torch","transformers","lightning","keras","xgboost","numpy","scikit-learn","lightgbm","accelerate","pandas"]:
    try: v[k] = md.version(k)
    except Exception: pass
print(json.dumps(v))'''], capture_output=True, text=True).stdout
meta = dict(exit_code=rc, signal=sig, reason=os.environ.get('CASE_REASON') or None, argv=full,
            ended_by='signal' if sig else 'exit',
            time_limit_s=float(os.environ['CASE_TL']) if os.environ.get('CASE_TL') else None, source='run',
            script='scripts/' + next((a for a in argv if a.endswith('.py')), argv[0]).split('/')[-1],
            framework=os.environ.get('CASE_FW'), wrap=' '.join(wrap) if wrap else None,
            versions=json.loads(out), seconds=sec, trimmed=None)
json.dump(meta, open(f'{d}/meta.json', 'w'), indent=2)
print(name, 'rc', rc, 'sig', sig, 'sec', sec)
os.system(f'tail -n 12 {d}/stdout.log; echo ---; tail -n 8 {d}/stderr.log')
