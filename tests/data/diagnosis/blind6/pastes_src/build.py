"""Writes cases/<name>/{stdout.log,stderr.log,meta.json} and labels.yaml from cases_*.py. Run from this folder."""
import json, os, sys
from collections import Counter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases_a, cases_b, cases_c, cases_d  # noqa: F401  (each registers its cases)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = sorted(cases_a.CASES, key=lambda c: c["name"])

HEADER = """# blind6/pastes: an independent, held-aside test set of REAL PASTED training logs for diagnose_failure, built
# 2026-12-06 by a helper session that did not read the tool's code (diagnosis/), its tests, bench or other worktrees,
# nor /work/notes, /work/wt, blind5 or blind6/runs (other engineers' sets); it read only the playbook
# (prompts/failure_playbook.yaml), the tool's input fields (tools/diagnose_failure.py), the headers and url: lines of
# tests/data/diagnosis/real, blind3, blind4 labels.yaml and the url: lines of /work/blind5/pastes/labels.yaml (to take
# no thread twice), and one case folder (blind4 paste_mgfn_oom_6gb) as a format example.
# It is kept aside: nobody tunes on it; it is scored once. Every case was labelled before anything scored it
# (diagnose_failure was never run while it was made).
#
# Source: paste only. Logs pasted in public GitHub issue and pull-request threads, as the `search` tool's issues
# index returned them (an excerpt of the thread, never rewritten; meta.json `trimmed` says what was cut, including
# where a stored excerpt starts or ends inside the paste, and the two places where the decisive line is the issue
# title because the stored body holds no text output: paste_bvae_tts_loss_scale_32768_healthy and
# paste_llamafactory_safetensors_storage_full; in paste_mmdet_disk_quota_saving_checkpoint the final error line is
# appended from the title because the stored excerpt stops inside the traceback). The pasted text is in stdout.log
# (a paste does not say which stream a line came from); stderr.log is empty. No exit code or signal: no paste shows
# one (two pastes end in a shell's 'Killed', which stays in stdout.log only); `reason` only where a scheduler
# states why the job ended (one case: 'job preempted (node failure)'). argv only where the thread gives the
# command. `thread_diagnosis` says what the thread found, or that the stored excerpt found nothing. src/ holds
# the case texts (cases_*.py) and build.py, which wrote the case folders and this file.
#
# Labelling rules: those of tests/data/diagnosis/real/labels.yaml (header), including how finite-loss failures are
# told apart (exploding_gradients / loss_not_decreasing / nan_or_inf_loss) and the categories underfitting and
# amp_loss_scale_collapse. `expected` is the cause the evidence in the log decides (a process or worker killed by
# SIGKILL with no Python error is the host OOM killer, out_of_memory; a loss that becomes NaN/Inf is nan_or_inf_loss
# even where the thread blames the learning rate, unless the log shows orders-of-magnitude growth first).
# top3_ok / ambiguity only where the cause is genuinely between two categories (one case here). healthy: true means
# a diagnosis must give no finding above the report threshold.
"""

def q(s):
    return json.dumps(s, ensure_ascii=False)

def main():
    cdir = os.path.join(ROOT, "cases")
    os.makedirs(cdir, exist_ok=True)
    lines = [HEADER.rstrip("\n"), "cases:"]
    for c in CASES:
        d = os.path.join(cdir, c["name"])
        os.makedirs(d, exist_ok=True)
        log = c["log"]
        if not log.endswith("\n"):
            log += "\n"
        with open(os.path.join(d, "stdout.log"), "w") as f:
            f.write(log)
        open(os.path.join(d, "stderr.log"), "w").close()
        meta = {"exit_code": None, "signal": None, "reason": c.get("reason"), "argv": c.get("argv", []),
                "ended_by": None, "time_limit_s": None, "source": "paste", "url": c["url"],
                "framework": c["framework"], "trimmed": c["trimmed"]}
        with open(os.path.join(d, "meta.json"), "w") as f:
            json.dump(meta, f, indent=2, ensure_ascii=False)
            f.write("\n")
        lines.append(f"  {c['name']}:")
        lines.append("    source: paste")
        lines.append(f"    url: {c['url']}")
        lines.append(f"    framework: {q(c['framework'])}")
        lines.append(f"    expected: {c['expected']}")
        lines.append(f"    healthy: {'true' if c['healthy'] else 'false'}")
        if c.get("top3_ok"):
            lines.append("    top3_ok: true")
            lines.append(f"    ambiguity: {q(c['ambiguity'])}")
        lines.append(f"    rationale: {q(c['rationale'])}")
        lines.append(f"    thread_diagnosis: {q(c['thread_diagnosis'])}")
        if c.get("run_settings"):
            lines.append(f"    run_settings: {q(c['run_settings'])}")
    lines.append("split:")
    lines.append('  method: "all held out: this set is a once-only yardstick, nothing in it is for tuning"')
    lines.append("  heldout:")
    for c in CASES:
        lines.append(f"  - {c['name']}")
    lines.append("  tune: []")
    with open(os.path.join(ROOT, "labels.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    cnt = Counter(c["expected"] for c in CASES)
    print(len(CASES), dict(sorted(cnt.items())))

if __name__ == "__main__":
    main()
