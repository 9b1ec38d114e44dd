"""Metric parsing from run output: one test per style, from logs written here with the noise real logs have."""

from __future__ import annotations

import importlib.util
import math
import random

import pytest

from experiment_runner.runs.metrics_parse import MetricParser, normalise_name, record_from_mapping
from tests.conftest import DATA


def parse(log: bytes | str, **kw) -> list[dict]:
    if isinstance(log, str):
        log = log.encode()
    p = MetricParser(**kw)
    return p.feed(log) + p.flush()


def parse_in_chunks(log: bytes, sizes, **kw) -> list[dict]:
    p = MetricParser(**kw)
    out, pos = [], 0
    for size in sizes:
        if pos >= len(log):
            break
        out += p.feed(log[pos : pos + size])
        pos += size
    out += p.feed(log[pos:])
    return out + p.flush()


# Lines that look a bit like metrics and must never become one.
NOISE = """\
2024-05-01 12:30:45,123 - INFO - Starting training on host gpu-node-03 (pid 48213)
Python 3.11.4 (main, Jun  7 2023, 10:13:09) [GCC 11.3.0] on linux x86_64
torch==2.1.0+cu121, transformers 4.36.2, numpy version: 1.26.2
Using device: cuda:0, 4 GPUs available
/usr/lib/python3.11/site-packages/torch/utils/data/dataloader.py:557: UserWarning: This DataLoader will create 8 worker processes in total. Our suggested max number of worker in current system is 4.
  warnings.warn(_create_warning_msg(
Downloading https://download.pytorch.org/models/resnet50-0676ba61.pth?lr=0.1&step=3 to /root/.cache/torch/hub/checkpoints/resnet50-0676ba61.pth
100.0%
Loading model resnet50 from /data/run_3/epoch=5-step=1000.ckpt
Saving checkpoint epoch=5-step=1000.ckpt
config: seed=42 hidden=64 lr=0.01 epochs=10
Namespace(batch_size=128, epochs=10, lr=0.1, momentum=0.9, seed=1)
Command: python train.py --lr 0.1 --epochs=10 --batch-size 128
Date: 2024-05-01 at 12:30:45, version: v1.2.3, build 2024.05.01
[rank0]: world_size=4 rank: 0 local_rank=0 port=29500
Error: 5 files failed to load
Traceback (most recent call last):
  File "/home/user/project/train.py", line 42, in <module>
    main()
  File "/home/user/project/train.py", line 17, in main
    loss = model(batch)
RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 39.59 GiB total capacity; 37.12 GiB already allocated)
[W socket.cpp:663] [c10d] The client socket has failed to connect to [localhost]:29500 (errno: 99 - Cannot assign requested address).
Some weights of BertModel were not initialized from the model checkpoint at bert-base-uncased and are newly initialized
ETA: 0:01:23 elapsed 00:02
"""


def test_noise_lines_never_become_metrics():
    assert parse(NOISE) == []
    assert parse(NOISE.replace("\n", "\r\n")) == []


def test_key_value_lines_give_one_record_each_with_every_pair_and_the_step():
    log = (
        NOISE
        + (
            "step=10 loss=0.4213 lr=3e-4 acc=0.875\n"
            "2024-05-01 12:31:02 INFO step=20, loss=0.3990, lr=2.5e-04, grad_norm=1.5\n"
            "[train] epoch=1 iter=30 loss = 0.3512 top1=71.2%\n"
        )
        + NOISE
    )
    assert parse(log) == [
        {"step": 10, "loss": 0.4213, "lr": 3e-4, "acc": 0.875},
        {"step": 20, "loss": 0.399, "lr": 2.5e-4, "grad_norm": 1.5},
        {"step": 30, "epoch": 1.0, "loss": 0.3512, "top1": 71.2},
    ]


def test_key_colon_value_lines_need_a_blank_after_the_colon_and_mnist_lines_get_steps_and_accuracy():
    log = NOISE + (
        "Epoch: 2 | Loss: 0.2310 | Acc: 91.20% | LR: 1.0e-03\n"
        "step: 500, val_loss: 0.3001, val_acc: 0.8899\n"
        "cuda:0 loss:0.5 ratio:3\n"  # no blank after ':' -> not key: value
        "Train Epoch: 1 [0/60000 (0%)]\tLoss: 2.300000\n"
        "Test set: Average loss: 0.0331, Accuracy: 9897/10000 (99%)\n"
    )
    assert parse(log) == [
        {"step": None, "epoch": 2.0, "loss": 0.231, "acc": 91.2, "lr": 1e-3},
        {"step": 500, "val_loss": 0.3001, "val_acc": 0.8899, "epoch": 2.0},
        # `[n/N]` inside an epoch is the position (a new epoch numbering starts at 1 here), and the test line,
        # about the test split, sits at the end of its epoch with its accuracy as a fraction
        {"step": 0, "epoch": 1.0, "loss": 2.3},
        {"step": 60000, "test_average_loss": 0.0331, "test_accuracy": 0.9897, "epoch": 1.0},
    ]


