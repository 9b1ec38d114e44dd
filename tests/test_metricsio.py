"""metrics.jsonl encoding: the batch encoder the supervisor uses gives exactly encode_record's text for every
record, whatever its values; and what it writes reads back as the stored records."""

from __future__ import annotations

import json
import math
import random

import pytest

from experiment_runner.runs.metricsio import encode_record, encode_records


def _records(seed: int, n: int = 5000):
    rng = random.Random(seed)
    values = [
        0.0,
        -0.0,
        1e-300,
        3e-4,
        0.5,
        2.0,
        math.nan,
        math.inf,
        -math.inf,
        7,
        True,
        "nan",
        "-inf",
        "0.25",
        "junk",
        None,
        [1.0],
        10**20,
    ]
    names = ["loss", "acc", "lr", "val/loss", 'we"ird', "naïve", "a\\b", "x y", "grad_norm"]
    shapes = [tuple(rng.sample(names, rng.randint(1, 4))) for _ in range(12)]
    for i in range(n):
        shape = rng.choice(shapes)
        r = {}
        step_roll = rng.random()
        if step_roll < 0.8:
            r["step"] = i
        elif step_roll < 0.85:
            r["step"] = float(i)
        elif step_roll < 0.87:
            r["step"] = 2.5
        for k in shape:
            r[k] = rng.random() * 10 if rng.random() < 0.8 else rng.choice(values)
        if rng.random() < 0.03:
            r["time"] = 1_700_000_000.25
        if rng.random() < 0.01:
            r = {"step": i}  # nothing to store
        yield r


@pytest.mark.parametrize("seed", range(4))
def test_the_batch_encoder_gives_encode_records_text_for_every_record(seed):
    records = list(_records(seed))
    for start in range(0, len(records), 50):
        chunk = records[start : start + 50]
        lines, kept = encode_records(chunk, "stdout", "1700000000.123456")
        expected = [encode_record(r, "stdout", "1700000000.123456") for r in chunk]
        assert lines == expected
        assert kept == all(line is not None for line in expected)
    assert any(line is None for line in (encode_record(r, "stdout", "1.0") for r in records))


def test_batch_lines_are_json_with_the_reserved_keys_first():
    lines, kept = encode_records([{"step": 3, "loss": 0.5, "val/loss": math.nan}, {"acc": 0.25}], "stderr", "12.500000")
    assert kept
    first, second = (json.loads(line) for line in lines)
    assert list(first) == ["step", "time", "source", "loss", "val/loss"]
    assert first == {"step": 3, "time": 12.5, "source": "stderr", "loss": 0.5, "val/loss": "nan"}
    assert second == {"step": None, "time": 12.5, "source": "stderr", "acc": 0.25}
