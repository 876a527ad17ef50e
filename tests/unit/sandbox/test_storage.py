"""Storage STAC API, asset download URLs and signed-URL downloads."""

from __future__ import annotations

import io
import json
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.sandbox.control import SandboxControl
from tests.unit.sandbox.conftest import Api
from tests.unit.sandbox.test_orders import SLOW_DWELL


def _search(api: Api, **body: object) -> requests.Response:
    return api.post("/v2/assets/stac/search", json=body)


def _order_filter(order_id: str) -> dict:
    return {"op": "=", "args": [{"property": "order_id"}, order_id]}


def test_landing_page(api: Api) -> None:
    landing = api.get("/v2/assets/stac/").json()
    assert landing["id"] == "up42-storage"
    assert any(c.endswith("item-search#filter") for c in landing["conformsTo"])
    search = next(x for x in landing["links"] if x["rel"] == "search")
    assert search["href"] == api.url + "/v2/assets/stac/search"


def test_items_appear_while_fulfilling(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL)
    order_id = api.place(api.order_body(api.scene()))
    assert _search(api, filter=_order_filter(order_id)).json()["features"] == []
    sandbox.force_order_status(order_id, "BEING_FULFILLED")
    assert len(_search(api, filter=_order_filter(order_id)).json()["features"]) == 1
    sandbox.force_order_status(order_id, "FULFILLED")
    assert len(_search(api, filter=_order_filter(order_id)).json()["features"]) == 2


def test_search_filters_and_paging(api: Api, fulfilled_order) -> None:
    first, _ = fulfilled_order()
    second, _ = fulfilled_order("spot", "spot-display")
    items = _search(api, filter=_order_filter(first)).json()["features"]
    assert {i["properties"]["up42-order:id"] for i in items} == {first}
    item = items[0]
    assert item["properties"]["up42-system:workspace_id"] == api.sandbox.workspace_id
    assert all(a["href"].startswith(api.url + "/v2/assets/") for a in item["assets"].values())
    both = {"op": "in", "args": [{"property": "order_id"}, [first, second]]}
    assert len(_search(api, filter=both, **{"filter-lang": "cql2-json"}).json()["features"]) == 3
    spot = {"op": "and", "args": [both, {"op": "=", "args": [
        {"property": "collection_name"}, "spot"]}]}
    assert [i["properties"]["up42-order:id"] for i in _search(api, filter=spot).json()[
        "features"]] == [second]
    asset_id = item["properties"]["up42-system:asset_id"]
    by_asset = {"op": "=", "args": [{"property": "asset_id"}, asset_id]}
    assert [i["id"] for i in _search(api, filter=by_asset).json()["features"]] == [item["id"]]
    page = _search(api, limit=2).json()
    following = next(x for x in page["links"] if x["rel"] == "next")
    assert following["method"] == "POST"
    rest = api.post(following["href"], json=following["body"]).json()
    ids = [i["id"] for i in page["features"] + rest["features"]]
    assert len(set(ids)) == 3
    assert not [x for x in rest["links"] if x["rel"] == "next"]


@pytest.mark.parametrize(("body", "fragment"), [
    ({"filter": {"op": "like", "args": [{"property": "order_id"}, "x"]}}, "operator"),
    ({"filter": {"op": "=", "args": [{"property": "colour"}, "x"]}}, "property"),
    ({"filter": "order_id = 'x'", "filter-lang": "cql2-text"}, "cql2-json"),
    ({"limit": 0}, "limit"),
    ({"token": "next:%%%"}, "paging token"),
])
def test_bad_storage_searches_get_400(api: Api, body: dict, fragment: str) -> None:
    response = _search(api, **body)
    assert response.status_code == 400
    assert fragment in response.json()["title"]


