import json, os, collections, sys
sys.path.insert(0, '/tmp/b10')
import cases3
C = cases3.C
OUT = '/work/blind10/pastes2'
for c in C:
    if c['url'].startswith('https://github.com/ultralytics/'):
        c['framework'] = 'ultralytics'
q = lambda s: json.dumps(s, ensure_ascii=False)
HEADER = """# blind10/pastes2: an independent, held-aside test set of REAL PASTED training logs for diagnose_failure, built
# 2026-12-07 by a helper session that did not read the tool's code (src/experiment_runner/diagnosis/), its tests, bench,
# other worktrees, /work/notes, other briefs, or the other engineers' parts of blind10 (/work/blind10/runs,
# /work/blind10/pastes). It read only the playbook (prompts/failure_playbook.yaml), the tool's input fields
# (tools/diagnose_failure.py), the headers and url: lines of tests/data/diagnosis/{real,blind3..blind9}/labels.yaml (to
# take no thread twice) and one case folder as a format example (blind4/cases/paste_mgfn_oom_6gb). It is kept aside:
# nobody tunes on it; it is scored once. Every case was labelled before anything scored it (diagnose_failure was never
# run while it was made).
#
# Source: logs pasted in public GitHub issue threads, as the `search` tool's issues index returned them (an excerpt of
# the thread, never rewritten; meta.json `trimmed` says what was cut, including where the stored excerpt itself ends
# mid-line or shows two fragments of one paste). Share of this engineer: Keras/TensorFlow, XGBoost, LightGBM, CatBoost,
# scikit-learn, mmdetection/mmengine/mmsegmentation, detectron2, YOLO (v3-v8, ultralytics), JAX, paddle, MXNet, fastai,
# allennlp, speech toolkits and research repos built on them; no thread from PyTorch core, Lightning, transformers,
# DeepSpeed, accelerate, fairseq or nanoGPT. The pasted text is in stdout.log (a paste does not say which stream a line
# came from); stderr.log is empty. No exit code or signal: no paste here shows one. argv only where the paste or the
# thread gives the command. `thread_diagnosis` says what the thread found, or that the stored excerpt found nothing.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header), including how finite-loss failures are
# told apart (exploding_gradients / loss_not_decreasing / nan_or_inf_loss) and the categories underfitting and
# amp_loss_scale_collapse. `expected` is the cause the evidence in the log decides (a worker killed by SIGKILL with no
# Python error is labelled out_of_memory with top3_ok, since the log cannot prove the OOM killer). top3_ok/ambiguity
# only where the cause is genuinely between two categories (two cases here).
cases:
"""
lines = [HEADER.rstrip('\n')]
order = ['field']
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
for c in sorted(C, key=lambda c: c['name']):
    lines.append(f"  - {c['name']}")
lines.append("  tune: []")
open(f'{OUT}/labels.yaml', 'w').write('\n'.join(lines) + '\n')
for c in C:
    d = f"{OUT}/cases/{c['name']}"
    os.makedirs(d, exist_ok=True)
    open(f'{d}/stdout.log', 'w').write(c['text'])
    open(f'{d}/stderr.log', 'w').write('')
    meta = {"exit_code": None, "signal": None, "reason": None, "argv": c.get('argv', []), "ended_by": None,
            "time_limit_s": None, "source": "paste", "url": c['url'], "framework": c['framework'],
            "trimmed": c['trimmed']}
    open(f'{d}/meta.json', 'w').write(json.dumps(meta, indent=2, ensure_ascii=False) + '\n')
print(len(C))
print(collections.Counter(c['expected'] for c in C))
print(collections.Counter(c['url'].split('/')[3]+'/'+c['url'].split('/')[4] for c in C))
