"""List every recorded value and computed statistic of a case within a tolerance of a number (scaled x1, x100)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from make_data import CASES, DATA, load, analyse
import numpy as np

def pool(case):
    rows = load([p for p in DATA.glob(case["id"] + "_*") if not p.name.endswith(".plan.json")][0])
    out = {}
    for r in rows:
        for k, v in r.items():
            if isinstance(v, (int, float)) and v is not None and k != "seed":
                out[f"{r['method']}/{r['seed']}/{k}"] = v
    for m, (dec, hib) in case["metrics"].items():
        c = analyse(dict(case, primary=m, hib=hib), rows)
        for a, d in c["_d"].items():
            for k in ("mean", "std", "sem", "min", "max", "median"):
                out[f"{a}/{m}/{k}"] = d[k]
            out[f"{a}/{m}/ci_lo"], out[f"{a}/{m}/ci_hi"] = d["ci"]
            out[f"{a}/{m}/n"] = d["n"]
        for a, k in c.items():
            if a.startswith("_"): continue
            for kk in ("diff", "welch_p", "student_p", "mw_p", "p_adj", "hedges_g", "welch_t", "mw_u"):
                out[f"{a}-base/{m}/{kk}"] = k[kk]
            for kk in ("diff_ci_welch", "diff_ci_boot"):
                out[f"{a}-base/{m}/{kk}_lo"], out[f"{a}-base/{m}/{kk}_hi"] = k[kk]
    return out

if __name__ == '__main__':
    cid, x = sys.argv[1], float(sys.argv[2])
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
    case = [c for c in CASES if c["id"] == cid][0]
    for k, v in pool(case).items():
        for s in (1, 100):
            if v is not None and np.isfinite(v) and abs(abs(v * s) - abs(x)) <= tol * max(1, abs(x)) * 0.01 * 100 / 100:
                print(f"{k} = {v} (x{s})")
