"""draft_brief: validate an experiment brief, save it as a new version, and pre-register it on `confirm`."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from experiment_runner.briefs import store
from experiment_runner.briefs.checks import brief_problems
from experiment_runner.briefs.model import AnalysisPlan, Brief, Problem
from experiment_runner.briefs.store import BriefStatus
from experiment_runner.errors import UserError
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.workspace import validate_experiment_name


class DraftBriefInput(ToolInput):
    experiment: str = Field(
        description="Experiment name (letters, digits, '.', '_', '-'), e.g. 'cifar10-label-smoothing'."
    )
    brief: Brief = Field(
        default_factory=Brief,
        description="Brief fields to set. Fields left out keep their value from the latest version (unless replace "
        "is true).",
    )
    replace: bool = Field(False, description="Start from an empty brief instead of the latest version.")
    confirm: bool = Field(
        False,
        description="Pre-register the brief: refused while problems remain; once confirmed it is immutable and later "
        "changes are new versions.",
    )


class DraftBriefOutput(ToolOutput):
    experiment: str
    version: int = Field(description="The version this call produced or returned.")
    status: BriefStatus = Field(description="'draft' or 'confirmed'.")
    created_new_version: bool = Field(
        description="False when the content equalled the latest version, which is returned as is."
    )
    content_hash: str
    confirmed_at: str | None = None
    brief: Brief
    problems: list[Problem] = Field(
        description="What is missing or vague; confirmation is refused until this is empty."
    )
    markdown: str = Field(description="The brief rendered as markdown.")
    path: str = Field(description="Where this version is saved, relative to the workspace.")
    versions: list[int] = Field(description="Every version of this experiment's brief.")
    confirmed_versions: list[int] = Field(description="Versions that were pre-registered.")


def _deep_merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in update.items():
        out[k] = (
            _deep_merge(out[k], v)
            if isinstance(v, dict) and isinstance(out.get(k), dict) and k != "hyperparameters"
            else v
        )
    return out


def _normalise(brief: Brief, ctx: ToolContext, explicitly_set: dict[str, Any]) -> Brief:
    """Fill the analysis plan's defaults from the brief and the workspace policy."""
    analysis = brief.analysis
    updates: dict[str, Any] = {}
    if analysis.primary_metric is None and brief.metrics.primary:
        updates["primary_metric"] = brief.metrics.primary
    set_analysis = explicitly_set.get("analysis", {})
    policy = ctx.workspace.config.policy
    defaults = AnalysisPlan()
    # Only values nobody chose follow the policy; a value set in this or an earlier version is kept.
    if "min_seeds" not in set_analysis and analysis.min_seeds == defaults.min_seeds != policy.min_seeds:
        updates["min_seeds"] = policy.min_seeds
    if "alpha" not in set_analysis and analysis.alpha == defaults.alpha != policy.alpha:
        updates["alpha"] = policy.alpha
    if not updates:
        return brief
    return brief.model_copy(update={"analysis": analysis.model_copy(update=updates)})


def draft_brief(inp: DraftBriefInput, ctx: ToolContext) -> DraftBriefOutput:
    """Draft or update an experiment brief (goal, hypothesis, success criteria, data, model, baseline, metrics,
    constraints, what happens if the hypothesis is wrong, and an analysis plan), save it as a new version under
    .experiments/<experiment>/brief/, and list its problems. With confirm=true the brief is pre-registered:
    refused while problems remain, otherwise stamped with a content hash and UTC time and made immutable."""
    ws = ctx.workspace
    experiment = validate_experiment_name(inp.experiment)
    min_seeds = ws.config.policy.min_seeds
    ws.experiment_dir(experiment, create=True)

    previous = None if inp.replace else store.latest(ws, experiment)
    given = inp.brief.model_dump(mode="json", exclude_unset=True)
    base = previous.brief.model_dump(mode="json") if previous else Brief().model_dump(mode="json")
    merged = Brief.model_validate(_deep_merge(base, given))
    merged = _normalise(merged, ctx, given)

    latest = store.latest(ws, experiment)
    if latest is not None and store.content_hash(latest.brief) == store.content_hash(merged):
        record, created = latest, False
    else:
        record, created = store.save_draft(ws, experiment, merged), True

    problems = brief_problems(record.brief, min_seeds=min_seeds)
    if inp.confirm and record.status != "confirmed":
        if problems:
            listing = "\n".join(f"- {p.code} ({p.field}): {p.message}" for p in problems)
            raise UserError(
                f"brief v{record.version} of {experiment!r} cannot be confirmed: {len(problems)} problem(s) remain "
                f"(the draft is saved as v{record.version}; fix these and call draft_brief again with "
                f"confirm=true):\n{listing}"
            )
        record = store.confirm(ws, record)

    from experiment_runner.prompts import render

    markdown = render(
        "brief.md.j2",
        experiment=experiment,
        version=record.version,
        status=record.status,
        confirmed_at=record.confirmed_at,
        content_hash=record.content_hash,
        brief=record.brief,
        problems=problems if record.status == "draft" else [],
    )
    all_versions = store.versions(ws, experiment)
    confirmed = [r.version for r in store.confirmed_versions(ws, experiment)]
    path = store.version_path(ws, experiment, record.version)

    if record.status == "confirmed":
        head = (
            f"Brief v{record.version} of '{experiment}' is pre-registered ({record.content_hash[:19]}..., "
            f"{record.confirmed_at})."
        )
        if created or not inp.confirm:
            head += " It is immutable; send changes to make a new version."
    else:
        head = f"Brief v{record.version} of '{experiment}' saved as a draft" + ("" if created else " (unchanged)")
        head += f" with {len(problems)} problem(s) to resolve before confirming." if problems else "; ready to confirm."
        earlier = [v for v in confirmed if v < record.version]
        if earlier:
            head += f" v{earlier[0]} is the original pre-registration; reports compare against it."

    return DraftBriefOutput(
        summary=head,
        experiment=experiment,
        version=record.version,
        status=record.status,
        created_new_version=created,
        content_hash=record.content_hash,
        confirmed_at=record.confirmed_at,
        brief=record.brief,
        problems=problems if record.status == "draft" else [],
        markdown=markdown,
        path=ws.display(path),
        versions=all_versions,
        confirmed_versions=confirmed,
    )


SPEC = ToolSpec(
    name="draft_brief",
    title="Draft and pre-register an experiment brief",
    fn=draft_brief,
    input_model=DraftBriefInput,
    output_model=DraftBriefOutput,
    read_only=False,
    destructive=False,
    idempotent=True,
)
