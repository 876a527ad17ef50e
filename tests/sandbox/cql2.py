"""A small CQL2-JSON evaluator for the catalog search's ``filter`` (served only when the
``catalog_conformance`` knob advertises ``…/item-search#filter``): logical and comparison
operators of Basic CQL2 plus ``in`` and ``isNull``, over item properties and ``collection``/``id``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.sandbox.errors import bad_request

COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def check(expression: Any) -> None:
    """400 for anything this evaluator does not understand (before any item is read)."""
    if not isinstance(expression, dict) or "op" not in expression:
        raise bad_request("filter must be a CQL2-JSON expression {op, args}")
    op = str(expression["op"]).lower()
    args = expression.get("args")
    if not isinstance(args, list):
        raise bad_request(f"CQL2 {op} needs args")
    if op in ("and", "or"):
        if len(args) < 2:
            raise bad_request(f"CQL2 {op} needs at least two arguments")
        for arg in args:
            check(arg)
    elif op == "not":
        if len(args) != 1:
            raise bad_request("CQL2 not takes one argument")
        check(args[0])
    elif op in COMPARISONS or op == "in":
        if len(args) != 2 or not _is_property(args[0]):
            raise bad_request(f"CQL2 {op} compares a property with a value")
        if op == "in" and not isinstance(args[1], list):
            raise bad_request("CQL2 in needs a list")
    elif op == "isnull":
        if len(args) != 1 or not _is_property(args[0]):
            raise bad_request("CQL2 isNull takes one property")
    else:
        raise bad_request(f"Unsupported CQL2 operator {expression['op']!r}")


def _is_property(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("property"), str)


def _value(name: str, item: dict[str, Any]) -> Any:
    if name in ("collection", "id"):
        return item.get(name)
    return item["properties"].get(name.removeprefix("properties."))


def matches(expression: dict[str, Any], item: dict[str, Any]) -> bool:
    """Whether the STAC item ``item`` satisfies ``expression`` (already ``check``ed). A
    comparison with a missing property is false, as in SQL."""
    op = str(expression["op"]).lower()
    args = expression["args"]
    if op == "and":
        return all(matches(a, item) for a in args)
    if op == "or":
        return any(matches(a, item) for a in args)
    if op == "not":
        return not matches(args[0], item)
    value = _value(args[0]["property"], item)
    if op == "isnull":
        return value is None
    if value is None:
        return False
    if op == "in":
        return value in args[1]
    try:
        return COMPARISONS[op](value, args[1])
    except TypeError:
        raise bad_request(f"CQL2 {op} on {args[0]['property']}: incomparable values") from None
