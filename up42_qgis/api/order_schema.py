"""A data product's order form (``GET /orders/schema/{dataProductId}``, contract §4.2): the
schema read into typed fields (``parse_schema``, from ``schema_fields``), the values checked
against it before anything is sent (``validate``), and the order's ``params`` built from them
(``build_params``).

Values come from a form widget or a Processing PARAMS object: text, numbers, booleans,
``date``/``datetime`` objects. ``coerce_value`` turns each into what the schema asks for
("10" into 10 for an integer, "2026-12-01" into a date). What the user reads about a
``Problem`` is the faces' business (``toolbelt.messages.form_problem_text``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

from .errors import OrderFormError
from .json_values import JSON, format_timestamp, geometry_problem, parse_timestamp
from .schema_fields import (
    GEOMETRY_TYPES,
    FieldKind,
    FieldSpec,
    OrderSchema,
    parse_schema,
)

__all__ = [
    "GEOMETRY_TYPES",
    "FieldKind",
    "FieldSpec",
    "OrderSchema",
    "Problem",
    "ProblemKind",
    "build_params",
    "coerce_value",
    "parse_schema",
    "validate",
]

_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
END_OF_DAY = time(23, 59, 59)


class ProblemKind(StrEnum):
    MISSING = "missing"  # a required field without a value
    WRONG_TYPE = "wrong-type"  # limit: the FieldKind expected
    OUT_OF_RANGE = "out-of-range"  # limit: (minimum, maximum), either may be None
    LENGTH = "length"  # limit: (min_length, max_length)
    PATTERN = "pattern"  # limit: the pattern
    NOT_A_CHOICE = "not-a-choice"  # limit: the choices
    NOT_A_DATE = "not-a-date"
    IN_THE_PAST = "in-the-past"  # limit: today
    REVERSED = "reversed"  # the end not after the start; limit: the start field's title
    WRONG_GEOMETRY = "wrong-geometry"  # limit: the geometry types allowed
    UNKNOWN_FIELD = "unknown-field"  # a key the schema does not have (no extra keys allowed)


@dataclass(frozen=True)
class Problem:
    """One reason the form cannot be sent; ``field`` is the schema's property name (or
    ``geometry`` for the AOI), ``title`` what the form calls it."""

    field: str
    kind: ProblemKind
    title: str = ""
    value: Any = None
    limit: Any = None

    def __str__(self) -> str:  # English, for logs; the faces translate (toolbelt.messages)
        name = self.title or self.field
        return f"{name}: {self.kind.value}" + (f" ({self.limit})" if self.limit else "")


# --- one value ------------------------------------------------------------------------------
def coerce_value(spec: FieldSpec, value: Any) -> tuple[Any, ProblemKind | None]:
    """(the value as the schema wants it, None), (None, None) when it is empty, or
    (None, the kind of problem) when it cannot be read as that field's kind."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    text = value.strip() if isinstance(value, str) else None
    kind = spec.kind
    if kind == FieldKind.INTEGER:
        number = _number(value)
        if number is None or not number.is_integer():
            return None, ProblemKind.WRONG_TYPE
        return int(number), None
    if kind == FieldKind.NUMBER:
        number = _number(value)
        return (number, None) if number is not None else (None, ProblemKind.WRONG_TYPE)
    if kind == FieldKind.BOOLEAN:
        if isinstance(value, bool):
            return value, None
        word = (text or str(value)).lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE, None
        return None, ProblemKind.WRONG_TYPE
    if kind == FieldKind.ENUM:
        return _choice(spec, value)
    if spec.is_date:
        moment = _moment(value)
        return (moment, None) if moment is not None else (None, ProblemKind.NOT_A_DATE)
    if kind == FieldKind.STRING:
        if isinstance(value, dict | list):
            return None, ProblemKind.WRONG_TYPE
        return (text if text is not None else str(value)), None
    if kind == FieldKind.UNKNOWN and text is not None and text[:1] in "[{":
        try:
            return json.loads(text), None
        except ValueError:
            return text, None
    return value, None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value.strip().replace(",", ".") if isinstance(value, str) else value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _choice(spec: FieldSpec, value: Any) -> tuple[Any, ProblemKind | None]:
    for choice in spec.choices:
        if choice == value and type(choice) is type(value):
            return choice, None
    wanted = str(value).strip()
    for choice in spec.choices:
        if str(choice) == wanted:
            return choice, None
    folded = [c for c in spec.choices if str(c).casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0], None
    return None, ProblemKind.NOT_A_CHOICE


def _moment(value: Any) -> date | datetime | None:
    """A date (a day given without a time) or an aware UTC datetime."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    return parse_timestamp(text)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _instant(moment: date | datetime, end: bool) -> datetime:
    """A day as the start (00:00) or, for a window's end, the end (23:59:59) of that day."""
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, END_OF_DAY if end else time(0, 0), tzinfo=UTC)


