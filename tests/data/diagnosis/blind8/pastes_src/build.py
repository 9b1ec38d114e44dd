"""Build cases/<name>/{stdout.log,stderr.log,meta.json} and labels.yaml from cases*.py (pasted logs, verbatim excerpts)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import cases1
import cases2, cases3, cases4  # noqa: F401  (they append to cases1.CASES)
CASES = cases1.CASES

names = [c["name"] for c in CASES]
assert len(names) == len(set(names)), "duplicate case names"
urls = [c["url"] for c in CASES]
assert len(urls) == len(set(urls)), "duplicate urls"
used = set(l.split("url:", 1)[1].strip() for l in open("/tmp/used_urls.txt"))
for u in urls:
    assert u not in used, u

HEADER = """# blind8/pastes: a kept-aside, held-out test set of REAL PASTED training logs for diagnose_failure, built 2026-12-06 by a
# helper session that never read the tool's code (src/experiment_runner/diagnosis/), its tests, bench, other worktrees
# or the other half of blind8. It read only the playbook (failure_playbook.yaml, the category vocabulary), the tool's
# input fields (tools/diagnose_failure.py), the headers and url: lines of tests/data/diagnosis/{real,blind3,blind4,
# blind5,blind6,blind7}/labels.yaml (to take no thread twice; every url below was checked against them) and one case
# folder as a format example. It is kept aside: nobody tunes on it; it is scored once. Every case was labelled before
# anything scored it (diagnose_failure was never run while it was made).
#
# Source: paste only -- logs pasted in public GitHub issue threads (PyTorch core, Lightning, transformers, DeepSpeed,
# fairseq, Megatron, diffusers/accelerate trainers, nanoGPT, Ray/SLURM/cloud cluster threads and research repos written
# on PyTorch), as the `search` tool's issues index returned them: an excerpt of the thread, cut to the log and never
# rewritten (meta.json `trimmed` says what was cut; where the stored excerpt ends mid-line, that line is dropped).
# The pasted text is in stdout.log (a paste does not say which stream a line came from); stderr.log is empty. No exit
# code or signal unless the paste shows one (none does); argv only where the paste shows the command. Built by
# src/build.py from src/cases*.py. `thread_diagnosis` says what the thread found, or that the stored excerpt found
# nothing.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header), including how finite-loss failures are
# told apart (exploding_gradients / loss_not_decreasing / nan_or_inf_loss) and the categories underfitting and
# amp_loss_scale_collapse. `expected` is the cause the evidence in the log decides (a loss that grows by orders of
# magnitude and then becomes NaN is exploding_gradients). top3_ok/ambiguity only where the cause is genuinely between
# two categories (three cases here).
"""

def q(s):
    return json.dumps(s, ensure_ascii=False)

out = [HEADER, "cases:"]
for c in CASES:
    name = c["name"]
    healthy = bool(c.get("healthy", False))
    d = os.path.join(ROOT, "cases", name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "stdout.log"), "w") as f:
        f.write(c["log"])
    open(os.path.join(d, "stderr.log"), "w").close()
    meta = {"exit_code": None, "signal": None, "reason": None, "argv": c.get("argv", []),
            "ended_by": None, "time_limit_s": None, "source": "paste", "url": c["url"],
            "framework": c["framework"], "trimmed": c["trimmed"]}
    with open(os.path.join(d, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)
        f.write("\n")
    out.append(f"  {name}:")
    out.append("    source: paste")
    out.append(f"    url: {c['url']}")
    out.append(f"    framework: {c['framework']}")
    out.append(f"    expected: {c['expected']}")
    out.append(f"    healthy: {'true' if healthy else 'false'}")
    if c.get("top3_ok"):
        out.append("    top3_ok: true")
        out.append(f"    ambiguity: {q(c['ambiguity'])}")
    out.append(f"    rationale: {q(c['rationale'])}")
    out.append(f"    thread_diagnosis: {q(c['thread_diagnosis'])}")
    if c.get("run_settings"):
        out.append(f"    run_settings: {q(c['run_settings'])}")
out.append("split:")
out.append("  heldout:")
for n in names:
    out.append(f"    - {n}")
out.append("  tune: []")
with open(os.path.join(ROOT, "labels.yaml"), "w") as f:
    f.write("\n".join(out) + "\n")
from collections import Counter
print(len(CASES), Counter(c["expected"] for c in CASES))
