"""Deliveries as the real UP42 makes them, against the sandbox: signed URLs that expire in
the middle of a large download (GCS: 400 with XML, or 403), TGZ Original Deliveries (even
under a .zip name), and assets stored outside {API} that never see the token."""

from __future__ import annotations

import time

import pytest

from tests.unit.api.conftest import BERLIN, aoi_inside, fulfilled_order, wait_for_status
from tests.unit.api.stub_server import StubServer
from tests.unit.api.test_download_sandbox import signed_gets
from up42_qgis.api.delivery import deliver_order, order_folder
from up42_qgis.api.download import DownloadEngine, ForeignAssetError
from up42_qgis.api.errors import DownloadError
from up42_qgis.api.models import Asset, OrderRequest, SearchRequest

LARGE = 6 * 1024 * 1024 + 777
TTL_S = 2  # the sandbox rounds expiry down to whole seconds: 1 to 2 s


@pytest.mark.parametrize("expired_status", [400, 403])
def test_an_url_expiring_mid_download_is_signed_again_and_resumed(
    sandbox, up42, tmp_path, expired_status
):
    sandbox.configure(asset_size_bytes=LARGE)
    order = fulfilled_order(up42)
    asset = next(a for a in up42.delivery(order.id).assets if a.key.startswith("large"))
    # Short-lived URLs; the line breaks after 2 MB, when the first URL has long expired.
    sandbox.configure(
        signed_url_ttl_s=TTL_S,
        signed_url_expired_status=expired_status,
        drop_download_after_bytes=2_000_000,
        drop_download_count=1,
    )
    sandbox.clear_log()
    slow_start: list[int] = []

    def progress(done: int, _total: int | None) -> None:
        if done and not slow_start:
            slow_start.append(done)
            time.sleep(TTL_S + 1.1)  # a slow line: the URL expires while bytes still flow

    path = DownloadEngine(up42, chunk_size=64 * 1024).download_asset(
        asset, tmp_path, progress=progress
    )
    assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)
    assert signed_gets(sandbox) == [0, expired_status, 206]  # 0: the line broke
    ranges = [e for e in sandbox.request_log() if e["path"].startswith("/signed/")]
    assert len({e["query"] for e in ranges}) == 2  # a fresh URL for the resume
    posts = [e for e in sandbox.request_log() if e["path"].endswith("/download-url")]
    assert len(posts) == 2


def spot_order(up42):
    (spot,) = [c for c in up42.collections() if c.name == "spot"]
    page = up42.search_page(SearchRequest(aoi=BERLIN, collections=("spot",), page_size=1))
    scene = page.scenes[0]
    placed = up42.place_order(
        OrderRequest(
            data_product_id=spot.orderable_products[0].id or "",
            scene_id=scene.id,
            aoi=aoi_inside(scene, 0.05),
            display_name="SPOT tarball",
        )
    )
    assert placed.order_id, placed.error
    return wait_for_status(up42, placed.order_id, "FULFILLED")


def test_a_tgz_original_delivery_unpacks_and_its_rasters_are_found(sandbox, up42, tmp_path):
    order = spot_order(up42)
    original = up42.delivery(order.id).collection_assets[0]
    assert original.media_type == "application/gzip"
    rasters = deliver_order(up42, order.id, tmp_path)
    folder = order_folder(tmp_path, order.id, "SPOT tarball")
    (tarball,) = folder.glob("*.tar.gz")
    # Unpacked next to it; the COG items are what loads (api/delivery.rasters_to_load).
    unpacked = [
        p for p in (tarball.parent / tarball.name[:-7]).rglob("*") if p.suffix.upper() == ".TIF"
    ]
    assert rasters
    assert len(unpacked) == 1
    assert unpacked[0].name.endswith("_MS.TIF")
    assert "output" not in unpacked[0].parts  # stripped, as the SDK does
    assert unpacked[0].read_bytes()[:4] in (b"II*\x00", b"MM\x00*")


def test_a_tgz_under_a_zip_name_is_unpacked_by_its_content(sandbox, up42, tmp_path):
    sandbox.configure(original_as_tgz=["phr"])  # phr's delivery: a tarball named .zip
    order = fulfilled_order(up42, "Tarball named zip")
    rasters = deliver_order(up42, order.id, tmp_path)
    folder = order_folder(tmp_path, order.id, "Tarball named zip")
    (archive,) = folder.glob("*.zip")
    assert archive.read_bytes()[:2] == b"\x1f\x8b"
    assert rasters
    assert [p for p in archive.with_suffix("").rglob("*") if p.suffix.upper() == ".TIF"]


def test_an_asset_stored_elsewhere_never_gets_the_token(sandbox, up42, tmp_path):
    elsewhere = StubServer()
    try:
        href = f"{elsewhere.url}/v2/assets/foreign-1"
        sandbox.configure(foreign_asset_href=href)
        order = fulfilled_order(up42, "Foreign href")
        try:
            rasters = deliver_order(up42, order.id, tmp_path)
        finally:
            assert dict(elsewhere.hits) == {}  # not one request, so no token, went there
        assert rasters
        assert all(p.name != "external.tif" for p in rasters)
        foreign = [a for a in up42.delivery(order.id).assets if a.key == "external.tif"]
        assert [a.href for a in foreign] == [href]  # listed, as UP42 lists it
        assert foreign[0].is_foreign(up42.endpoints.api)
        with pytest.raises(ForeignAssetError, match="outside UP42"):
            DownloadEngine(up42).download_asset(foreign[0], tmp_path)
        with pytest.raises(DownloadError, match="not asked for a download URL"):
            up42.signed_url(href)
        assert dict(elsewhere.hits) == {}
    finally:
        elsewhere.close()


@pytest.mark.parametrize(
    ("href", "foreign"),
    [
        ("https://api.up42.com/v2/assets/a", False),
        ("https://API.up42.com:443/v2/assets/a", False),
        ("http://api.up42.com/v2/assets/a", True),  # plain http: another scheme
        ("https://api.up42.com.evil.example/v2/assets/a", True),
        ("https://api.up42.com@evil.example/v2/assets/a", True),
        ("https://storage.googleapis.com/bucket/a", True),
        ("https://api.up42.com:8443/v2/assets/a", True),
        ("/v2/assets/a", True),
        ("", True),
    ],
)
def test_foreign_hrefs(href, foreign):
    assert Asset("a", href).is_foreign("https://api.up42.com") is foreign
