import json, os, sys, yaml
sys.path.insert(0, os.path.dirname(__file__))
from cases1 import CASES as C1
from cases2 import CASES as C2
from cases3 import CASES as C3
from labels_src import L
C = {**C1, **C2, **C3}
assert set(C) == set(L), set(C) ^ set(L)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
order = list(C)
cases_out = {}
for name in order:
    c, l = C[name], L[name]
    d = os.path.join(root, "cases", name); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "stdout.log"), "w").write(c["log"])
    open(os.path.join(d, "stderr.log"), "w").write("")
    meta = {"exit_code": None, "signal": None, "reason": None, "argv": c.get("argv", []),
            "ended_by": None, "time_limit_s": None, "source": "paste", "url": c["url"],
            "framework": c["framework"], "trimmed": c["trimmed"]}
    json.dump(meta, open(os.path.join(d, "meta.json"), "w"), indent=2, ensure_ascii=False)
    e = {"source": "paste", "url": c["url"], "framework": c["framework"], "expected": l["expected"],
         "healthy": l["expected"] == "healthy"}
    if l["ambiguity"]:
        e["top3_ok"] = True; e["ambiguity"] = l["ambiguity"]
    e["decidable_from_log"] = l["decidable"]
    e["rationale"] = l["rationale"]; e["thread_diagnosis"] = l["thread_diagnosis"]
    if l["run_settings"]: e["run_settings"] = l["run_settings"]
    cases_out[name] = e
header = open(os.path.join(root, "src", "header.txt")).read()
body = yaml.safe_dump({"cases": cases_out}, sort_keys=False, allow_unicode=True, width=115)
split = yaml.safe_dump({"split": {"heldout": order, "tune": []}}, sort_keys=False, width=115)
open(os.path.join(root, "labels.yaml"), "w").write(header + "\n" + body + "\n" + split)
from collections import Counter
print(len(order), Counter(L[n]["expected"] for n in order), Counter(L[n]["decidable"] for n in order))
