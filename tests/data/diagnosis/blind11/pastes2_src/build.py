# Builds /work/blind11/pastes2/{cases/,labels.yaml} from cases1.py and cases2.py. Run: python3 build.py
import json, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cases1, cases2, cases3
C = cases1.C + cases2.C + cases3.C
OUT = os.path.dirname(HERE)
names = [c['name'] for c in C]
assert len(names) == len(set(names)), 'duplicate case name'
urls = [c['url'] for c in C]
assert len(urls) == len(set(urls)), 'duplicate url'
q = lambda s: json.dumps(s, ensure_ascii=False)
HEADER = """# blind11/pastes2: a kept-aside test set of REAL PASTED training logs for diagnose_failure, outside the PyTorch core
# ecosystem (Keras/TensorFlow incl. R keras, XGBoost, LightGBM, stable-baselines, ML-Agents, horovod, ultralytics YOLO,
# OpenPCDet).
# Built 2026-12-07 by a labeller session that did not open the tool's code (src/experiment_runner/diagnosis/), its
# tests, bench or any /work/wt worktree, did not run diagnose_failure/CLI/MCP server, and did not read the other
# blind11 parts. It read only the header and url:/script:/rationale: lines of tests/data/diagnosis/*/labels.yaml (rules,
# and to take no thread twice: every url below was checked against all of them), the playbook's category names, and
# blind10 as the format model. Scored once; nobody tunes on it. Every case was labelled before anything scored it.
#
# Source: logs pasted in public GitHub issue threads, as the `search` tool's issues index returned them (an excerpt of
# the thread), cut to the pasted log and never rewritten; meta.json `trimmed` says what was cut (poster prose, markdown
# fences/backticks or quote markers, other runs in the same comment) and where the stored excerpt itself ends mid-line.
# All text is in stdout.log (a paste does not say which stream a line came from); stderr.log is empty; exit_code and
# signal are null (no paste shows one); argv only where the poster gave the command. `thread_diagnosis` says what the
# thread found, or that the stored excerpt found nothing.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header): the three finite-loss rules
# (exploding_gradients / loss_not_decreasing / nan_or_inf_loss) and new_categories (underfitting,
# amp_loss_scale_collapse). top3_ok only where the cause is genuinely between two categories (one case).
# Builder: src/ (cases1.py, cases2.py, cases3.py, build.py); `python3 src/build.py` rewrites cases/ and this file.
cases:
"""
lines = [HEADER.rstrip('\n')]
for c in C:
    lines.append(f"  {c['name']}:")
    lines.append("    source: paste")
    lines.append(f"    url: {c['url']}")
    lines.append(f"    framework: {c['framework']}")
    lines.append(f"    expected: {c['expected']}")
    lines.append(f"    healthy: {'true' if c['healthy'] else 'false'}")
    if c.get('top3_ok'):
        lines.append("    top3_ok: true")
        lines.append(f"    ambiguity: {q(c['ambiguity'])}")
    lines.append(f"    rationale: {q(c['rationale'])}")
    lines.append(f"    thread_diagnosis: {q(c['thread_diagnosis'])}")
    if c.get('run_settings'):
        lines.append(f"    run_settings: {q(c['run_settings'])}")
lines.append("split:")
lines.append("  heldout:")
for n in sorted(names):
    lines.append(f"  - {n}")
lines.append("  tune: []")
open(os.path.join(OUT, 'labels.yaml'), 'w').write('\n'.join(lines) + '\n')
for c in C:
    d = os.path.join(OUT, 'cases', c['name'])
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'stdout.log'), 'w').write(c['text'])
    open(os.path.join(d, 'stderr.log'), 'w').write('')
    meta = {"exit_code": None, "signal": None, "reason": None, "argv": c.get('argv', []), "ended_by": None,
            "time_limit_s": None, "source": "paste", "url": c['url'], "framework": c['framework'],
            "trimmed": c['trimmed']}
    open(os.path.join(d, 'meta.json'), 'w').write(json.dumps(meta, indent=2, ensure_ascii=False) + '\n')
print(len(C))
for k, v in sorted(collections.Counter(c['expected'] for c in C).items(), key=lambda x: -x[1]):
    print(k, v)
