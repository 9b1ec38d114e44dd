"""Round 7 of the metric parser: shapes found by bench/parser_audit.py on the real logs under tests/data."""

from __future__ import annotations

import math
from pathlib import Path

from experiment_runner.runs.metrics_parse import MetricParser

DATA = Path(__file__).parent / "data" / "diagnosis"


def parse(text: str) -> list[dict]:
    parser = MetricParser(progress_interval_s=None)
    return parser.feed(text.encode()) + parser.flush()


def series(records: list[dict], name: str) -> list[float]:
    return [r[name] for r in records if name in r]


def test_a_gradient_norm_written_as_two_words_is_read_as_grad_norm():
    line = (
        " iteration      100/  500000 | elapsed time per iteration (ms): 1450.2 | learning rate: 1.500E-04 |"
        " lm loss: 8.913E+00 | loss scale: 65536.0 | grad norm: 4.561E+10 |\n"
    )
    (record,) = parse(line)
    assert record["grad_norm"] == 4.561e10
    assert record["loss"] == 8.913
    assert "norm" not in record


def test_a_phrase_whose_last_word_is_a_measure_still_reads_as_that_measure():
    (record,) = parse("reached loss 0.4\n")
    assert record == {"step": None, "loss": 0.4}


def test_a_progress_table_under_an_epoch_led_header_keeps_its_nan_loss_columns():
    text = (
        "     Epoch   gpu_mem       box       obj       cls    labels  img_size\n"
        "     0/299     3.42G   0.04207   0.06212   0.02125       150       640: 100%|##########| 8/8 [00:05<00:00]\n"
        "     Epoch   gpu_mem       box       obj       cls    labels  img_size\n"
        "     1/299     3.42G       nan       nan       nan       150       640: 100%|##########| 8/8 [00:05<00:00]\n"
    )
    records = parse(text)
    assert series(records, "epoch") == [0.0, 1.0]
    assert series(records, "box")[0] == 0.04207
    assert math.isnan(series(records, "box")[1]) and math.isnan(series(records, "obj")[1])
    # whole numbers under names that say nothing of what they measure are counts, not metrics
    assert not any("labels" in r or "img_size" in r or "gpu_mem" in r for r in records)


def test_a_table_row_of_nan_cells_is_read_under_its_header():
    text = (
        "  epoch  train_loss  valid_loss  accuracy  time\n"
        "  0  2.302  2.301  0.113  00:05\n"
        "  1  nan  nan  0.098  00:05\n"
    )
    records = parse(text)
    assert series(records, "train_loss")[0] == 2.302
    assert math.isnan(series(records, "train_loss")[1])
    assert series(records, "accuracy") == [0.113, 0.098]


def test_a_line_of_numbers_without_a_header_yields_nothing():
    assert parse("     0/299    0.489G       nan       nan       nan       nan        10       640\n") == []


def test_a_split_label_with_a_note_gives_its_names_the_split():
    log = DATA / "blind6" / "cases" / "run_lgb_oversample_before_split" / "stdout.log"
    records = parse(log.read_text())
    assert series(records, "test_auc") == [0.6387]
    assert series(records, "test_logloss") == [0.5575]


def test_a_batch_range_inside_an_epoch_is_a_position_that_keeps_growing_across_epochs():
    text = (
        "Epoch[2] Batch [300-320]\tSpeed: 6.27 samples/sec\tLoss=8.780090\n"
        "Epoch[2] Batch [320-340]\tSpeed: 6.27 samples/sec\tLoss=8.815719\n"
        "Epoch[3] Batch [20-40]\tSpeed: 6.27 samples/sec\tLoss=8.8\n"
    )
    records = parse(text)
    steps = [r["step"] for r in records]
    assert steps[:2] == [320, 340] and steps[2] > steps[1]
    assert series(records, "epoch") == [2.0, 2.0, 3.0]
    assert series(records, "loss") == [8.78009, 8.815719, 8.8]


def test_non_finite_values_in_every_printed_form_stay_non_finite():
    text = "step 10 loss nan acc NaN\nstep 11 loss inf acc -inf\nstep 12 loss Infinity acc nan%\n"
    records = parse(text)
    losses = series(records, "loss")
    assert math.isnan(losses[0]) and losses[1] == math.inf and losses[2] == math.inf
    assert series(records, "acc")[1] == -math.inf


PASTES = Path(__file__).parent / "data" / "metrics" / "pastes_r7"


def parse_file(name: str) -> list[dict]:
    return parse((PASTES / name).read_text())


def test_a_pasted_yolov5_table_gives_its_nan_losses_at_their_epoch():
    records = parse_file("yolov5_4963_nan_table.txt")
    assert len(records) == 1
    (record,) = records
    assert record["epoch"] == 1.0
    assert all(math.isnan(record[name]) for name in ("box", "obj", "cls"))


def test_megatron_iterations_are_steps_and_its_grad_norm_and_lm_loss_are_read():
    records = parse_file("megatron_llm_11_lm_loss.txt")
    assert [r["step"] for r in records] == [122, 123, 124, 125]
    assert series(records, "loss") == [2.50422, 2.493043, 2.559583, 2.477393]
    assert series(records, "grad_norm") == [0.231, 0.236, 0.242, 0.356]
    assert series(records, "learning_rate")[0] == 9.15e-06


def test_megatrons_nan_grad_norm_stays_nan_and_its_counts_keep_their_whole_names():
    records = parse_file("megatron_deepspeed_396_grad_norm_nan.txt")
    assert [r["step"] for r in records] == [5426, 5427, 5428]
    assert all(math.isnan(v) for v in series(records, "grad_norm"))
    assert series(records, "consumed_samples") == [43408.0, 43416.0, 43424.0]
    assert "samples" not in records[0] and "tokens" not in records[0]


def test_megatrons_skipped_iterations_are_a_count_of_their_own():
    records = parse_file("megatron_bert_nccl_743_sop_loss.txt")
    first = records[0]
    assert first["step"] == 10 and first["skipped_iterations"] == 10.0
    assert "loss" not in first
    last = records[-1]
    assert last["step"] == 20 and last["loss"] == 10.05022 and last["grad_norm"] == 217.199


def test_a_line_of_setup_sizes_is_dropped_and_the_measurements_around_it_are_kept():
    text = "step 1 loss 2.0\nbuilding model: in=32 hidden=256 classes=10\nstep 2 loss 1.5\nstep 3 loss 1.2\n"
    records = parse(text)
    assert [r["step"] for r in records] == [1, 2, 3]
    assert not any("hidden" in r or "classes" in r for r in records)


def test_a_single_vague_name_is_still_read():
    (record,) = parse("loss scale: 65536 | loss_scale: 65536\n")
    assert record["loss_scale"] == 65536.0
