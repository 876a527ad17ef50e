"""One engine, two faces: the dock's download (DownloadManager, one task per file) and
``up42:download`` (Processing) run the same delivery steps, so they write the same files to
the same paths, resume each other's ``.part`` files, and load the same layers."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from tests.qgis.support import BERLIN_AOI, QUICK_DWELL, WAIT_MS, run
from up42_qgis.api.delivery import plan_delivery
from up42_qgis.api.models import OrderRequest, SearchRequest
from up42_qgis.services.downloads import DownloadManager

# Shared fixtures (pytest finds fixtures through module attributes).

LARGE = 3_000_000  # the sandbox's extra "large.bin" asset: a download long enough to cut
CUT = 300_000  # every signed download is cut after this many bytes (then resumed)


def _fulfilled_phr_order(context, sandbox, qtbot, name: str) -> str:
    """A Pléiades order: an Original Delivery ZIP plus two items (multispectral and visual
    COGs, each with its metadata.json; the first also with the large asset)."""
    client = context.clients.client()
    sandbox.configure(dwell=QUICK_DWELL, asset_size_bytes=LARGE)
    (phr,) = [c for c in client.collections() if c.name == "phr"]
    page = client.search_page(SearchRequest(aoi=BERLIN_AOI, collections=("phr",), page_size=1))
    scene = page.scenes[0]
    request = OrderRequest(phr.orderable_products[0].id or "", scene.id, BERLIN_AOI, name)
    placed = client.place_order(request)
    assert placed.order_id, placed.error
    qtbot.waitUntil(lambda: client.order(placed.order_id).is_fulfilled, timeout=WAIT_MS)
    delivery = client.delivery(placed.order_id)
    assert len(delivery.items) == 2
    assert any(a.is_zip for a in delivery.collection_assets)
    return placed.order_id


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _parts(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.part") if p.stat().st_size > 0]


def _large_part_started(root: Path) -> bool:
    """The large asset is half-way (the cut leaves it there until the engine resumes)."""
    return any(p.name == "large.bin.part" for p in _parts(root))


def _assert_delivered_exactly(context, sandbox, order_id: str, root: Path, name: str) -> None:
    """Every planned asset is in its planned folder with the sandbox's exact bytes."""
    delivery = context.clients.client().delivery(order_id)
    for asset, folder in plan_delivery(delivery, root, name):
        expected = sandbox.asset_bytes(asset.asset_id)
        files = [p for p in folder.iterdir() if p.is_file()]
        assert any(p.read_bytes() == expected for p in files), (asset.key, folder)
    assert not list(root.rglob("*.part"))


def _dock(context, qtbot, root: Path, order_id: str, name: str, cut: bool = False):
    """The dock's download into ``root``; with ``cut``, cancelled half-way through a file."""
    downloads = DownloadManager(context.clients, context.state, context.iface, root=root)
    try:
        if cut:
            with qtbot.waitSignal(downloads.download_failed, timeout=WAIT_MS) as blocker:
                assert downloads.download_order(order_id, name)
                qtbot.waitUntil(lambda: _large_part_started(root), timeout=WAIT_MS)
                downloads.cancel(order_id)
            assert "cancelled" in blocker.args[1].lower()
        else:
            with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS):
                assert downloads.download_order(order_id, name)
        return downloads.last_layers.get(order_id, [])
    finally:
        downloads.stop()


