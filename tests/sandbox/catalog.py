"""Catalog search (contract §5): parsing POST bodies and GET queries, filtering, paging."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from tests.sandbox import cql2, geo, paging
from tests.sandbox.catalog_links import next_link
from tests.sandbox.errors import ApiError, bad_request
from tests.sandbox.world import Scene, World, scene_json, scene_properties

QUERYABLE = {
    "cloudcoverage": "cloudCoverage", "eo:cloud_cover": "eo:cloud_cover",
    "resolution": "resolution", "gsd": "gsd", "deliverytime": "deliveryTime",
}
OPERATORS = ("eq", "neq", "lt", "lte", "gt", "gte", "in")
SORTABLE = {"properties.datetime": "datetime", "datetime": "datetime",
            "properties.cloudcoverage": "cloudCoverage", "properties.eo:cloud_cover":
            "eo:cloud_cover", "properties.resolution": "resolution", "properties.gsd": "gsd"}
DELIVERY_ORDER = {"MINUTES": 0, "HOURS": 1, "DAYS": 2}


@dataclasses.dataclass
class SearchRequest:
    collections: list[str] | None = None
    geometry: BaseGeometry | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    limit: int = 50
    query: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    ids: list[str] | None = None
    sortby: list[tuple[str, bool]] = dataclasses.field(default_factory=list)
    offset: int = 0
    filter: dict[str, Any] | None = None
    stac_only: bool = False  # the items carry STAC property names only (knob)


def advertises(conformance: list[str] | None, fragment: str) -> bool:
    """None: the admin endpoints and the legacy path, which take everything."""
    return conformance is None or any(u.endswith(f"/item-search#{fragment}") for u in conformance)


def _parse_instant(text: str) -> dt.datetime:
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(f"Invalid datetime {text!r}", "Use RFC 3339, e.g. 2024-01-01T00:00:00Z") \
            from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _parse_datetime(value: Any) -> tuple[dt.datetime | None, dt.datetime | None]:
    if not isinstance(value, str) or not value:
        raise bad_request("datetime must be a string: an instant or an interval a/b")
    if "/" not in value:
        instant = _parse_instant(value)
        return instant, instant
    start_text, _, end_text = value.partition("/")
    start = None if start_text in ("", "..") else _parse_instant(start_text)
    end = None if end_text in ("", "..") else _parse_instant(end_text)
    if start and end and start > end:
        raise bad_request("datetime interval starts after it ends")
    return start, end


def _parse_query(query: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(query, dict):
        raise bad_request("query must be an object of {property: {operator: value}}")
    clean: dict[str, dict[str, Any]] = {}
    for name, condition in query.items():
        prop = QUERYABLE.get(str(name).lower())
        if prop is None:
            raise bad_request(f"Unsupported query property {name!r}",
                              f"Queryable: {', '.join(sorted(set(QUERYABLE.values())))}")
        if not isinstance(condition, dict) or not condition:
            raise bad_request(f"Query on {name} must be an object of operators")
        ops: dict[str, Any] = {}
        for op, operand in condition.items():
            op_lower = str(op).lower()
            if op_lower not in OPERATORS:
                raise bad_request(f"Unsupported query operator {op!r} on {name}",
                                  f"Operators: {', '.join(OPERATORS)}")
            if op_lower == "in" and not isinstance(operand, list):
                raise bad_request(f"Operator in on {name} needs a list")
            ops[op_lower] = operand
        clean.setdefault(prop, {}).update(ops)
    return clean


def _parse_sortby(value: Any) -> list[tuple[str, bool]]:
    """[(scene attribute, descending)]; accepts the POST list form and the GET string form."""
    entries: list[tuple[str, str]] = []
    if isinstance(value, str):
        for part in filter(None, (p.strip() for p in value.split(","))):
            descending = part.startswith("-")
            entries.append((part.lstrip("+-"), "desc" if descending else "asc"))
    elif isinstance(value, list):
        for entry in value:
            if not isinstance(entry, dict) or "field" not in entry:
                raise bad_request("sortby entries need a field")
            entries.append((str(entry["field"]), str(entry.get("direction", "asc")).lower()))
    else:
        raise bad_request("sortby must be a list of {field, direction}")
    result = []
    for field, direction in entries:
        attribute = SORTABLE.get(field.lower())
        if attribute is None or direction not in ("asc", "desc"):
            raise bad_request(f"Unsupported sortby {field} {direction}",
                              "Sortable: properties.datetime, properties.cloudCoverage, "
                              "properties.resolution")
        result.append((attribute, direction == "desc"))
    return result


def parse_body(body: dict[str, Any], *, allow_token: bool = True,
               conformance: list[str] | None = None) -> SearchRequest:
    """A search body; ``query``, ``sortby`` and ``filter`` are 400 unless ``conformance``
    advertises them (a server that does not know them must not seem to honour them)."""
    if not isinstance(body, dict):
        raise bad_request("The search body must be a JSON object")
    known = {"collections", "bbox", "intersects", "datetime", "limit", "query", "ids", "sortby",
             "token", "filter", "filter-lang", "fields"}
    unknown = set(body) - known
    if unknown:
        raise bad_request(f"Unknown search parameters: {', '.join(sorted(unknown))}")
    for name, fragment in (("query", "query"), ("sortby", "sort"), ("filter", "filter")):
        if body.get(name) is not None and not advertises(conformance, fragment):
            raise bad_request(f"{name} is not supported by this catalog search",
                              "The landing page's conformsTo does not list it")
    request = SearchRequest()
    if body.get("filter") is not None:
        if body.get("filter-lang", "cql2-json") != "cql2-json":
            raise bad_request("Only filter-lang cql2-json is supported")
        cql2.check(body["filter"])
        request.filter = body["filter"]
    if body.get("bbox") is not None and body.get("intersects") is not None:
        raise bad_request("Use either bbox or intersects, not both")
    if body.get("bbox") is not None:
        bbox = body["bbox"]
        if (not isinstance(bbox, list) or len(bbox) not in (4, 6)
                or not all(isinstance(v, int | float) for v in bbox)):
            raise bad_request("bbox must be 4 numbers: west, south, east, north")
        west, south, east, north = (bbox[0], bbox[1], bbox[-3], bbox[-2]) if len(bbox) == 6 \
            else bbox
        if south > north or not (-90 <= south <= 90 and -90 <= north <= 90):
            raise bad_request("bbox latitudes are out of order or range")
        if west > east:  # crosses the antimeridian (RFC 7946)
            request.geometry = box(west, south, 180, north).union(box(-180, south, east, north))
        else:
            request.geometry = box(west, south, east, north)
    if body.get("intersects") is not None:
        try:
            request.geometry = geo.parse_geometry(body["intersects"])
        except ValueError as error:
            raise bad_request(f"Invalid intersects: {error}") from None
    if body.get("collections") is not None:
        collections = body["collections"]
        if not isinstance(collections, list) or not all(isinstance(c, str) for c in collections):
            raise bad_request("collections must be a list of collection names")
        request.collections = collections
    if body.get("ids") is not None:
        ids = body["ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise bad_request("ids must be a list of strings")
        request.ids = ids
    if body.get("datetime") is not None:
        request.start, request.end = _parse_datetime(body["datetime"])
    if body.get("limit") is not None:
        limit = body["limit"]
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 500:
            raise bad_request("limit must be an integer between 1 and 500")
        request.limit = limit
    if body.get("query") is not None:
        request.query = _parse_query(body["query"])
    if body.get("sortby") is not None:
        request.sortby = _parse_sortby(body["sortby"])
    if allow_token:
        request.offset = paging.decode_token(body.get("token"))
    return request


def _compare(value: Any, op: str, operand: Any, prop: str) -> bool:
    if prop == "deliveryTime":
        rank = DELIVERY_ORDER.get(value, 99)
        if op in ("eq", "neq", "in"):
            members = operand if op == "in" else [operand]
            hit = any(str(m).upper() == value for m in members)
            return not hit if op == "neq" else hit
        if str(operand).upper() not in DELIVERY_ORDER:
            raise bad_request(f"deliveryTime must be one of {', '.join(DELIVERY_ORDER)}")
        value, operand = rank, DELIVERY_ORDER[str(operand).upper()]
    elif op == "in":
        if not all(isinstance(m, int | float) for m in operand):
            raise bad_request(f"Operator in on {prop} needs numbers")
    elif isinstance(operand, bool) or not isinstance(operand, int | float):
        raise bad_request(f"Query on {prop} needs a number")
    if value is None:
        return False
    return {
        "eq": lambda: value == operand,
        "neq": lambda: value != operand,
        "lt": lambda: value < operand,
        "lte": lambda: value <= operand,
        "gt": lambda: value > operand,
        "gte": lambda: value >= operand,
        "in": lambda: value in operand,
    }[op]()


def _item(scene: Scene, stac_only: bool) -> dict[str, Any]:
    return {"id": scene.id, "collection": scene.collection.name,
            "properties": scene_properties(scene, stac_only)}


def matching_scenes(world: World, request: SearchRequest) -> list[Scene]:
    scenes = world.candidates(request.geometry)
    if request.collections is not None:
        wanted = set(request.collections)
        scenes = [s for s in scenes if s.collection.name in wanted]
    if request.ids is not None:
        wanted = set(request.ids)
        scenes = [s for s in scenes if s.id in wanted]
    if request.start is not None:
        scenes = [s for s in scenes if s.datetime >= request.start]
    if request.end is not None:
        scenes = [s for s in scenes if s.datetime <= request.end]
    served = {s.id: scene_properties(s, request.stac_only) for s in scenes}
    for prop, ops in request.query.items():
        for op, operand in ops.items():
            scenes = [s for s in scenes if _compare(served[s.id].get(prop), op, operand, prop)]
    if request.filter is not None:
        scenes = [s for s in scenes if cql2.matches(request.filter, _item(s, request.stac_only))]
    sortby = request.sortby or [("datetime", True)]
    scenes.sort(key=lambda s: s.id)
    for attribute, descending in reversed(sortby):
        def key(scene: Scene, attribute: str = attribute, descending: bool = descending) -> Any:
            value = scene.datetime if attribute == "datetime" else served[scene.id].get(attribute)
            # Items without the property come last in either direction.
            return (value is not None) if descending else (value is None), \
                value if value is not None else 0
        scenes.sort(key=key, reverse=descending)
    return scenes


def search_page(world: World, request: SearchRequest, api: str, *, method: str,
                body: dict[str, Any], query_pairs: list[tuple[str, str]],
                next_style: str = "post-body") -> dict[str, Any]:
    scenes = matching_scenes(world, request)
    if request.offset > len(scenes):
        raise bad_request("Invalid paging token", "The token points past the last result")
    page = scenes[request.offset:request.offset + request.limit]
    search_url = f"{api}/v2/catalog/search"
    links: list[dict[str, Any]] = [
        {"rel": "self", "href": search_url, "type": "application/geo+json"},
        {"rel": "root", "href": f"{api}/v2/catalog/", "type": "application/json"},
    ]
    next_offset = request.offset + request.limit
    if page and next_offset < len(scenes):
        token = paging.encode_token(next_offset)
        links.append(next_link(next_style, method, search_url, body, query_pairs, token))
    return {
        "type": "FeatureCollection",
        "features": [scene_json(s, api, request.stac_only) for s in page],
        "numberMatched": len(scenes),
        "numberReturned": len(page),
        "links": links,
    }


def legacy_search(world: World, host: str, body: Any, next_token: str | None,
                  api: str) -> dict[str, Any]:
    """The deprecated SDK path (§5.5): v1 errors (422) and the token in ?next=."""
    hosted = {c.name for c in world.collections if c.host == host}
    if not hosted:
        raise ApiError(404, f"Host {host} not found")
    try:
        request = parse_body(body, allow_token=False)
        request.offset = paging.decode_token(next_token) if next_token else 0
    except ApiError as error:
        raise ApiError(422, error.title, error.detail if isinstance(error.detail, str) else "") \
            from None
    request.collections = [c for c in (request.collections or hosted) if c in hosted]
    scenes = matching_scenes(world, request)
    page = scenes[request.offset:request.offset + request.limit]
    url = f"{api}/catalog/hosts/{host}/stac/search"
    links = [{"rel": "self", "href": url}]
    next_offset = request.offset + request.limit
    if page and next_offset < len(scenes):
        links.append({"rel": "next", "href": f"{url}?next={paging.encode_token(next_offset)}"})
    return {"type": "FeatureCollection", "features": [scene_json(s, api) for s in page],
            "links": links}


_extents: dict[str, dict[str, Any]] = {}


def _extent(spec: Any, world: World) -> dict[str, Any]:
    """A collection's extent; the world never changes, so it is computed once."""
    if spec.name not in _extents:
        _extents[spec.name] = _compute_extent(spec, world)
    return _extents[spec.name]


