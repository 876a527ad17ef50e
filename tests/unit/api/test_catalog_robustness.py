"""Issue 14.10: one malformed feature never costs the whole search. It is skipped with a
logged reason (logger ``up42_qgis.api``), counted in ``ScenePage.skipped``, and the rest of
the page is kept; a next link to another server is not followed."""

from __future__ import annotations

import copy
import logging

import pytest

from tests.unit.api.stub_server import StubServer, json_answer
from up42_qgis.api.catalog import scene_page
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.models import SearchRequest
from up42_qgis.api.scenes import MAX_SKIP_REASONS

RING = [[13.1, 52.3], [13.2, 52.3], [13.2, 52.4], [13.1, 52.4], [13.1, 52.3]]
AOI = {"type": "Polygon", "coordinates": [RING]}
LANDING = {
    "type": "Catalog",
    "conformsTo": [
        "https://api.stacspec.org/v1.0.0/core",
        "https://api.stacspec.org/v1.0.0/item-search",
        "https://api.stacspec.org/v1.0.0/item-search#sort",
    ],
    "links": [],
}


def good(scene_id: str) -> dict:
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": scene_id,
        "collection": "phr",
        "bbox": [13.1, 52.3, 13.2, 52.4],
        "geometry": {"type": "Polygon", "coordinates": [RING]},
        "properties": {"datetime": "2024-05-01T10:21:33Z", "eo:cloud_cover": 3.5},
        "assets": {"thumbnail": {"href": "https://x/thumb/download-url"}},
    }


def spoilt(change: dict) -> dict:
    feature = copy.deepcopy(good("bad"))
    feature.update(change)
    return feature


MALFORMED = {
    "bbox of strings": spoilt({"bbox": ["13.1", "52.3", "13.2", "52.4"]}),
    "bbox of 3": spoilt({"bbox": [13.1, 52.3, 13.2]}),
    "properties as a list": spoilt({"properties": [["datetime", "2024-05-01T10:21:33Z"]]}),
    "assets as a list": spoilt({"assets": [{"href": "https://x/thumb"}]}),
    "geometry a string": spoilt({"geometry": "POLYGON((13 52, 14 52, 14 53, 13 52))"}),
    "geometry of an unknown type": spoilt({"geometry": {"type": "Blob", "coordinates": []}}),
    "coordinates not arrays": spoilt({"geometry": {"type": "Polygon", "coordinates": 7}}),
    "positions not numbers": spoilt({"geometry": {"type": "Point", "coordinates": ["a", "b"]}}),
    "no id": spoilt({"id": None}),
    "a feature that is a string": "not a feature",
    "a feature that is a list": [1, 2, 3],
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_feature_is_skipped_logged_and_counted(name, caplog):
    payload = {"features": [good("a"), MALFORMED[name], good("b")], "links": []}
    with caplog.at_level(logging.WARNING, logger="up42_qgis.api"):
        page = scene_page(payload, {})
    assert [s.id for s in page.scenes] == ["a", "b"]
    assert page.skipped == 1
    reasons = [r for r in caplog.records if r.name == "up42_qgis.api" and "skipped" in r.message]
    assert len(reasons) == 1


def test_a_six_number_bbox_drops_the_heights():
    feature = good("a")
    feature["bbox"] = [13.1, 52.3, -5.0, 13.2, 52.4, 120.0]
    (scene,) = scene_page({"features": [feature]}, {}).scenes
    assert scene.bbox == (13.1, 52.3, 13.2, 52.4)


def test_stac_names_come_first_and_up42_names_are_the_fallback():
    stac, up42 = good("stac"), good("up42")
    stac["properties"].update(
        {
            "eo:cloud_cover": 2.0,
            "cloudCoverage": 50.0,
            "gsd": 0.3,
            "resolution": 9.0,
            "view:incidence_angle": 11.0,
            "view:off_nadir": 9.5,
            "providerProperties": {"incidenceAngle": 40.0},
        }
    )
    del up42["properties"]["eo:cloud_cover"]
    up42["properties"].update(
        {"cloudCoverage": 7.0, "resolution": 1.5, "providerProperties": {"incidenceAngle": 22.0}}
    )
    first, second = scene_page({"features": [stac, up42]}, {}).scenes
    assert (first.cloud_cover, first.resolution, first.incidence_angle) == (2.0, 0.3, 11.0)
    assert first.off_nadir == 9.5
    assert (second.cloud_cover, second.resolution, second.incidence_angle) == (7.0, 1.5, 22.0)


@pytest.fixture
def stub():
    servers = [StubServer(), StubServer()]
    yield servers
    for server in servers:
        server.close()


def stub_client(url: str) -> Up42Client:
    return Up42Client(
        Endpoints.custom(url),
        Credentials("user@example.com", "secret-password"),
        NetworkOptions(timeout=5),
        RetryPolicy(backoff=(), sleep=lambda s: None),
    )


def test_a_hostile_page_over_http_keeps_the_good_scenes(stub):
    api, _ = stub
    api.script("/v2/catalog/", json_answer(200, LANDING))
    features = [good("a"), *MALFORMED.values(), good("b")]
    api.script("/v2/catalog/search", json_answer(200, {"features": features, "links": []}))
    with stub_client(api.url) as client:
        page = client.search_page(SearchRequest(aoi=AOI))
    assert [s.id for s in page.scenes] == ["a", "b"]
    assert page.skipped == len(MALFORMED)
    # Why, in words (distinct reasons, a few at most): the dock and Processing say it.
    assert len(page.skip_reasons) == MAX_SKIP_REASONS < len(MALFORMED)
    assert any("bbox" in reason for reason in page.skip_reasons)
    assert not page.has_more


def test_a_next_link_to_another_origin_is_not_followed(stub, caplog):
    api, foreign = stub
    api.script("/v2/catalog/", json_answer(200, LANDING))
    next_link = {
        "rel": "next",
        "href": f"{foreign.url}/v2/catalog/search",
        "method": "POST",
        "body": {"token": "next:1"},
    }
    api.script(
        "/v2/catalog/search", json_answer(200, {"features": [good("a")], "links": [next_link]})
    )
    foreign.script("/v2/catalog/search", json_answer(200, {"features": [good("z")]}))
    with caplog.at_level(logging.WARNING, logger="up42_qgis.api"), stub_client(api.url) as client:
        pages = list(client.search(SearchRequest(aoi=AOI)))
    assert [s.id for p in pages for s in p.scenes] == ["a"]
    assert not pages[-1].has_more
    assert foreign.hits == {}  # neither the request nor the token went there
    assert any("another server" in r.message for r in caplog.records)
