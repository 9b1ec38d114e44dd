"""Writes cases/<name>/{stdout.log,stderr.log,meta.json} for every paste in pastes_a.py / pastes_b.py.
The pasted text goes to stdout.log as pasted (the paste does not say which stream each line came from);
stderr.log is empty. No exit code or signal: a paste has none unless it shows one."""
import json, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import pastes_c  # noqa: F401  (imports pastes_a, pastes_b and appends)
from pastes_a import PASTES
names = [p["name"] for p in PASTES]
assert len(names) == len(set(names)), "duplicate case name"
for p in PASTES:
    d = HERE.parent / "cases" / p["name"]
    d.mkdir(parents=True, exist_ok=True)
    (d / "stdout.log").write_text(p["text"], encoding="utf-8")
    (d / "stderr.log").write_text("", encoding="utf-8")
    meta = {"exit_code": None, "signal": None, "reason": None, "argv": p["argv"], "ended_by": None,
            "time_limit_s": None, "source": "paste", "url": p["url"], "framework": p["framework"],
            "trimmed": p["trimmed"]}
    (d / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(len(PASTES), "pastes written")
