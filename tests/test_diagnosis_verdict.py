"""diagnose_failure's verdict on a run with no finding: healthy only when the log shows the run learning (shown_by),
undetermined when it shows nothing either way (to_check says what would settle it), failed when a finding or the
run's end says so. Real logs from the real corpus (tests/data/diagnosis/real) and logs shaped like real frameworks'
output, through a real MCP client in both protocol modes."""

from __future__ import annotations

import json
import math

import pytest
from conftest import DATA, diagnose

pytestmark = pytest.mark.anyio

REAL = DATA / "diagnosis" / "real" / "cases"


def _real(name: str) -> dict:
    case = REAL / name
    meta = json.loads((case / "meta.json").read_text())
    args: dict = {"log_text": (case / "stdout.log").read_text()}
    stderr = (case / "stderr.log").read_text()
    if stderr:
        args["stderr_text"] = stderr
    for key in ("exit_code", "signal"):
        if meta.get(key) is not None:
            args[key] = meta[key]
    return args


async def test_a_real_run_whose_loss_falls_below_chance_is_healthy_with_its_values(workspace, mode):
    # pytorch/examples MNIST, slow start: the loss leaves ln 10 only late, and does leave it
    out = await diagnose(workspace, mode, **_real("mnist_healthy_slow_start"))
    assert out["verdict"] == "healthy" and out["healthy"] is True and out["findings"] == []
    assert any("below the chance loss ln 10" in s for s in out["shown_by"]), out["shown_by"]
    assert "looks healthy" in out["summary"] and out["shown_by"][0] in out["summary"]


async def test_a_pasted_warning_without_any_series_is_undetermined_not_healthy(workspace, mode):
    # a DeepSpeed overflow paste: only the loss-scale lines, no loss, no exit code
    out = await diagnose(workspace, mode, **_real("paste_deepspeed_overflow_first_steps"))
    assert out["findings"] == [] and out["healthy"] is True  # no failure found ...
    assert out["verdict"] == "undetermined" and out["shown_by"] == []  # ... and nothing shows it learning
    assert out["to_check"][0].startswith("a metric series"), out["to_check"]
    assert any(t.startswith("how the run ended") for t in out["to_check"])
    assert "undetermined" in out["summary"] and "looks healthy" not in out["summary"]


async def test_a_single_loss_value_asks_for_more_of_the_log(workspace, mode):
    out = await diagnose(workspace, mode, **_real("paste_fairseq_roberta_overflow_1024"))
    assert out["verdict"] == "undetermined"
    assert out["to_check"][0].startswith("more of loss: 1 finite point"), out["to_check"]


async def test_a_flat_noisy_loss_is_undetermined_with_its_own_numbers(workspace, mode):
    # five epochs pasted from the middle of a run: too few to call a plateau a failure, and no fall either
    values = [1.31, 1.27, 1.33, 1.29, 1.30]
    log = "".join(f"epoch {i + 40} train_loss {v:.2f}\n" for i, v in enumerate(values))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["findings"] == [] and out["verdict"] == "undetermined", out["summary"]
    first = out["to_check"][0]
    assert first.startswith("train_loss:") and "no clear move" in first and "Mann-Kendall" in first
    # the exit code was given: the verdict does not ask for it
    assert not any(t.startswith("how the run ended") for t in out["to_check"])


async def test_three_falling_points_count_only_when_they_fall_by_a_tenth(workspace, mode):
    clear = "epoch 1 loss 0.90\nepoch 2 loss 0.71\nepoch 3 loss 0.58\n"
    small = "epoch 1 loss 3.096\nepoch 2 loss 3.095\nepoch 3 loss 3.094\n"
    assert (await diagnose(workspace, mode, log_text=clear))["verdict"] == "healthy"
    out = await diagnose(workspace, mode, log_text=small)
    assert out["verdict"] == "undetermined" and out["findings"] == [], out["summary"]


async def test_a_fall_that_stops_at_the_chance_loss_shows_no_learning(workspace, mode):
    # a cross-entropy over ten classes (from the command) falls from 2.9 to ln 10 and sits there: learned nothing
    ln10 = math.log(10)
    values = [2.9, 2.6, 2.45, 2.36, 2.33, ln10 + 0.01, ln10 + 0.005, ln10 + 0.004, ln10 + 0.003, ln10 + 0.002]
    log = "".join(f"step {i * 100} xent {v:.4f}\n" for i, v in enumerate(values))
    out = await diagnose(workspace, mode, log_text=log, command=["python", "train.py", "--num-classes", "10"])
    assert out["verdict"] != "healthy", out["summary"]
    assert not any("fell" in s for s in out["shown_by"])
    assert "not clear of the chance loss ln 10" in out["to_check"][0], out["to_check"]
    # the same fall ending clear of ln 10 shows learning
    lower = "".join(f"step {i * 100} xent {v - 0.8:.4f}\n" for i, v in enumerate(values))
    out = await diagnose(workspace, mode, log_text=lower, command=["python", "train.py", "--num-classes", "10"])
    assert out["verdict"] == "healthy" and "below the chance loss ln 10" in out["shown_by"][0], out["summary"]


