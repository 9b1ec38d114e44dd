"""The quality bar: every planted bug in tests/data/sanity_models is flagged by the check that should catch it,
and no healthy model gets a failed check. Each model runs through run_sanity_checks on a real MCP server (one
child process per model, real torch). The full set is slow; a small subset runs by default."""

from __future__ import annotations

import shutil
from pathlib import Path

import anyio
import pytest
import yaml
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import DATA, result_text

pytestmark = pytest.mark.anyio

MODELS = DATA / "sanity_models"
EXPECTED: dict[str, str] = yaml.safe_load((MODELS / "expected.yaml").read_text())
FAST = ["healthy_logreg", "bug_softmax_before_ce", "bug_train_val_overlap"]  # healthy, a training check, a data check
#: language models in their natural layouts, a per-pixel model, and the leaks by construction: their own slow test
SEQUENCE_SET = [
    "healthy_gpt_flat",
    "healthy_gpt_transposed",
    "healthy_gpt_model_flat",
    "healthy_segmentation",
    "bug_label_leak",
    "bug_lm_unshifted",
    "bug_lm_not_causal",
    "bug_near_duplicates",
]


@pytest.fixture
def models_ws(tmp_path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(MODELS, ws, ignore=shutil.ignore_patterns("__pycache__"))
    return ws


def test_the_table_covers_every_model_file_and_meets_the_counts():
    files = {p.stem for p in MODELS.glob("*.py") if not p.name.startswith("_")}
    assert files == set(EXPECTED)
    healthy = [m for m, check in EXPECTED.items() if check == "healthy"]
    planted = [m for m, check in EXPECTED.items() if check != "healthy"]
    assert len(healthy) >= 5 and len(planted) >= 16
    from experiment_runner.sanity.model import ALL_CHECKS

    assert {EXPECTED[m] for m in planted} <= set(ALL_CHECKS)
    # every check that can fail is exercised by at least one planted bug (lr_range_test is advisory)
    assert {EXPECTED[m] for m in planted} == set(ALL_CHECKS) - {"lr_range_test"}


async def verdicts(ws: Path, names: list[str], lr_range_test: bool = True, **options) -> dict[str, dict]:
    """Each model's verdict, two calls in flight at once on one server: most of a call is the child's torch import
    and warm-up, which a second core overlaps (and the server must keep concurrent calls apart)."""
    out: dict[str, dict] = {}
    errors: list[str] = []
    limiter = anyio.CapacityLimiter(2)

    async def one(c: Client, name: str) -> None:
        async with limiter:
            args = {"entrypoint": f"{name}.py:build", "lr_range_test": lr_range_test, **options}
            r = await c.call_tool("run_sanity_checks", args)
        if r.is_error:
            errors.append(f"{name}: {result_text(r)}")
        else:
            out[name] = r.structured_content

    async with Client(build_server(ws), mode="legacy") as c, anyio.create_task_group() as tg:
        for name in names:
            tg.start_soon(one, c, name)
    assert not errors, "\n".join(errors)
    return out


def problems(results: dict[str, dict]) -> list[str]:
    found = []
    for name, out in results.items():
        status = {c["name"]: c["status"] for c in out["checks"]}
        expected = EXPECTED[name]
        if expected == "healthy":
            failed = [c for c in out["checks"] if c["status"] in ("failed", "error")]
            if failed or out["verdict"] != "passed":
                found.append(
                    f"{name} is healthy but got {out['verdict']}: "
                    + "; ".join(f"{c['name']} {c['status']}: {c['message']}" for c in failed)
                )
        elif status.get(expected) != "failed":
            found.append(f"{name}: {expected} should fail but is {status.get(expected)} ({out['summary']})")
    return found


async def test_a_healthy_model_and_two_planted_bugs_get_the_right_verdicts(models_ws):
    results = await verdicts(models_ws, FAST, lr_range_test=False)
    assert not problems(results), "\n".join(problems(results))


@pytest.mark.slow
async def test_every_planted_bug_is_flagged_by_its_check_and_no_healthy_model_fails(models_ws):
    results = await verdicts(models_ws, [m for m in EXPECTED if m not in SEQUENCE_SET])
    assert not problems(results), "\n".join(problems(results))


@pytest.mark.slow
@pytest.mark.timeout(400)
async def test_language_models_in_every_layout_a_pixel_model_and_leaks_by_construction_get_the_right_verdicts(
    models_ws,
):
    results = await verdicts(models_ws, SEQUENCE_SET, lr_range_test=False)
    assert not problems(results), "\n".join(problems(results))
    layouts = {m: results[m]["checks"][1]["evidence"].get("layout", "") for m in SEQUENCE_SET[:4]}
    assert layouts["healthy_gpt_flat"].startswith("sequence: outputs (B, T, V)")
    assert layouts["healthy_gpt_transposed"].startswith("sequence: outputs (B, T, V)")
    assert layouts["healthy_gpt_model_flat"].startswith("per token, flattened")
    assert layouts["healthy_segmentation"].startswith("dense: outputs (B, C, H, W)")
    initial = {c["name"]: c for c in results["healthy_gpt_flat"]["checks"]}["initial_loss"]
    assert "ln(16)" in initial["expected"] and "per token" in initial["expected"]
