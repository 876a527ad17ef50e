"""What a catalog search sends, built from what the catalog says it can do (contract §5.1).

The landing page's ``conformsTo`` decides: a cloud limit becomes a CQL2-JSON ``filter`` when
``…/item-search#filter`` is advertised, else a ``query`` when ``#query`` is, else it is applied
here, on the client; ``sortby`` is sent only when ``#sort`` is, else the client sorts, which
means reading every match first. Radar collections (``cloudless_collections``) never get the
cloud condition: one CQL2 ``or``, or one search per kind of collection, merged here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from .json_values import JSON, format_timestamp
from .scenes import Scene, SearchRequest

CLOUD_PROPERTY = "eo:cloud_cover"


@dataclass(frozen=True)
class Capabilities:
    """The item-search conformance classes the client builds on."""

    filter: bool = False
    query: bool = False
    sort: bool = False

    @classmethod
    def from_conformance(cls, uris: Iterable[Any]) -> Capabilities:
        texts = [u.strip().rstrip("/") for u in uris if isinstance(u, str)]

        def has(fragment: str) -> bool:
            return any(u.endswith(f"/item-search#{fragment}") for u in texts)

        return cls(filter=has("filter"), query=has("query"), sort=has("sort"))


def _as_datetime(value: date | datetime, end_of_day: bool) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(23, 59, 59) if end_of_day else time(0, 0, 0))


def datetime_range(start: date | datetime | None, end: date | datetime | None) -> str | None:
    """STAC ``datetime`` for a date range: whole days, open ends as ``..``."""
    if start is None and end is None:
        return None
    first = format_timestamp(_as_datetime(start, False)) if start is not None else ".."
    last = format_timestamp(_as_datetime(end, True)) if end is not None else ".."
    return f"{first}/{last}"


@dataclass(frozen=True)
class SearchPlan:
    """The POST bodies of one search (one per stream) and what the client does itself."""

    bodies: tuple[JSON, ...]
    max_cloud: float | None
    cloudless: frozenset[str]
    client_filters: bool
    client_sorts: bool

    @property
    def local(self) -> bool:
        """The client holds the result: it sorts it, or merges several streams."""
        return self.client_sorts or len(self.bodies) > 1

    def keeps(self, scene: Scene) -> bool:
        """The cloud limit, checked on every scene whoever filtered (a server that ignores
        a filter cannot show what the user excluded); radar is never cloud-limited."""
        if self.max_cloud is None or scene.collection.lower() in self.cloudless:
            return True
        return scene.cloud_cover is not None and scene.cloud_cover <= self.max_cloud


def base_body(request: SearchRequest, capabilities: Capabilities) -> JSON:
    body: JSON = {"intersects": request.aoi, "limit": int(request.page_size)}
    if capabilities.sort:
        direction = "asc" if request.ascending else "desc"
        body["sortby"] = [{"field": request.sort.stac_field, "direction": direction}]
    if request.collections:
        body["collections"] = list(request.collections)
    interval = datetime_range(request.start, request.end)
    if interval:
        body["datetime"] = interval
    return body


def cql2_cloud_filter(max_cloud: float, cloudless: Iterable[str]) -> JSON:
    """``eo:cloud_cover <= max`` or, for radar, ``collection = <name>`` (basic CQL2 only)."""
    condition: JSON = {"op": "<=", "args": [{"property": CLOUD_PROPERTY}, max_cloud]}
    radar = [{"op": "=", "args": [{"property": "collection"}, name]} for name in cloudless]
    return {"op": "or", "args": [condition, *radar]} if radar else condition


def plan_search(request: SearchRequest, capabilities: Capabilities) -> SearchPlan:
    base = base_body(request, capabilities)
    cloudless_names = tuple(dict.fromkeys(request.cloudless_collections))
    cloudless = frozenset(name.lower() for name in cloudless_names)
    max_cloud = None if request.max_cloud is None else float(request.max_cloud)
    if request.collections:
        optical = [c for c in request.collections if c.lower() not in cloudless]
        radar = [c for c in request.collections if c.lower() in cloudless]
        if not optical:
            max_cloud = None  # radar only: there is no cloud cover to limit
    else:  # every collection: the radar ones are those the glossary names
        optical, radar = [], list(cloudless_names)
    bodies: tuple[JSON, ...] = (base,)
    client_filters = False
    if max_cloud is not None:
        if capabilities.filter:
            cloud_filter = cql2_cloud_filter(max_cloud, radar)
            bodies = ({**base, "filter": cloud_filter, "filter-lang": "cql2-json"},)
        elif capabilities.query:
            cloudy: JSON = {**base, "query": {CLOUD_PROPERTY: {"lte": max_cloud}}}
            if optical:
                cloudy["collections"] = optical
            bodies = (cloudy, {**base, "collections": radar}) if radar else (cloudy,)
        else:
            client_filters = True
    return SearchPlan(
        bodies=bodies,
        max_cloud=max_cloud,
        cloudless=cloudless,
        client_filters=client_filters,
        client_sorts=not capabilities.sort,
    )


def sort_key(request: SearchRequest) -> Any:
    """A key for ``sorted``/``heapq.merge`` with ``reverse=not ascending``: scenes without
    a value come last in either direction."""
    missing = 0 if not request.ascending else 1

    def key(scene: Scene) -> tuple[int, Any]:
        value = request.sort.value_of(scene)
        if value is None:
            return (missing, 0)
        return (1 - missing, value)

    return key