class CancelOnceAPartHasBytes(QgsProcessingFeedback):
    """Cancels ``up42:download`` in the middle of a file (the engine reports its progress
    from its download threads; the cancel is noticed before the next piece)."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def setProgress(self, progress: float) -> None:
        super().setProgress(progress)
        if _large_part_started(self.root):
            self.cancel()


def _processing(root: Path, order_id: str, cut: bool = False, context=None) -> dict:
    parameters = {"ORDER_IDS": order_id, "WAIT": False, "FOLDER": str(root)}
    if not cut:
        return run("download", parameters, context=context or QgsProcessingContext())
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("download", parameters, feedback=CancelOnceAPartHasBytes(root))
    return {}


def _signed_gets(sandbox) -> list[dict]:
    return [r for r in sandbox.request_log() if r["path"].startswith("/signed/")]


def test_dock_and_processing_write_the_same_files_to_the_same_paths(
    order_context, sandbox_account, provider, qtbot, tmp_path
):
    name = "Engine layout"
    order_id = _fulfilled_phr_order(order_context, sandbox_account, qtbot, name)
    _dock(order_context, qtbot, tmp_path / "dock", order_id, name)
    _processing(tmp_path / "processing", order_id)
    dock, processing = _tree(tmp_path / "dock"), _tree(tmp_path / "processing")
    assert dock.keys() == processing.keys()
    assert dock == processing
    # Two items: each in its own folder under the order folder, the ZIP unpacked at the top.
    folders = {Path(key).parts[:2] for key in dock if len(Path(key).parts) > 2}
    assert len({f[1] for f in folders}) >= 3  # two item folders and the unpacked archive
    _assert_delivered_exactly(order_context, sandbox_account, order_id, tmp_path / "dock", name)


@pytest.mark.parametrize("first", ["dock", "processing"])
def test_either_face_resumes_the_part_files_of_the_other(
    order_context, sandbox_account, provider, qtbot, tmp_path, first
):
    name = f"Engine resume {first}"
    order_id = _fulfilled_phr_order(order_context, sandbox_account, qtbot, name)
    root = tmp_path / "shared"
    sandbox_account.configure(drop_download_after_bytes=CUT, drop_download_count=10_000)
    if first == "dock":
        _dock(order_context, qtbot, root, order_id, name, cut=True)
    else:
        _processing(root, order_id, cut=True)
    parts = {p: p.stat().st_size for p in _parts(root)}
    assert any(p.name == "large.bin.part" for p in parts), "the first download was not cut"
    assert all(0 < size < LARGE for size in parts.values())

    sandbox_account.configure(drop_download_count=0)
    sandbox_account.clear_log()
    if first == "dock":
        _processing(root, order_id)
    else:
        _dock(order_context, qtbot, root, order_id, name)
    # The other face continued each .part with a Range request (206), never from zero...
    gets = _signed_gets(sandbox_account)
    statuses = [r["status"] for r in gets]
    assert 416 not in statuses, statuses  # no .part refused and fetched again from zero
    assert statuses.count(206) >= len(parts), statuses
    # ...into the same paths, to the sandbox's exact bytes.
    for part in parts:
        assert part.with_name(part.name.removesuffix(".part")).is_file()
    _assert_delivered_exactly(order_context, sandbox_account, order_id, root, name)


def test_dock_and_processing_load_the_same_layers_for_a_zip_plus_cog_delivery(
    order_context, sandbox_account, provider, qtbot, tmp_path
):
    name = "Engine layers"
    order_id = _fulfilled_phr_order(order_context, sandbox_account, qtbot, name)
    root = tmp_path / "downloads"
    layer_ids = _dock(order_context, qtbot, root, order_id, name)
    project = QgsProject.instance()
    dock = {Path(project.mapLayer(i).source()).resolve() for i in layer_ids}

    context = QgsProcessingContext()
    context.setProject(project)
    result = _processing(root, order_id, context=context)
    processing = {Path(p).resolve() for p in context.layersToLoadOnCompletion()}
    assert {Path(p).resolve() for p in result["FILES"]} == processing

    assert dock == processing
    # Named alike: "<order> · ms" and "<order> · visual" in both faces.
    dock_names = sorted(project.mapLayer(i).name() for i in layer_ids)
    processing_names = sorted(
        context.layerToLoadOnCompletionDetails(p).name for p in context.layersToLoadOnCompletion()
    )
    assert dock_names == processing_names == [f"{name} · ms", f"{name} · visual"]
    # The image once: the two COG items, not the same image again from the Original Delivery.
    assert sorted(p.name for p in dock) == ["ms.tif", "visual.tif"]
    (archive,) = [p for p in root.rglob("*.zip")]
    unpacked = archive.with_suffix("")
    assert any(p.suffix.lower() == ".tif" for p in unpacked.rglob("*"))
    assert not any(unpacked in p.parents for p in dock)
