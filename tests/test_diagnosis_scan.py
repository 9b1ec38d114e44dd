"""The streaming failure scan: both engines (Hyperscan and the pure-Python fallback) find the same hits with
the same line numbers, a growing log is re-scanned from where the last scan stopped, and a flood of matching
lines stays bounded."""

from __future__ import annotations

import json

import pytest

from experiment_runner.diagnosis import scan as scan_mod
from experiment_runner.diagnosis.engines import hyperscan_available, make_engine
from experiment_runner.diagnosis.rules import RuleSet, load_rules
from experiment_runner.diagnosis.scan import scan_file, scan_text
from experiment_runner.workspace import confine

ENGINES = ["python"] + (["hyperscan"] if hyperscan_available() else [])

LOG = """config: lr=0.003 batch_size=64
epoch 1 step 10 loss 2.31
epoch 1 step 20 loss nan
/home/u/train.py:40: UserWarning: Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1])). This will likely lead to incorrect results due to broadcasting.
Traceback (most recent call last):
  File "train.py", line 88, in <module>
    out = model(x)
RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x20 and 10x5)
"""


def _summary(result):
    return {
        k: (v.count, [(h.line, h.text) for h in v.first], (v.last.line, v.last.text)) for k, v in result.hits.items()
    }


def test_every_rule_matches_its_examples_in_python_and_has_a_matching_prefilter():
    for rule in load_rules().rules:
        for example in rule.examples:
            assert rule.python_regex.search(example.encode()), (rule.id, example)
            haystack = (example.lower() if rule.caseless else example).encode()
            assert not rule.literals or any(lit in haystack for lit in rule.prefilter()), (rule.id, example)


@pytest.mark.skipif(not hyperscan_available(), reason="hyperscan is not installed (the Python engine is tested alone)")
def test_every_rule_matches_its_examples_in_hyperscan_too():
    engine = make_engine(load_rules(), "hyperscan")
    for index, rule in enumerate(load_rules().rules):
        for example in rule.examples:
            matches, _ = engine.scan(example.encode() + b"\n")
            assert index in {r for _, r in matches}, (rule.id, example)


def test_a_pattern_only_one_engine_understands_is_refused():
    bad = {"rules": [{"id": "x", "category": "y", "pattern": r"loss(?=nan)", "weight": 0.5, "examples": ["lossnan"]}]}
    with pytest.raises(ValueError, match="do not treat alike"):
        RuleSet.from_data(bad)
    upper = {
        "rules": [{"id": "x", "category": "y", "pattern": "NaN", "caseless": True, "weight": 0.5, "examples": ["NaN"]}]
    }
    with pytest.raises(ValueError, match="must be written in lowercase"):
        RuleSet.from_data(upper)


@pytest.mark.parametrize("engine", ENGINES)
def test_scan_reports_line_numbers_and_lines_of_each_rule(engine):
    result = scan_text(LOG, engine=engine)
    assert result.engine == engine
    assert result.lines == 8
    assert result.hits["matmul_shapes"].first[0].line == 8
    assert "32x20 and 10x5" in result.hits["matmul_shapes"].first[0].text
    assert result.hits["nonfinite_value"].first[0].line == 3
    assert result.hits["broadcast_warning"].last.line == 4
    assert result.hits["python_traceback"].count == 1
    assert "cuda_oom" not in result.hits


def test_both_engines_agree_on_a_mixed_log():
    if len(ENGINES) < 2:
        pytest.skip("hyperscan is not installed: only one engine to compare")
    text = (LOG * 50) + "tail line without newline: CUDA out of memory"
    python, native = (scan_text(text, engine=e) for e in ENGINES)
    assert _summary(python) == _summary(native)
    assert python.lines == native.lines == 401


