"""The download engine against the sandbox's signed URLs: byte-identical files after cuts,
restarts and expired URLs; no overwrite; bounded parallelism; a whole order delivered."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.unit.api.conftest import fulfilled_order
from up42_qgis.api import errors
from up42_qgis.api.client import Up42Client
from up42_qgis.api.delivery import deliver_order, order_folder
from up42_qgis.api.download import DownloadEngine
from up42_qgis.api.models import Asset

CHUNK = 64 * 1024
LARGE = 3 * 1024 * 1024 + 12345


def signed_gets(sandbox) -> list[int]:
    return [
        e["status"]
        for e in sandbox.request_log()
        if e["method"] == "GET" and e["path"].startswith("/signed/")
    ]


def large_asset(sandbox, up42) -> Asset:
    sandbox.configure(asset_size_bytes=LARGE)
    order = fulfilled_order(up42)
    candidates = [a for a in up42.delivery(order.id).assets if a.key.startswith("large")]
    assert candidates, "the sandbox's asset_size_bytes knob adds one large asset"
    return candidates[0]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_download_is_named_from_the_signed_url_and_identical_to_the_source(
    sandbox, up42, tmp_path
):
    order = fulfilled_order(up42)
    (tif,) = [a for a in up42.delivery(order.id).assets if a.is_raster][:1]
    progress: list[tuple[int, int | None]] = []
    path = DownloadEngine(up42).download_asset(
        tif, tmp_path, progress=lambda d, t: progress.append((d, t))
    )
    assert path.parent == tmp_path
    assert path.suffix == ".tif"
    assert path.read_bytes() == sandbox.asset_bytes(tif.asset_id)
    assert progress[-1] == (path.stat().st_size, path.stat().st_size)
    assert not list(tmp_path.glob("*.part"))


def test_a_download_cut_twice_resumes_with_range_and_is_byte_identical(sandbox, up42, tmp_path):
    asset = large_asset(sandbox, up42)
    sandbox.configure(drop_download_after_bytes=1_000_000, drop_download_count=2)
    sandbox.clear_log()
    path = DownloadEngine(up42, chunk_size=CHUNK).download_asset(asset, tmp_path)
    source = sandbox.asset_bytes(asset.asset_id)
    assert len(source) == LARGE
    assert digest(path.read_bytes()) == digest(source)
    log = signed_gets(sandbox)
    assert log[-1] == 206  # the last piece came as a range
    assert len(log) == 3


def test_a_cancelled_download_keeps_its_part_and_a_new_engine_resumes_it(sandbox, up42, tmp_path):
    asset = large_asset(sandbox, up42)
    chunks = []

    def cancel_after_a_few_chunks() -> bool:
        return len(chunks) >= 5

    with pytest.raises(errors.CancelledError):
        DownloadEngine(up42, chunk_size=CHUNK).download_asset(
            asset,
            tmp_path,
            progress=lambda d, t: chunks.append(d),
            is_cancelled=cancel_after_a_few_chunks,
        )
    (part,) = tmp_path.glob("*.part")
    kept = part.stat().st_size
    assert 0 < kept < LARGE
    # "Restart QGIS": a new client and engine find the .part and continue from it.
    sandbox.clear_log()
    with Up42Client(up42.endpoints, up42.tokens._credentials, up42.network, up42.retry) as fresh:
        seen: list[int] = []
        path = DownloadEngine(fresh).download_asset(
            asset, tmp_path, progress=lambda d, t: seen.append(d)
        )
    assert seen[0] == kept  # progress starts where the first attempt stopped
    # The cancelled GET may be logged late, as an answer cut off (status 0): skip it.
    assert [s for s in signed_gets(sandbox) if s] == [206]
    assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)
    assert not part.exists()


def test_a_cancel_that_comes_after_the_last_piece_keeps_the_finished_file(
    sandbox, up42, tmp_path
):
    """Cancelling a download that has just written its last piece (a small file is one
    piece) must not leave a complete ``.part``: the next attempt would be refused (416) and
    fetch the whole file again."""
    asset = large_asset(sandbox, up42)
    complete: list[bool] = []
    path = DownloadEngine(up42, chunk_size=CHUNK).download_asset(
        asset,
        tmp_path,
        progress=lambda d, t: complete.append(d == t),
        is_cancelled=lambda: bool(complete and complete[-1]),
    )
    assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)
    assert not list(tmp_path.glob("*.part"))


class StaleFirstUrl(Up42Client):
    """Hands out one signed URL that has already expired (as after a long pause), then fresh
    ones: the sandbox mints it with a zero TTL, all over real HTTP."""

    sandbox = None
    stale_given = False

    def signed_url(self, href: str) -> str:
        if self.stale_given:
            return super().signed_url(href)
        self.stale_given = True
        self.sandbox.configure(signed_url_ttl_s=0)
        try:
            return super().signed_url(href)
        finally:
            self.sandbox.configure(signed_url_ttl_s=300)


def test_an_expired_signed_url_is_replaced_by_a_fresh_one(sandbox, up42, tmp_path):
    asset = large_asset(sandbox, up42)
    client = StaleFirstUrl(up42.endpoints, up42.tokens._credentials, up42.network, up42.retry)
    client.sandbox = sandbox
    sandbox.clear_log()
    path = DownloadEngine(client).download_asset(asset, tmp_path)
    client.close()
    assert signed_gets(sandbox) == [400, 200]  # GCS: 400 ExpiredToken
    posts = [e for e in sandbox.request_log() if e["path"].endswith("/download-url")]
    assert len(posts) == 2
    assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)


def test_a_finished_file_is_trusted_only_when_the_server_agrees(sandbox, up42, tmp_path):
    order = fulfilled_order(up42)
    asset = next(a for a in up42.delivery(order.id).assets if a.is_raster)
    source = sandbox.asset_bytes(asset.asset_id)
    engine = DownloadEngine(up42)
    path = engine.download_asset(asset, tmp_path)
    # Whole: one small Range probe, nothing downloaded again.
    sandbox.clear_log()
    assert engine.download_asset(asset, tmp_path) == path
    assert signed_gets(sandbox) == [206]
    assert path.read_bytes() == source
    # Cut short (what an old version kept for a body without Content-Length): resumed.
    path.write_bytes(source[:1000])
    sandbox.clear_log()
    assert engine.download_asset(asset, tmp_path) == path
    assert signed_gets(sandbox) == [206, 206]
    assert path.read_bytes() == source
    # Not this file (two writers, or the user's edited copy): set aside, never lost.
    path.write_bytes(b"the user's edited copy")
    assert engine.download_asset(asset, tmp_path) == path
    assert path.read_bytes() == source
    assert (tmp_path / "ms.tif.size-mismatch").read_bytes() == b"the user's edited copy"
    path.write_bytes(source + b"appended by a second writer")
    assert engine.download_asset(asset, tmp_path) == path
    assert path.read_bytes() == source
    assert (tmp_path / "ms.tif.size-mismatch-2").stat().st_size == len(source) + 27
    assert not list(tmp_path.glob("*.part"))
    assert not list(tmp_path.glob("*.lock"))


def test_overwrite_downloads_a_finished_file_again(sandbox, up42, tmp_path):
    order = fulfilled_order(up42)
    asset = next(a for a in up42.delivery(order.id).assets if a.is_raster)
    engine = DownloadEngine(up42)
    path = engine.download_asset(asset, tmp_path)
    sandbox.clear_log()
    assert engine.download_asset(asset, tmp_path, overwrite=True) == path
    assert signed_gets(sandbox) == [200]
    assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)


def test_several_assets_download_in_parallel_with_per_asset_progress(sandbox, up42, tmp_path):
    order = fulfilled_order(up42)
    delivery = up42.delivery(order.id)
    assets = list(delivery.collection_assets) + list(delivery.items[0].assets)
    assert len(assets) >= 3
    finished: dict[str, int] = {}
    paths = DownloadEngine(up42, max_workers=3).download_assets(
        assets, tmp_path, progress=lambda a, d, t: finished.__setitem__(a.key, d)
    )
    assert len(paths) == len(assets)
    for asset, path in zip(assets, paths, strict=True):
        assert path.read_bytes() == sandbox.asset_bytes(asset.asset_id)
        assert finished[asset.key] == path.stat().st_size


def test_deliver_order_unpacks_the_zip_and_returns_the_rasters_to_load(sandbox, up42, tmp_path):
    order = fulfilled_order(up42, "Berlin: delivery/1")
    rasters = deliver_order(up42, order.id, tmp_path)
    folder = order_folder(tmp_path, order.id, "Berlin: delivery/1")
    assert folder.is_dir()
    assert folder.parent == tmp_path
    assert rasters
    assert all(p.suffix.lower() in (".tif", ".tiff") for p in rasters)
    assert all(folder in p.parents for p in rasters)
    (zip_path,) = folder.glob("*.zip")
    with zipfile.ZipFile(zip_path) as archive:
        zipped_tifs = [n for n in archive.namelist() if n.lower().endswith((".tif", ".tiff"))]
    unpacked = [p for p in zip_path.with_suffix("").rglob("*") if p.suffix.lower() == ".tif"]
    assert len(unpacked) == len(zipped_tifs) >= 1  # the archive is unpacked next to itself
    # The delivery has COG items: those load, not the same image again from the archive.
    assert not [p for p in rasters if zip_path.with_suffix("") in p.parents]
    # A second delivery of the same order downloads nothing again (small probes only).
    sandbox.clear_log()
    assert deliver_order(up42, order.id, tmp_path) == rasters
    assert set(signed_gets(sandbox)) == {206}
    probes = [e for e in sandbox.request_log() if e["path"].startswith("/signed/")]
    assert len(probes) == len(up42.delivery(order.id).assets)


def test_an_order_without_files_says_so(sandbox, up42, tmp_path):
    sandbox.configure(dwell={"CREATED": 600})
    from tests.unit.api.conftest import order_request

    placed = up42.place_order(order_request(up42))
    with pytest.raises(errors.DownloadError, match="no delivered files"):
        deliver_order(up42, placed.order_id, tmp_path)
    assert list(Path(tmp_path).iterdir()) == []
