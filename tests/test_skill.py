"""The skill file is a valid Claude skill and stays true to the tools that exist."""

from __future__ import annotations

import re

import yaml

from experiment_runner.interview.catalog import catalog
from experiment_runner.tools import all_tools
from tests.conftest import REPO

SKILL = REPO / "skill" / "SKILL.md"


def _front_matter() -> tuple[dict, str]:
    text = SKILL.read_text()
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert m, "SKILL.md must start with YAML front matter between --- lines"
    return yaml.safe_load(m.group(1)), m.group(2)


def test_the_skill_has_a_name_and_a_description_saying_when_to_use_it():
    meta, body = _front_matter()
    assert meta["name"] == "experiment-runner"
    assert re.fullmatch(r"[a-z0-9-]{1,64}", meta["name"])
    assert 100 < len(meta["description"]) <= 1024
    assert "Use when" in meta["description"]


def test_the_skill_names_every_tool_and_the_cli():
    _, body = _front_matter()
    for spec in all_tools():
        assert f"`{spec.name}`" in body, f"SKILL.md does not mention {spec.name}"
    assert "experiment-runner call" in body


def test_the_skill_carries_every_red_flag_with_its_probe():
    _, body = _front_matter()
    for flag in catalog().flags:
        spec = flag.spec
        assert spec.id in body, f"red flag {spec.id} missing from SKILL.md"
        assert spec.probe in body, f"probe of {spec.id} differs from red_flags.yaml"