def test_word_then_number_counts_only_for_metric_words():
    log = NOISE + (
        "loss 0.42 acc 0.91\n"
        "step 120 loss 0.3871 ppl 48.1 lr 6e-4\n"
        "Using 4 GPUs\n"
        "line 42 of 100\n"
        "Python 3.11\n"
        "Processed 1000 samples in 12.5 s\n"
        "the final loss 0.25\n"
    )
    assert parse(log) == [
        {"step": None, "loss": 0.42, "acc": 0.91},
        {"step": 120, "loss": 0.3871, "ppl": 48.1, "lr": 6e-4},
        {"step": None, "final_loss": 0.25},
    ]


def test_json_lines_flatten_nested_keys_and_read_nan_and_inf():
    log = (
        NOISE
        + '{"step": 10, "loss": 0.3, "train": {"acc": 0.5, "grad": {"norm": 1.25}}, "tag": "warmup", "ok": true}\n'
        + '{"level": "info", "msg": "checkpoint saved", "time": 1714567890.5, "pid": 4242}\n'
        + '{"global_step":20,"loss":NaN,"val/loss":"inf","lr":1e-05}\n'
        + '2024-05-01 12:00:00 {"iteration": 30, "Val Loss": 0.4}\n'
    )
    records = parse(log)
    assert records[0] == {"step": 10, "loss": 0.3, "train/acc": 0.5, "train/grad/norm": 1.25}
    assert records[1]["step"] == 20 and math.isnan(records[1]["loss"]) and records[1]["val/loss"] == math.inf
    assert records[1]["lr"] == 1e-5
    assert records[2] == {"step": 30, "val_loss": 0.4}
    assert len(records) == 3


def test_huggingface_trainer_dict_lines_with_single_quotes():
    log = NOISE + (
        "  5%|▌         | 50/1000 [00:10<03:10,  5.00it/s]\n"
        "{'loss': 0.5123, 'grad_norm': 3.21, 'learning_rate': 4.9e-05, 'epoch': 0.02}\n"
        "{'loss': nan, 'grad_norm': inf, 'learning_rate': 4.8e-05, 'epoch': 0.04}\n"
        "{'eval_loss': 0.4011, 'eval_accuracy': 0.8811, 'eval_runtime': 12.3, 'eval_samples_per_second': 81.2, "
        "'epoch': 1.0}\n"
        "{'train_runtime': 600.1, 'train_samples_per_second': 53.3, 'train_loss': 0.4512, 'epoch': 3.0}\n"
    )
    records = parse(log)
    assert records[0] == {"step": None, "loss": 0.5123, "grad_norm": 3.21, "learning_rate": 4.9e-05, "epoch": 0.02}
    assert math.isnan(records[1]["loss"]) and records[1]["grad_norm"] == math.inf
    assert records[2]["eval_loss"] == 0.4011 and records[2]["eval_accuracy"] == 0.8811 and records[2]["epoch"] == 1.0
    assert records[3]["train_loss"] == 0.4512
    assert len(records) == 4


