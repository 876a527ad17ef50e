"""Catalog STAC API: landing page, search (POST and GET, paging, filters, errors), previews."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from shapely.geometry import box, shape

from tests.sandbox.control import SandboxControl
from tests.unit.sandbox.conftest import BERLIN_AOI, Api

BERLIN_BBOX = [13.1, 52.3, 13.7, 52.7]


def test_landing_page(api: Api) -> None:
    landing = api.get("/v2/catalog/").json()
    assert any(c.endswith("/item-search") for c in landing["conformsTo"])
    searches = [link for link in landing["links"] if link["rel"] == "search"]
    assert {link["method"] for link in searches} == {"POST", "GET"}
    assert all(link["href"] == api.url + "/v2/catalog/search" for link in searches)


def test_hrefs_follow_the_host_header(sandbox: SandboxControl) -> None:
    port = urlsplit(sandbox.url).port
    other = f"http://localhost:{port}"
    session = requests.Session()
    token = session.post(other + "/realms/public/protocol/openid-connect/token", timeout=10,
                         data={"grant_type": "password", "username": sandbox.username,
                               "password": sandbox.password}).json()["access_token"]
    session.headers["Authorization"] = f"Bearer {token}"
    page = session.post(other + "/v2/catalog/search", json={"limit": 1}, timeout=10).json()
    feature = page["features"][0]
    assert feature["links"][0]["href"].startswith(other + "/v2/catalog/collections/")
    assert feature["assets"]["thumbnail"]["href"].startswith(other + "/")


def test_post_paging_walks_every_match_once(api: Api, sandbox: SandboxControl) -> None:
    body = {"bbox": BERLIN_BBOX, "collections": ["spot", "pneo"], "limit": 30}
    expected = sandbox.count_scenes(body)
    assert expected > 60
    seen, pages = [], 0
    page = api.post("/v2/catalog/search", json=body).json()
    while True:
        pages += 1
        assert page["numberMatched"] == expected
        assert page["numberReturned"] == len(page["features"])
        seen += [f["id"] for f in page["features"]]
        following = [link for link in page["links"] if link["rel"] == "next"]
        if not following:
            break
        link = following[0]
        assert link["method"] == "POST"
        assert link["href"] == api.url + "/v2/catalog/search"
        assert {k: v for k, v in link["body"].items() if k != "token"} == body
        page = api.post(link["href"], json=link["body"]).json()
    assert len(seen) == len(set(seen)) == expected
    assert pages == -(-expected // 30)


def test_get_paging_carries_all_parameters(api: Api, sandbox: SandboxControl) -> None:
    params = {"bbox": ",".join(map(str, BERLIN_BBOX)), "collections": "phr",
              "datetime": "2022-01-01T00:00:00Z/..", "limit": "25",
              "query": json.dumps({"cloudCoverage": {"lt": 50}})}
    expected = sandbox.count_scenes({"bbox": BERLIN_BBOX, "collections": ["phr"],
                                     "datetime": "2022-01-01T00:00:00Z/..",
                                     "query": {"cloudCoverage": {"lt": 50}}})
    assert expected > 25
    page = api.get("/v2/catalog/search", params=params).json()
    seen = [f["id"] for f in page["features"]]
    while (following := [x for x in page["links"] if x["rel"] == "next"]):
        query = parse_qs(urlsplit(following[0]["href"]).query)
        assert {k: v[0] for k, v in query.items() if k != "token"} == params
        page = api.get(following[0]["href"]).json()
        seen += [f["id"] for f in page["features"]]
    assert len(set(seen)) == expected
    assert all(f["properties"]["cloudCoverage"] < 50 for f in page["features"])


def test_filters(api: Api) -> None:
    body = {"intersects": BERLIN_AOI, "datetime": "2024-01-01T00:00:00Z/2024-12-31T23:59:59Z",
            "query": {"eo:cloud_cover": {"LTE": 20}, "gsd": {"in": [0.5, 1.5]}},
            "sortby": [{"field": "properties.cloudCoverage", "direction": "asc"}],
            "limit": 500}
    features = api.post("/v2/catalog/search", json=body).json()["features"]
    assert features
    aoi = shape(BERLIN_AOI)
    for feature in features:
        assert shape(feature["geometry"]).intersects(aoi)
        assert feature["properties"]["datetime"].startswith("2024-")
        assert feature["properties"]["eo:cloud_cover"] <= 20
        assert feature["collection"] in ("phr", "spot")
    clouds = [f["properties"]["cloudCoverage"] for f in features]
    assert clouds == sorted(clouds)
    chosen = [f["id"] for f in features[:2]]
    by_id = api.post("/v2/catalog/search", json={"ids": chosen}).json()["features"]
    assert sorted(f["id"] for f in by_id) == sorted(chosen)


def test_scene_shape(api: Api) -> None:
    features = api.post("/v2/catalog/search", json={"bbox": BERLIN_BBOX, "limit": 500}).json()
    kinds = {f["geometry"]["type"] for f in features["features"]}
    assert kinds == {"Polygon", "MultiPolygon"}
    for feature in features["features"]:
        props = feature["properties"]
        assert {"type", "stac_version", "id", "geometry", "bbox", "collection"} <= set(feature)
        assert {"datetime", "id", "constellation", "collection", "producer",
                "providerProperties", "resolution", "deliveryTime", "gsd"} <= set(props)
        assert props["id"] == feature["id"]
        assert props["datetime"].endswith("Z")
        if feature["collection"] == "capella-sar":  # radar: no cloud cover at all (§5.2)
            assert not {"cloudCoverage", "eo:cloud_cover"} & set(props)
        else:
            assert {"cloudCoverage", "eo:cloud_cover"} <= set(props)
        assert feature["assets"]["thumbnail"]["href"].endswith("/thumbnail/download-url")
    ring = features["features"][0]["geometry"]["coordinates"][0]
    if features["features"][0]["geometry"]["type"] == "MultiPolygon":
        ring = ring[0]
    xs = sorted({round(x, 6) for x, _ in ring[:4]})
    assert len(xs) == 4  # a slanted quadrilateral, not an axis-aligned box


def test_years_and_collections_are_spread(api: Api, sandbox: SandboxControl) -> None:
    for year in range(2019, 2027):
        body = {"bbox": BERLIN_BBOX, "datetime": f"{year}-01-01T00:00:00Z/{year}-12-31T23:59:59Z"}
        assert sandbox.count_scenes(body) > 5, year
    assert sandbox.count_scenes({}) > 2000


def test_antimeridian_scene(api: Api) -> None:
    # A bbox across 180° (west > east) over Taveuni.
    body = {"bbox": [179.7, -17.1, -179.8, -16.6]}
    features = api.post("/v2/catalog/search", json=body).json()["features"]
    crossing = [f for f in features if f["bbox"][0] > f["bbox"][2]]
    assert len(crossing) == 1
    geometry = crossing[0]["geometry"]
    assert geometry["type"] == "MultiPolygon"
    xs = [x for polygon in geometry["coordinates"] for x, _ in polygon[0]]
    assert max(xs) == 180
    assert min(xs) == -180
    east_only = {"intersects": box(-179.95, -17.0, -179.9, -16.8).__geo_interface__}
    ids = [f["id"] for f in api.post("/v2/catalog/search", json=east_only).json()["features"]]
    assert crossing[0]["id"] in ids


@pytest.mark.parametrize(("body", "fragment"), [
    ({"bbox": BERLIN_BBOX, "intersects": BERLIN_AOI}, "either bbox or intersects"),
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"token": "next:garbage!"}, "paging token"),
    ({"token": "stale"}, "paging token"),
    ({"query": {"snowCover": {"lt": 1}}}, "Unsupported query property"),
    ({"query": {"cloudCoverage": {"like": 1}}}, "Unsupported query operator"),
    ({"datetime": "yesterday"}, "Invalid datetime"),
    ({"intersects": {"type": "Polygon"}}, "Invalid intersects"),
    ({"filter": {"op": "=", "args": [{"property": "id"}, "x"]}}, "filter is not supported"),
    ({"sortby": [{"field": "properties.platform"}]}, "sortby"),
])
def test_bad_searches_get_400(api: Api, body: dict, fragment: str) -> None:
    response = api.post("/v2/catalog/search", json=body)
    assert response.status_code == 400
    problem = response.json()
    assert problem["status"] == 400
    assert fragment in problem["title"]


def test_bad_json_gets_400(api: Api) -> None:
    response = api.post("/v2/catalog/search", data=b"{not json",
                        headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["title"] == "The request body is not valid JSON"


def test_bodiless_post_with_json_content_type(api: Api) -> None:
    response = api.post("/v2/catalog/search", headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert len(response.json()["features"]) == 50


def test_previews(api: Api) -> None:
    feature = api.post("/v2/catalog/search", json={"bbox": BERLIN_BBOX, "limit": 1}).json()[
        "features"][0]
    for key, magic, content_type in (("thumbnail", b"\x89PNG", "image/png"),
                                     ("quicklook", b"\xff\xd8\xff", "image/jpeg")):
        signed = api.post(feature["assets"][key]["href"]).json()["url"]
        assert urlsplit(signed).path.count(".") == 0
        response = requests.get(signed, timeout=30)  # no auth header
        assert response.status_code == 200
        assert response.headers["Content-Type"] == content_type
        assert response.content.startswith(magic)
        assert "filename=" in response.headers["Content-Disposition"]
    missing = feature["assets"]["thumbnail"]["href"].replace(feature["id"], "nope")
    assert api.post(missing).status_code == 404


def test_stac_collections_and_item(api: Api) -> None:
    collections = api.get("/v2/catalog/collections").json()["collections"]
    assert {c["id"] for c in collections} == {"phr", "pneo", "spot", "capella-sar"}
    phr = api.get("/v2/catalog/collections/phr").json()
    assert phr["type"] == "Collection"
    assert phr["extent"]["temporal"]["interval"][0][0] < "2020"
    assert api.get("/v2/catalog/collections/nope").status_code == 404
    feature = api.post("/v2/catalog/search", json={"collections": ["phr"], "limit": 1}).json()[
        "features"][0]
    item = api.get(feature["links"][0]["href"]).json()
    assert item == feature


def test_legacy_search_and_quicklook(api: Api) -> None:
    url = "/catalog/hosts/oneatlas/stac/search"
    body = {"bbox": BERLIN_BBOX, "collections": ["phr"], "limit": 40}
    first = api.post(url, json=body).json()
    assert first["links"][0]["rel"] == "self"
    next_href = first["links"][1]["href"]
    assert next_href.startswith(api.url + url + "?next=")
    second = api.post(next_href, json=body).json()
    assert not {f["id"] for f in first["features"]} & {f["id"] for f in second["features"]}
    bad = api.post(url, json={"query": {"nope": {"eq": 1}}})
    assert bad.status_code == 422
    assert bad.json()["data"] is None
    assert "nope" in bad.json()["error"]["message"]
    scene_id = first["features"][0]["id"]
    quicklook = api.get(f"/catalog/oneatlas/image/{scene_id}/quicklook")
    assert quicklook.status_code == 200
    assert quicklook.content[:3] == b"\xff\xd8\xff"
    missing = api.get("/catalog/oneatlas/image/nope/quicklook")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "Not Found"
