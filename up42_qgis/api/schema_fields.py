"""Reading a data product's order form: its JSON Schema (``GET /orders/schema/{id}``,
contract §4.2) read into typed field specs a form or an algorithm can show and fill.

Reading never fails on what it does not understand: a construct outside the small set read
here (arrays, nested objects, remote ``$ref``, mixed ``anyOf``) becomes a plain-text field
(``FieldKind.UNKNOWN``) with a ``note`` saying why, so the form stays usable and the user sees
which field was not rendered fully. Import it from ``order_schema``, which adds checking the
values and building the order's ``params``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .json_values import JSON

__all__ = [
    "GEOMETRY_TYPES",
    "FieldKind",
    "FieldSpec",
    "OrderSchema",
    "parse_schema",
]

GEOMETRY_TYPES = ("Point", "MultiPoint", "Polygon", "MultiPolygon", "LineString")
# The geometry UP42 takes when a schema does not say (contract §6.1: one Polygon per feature).
DEFAULT_GEOMETRY_TYPES = ("Polygon",)
MAX_REF_DEPTH = 12
_START = re.compile(r"start|from|begin", re.IGNORECASE)
_END = re.compile(r"end|until", re.IGNORECASE)


class FieldKind(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATE_TIME = "date-time"
    ENUM = "enum"
    GEOMETRY = "geometry"
    UNKNOWN = "unknown"  # shown as a plain-text field; ``FieldSpec.note`` says why


@dataclass(frozen=True)
class FieldSpec:
    """One property of the order form.

    ``minimum``/``maximum`` bound numbers (``exclusive_*`` when the bound itself is out),
    ``min_length``/``max_length`` and ``pattern`` bound strings, ``choices`` are an enum's
    values (as UP42 spells them), ``geometry_types`` the GeoJSON types a geometry field takes.
    """

    name: str
    kind: FieldKind
    title: str
    description: str = ""
    required: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    choices: tuple[Any, ...] = ()
    geometry_types: tuple[str, ...] = ()
    note: str = ""
    raw: JSON = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_date(self) -> bool:
        return self.kind in (FieldKind.DATE, FieldKind.DATE_TIME)

    @property
    def has_default(self) -> bool:
        return self.default is not None


@dataclass(frozen=True)
class OrderSchema:
    """The whole form: its fields in the schema's order, and whether other keys are allowed."""

    fields: tuple[FieldSpec, ...]
    title: str = ""
    description: str = ""
    additional_properties: bool = True
    raw: JSON = field(default_factory=dict, compare=False, repr=False)

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def geometry_field(self) -> FieldSpec | None:
        return next((f for f in self.fields if f.kind == FieldKind.GEOMETRY), None)

    @property
    def geometry_types(self) -> tuple[str, ...]:
        """What the order's geometry may be: the schema's geometry field's types, else a
        Polygon (UP42's default)."""
        spec = self.geometry_field
        return spec.geometry_types if spec is not None else DEFAULT_GEOMETRY_TYPES

    @property
    def accepts_point(self) -> bool:
        return "Point" in self.geometry_types

    @property
    def accepts_polygon(self) -> bool:
        return "Polygon" in self.geometry_types or "MultiPolygon" in self.geometry_types

    @property
    def form_fields(self) -> tuple[FieldSpec, ...]:
        """Every field but the geometry (that one comes from the AOI tools)."""
        return tuple(f for f in self.fields if f.kind != FieldKind.GEOMETRY)

    @property
    def plain_text_fields(self) -> tuple[FieldSpec, ...]:
        """The fields this reader could not render fully (shown as plain text)."""
        return tuple(f for f in self.fields if f.kind == FieldKind.UNKNOWN)

    @property
    def complete(self) -> bool:
        return not self.plain_text_fields

    @property
    def window(self) -> tuple[str, str] | None:
        """The names of the acquisition window's start and end date fields, when the schema
        has one (``acquisitionStart``/``acquisitionEnd`` in UP42's tasking schemas)."""
        dates = [f.name for f in self.fields if f.is_date]
        start = next((n for n in dates if _START.search(n)), None)
        end = next((n for n in dates if n != start and _END.search(n)), None)
        return (start, end) if start and end else None


