"""Order-form schemas of the tasking data products (`GET /orders/schema/{id}`) and the
server-side validation of tasking order bodies against them."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from tests.sandbox import geo
from tests.sandbox.errors import bad_request
from tests.sandbox.world import DataProduct

DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$")
MAX_WINDOW_DAYS = 180
POINT_SCENE_KM = 5.0  # a point order delivers one scene of this size around the point

_DEFINITIONS = {
    "Polygon": {
        "title": "Polygon", "description": "A GeoJSON Polygon in EPSG:4326",
        "type": "object",
        "properties": {
            "type": {"title": "Type", "const": "Polygon", "type": "string"},
            "coordinates": {"type": "array", "items": {
                "type": "array", "minItems": 4,
                "items": {"type": "array", "minItems": 2, "items": {"type": "number"}}}},
        },
        "required": ["type", "coordinates"],
    },
    "Point": {
        "title": "Point", "description": "A GeoJSON Point in EPSG:4326", "type": "object",
        "properties": {
            "type": {"title": "Type", "const": "Point", "type": "string"},
            "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                            "items": {"type": "number"}},
        },
        "required": ["type", "coordinates"],
    },
}


def _common(geometry: str, area_hint: str) -> dict[str, Any]:
    return {
        "displayName": {"title": "Order name", "type": "string", "minLength": 1,
                        "maxLength": 200, "description": "A name to recognise the order by"},
        "acquisitionStart": {
            "title": "Acquisition start", "type": "string", "format": "date-time",
            "description": "Start of the acquisition window (UTC); not in the past"},
        "acquisitionEnd": {
            "title": "Acquisition end", "type": "string", "format": "date-time",
            "description": "End of the acquisition window (UTC); after the start, at most "
                           f"{MAX_WINDOW_DAYS} days later"},
        "geometry": {"title": "Geometry", "description": area_hint,
                     "allOf": [{"$ref": f"#/definitions/{geometry}"}]},
        "maxCloudCover": {
            "title": "Maximum cloud cover (%)", "type": "integer", "minimum": 0,
            "maximum": 100, "default": 20,
            "description": "Acquisitions with more cloud over the area are retried"},
    }


def _polygon_schema(title: str, modes: list[str], max_incidence: float) -> dict[str, Any]:
    properties = _common("Polygon", "The area to acquire, 0.25 to 2500 km², a single Polygon")
    properties.update({
        "maxIncidenceAngle": {
            "title": "Maximum incidence angle (°)", "type": "number", "minimum": 0,
            "maximum": max_incidence, "default": 30,
            "description": "Off-nadir limit; smaller angles mean fewer acquisition chances"},
        "acquisitionMode": {
            "title": "Acquisition mode", "type": "string", "enum": modes, "default": modes[0],
            "description": "mono: one image; stereo and tristereo: 2 or 3 images for 3D"},
        "geometricProcessing": {
            "title": "Geometric processing", "type": "string", "enum": ["ortho", "primary"],
            "default": "ortho", "description": "ortho: orthorectified; primary: sensor geometry"},
        "pansharpened": {
            "title": "Pan-sharpened", "type": "boolean", "default": True,
            "description": "Deliver pan-sharpened bands instead of separate PAN and MS"},
        "extraDescription": {
            "title": "Notes for the operations team", "type": "string", "maxLength": 500,
            "description": "Anything the feasibility study should take into account"},
    })
    return {
        "$schema": "http://json-schema.org/draft-07/schema#", "title": title, "type": "object",
        "properties": properties,
        "required": ["displayName", "acquisitionStart", "acquisitionEnd", "geometry",
                     "maxCloudCover", "maxIncidenceAngle", "acquisitionMode"],
        "additionalProperties": False,
        "definitions": copy.deepcopy({"Polygon": _DEFINITIONS["Polygon"]}),
    }


def _point_schema(title: str) -> dict[str, Any]:
    properties = _common("Point", f"The point to acquire: one {POINT_SCENE_KM:.0f} km × "
                                  f"{POINT_SCENE_KM:.0f} km scene centred on it")
    properties.update({
        "maxIncidenceAngle": {
            "title": "Maximum incidence angle (°)", "type": "number", "minimum": 10,
            "maximum": 45, "default": 25, "description": "Off-nadir limit"},
        "acquisitionMode": {
            "title": "Acquisition mode", "type": "string", "enum": ["single", "burst"],
            "default": "single", "description": "burst: several images seconds apart"},
    })
    return {
        "$schema": "http://json-schema.org/draft-07/schema#", "title": title, "type": "object",
        "properties": properties,
        "required": ["displayName", "acquisitionStart", "acquisitionEnd", "geometry",
                     "maxCloudCover"],
        "additionalProperties": False,
        "definitions": copy.deepcopy({"Point": _DEFINITIONS["Point"]}),
    }


SCHEMAS: dict[str, dict[str, Any]] = {
    "pneo-tasking-standard": _polygon_schema("Pléiades Neo Tasking: Standard tasking",
                                             ["mono", "stereo", "tristereo"], 50),
    "pneo-tasking-priority": _polygon_schema("Pléiades Neo Tasking: Priority tasking",
                                             ["mono", "stereo"], 40),
    "pneo-tasking-point": _point_schema("Pléiades Neo Tasking: Point target"),
}


def schema_for(product: DataProduct, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The product's schema; ``extra`` (knob ``tasking_schema_extra``) adds properties and
    required names, e.g. constructs a form renderer may not know."""
    schema = copy.deepcopy(SCHEMAS[product.name])
    if extra:
        schema["properties"].update(copy.deepcopy(extra.get("properties") or {}))
        schema["required"] += [n for n in extra.get("required") or []
                               if n not in schema["required"]]
    return schema


