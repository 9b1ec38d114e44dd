"""Round 8 of the metric parser: the shapes bench/parser_audit.py still left on the real logs under tests/data
(bracketed names and values, a banner around a header's names, two measures named by their task on one line)."""

from __future__ import annotations

import math
from pathlib import Path

from experiment_runner.runs.metrics_parse import MetricParser


def parse(text: str) -> list[dict]:
    parser = MetricParser(progress_interval_s=None)
    return parser.feed(text.encode()) + parser.flush()


def series(records: list[dict], name: str) -> list[float]:
    return [r[name] for r in records if name in r]


def test_a_name_in_brackets_before_its_value_is_read_with_its_step():
    line = (
        "2023-01-25 00:21:09.074 | INFO     | trainers.base_trainer:train_epochs:256 - [R0] | E5 iter[ 14/ 15] |"
        " [Loss] {v} | [exp] ./exp/0125/car/b40 | [step]    {s} | [url] none | [time] 0.4m (~5h) |[best] 0 -1.0x1e-2\n"
    )
    records = parse(line.format(v="51566519.44", s=89) + line.format(v="nan", s=104))
    assert [r["step"] for r in records] == [89, 104]
    assert series(records, "loss")[0] == 51566519.44 and math.isnan(series(records, "loss")[1])
    # a bracketed word that names no measure (`[best] 0`) and a value with a unit (`[time] 0.4m`) are not read
    assert not any("best" in r or "time" in r for r in records)


def test_a_bracketed_word_before_a_number_that_names_nothing_is_no_metric():
    assert parse("[INFO] 2023 started\n[rank] 3 ready\n") == []


def test_one_decimal_in_a_list_after_a_name_is_that_value():
    records = parse("step 3 loss=[0.25] acc: [0.5]\n")
    assert records == [{"step": 3, "loss": 0.25, "acc": 0.5}]


def test_a_bracketed_loss_inside_a_tqdm_description_is_read():
    bar = "EPOCH_1[3404/3405][loss: [1.1095325946807861]]: 100%|##########| 3405/3405 [16:55<00:00,  3.35it/s]\n"
    (record,) = parse(bar)
    assert record["loss"] == 1.1095325946807861


def test_a_list_of_several_values_or_of_whole_numbers_is_not_read_as_one_value():
    assert parse("weights: [0.2, 0.3]\nsizes: [512]\nids=[7]\n") == []


def test_a_header_of_comma_joined_names_inside_a_banner_names_the_row_below():
    text = (
        "*******train_loss,train_acc,valid_loss,valid_acc********** \n"
        "5.200893470219204\t2.790178544819355\t4.977107011354887\t3.6057692021131516\n"
        "Epoch: 02 | Epoch Time: 0m 57s\n"
        "*******train_loss,train_acc,valid_loss,valid_acc********** \n"
        "5.085730476038797\t2.287946455180645\t4.954357807452862\t3.6057692021131516\n"
    )
    records = parse(text)
    assert series(records, "train_loss") == [5.200893470219204, 5.085730476038797]
    assert series(records, "valid_loss") == [4.977107011354887, 4.954357807452862]
    assert series(records, "valid_acc") == [3.6057692021131516, 3.6057692021131516]


def test_two_losses_named_by_their_task_on_one_line_stay_two_measures():
    line = (
        " iteration       20/ 1000000 | consumed samples:           80 | learning rate: 2.020E-08 |"
        " lm loss: 1.005022E+01 | sop loss: 8.174902E-01 | loss scale: 32768.0 | grad norm: 217.199 |"
        " number of skipped iterations:   0 | number of nan iterations:   0 |\n"
    )
    (record,) = parse(line)
    # the first keeps the plain name, as when a log prints `lm loss` alone
    assert record["loss"] == 10.05022 and record["sop_loss"] == 0.8174902
    # a count of nan iterations is a count named as such, not a nan and not an `iterations` counter
    assert record["nan_iterations"] == 0.0 and "iterations" not in record
    assert not any(isinstance(v, float) and math.isnan(v) for v in record.values())


