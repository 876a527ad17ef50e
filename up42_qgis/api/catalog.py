"""Glossary collections, catalog search (page by page) and preview images."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .endpoints import Endpoints
from .errors import NotFoundError
from .gc_pause import collector_paused
from .http import Transport
from .json_values import format_timestamp
from .models import JSON, Collection, Scene, ScenePage, SearchRequest

# A server that never says "last page" must not keep us looping forever.
MAX_GLOSSARY_PAGES = 200


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


def search_body(request: SearchRequest) -> JSON:
    """The POST body of the first page (contract §5.2)."""
    body: JSON = {
        "intersects": request.aoi,
        "limit": int(request.page_size),
        "sortby": [
            {
                "field": request.sort.stac_field,
                "direction": "asc" if request.ascending else "desc",
            }
        ],
    }
    if request.collections:
        body["collections"] = list(request.collections)
    interval = datetime_range(request.start, request.end)
    if interval:
        body["datetime"] = interval
    if request.max_cloud is not None:
        body["query"] = {"cloudCoverage": {"lte": float(request.max_cloud)}}
    return body


def next_link(links: Any) -> JSON | None:
    for link in links or ():
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return link
    return None


def next_body(link: JSON | None, previous_body: JSON) -> JSON | None:
    """The body that fetches the page a STAC ``next`` link names, always as a POST body:
    a POST link's ``body`` verbatim; a GET link's ``token`` merged into the previous body."""
    if link is None:
        return None
    if str(link.get("method") or "GET").upper() == "POST" and isinstance(link.get("body"), dict):
        return dict(link["body"])
    token = parse_qs(urlsplit(str(link["href"])).query).get("token")
    if not token:
        return None
    return {**previous_body, "token": token[0]}


def scene_page(payload: JSON, body: JSON) -> ScenePage:
    """The page a search answered with ``payload`` to the request ``body``."""
    features = [f for f in payload.get("features") or () if isinstance(f, dict)]
    matched = payload.get("numberMatched")
    with collector_paused():  # thousands of scenes at once: see gc_pause
        scenes = tuple([Scene.from_json(f) for f in features])
    return ScenePage(
        scenes=scenes,
        number_matched=matched if isinstance(matched, int) else None,
        next_request=next_body(next_link(payload.get("links")), body) if features else None,
    )


class CatalogApi:
    def __init__(self, transport: Transport, endpoints: Endpoints) -> None:
        self._transport = transport
        self._endpoints = endpoints

    def collections(self) -> list[Collection]:
        """Every page of ``/v2/collections`` (the SDK's query: ``page`` and ``sort``)."""
        found: list[Collection] = []
        for page in range(MAX_GLOSSARY_PAGES):
            payload = self._transport.json(
                "GET",
                self._endpoints.api_url("/v2/collections"),
                params={"page": page, "sort": "name,asc"},
            )
            content = [c for c in payload.get("content") or () if isinstance(c, dict)]
            found.extend(Collection.from_json(c) for c in content)
            total_pages = payload.get("totalPages")
            number = payload.get("number", page)
            if not content or not isinstance(total_pages, int) or number + 1 >= total_pages:
                break
        return found

    def search_page(self, request: SearchRequest, next_request: JSON | None = None) -> ScenePage:
        body = next_request if next_request is not None else search_body(request)
        # Searching changes nothing on the server, so the POST may be retried like a GET.
        return self._transport.json_into(
            "POST",
            self._endpoints.api_url("/v2/catalog/search"),
            lambda payload: scene_page(payload, body),
            json_body=body,
            retry_errors=True,
        )

    def search(self, request: SearchRequest, max_scenes: int | None = None) -> Iterator[ScenePage]:
        seen = 0
        next_request: JSON | None = None
        while True:
            page = self.search_page(request, next_request)
            if max_scenes is not None and seen + len(page.scenes) >= max_scenes:
                yield ScenePage(page.scenes[: max_scenes - seen], page.number_matched, None)
                return
            seen += len(page.scenes)
            yield page
            if not page.has_more:
                return
            next_request = page.next_request

    def preview_href(self, scene: Scene, kind: str) -> str:
        href = scene.quicklook_href if kind == "quicklook" else scene.thumbnail_href
        if kind not in ("quicklook", "thumbnail"):
            raise ValueError(f"Unknown preview kind: {kind!r}")
        if not href:
            raise NotFoundError(f"Scene {scene.id} has no {kind}.", 404)
        return href