def _compute_extent(spec: Any, world: World) -> dict[str, Any]:
    scenes = [s for s in world.scenes if s.collection is spec]
    if scenes:
        west = min(s.geometry.bounds[0] for s in scenes)
        south = min(s.geometry.bounds[1] for s in scenes)
        east = max(s.geometry.bounds[2] for s in scenes)
        north = max(s.geometry.bounds[3] for s in scenes)
        first = min(s.timestamp for s in scenes)
        last = max(s.timestamp for s in scenes)
        extent = {"spatial": {"bbox": [[round(v, 6) for v in (west, south, east, north)]]},
                  "temporal": {"interval": [[first, last]]}}
    else:
        extent = {"spatial": {"bbox": [[-180.0, -90.0, 180.0, 90.0]]},
                  "temporal": {"interval": [[None, None]]}}
    return extent


def stac_collection(spec: Any, world: World, api: str) -> dict[str, Any]:
    extent = _extent(spec, world)
    base = f"{api}/v2/catalog/collections/{spec.name}"
    return {
        "type": "Collection", "stac_version": "1.0.0", "id": spec.name, "title": spec.title,
        "description": spec.description, "license": "proprietary", "extent": extent,
        "links": [{"rel": "self", "href": base, "type": "application/json"},
                  {"rel": "items", "href": f"{base}/items", "type": "application/geo+json"},
                  {"rel": "root", "href": f"{api}/v2/catalog/", "type": "application/json"}],
    }


def count_pages(total: int, limit: int) -> int:
    return max(1, math.ceil(total / limit))