def test_the_same_name_twice_on_a_line_keeps_the_first_value():
    assert parse("loss: 0.5 | step 3 | loss: 0.7\n") == [{"step": 3, "loss": 0.5}]


def test_a_nan_loss_before_another_pair_is_still_a_nan():
    lines = ("loss nan grad_norm 3.1\n", "iter 5 loss nan, acc 0.3\n", "loss: nan acc: 0.5\n", "loss nan acc: 0.5\n")
    for line in (*lines, "step 3 loss nan accuracy: 0.1\n"):
        (record,) = parse(line)
        assert math.isnan(record["loss"]), line
        assert "nan_acc" not in record and "nan_accuracy" not in record, line


def test_counters_written_number_first_give_the_epoch_and_step():
    text = (
        "000 epoch, 00000 iter, average time 7.0951, loss 37.2266\n"
        "000 epoch, 02000 iter, average time 0.6359, loss -403.4386\n"
        "001 epoch, 04000 iter, average time 0.6286, loss nan\n"
    )
    records = parse(text)
    assert [r["step"] for r in records] == [0, 2000, 4000]
    assert series(records, "epoch") == [0.0, 0.0, 1.0]
    assert series(records, "loss")[:2] == [37.2266, -403.4386] and math.isnan(series(records, "loss")[2])


def test_a_count_before_a_plural_or_mid_sentence_is_no_counter():
    (record,) = parse("3 epochs, loss 0.5\n")
    assert record == {"step": None, "loss": 0.5}


# Shapes left unread on purpose: each would add a false point to a series.


def test_a_checkpoint_callbacks_best_so_far_is_not_a_second_val_loss_series():
    text = (
        "12299/12300 [============================>.] - ETA: 0s - loss: 1.6080Epoch 00001: val_loss improved from"
        " inf to 1.55635, saving model to ./backup/best_yolov2-01-1.56.weights\n"
        "12300/12300 [==============================] - 2773s 225ms/step - loss: 1.6080 - val_loss: 1.5564\n"
        "Epoch 00002: val_loss did not improve from 1.55635\n"
        "12300/12300 [==============================] - 2738s 223ms/step - loss: 1.5307 - val_loss: 1.6285\n"
    )
    records = parse(text)
    # the epoch lines' values only: the callback's best-so-far (1.55635 twice) would hide the rise
    assert series(records, "val_loss") == [1.5564, 1.6285]


def test_an_xgboost_eval_printed_after_training_is_not_placed_at_round_zero():
    text = (
        "[280]\ttrain-logloss:0.54898\tvalid-logloss:0.57184\n"
        "[299]\ttrain-logloss:0.54792\tvalid-logloss:0.57213\n"
        "final valid error [0]\tvalid-logloss:0.57212645435286691\tvalid-error:0.40000000000000002\n"
    )
    records = parse(text)
    assert [r["step"] for r in records] == [280, 299]


def test_a_bare_list_of_numbers_with_no_name_is_not_read():
    assert parse("0.6931, 0.6925, 0.6890, 0.6871, 0.6850\n0.6931 0.6925 0.6890 0.6871\n") == []


PASTES = Path(__file__).parent / "data" / "metrics"


def test_megatron_lines_from_public_threads_keep_every_loss_and_no_nan_count_as_a_counter():
    for path, extra in (
        ("pastes_r8/megatron_bridge_4024_mtp_losses.txt", {"mtp_1_loss", "mtp_2_loss", "seq_load_balancing_loss"}),
        ("pastes_r8/megatron_lm_673_dummy_loss.txt", {"dummy_loss"}),
        ("pastes_r7/megatron_bert_nccl_743_sop_loss.txt", {"sop_loss"}),
    ):
        records = [r for r in parse((PASTES / path).read_text()) if "loss" in r]
        assert records, path
        for record in records:
            assert extra <= record.keys(), (path, record)
            assert "iterations" not in record and record["nan_iterations"] == 0.0
            assert all(math.isfinite(v) for k, v in record.items() if k != "step")
