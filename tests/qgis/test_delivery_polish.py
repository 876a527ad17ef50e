"""Deliveries as a user follows them (issue 16 point 14): one progress by bytes that the dock
and QGIS's task bar share, layers named after the order and the file, the map zoomed to the
delivery once, a single-value raster drawn grey (not black), and "Open folder" that says
where the files are when the system has no file manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QDesktopServices, qGray
from qgis.PyQt.QtWidgets import QApplication

from tests.qgis.support import WAIT_MS
from tests.qgis.test_one_engine import _fulfilled_phr_order
from up42_qgis.api.models import Order, OrderStatus
from up42_qgis.gui.delivery_panel import DeliveryPanel
from up42_qgis.layers.rasters import add_rasters_to_project, raster_layer_names
from up42_qgis.services.downloads import order_percent


def test_order_percent_counts_bytes_not_files() -> None:
    # A 1 MB file done and a 9 MB file at a ninth: 2 MB of 10 MB, not (100 % + 11 %) / 2.
    assert order_percent({"a": 1_000_000, "b": 1_000_000}, {"a": 1_000_000, "b": 9_000_000}, 2) \
        == pytest.approx(20.0)
    # A file not started yet counts as the mean size of the known ones.
    assert order_percent({"a": 500}, {"a": 1000}, 2) == pytest.approx(25.0)
    assert order_percent({}, {}, 3) == 0.0


def test_layer_names_say_the_order_and_the_file() -> None:
    paths = [Path("/d/a1b2c3d4/visual.tif"), Path("/d/e5f6a7b8/ms.tif")]
    assert raster_layer_names("SPOT 2026-09-13 5df4b030 (QGIS 20260913-101500)", paths) == [
        "SPOT 2026-09-13 5df4b030 · visual",
        "SPOT 2026-09-13 5df4b030 · ms",
    ]
    same = [Path("/d/a1b2c3d4/visual.tif"), Path("/d/e5f6a7b8/visual.tif")]
    assert raster_layer_names("Order", same) == [
        "Order · a1b2c3d4 · visual",
        "Order · e5f6a7b8 · visual",
    ]


def test_one_progress_by_bytes_named_layers_and_one_zoom(
    order_context, sandbox_account, qtbot
) -> None:
    order_id = _fulfilled_phr_order(order_context, sandbox_account, qtbot, "Bytes order")
    sandbox_account.configure(latency_ms=50)
    downloads = order_context.downloads
    canvas = order_context.iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    far_away = QgsRectangle(-2_000_000, -1_000_000, -1_000_000, 0)  # the Atlantic
    canvas.setExtent(far_away)
    seen: list[tuple[float, list[float]]] = []

    def record(oid: str, percent: float) -> None:
        job = downloads._jobs.get(oid)
        running = list(job.running.values()) if job else []
        seen.append((percent, [task.progress() for task in running]))

    downloads.download_progress.connect(record)
    try:
        with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS):
            assert downloads.download_order(order_id, "Bytes order")
    finally:
        downloads.download_progress.disconnect(record)
    assert seen
    assert seen[-1][0] == pytest.approx(100.0)
    for percent, bars in seen:  # every file's bar in the task manager shows the order's
        assert all(bar == pytest.approx(min(99.0, percent)) for bar in bars), (percent, bars)

    project = QgsProject.instance()
    names = sorted(project.mapLayer(i).name() for i in downloads.last_layers[order_id])
    assert names == ["Bytes order · ms", "Bytes order · visual"]
    layer = QgsProject.instance().mapLayer(downloads.last_layers[order_id][0])
    transform = QgsCoordinateTransform(
        layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    )
    assert canvas.extent().contains(transform.transformBoundingBox(layer.extent()))
    assert not canvas.extent().intersects(far_away)

    canvas.setExtent(far_away)  # the user looks elsewhere; a second download adds nothing
    before = canvas.extent()
    with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS):
        assert downloads.download_order(order_id, "Bytes order")
    assert canvas.extent() == before


def _flat_geotiff(path: Path, value: int, kind: int) -> Path:
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 32, 32, 1, kind)
    dataset.SetGeoTransform((13.3, 0.001, 0, 52.5, 0, -0.001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).Fill(value)
    dataset = None
    return path


@pytest.mark.parametrize(
    ("value", "kind"), [(1, gdal.GDT_Byte), (200, gdal.GDT_Byte), (3000, gdal.GDT_UInt16)]
)
def test_a_single_value_raster_is_grey_not_black(tmp_path, qgis_new_project, value, kind):
    path = _flat_geotiff(tmp_path / "flat.tif", value, kind)
    [layer] = add_rasters_to_project([path], "Flat")
    block = layer.renderer().block(1, layer.extent(), 4, 4)
    grey = qGray(block.color(0, 0))
    assert 60 < grey < 200, grey
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_open_folder_without_a_file_manager_says_where_the_files_are(
    order_context, qtbot, monkeypatch
) -> None:
    panel = DeliveryPanel(order_context)
    qtbot.addWidget(panel)
    panel.order = Order("order-without-manager", "No manager <b>order</b>", OrderStatus.FULFILLED)
    folder = panel.folder()
    folder.mkdir(parents=True)
    opened: list[str] = []

    def refuse(url) -> bool:
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(refuse))
    assert panel.open_folder() is False
    assert opened == [str(folder)]
    assert str(folder) in panel.message.text()
    assert "No file manager" in panel.message.text()
    assert QApplication.clipboard().text() == str(folder)
