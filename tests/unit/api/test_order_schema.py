"""The order form read from a data product's JSON Schema: kinds, limits, choices, geometry,
plain-text fallbacks, the checks before anything is sent, and the params built."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from up42_qgis.api.errors import OrderFormError
from up42_qgis.api.order_schema import (
    FieldKind,
    ProblemKind,
    build_params,
    coerce_value,
    parse_schema,
    validate,
)

TODAY = date(2026, 12, 2)
POLYGON = {"type": "Polygon", "coordinates": [[[13, 52], [14, 52], [14, 53], [13, 52]]]}
POINT = {"type": "Point", "coordinates": [13.4, 52.5]}

# Shaped like UP42's tasking schemas: refs into definitions, allOf wrappers, anyOf with null.
TASKING = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "title": "Pléiades Neo tasking",
    "additionalProperties": False,
    "required": ["acquisitionStart", "acquisitionEnd", "geometry", "acquisitionMode"],
    "properties": {
        "acquisitionStart": {"type": "string", "format": "date-time", "title": "Start"},
        "acquisitionEnd": {"type": "string", "format": "date-time", "title": "End"},
        "geometry": {"$ref": "#/definitions/Polygon"},
        "acquisitionMode": {"allOf": [{"$ref": "#/definitions/AcquisitionMode"}]},
        "maxCloudCover": {
            "type": "integer",
            "minimum": 5,
            "maximum": 20,
            "default": 20,
            "description": "Maximum cloud cover in percent.",
        },
        "maxIncidenceAngle": {"anyOf": [{"type": "number", "maximum": 50}, {"type": "null"}]},
        "priority": {"anyOf": [{"const": "STANDARD"}, {"const": "PRIORITY"}]},
        "stereo": {"type": "boolean", "default": False},
        "extraDescription": {"type": "string", "maxLength": 20},
        "bands": {"type": "array", "items": {"type": "string"}},
        "remote": {"$ref": "https://example.com/schema.json"},
    },
    "definitions": {
        "Polygon": {
            "title": "Polygon",
            "type": "object",
            "properties": {"type": {"enum": ["Polygon"]}, "coordinates": {"type": "array"}},
        },
        "AcquisitionMode": {"title": "Acquisition mode", "enum": ["mono", "stereo"]},
    },
}


def values(**extra: object) -> dict[str, object]:
    return {
        "acquisitionStart": "2026-12-10",
        "acquisitionEnd": "2026-12-20",
        "acquisitionMode": "mono",
        **extra,
    }


def test_fields_get_their_kinds_titles_and_limits() -> None:
    schema = parse_schema(TASKING)
    kinds = {f.name: f.kind for f in schema.fields}
    assert kinds == {
        "acquisitionStart": FieldKind.DATE_TIME,
        "acquisitionEnd": FieldKind.DATE_TIME,
        "geometry": FieldKind.GEOMETRY,
        "acquisitionMode": FieldKind.ENUM,
        "maxCloudCover": FieldKind.INTEGER,
        "maxIncidenceAngle": FieldKind.NUMBER,
        "priority": FieldKind.ENUM,
        "stereo": FieldKind.BOOLEAN,
        "extraDescription": FieldKind.STRING,
        "bands": FieldKind.UNKNOWN,
        "remote": FieldKind.UNKNOWN,
    }
    mode = schema.field("acquisitionMode")
    assert mode is not None
    assert mode.title == "Acquisition mode"
    assert mode.required
    assert mode.choices == ("mono", "stereo")
    cloud = schema.field("maxCloudCover")
    assert cloud is not None
    assert (cloud.minimum, cloud.maximum, cloud.default) == (5, 20, 20)
    assert cloud.description == "Maximum cloud cover in percent."
    assert not cloud.required
    assert schema.field("priority").choices == ("STANDARD", "PRIORITY")  # type: ignore[union-attr]
    assert schema.field("maxIncidenceAngle").maximum == 50  # type: ignore[union-attr]
    assert schema.geometry_types == ("Polygon",)
    assert not schema.accepts_point
    assert schema.window == ("acquisitionStart", "acquisitionEnd")
    assert not schema.complete
    assert {f.name for f in schema.plain_text_fields} == {"bands", "remote"}
    assert "geometry" not in {f.name for f in schema.form_fields}


def test_unknown_constructs_never_crash() -> None:
    odd = {
        "properties": {
            "a": {"type": ["string", "integer"]},
            "b": {"$ref": "#/definitions/missing"},
            "c": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "d": {"type": "object", "properties": {"x": {"type": "string"}}},
            "e": "not a schema",
            "f": {"enum": []},
            "g": {"$ref": "#/definitions/loop"},
        },
        "definitions": {"loop": {"$ref": "#/definitions/loop"}},
        "required": "nonsense",
    }
    schema = parse_schema(odd)
    assert [f.kind for f in schema.fields] == [FieldKind.UNKNOWN] * 7
    assert all(f.note for f in schema.fields if f.name != "e")
    assert parse_schema("garbage").fields == ()
    assert parse_schema({"properties": []}).fields == ()


def test_a_point_only_product_and_either_geometry() -> None:
    point = parse_schema(
        {
            "properties": {"geometry": {"$ref": "#/definitions/Point"}},
            "definitions": {
                "Point": {"type": "object", "properties": {"type": {"const": "Point"}}}
            },
        }
    )
    assert point.geometry_types == ("Point",)
    assert point.accepts_point
    assert not point.accepts_polygon
    either = parse_schema(
        {"properties": {"geometry": {"oneOf": [{"title": "Polygon"}, {"title": "Point"}]}}}
    )
    assert either.geometry_types == ("Polygon", "Point")
    no_field = parse_schema({"properties": {"id": {"type": "string"}}})
    assert no_field.geometry_types == ("Polygon",)


def test_good_values_pass() -> None:
    schema = parse_schema(TASKING)
    assert validate(schema, values(maxCloudCover="10", stereo="yes"), TODAY, POLYGON) == []


@pytest.mark.parametrize(
    ("extra", "field", "kind"),
    [
        ({"acquisitionMode": None}, "acquisitionMode", ProblemKind.MISSING),
        ({"acquisitionMode": "tri"}, "acquisitionMode", ProblemKind.NOT_A_CHOICE),
        ({"maxCloudCover": 30}, "maxCloudCover", ProblemKind.OUT_OF_RANGE),
        ({"maxCloudCover": 4}, "maxCloudCover", ProblemKind.OUT_OF_RANGE),
        ({"maxCloudCover": "ten"}, "maxCloudCover", ProblemKind.WRONG_TYPE),
        ({"maxCloudCover": 10.5}, "maxCloudCover", ProblemKind.WRONG_TYPE),
        ({"maxIncidenceAngle": 51}, "maxIncidenceAngle", ProblemKind.OUT_OF_RANGE),
        ({"stereo": "maybe"}, "stereo", ProblemKind.WRONG_TYPE),
        ({"extraDescription": "x" * 21}, "extraDescription", ProblemKind.LENGTH),
        ({"acquisitionStart": "2026-12-01"}, "acquisitionStart", ProblemKind.IN_THE_PAST),
        ({"acquisitionStart": "soon"}, "acquisitionStart", ProblemKind.NOT_A_DATE),
        ({"acquisitionEnd": "2026-12-09"}, "acquisitionEnd", ProblemKind.REVERSED),
        ({"maxCloudcover": 10}, "maxCloudcover", ProblemKind.UNKNOWN_FIELD),
    ],
)
def test_each_bad_value_is_one_typed_problem(extra: dict, field: str, kind: ProblemKind) -> None:
    problems = validate(parse_schema(TASKING), values(**extra), TODAY, POLYGON)
    assert [(p.field, p.kind) for p in problems] == [(field, kind)]


def test_problems_carry_what_the_message_needs() -> None:
    schema = parse_schema(TASKING)
    (range_problem,) = validate(schema, values(maxCloudCover=30), TODAY, POLYGON)
    assert range_problem.limit == (5, 20)
    assert range_problem.value == 30
    (reversed_problem,) = validate(schema, values(acquisitionEnd="2026-12-09"), TODAY, POLYGON)
    assert reversed_problem.title == "End"
    assert reversed_problem.limit == "Start"
    (choice,) = validate(schema, values(acquisitionMode="tri"), TODAY, POLYGON)
    assert choice.limit == ("mono", "stereo")


def test_the_same_day_is_not_reversed_and_today_is_not_past() -> None:
    schema = parse_schema(TASKING)
    same_day = values(acquisitionStart="2026-12-02", acquisitionEnd="2026-12-02")
    assert validate(schema, same_day, TODAY, POLYGON) == []


def test_the_geometry_must_be_of_an_allowed_type() -> None:
    schema = parse_schema(TASKING)
    (problem,) = validate(schema, values(), TODAY, POINT)
    assert problem.kind == ProblemKind.WRONG_GEOMETRY
    assert problem.limit == ("Polygon",)
    (missing,) = validate(schema, values(), TODAY, None)
    assert (missing.field, missing.kind) == ("geometry", ProblemKind.MISSING)
    (garbage,) = validate(schema, values(), TODAY, {"type": "Polygon", "coordinates": 3})
    assert garbage.kind == ProblemKind.WRONG_GEOMETRY


def test_params_are_built_without_the_geometry_and_with_rfc3339_dates() -> None:
    schema = parse_schema(TASKING)
    params = build_params(schema, values(maxCloudCover="10", stereo="no", bands='["B1"]'))
    assert params == {
        "acquisitionStart": "2026-12-10T00:00:00Z",
        "acquisitionEnd": "2026-12-20T23:59:59Z",
        "acquisitionMode": "mono",
        "maxCloudCover": 10,
        "stereo": False,
        "bands": ["B1"],
    }


def test_a_required_empty_field_gets_its_default_and_extra_keys_pass_when_allowed() -> None:
    schema = parse_schema(
        {
            "required": ["mode"],
            "properties": {"mode": {"enum": ["a", "b"], "default": "b"}, "n": {"type": "integer"}},
        }
    )
    assert validate(schema, {}, TODAY) == []
    assert build_params(schema, {"extra": 1}) == {"mode": "b", "extra": 1}


def test_building_refuses_values_it_cannot_read() -> None:
    with pytest.raises(OrderFormError) as caught:
        build_params(parse_schema(TASKING), values(maxCloudCover="lots"))
    assert [p.field for p in caught.value.problems] == ["maxCloudCover"]
    assert caught.value.maybe_sent is False


def test_coercion_of_form_text() -> None:
    schema = parse_schema(TASKING)
    start = schema.field("acquisitionStart")
    mode = schema.field("acquisitionMode")
    assert start is not None
    assert mode is not None
    assert coerce_value(start, "2026-12-10T08:00:00Z") == (
        datetime(2026, 12, 10, 8, tzinfo=UTC),
        None,
    )
    assert coerce_value(start, date(2026, 12, 10)) == (date(2026, 12, 10), None)
    assert coerce_value(mode, "MONO") == ("mono", None)
    assert coerce_value(mode, "  ") == (None, None)
    cloud = schema.field("maxCloudCover")
    assert cloud is not None
    assert coerce_value(cloud, "1e400") == (None, ProblemKind.WRONG_TYPE)