def tqdm_epoch(epoch: int, n: int = 100) -> str:
    """What tqdm writes for one epoch with a postfix: \\r before each refresh, \\n at close."""
    parts = []
    for i in range(1, n + 1):
        pct = i * 100 // n
        bar = "#" * (pct // 10) + " " * (10 - pct // 10)
        loss = 1.0 / (epoch * n + i)
        parts.append(
            f"\rEpoch {epoch}: {pct:3d}%|{bar}| {i}/{n} [00:0{i // 40}<00:0{(n - i) // 40}, 18.2it/s, "
            f"loss={loss:.3g}, acc=0.{50 + i // 10}]"
        )
    return "".join(parts) + "\n"


def test_tqdm_postfix_gives_the_last_update_of_each_bar_only_at_its_global_step():
    log = (
        NOISE
        + "Training starts\n"
        + tqdm_epoch(1)
        + "Validation done\n"
        + tqdm_epoch(2)
        + (
            "Loading checkpoint shards: 100%|██████████| 2/2 [00:03<00:00,  1.50s/it]\n"  # no postfix: nothing
            "\rdownloading: 45it [00:02, 18.2it/s, loss=0.812]\n"  # unknown total
        )
    )
    assert parse(log, progress_interval_s=None) == [
        {"step": 100, "loss": float(f"{1.0 / 200:.3g}"), "acc": 0.6, "epoch": 1.0},
        {"step": 200, "loss": float(f"{1.0 / 300:.3g}"), "acc": 0.6, "epoch": 2.0},
        {"step": None, "loss": 0.812, "epoch": 2.0},  # no total: no position
    ]


def test_a_bar_cleared_before_the_next_line_still_reports_its_last_update():
    # tqdm(leave=False) erases itself with blanks; then the script prints a summary over it
    log = tqdm_epoch(1).rstrip("\n") + "\r" + " " * 80 + "\r" + "epoch 1 done\n"
    assert parse(log, progress_interval_s=None) == [
        {"step": 100, "loss": float(f"{1.0 / 200:.3g}"), "acc": 0.6, "epoch": 1.0}
    ]


def test_a_long_running_bar_reports_its_latest_update_at_most_once_per_interval():
    clock = [0.0]
    p = MetricParser(progress_interval_s=5.0, clock=lambda: clock[0])
    records = []
    for i in range(1, 301):  # 30 s of updates at 10 Hz, the bar never closes
        clock[0] = i / 10
        records += p.feed(
            f"\rEpoch 1:  {i // 3}%|#  | {i}/900 [00:{i // 10:02d}<01:00, 10.0it/s, loss={1 / i:.6f}]".encode()
        )
    assert 5 <= len(records) <= 7
    assert all(r["epoch"] == 1.0 for r in records)
    losses = [r["loss"] for r in records]
    assert losses == sorted(losses, reverse=True)
    # the bar's end gives its final update, once
    records = p.feed(b"\n") + p.flush()
    assert records == [{"step": 300, "loss": round(1 / 300, 6), "epoch": 1.0}]


def test_lightning_progress_lines_keep_the_postfix_metrics_and_drop_v_num():
    log = NOISE + (
        "GPU available: True (cuda), used: True\n"
        "  | Name  | Type   | Params\n"
        "0 | model | ResNet | 11.2 M\n"
        "Sanity Checking DataLoader 0: 100%|██████████| 2/2 [00:00<00:00, 12.01it/s]\n"
        "\rEpoch 3:  50%|█████     | 25/50 [00:00<00:00, 35.20it/s, v_num=0, train_loss_step=0.250]"
        "\rEpoch 3: 100%|██████████| 50/50 [00:01<00:00, 35.20it/s, v_num=0, train_loss_step=0.231, val_loss=0.300, "
        "val_acc=0.910, train_loss_epoch=0.245]\n"
        "Epoch 3, global step 200: 'val_loss' reached 0.30000 (best 0.30000), saving model to "
        "'/ckpt/epoch=3-step=200.ckpt' as top 1\n"
    )
    assert parse(log, progress_interval_s=None) == [
        {
            "step": 50,  # the bar's position in the first epoch seen
            "train_loss_step": 0.231,
            "val_loss": 0.3,
            "val_acc": 0.91,
            "train_loss_epoch": 0.245,
            "epoch": 3.0,
        }
    ]


def test_keras_epoch_header_is_attached_and_dynamic_progress_shows_only_its_end():
    def progbar(epoch_loss):
        steps = []
        for i in (10, 30, 50):
            done = "=" * (i * 30 // 50 - 1) + (">" if i < 50 else "=")
            steps.append(
                f"{i:2d}/50 [{done:.<30}] - ETA: {(50 - i) // 20}s - loss: {epoch_loss + (50 - i) / 1000:.4f} - "
                f"accuracy: 0.8{i // 10}00"
            )
        # Keras erases the previous display with backspaces and a carriage return
        out = ""
        for j, s in enumerate(steps):
            out += ("\b" * len(steps[j - 1]) + "\r" if j else "") + s
        return out + f" - val_loss: {epoch_loss + 0.05:.4f} - val_accuracy: 0.8900\n"

    log = (
        NOISE
        + "Epoch 1/10\n"
        + progbar(0.4)
        + "Epoch 2/10\n"
        + progbar(0.3)
        + (
            "50/50 [==============================] - 1s 12ms/step - loss: 0.2310 - accuracy: 0.9100 - val_loss: "
            "0.3000 - val_accuracy: 0.8900\n"
            "Epoch 3: val_loss improved from 0.35000 to 0.30000, saving model to model.h5\n"
            "Epoch 4/10\n"
            "50/50 ━━━━━━━━━━━━━━━━━━━━ 1s 12ms/step - accuracy: 0.9200 - loss: 0.2100\n"
        )
    )
    assert parse(log) == [
        # `n/N` first on the line is the batch in the epoch: the global step is (epoch - 1) * N + n
        {"step": 50, "loss": 0.4, "accuracy": 0.85, "val_loss": 0.45, "val_accuracy": 0.89, "epoch": 1.0},
        {"step": 100, "loss": 0.3, "accuracy": 0.85, "val_loss": 0.35, "val_accuracy": 0.89, "epoch": 2.0},
        {"step": 100, "loss": 0.231, "accuracy": 0.91, "val_loss": 0.3, "val_accuracy": 0.89, "epoch": 2.0},
        {"step": 200, "accuracy": 0.92, "loss": 0.21, "epoch": 4.0},
    ]


def test_nanogpt_iteration_and_evaluation_lines():
    log = NOISE + (
        "tokens per iteration will be: 491,520\n"
        "found vocab_size = 65 (inside data/shakespeare_char/meta.pkl)\n"
        "number of parameters: 10.65M\n"
        "step 0: train loss 4.2874, val loss 4.2823\n"
        "iter 0: loss 4.2654, time 29130.57ms, mfu -100.00%\n"
        "iter 10: loss 3.2100, time 45.12ms, mfu 12.34%\n"
        "step 250: train loss 2.1000, val loss 2.2000\n"
        "saving checkpoint to out-shakespeare-char\n"
        "iter 260: loss nan, time 44.90ms, mfu 12.40%\n"
    )
    records = parse(log)
    assert records[:4] == [
        {"step": 0, "train_loss": 4.2874, "val_loss": 4.2823},
        {"step": 0, "loss": 4.2654},  # `mfu -100.00%` is nanoGPT's placeholder before it has measured anything
        {"step": 10, "loss": 3.21, "mfu": 12.34},
        {"step": 250, "train_loss": 2.1, "val_loss": 2.2},
    ]
    assert records[4]["step"] == 260 and math.isnan(records[4]["loss"]) and records[4]["mfu"] == 12.4
    assert len(records) == 5


def test_ansi_colour_codes_are_removed_before_parsing():
    log = (
        "\x1b[32m2024-05-01 12:00:00\x1b[0m | \x1b[1mINFO    \x1b[0m | train:42 - step=\x1b[36m5\x1b[0m "
        "\x1b[1mloss\x1b[0m=0.5\n"
        "\x1b[2K\x1b[1A\x1b[33mwarning\x1b[0m: cuda:0 is busy\n"
    )
    assert parse(log) == [{"step": 5, "loss": 0.5}]


def test_names_are_normalised_the_same_way_in_every_style_without_merging_synonyms():
    log = (
        "Val Loss: 0.30 val-acc: 0.9 val_accuracy: 0.91\n"
        '{"Val Loss": 0.31, "VAL_ACC": 0.92, "train/Loss": 1.5}\n'
        "validation loss 0.32\n"
    )
    records = parse(log)
    assert records == [
        {"step": None, "val_loss": 0.3, "val_acc": 0.9, "val_accuracy": 0.91},
        {"step": None, "val_loss": 0.31, "val_acc": 0.92, "train/loss": 1.5},
        {"step": None, "validation_loss": 0.32},
    ]
    assert normalise_name("  Train--Loss ") == "train_loss"


def test_values_in_every_notation():
    log = "a_loss=1e-3 b_loss=-2.5E+2 c_loss=.5 d_loss=NaN e_loss=-inf f_loss=Infinity acc=97.5% lr=tensor(0.0010)\n"
    (record,) = parse(log)
    assert record["a_loss"] == 1e-3 and record["b_loss"] == -250 and record["c_loss"] == 0.5
    assert math.isnan(record["d_loss"]) and record["e_loss"] == -math.inf and record["f_loss"] == math.inf
    assert record["acc"] == 97.5 and record["lr"] == 0.001


def test_step_is_the_highest_ranked_step_name_and_stays_none_without_one():
    assert parse("iter=7 step=100 global_step=4000 loss=0.1\n") == [{"step": 4000, "iter": 7.0, "loss": 0.1}]
    (record,) = parse("loss=0.1 acc=0.5\n")
    assert record["step"] is None
    (record,) = parse("Step 100/1000 | loss 0.5\n")
    assert record == {"step": 100, "loss": 0.5}
    (record,) = parse("step=12.5 loss=0.1\n")  # not an integer: no step
    assert record == {"step": None, "loss": 0.1}


def test_windows_line_ends_give_the_same_records():
    log = "step=1 loss=0.5\nEpoch 2/3\nloss: 0.25 - acc: 0.9\n"
    assert (
        parse(log.replace("\n", "\r\n"))
        == parse(log)
        == [
            {"step": 1, "loss": 0.5},
            {"step": None, "loss": 0.25, "acc": 0.9, "epoch": 2.0},
        ]
    )


def test_a_line_split_across_feeds_is_parsed_once_whole_and_flush_takes_the_unfinished_last_line():
    p = MetricParser()
    assert p.feed(b"step=1 lo") == []
    assert p.feed(b"ss=0.5\nstep=2 loss=") == [{"step": 1, "loss": 0.5}]
    assert p.feed(b"0.4") == []
    assert p.flush() == [{"step": 2, "loss": 0.4}]
    assert p.flush() == []


def test_any_chunking_of_a_mixed_log_gives_the_same_records():
    parts = [*NOISE.splitlines()[:8], tqdm_epoch(1, 30) + "step=5 loss=0.5", '{"step": 6, "loss": 0.4}', "Epoch 2/3"]
    parts += ["50/50 [====] - 1s - loss: 0.3000", "iter 7: loss 0.2, mfu 3.1%"]
    log = ("\n".join(parts) + "\n").encode()
    whole = parse(log, progress_interval_s=None)
    assert len(whole) == 5
    rng = random.Random(7)
    for _ in range(20):
        sizes = [rng.randint(1, 40) for _ in range(len(log))]
        assert parse_in_chunks(log, sizes, progress_interval_s=None) == whole
    assert parse_in_chunks(log, [1] * len(log), progress_interval_s=None) == whole


def test_an_overlong_line_is_dropped_without_holding_it_in_memory():
    p = MetricParser()
    for _ in range(200):
        assert p.feed(b"x" * 10_000) == []
    assert len(p._pending) <= 1 << 16
    assert p.feed(b" loss=1.0\nloss=0.5\n") == [{"step": None, "loss": 0.5}]


def test_record_from_mapping_reads_the_metrics_helper_lines():
    assert record_from_mapping({"time": 1.5, "step": 3, "loss": "nan", "val_acc": 0.5}) == {
        "step": 3,
        "loss": pytest.approx(math.nan, nan_ok=True),
        "val_acc": 0.5,
    }
    assert record_from_mapping({"time": 1.5, "note": "x"}) is None


@pytest.mark.parametrize("style,line", [
    ("key=value", "step={i} loss={v:.4f} acc=0.5"),
    ("key: value", "step: {i}, loss: {v:.4f}"),
    ("word number", "iter {i}: loss {v:.4f}, mfu 12.0%"),
    ("json", '{{"step": {i}, "loss": {v:.4f}}}'),
])  # fmt: skip
def test_every_line_of_a_long_metric_stream_is_parsed(style, line):
    lines = "".join(line.format(i=i, v=1 / (i + 1)) + "\n" for i in range(5000)).encode()
    records = parse_in_chunks(lines, [65536] * 100)
    assert [r["step"] for r in records] == list(range(5000))
    assert all(r["loss"] == pytest.approx(1 / (r["step"] + 1), abs=1e-4) for r in records)


def test_arbitrary_bytes_never_break_the_parser_and_records_are_well_formed():
    rng = random.Random(11)
    alphabet = b"abcdelosstepr_=:.,-+ 0123456789\n\r\x1b[]{}'\"%/<>\x08\tnaif\xff\xc3"
    for _ in range(200):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        p = MetricParser()
        records = []
        for i in range(0, len(data), 37):
            records += p.feed(data[i : i + 37])
        records += p.flush()
        for record in records:
            assert record["step"] is None or (isinstance(record["step"], int) and record["step"] >= 0)
            assert all(isinstance(k, str) and isinstance(v, float) for k, v in record.items() if k != "step")
            assert len(record) >= 2


def _shape_stream(seed: int) -> bytes:
    """Lines a run prints per step (a few shapes repeating, values in every notation, shapes that almost repeat),
    with epoch headers, noise and special lines between them."""
    rng = random.Random(seed)
    values = ["0.5", "1e-3", "-2.25", "3", "nan", "inf", "-inf", ".5", "7.", "2.5e+2", "1.0"]
    out = []
    for i in range(600):
        v = lambda: rng.choice(values)  # noqa: E731
        kind = rng.random()
        if kind < 0.45:
            out.append(f"step={i} loss={v()} acc={v()} lr={v()}")
        elif kind < 0.6:
            out.append(f"step: {i} | val_loss: {v()} | val_acc: {v()}")
        elif kind < 0.7:
            out.append(f"iter {i}: loss {v()}, time {rng.randint(10, 99)}.{rng.randint(0, 9)}ms, mfu {v()}%")
        elif kind < 0.75:
            out.append(f"step={i}.5 loss={v()}")  # a step that is not whole: the general pass decides
        elif kind < 0.8:
            out.append(f"Epoch {rng.randint(1, 9)}/10")
        elif kind < 0.85:
            out.append(f"global_step={i} step={i % 7} loss={v()}")
        elif kind < 0.9:
            out.append(rng.choice(NOISE.splitlines()))
        elif kind < 0.95:
            out.append(f'{{"step": {i}, "loss": {rng.random():.4f}}}')
        else:
            out.append(f"step={i} loss={v()} loss={v()} seed={i}")  # a repeated name and a denied one
    return ("\n".join(out) + "\n").encode()


@pytest.mark.parametrize("seed", range(6))
def test_learned_line_shapes_give_exactly_what_the_general_parser_gives(seed, monkeypatch):
    log = _shape_stream(seed)
    rng = random.Random(seed)
    sizes = [rng.randint(1, 4096) for _ in range(400)]
    fast = parse_in_chunks(log, sizes)
    learned = MetricParser()
    learned.feed(log)
    assert learned._shapes, "a repeating line shape should have been learned"
    monkeypatch.setattr(MetricParser, "_learn", lambda self, line: None)
    slow = parse_in_chunks(log, sizes)

    def same(a, b):
        return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))

    assert len(fast) == len(slow)
    for f, s in zip(fast, slow):
        assert f.keys() == s.keys() and all(same(f[k], s[k]) for k in f), (f, s)


