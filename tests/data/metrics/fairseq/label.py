"""Writes labels.json from stdout.txt with fairseq's two formats only (run once, before the parser was tuned)."""

import json
import re

series = {}
for line in open("stdout.txt"):
    if re.search(r"epoch \d+:\s+\d+ / \d+", line):
        pairs = re.findall(r"(\w+)=([\d.e+-]+)%?", line)
    else:
        pairs = re.findall(r"\| (\w+) ([\d.e+-]+)%?", line)
    d = {k: float(v) for k, v in pairs}
    step = int(d.pop("num_updates"))
    for k, v in d.items():
        series.setdefault(k, []).append([step, v])
skip = ("bsz", "best", "oom", "epoch")
json.dump(
    {
        "source": "labelled from the text by fairseq's two formats (key=value progress lines, '| key value' "
        "summaries), before tuning; issues 940 and 514",
        "series": {k: v for k, v in series.items() if k not in skip},
        "steps_known": sorted(k for k in series if k not in skip),
        "also_ok": list(skip),
        "never": [],
    },
    open("labels.json", "w"),
    indent=1,
)
