"""Issue 15.4: the plugin's search path (first page, paging to the end, cloud filter, sort)
over every next-link style and conformance set the sandbox can serve, with UP42's property
names or the STAC ones only. The client reads ``conformsTo`` once per session and sends only
what the catalog advertises (the sandbox answers 400 to anything else)."""

from __future__ import annotations

import pytest

from tests.sandbox.knobs import CATALOG_NEXT_STYLES, STAC
from up42_qgis.api.models import SearchRequest, SortField

BERLIN = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]],
}
BASE = [f"{STAC}/core", f"{STAC}/item-search", f"{STAC}/ogcapi-features"]
CONFORMANCE = {
    "query+sort": [*BASE, f"{STAC}/item-search#query", f"{STAC}/item-search#sort"],
    "filter+sort": [*BASE, f"{STAC}/item-search#filter", f"{STAC}/item-search#sort"],
    "query only": [*BASE, f"{STAC}/item-search#query"],
    "bare": BASE,
}
COLLECTIONS = ("phr", "spot")
DATES = "2020-01-01T00:00:00Z/2025-12-31T23:59:59Z"


def request(**changes) -> SearchRequest:
    from datetime import UTC, datetime

    fields = {
        "aoi": BERLIN,
        "collections": COLLECTIONS,
        "start": datetime(2020, 1, 1, tzinfo=UTC),
        "end": datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC),
        "page_size": 20,
        **changes,
    }
    return SearchRequest(**fields)


def expected_count(sandbox, **extra) -> int:
    body = {"intersects": BERLIN, "collections": list(COLLECTIONS), "datetime": DATES, **extra}
    return sandbox.count_scenes(body)


def search_calls(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["path"] == "/v2/catalog/search"]


def everything(up42, search: SearchRequest) -> list:
    return [s for page in up42.search(search) for s in page.scenes]


@pytest.fixture(params=sorted(CONFORMANCE))
def conformance(request, sandbox) -> str:
    sandbox.configure(catalog_conformance=CONFORMANCE[request.param])
    return request.param


@pytest.fixture(params=CATALOG_NEXT_STYLES)
def style(request, sandbox) -> str:
    sandbox.configure(catalog_next_style=request.param)
    return request.param


def test_first_page_and_paging_to_the_end(sandbox, up42, conformance, style):
    total = expected_count(sandbox)
    assert total > 60  # several pages
    first = up42.search_page(request())
    assert len(first.scenes) == 20
    assert first.has_more
    scenes = everything(up42, request())
    assert len(scenes) == total
    assert len({s.id for s in scenes}) == total
    dates = [s.acquired for s in scenes]
    assert dates == sorted(dates, reverse=True)
    assert all(e["status"] == 200 for e in search_calls(sandbox))


@pytest.mark.parametrize("stac_only", [False, True], ids=["up42-names", "stac-only"])
def test_cloud_filter(sandbox, up42, conformance, style, stac_only):
    sandbox.configure(catalog_stac_only_properties=stac_only)
    scenes = everything(up42, request(max_cloud=20))
    assert len(scenes) == expected_count(sandbox, query={"eo:cloud_cover": {"lte": 20}})
    assert all(s.cloud_cover is not None and s.cloud_cover <= 20 for s in scenes)
    if stac_only:
        assert all("cloudCoverage" not in s.properties for s in scenes)
        assert all(s.incidence_angle is not None for s in scenes)  # from view:incidence_angle


@pytest.mark.parametrize("stac_only", [False, True], ids=["up42-names", "stac-only"])
def test_sort_by_cloud_cover_ascending(sandbox, up42, conformance, style, stac_only):
    sandbox.configure(catalog_stac_only_properties=stac_only)
    scenes = everything(up42, request(sort=SortField.CLOUD, ascending=True))
    assert len(scenes) == expected_count(sandbox)
    clouds = [s.cloud_cover for s in scenes]
    assert clouds == sorted(clouds)


def test_the_landing_page_is_read_once_per_client(sandbox, up42):
    everything(up42, request(max_cloud=50))
    up42.search_page(request(sort=SortField.RESOLUTION))
    landing = [e for e in sandbox.request_log() if e["path"] in ("/v2/catalog/", "/v2/catalog")]
    assert len(landing) == 1


def test_only_advertised_parameters_are_sent(sandbox, up42):
    sandbox.configure(catalog_conformance=CONFORMANCE["bare"], catalog_next_style="get-token")
    everything(up42, request(max_cloud=30, sort=SortField.CLOUD, ascending=True))
    calls = search_calls(sandbox)
    assert calls
    assert all(e["status"] == 200 for e in calls)
    for call in calls:
        sent = set(call["params"]) if call["method"] == "GET" else set()
        assert not sent & {"query", "sortby", "filter"}


def test_without_sort_a_limit_means_the_best_of_all_matches(sandbox, up42, sleeps):
    search = request(sort=SortField.CLOUD, ascending=True)
    best = [s.id for s in everything(up42, search)][:7]  # the server sorts (default knobs)
    sandbox.configure(catalog_conformance=CONFORMANCE["bare"])
    from tests.unit.api.conftest import make_client

    with make_client(sandbox, sleeps) as client:
        sandbox.clear_log()
        pages = list(client.search(search, max_scenes=7))
    assert [s.id for p in pages for s in p.scenes] == best
    assert len(search_calls(sandbox)) == -(-expected_count(sandbox) // 20)  # every page read


def test_without_sort_load_more_is_served_from_the_sorted_result(sandbox, up42):
    sandbox.configure(catalog_conformance=CONFORMANCE["bare"])
    search = request(sort=SortField.CLOUD, ascending=True)
    first = up42.search_page(search)
    reads = len(search_calls(sandbox))
    assert reads == -(-expected_count(sandbox) // 20)
    assert first.number_matched == expected_count(sandbox)
    second = up42.search_page(search, first.next_request)
    assert len(search_calls(sandbox)) == reads  # no new request
    clouds = [s.cloud_cover for s in (*first.scenes, *second.scenes)]
    assert clouds == sorted(clouds)
    assert not {s.id for s in first.scenes} & {s.id for s in second.scenes}


def test_merge_keeps_the_filters(sandbox, up42):
    """``merge: true`` with a body of only the token: the previous body (and its cloud
    filter) must survive, or page 2 on would bring every scene."""
    sandbox.configure(catalog_next_style="post-merge")
    scenes = everything(up42, request(max_cloud=10))
    assert len(scenes) == expected_count(sandbox, query={"eo:cloud_cover": {"lte": 10}})
    assert all(s.cloud_cover <= 10 for s in scenes)


def test_legacy_next_links_are_followed_to_the_end(sandbox, up42):
    sandbox.configure(catalog_next_style="legacy-next")
    scenes = everything(up42, request())
    assert len(scenes) == expected_count(sandbox)
    methods = {(e["method"], "next" in e["params"]) for e in search_calls(sandbox)}
    assert methods == {("POST", False), ("POST", True)}  # the body re-POSTed to ?next=
