"""Self-check: list the numbers of a report that trace to no recorded value or statistic of its results file
(within the rounding the report prints, raw or x100). Setup numbers (hyperparameters, sizes) show up too; read them."""
import re, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from make_data import CASES
from near import pool

NUM = re.compile(r"(?<![\w.])[-+−]?\d+(?:,\d{3})*(?:\.\d+)?")

def check(case, md):
    vals = [v for v in pool(case).values() if v is not None and v == v]
    vals += [abs(v) for v in vals]
    extra = []
    for k, v in pool(case).items():
        if k.endswith("/diff"):
            base = [vv for kk, vv in pool(case).items() if kk.endswith(f"{case['baseline']}/{k.split('/')[1]}/mean")]
            if base: extra.append(abs(v) / base[0] * 100)
    vals += extra + [0.05, 95]
    out = []
    for i, line in enumerate(md.splitlines(), 1):
        if not any(t in line for t in ('±', 'p =', 'p <', 'CI', '|', '\\pm', 'points', '%')):
            continue
        for m in NUM.finditer(line):
            tok = m.group().replace("−", "-").replace(",", "")
            x = float(tok)
            dec = len(tok.split(".")[1]) if "." in tok else 0
            tol = 0.5 * 10 ** (-dec) + 1e-9
            ok = any(abs(abs(x) - abs(v) * s) <= tol for v in vals for s in (1, 100))
            if not ok:
                out.append((i, m.group(), line.strip()[:100]))
    return out

if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for case in CASES:
        md = (root / f"{case['id']}_{case['slug']}.md")
        if not md.exists():
            continue
        bad = check(case, md.read_text())
        print(f"== {md.name}: {len(bad)} untraced")
        for b in bad:
            print(f"   L{b[0]}: {b[1]!r:10} | {b[2]}")