# --- the whole form -------------------------------------------------------------------------
def validate(
    schema: OrderSchema,
    values: Mapping[str, Any],
    today: date,
    geometry: JSON | None = None,
) -> list[Problem]:
    """Every problem of the values (and the order's geometry) against the schema, in the
    schema's order; empty when the form may be sent. ``today`` (UTC) is passed in so a
    caller's clock, not this module's, decides what "in the past" is."""
    problems: list[Problem] = []
    moments: dict[str, date | datetime] = {}
    for spec in schema.fields:
        if spec.kind == FieldKind.GEOMETRY:
            continue
        value, kind = coerce_value(spec, values.get(spec.name))
        if kind is not None:
            limit = spec.choices if kind == ProblemKind.NOT_A_CHOICE else spec.kind
            problems.append(Problem(spec.name, kind, spec.title, values.get(spec.name), limit))
        elif value is None:
            if spec.required and not spec.has_default:
                problems.append(Problem(spec.name, ProblemKind.MISSING, spec.title))
        else:
            problems.extend(_limits(spec, value, today))
            if spec.is_date:
                moments[spec.name] = value
    window = schema.window
    if window is not None and window[0] in moments and window[1] in moments:
        start, end = window
        if _instant(moments[end], True) <= _instant(moments[start], False):
            start_spec = schema.field(start)
            problems.append(
                Problem(
                    end,
                    ProblemKind.REVERSED,
                    _title(schema, end),
                    values.get(end),
                    start_spec.title if start_spec else start,
                )
            )
    problems.extend(_geometry_problems(schema, geometry))
    if not schema.additional_properties:
        known = set(schema.names)
        problems.extend(
            Problem(str(k), ProblemKind.UNKNOWN_FIELD, str(k), values[k])
            for k in values
            if k not in known
        )
    return problems


def _title(schema: OrderSchema, name: str) -> str:
    spec = schema.field(name)
    return spec.title if spec is not None else name


def _limits(spec: FieldSpec, value: Any, today: date) -> list[Problem]:
    found: list[Problem] = []
    if spec.kind in (FieldKind.INTEGER, FieldKind.NUMBER):
        low = spec.minimum is not None and (
            value <= spec.minimum if spec.exclusive_minimum else value < spec.minimum
        )
        high = spec.maximum is not None and (
            value >= spec.maximum if spec.exclusive_maximum else value > spec.maximum
        )
        if low or high:
            found.append(
                Problem(
                    spec.name,
                    ProblemKind.OUT_OF_RANGE,
                    spec.title,
                    value,
                    (spec.minimum, spec.maximum),
                )
            )
    elif spec.kind == FieldKind.STRING:
        length = len(value)
        if (spec.min_length is not None and length < spec.min_length) or (
            spec.max_length is not None and length > spec.max_length
        ):
            limit = (spec.min_length, spec.max_length)
            found.append(Problem(spec.name, ProblemKind.LENGTH, spec.title, value, limit))
        if spec.pattern and not _matches(spec.pattern, value):
            found.append(Problem(spec.name, ProblemKind.PATTERN, spec.title, value, spec.pattern))
    elif spec.is_date and _day(value) < today:
        found.append(Problem(spec.name, ProblemKind.IN_THE_PAST, spec.title, value, today))
    return found


def _matches(pattern: str, value: str) -> bool:
    """A pattern Python cannot read (JSON Schema's are ECMA 262) is not held against the user."""
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True


def _geometry_problems(schema: OrderSchema, geometry: JSON | None) -> list[Problem]:
    spec = schema.geometry_field
    name, title = (spec.name, spec.title) if spec else ("geometry", "geometry")
    allowed = schema.geometry_types
    if geometry is None:
        if spec is not None and spec.required:
            return [Problem(name, ProblemKind.MISSING, title)]
        return []
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if geometry_problem(geometry) is not None or kind not in allowed:
        return [Problem(name, ProblemKind.WRONG_GEOMETRY, title, kind, allowed)]
    return []


def build_params(schema: OrderSchema, values: Mapping[str, Any]) -> JSON:
    """The order's ``params``: every field but the geometry (that goes into the order's
    featureCollection, contract §6.1), as the schema's kind wants it; dates as RFC 3339
    (a window's end given as a day runs to 23:59:59 of that day); a required field left
    empty gets its default. Keys the schema does not know pass unchanged when it allows
    them. Raises OrderFormError when a value cannot be read (``validate`` says it first)."""
    params: JSON = {}
    window_end = schema.window[1] if schema.window else None
    problems: list[Problem] = []
    for spec in schema.fields:
        if spec.kind == FieldKind.GEOMETRY:
            continue
        value, kind = coerce_value(spec, values.get(spec.name))
        if kind is not None:
            problems.append(Problem(spec.name, kind, spec.title, values.get(spec.name)))
            continue
        if value is None:
            if spec.required and spec.has_default:
                params[spec.name] = spec.default
            continue
        params[spec.name] = _formatted(spec, value, spec.name == window_end)
    if problems:
        raise OrderFormError(
            "The order form has values UP42 cannot take: " + "; ".join(map(str, problems)),
            tuple(problems),
        )
    if schema.additional_properties:
        known = set(schema.names)
        params.update({str(k): v for k, v in values.items() if k not in known})
    return params


def _formatted(spec: FieldSpec, value: Any, window_end: bool) -> Any:
    if spec.kind == FieldKind.DATE:
        return _day(value).isoformat()
    if spec.kind == FieldKind.DATE_TIME:
        return format_timestamp(_instant(value, window_end))
    return value
