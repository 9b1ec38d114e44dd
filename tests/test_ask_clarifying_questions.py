"""ask_clarifying_questions through a real MCP client (both protocol modes), the CLI, and the interview prompt:
questions as data, answers narrowing them, red flags with their trigger words, elicitation with and without a
client that can ask, and bad input."""

from __future__ import annotations

import sys

import mcp.types as types
import pytest
from mcp import Client, StdioServerParameters

from experiment_runner.server import build_server
from tests.conftest import call_cli, result_text

pytestmark = pytest.mark.anyio

TITLES = [
    "Goal & Hypothesis",
    "Metrics & Evaluation",
    "Data",
    "Model & Approach",
    "Resources & Constraints",
    "Context & Usage",
]
PRIORITY = [
    "goal", "hypothesis", "success_criteria", "primary_metric", "dataset", "splits",
    "model", "baseline", "seeds", "compute", "deadline", "fallback_plan",
]  # fmt: skip

LOOSE = "Train something on our data, keep the stock hyperparameters and leave it running while I sleep."


async def ask(client, args):
    r = await client.call_tool("ask_clarifying_questions", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


def flat(out):
    return [q["field"] for g in out["groups"] for q in g["questions"]]


async def test_the_tool_is_listed_first_and_read_only(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        tools = (await c.list_tools()).tools
    assert tools[0].name == "ask_clarifying_questions"
    assert tools[0].annotations.read_only_hint is True
    assert set(tools[0].input_schema["properties"]) == {"request", "answers", "ask_person"}
    assert tools[0].input_schema["required"] == ["request"]


async def test_a_vague_request_gets_every_question_grouped_and_ordered_most_important_first(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await ask(c, {"request": "Make the model better."})
    assert out["answered"] == [] and out["missing"] == PRIORITY
    assert [g["title"] for g in out["groups"]] == TITLES
    assert flat(out) == PRIORITY
    for g in out["groups"]:
        for q in g["questions"]:
            assert q["question"].endswith("?") and len(q["why"]) > 20
    assert out["red_flags"] == [] and out["elicitation"] == "not_requested"
    assert out["summary"].startswith("0 of 12 brief fields answered")


async def test_what_the_request_settles_is_left_out_and_quoted_back(workspace, mode):
    request = (
        "I want to find out whether label smoothing helps ResNet-50 on CIFAR-10 (lr 3e-4 with AdamW). "
        "3 seeds on one A100, results by Friday."
    )
    async with Client(build_server(workspace), mode=mode) as c:
        out = await ask(c, {"request": request})
    answered = {a["field"]: a for a in out["answered"]}
    assert set(answered) == {"goal", "dataset", "model", "seeds", "compute", "deadline"}
    assert answered["dataset"]["evidence"] == "CIFAR-10" and answered["dataset"]["source"] == "request"
    assert "ResNet-50" in answered["model"]["evidence"]
    assert answered["seeds"]["values"] == {"n": "3"}
    assert not set(flat(out)) & set(answered)
    assert flat(out) == [f for f in PRIORITY if f not in answered]
    assert out["brief"]["data"]["dataset"] == "CIFAR-10"
    assert out["brief"]["model"]["architecture"] == "ResNet-50"
    assert out["brief"]["model"]["hyperparameters"] == {"lr": 0.0003, "optimizer": "AdamW"}
    assert out["brief"]["constraints"] == {"seeds": 3, "compute": "one A100", "time": "by Friday"}


async def test_answers_narrow_the_questions_and_vague_answers_do_not_count(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        before = await ask(c, {"request": "Train an MLP on the example data."})
        after = await ask(
            c,
            {
                "request": "Train an MLP on the example data.",
                "answers": {
                    "goal": "decide whether a hidden width of 64 beats 16",
                    "success_criteria": "val_acc improves by at least 0.02",
                    "dataset": "some dataset",
                    "seeds": "a few",
                    "deadline": "don't know",
                },
            },
        )
    assert len(flat(after)) < len(flat(before))
    answered = {a["field"]: a for a in after["answered"]}
    assert answered["goal"]["source"] == "answers" and answered["goal"]["answer_to"] == "goal"
    assert answered["success_criteria"]["evidence"] == "val_acc improves by at least 0.02"
    assert "primary_metric" in answered and answered["primary_metric"]["answer_to"] == "success_criteria"
    for vague in ("dataset", "seeds", "deadline"):
        assert vague in after["missing"], f"{vague} was answered vaguely and must stay open"
    assert after["answers"]["goal"] == "decide whether a hidden width of 64 beats 16"


async def test_red_flags_come_back_with_trigger_words_and_probes_even_when_paraphrased(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await ask(c, {"request": LOOSE})
    flags = {f["id"]: f for f in out["red_flags"]}
    assert set(flags) == {"default_settings", "run_overnight"}
    assert flags["default_settings"]["trigger"] == "stock hyperparameters"
    assert flags["default_settings"]["probe"] == "Have those been validated for your data?"
    assert flags["run_overnight"]["trigger"] == "while I sleep"
    assert flags["run_overnight"]["probe"] == "Do we have checkpointing if it crashes at hour 7?"
    assert "2 red flag(s)" in out["summary"] and "stock hyperparameters" in out["summary"]
    # the patterns miss paraphrases: the summary names the flags that were not matched, to be read for by meaning
    assert (
        "also read the request for just_run_it, compare_against, know_it_when_i_see_it, should_work by meaning"
        in out["summary"]
    )


async def test_a_negated_or_addressed_red_flag_is_not_raised(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        negated = await ask(c, {"request": "We don't want to just run it and see; no default settings either."})
        addressed = await ask(c, {"request": "Run it overnight with checkpoints every 30 minutes and auto-resume."})
        answered = await ask(
            c, {"request": "It should work.", "answers": {"fallback_plan": "switch to the GRU baseline"}}
        )
    assert negated["red_flags"] == []
    assert addressed["red_flags"] == []
    assert answered["red_flags"] == []


async def test_a_red_flag_in_an_answer_is_raised_with_its_source(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await ask(
            c, {"request": "Fine-tune BERT on SST-2.", "answers": {"success_criteria": "I'll know it when I see it"}}
        )
    assert [(f["id"], f["source"]) for f in out["red_flags"]] == [("know_it_when_i_see_it", "answers")]
    assert "success_criteria" in out["missing"]


ASKED = ["goal", "hypothesis", "success_criteria", "primary_metric"]


def answering(action: str, content: dict | None = None, seen: list | None = None):
    """An elicitation callback standing in for the person: records each form it is shown and replies `action`."""

    async def person(context, params):
        if seen is not None:
            seen.append(params)
        return types.ElicitResult(action=action, content=content)

    return person


async def test_the_person_is_asked_and_their_answers_are_folded_in_on_both_protocol_eras(workspace, mode):
    """2026-07-28: the question rides an input_required result and the client retries with the answer; handshake
    connections: the server sends elicitation/create during the call. The person sees the same form either way."""
    seen: list[types.ElicitRequestParams] = []
    person = answering(
        "accept",
        {"goal": "decide whether the wider MLP is worth it", "primary_metric": "val_acc, higher is better"},
        seen,
    )
    async with Client(build_server(workspace), mode=mode, elicitation_callback=person) as c:
        out = await ask(c, {"request": LOOSE, "ask_person": True})
    assert len(seen) == 1
    schema = seen[0].requested_schema
    assert list(schema["properties"]) == ASKED
    assert all(p["type"] == "string" for p in schema["properties"].values())
    assert "stock hyperparameters" in seen[0].message and "Have those been validated" in seen[0].message
    assert out["elicitation"] == "answered" and out["asked"] == ASKED
    answered = {a["field"]: a for a in out["answered"]}
    assert answered["goal"]["evidence"] == "decide whether the wider MLP is worth it"
    assert answered["primary_metric"]["source"] == "answers"
    assert out["answers"]["goal"] == "decide whether the wider MLP is worth it"
    assert "goal" not in flat(out) and "they answered 2" in out["summary"]


async def test_on_2026_the_question_is_an_input_required_result_and_the_retry_carries_the_answer(workspace):
    args = {"request": LOOSE, "ask_person": True}
    async with Client(build_server(workspace), mode="auto", elicitation_callback=answering("decline")) as c:
        first = await c.session.call_tool("ask_clarifying_questions", args, allow_input_required=True)
        assert isinstance(first, types.InputRequiredResult)
        [(key, request)] = first.input_requests.items()
        assert request.method == "elicitation/create"
        assert list(request.params.requested_schema["properties"]) == ASKED
        answer = types.ElicitResult(action="accept", content={"goal": "pick the cheaper model at equal accuracy"})
        second = await c.session.call_tool(
            "ask_clarifying_questions",
            args,
            input_responses={key: answer},
            request_state=first.request_state,
            allow_input_required=True,
        )
    assert isinstance(second, types.CallToolResult) and not second.is_error, result_text(second)
    out = second.structured_content
    assert out["elicitation"] == "answered" and out["answers"] == {"goal": "pick the cheaper model at equal accuracy"}


@pytest.mark.parametrize("action", ["decline", "cancel"])
async def test_a_declined_or_dismissed_form_returns_the_questions_as_data(workspace, mode, action):
    async with Client(build_server(workspace), mode=mode, elicitation_callback=answering(action)) as c:
        out = await ask(c, {"request": LOOSE, "ask_person": True})
    assert out["elicitation"] == "no_answer" and out["asked"] == ASKED and out["answered"] == []
    assert flat(out) == PRIORITY
    assert "declined or dismissed" in out["summary"] and "ask the questions in the conversation" in out["summary"]


async def test_without_an_elicitation_callback_the_tool_falls_back_to_data(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await ask(c, {"request": LOOSE, "ask_person": True})
    assert out["elicitation"] == "unavailable" and out["asked"] == []
    assert flat(out) == PRIORITY
    assert "cannot ask the person directly" in out["summary"]


async def test_nothing_is_asked_when_nothing_is_open_or_asking_was_not_requested(workspace, mode):
    seen: list = []
    answers = {
        "goal": "decide whether a hidden width of 64 beats 16",
        "hypothesis": "width 64 raises val_acc by at least 0.02 over width 16",
        "success_criteria": "val_acc improves by at least 0.02",
        "primary_metric": "val_acc, higher is better",
        "dataset": "CIFAR-10",
        "splits": "the standard 50k train / 10k test split, 5k of train held out for validation",
        "model": "a 2-layer MLP",
        "baseline": "the width-16 MLP",
        "seeds": "5 seeds",
        "compute": "one A100",
        "deadline": "by Friday",
        "fallback_plan": "switch to the GRU baseline",
    }
    async with Client(build_server(workspace), mode=mode, elicitation_callback=answering("cancel", seen=seen)) as c:
        quiet = await ask(c, {"request": LOOSE})
        settled = await ask(c, {"request": "Train an MLP.", "answers": answers, "ask_person": True})
    assert seen == []
    assert quiet["elicitation"] == "not_requested"
    assert settled["elicitation"] == "nothing_open" and flat(settled) == []


@pytest.mark.parametrize("protocol", ["auto", "legacy"])
async def test_a_stdio_client_is_asked_on_both_protocol_eras(workspace, protocol):
    seen: list = []
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "experiment_runner", "--root", str(workspace), "serve"]
    )
    person = answering("accept", {"hypothesis": "width 64 beats 16 by 2 points of val_acc"}, seen)
    async with Client(params, mode=protocol, elicitation_callback=person) as c:
        out = await ask(c, {"request": LOOSE, "ask_person": True})
        era = c.protocol_version
    assert era == ("2026-07-28" if protocol == "auto" else "2025-11-25")
    assert len(seen) == 1 and out["elicitation"] == "answered"
    assert out["answers"] == {"hypothesis": "width 64 beats 16 by 2 points of val_acc"}


async def test_an_empty_request_is_a_clear_error(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("ask_clarifying_questions", {"request": "   "})
    assert r.is_error
    assert "request is empty" in result_text(r)


async def test_an_unknown_answer_field_is_an_error_naming_the_valid_ids(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("ask_clarifying_questions", {"request": "Train a CNN.", "answers": {"datset": "MNIST"}})
    assert r.is_error
    text = result_text(r)
    assert "'datset'" in text and "did you mean 'dataset'" in text
    assert "valid field ids: goal, hypothesis, success_criteria, dataset, splits, model" in text


async def test_a_misspelt_argument_is_rejected(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("ask_clarifying_questions", {"requset": "Train a CNN."})
    assert r.is_error and "requset" in result_text(r)


async def test_the_interview_prompt_puts_red_flag_probes_before_the_open_questions(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        prompt = await c.get_prompt("clarifying_interview", {"request": LOOSE})
    text = prompt.messages[0].content.text
    assert '"stock hyperparameters"' in text and "Have those been validated for your data?" in text
    assert '"while I sleep"' in text and "Do we have checkpointing if it crashes at hour 7?" in text
    probes_at = text.index("Have those been validated")
    questions_at = text.index("What do you want to learn or decide")
    assert probes_at < questions_at
    assert text.index("### Goal & Hypothesis") < text.index("### Context & Usage")
    assert "Never guess" in text and "two or three questions at a time" in text
    assert "miss paraphrases they were not written for" in text and text.index("miss paraphrases") < questions_at


def test_the_cli_returns_the_questions_as_json(workspace):
    rc, out, err = call_cli("ask_clarifying_questions", {"request": LOOSE, "ask_person": True}, workspace)
    assert rc == 0, err
    assert out["elicitation"] == "unavailable"
    assert {f["id"] for f in out["red_flags"]} == {"default_settings", "run_overnight"}
    assert out["groups"][0]["title"] == "Goal & Hypothesis"


def test_the_cli_exits_non_zero_on_an_unknown_field_id(workspace):
    rc, out, err = call_cli(
        "ask_clarifying_questions", {"request": "Train a CNN.", "answers": {"budget": "1 GPU"}}, workspace
    )
    assert rc == 1 and out is None
    assert "'budget'" in err and "valid field ids" in err