def test_a_long_run_of_one_shape_read_in_whole_chunks_matches_the_general_parser(monkeypatch):
    lines = [f"step={i} loss={1.0 / (i + 1):.6f} acc=0.5 lr=3e-4" for i in range(3000)]
    lines[1700] = "step=1700 loss=nan acc=0.5 lr=3e-4 (a warning printed on the same line)"
    lines[2200] = "Epoch 2/10"
    lines[2600] = "step=2600.5 loss=0.1 acc=0.5 lr=3e-4"
    log = ("\n".join(lines) + "\n").encode()
    sizes = [65536] * 10
    fast = parse_in_chunks(log, sizes)
    monkeypatch.setattr(MetricParser, "_learn", lambda self, line: None)
    slow = parse_in_chunks(log, sizes)
    assert len(fast) == len(slow) == 2999
    for f, s in zip(fast, slow):
        assert f.keys() == s.keys() and all(f[k] == s[k] or (f[k] != f[k] and s[k] != s[k]) for k in f), (f, s)
    assert fast[-1]["epoch"] == 2.0


def test_the_one_pass_search_for_special_lines_finds_what_the_mark_by_mark_search_finds(monkeypatch):
    from experiment_runner.runs import metrics_parse as mp

    pytest.importorskip("hyperscan", reason="the one-pass search needs the hyperscan wheel")
    rng = random.Random(5)
    pieces = [b"step=%d loss=0.5" % i for i in range(50)] + [m.lower() for m in mp._SPECIAL] + [b"it/", b"/s", b"confi"]
    for _ in range(40):
        body = b"".join(
            b" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + b"\n" for _ in range(rng.randint(60, 400))
        )
        assert len(body) >= mp._SPECIAL_SCAN_MIN
        fast = mp._special_lines(body)
        with monkeypatch.context() as m:
            m.setattr(mp, "_special_db", lambda: None)
            assert mp._special_lines(body) == fast
        assert fast  # the bodies do hold special lines


