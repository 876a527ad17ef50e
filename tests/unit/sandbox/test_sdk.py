"""The official SDK, up42-py 4.3.0, unchanged but for its three host functions, runs every
flow of contract §11 against the sandbox."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests.sandbox.control import SandboxControl
from tests.unit.sandbox.conftest import signed_in_sdk

os.environ["UP42_DISABLE_VERSION_CHECK"] = "true"  # before the import: it would call pypi.org
up42 = pytest.importorskip("up42")

BERLIN = {"type": "Polygon", "coordinates": [[[13.35, 52.45], [13.45, 52.45], [13.45, 52.52],
                                              [13.35, 52.52], [13.35, 52.45]]]}
SHORT_DWELL = {"CREATED": 0.1, "BEING_PLACED": 0.1, "PLACED": 0.1, "BEING_FULFILLED": 0.2}


@pytest.fixture
def sdk(sandbox: SandboxControl):
    return signed_in_sdk(sandbox)


def test_collections(sdk, sandbox: SandboxControl) -> None:
    collections = list(sdk.ProductGlossary.get_collections())
    names = {c.name for c in collections}
    assert {"phr", "pneo", "spot", "capella-sar"} <= names
    phr = next(c for c in collections if c.name == "phr")
    assert phr.metadata.resolution_value.minimum == 0.5
    assert all(p.id for p in phr.data_products)
    assert any(p.id is None for c in collections for p in c.data_products)
    archive = list(sdk.ProductGlossary.get_collections(sdk.CollectionType.ARCHIVE))
    assert all(c.type == sdk.CollectionType.ARCHIVE for c in archive)
    assert len(archive) == len(collections) - 1


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_catalog_search_pages(sdk, sandbox: SandboxControl, method: str) -> None:
    expected = sandbox.count_scenes({"intersects": BERLIN, "collections": ["phr", "spot"],
                                     "datetime": "2020-01-01T00:00:00Z/2025-12-31T23:59:59Z"})
    assert expected > 40
    search = sdk.catalog_client().search(
        method=method, intersects=BERLIN, collections=["phr", "spot"],
        datetime="2020-01-01T00:00:00Z/2025-12-31T23:59:59Z", limit=20,
    )
    items = list(search.items())
    assert len(items) == expected
    assert len({i.id for i in items}) == expected
    pages = [e for e in sandbox.request_log() if e["path"] == "/v2/catalog/search"]
    assert len(pages) == -(-expected // 20)
    assert {e["method"] for e in pages} == {method}
    assert all(e["status"] == 200 for e in pages)
    dates = [i.properties["datetime"] for i in items]
    assert dates == sorted(dates, reverse=True)


def test_thumbnail_download(sdk, tmp_path: Path) -> None:
    item = next(sdk.catalog_client().search(intersects=BERLIN, max_items=1).items())
    path = item.assets["thumbnail"].file.download(tmp_path)
    assert path.name == f"thumbnail_{item.id}.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    quicklook = item.assets["quicklook"].file.download(tmp_path)
    assert quicklook.read_bytes()[:3] == b"\xff\xd8\xff"


def _berlin_scene(sdk) -> object:
    search = sdk.catalog_client().search(intersects=BERLIN, collections=["phr"],
                                         query={"cloudCoverage": {"lte": 30}}, max_items=1)
    return next(search.items())


def test_estimate_place_track_list_storage_download(sdk, sandbox: SandboxControl,
                                                    tmp_path: Path) -> None:
    sandbox.configure(dwell=SHORT_DWELL)
    product = next(p for c in sdk.ProductGlossary.get_collections() if c.name == "phr"
                   for p in c.data_products if p.name == "phr-display")
    scene = _berlin_scene(sdk)
    template = sdk.BatchOrderTemplate(
        data_product_id=product.id, display_name="SDK Berlin",
        features={"type": "FeatureCollection",
                  "features": [{"type": "Feature", "properties": {}, "geometry": BERLIN}]},
        params={"id": scene.id}, tags=["sdk-test"],
    )
    assert template.estimate.credits > 0
    assert template.estimate.unit == "SQ_KM"
    references = template.place()
    assert len(references) == 1
    order = references[0].order
    assert order.status in ("CREATED", "BEING_PLACED")
    assert order.details.image_id == scene.id

    order.track(report_time=0.1)
    assert order.status == "FULFILLED"
    listed = list(sdk.Order.all(tags=["sdk-test"], status=["FULFILLED"]))
    assert [o.id for o in listed] == [order.id]
    assert sandbox.state()["credits"]["spent"] == template.estimate.credits

    items = list(sdk.stac_client().search(
        filter={"op": "=", "args": [{"property": "order_id"}, order.id]}).items())
    assert len(items) == 2
    assert {i.properties["up42-order:id"] for i in items} == {order.id}
    ms_item = next(i for i in items if "ms.tif" in i.assets)
    tif = ms_item.assets["ms.tif"].file.download(tmp_path)
    assert tif.name == "ms.tif"
    asset_id = ms_item.assets["ms.tif"].href.rsplit("/", 1)[1]
    assert tif.read_bytes() == sandbox.asset_bytes(asset_id)

    collection = sdk.stac_client().get_collection(ms_item.collection_id)
    assert collection.extra_fields["up42-order:id"] == order.id
    original = next(iter(collection.assets.values()))
    assert original.title == "Original Delivery"
    archive = original.file.download(tmp_path)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    assert any(n.endswith(".TIF") for n in names)
    assert any(n.endswith("metadata.json") for n in names)
