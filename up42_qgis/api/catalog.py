"""Glossary collections, catalog search (page by page) and preview images.

A search is built from the catalog's conformance classes (``stac_search``) and paged by its
``next`` links (``stac_paging``). Where the server pages in the order the user asked for,
each ``search_page`` is one server page (fewer when the client filters). Where the client
sorts (no ``#sort``) or merges several streams (radar and optical without CQL2), the first
call reads the result (every match, up to ``MAX_LOCAL_SCENES``, when sorting), keeps it, and
"Load more" serves the next slice from it without asking the server again: a sorted result
cannot be shown page by page before all of it is known.
"""

from __future__ import annotations

import heapq
import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterator

from .endpoints import Endpoints
from .errors import NotFoundError
from .gc_pause import collector_paused
from .http import Transport
from .json_values import JSON
from .models import Collection
from .scenes import MalformedSceneError, Scene, ScenePage, SearchRequest, add_skip_reasons
from .stac_paging import Continuation, follow, next_body, next_link, origin
from .stac_search import (
    Capabilities,
    SearchPlan,
    datetime_range,
    plan_search,
    sort_key,
)

__all__ = [
    "CatalogApi",
    "datetime_range",
    "next_body",
    "next_link",
    "scene_page",
    "search_body",
]

log = logging.getLogger("up42_qgis.api")

# A server that never says "last page" must not keep us looping forever.
MAX_GLOSSARY_PAGES = 200
MAX_SEARCH_PAGES = 1000
# Pages read in a row that the client's cloud filter empties, before giving the user a page.
MAX_FILTERED_PAGES = 20
# What a search sorted or merged on the client reads at most.
MAX_LOCAL_SCENES = 20_000
CACHED_RESULTS = 8


def search_body(request: SearchRequest, capabilities: Capabilities | None = None) -> JSON:
    """The POST body of the first page (of the first stream) for ``capabilities`` (default:
    the contract's landing page: ``#query`` and ``#sort``)."""
    return plan_search(request, capabilities or Capabilities(query=True, sort=True)).bodies[0]


def scene_page(payload: JSON, continuation: Continuation | JSON, api: str = "") -> ScenePage:
    """The page a search answered with ``payload``. Malformed features are skipped (each
    with a logged reason) and counted in ``skipped``; ``next_request`` is the continuation
    its ``next`` link names (only to ``api``'s origin, when given)."""
    if isinstance(continuation, dict):  # a bare previous POST body (older callers)
        continuation = Continuation("POST", api or "", continuation)
    features = payload.get("features")
    if not isinstance(features, list):
        features = []
    scenes: list[Scene] = []
    skipped = 0
    reasons: list[str] = []
    with collector_paused():  # thousands of scenes at once: see gc_pause
        for feature in features:
            try:
                scenes.append(Scene.from_json(feature))
            except MalformedSceneError as error:
                skipped += 1
                add_skip_reasons(reasons, [str(error)[:200]])
                name = feature.get("id") if isinstance(feature, dict) else None
                log.warning("Catalog search: skipped scene %r: %s", str(name)[:80], error)
    matched = payload.get("numberMatched")
    following = None
    if features and (api or continuation.href):  # without a URL there is nothing to follow
        following = follow(next_link(payload.get("links")), continuation, api or continuation.href)
    return ScenePage(
        scenes=tuple(scenes),
        number_matched=matched if isinstance(matched, int) else None,
        next_request=following.to_json() if following else None,
        skipped=skipped,
        skip_reasons=tuple(reasons),
    )


class _LocalResult:
    """A result the client holds: sorted in full, or merged lazily from sorted streams."""

    def __init__(self, source: Iterator[Scene], matched: int | None) -> None:
        self.lock = threading.Lock()
        self.scenes: list[Scene] = []
        self.source: Iterator[Scene] | None = source
        self.number_matched = matched
        self.skipped = 0
        self.skip_reasons: list[str] = []
        self.read_limit_reached = False
        self.broken = False  # a read failed: the merge cannot resume, the search must restart

    def take(self, offset: int, count: int) -> tuple[list[Scene], bool]:
        with self.lock:
            while self.source is not None and len(self.scenes) < offset + count + 1:
                try:
                    scene = next(self.source, None)
                except BaseException:
                    self.source, self.broken = None, True
                    raise
                if scene is None:
                    self.source = None
                else:
                    self.scenes.append(scene)
            return self.scenes[offset : offset + count], len(self.scenes) > offset + count


