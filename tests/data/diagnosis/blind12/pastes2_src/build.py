import json, os, collections, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases2
C = cases2.C
OUT = '/work/blind12/pastes2'
for c in C:
    if c['url'].startswith('https://github.com/ultralytics/'):
        c['framework'] = 'ultralytics'
q = lambda s: json.dumps(s, ensure_ascii=False)
HEADER = """# blind12/pastes2: a kept-aside test set of REAL PASTED training logs for diagnose_failure (frameworks outside the
# PyTorch core ecosystem), built 2026-12-07 by a helper session that did not open the tool's code
# (src/experiment_runner/diagnosis/), its tests, bench, any /work/wt worktree or the other blind12 parts, and never ran
# diagnose_failure, the CLI or the MCP server. It read only the header of tests/data/diagnosis/real/labels.yaml (the
# labelling rules), the url: lines of every tests/data/diagnosis/*/labels.yaml (real, blind3..blind11, variants; no
# thread is taken twice) and blind10 as the format model. Kept aside: nobody tunes on it; it is scored once; every case
# was labelled before anything scored it.
#
# Source: logs pasted in public GitHub issue threads, as the `search` tool's issues index returned them (an excerpt of
# the thread, cut to the pasted log, never rewritten; meta.json `trimmed` says what was cut, including where the stored
# excerpt ends mid-line, shows two fragments of one paste, or where Markdown quote markers '> ' were removed).
# Frameworks: Keras/TF, mmdetection, detectron2, ESPnet, MXNet/GluonCV, LightGBM (CLI and SynapseML/Spark), XGBoost,
# CatBoost. The pasted text is in stdout.log; stderr.log is empty; no exit code or signal (a paste has none); argv only
# where the poster gave the command. `thread_diagnosis` says what the thread found, or that the stored excerpt found
# nothing.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header): the three finite-loss rules
# (exploding_gradients / loss_not_decreasing / nan_or_inf_loss) and new_categories. `expected` is the cause the
# evidence in the log decides; glibc/tcmalloc aborts ('free(): invalid pointer', 'double free or corruption',
# 'corrupted size vs. prev_size', 'Signal: Aborted (6)') are process_crash. top3_ok/ambiguity only where the cause is
# genuinely between two categories (one case here).
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
