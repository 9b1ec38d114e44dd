import json, os, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import C
OUT = '/work/blind14/pastes2'
q = lambda s: json.dumps(s, ensure_ascii=False)
HEADER = """# blind14/pastes2: a kept-aside test set of REAL PASTED training logs for diagnose_failure from frameworks outside the
# PyTorch core ecosystem (Keras/TensorFlow, PaddlePaddle, OpenMMLab mmsegmentation, AutoGluon). Built by a helper
# session that did not open the tool's code (src/experiment_runner/diagnosis/), its tests, bench, worktrees or the
# other blind14 parts, and never ran diagnose_failure, the CLI or the MCP server. It read the header of
# tests/data/diagnosis/real/labels.yaml (labelling rules), the playbook category names, blind10's format, and every
# url: / github link in tests/data/diagnosis/*/ (no thread here repeats an earlier corpus). Labelled before anything
# scored it; it is scored once.
#
# Source: logs pasted in public GitHub issue threads, as the `search` tool's issues index stored them (an excerpt of
# the thread, never rewritten; meta.json `trimmed` says what was cut, including where the stored excerpt itself ends
# mid-line). The pasted text is stdout.log; stderr.log is empty; exit_code/signal null (no paste shows one); argv
# empty (no poster gave the command). `thread_diagnosis` says what the thread found or that the excerpt found nothing.
# `decidable_from_log`: true when the log text alone shows the evidence the rationale quotes; false when the label
# rests on the thread's prose.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header), including how finite-loss failures are told
# apart. Builder: src/cases.py (logs and labels), src/build.py (writes cases/ and this file). split: all heldout.
cases:
"""
lines = [HEADER.rstrip('\n')]
for c in C:
    lines += [f"  {c['name']}:", "    source: paste", f"    url: {c['url']}", f"    framework: {c['framework']}",
              f"    expected: {c['expected']}", f"    healthy: {'true' if c['healthy'] else 'false'}",
              f"    decidable_from_log: {'true' if c['decidable_from_log'] else 'false'}"]
    if c.get('top3_ok'):
        lines += ["    top3_ok: true", f"    ambiguity: {q(c['ambiguity'])}"]
    lines.append(f"    rationale: {q(c['rationale'])}")
    lines.append(f"    thread_diagnosis: {q(c['thread_diagnosis'])}")
    if c.get('run_settings'):
        lines.append(f"    run_settings: {q(c['run_settings'])}")
lines += ["split:", "  heldout:"] + [f"  - {c['name']}" for c in sorted(C, key=lambda c: c['name'])] + ["  tune: []"]
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
print(len(C)); print(collections.Counter(c['expected'] for c in C))
print(collections.Counter(c['decidable_from_log'] for c in C))