def parse_schema(raw: Any) -> OrderSchema:
    """The form of a JSON Schema (draft-07 as UP42 sends it). Anything this reader does not
    understand becomes a plain-text field; nothing here raises."""
    if not isinstance(raw, dict):
        return OrderSchema(fields=(), raw={})
    root = raw
    node = _Resolver(root).resolve(raw)
    properties = node.get("properties")
    required = node.get("required")
    required_names = {str(n) for n in required} if isinstance(required, list) else set()
    fields: list[FieldSpec] = []
    if isinstance(properties, dict):
        resolver = _Resolver(root)
        for name, value in properties.items():
            fields.append(_field(str(name), value, str(name) in required_names, resolver))
    return OrderSchema(
        fields=tuple(fields),
        title=_text(node.get("title")),
        description=_text(node.get("description")),
        additional_properties=node.get("additionalProperties") is not False,
        raw=raw,
    )


# --- reading one property ------------------------------------------------------------------
class _Resolver:
    """Local ``$ref`` (``#/definitions/X``, ``#/$defs/X``) and ``allOf`` merged into one node."""

    def __init__(self, root: JSON) -> None:
        self.root = root
        self.notes: list[str] = []
        self.ref_names: list[str] = []

    def resolve(self, node: Any, depth: int = 0) -> JSON:
        if not isinstance(node, dict):
            return {}
        if depth > MAX_REF_DEPTH:
            self.notes.append("references nested too deep")
            return {}
        merged: JSON = {}
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self._pointer(ref)
            if target is None:
                self.notes.append(f"reference {ref[:60]} not found")
            else:
                self.ref_names.append(ref.rsplit("/", 1)[-1])
                merged.update(self.resolve(target, depth + 1))
        all_of = node.get("allOf")
        if isinstance(all_of, list):
            for part in all_of:
                merged = _merge(merged, self.resolve(part, depth + 1))
        own = {k: v for k, v in node.items() if k not in ("$ref", "allOf")}
        return _merge(merged, own)

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#"):
            return None  # a remote reference is never fetched
        target: Any = self.root
        for part in ref[1:].strip("/").split("/"):
            if not part:
                continue
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                return None
            target = target[part]
        return target


def _merge(first: JSON, second: JSON) -> JSON:
    merged = dict(first)
    for key, value in second.items():
        if key == "required" and isinstance(value, list):
            merged[key] = [*merged.get(key, []), *value]
        elif key == "properties" and isinstance(value, dict):
            merged[key] = {**(merged.get(key) or {}), **value}
        else:
            merged[key] = value
    return merged


def _field(name: str, value: Any, required: bool, resolver: _Resolver) -> FieldSpec:
    resolver.notes, resolver.ref_names = [], []
    node = resolver.resolve(value)
    alternatives = _alternatives(node, resolver)
    if alternatives is not None:
        node = alternatives
    common: dict[str, Any] = {
        "name": name,
        "title": _text(node.get("title")) or name,
        "description": _text(node.get("description")),
        "required": required,
        "default": node.get("default"),
        "raw": node,
    }
    geometry = _geometry_types(name, node, resolver.ref_names)
    if geometry:
        return FieldSpec(kind=FieldKind.GEOMETRY, geometry_types=geometry, **common)
    if resolver.notes:
        return FieldSpec(kind=FieldKind.UNKNOWN, note="; ".join(resolver.notes), **common)
    choices = _choices(node)
    if choices is not None:
        if not choices:
            return FieldSpec(kind=FieldKind.UNKNOWN, note="an enum with no values", **common)
        return FieldSpec(kind=FieldKind.ENUM, choices=choices, **common)
    kind, note = _kind_of(node)
    if kind in (FieldKind.INTEGER, FieldKind.NUMBER):
        minimum, exclusive_min = _bound(node, "minimum", "exclusiveMinimum")
        maximum, exclusive_max = _bound(node, "maximum", "exclusiveMaximum")
        return FieldSpec(
            kind=kind,
            minimum=minimum,
            maximum=maximum,
            exclusive_minimum=exclusive_min,
            exclusive_maximum=exclusive_max,
            **common,
        )
    if kind == FieldKind.STRING:
        pattern = node.get("pattern")
        return FieldSpec(
            kind=kind,
            min_length=_count(node.get("minLength")),
            max_length=_count(node.get("maxLength")),
            pattern=pattern if isinstance(pattern, str) else None,
            **common,
        )
    return FieldSpec(kind=kind, note=note, **common)


