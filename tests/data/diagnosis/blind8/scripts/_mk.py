# runner: python _mk.py NAME 'REASON or -' [--sig SIG@SECONDS] -- argv...
# runs argv in this folder, writes ../cases/NAME/{stdout.log,stderr.log,meta.json}
import json, os, signal, subprocess, sys, time
name, reason = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
sig = None
if rest[0] == '--sig':
    s, at = rest[1].split('@'); sig = (getattr(signal, s), float(at)); rest = rest[2:]
assert rest[0] == '--'; argv = rest[1:]
env = dict(os.environ, KERAS_BACKEND='torch', OMP_NUM_THREADS='1', HF_HUB_OFFLINE='1', TOKENIZERS_PARALLELISM='false',
           PATH='/work/fw-i13/venv/bin:' + os.environ['PATH'])
d = os.path.join('..', 'cases', name); os.makedirs(d, exist_ok=True)
t0 = time.time()
with open(os.path.join(d, 'stdout.log'), 'w') as so, open(os.path.join(d, 'stderr.log'), 'w') as se:
    p = subprocess.Popen(argv, stdout=so, stderr=se, env=env)
    if sig:
        try:
            p.wait(timeout=sig[1])
        except subprocess.TimeoutExpired:
            p.send_signal(sig[0])
    rc = p.wait()
secs = round(time.time() - t0, 2)
vers = json.load(open('_versions.json'))
meta = {'exit_code': rc if rc >= 0 else None, 'signal': (signal.Signals(-rc).name if rc < 0 else None),
        'reason': None if reason == '-' else reason, 'argv': [a.replace('/work/fw-i13/venv/bin/', '') for a in argv],
        'source': 'run', 'script': 'scripts/' + next((os.path.basename(a) for a in argv if a.endswith('.py')), ''),
        'versions': vers, 'seconds': secs, 'trimmed': None}
json.dump(meta, open(os.path.join(d, 'meta.json'), 'w'), indent=2)
print(name, 'rc', rc, 'secs', secs)
