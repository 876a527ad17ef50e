"""The sandbox's catalog knobs: its conformance set (and the CQL2 filter it then serves), the
STAC-only property names, and the next-link styles, which pystac-client (a STAC client nobody
here wrote) must be able to follow."""

from __future__ import annotations

import json

import pytest

from tests.sandbox.control import SandboxControl
from tests.sandbox.knobs import STAC
from tests.unit.sandbox.conftest import BERLIN_AOI, Api

FILTER = [f"{STAC}/core", f"{STAC}/item-search", f"{STAC}/item-search#filter"]
CLOUDY = {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}


@pytest.mark.parametrize(
    "knobs",
    [{"catalog_next_style": "post-everything"}, {"catalog_conformance": "core"},
     {"catalog_stac_only_properties": "yes"}],
)
def test_bad_knob_values_get_400(api: Api, knobs: dict) -> None:
    assert api.post("/_sandbox/knobs", json=knobs).status_code == 400


def test_the_conformance_knob_is_what_the_landing_page_says(api: Api, sandbox) -> None:
    sandbox.configure(catalog_conformance=FILTER)
    assert api.get("/v2/catalog/").json()["conformsTo"] == FILTER
    assert api.get("/v2/catalog/conformance").json()["conformsTo"] == FILTER
    for body in ({"query": {"gsd": {"lt": 1}}}, {"sortby": [{"field": "properties.gsd"}]}):
        assert api.post("/v2/catalog/search", json=body).status_code == 400


def test_cql2_filter_post_and_get(api: Api, sandbox) -> None:
    sandbox.configure(catalog_conformance=FILTER)
    body = {"intersects": BERLIN_AOI, "collections": ["phr", "capella-sar"], "limit": 500}
    radar = {"op": "=", "args": [{"property": "collection"}, "capella-sar"]}
    posted = api.post("/v2/catalog/search", json={**body, "filter": {"op": "or",
                                                                      "args": [CLOUDY, radar]}})
    assert posted.status_code == 200, posted.text
    features = posted.json()["features"]
    assert {f["collection"] for f in features} == {"phr", "capella-sar"}
    assert all(f["properties"]["eo:cloud_cover"] <= 20 for f in features
               if f["collection"] == "phr")
    got = api.get("/v2/catalog/search", params={
        "intersects": json.dumps(BERLIN_AOI), "collections": "phr", "limit": 500,
        "filter": json.dumps(CLOUDY), "filter-lang": "cql2-json"})
    assert got.status_code == 200, got.text
    assert {f["id"] for f in got.json()["features"]} == {
        f["id"] for f in features if f["collection"] == "phr"}
    bad = api.post("/v2/catalog/search", json={"filter": {"op": "like", "args": []}})
    assert bad.status_code == 400


def test_stac_only_properties(api: Api, sandbox) -> None:
    sandbox.configure(catalog_stac_only_properties=True)
    features = api.post("/v2/catalog/search", json={"intersects": BERLIN_AOI}).json()["features"]
    assert features
    for feature in features:
        props = feature["properties"]
        assert not {"cloudCoverage", "resolution"} & set(props)
        assert "incidenceAngle" not in props["providerProperties"]
        assert {"gsd", "view:incidence_angle", "view:azimuth"} <= set(props)


@pytest.mark.parametrize("style", ["post-body", "post-merge", "get-token"])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_pystac_client_follows_every_next_style(sandbox: SandboxControl, api: Api, style: str,
                                                method: str) -> None:
    pystac_client = pytest.importorskip("pystac_client")
    sandbox.configure(catalog_next_style=style)
    search = {"intersects": BERLIN_AOI, "collections": ["phr", "spot"]}
    expected = sandbox.count_scenes(search)
    assert expected > 20
    client = pystac_client.Client.open(
        f"{sandbox.url}/v2/catalog/",
        headers={"Authorization": api.session.headers["Authorization"]},
    )
    items = list(client.search(method=method, limit=10, **search).items())
    assert len({i.id for i in items}) == len(items) == expected