class CatalogApi:
    def __init__(self, transport: Transport, endpoints: Endpoints) -> None:
        self._transport = transport
        self._endpoints = endpoints
        self._capabilities: Capabilities | None = None
        self._lock = threading.Lock()
        self._results: OrderedDict[str, _LocalResult] = OrderedDict()

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

    # --- conformance ---------------------------------------------------------------------
    def capabilities(self) -> Capabilities:
        """What the catalog's landing page (``GET /v2/catalog/``) advertises; read once per
        client (a failure is not remembered: the next search asks again)."""
        with self._lock:
            if self._capabilities is not None:
                return self._capabilities
        landing = self._transport.json("GET", self._endpoints.api_url("/v2/catalog/"))
        uris = landing.get("conformsTo")
        if not isinstance(uris, list):
            conformance = next(
                (
                    link.get("href")
                    for link in landing.get("links") or ()
                    if isinstance(link, dict) and link.get("rel") == "conformance"
                ),
                None,
            )
            if isinstance(conformance, str) and origin(conformance) == origin(self._endpoints.api):
                uris = self._transport.json("GET", conformance).get("conformsTo")
        capabilities = Capabilities.from_conformance(uris if isinstance(uris, list) else [])
        log.info("Catalog conformance: %s", capabilities)
        with self._lock:
            self._capabilities = capabilities
        return capabilities

    # --- search --------------------------------------------------------------------------
    def _fetch(self, continuation: Continuation) -> ScenePage:
        # Searching changes nothing on the server, so the POST may be retried like a GET.
        return self._transport.json_into(
            continuation.method,
            continuation.href,
            lambda payload: scene_page(payload, continuation, self._endpoints.api),
            json_body=continuation.body if continuation.method == "POST" else None,
            retry_errors=True,
        )

    def _first(self, body: JSON) -> Continuation:
        return Continuation("POST", self._endpoints.api_url("/v2/catalog/search"), body)

    def _server_page(self, plan: SearchPlan, continuation: Continuation) -> ScenePage:
        """One server page, or, where the client filters, as many as it takes to show at
        least one scene (bounded): an empty page with "more" would puzzle the user."""
        skipped = 0
        reasons: list[str] = []
        kept: list[Scene] = []
        for _ in range(MAX_FILTERED_PAGES):
            page = self._fetch(continuation)
            skipped += page.skipped
            add_skip_reasons(reasons, page.skip_reasons)
            kept += [s for s in page.scenes if plan.keeps(s)]
            following = Continuation.from_json(page.next_request)
            if kept or following is None or not plan.client_filters:
                break
            continuation = following
        return ScenePage(
            scenes=tuple(kept),
            number_matched=None if plan.client_filters else page.number_matched,
            next_request=page.next_request,
            skipped=skipped,
            skip_reasons=tuple(reasons),
        )

    def _stream(
        self, body: JSON, result: _LocalResult, counts: list[int | None]
    ) -> Iterator[Scene]:
        """Every scene of one stream, page after page; ``counts`` gets its numberMatched."""
        continuation: Continuation | None = self._first(body)
        index = len(counts)
        counts.append(None)
        for _ in range(MAX_SEARCH_PAGES):
            if continuation is None:
                return
            page = self._fetch(continuation)
            counts[index] = page.number_matched
            result.skipped += page.skipped
            add_skip_reasons(result.skip_reasons, page.skip_reasons)
            yield from page.scenes
            continuation = Continuation.from_json(page.next_request)
        log.warning("Catalog search: stopped after %d pages.", MAX_SEARCH_PAGES)

    def _local_result(self, request: SearchRequest, plan: SearchPlan) -> _LocalResult:
        result = _LocalResult(iter(()), None)
        counts: list[int | None] = []
        streams = [self._stream(body, result, counts) for body in plan.bodies]
        key = sort_key(request)
        seen: set[tuple[str, str]] = set()

        def unique(scenes: Iterator[Scene]) -> Iterator[Scene]:
            for scene in scenes:
                ident = (scene.collection.lower(), scene.id)
                if ident not in seen and plan.keeps(scene):
                    seen.add(ident)
                    yield scene

        if plan.client_sorts:
            everything: list[Scene] = []
            for scene in unique(s for stream in streams for s in stream):
                everything.append(scene)
                if len(everything) >= MAX_LOCAL_SCENES:
                    result.read_limit_reached = True
                    log.warning(
                        "Catalog search: sorting the first %d matches only.", MAX_LOCAL_SCENES
                    )
                    break
            everything.sort(key=key, reverse=not request.ascending)
            result.source = iter(everything)
            result.number_matched = None if result.read_limit_reached else len(everything)
        else:  # every stream comes sorted by the server: merge them as they come
            result.source = unique(heapq.merge(*streams, key=key, reverse=not request.ascending))
            result.take(0, request.page_size)  # every stream's first page, for the count
            known = [c for c in counts if c is not None]
            exact = not plan.client_filters and len(known) == len(counts)
            result.number_matched = sum(known) if exact else None
        return result

    def _local_page(self, request: SearchRequest, key: str, offset: int) -> ScenePage:
        with self._lock:
            result = self._results.get(key)
            if result is not None:
                self._results.move_to_end(key)
        if result is None or result.broken:  # forgotten, or a read failed: read it again
            log.info("Catalog search: result %s no longer held; searching again.", key[:8])
            plan = plan_search(request, self.capabilities())
            result = self._remember(self._local_result(request, plan), key)
        scenes, more = result.take(offset, request.page_size)
        return ScenePage(
            scenes=tuple(scenes),
            number_matched=result.number_matched,
            next_request={"local": key, "offset": offset + len(scenes)} if more else None,
            skipped=result.skipped if offset == 0 else 0,
            read_limit_reached=result.read_limit_reached,
            skip_reasons=tuple(result.skip_reasons) if offset == 0 else (),
        )

    def _remember(self, result: _LocalResult, key: str) -> _LocalResult:
        with self._lock:
            self._results[key] = result
            while len(self._results) > CACHED_RESULTS:
                self._results.popitem(last=False)
        return result

    def search_page(self, request: SearchRequest, next_request: JSON | None = None) -> ScenePage:
        """The first page of ``request``, or the page a previous page's ``next_request``
        names."""
        if next_request is not None and "local" in next_request:
            offset = next_request.get("offset")
            return self._local_page(
                request, str(next_request["local"]), offset if isinstance(offset, int) else 0
            )
        plan = plan_search(request, self.capabilities())
        if next_request is None and plan.local:
            key = uuid.uuid4().hex
            self._remember(self._local_result(request, plan), key)
            return self._local_page(request, key, 0)
        continuation = (
            self._first(plan.bodies[0])
            if next_request is None
            else Continuation.from_json(next_request)
        )
        if continuation is None:
            raise ValueError("Not a continuation of a catalog search.")
        return self._server_page(plan, continuation)

    def search(self, request: SearchRequest, max_scenes: int | None = None) -> Iterator[ScenePage]:
        """Page after page until the last one or ``max_scenes``. Where the client sorts,
        the first page already comes from every match, so the first N are the best N."""
        seen = 0
        next_request: JSON | None = None
        for _ in range(MAX_SEARCH_PAGES):
            page = self.search_page(request, next_request)
            if max_scenes is not None and seen + len(page.scenes) >= max_scenes:
                yield ScenePage(
                    page.scenes[: max_scenes - seen],
                    page.number_matched,
                    None,
                    page.skipped,
                    page.read_limit_reached,
                    page.skip_reasons,
                )
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
