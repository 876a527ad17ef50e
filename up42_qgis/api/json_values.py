"""Reading the values in UP42's JSON: RFC 3339 timestamps, numbers that may be missing or
odd, and GeoJSON geometries kept in a form that costs the garbage collector little."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

JSON = dict[str, Any]


def parse_timestamp(value: str | None) -> datetime | None:
    """RFC 3339 (with ``Z`` or an offset) to an aware UTC datetime; None when absent or bad."""
    if not value or not isinstance(value, str):
        return None
    try:  # Python 3.11 reads RFC 3339 with "Z" itself
        parsed = datetime.fromisoformat(value)
    except ValueError:
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_timestamp(value: datetime) -> str:
    """An aware or naive (taken as UTC) datetime as RFC 3339 with a ``Z`` suffix."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def frozen_geometry(geometry: Any) -> JSON:
    """A GeoJSON geometry with its coordinate arrays as tuples (still valid JSON to dump)."""
    if not isinstance(geometry, dict):
        return {}
    if "coordinates" not in geometry:
        return geometry
    return {**geometry, "coordinates": _tuples(geometry["coordinates"])}


def _tuples(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    if value and isinstance(value[0], list) and value[0] and not isinstance(value[0][0], list):
        try:  # a ring of positions, the bulk of any footprint: one call for all of them
            return tuple(map(tuple, value))
        except TypeError:  # a malformed ring (a bare number among the positions)
            pass
    return tuple([_tuples(item) for item in value])


def float_or_none(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def number_or_none(value: Any) -> float | None:
    """A number, infinities and NaN included (``price_of`` says why they are no price)."""
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def price_of(value: Any) -> tuple[float | None, str | None]:
    """(credits, None) for a price UP42 may send, else (None, why): NaN, infinities,
    negative numbers, booleans and text are not prices."""
    credits = number_or_none(value)
    if credits is None:
        return None, f"UP42 sent no usable price ({str(value)[:40]!r})."
    if not math.isfinite(credits) or credits < 0:
        return None, f"UP42 sent an impossible price ({value!r} credits); nothing was ordered."
    return credits, None


def first_of(mapping: JSON, *keys: str) -> Any:
    for key in keys:
        if mapping.get(key) is not None:
            return mapping[key]
    return None


GEOMETRY_DEPTHS = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


def geometry_problem(geometry: Any) -> str | None:
    """Why ``geometry`` is no GeoJSON geometry at all (None when it is one, or absent).

    Only garbage counts: not an object, an unknown or missing ``type``, ``coordinates`` that
    are not nested arrays as deep as the type needs. A ring with a stray value inside is
    left to the layer code (it shows as an empty footprint, not as a lost search)."""
    if geometry is None:
        return None
    if not isinstance(geometry, dict):
        return f"a {type(geometry).__name__}, not an object"
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            return "a GeometryCollection without a geometries array"
        return next((p for p in map(geometry_problem, parts) if p), None)
    if kind not in GEOMETRY_DEPTHS:
        return f"unknown type {str(kind)[:40]!r}"
    value = geometry.get("coordinates")
    for _ in range(GEOMETRY_DEPTHS[kind] + 1):
        if not isinstance(value, list):
            return f"{kind} coordinates are not nested arrays"
        if not value:
            return None  # an empty geometry is still a geometry
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{kind} positions do not start with a number"
    return None
