# Writes cases/<name>/{stdout.log,stderr.log,meta.json} for the pastes in p1..p3 (text exactly as the search tool's issues index returned it).
import json, os, importlib.util
here = os.path.dirname(os.path.abspath(__file__)); cases = os.path.join(here, "..", "cases")
for f in ("p1.py", "p2.py", "p3.py"):
    spec = importlib.util.spec_from_file_location(f[:-3], os.path.join(here, f)); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for name, c in m.P.items():
        d = os.path.join(cases, name); os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "stdout.log"), "w").write(c["text"])
        open(os.path.join(d, "stderr.log"), "w").write("")
        meta = {"exit_code": c.get("exit_code"), "signal": None, "reason": None, "argv": c["argv"], "ended_by": None,
                "time_limit_s": None, "source": "paste", "url": c["url"], "trimmed": c["trimmed"]}
        json.dump(meta, open(os.path.join(d, "meta.json"), "w"), indent=2)
        print(name)