def _alternatives(node: JSON, resolver: _Resolver) -> JSON | None:
    """``anyOf``/``oneOf`` read as one node: null dropped (optional), constants joined into
    an enum, a single remaining alternative merged; None when there is none."""
    for key in ("anyOf", "oneOf"):
        options = node.get(key)
        if not isinstance(options, list):
            continue
        resolved = [resolver.resolve(o) for o in options]
        resolved = [o for o in resolved if o.get("type") != "null"]
        rest = {k: v for k, v in node.items() if k not in ("anyOf", "oneOf")}
        if len(resolved) == 1:
            return _merge(resolved[0], rest)
        constants = [_choices(o) for o in resolved]
        if resolved and all(c is not None and c for c in constants):
            joined = tuple(v for c in constants if c for v in c)
            return {**rest, "enum": list(joined)}
        if resolved and all(_geometry_types("", o, []) for o in resolved):
            types = tuple(t for o in resolved for t in _geometry_types("", o, []))
            return {**rest, "x-geometry-types": list(dict.fromkeys(types))}
        resolver.notes.append(f"{key} of {len(resolved)} different kinds")
        return rest
    return None


def _choices(node: JSON) -> tuple[Any, ...] | None:
    if "const" in node:
        return (node["const"],)
    values = node.get("enum")
    if not isinstance(values, list):
        return None
    return tuple(v for v in values if v is None or isinstance(v, str | int | float | bool))


def _kind_of(node: JSON) -> tuple[FieldKind, str]:
    kind = node.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) != 1:
            return FieldKind.UNKNOWN, f"one of the types {', '.join(map(str, kinds))}"
        kind = kinds[0]
    if kind is None and any(k in node for k in ("minimum", "maximum")):
        kind = "number"
    if kind == "string":
        form = node.get("format")
        if form == "date":
            return FieldKind.DATE, ""
        if form == "date-time":
            return FieldKind.DATE_TIME, ""
        return FieldKind.STRING, ""
    simple = {"integer": FieldKind.INTEGER, "number": FieldKind.NUMBER}
    if kind in simple:
        return simple[kind], ""
    if kind == "boolean":
        return FieldKind.BOOLEAN, ""
    if kind is None:
        return FieldKind.UNKNOWN, "no type given"
    return FieldKind.UNKNOWN, f"a value of type {str(kind)[:30]}"


def _geometry_types(name: str, node: JSON, ref_names: list[str]) -> tuple[str, ...]:
    """The GeoJSON types a geometry property takes, or () when it is no geometry."""
    marked = node.get("x-geometry-types")
    if isinstance(marked, list):
        return tuple(str(t) for t in marked if t in GEOMETRY_TYPES)
    properties = node.get("properties")
    type_node = properties.get("type") if isinstance(properties, dict) else None
    if isinstance(type_node, dict):
        named = _choices(type_node) or ()
        found = tuple(str(t) for t in named if t in GEOMETRY_TYPES)
        if found:
            return found
    names = [n for n in (*ref_names, _text(node.get("title"))) if n in GEOMETRY_TYPES]
    if names:
        return tuple(dict.fromkeys(names))
    if name == "geometry" and node.get("type") in ("object", None):
        return DEFAULT_GEOMETRY_TYPES
    return ()


def _bound(node: JSON, inclusive: str, exclusive: str) -> tuple[float | None, bool]:
    """A draft-07 (number) or draft-04 (boolean) exclusive bound, else the inclusive one."""
    value = node.get(exclusive)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), True
    limit = node.get(inclusive)
    if isinstance(limit, int | float) and not isinstance(limit, bool):
        return float(limit), value is True
    return None, False


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
