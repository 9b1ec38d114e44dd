"""Hypothesis strategies from a tool's published JSON input schema (the subset pydantic emits: $ref/$defs, anyOf,
enum, type, properties/required/additionalProperties, items/minItems, minimum/maximum and their exclusive forms).

Values are mostly valid for the schema, so calls get past the SDK's validation into the tool; one field in twenty
is a value of another JSON type (the SDK's refusal is a clean error too). Strings mix free text (any code point,
lone surrogates included), a pool of values the tools treat specially (names in the fuzz workspace, paths that
try to leave it, over-long names, control characters), and long runs. `overrides` replace the strategy of one
field (by property name) where a tool must be kept from starting slow work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
JSON_ANY = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)
ANY_CHAR = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included

Overrides = dict[str, st.SearchStrategy[Any]]


def strings(pool: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(pool),
        st.text(ANY_CHAR, max_size=24),
        st.text(st.sampled_from("./-_ab\n\x00~"), min_size=1, max_size=12),
        st.builds(lambda s, n: s * n, st.sampled_from(["a", "../", "é", "x/"]), st.integers(60, 2500)),
    )


def _number(schema: dict, integer: bool) -> st.SearchStrategy:
    lo = schema.get("minimum", schema.get("exclusiveMinimum"))
    hi = schema.get("maximum", schema.get("exclusiveMaximum"))
    if integer:
        lo_i = None if lo is None else int(lo) + (1 if "exclusiveMinimum" in schema else 0)
        hi_i = None if hi is None else int(hi) - (1 if "exclusiveMaximum" in schema else 0)
        inside = st.integers(min_value=lo_i, max_value=hi_i)
        edges = [v for v in (lo_i, hi_i, 0, 1, -1, 2**31, -(2**63), 10**18) if v is not None]
        return st.one_of(inside, st.sampled_from(edges))
    inside = st.floats(
        min_value=lo,
        max_value=hi,
        exclude_min="exclusiveMinimum" in schema,
        exclude_max="exclusiveMaximum" in schema,
        allow_nan=False,
        allow_infinity=False,
    )
    return st.one_of(inside, st.sampled_from([0.0, -1.0, 1e-12, 1e12, 1e308]))


def from_schema(
    schema: dict, defs: dict, pool: list[str], overrides: Overrides, name: str = "", depth: int = 0
) -> st.SearchStrategy[Any]:
    if name in overrides:
        return overrides[name]
    if "$ref" in schema:
        return from_schema(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, pool, overrides, name, depth)
    if "anyOf" in schema:
        return st.one_of([from_schema(s, defs, pool, overrides, name, depth) for s in schema["anyOf"]])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return from_schema(schema["allOf"][0], defs, pool, overrides, name, depth)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    if kind == "string":
        return strings(pool)
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        items = from_schema(schema.get("items", {}), defs, pool, overrides, "", depth + 1)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=max(schema.get("minItems", 0), 4))
    if kind == "object" or "properties" in schema:
        return _object(schema, defs, pool, overrides, depth)
    return JSON_ANY


def _object(schema: dict, defs: dict, pool: list[str], overrides: Overrides, depth: int) -> st.SearchStrategy:
    props = schema.get("properties")
    if props is None:
        extra = schema.get("additionalProperties", True)
        values = JSON_ANY if extra in (True, {}) else from_schema(extra, defs, pool, overrides, "", depth + 1)
        return st.dictionaries(strings(pool), values, max_size=4)
    required = set(schema.get("required", []))

    def field(key: str, sub: dict) -> st.SearchStrategy:
        typed = from_schema(sub, defs, pool, overrides, key, depth + 1)
        if key in overrides:
            return typed
        return st.integers(0, 19).flatmap(lambda i: typed if i else JSON_ANY)  # one in twenty: a wrong type

    return st.fixed_dictionaries(
        {k: field(k, v) for k, v in props.items() if k in required},
        optional={k: field(k, v) for k, v in props.items() if k not in required},
    )


def tool_arguments(
    schema: dict, pool: list[str], overrides: Overrides | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    return _object(schema, schema.get("$defs", {}), pool, overrides or {}, 0)


Filter = Callable[[dict[str, Any]], bool]
