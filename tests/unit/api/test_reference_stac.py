"""Issue 15.11: the plugin's own Qt-free catalog code (``CatalogApi`` over the plugin's
``Transport``) against a STAC API server nobody here wrote (``rustac serve``, see
reference_stac.py): first page, paging to the end, cloud filter with radar, sort, a
rectangular (map extent) and a polygon AOI. The server advertises neither ``#filter``,
``#query`` nor ``#sort``, so the client must filter and sort itself, reading every page.

No UP42 sign-in exists there: the transport gets a fixed bearer token instead of the token
manager (the proxy in front checks it arrived and does not pass it on)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from shapely.geometry import shape

from tests.unit.api.reference_stac import OPTICAL, RADAR, ReferenceServer, rustac_executable
from up42_qgis.api.catalog import CatalogApi
from up42_qgis.api.endpoints import Endpoints
from up42_qgis.api.http import NetworkOptions, RetryPolicy, Transport
from up42_qgis.api.models import Scene, SearchRequest, SortField

EXTENT = {
    "type": "Polygon",
    "coordinates": [[[13.0, 52.3], [13.45, 52.3], [13.45, 52.75], [13.0, 52.75], [13.0, 52.3]]],
}
TRIANGLE = {  # its bounding box is EXTENT's, but it misses that box's north-east half
    "type": "Polygon",
    "coordinates": [[[13.0, 52.3], [13.45, 52.3], [13.0, 52.75], [13.0, 52.3]]],
}


class FixedToken:
    def token(self) -> str:
        return "reference-server-token"

    def invalidate(self, token: str) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[ReferenceServer]:
    executable = rustac_executable()
    if executable is None:
        pytest.fail("rustac is not installed: see tests/requirements-noqt.txt (make venv)")
    reference = ReferenceServer(tmp_path_factory.mktemp("reference-stac"), executable)
    yield reference
    reference.close()


@pytest.fixture
def catalog(server) -> Iterator[CatalogApi]:
    transport = Transport(NetworkOptions(timeout=10), RetryPolicy(backoff=(), sleep=lambda s: 0))
    transport.token_source = FixedToken()
    server.proxy.requests.clear()
    yield CatalogApi(transport, Endpoints.custom(server.proxy.url))
    transport.close()


def request(**changes) -> SearchRequest:
    fields = {
        "aoi": EXTENT,
        "collections": (*OPTICAL, RADAR),
        "start": datetime(2023, 1, 1, tzinfo=UTC),
        "end": datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
        "page_size": 4,
        "cloudless_collections": (RADAR,),
        **changes,
    }
    return SearchRequest(**fields)


def expected(server, search: SearchRequest) -> list[dict]:
    """What the STAC API spec says the search matches, from the catalog the test wrote."""
    aoi = shape(search.aoi)
    found = []
    for item in server.items:
        when = datetime.fromisoformat(item["properties"]["datetime"])
        cloud = item["properties"].get("eo:cloud_cover")
        if item["collection"] not in search.collections or not aoi.intersects(
            shape(item["geometry"])
        ):
            continue
        if not search.start <= when <= search.end:
            continue
        limited = search.max_cloud is not None and item["collection"] != RADAR
        if limited and (cloud is None or cloud > search.max_cloud):
            continue
        found.append(item)
    return found


def all_scenes(catalog: CatalogApi, search: SearchRequest) -> list[Scene]:
    return [s for page in catalog.search(search) for s in page.scenes]


def test_it_starts_quickly(server):
    assert server.startup_seconds < 60  # it belongs to `make test`


def test_the_landing_page_advertises_no_filter_query_or_sort(catalog):
    capabilities = catalog.capabilities()
    assert (capabilities.filter, capabilities.query, capabilities.sort) == (False, False, False)


def test_first_page_and_paging_to_the_end_newest_first(server, catalog):
    search = request()
    truth = expected(server, search)
    assert len(truth) > 3 * search.page_size
    first = catalog.search_page(search)
    assert len(first.scenes) == search.page_size
    assert first.has_more
    scenes = all_scenes(catalog, search)
    assert sorted(s.id for s in scenes) == sorted(i["id"] for i in truth)
    newest_first = sorted(truth, key=lambda i: i["properties"]["datetime"], reverse=True)
    assert [s.id for s in scenes] == [i["id"] for i in newest_first]
    posts = [r for r in server.proxy.requests if r[0] == "POST"]
    assert len(posts) > 3  # the server's own next links, followed to the end
    assert all(r[3] for r in server.proxy.requests)  # the plugin sent its bearer token
    sent = [r[2] for r in posts if r[2]]
    assert not any({"filter", "query", "sortby"} & set(body) for body in sent)


def test_cloud_limit_keeps_radar(server, catalog):
    search = request(max_cloud=40.0)
    scenes = all_scenes(catalog, search)
    assert sorted(s.id for s in scenes) == sorted(i["id"] for i in expected(server, search))
    assert any(s.collection == RADAR for s in scenes)
    assert all(s.cloud_cover <= 40 for s in scenes if s.collection != RADAR)


def test_sort_by_cloud_cover_and_a_limit_is_the_best_of_all(server, catalog):
    search = request(sort=SortField.CLOUD, ascending=True, collections=OPTICAL)
    truth = sorted(expected(server, search), key=lambda i: i["properties"]["eo:cloud_cover"])
    scenes = all_scenes(catalog, search)
    assert [s.cloud_cover for s in scenes] == [i["properties"]["eo:cloud_cover"] for i in truth]
    best = [s for page in catalog.search(search, max_scenes=3) for s in page.scenes]
    assert [s.cloud_cover for s in best] == [s.cloud_cover for s in scenes[:3]]


def test_a_polygon_aoi_is_not_its_bounding_box(server, catalog):
    triangle = request(aoi=TRIANGLE)
    scenes = all_scenes(catalog, triangle)
    truth = expected(server, triangle)
    assert sorted(s.id for s in scenes) == sorted(i["id"] for i in truth)
    assert len(truth) < len(expected(server, request()))  # the triangle really is smaller