async def test_an_accuracy_rising_clear_of_chance_shows_learning(workspace, mode):
    log = "".join(
        f"Epoch {i}: val_accuracy={a:.3f}\n" for i, a in enumerate([0.31, 0.45, 0.52, 0.61, 0.66, 0.70, 0.72])
    )
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["verdict"] == "healthy", out["summary"]
    assert out["shown_by"][0].startswith("val_accuracy rose 0.")


async def test_a_training_loss_alone_says_held_out_failures_were_not_judged(workspace, mode):
    log = "".join(f"iter {i * 50}: loss {3.2 * 0.9**i:.4f}\n" for i in range(12))
    out = await diagnose(workspace, mode, log_text=log, exit_code=0)
    assert out["verdict"] == "healthy"
    assert any(t.startswith("a held-out metric") for t in out["to_check"]), out["to_check"]


async def test_a_failed_run_is_failed_whatever_its_loss_did(workspace, mode):
    log = "".join(f"epoch {i} loss {1.0 - 0.08 * i:.2f}\n" for i in range(8))
    log += "Traceback (most recent call last):\n  File \"train.py\", line 9, in <module>\nKeyError: 'label'\n"
    out = await diagnose(workspace, mode, log_text=log, exit_code=1)
    assert out["verdict"] == "failed" and out["healthy"] is False
    assert out["shown_by"] == [] and out["to_check"] == []


async def test_weak_signals_are_named_among_what_to_check(workspace, mode):
    # apex's overflow lines at a healthy scale: a weak signal at most, and no loss series at all
    out = await diagnose(workspace, mode, **_real("paste_swin_apex_overflow_131072"))
    assert out["verdict"] == "undetermined"
    if out["weak_signals"]:
        weak = next(t for t in out["to_check"] if t.startswith("the weak signals"))
        assert out["weak_signals"][0]["category"] in weak


def test_every_real_case_without_a_finding_says_why_it_is_healthy_or_what_to_check():
    """Over the whole real corpus (real framework runs and public pastes): a healthy verdict always quotes what shows
    learning, an undetermined one always says what to check, and a finding always means failed."""
    import yaml

    from experiment_runner.diagnosis import sources
    from experiment_runner.diagnosis.diagnose import diagnose as run_diagnosis

    labels = yaml.safe_load((DATA / "diagnosis" / "real" / "labels.yaml").read_text())
    seen = set()
    for name in labels["cases"]:
        args = _real(name)
        run = sources.from_text(
            args["log_text"],
            args.get("stderr_text"),
            exit_code=args.get("exit_code"),
            signal=args.get("signal"),
            reason=None,
            command=None,
            series=None,
        )
        result = run_diagnosis(run)
        seen.add(result.verdict)
        if result.findings:
            assert result.verdict == "failed", name
        elif result.verdict == "healthy":
            assert result.shown_by and result.healthy, name
        elif result.verdict == "undetermined":
            assert result.to_check and result.healthy, name
        else:
            assert not result.healthy, name  # failed, and nothing explains why
    assert seen == {"failed", "healthy", "undetermined"}


async def test_a_run_that_learned_before_its_first_line_is_healthy_when_its_classes_are_known(workspace, mode):
    # the example's own log shape: converged within the first epoch, noisy after; four classes in its config line
    losses = [0.219, 0.0914, 0.2459, 0.1009, 0.1312, 0.0949, 0.0247, 0.1100]
    accs = [0.9325, 0.9275, 0.93, 0.9275, 0.925, 0.93, 0.925, 0.94]
    body = "".join(
        f"epoch={i + 1} step={38 * (i + 1)} loss={v} val_acc={a}\n" for i, (v, a) in enumerate(zip(losses, accs))
    )
    known = await diagnose(workspace, mode, log_text="config: seed=0 num_classes=4\n" + body, exit_code=0)
    assert known["verdict"] == "healthy", known["summary"]
    assert "below half of the chance loss ln 4" in known["shown_by"][0]
    assert any("more than halfway from chance 0.25" in s for s in known["shown_by"])
    # without the class count the same numbers cannot be placed against chance: no trend, no level
    unknown = await diagnose(workspace, mode, log_text="config: seed=0\n" + body, exit_code=0)
    assert unknown["verdict"] == "undetermined" and unknown["findings"] == [], unknown["summary"]