def test_tables_under_a_header_of_metric_names_give_one_record_per_row_in_every_drawing():
    fastai = "epoch     train_loss  valid_loss  accuracy  time\n0         0.912       0.701       0.640     00:03\n"
    fastai += "1         0.655       0.598       0.712     00:03\n"
    assert parse(fastai) == [
        {"step": None, "epoch": 0.0, "train_loss": 0.912, "valid_loss": 0.701, "accuracy": 0.64},
        {"step": None, "epoch": 1.0, "train_loss": 0.655, "valid_loss": 0.598, "accuracy": 0.712},
    ]
    csv = "step,loss,val_acc\n10,0.52,0.61\n20,0.41,0.66\n"
    assert parse(csv) == [{"step": 10, "loss": 0.52, "val_acc": 0.61}, {"step": 20, "loss": 0.41, "val_acc": 0.66}]
    pipes = "| epoch | loss | val_loss |\n|---:|---:|---:|\n| 3 | 0.41 | 0.47 |\n"
    assert parse(pipes) == [{"step": None, "epoch": 3.0, "loss": 0.41, "val_loss": 0.47}]
    box = "┃ Epoch ┃ train_loss ┃ val_acc ┃\n┡━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━┩\n│ 3     │ 1.22       │ 0.55    │\n"
    assert parse(box) == [{"step": None, "epoch": 3.0, "train_loss": 1.22, "val_acc": 0.55}]
    # a table whose header names no measure (a model summary) gives nothing
    summary = "  | Name  | Type   | Params\n0 | model | ResNet | 11.2 M\n1 | head  | Linear | 513\n"
    assert parse(summary) == []


