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


def first_of(mapping: JSON, *keys: str) -> Any:
    for key in keys:
        if mapping.get(key) is not None:
            return mapping[key]
    return None
