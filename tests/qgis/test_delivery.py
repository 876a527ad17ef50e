"""Delivered orders into the project: resumed downloads, one folder per order, rasters that
load valid, rendered RGB and inside the scene's footprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMultiBandColorRenderer,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt
from shapely.geometry import box, shape

from tests.qgis.support import (
    BERLIN_AOI,
    QUICK_DWELL,
    WAIT_MS,
    make_geotiff,
    orderable_scenes,
    place_directly,
)
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.layers.rasters import ORDER_ID_PROPERTY
from up42_qgis.services.downloads import DownloadManager
from up42_qgis.services.order_state import OrderStateStore


def _fulfilled_order(context, sandbox, qtbot, name: str):
    client = context.clients.client()
    sandbox.configure(dwell=QUICK_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, name)
    qtbot.waitUntil(lambda: client.order(order_id).status == "FULFILLED", timeout=WAIT_MS)
    return order_id, scenes[0]


def _group_layers(name: str):
    root = QgsProject.instance().layerTreeRoot()
    parent = root.findGroup("UP42")
    group = parent.findGroup(name) if parent else None
    assert group is not None, f"no layer group {name!r} under UP42"
    return [node.layer() for node in group.findLayers()]


def _extent_4326(layer):
    transform = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    extent = transform.transformBoundingBox(layer.extent())
    return box(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())


def test_dropped_download_resumes_and_the_raster_lands_inside_the_footprint(
    order_context, sandbox_account, qtbot
):
    order_id, scene = _fulfilled_order(order_context, sandbox_account, qtbot, "Delivery drop")
    sandbox_account.configure(drop_download_after_bytes=50_000, drop_download_count=1)
    sandbox_account.clear_log()
    downloads = order_context.downloads

    with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS) as blocker:
        assert downloads.download_order(order_id, "Delivery drop")
        assert not downloads.download_order(order_id, "Delivery drop")  # never twice at once
    files = [Path(p) for p in blocker.args[1]]

    folder = downloads.folder_for(order_id, "Delivery drop")
    assert files
    assert all(f.exists() and folder in f.parents for f in files)
    assert not list(folder.rglob("*.part"))
    log = sandbox_account.request_log()
    assert any(r["path"].startswith("/signed/") and r["status"] == 206 for r in log), (
        "the cut download was not resumed with a Range request"
    )

    layers = _group_layers("Delivery drop")
    assert layers
    footprint = shape(scene.geometry)
    for layer in layers:
        assert layer.isValid()
        assert layer.customProperty(ORDER_ID_PROPERTY) == order_id
        if layer.bandCount() >= 3:
            renderer = layer.renderer()
            assert isinstance(renderer, QgsMultiBandColorRenderer)
            assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (1, 2, 3)
        extent = _extent_4326(layer)
        # The delivery covers the AOI clipped to the footprint (a hair of tolerance for the
        # pixel grid): inside the footprint's bounds and mostly on the footprint itself.
        clipped = shape(BERLIN_AOI).intersection(footprint)
        assert box(*footprint.bounds).buffer(1e-4).contains(extent)
        assert box(*clipped.bounds).buffer(1e-4).contains(extent)
        assert extent.intersection(footprint).area > 0.5 * extent.area


def test_orders_tab_lists_the_delivery_and_downloads_it(order_context, sandbox_account, qtbot):
    order_id, _scene = _fulfilled_order(order_context, sandbox_account, qtbot, "Delivery tab")
    panel = OrdersPanel(order_context)
    qtbot.addWidget(panel)
    assert panel.refresh()
    qtbot.waitUntil(lambda: order_id in panel.orders, timeout=WAIT_MS)
    assert panel.select_order(order_id)
    delivery = panel.delivery
    qtbot.waitUntil(lambda: delivery.assets.count() > 0, timeout=WAIT_MS)
    assert delivery.download_button.isEnabled()

    with qtbot.waitSignal(order_context.downloads.download_finished, timeout=WAIT_MS):
        qtbot.mouseClick(delivery.download_button, Qt.MouseButton.LeftButton)
    assert _group_layers("Delivery tab 0")  # the group is named after the order
    assert delivery.folder_button.isEnabled()
    assert delivery.folder().is_dir()
    # Downloading again neither duplicates layers nor fetches finished files again.
    layers_before = len(_group_layers("Delivery tab 0"))
    sandbox_account.clear_log()
    with qtbot.waitSignal(order_context.downloads.download_finished, timeout=WAIT_MS):
        qtbot.mouseClick(delivery.download_button, Qt.MouseButton.LeftButton)
    log = sandbox_account.request_log()
    signed = [r for r in log if r["method"] == "GET" and r["path"].startswith("/signed/")]
    # Only the small Range probes that check each finished file's size against the server's.
    assert signed
    assert {r["status"] for r in signed} == {206}
    assert len(_group_layers("Delivery tab 0")) == layers_before


def test_an_interrupted_download_resumes_when_the_plugin_starts_again(
    order_context, sandbox_account, qtbot, tmp_path
):

    order_id, _scene = _fulfilled_order(order_context, sandbox_account, qtbot, "Delivery resume")
    first = order_context.downloads
    assert first.download_order(order_id, "Delivery resume")
    first.stop()  # QGIS closes in the middle of it
    assert order_id in first.pending_order_ids()

    # A new session: the pending download is read back from the state file.
    restarted = DownloadManager(
        order_context.clients, OrderStateStore(), order_context.iface, root=first.root
    )
    with qtbot.waitSignal(restarted.download_finished, timeout=WAIT_MS) as blocker:
        assert restarted.resume_interrupted() == [order_id]
    assert blocker.args[0] == order_id
    assert order_id not in restarted.pending_order_ids()
    restarted.stop()


def test_cancelling_a_download_says_so_and_forgets_the_resume(
    order_context, sandbox_account, qtbot
):
    order_id, _scene = _fulfilled_order(order_context, sandbox_account, qtbot, "Delivery stop")
    downloads = order_context.downloads
    with qtbot.waitSignal(downloads.download_failed, timeout=WAIT_MS) as blocker:
        assert downloads.download_order(order_id, "Delivery stop")
        downloads.cancel(order_id)
    assert blocker.args[0] == order_id
    assert "cancelled" in blocker.args[1].lower()
    assert not downloads.is_active(order_id)
    assert order_id not in downloads.pending_order_ids()  # the user stopped it: no auto-resume


def test_rasters_load_in_a_group_per_order_with_a_natural_colour_stretch(
    tmp_path, qgis_new_project
):
    from qgis.core import (
        QgsContrastEnhancement,
        QgsRasterMinMaxOrigin,
        QgsSingleBandGrayRenderer,
    )

    from up42_qgis.api.delivery import find_rasters
    from up42_qgis.layers.rasters import add_rasters_to_project

    folder = tmp_path / "order"
    folder.mkdir()
    make_geotiff(folder / "rgbn.tif", 4)
    make_geotiff(folder / "pan.tif", 1)
    (folder / "metadata.json").write_text("{}")
    layers = add_rasters_to_project(find_rasters([folder]), "My order", "order-1")
    assert sorted(layer.name() for layer in layers) == ["My order · pan", "My order · rgbn"]
    by_name = {layer.name().split(" · ")[-1]: layer for layer in layers}
    colour = by_name["rgbn"].renderer()
    assert isinstance(colour, QgsMultiBandColorRenderer)
    red = colour.redContrastEnhancement()
    assert (
        red.contrastEnhancementAlgorithm()
        == QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum
    )
    assert 0 <= red.minimumValue() < red.maximumValue()
    assert (colour.redBand(), colour.greenBand(), colour.blueBand()) == (1, 2, 3)
    assert colour.minMaxOrigin().limits() == QgsRasterMinMaxOrigin.Limits.CumulativeCut
    cut = by_name["rgbn"].dataProvider().cumulativeCut(1, 0.02, 0.98, by_name["rgbn"].extent())
    assert (red.minimumValue(), red.maximumValue()) == pytest.approx(cut, abs=1.0)
    assert isinstance(by_name["pan"].renderer(), QgsSingleBandGrayRenderer)
    assert {layer.name() for layer in _group_layers("My order")} == {
        "My order · pan",
        "My order · rgbn",
    }
    # Loading the same files again adds nothing twice.
    assert add_rasters_to_project(find_rasters([folder]), "My order", "order-1") == []
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_cancelling_one_file_in_the_task_manager_keeps_the_others(
    order_context, sandbox_account, qtbot
):
    order_id, _scene = _fulfilled_order(order_context, sandbox_account, qtbot, "Delivery one")
    sandbox_account.configure(latency_ms=300)  # time to cancel a file while it is fetched
    downloads = order_context.downloads
    with qtbot.waitSignal(downloads.download_failed, timeout=WAIT_MS) as blocker:
        assert downloads.download_order(order_id, "Delivery one")
        qtbot.waitUntil(lambda: bool(downloads._jobs[order_id].running), timeout=WAIT_MS)
        first = next(iter(downloads._jobs[order_id].running.values()))
        cancelled_name = first.asset.title or first.asset.key
        first.cancel()  # what the task manager's cancel button does
    assert blocker.args[1].startswith("Cancelled: ")
    assert cancelled_name in blocker.args[1]
    files = downloads.last_files[order_id]
    assert files
    assert all(f.exists() for f in files)