def test_boosting_eval_lines_give_the_round_as_step_and_one_metric_per_dataset():
    xgb = "[25]\ttrain-mlogloss:0.53\tvalid-merror:0.13\n"
    lgb = "[10]\ttraining's binary_logloss: 0.358\tvalid_1's auc: 0.939\n"
    assert parse(xgb + lgb) == [
        {"step": 25, "train_mlogloss": 0.53, "valid_merror": 0.13},
        {"step": 10, "training_binary_logloss": 0.358, "valid_1_auc": 0.939},
    ]


def test_a_name_value_pair_without_a_blank_counts_beside_spaced_pairs_or_among_measures_only():
    assert parse("= > step: 9 loss: 0.6931 accuracy:0.60\n") == [{"step": 9, "loss": 0.6931, "accuracy": 0.6}]
    assert parse("cuda:0 loss:0.5 ratio:3\n") == []  # more settings than measures


def test_lines_of_tight_measures_are_read_with_the_epoch_above_them():
    # a BERT fine-tuning paste (tests/data/diagnosis/real/cases/paste_bert_lr1e3_not_learning), after its tqdm bar
    log = (
        "100%|█████████████████████████████████████████| 250/250 [00:43<00:00,  5.72it/s]\n"
        "epoch 0\n"
        "train_loss:4.217772917747498\n"
        "train_f1:0.081\n"
        "dev_f1:0.08928571428571429\n"
        "dev_loss:4.111690880760314\n"
        "epoch 1\n"
        "train_loss:4.094675525665283\n"
    )
    assert parse(log) == [
        {"step": None, "epoch": 0.0, "train_loss": 4.217772917747498},
        {"step": None, "epoch": 0.0, "train_f1": 0.081},
        {"step": None, "epoch": 0.0, "dev_f1": 0.08928571428571429},
        {"step": None, "epoch": 0.0, "dev_loss": 4.111690880760314},
        {"step": None, "epoch": 1.0, "train_loss": 4.094675525665283},
    ]
    # a sequence-tagging paste (paste_sequence_tagging_lr_nan): behind a logging prefix, and nan once it diverged
    records = parse("2018-03-23 15:38:15,538:INFO: train loss:1.20029\n2018-03-23 15:40:22,720:INFO: train loss:nan\n")
    assert records[0] == {"step": None, "train_loss": 1.20029}
    assert len(records) == 2 and math.isnan(records[1]["train_loss"])