def geometry_type(product: DataProduct) -> str:
    ref = SCHEMAS[product.name]["properties"]["geometry"]["allOf"][0]["$ref"]
    return ref.rsplit("/", 1)[1]


def parse_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)


def _check_value(name: str, value: Any, spec: dict[str, Any]) -> str | None:
    """The reason value breaks spec, or None."""
    kind = spec.get("type")
    if kind == "string":
        if not isinstance(value, str):
            return f"{name} must be a string"
        if len(value) < spec.get("minLength", 0):
            return f"{name} must not be empty"
        if "maxLength" in spec and len(value) > spec["maxLength"]:
            return f"{name} must be at most {spec['maxLength']} characters"
        if spec.get("format") == "date-time":
            if not DATE_TIME.match(value):
                return f"{name} must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z"
            try:
                parse_time(value)
            except ValueError:
                return f"{name} is not a valid date-time: {value}"
    elif kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                kind == "integer" and not (isinstance(value, int) or float(value).is_integer())):
            return f"{name} must be {'an integer' if kind == 'integer' else 'a number'}"
        if "minimum" in spec and value < spec["minimum"]:
            return f"{name} must be at least {spec['minimum']}"
        if "maximum" in spec and value > spec["maximum"]:
            return f"{name} must be at most {spec['maximum']}"
    elif kind == "boolean" and not isinstance(value, bool):
        return f"{name} must be true or false"
    if "enum" in spec and value not in spec["enum"]:
        return f"{name} must be one of {', '.join(map(str, spec['enum']))}"
    return None


