import json, os, subprocess, sys, time
# usage: run_case.py NAME WRAP_JSON -- python SCRIPT.py args...
# env CASE_REASON (meta reason), CASE_TL (time limit in s) optional
name = sys.argv[1]; wrap = json.loads(sys.argv[2]); i = sys.argv.index('--'); argv = sys.argv[i+1:]
d = f'/work/blind12/runs/cases/{name}'; os.makedirs(d, exist_ok=True)
env = dict(os.environ, KERAS_BACKEND='torch', OMP_NUM_THREADS='1', HF_HUB_OFFLINE='1', TOKENIZERS_PARALLELISM='false',
           PATH='/work/blind11/venv/bin:' + os.environ['PATH'])
full = (wrap or []) + argv
t = time.time()
with open(f'{d}/stdout.log', 'wb') as o, open(f'{d}/stderr.log', 'wb') as e:
    p = subprocess.run(full, stdout=o, stderr=e, cwd='/work/blind12/runs/scripts', env=env)
sec = round(time.time() - t, 2)
rc = p.returncode; sig = None
if rc < 0:
    sig = -rc; rc = 128 + sig
elif wrap and wrap[0] == 'timeout' and rc == 124:
    sig = 15 if 'TERM' in ' '.join(wrap) else None
elif wrap and rc > 128 and rc - 128 in (6, 9, 11, 15):
    sig = rc - 128
import importlib.metadata as md
def v(p):
    try: return md.version(p)
    except Exception: return None
vers = {'python': sys.version.split()[0]}
for k in ['torch', 'transformers', 'lightning', 'keras', 'xgboost', 'numpy', 'scikit-learn', 'lightgbm', 'accelerate']:
    vers[k] = v(k)
vers = {k: x for k, x in vers.items() if x}
meta = dict(exit_code=rc, signal=sig, reason=os.environ.get('CASE_REASON') or None, argv=full,
            ended_by='signal' if sig else 'exit',
            time_limit_s=float(os.environ['CASE_TL']) if os.environ.get('CASE_TL') else None, source='run',
            script='scripts/' + next((a for a in argv if a.endswith('.py')), argv[0]).split('/')[-1],
            framework=os.environ.get('CASE_FW'), wrap=' '.join(wrap) if wrap else None,
            versions=vers, seconds=sec, trimmed=None)
json.dump(meta, open(f'{d}/meta.json', 'w'), indent=2)
print(name, 'rc', rc, 'sig', sig, 'sec', sec)
os.system(f'tail -n 12 {d}/stdout.log; echo ---; tail -n 6 {d}/stderr.log')