@pytest.mark.parametrize(
    "line",
    [
        "lr:0.1",  # an argument dump, one setting a line
        "batch_size:32 lr:0.1 epochs:10",
        "lr:0.1 loss_weight:0.5",  # a loss's weight is a setting, not a loss
        "epoch:3/10",
        "12:30:01",
        "started at 12:30:01 on http://x:8080",
        "connecting to x:8080",
        "torch:2.1.0 python:3.11 cuda:12.1",
        "hyperparams: lr:0.1 loss:0.3",
        "hyperparams: lr=0.1 loss=0.3",
        "Namespace(lr:0.1, loss:0.3)",
    ],
)
def test_tight_pairs_that_are_settings_clocks_addresses_or_versions_give_no_metric(line: str):
    assert parse(line + "\n") == []


def test_name_is_number_reads_as_a_word_number_pair_for_metric_words_only():
    # the insightface paste (paste_insightface_weight_decay_loss_explodes)
    line = (
        "epoch 0, total_step 920, total loss is 16637847666688.00 , inference loss is 1.30, weight deacy loss is "
        "16637847666688.00, training accuracy is 0.796875, lr is 0.000300, time 125.331 samples/sec, "
        "total_time 0.510646\n"
    )
    assert parse(line) == [
        {
            "step": None,
            "epoch": 0.0,
            "total_step": 920.0,
            "total_loss": 16637847666688.0,
            "loss": 1.3,  # `inference loss`: a two-word name without a qualifier keeps its last word
            "training_accuracy": 0.796875,
            "lr": 0.0003,
            "total_time": 0.510646,
        }
    ]
    for prose in ("the answer is 42", "Python version is 3.11", "error code is 137", "exit status is 1"):
        assert parse(prose + "\n") == [], prose