def test_collections_and_items(api: Api, fulfilled_order) -> None:
    order_id, scene = fulfilled_order()
    collections = api.get("/v2/assets/stac/collections").json()["collections"]
    assert len(collections) == 1
    collection = collections[0]
    assert collection["up42-order:id"] == order_id
    assert collection["up42-product:collection_name"] == "phr"
    original = next(iter(collection["assets"].values()))
    assert original["title"] == "Original Delivery"
    assert original["type"] == "application/zip"
    cid = collection["id"]
    assert api.get(f"/v2/assets/stac/collections/{cid}").json() == collection
    items = api.get(f"/v2/assets/stac/collections/{cid}/items",
                    params={"collections": cid}).json()["features"]
    assert len(items) == 2
    assert api.get(f"/v2/assets/stac/collections/{cid}/items/{items[0]['id']}").json() == items[0]
    assert items[0]["properties"]["datetime"] == scene["properties"]["datetime"]
    assert api.get("/v2/assets/stac/collections/nope").status_code == 404
    assert api.get(f"/v2/assets/stac/collections/{cid}/items/nope").status_code == 404


def _asset_url(api: Api, href: str) -> str:
    response = api.post(href + "/download-url")
    assert response.status_code == 200
    return response.json()["url"]


def _ms_asset(api: Api, order_id: str) -> tuple[str, str]:
    items = _search(api, filter=_order_filter(order_id)).json()["features"]
    href = next(i["assets"]["ms.tif"]["href"] for i in items if "ms.tif" in i["assets"])
    return href, href.rsplit("/", 1)[1]


def test_signed_download_headers_head_and_range(api: Api, fulfilled_order) -> None:
    order_id, _ = fulfilled_order()
    href, asset_id = _ms_asset(api, order_id)
    url = _asset_url(api, href)
    parts = urlsplit(url)
    assert parts.path.startswith("/signed/")
    assert "." not in parts.path
    query = parse_qs(parts.query)
    assert query["response-content-disposition"] == ['attachment; filename="ms.tif"']
    assert {"X-Expires", "X-Signature"} <= set(query)
    expected = api.sandbox.asset_bytes(asset_id)
    assert expected[:4] in (b"II*\x00", b"MM\x00*")
    full = requests.get(url, timeout=30)
    assert full.status_code == 200
    assert full.content == expected
    assert full.headers["Content-Length"] == str(len(expected))
    assert full.headers["Content-Disposition"] == 'attachment; filename="ms.tif"'
    assert full.headers["Content-Type"].startswith("image/tiff")
    head = requests.head(url, timeout=30)
    assert head.status_code == 200
    assert head.headers["Content-Length"] == str(len(expected))
    assert head.content == b""
    part = requests.get(url, headers={"Range": "bytes=100-199"}, timeout=30)
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(expected)}"
    assert part.content == expected[100:200]
    tail = requests.get(url, headers={"Range": "bytes=-50"}, timeout=30)
    assert tail.content == expected[-50:]
    beyond = requests.get(url, headers={"Range": f"bytes={len(expected)}-"}, timeout=30)
    assert beyond.status_code == 416


def test_signed_urls_expire_and_are_tamper_proof_as_gcs_answers(
        api: Api, sandbox: SandboxControl, fulfilled_order) -> None:
    order_id, _ = fulfilled_order()
    href, _ = _ms_asset(api, order_id)
    url = _asset_url(api, href)
    tampered = url.replace("X-Signature=", "X-Signature=0")
    response = requests.get(tampered, timeout=30)
    assert response.status_code == 403
    assert response.headers["Content-Type"].startswith("application/xml")
    assert "<Code>SignatureDoesNotMatch</Code>" in response.text
    sandbox.configure(signed_url_ttl_s=0)
    expired_url = _asset_url(api, href)
    expired = requests.get(expired_url, timeout=30)
    # Google Cloud Storage: 400 with an XML body for an expired V4 signature (contract §8.2).
    assert expired.status_code == 400
    assert expired.headers["Content-Type"].startswith("application/xml")
    assert ET.fromstring(expired.content).findtext("Code") == "ExpiredToken"
    sandbox.configure(signed_url_expired_status=403)
    forbidden = requests.get(expired_url, timeout=30)
    assert forbidden.status_code == 403
    assert ET.fromstring(forbidden.content).findtext("Code") == "AccessDenied"
    assert requests.get(url, timeout=30).status_code == 200  # issued with the old TTL


