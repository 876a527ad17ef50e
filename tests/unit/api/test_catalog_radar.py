"""Issue 15.5: radar has no cloud cover. A cloud limit over optical and SAR collections still
returns every SAR scene: one CQL2 ``or`` where ``#filter`` is advertised, one search per kind
of collection merged in sort order where only ``#query`` is, the client's filter otherwise."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.api.test_catalog_paging import BERLIN, CONFORMANCE
from up42_qgis.api.models import SearchRequest, SortField

DATES = "2020-01-01T00:00:00Z/2025-12-31T23:59:59Z"


def radar_request(**changes) -> SearchRequest:
    fields = {
        "aoi": BERLIN,
        "collections": ("phr", "capella-sar"),
        "start": datetime(2020, 1, 1, tzinfo=UTC),
        "end": datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC),
        "max_cloud": 15.0,
        "page_size": 20,
        "cloudless_collections": ("capella-sar",),
        **changes,
    }
    return SearchRequest(**fields)


def count(sandbox, collection: str, **extra) -> int:
    body = {"intersects": BERLIN, "collections": [collection], "datetime": DATES, **extra}
    return sandbox.count_scenes(body)


def search_calls(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["path"] == "/v2/catalog/search"]


def test_the_glossary_says_which_collections_are_radar(up42):
    radar = {c.name for c in up42.collections() if c.product_type == "SAR"}
    assert radar == {"capella-sar"}


@pytest.mark.parametrize("conformance", ["filter+sort", "query+sort", "query only", "bare"])
@pytest.mark.parametrize(
    ("sort", "ascending"),
    [(SortField.DATE, False), (SortField.CLOUD, True)],
    ids=["newest", "least-cloudy"],
)
def test_a_cloud_limit_keeps_every_radar_scene(sandbox, up42, conformance, sort, ascending):
    sandbox.configure(catalog_conformance=CONFORMANCE[conformance])
    scenes = [
        s
        for page in up42.search(radar_request(sort=sort, ascending=ascending))
        for s in page.scenes
    ]
    radar = [s for s in scenes if s.collection == "capella-sar"]
    optical = [s for s in scenes if s.collection == "phr"]
    assert len(radar) == count(sandbox, "capella-sar") > 0
    assert all(s.cloud_cover is None for s in radar)
    assert len(optical) == count(sandbox, "phr", query={"eo:cloud_cover": {"lte": 15}}) > 0
    assert all(s.cloud_cover <= 15 for s in optical)
    assert len({s.id for s in scenes}) == len(scenes)
    if sort is SortField.DATE:  # the two kinds merged into one order
        dates = [s.acquired for s in scenes]
        assert dates == sorted(dates, reverse=True)
    else:  # the least cloudy first, radar (no cloud cover) last
        clouds = [s.cloud_cover for s in optical]
        assert [s.id for s in scenes] == [s.id for s in optical] + [s.id for s in radar]
        assert clouds == sorted(clouds)
    assert all(e["status"] == 200 for e in search_calls(sandbox))


def test_with_cql2_it_is_one_search(sandbox, up42):
    sandbox.configure(
        catalog_conformance=CONFORMANCE["filter+sort"], catalog_next_style="get-token"
    )
    page = up42.search_page(radar_request(page_size=200))
    assert {s.collection for s in page.scenes} == {"phr", "capella-sar"}
    (call,) = search_calls(sandbox)
    assert call["method"] == "POST"


def test_radar_only_sends_no_cloud_condition(sandbox, up42):
    sandbox.configure(catalog_conformance=CONFORMANCE["query+sort"])
    request = radar_request(collections=("capella-sar",), page_size=200)
    scenes = [s for page in up42.search(request) for s in page.scenes]
    assert len(scenes) == count(sandbox, "capella-sar")
    assert len(search_calls(sandbox)) == 1


def test_without_collections_the_radar_ones_still_come(sandbox, up42):
    """Every collection and a cloud limit: the glossary's radar collections are kept."""
    sandbox.configure(catalog_conformance=CONFORMANCE["query+sort"])
    scenes = [
        s for page in up42.search(radar_request(collections=(), page_size=100)) for s in page.scenes
    ]
    radar = [s for s in scenes if s.collection == "capella-sar"]
    assert len(radar) == count(sandbox, "capella-sar")


def test_a_failed_load_more_of_a_merged_result_can_be_tried_again(sandbox, up42, sleeps):
    """Merged streams read lazily: a page that fails must not end the result silently."""
    from tests.unit.api.conftest import make_client
    from up42_qgis.api.errors import Up42Error

    sandbox.configure(catalog_conformance=CONFORMANCE["query+sort"])
    search = radar_request(page_size=5)
    with make_client(sandbox, sleeps) as clean:
        expected = [s.id for page in clean.search(search) for s in page.scenes]
    pages = [up42.search_page(search)]
    while len(pages) < 4:
        pages.append(up42.search_page(search, pages[-1].next_request))
    sandbox.configure(faults=[{"method": "POST", "path": "/v2/catalog/search", "status": 400}])
    following = pages[-1].next_request
    failures = 0
    while following is not None:  # the buffered pages first; the failure at the next read
        try:
            page = up42.search_page(search, following)
        except Up42Error:
            failures += 1
            assert failures == 1
            continue  # "Load more" again
        pages.append(page)
        following = page.next_request
    assert failures == 1
    assert [s.id for page in pages for s in page.scenes] == expected
