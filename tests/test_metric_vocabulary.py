"""The one metric vocabulary: role, split, direction and main-loss of a name, read by its structure. One table
covers the names real frameworks print (and the four lists that disagreed before it)."""

from __future__ import annotations

import pytest

from experiment_runner.metrics import vocabulary as V

# name, role, split, direction, main loss
TABLE = [
    # losses: main ones (split and aggregators only) and components
    ("loss", "loss", None, "min", True),
    ("train_loss", "loss", "train", "min", True),
    ("train/loss_step", "loss", "train", "min", True),
    ("train_loss_epoch", "loss", "train", "min", True),
    ("loss_train", "loss", "train", "min", True),
    ("trn_loss", "loss", "train", "min", True),
    ("avg_loss", "loss", None, "min", True),
    ("running_loss", "loss", None, "min", True),
    ("total_loss", "loss", None, "min", True),
    ("val_loss", "loss", "val", "min", True),
    ("eval_loss", "loss", "val", "min", True),
    ("valid/loss", "loss", "val", "min", True),
    ("validation_0_logloss", "loss", "val", "min", True),
    ("train_mlogloss", "loss", "train", "min", True),
    ("test_average_loss", "loss", "test", "min", True),
    ("kl_loss", "loss", None, "min", False),
    ("loss_cls", "loss", None, "min", False),
    ("nll_loss", "loss", None, "min", False),
    ("valid_nll_loss", "loss", "val", "min", False),
    ("loss_scale", "other", None, None, False),
    ("loss_weight", "other", None, None, False),
    # errors and accuracies
    ("valid_merror", "error", "val", "min", False),
    ("top5_err", "error", None, "min", False),
    ("ppl", "error", None, "min", False),
    ("valid_ppl", "error", "val", "min", False),
    ("fid", "error", None, "min", False),
    ("regret", "error", None, "min", False),
    ("bpc", "error", None, "min", False),
    ("accuracy", "accuracy", None, "max", False),
    ("eval_accuracy", "accuracy", "val", "max", False),
    ("val_acc", "accuracy", "val", "max", False),
    ("test_acc@1", "accuracy", "test", "max", False),
    ("top1", "accuracy", None, "max", False),
    ("ap50", "accuracy", None, "max", False),
    ("miou", "accuracy", None, "max", False),
    ("eval_f1", "accuracy", "val", "max", False),
    ("valid_1_auc", "accuracy", "val", "max", False),
    # rates, norms, times, throughput, counters
    ("lr", "learning_rate", None, None, False),
    ("learning_rate", "learning_rate", None, None, False),
    ("lr-adam", "learning_rate", None, None, False),
    ("grad_norm", "grad_norm", None, None, False),
    ("train/grad_norm", "grad_norm", "train", None, False),
    ("gnorm", "grad_norm", None, None, False),
    ("total_norm", "grad_norm", None, None, False),
    ("norm", "other", None, None, False),
    ("train_samples_per_second", "throughput", "train", "max", False),
    ("wps", "throughput", None, "max", False),
    ("mfu", "throughput", None, "max", False),
    ("eval_runtime", "time", "val", "min", False),
    ("data_time", "time", None, "min", False),
    ("train_wall", "time", "train", "min", False),
    ("max_memory_allocated", "memory", None, None, False),
    ("epoch", "counter", None, None, False),
    ("num_updates", "counter", None, None, False),
    ("total_flos", "counter", None, None, False),
    # settings and identifiers: never measurements
    ("batch_size", "config", None, None, False),
    ("eval_interval", "config", "val", None, False),
    ("max_epochs", "config", None, None, False),
    ("num_decayed_parameter_tensors", "config", None, None, False),
    ("trainable_params", "config", None, None, False),
    ("warmup_steps", "config", None, None, False),
    ("weight_decay", "config", None, None, False),
    ("seed", "config", None, None, False),
    ("v_num", "identifier", None, None, False),
    ("local_rank", "identifier", None, None, False),
    ("custom_thing", "other", None, None, False),
]


@pytest.mark.parametrize(("name", "role", "split", "direction", "main"), TABLE)
def test_a_name_gets_its_role_split_direction_and_main_loss_from_its_structure(name, role, split, direction, main):
    d = V.describe(name)
    assert (d.role, d.split, d.direction, d.main_loss) == (role, split, direction, main)


def test_the_training_loss_prefers_per_step_then_plain_then_per_epoch_and_unqualified_names():
    names = ["train_loss_epoch", "train_loss", "loss", "train_loss_step", "kl_loss", "val_loss"]
    ranked = sorted((n for n in names if V.train_loss_rank(n) is not None), key=V.train_loss_rank)
    assert ranked == ["train_loss_step", "loss", "train_loss", "train_loss_epoch"]
    assert V.eval_loss_rank("val_loss") < V.eval_loss_rank("test_loss")
    assert V.eval_loss_rank("loss") is None and V.train_loss_rank("val_loss") is None


def test_every_name_the_old_lists_gave_a_role_keeps_it():
    # the four lists that disagreed (health, the failure playbook, summary, reports), now one answer each
    train = "loss train_loss training_loss train/loss trn_loss avg_loss average_loss running_loss loss_train "
    train += "train_loss_epoch train_loss_step train/loss_epoch train/loss_step tr_loss mean_loss loss_step"
    val = "val_loss valid_loss validation_loss val/loss eval_loss eval/loss test_loss dev_loss val_loss_epoch"
    grad = "grad_norm gradient_norm grad_norm_total total_norm gnorm train/grad_norm grad_norm_before_clip"
    assert {V.diagnosis_role(n) for n in train.split()} == {"train_loss"}
    assert {V.diagnosis_role(n) for n in val.split()} == {"val_loss"}
    assert {V.diagnosis_role(n) for n in grad.split()} == {"grad_norm"}
    lower = "loss err error perplexity ppl mse mae rmse nll wer cer bpc bpd fid regret latency_ms"
    assert {V.direction(n) for n in lower.split()} == {"min"}
    higher = "acc f1 auc precision recall iou bleu rouge_l reward return score psnr ssim dice map r2"
    assert {V.direction(n) for n in higher.split()} == {"max"}


def test_the_status_best_and_the_report_direction_agree():
    from experiment_runner.reports.sources import lower_is_better
    from experiment_runner.runs.summary import goal_of

    for name in ("nll", "fid", "bpc", "regret", "val_loss", "eval_accuracy", "valid_merror", "bleu"):
        assert (goal_of(name) == "min") == lower_is_better(name), name
    assert goal_of("lr") is None and goal_of("epoch") is None and goal_of("train_runtime") is None