@pytest.mark.parametrize("engine", ENGINES)
def test_a_growing_log_is_rescanned_from_the_last_complete_line(tmp_path, engine):
    confine.register(tmp_path)  # the scan state is written like every store file: inside a registered root
    log, state = tmp_path / "stdout.log", tmp_path / "scan.json"
    log.write_bytes(b"step 1 loss 2.0\n" * 1000 + b"step 1001 loss na")  # the last line is still being written
    first = scan_file(log, engine=engine, state_path=state)
    assert first.resumed_from == 0 and first.lines == 1001
    assert "nonfinite_value" not in first.hits  # "na" is not a NaN yet
    saved = json.loads(state.read_text())
    assert saved["offset"] == 16 * 1000  # the partial line is not committed
    with open(log, "ab") as f:
        f.write(b"n\nstep 1002 loss nan\n")
    second = scan_file(log, engine=engine, state_path=state)
    assert second.resumed_from == 16000
    assert second.bytes_read == len(b"step 1001 loss nan\nstep 1002 loss nan\n")
    assert second.hits["nonfinite_value"].first[0].line == 1001
    assert second.hits["nonfinite_value"].count == 2
    assert second.lines == 1002


@pytest.mark.parametrize("engine", ENGINES)
def test_a_replaced_or_truncated_log_is_scanned_again_from_its_start(tmp_path, engine):
    confine.register(tmp_path)
    log, state = tmp_path / "stdout.log", tmp_path / "scan.json"
    log.write_bytes(b"CUDA out of memory\n" + b"ok\n" * 100)
    scan_file(log, engine=engine, state_path=state)
    log.write_bytes(b"fine\n" * 10)  # same inode, shorter: truncated and rewritten
    again = scan_file(log, engine=engine, state_path=state)
    assert again.resumed_from == 0
    assert "cuda_oom" not in again.hits


@pytest.mark.parametrize("engine", ENGINES)
def test_blocks_are_cut_at_line_ends_so_no_match_is_lost_or_doubled(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(scan_mod, "CHUNK", 4096)  # many blocks, many cuts
    line = b"x" * 50 + b" DataLoader worker (pid 12) is killed by signal: Killed.\n"
    log = tmp_path / "stdout.log"
    log.write_bytes((b"filler line\n" * 37 + line) * 200)
    result = scan_file(log, engine=engine)
    hits = result.hits["dataloader_worker"]
    assert hits.count == 200 and hits.count_exact
    assert [h.line for h in hits.first] == [38, 76, 114]
    assert hits.last.line == 7600


@pytest.mark.skipif(not hyperscan_available(), reason="flood handling is specific to the hyperscan engine")
def test_a_flood_of_matching_lines_keeps_first_and_last_hits_and_flags_the_count(tmp_path):
    log = tmp_path / "stdout.log"
    with open(log, "wb") as f:
        f.write(b"step 0 loss 1.0\n")
        for i in range(1, 60001):
            f.write(b"step %d loss nan\n" % i)
        f.write(b"RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB\n")
    native = scan_file(log, engine="hyperscan")
    python = scan_file(log, engine="python")
    n, p = native.hits["nonfinite_value"], python.hits["nonfinite_value"]
    assert p.count == 60000 and p.count_exact
    assert not n.count_exact and n.count <= p.count
    assert (n.first[0].line, n.last.line) == (p.first[0].line, p.last.line) == (2, 60001)
    assert native.hits["cuda_oom"].count == 1 and native.hits["cuda_oom"].count_exact
    assert native.hits["cuda_oom"].last.line == 60002


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tqdm_bar_redrawn_with_carriage_returns_shows_only_the_segment_with_the_match(engine):
    text = "".join(f"\r 40%|####      | {i}/100 [00:0{i % 10}<00:10, loss=2.{i}]" for i in range(40))
    text += "\r 41%|####      | 41/100 [00:05<00:10, loss=nan]\n"
    hit = scan_text(text, engine=engine).hits["nonfinite_value"].first[0]
    assert hit.line == 1 and hit.text.startswith("41%") and hit.text.endswith("loss=nan]")