def validate_params(product: DataProduct, params: Any, display_name: Any,
                    now: dt.datetime, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The params with defaults filled in; a 400 with every problem found otherwise."""
    if not isinstance(params, dict):
        raise bad_request("params must be a JSON object with the order form's fields",
                          {"params": "must be an object"})
    schema = schema_for(product, extra)
    properties = schema["properties"]
    problems: dict[str, str] = {}
    if "geometry" in params:
        problems["params.geometry"] = ("the geometry goes in featureCollection, one feature "
                                       "per order, not in params")
    for name in sorted(set(params) - set(properties) - {"geometry"}):
        problems[f"params.{name}"] = f"{name} is not a field of {product.name}"
    values = dict(params)
    if display_name is not None and "displayName" not in values:
        values["displayName"] = display_name
    for name in schema["required"]:
        if name != "geometry" and name not in values:
            problems[f"params.{name}"] = f"{name} is required"
    for name, spec in properties.items():
        if name == "geometry" or name not in values:
            continue
        reason = _check_value(name, values[name], spec)
        if reason:
            problems[f"params.{name}"] = reason
    if not any(k in problems for k in ("params.acquisitionStart", "params.acquisitionEnd")) \
            and "acquisitionStart" in values and "acquisitionEnd" in values:
        start, end = parse_time(values["acquisitionStart"]), parse_time(values["acquisitionEnd"])
        if end <= start:
            problems["params.acquisitionEnd"] = "acquisitionEnd must be after acquisitionStart"
        elif end - start > dt.timedelta(days=MAX_WINDOW_DAYS):
            problems["params.acquisitionEnd"] = (f"the acquisition window must be at most "
                                                 f"{MAX_WINDOW_DAYS} days")
        # A start earlier today is fine (the order is taken now); a day earlier is the past.
        if start < now - dt.timedelta(days=1):
            problems["params.acquisitionStart"] = "acquisitionStart must not be in the past"
        if end <= now:
            problems["params.acquisitionEnd"] = "acquisitionEnd must be in the future"
    if problems:
        first = next(iter(problems.values()))
        raise bad_request(f"Invalid order parameters: {first}", problems)
    for name, spec in properties.items():
        if name not in values and "default" in spec:
            values[name] = spec["default"]
    values.pop("displayName", None)
    return values


def validate_geometry(product: DataProduct, index: int, data: Any) -> BaseGeometry:
    """The feature's geometry as the schema asks for it; a 400 in words otherwise."""
    wanted = geometry_type(product)
    field = f"featureCollection.features[{index}].geometry"
    try:
        geometry = geo.parse_geometry(data)
    except ValueError as error:
        raise bad_request(f"Invalid geometry: {error}", {field: str(error)}) from None
    if wanted == "Point" and not isinstance(geometry, Point):
        message = (f"{product.name} takes a Point geometry, not a {geometry.geom_type}: "
                   "give the point to acquire")
        raise bad_request(message, {field: message})
    if wanted == "Polygon" and not isinstance(geometry, Polygon):
        message = f"{product.name} takes a Polygon geometry, not a {geometry.geom_type}"
        raise bad_request(message, {field: message})
    if isinstance(geometry, Point):
        if not (-180 <= geometry.x <= 180 and -90 <= geometry.y <= 90):
            raise bad_request("The point is outside -180..180, -90..90", {field: "out of range"})
        return geometry
    if not geometry.is_valid:
        raise bad_request("Invalid geometry: the polygon intersects itself",
                          {field: "self-intersecting"})
    if geo.vertex_count(geometry) > geo.MAX_VERTICES:
        raise bad_request(f"Invalid geometry: {geo.vertex_count(geometry)} vertices; at most "
                          f"{geo.MAX_VERTICES} allowed", {field: "too many vertices"})
    area = geo.area_km2(geometry)
    if area > product.max_area_km2:
        raise bad_request(f"AOI too large: {area:.1f} km² exceeds the maximum of "
                          f"{product.max_area_km2:.0f} km²", {field: "too large"})
    return geometry


def point_scene(point: Point) -> Polygon:
    """The square scene a point order delivers."""
    half = POINT_SCENE_KM / 2
    corners = [geo.offset_km(point.x, point.y, dx, dy)
               for dx, dy in ((-half, -half), (half, -half), (half, half), (-half, half))]
    return Polygon([*corners, corners[0]])
