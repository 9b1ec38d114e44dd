"""Build cases/<name>/{stdout.log,stderr.log,meta.json} and labels.yaml from pastes_*.py (CASES lists)."""
import json, os, sys, importlib, textwrap
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

HEADER = open(os.path.join(HERE, "header.txt")).read()

def main():
    cases = []
    for mod in sorted(f[:-3] for f in os.listdir(HERE) if f.startswith("pastes_") and f.endswith(".py")):
        cases += importlib.import_module(mod).CASES
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate names"
    urls = [c["url"] for c in cases]
    assert len(urls) == len(set(urls)), "duplicate urls"
    out = {}
    for c in cases:
        assert c["name"].startswith("paste_")
        d = os.path.join(ROOT, "cases", c["name"])
        os.makedirs(d, exist_ok=True)
        log = c["log"].strip("\n") + "\n"
        open(os.path.join(d, "stdout.log"), "w").write(log)
        open(os.path.join(d, "stderr.log"), "w").write("")
        meta = {"exit_code": c.get("exit_code"), "signal": c.get("signal"), "reason": c.get("reason"),
                "argv": c.get("argv", []), "ended_by": None, "time_limit_s": None, "source": "paste",
                "url": c["url"], "framework": c["framework"], "trimmed": c["trimmed"]}
        json.dump(meta, open(os.path.join(d, "meta.json"), "w"), indent=2)
        e = {"source": "paste", "url": c["url"], "framework": c["framework"], "expected": c["expected"]}
        if c.get("top3_ok"):
            e["top3_ok"] = True
            e["ambiguity"] = c["ambiguity"]
        e["healthy"] = c["expected"] == "healthy"
        e["rationale"] = c["rationale"]
        e["thread_diagnosis"] = c["thread_diagnosis"]
        if c.get("run_settings"):
            e["run_settings"] = c["run_settings"]
        out[c["name"]] = e
    body = yaml.safe_dump({"cases": out}, sort_keys=False, allow_unicode=True, width=120)
    split = yaml.safe_dump({"split": {"heldout": sorted(out), "tune": []}}, sort_keys=False)
    open(os.path.join(ROOT, "labels.yaml"), "w").write(HEADER + body + split)
    from collections import Counter
    print(len(out), Counter(e["expected"] for e in out.values()))

main()