def test_tensorflow_global_step_lines_give_the_step():
    # the TF object-detection paste (paste_nanonets_tf_loss_first_steps): tf.logging and absl print each line
    log = (
        "INFO:tensorflow:global step 0: loss = 37.9278 (9.969 sec/step)\n"
        "I0401 14:10:33.120939 139834940118848 learning.py:507] global step 0: loss = 37.9278 (9.969 sec/step)\n"
        "INFO:tensorflow:global step 1: loss = 38.2249 (0.345 sec/step)\n"
        "global step 2: loss = 38.1697\n"
    )
    assert parse(log) == [
        {"step": 0, "loss": 37.9278},
        {"step": 0, "loss": 37.9278},
        {"step": 1, "loss": 38.2249},
        {"step": 2, "loss": 38.1697},
    ]
    assert parse("total step 5: loss = 2.0\n") == [{"step": None, "loss": 2.0}]  # only a step counter's own name


def test_config_echoes_code_settings_and_summaries_give_no_metric():
    log = (
        "Overriding config with config/train.py:\n"
        "eval_interval = 250 # keep frequent because we'll overfit\n"
        "learning_rate = 1e-3 # with baby networks can afford to go a bit higher\n"
        "max_iters = 5000\n"
        "optim_wrapper = dict(optimizer=dict(type='SGD', lr=0.05, momentum=0.9))\n"
        "  - Build settings: BLAS_INFO=mkl, BUILD_TYPE=Release, PERF_WITH_AVX=1, USE_CUDA=0, USE_MKL=ON\n"
        "params: {'objective': 'multi:softprob', 'num_class': 3, 'eta': 0.3}\n"
        "Trainable params: 1.6 K\n"
        "num decayed parameter tensors: 10, with 10,240 parameters\n"
        "Modules in train mode: 4\n"
        "Total FLOPs: 0\n"
        "iter 0: loss 4.2654, time 29130.57ms, mfu -100.00%\n"
    )
    assert parse(log) == [{"step": 0, "loss": 4.2654}]


def test_nan_and_inf_values_are_measurements_not_word_valued_settings():
    records = parse("step=4 loss=0.25\nstep=5 loss=nan\nstep=6 loss=inf acc=0.5\n")
    assert [r["step"] for r in records] == [4, 5, 6] and math.isnan(records[1]["loss"])
    assert records[2] == {"step": 6, "loss": math.inf, "acc": 0.5}


@pytest.mark.skipif(importlib.util.find_spec("hyperscan") is None, reason="hyperscan is not installed: one path only")
def test_the_one_pass_scan_and_the_line_by_line_search_find_the_same_special_lines(monkeypatch):
    from experiment_runner.runs import metrics_parse as mp

    logs = [p.read_bytes() for p in sorted((DATA / "metrics").glob("*/stdout.txt"))]
    tqdm = "".join(f"\rEpoch 0: {i}%|##| {i}/100 [00:01<00:02, 18.2it/s, loss=0.{i}]" for i in range(100))
    logs.append(("step=1 loss=2\n" + tqdm + "\nDone <3\n" + "x" * 3000 + "\n| 1 | 2 |\n").encode())
    assert len(logs) >= 10
    bodies = [log[i : i + 65536] for log in logs for i in range(0, len(log), 65536)]
    assert all(len(b) >= mp._SPECIAL_SCAN_MIN for b in bodies[-1:])
    scanned = [mp._special_lines(b) for b in bodies]
    monkeypatch.setattr(mp, "_special_db", lambda: None)
    searched = [mp._special_lines(b) for b in bodies]
    assert scanned == searched
    assert any(s for s, _ in scanned) and any(shaped for _, shaped in scanned)