@pytest.mark.parametrize(("collection", "product", "suffix"), [
    ("spot", "spot-display", ".tar.gz"),
    ("capella-sar", "capella-geo", ".zip"),  # a gzip tarball under a .zip name
])
def test_original_delivery_as_a_gzip_tarball(api: Api, fulfilled_order, collection: str,
                                             product: str, suffix: str) -> None:
    scene = api.scene(collection)
    west, south, east, north = scene["bbox"]
    cx, cy = (west + east) / 2, (south + north) / 2
    aoi = {"type": "Polygon", "coordinates": [[[cx - 0.01, cy - 0.01], [cx + 0.01, cy - 0.01],
                                               [cx + 0.01, cy + 0.01], [cx - 0.01, cy + 0.01],
                                               [cx - 0.01, cy - 0.01]]]}
    order_id, scene = fulfilled_order(collection, product, aoi)
    collection_json = api.get("/v2/assets/stac/collections").json()["collections"][0]
    name, original = next(iter(collection_json["assets"].items()))
    assert name == scene["properties"]["sceneId"] + suffix
    assert original["type"] == "application/gzip"
    archive = requests.get(_asset_url(api, original["href"]), timeout=30)
    assert archive.headers["Content-Type"] == "application/gzip"
    assert archive.content[:2] == b"\x1f\x8b"
    with tarfile.open(fileobj=io.BytesIO(archive.content), mode="r:gz") as tarball:
        members = {m.name: m for m in tarball.getmembers()}
        tif = next(n for n in members if n.endswith("_MS.TIF"))
        assert tif.startswith("output/")
        assert all(m.isfile() for m in members.values())
        assert tarball.extractfile(tif).read(4) in (b"II*\x00", b"MM\x00*")
        metadata = json.loads(tarball.extractfile(
            next(n for n in members if n.endswith("metadata.json"))).read())
    assert metadata["orderId"] == order_id


def test_a_foreign_asset_href_is_listed_verbatim(api: Api, sandbox: SandboxControl,
                                                 fulfilled_order) -> None:
    sandbox.configure(foreign_asset_href="http://elsewhere.example:8080/bucket/x.tif")
    order_id, _ = fulfilled_order()
    items = _search(api, filter=_order_filter(order_id)).json()["features"]
    ms = next(i for i in items if "ms.tif" in i["assets"])
    assert ms["assets"]["external.tif"]["href"] == "http://elsewhere.example:8080/bucket/x.tif"
    assert all("external.tif" not in i["assets"] for i in items if i is not ms)


def test_unknown_asset_is_404(api: Api) -> None:
    response = api.post("/v2/assets/not-an-asset/download-url")
    assert response.status_code == 404
    assert response.json()["title"] == "Asset not-an-asset not found"


def test_original_delivery_and_metadata(api: Api, fulfilled_order) -> None:
    order_id, scene = fulfilled_order()
    collection = api.get("/v2/assets/stac/collections").json()["collections"][0]
    name, original = next(iter(collection["assets"].items()))
    assert name == f"{scene['properties']['sceneId']}.zip"
    archive = requests.get(_asset_url(api, original["href"]), timeout=30)
    with zipfile.ZipFile(io.BytesIO(archive.content)) as zipped:
        names = zipped.namelist()
        metadata = json.loads(zipped.read(next(n for n in names if n.endswith(".json"))))
    assert any(n.endswith("_MS.TIF") for n in names)
    assert metadata["orderId"] == order_id
    assert metadata["imageId"] == scene["id"]
    items = _search(api, filter=_order_filter(order_id)).json()["features"]
    meta_href = items[0]["assets"]["metadata.json"]["href"]
    assert requests.get(_asset_url(api, meta_href), timeout=30).json()["orderId"] == order_id
