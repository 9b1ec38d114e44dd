import json, os, subprocess, sys, time
# usage: run_case.py NAME WRAP_JSON -- argv...   (env CASE_REASON, CASE_TL optional)
name = sys.argv[1]; wrap = json.loads(sys.argv[2]) or []; i = sys.argv.index('--'); argv = sys.argv[i+1:]
d = f'/work/blind13/runs/cases/{name}'; os.makedirs(d, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND='torch', OMP_NUM_THREADS='1', HF_HUB_OFFLINE='1', TOKENIZERS_PARALLELISM='false',
           PATH='/work/blind11/venv/bin:' + os.environ['PATH'])
full = wrap + argv
t = time.time()
with open(f'{d}/stdout.log', 'wb') as o, open(f'{d}/stderr.log', 'wb') as e:
    p = subprocess.run(full, stdout=o, stderr=e, cwd=os.path.dirname(os.path.abspath(__file__)), env=env)
sec = round(time.time() - t, 2)
rc = p.returncode; sig = None
if rc < 0: sig = -rc; rc = 128 + sig
elif wrap and wrap[0] == 'timeout' and rc == 124: sig = 15
elif wrap and rc in (137, 143, 152, 134, 139, 135): sig = rc - 128
out = subprocess.run(['/work/blind11/venv/bin/python', '-c', '''
import importlib.metadata as md, sys, json
r = {"python": sys.version.split()[0]}
for k in ["torch","transformers","lightning","keras","xgboost","numpy","scikit-learn","lightgbm","accelerate"]:
    try: r[k] = md.version(k)
    except Exception: pass
print(json.dumps(r))'''], capture_output=True, text=True).stdout
vers = json.loads(out)
meta = dict(exit_code=rc, signal=sig, reason=os.environ.get('CASE_REASON') or None, argv=full,
            ended_by='signal' if sig else 'exit',
            time_limit_s=float(os.environ['CASE_TL']) if os.environ.get('CASE_TL') else None, source='run',
            script='scripts/' + next((a for a in argv if a.endswith('.py')), argv[0]).split('/')[-1],
            framework=os.environ.get('CASE_FW'), wrap=' '.join(wrap) if wrap else None,
            versions=vers, seconds=sec, trimmed=None)
json.dump(meta, open(f'{d}/meta.json', 'w'), indent=2)
print(name, 'rc', rc, 'sig', sig, 'sec', sec)
os.system(f'tail -n 12 {d}/stdout.log; echo ---; tail -n 8 {d}/stderr.log')
