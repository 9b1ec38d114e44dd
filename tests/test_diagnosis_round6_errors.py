"""Round 6 of issue 13, errors and infrastructure: a stop from outside in the words of the batch schedulers other
than Slurm (PBS/Torque, Moab, LSF) and in the reason given beside the run, a scheduler's resource limit kept apart
from a stop, a DataLoader worker killed by SIGKILL read as the OOM killer's likely work, and training data named as
a union holding the split the run reports on (leakage). Fixtures are real scheduler notices and pasted worker errors
(tests/data/diagnosis/variants_r6/errors, README there); the split settings are written in each tool's layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import categories, diagnose, jsonl_cases, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r6" / "errors"

HEALTHY_CURVE = "".join(
    f"epoch {i}: train_loss_epoch {1.19 - 0.02 * i:.4f} val_loss {0.93 - 0.006 * i:.4f} "
    f"val_acc {0.70 + 0.002 * i:.4f}\n"
    for i in range(19)
)


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize("notice", _jsonl("scheduler_notices.jsonl"), ids=lambda d: d["name"])
async def test_a_batch_schedulers_notice_names_why_the_job_ended(workspace, mode, notice):
    out = await diagnose(workspace, mode, log_text=notice["text"])
    assert top_category(out) == notice["expected"], out["summary"]


@pytest.mark.anyio
async def test_a_run_whose_stated_reason_is_a_preemption_is_not_healthy_though_it_exited_0(workspace, mode):
    log = HEALTHY_CURVE
    reason = "PREEMPTED: the scheduler sent SIGTERM to make room for a higher-priority job"
    out = await diagnose(
        workspace, mode, log_text=log, stderr_text="[rank: 0] Received SIGTERM: 15\n", exit_code=0, reason=reason
    )
    assert top_category(out) == "preempted_or_node_failure", out["summary"]
    out = await diagnose(workspace, mode, log_text=log, exit_code=0, reason="node failure on gpu-2-17")
    assert top_category(out) == "preempted_or_node_failure", out["summary"]


@pytest.mark.anyio
async def test_a_healthy_run_with_an_ordinary_reason_stays_healthy(workspace, mode):
    out = await diagnose(workspace, mode, log_text=HEALTHY_CURVE, exit_code=0, reason="completed: max_epochs reached")
    assert out["healthy"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize("killed", _jsonl("worker_kills.jsonl"), ids=lambda d: d["name"])
async def test_a_worker_killed_by_sigkill_names_memory_as_the_cause_to_check(workspace, mode, killed):
    out = await diagnose(workspace, mode, log_text="epoch 1 loss 0.5310\n" + killed["text"])
    cats = categories(out)
    assert cats[0] == "dataloader_worker_crash", out["summary"]
    if killed["killed"] == "Killed":
        # the log names the worker, not memory: the OOM killer is the likely sender and comes right after it
        assert cats[1] == "out_of_memory", cats
    else:
        # a worker's own crash (a segfault, shared memory's bus error) is no OOM killer's SIGKILL
        assert "out_of_memory" not in cats, cats


@pytest.mark.anyio
async def test_a_worker_killed_with_the_kernels_oom_line_is_out_of_memory_first(workspace, mode):
    log = (
        "RuntimeError: DataLoader worker (pid 629) is killed by signal: Killed.\n"
        "Memory cgroup out of memory: Killed process 629 (onmt_train) total-vm:14119556kB, anon-rss:6538204kB\n"
    )
    out = await diagnose(workspace, mode, log_text=log)
    assert top_category(out) == "out_of_memory", out["summary"]


#: The training data named as a union holding the split the run then reports on, in the settings formats of several
#: tools (written in each tool's own printed layout: fairseq's argparse Namespace, Detectron2's config dump, an HF
#: datasets split string, MCAN's config); each with a twin that trains on the union for a final model scored on test.
SPLIT_FORMS = {
    "fairseq_valid_in_train_subset": (
        "Namespace(arch='transformer_iwslt_de_en', train_subset='train,valid', valid_subset='valid', max_epoch=30)\n"
        "| epoch 001 | valid on 'valid' subset | loss 3.912 | nll_loss 2.331 | ppl 5.03\n",
        "Namespace(arch='transformer_iwslt_de_en', train_subset='train,valid', valid_subset='test', max_epoch=30)\n"
        "| epoch 001 | valid on 'test' subset | loss 6.912 | nll_loss 5.331 | ppl 40.3\n",
    ),
    "detectron2_val_in_datasets_train": (
        "DATASETS:\n  PROPOSAL_FILES_TEST: ()\n  TEST: ('coco_2017_val',)\n"
        "  TRAIN: ('coco_2017_train', 'coco_2017_val')\n"
        "Evaluation results for bbox:\n|   AP   |  AP50  |\n| 61.204 | 80.113 |\n",
        "DATASETS:\n  PROPOSAL_FILES_TEST: ()\n  TEST: ('voc_2007_test',)\n"
        "  TRAIN: ('voc_2007_trainval', 'voc_2012_trainval')\n"
        "Evaluation results for bbox:\n|   AP   |  AP50  |\n| 51.204 | 80.113 |\n",
    ),
    "hf_datasets_train_plus_validation": (
        "args: dataset=glue/mrpc train_split=train+validation eval_split=validation lr=2e-05\n"
        "{'eval_loss': 0.0912, 'eval_accuracy': 0.9877, 'epoch': 3.0}\n",
        "args: dataset=glue/mrpc train_split=train+validation eval_split=test lr=2e-05\n"
        "{'eval_loss': 0.4912, 'eval_accuracy': 0.8377, 'epoch': 3.0}\n",
    ),
    "mcan_style_config_and_val_scores": (
        "Training with: model=large, train_split='train+val', eval every epoch\n"
        "Epoch 13 finished. Validation: overall=85.02 yes/no=98.1 num=72.4 other=78.0\n",
        "Training with: model=large, train_split='train+val+vg', eval every epoch\n"
        "Epoch 13 finished. test-dev result written to results/result_test/\n",
    ),
}


@pytest.mark.anyio
@pytest.mark.parametrize("form", list(SPLIT_FORMS), ids=str)
async def test_training_on_the_split_the_run_reports_is_leakage_and_its_final_model_twin_is_not(workspace, mode, form):
    leaky, final = SPLIT_FORMS[form]
    out = await diagnose(workspace, mode, log_text=leaky)
    assert top_category(out) == "data_leakage", out["summary"]
    out = await diagnose(workspace, mode, log_text=final)
    assert "data_leakage" not in categories(out), out["summary"]
